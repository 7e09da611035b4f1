//! Turns RON's parser errors, written for developers, into sentences for the person who opened
//! the file, and finds what was left open when a file was cut short.

use ron::error::{Error as RonError, Position, SpannedError};

use super::errors::LoadErrorKind;

/// A user-facing kind and 1-based (line, column) for a RON error in `text`.
pub(crate) fn explain(
    text: &str,
    error: &SpannedError,
    depth_limit: usize,
) -> (LoadErrorKind, Option<(usize, usize)>) {
    // RON's spans start before the whitespace that precedes the offending token; users look
    // for the token.
    let start = skip_whitespace(text, offset_of(text, error.span.start));
    let end = offset_of(text, error.span.end);
    let content_end = text.trim_end().len();
    let unclosed = innermost_unclosed(text);
    // A cut-short file fails on its last, incomplete token (`Classr` for `Classroom`, `f` for
    // `false`, a key without its colon), whatever RON then says about that token; what matters
    // to the user is that the file stops while something is still open.
    let cut_short = unclosed.as_ref().is_some_and(|u| {
        end >= content_end
            || start >= last_token_start(text, content_end)
            || (!matches!(u.what, Opener::Bracket(_)) && start >= u.offset)
    });
    if matches!(error.code, RonError::Eof) || cut_short {
        let expected = unclosed.map(|u| u.expected());
        return (
            LoadErrorKind::Truncated { expected },
            Some(line_and_column(text, content_end)),
        );
    }
    let kind = match describe(&error.code, depth_limit) {
        LoadErrorKind::Invalid { message }
            if message.starts_with("expected") && !message.contains(", found") =>
        {
            LoadErrorKind::Invalid {
                message: with_found_token(message, text, start),
            }
        }
        other => other,
    };
    (kind, Some(line_and_column(text, start)))
}

/// "expected a number" says what to write; showing what is written there instead lets the
/// user find it at a glance.
fn with_found_token(message: String, text: &str, start: usize) -> String {
    const LONGEST: usize = 30;
    let rest = text.get(start..).unwrap_or("");
    let token: String = rest
        .chars()
        .take_while(|c| !matches!(c, ',' | ')' | ']' | '}' | '\n' | '\r'))
        .take(LONGEST + 1)
        .collect();
    let token = token.trim_end();
    if token.is_empty() {
        return message;
    }
    let ellipsis = if token.chars().count() > LONGEST {
        "…"
    } else {
        ""
    };
    let shown: String = token.chars().take(LONGEST).collect();
    format!("{message}, found `{shown}{ellipsis}`")
}

fn describe(code: &RonError, depth_limit: usize) -> LoadErrorKind {
    let invalid = |message: String| LoadErrorKind::Invalid { message };
    match code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => LoadErrorKind::UnknownField {
            field: found.clone(),
            within: outer.as_deref().map(item_in_words),
            expected: expected.iter().map(|e| (*e).to_owned()).collect(),
        },
        RonError::ExceededRecursionLimit => LoadErrorKind::TooDeep { limit: depth_limit },
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let within = outer
                .as_deref()
                .map(|o| format!(" for {}", item_in_words(o)))
                .unwrap_or_default();
            let names: Vec<String> = expected.iter().map(|e| (*e).to_owned()).collect();
            invalid(format!(
                "unknown value `{found}`{within}{}",
                super::errors::one_of_suffix(&names)
            ))
        }
        RonError::MissingStructField { field, outer } => invalid(format!(
            "missing field `{field}`{}",
            outer
                .as_deref()
                .map(|o| format!(" in {}", item_in_words(o)))
                .unwrap_or_default()
        )),
        RonError::DuplicateStructField { field, outer } => invalid(format!(
            "the field `{field}` appears twice{}",
            outer
                .as_deref()
                .map(|o| format!(" in {}", item_in_words(o)))
                .unwrap_or_default()
        )),
        RonError::InvalidValueForType { expected, found } => invalid(format!(
            "expected {}, found {found}",
            expected_in_words(expected)
        )),
        RonError::ExpectedDifferentLength { expected, found } => invalid(format!(
            "expected {}, found {found} value{}",
            expected_in_words(expected),
            if *found == 1 { "" } else { "s" }
        )),
        RonError::Message(message) => invalid(message.clone()),
        other => invalid(syntax_in_words(other)),
    }
}

fn syntax_in_words(code: &RonError) -> String {
    let text = match code {
        RonError::ExpectedArray => "expected a list beginning with `[`",
        RonError::ExpectedArrayEnd => "expected `,` or the `]` that closes the list",
        RonError::ExpectedBoolean => "expected `true` or `false`",
        RonError::ExpectedComma => "expected a comma `,` or a closing bracket",
        RonError::ExpectedFloat => "expected a number",
        RonError::ExpectedInteger => "expected a whole number",
        RonError::ExpectedOption => "expected `Some(...)` or `None`",
        RonError::ExpectedOptionEnd | RonError::ExpectedStructLikeEnd => {
            "expected `,` or the `)` that closes this item"
        }
        RonError::ExpectedMap => "expected a map beginning with `{`",
        RonError::ExpectedMapColon => "expected `:` between a key and its value",
        RonError::ExpectedMapEnd => "expected `,` or the `}` that closes the map",
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "expected `(` opening an item"
        }
        RonError::ExpectedString => "expected text in double quotes",
        RonError::ExpectedStringEnd => "expected the `\"` that ends this text",
        RonError::ExpectedIdentifier => "expected a field name",
        RonError::ExpectedUnit => "expected `()`",
        RonError::ExpectedChar => "expected a character in single quotes",
        RonError::IntegerOutOfBounds => {
            "this number is too large (or negative where it may not be)"
        }
        RonError::UnclosedBlockComment => "a `/*` comment is never closed",
        RonError::TrailingCharacters => "unexpected text after the end of the project",
        RonError::UnderscoreAtBeginning | RonError::FloatUnderscore => "misplaced `_` in a number",
        RonError::Utf8Error(_) => "the file is not valid UTF-8 text",
        RonError::UnexpectedChar(c) => return format!("unexpected character {c:?}"),
        RonError::InvalidIntegerDigit { digit, .. } => {
            return format!("unexpected {digit:?} in a number");
        }
        RonError::SuggestRawIdentifier(found) | RonError::InvalidIdentifier(found) => {
            return format!("expected a field name, found `{found}`");
        }
        RonError::InvalidEscape(what) => return format!("invalid escape in text: {what}"),
        other => return lower_first(&other.to_string()),
    };
    text.to_owned()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Serde's "expected" phrases name Rust types; users know numbers and the programme's items.
fn expected_in_words(expected: &str) -> String {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
        | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a boolean" | "bool" => "`true` or `false`".to_owned(),
        other => match other.strip_prefix("struct ") {
            Some(name) => item_in_words(name),
            None => other.to_owned(),
        },
    }
}

/// The model's type names as the items a user sees.
fn item_in_words(type_name: &str) -> String {
    let words = match type_name {
        super::format::ENVELOPE_NAME => "the file header",
        "Project" => "the project",
        "ProjectMeta" => "the project details (meta)",
        "Module" => "a catalogue module",
        "IndicatorDef" => "an indicator of the catalogue",
        "Partner" => "a partner",
        "MilestoneDates" => "a milestone",
        "ModuleChoice" => "a chosen module",
        "Session" => "a session",
        "Equipment" => "an equipment purchase",
        "Observations" => "the observations",
        "IndicatorValues" => "a partner's indicator values",
        "Scenario" => "a scenario",
        "ScenarioChange" => "a scenario change",
        "ShiftMilestone" | "AddEquipment" | "SetCompletionRate" | "SetCeiling" | "SetAgileDays"
        | "MoveEquipment" | "ShiftModule" | "SetModelSetting" => {
            return format!("a scenario change `{type_name}`");
        }
        "ModelSetting" => "a model setting",
        "MilestoneKind" => "a milestone kind",
        "EquipmentKind" => "an equipment kind",
        "ModuleArea" => "a module area",
        "ModuleFormat" => "a module format",
        "Audience" => "an audience",
        "IndicatorBlock" => "an indicator block",
        "Language" => "a language",
        other => return format!("`{other}`"),
    };
    words.to_owned()
}

/// The byte offset of RON's 1-based (line, column in characters), clamped to the text.
fn offset_of(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 1..position.line {
        match text[line_start..].find('\n') {
            Some(newline) => line_start += newline + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let within = line
        .char_indices()
        .nth(position.col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    line_start + within
}

/// 1-based line and column (in characters) of the byte `offset` of `text`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

fn skip_whitespace(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or("");
    offset + (rest.len() - rest.trim_start().len())
}

/// Where the file's last word or number (or last symbol) begins.
fn last_token_start(text: &str, content_end: usize) -> usize {
    let content = text.get(..content_end).unwrap_or(text);
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+');
    let word = content.len() - content.trim_end_matches(is_word).len();
    let token = match word {
        0 => content.chars().next_back().map_or(0, char::len_utf8),
        n => n,
    };
    content_end - token
}

#[derive(Debug, Clone, Copy)]
enum Opener {
    Bracket(char),
    Text,
    Comment,
}

#[derive(Debug)]
struct Unclosed {
    what: Opener,
    at: Position,
    offset: usize,
}

impl Unclosed {
    fn expected(&self) -> String {
        let Position { line, col } = self.at;
        match self.what {
            Opener::Bracket(open) => {
                let close = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                format!("`{close}` to close the `{open}` at line {line}, column {col}")
            }
            Opener::Text => {
                format!("`\"` to end the text that begins at line {line}, column {col}")
            }
            Opener::Comment => {
                format!("`*/` to end the comment that begins at line {line}, column {col}")
            }
        }
    }
}

/// The innermost bracket, text or comment still open at the end of `text`, skipping brackets
/// inside text and comments. Lenient: mismatched closers are RON's business, not ours.
fn innermost_unclosed(text: &str) -> Option<Unclosed> {
    let unclosed = |what, offset| {
        let (line, col) = line_and_column(text, offset);
        Some(Unclosed {
            what,
            at: Position { line, col },
            offset,
        })
    };
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        match c {
            '(' | '[' | '{' => stack.push((c, offset)),
            ')' | ']' | '}' => {
                stack.pop();
            }
            '"' => {
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if !closed {
                    return unclosed(Opener::Text, offset);
                }
            }
            '/' if next == Some('/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0usize;
                let mut previous = '/';
                for (_, c) in chars.by_ref() {
                    let pair = (previous, c);
                    match pair {
                        ('/', '*') => depth += 1,
                        ('*', '/') => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    // A `*/` or `/*` uses up both characters, so `/*/` is not a close.
                    previous = if matches!(pair, ('/', '*') | ('*', '/')) {
                        ' '
                    } else {
                        c
                    };
                    if depth == 0 {
                        break;
                    }
                }
                if depth > 0 {
                    return unclosed(Opener::Comment, offset);
                }
            }
            _ => {}
        }
    }
    let (open, offset) = stack.pop()?;
    unclosed(Opener::Bracket(open), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected_at_end(text: &str) -> Option<String> {
        innermost_unclosed(text).map(|u| u.expected())
    }

    #[test]
    fn names_the_innermost_open_bracket() {
        assert_eq!(
            expected_at_end("(a: [1, 2],\n  b: (c: [3"),
            Some("`]` to close the `[` at line 2, column 10".to_owned())
        );
        assert_eq!(expected_at_end("(a: [1, 2])"), None);
    }

    #[test]
    fn ignores_brackets_in_text_and_comments() {
        assert_eq!(
            expected_at_end("(a: \"(x[\", // ((\n /* [ /* ] */ */ b: 1"),
            Some("`)` to close the `(` at line 1, column 1".to_owned())
        );
        assert_eq!(
            expected_at_end("(a: \"cut \\\" short"),
            Some("`\"` to end the text that begins at line 1, column 5".to_owned())
        );
        assert_eq!(
            expected_at_end("(a: 1, /* open /* */"),
            Some("`*/` to end the comment that begins at line 1, column 8".to_owned())
        );
    }

    #[test]
    fn positions_count_characters_and_convert_both_ways() {
        let text = "ab\ncdè f\n\n";
        assert_eq!(line_and_column(text, text.trim_end().len()), (2, 6));
        assert_eq!(line_and_column("", 0), (1, 1));
        assert_eq!(offset_of(text, Position { line: 2, col: 5 }), 8);
        assert_eq!(offset_of(text, Position { line: 9, col: 1 }), text.len());
        assert_eq!(last_token_start("(a: fals", 8), 4);
        assert_eq!(last_token_start("(a: [", 5), 4);
    }

    #[test]
    fn rust_type_names_become_user_words() {
        assert_eq!(expected_in_words("i64"), "a whole number");
        assert_eq!(expected_in_words("struct Partner"), "a partner");
        assert_eq!(item_in_words("Session"), "a session");
        assert_eq!(item_in_words("Mystery"), "`Mystery`");
    }
}
