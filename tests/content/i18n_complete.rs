//! Both interface languages are complete: every key in assets/locales/*.yml has an Italian and
//! an English text with the same placeholders, the compiled-in translations match the files,
//! and every key the sources name literally exists.
//!
//! The locale files use a small subset of YAML that we write ourselves (`_version: 2`,
//! top-level `key:` lines, indented `en:` / `it:` lines, `#` comments), so they are parsed
//! here by hand; anything outside that shape fails the test and should be rewritten in it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use cruscotto::i18n::{Lang, has_key, tr};

const LANGUAGES: [&str; 2] = ["it", "en"];

/// Key → language → text, with the file each key came from.
struct Locales {
    texts: BTreeMap<String, BTreeMap<String, String>>,
    files: BTreeMap<String, PathBuf>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            files_in(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
}

fn load_locales() -> Locales {
    let mut files = Vec::new();
    files_in(&root().join("assets/locales"), "yml", &mut files);
    assert!(!files.is_empty(), "no locale files under assets/locales");
    let mut locales = Locales {
        texts: BTreeMap::new(),
        files: BTreeMap::new(),
    };
    for file in files {
        let text = fs::read_to_string(&file).expect("a readable locale file");
        let parsed = parse_locale_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (key, texts) in parsed {
            if let Some(other) = locales.files.get(&key) {
                panic!(
                    "key {key} is in both {} and {}: one would silently replace the other",
                    other.display(),
                    file.display()
                );
            }
            locales.files.insert(key.clone(), file.clone());
            locales.texts.insert(key, texts);
        }
    }
    locales
}

type Parsed = Vec<(String, BTreeMap<String, String>)>;

/// Parses the `_version: 2` shape; errors name the line.
fn parse_locale_file(text: &str) -> Result<Parsed, String> {
    let mut keys: Parsed = Vec::new();
    let mut version = false;
    for (index, line) in text.lines().enumerate() {
        let at = |message: String| format!("line {}: {message}", index + 1);
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let (name, value) = content
            .split_once(':')
            .ok_or_else(|| at(format!("expected `name: value`, found {content:?}")))?;
        let value = value.trim();
        if !indented && name == "_version" {
            if value != "2" {
                return Err(at(format!("expected _version: 2, found {value}")));
            }
            version = true;
        } else if !indented {
            if !value.is_empty() {
                return Err(at(format!("key {name} must be followed by its languages")));
            }
            if keys.iter().any(|(key, _)| key == name) {
                return Err(at(format!("key {name} appears twice")));
            }
            keys.push((name.to_owned(), BTreeMap::new()));
        } else {
            let (key, texts) = keys
                .last_mut()
                .ok_or_else(|| at("a language line before any key".to_owned()))?;
            if !LANGUAGES.contains(&name) {
                return Err(at(format!("unknown language {name:?} in {key}")));
            }
            let value = scalar(value).map_err(at)?;
            if texts.insert(name.to_owned(), value).is_some() {
                return Err(at(format!("{key} has {name} twice")));
            }
        }
    }
    if !version {
        return Err("missing `_version: 2`".to_owned());
    }
    Ok(keys)
}

/// A double-quoted string with `\"`, `\\`, `\n` escapes, a single-quoted one with `''`, or a
/// plain word.
fn scalar(value: &str) -> Result<String, String> {
    if let Some(body) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let rest: String = chars.collect();
                    return if rest.trim().is_empty() || rest.trim().starts_with('#') {
                        Ok(out)
                    } else {
                        Err(format!("text after the closing quote: {rest:?}"))
                    };
                }
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(escaped @ ('"' | '\\')) => out.push(escaped),
                    other => return Err(format!("unsupported escape \\{other:?}")),
                },
                _ => out.push(c),
            }
        }
        Err(format!("unterminated string {value:?}"))
    } else if let Some(body) = value.strip_prefix('\'') {
        let body = body
            .strip_suffix('\'')
            .ok_or_else(|| format!("unterminated string {value:?}"))?;
        Ok(body.replace("''", "'"))
    } else if value.starts_with(['|', '>', '&', '*', '[', '{']) {
        Err(format!("{value:?}: write one quoted line instead"))
    } else {
        Ok(value.to_owned())
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_key_has_both_languages_with_the_same_placeholders() {
    let locales = load_locales();
    let mut problems = Vec::new();
    for (key, texts) in &locales.texts {
        let file = locales.files[key].display();
        for language in LANGUAGES {
            match texts.get(language) {
                None => problems.push(format!("{file}: {key} has no {language}")),
                Some(text) if text.trim().is_empty() => {
                    problems.push(format!("{file}: {key} has an empty {language}"));
                }
                Some(_) => {}
            }
        }
        if let (Some(it), Some(en)) = (texts.get("it"), texts.get("en"))
            && placeholders(it) != placeholders(en)
        {
            problems.push(format!(
                "{file}: {key} has placeholders {:?} in it but {:?} in en",
                placeholders(it),
                placeholders(en)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_compiled_translations_are_the_files() {
    let locales = load_locales();
    let mut problems = Vec::new();
    for (key, texts) in &locales.texts {
        for lang in Lang::ALL {
            let Some(expected) = texts.get(lang.code()) else {
                continue;
            };
            if !has_key(lang, key) || tr(lang, key) != expected.as_str() {
                problems.push(format!(
                    "{key} in {}: the app shows {:?}, the file says {expected:?}",
                    lang.code(),
                    tr(lang, key)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_parser_reads_our_shape_and_refuses_others() {
    let parsed = parse_locale_file(
        "_version: 2\n# comment\na.b:\n  en: \"Say \\\"hi\\\", %{name}\"\n  it: 'l''ora'\n",
    )
    .expect("a well-formed file");
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].0, "a.b");
    assert_eq!(parsed[0].1["en"], "Say \"hi\", %{name}");
    assert_eq!(parsed[0].1["it"], "l'ora");
    for bad in [
        "a.b:\n  en: \"x\"\n",                           // no version
        "_version: 2\n  en: \"x\"\n",                    // language before any key
        "_version: 2\na.b:\n  fr: \"x\"\n",              // unknown language
        "_version: 2\na.b:\n  en: |\n    x\n",           // block scalar
        "_version: 2\na.b:\n  en: \"x\n",                // unterminated
        "_version: 2\na.b:\n  en: \"x\"\na.b:\n",        // duplicate key
        "_version: 2\na.b:\n  en: \"x\"\n  en: \"y\"\n", // duplicate language
    ] {
        assert!(parse_locale_file(bad).is_err(), "accepted {bad:?}");
    }
}

// ---- keys named in the sources ----

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Str(String),
    Punct(char),
}

/// Enough of a Rust lexer to find calls and their string arguments: skips comments, reads
/// string literals (plain, byte and raw) whole, tells char literals from lifetimes.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            let (text, end) = quoted(&chars, i + 1);
            out.push(Token::Str(text));
            i = end;
        } else if (c == 'r' || c == 'b') && raw_string_start(&chars, i).is_some() {
            let (hashes, body) = raw_string_start(&chars, i).unwrap_or((0, i));
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let mut end = body;
            while end < chars.len() && !chars[end..].starts_with(&closing) {
                end += 1;
            }
            out.push(Token::Str(
                chars[body..end.min(chars.len())].iter().collect(),
            ));
            i = end + closing.len();
        } else if c == 'b' && next == Some('"') {
            let (text, end) = quoted(&chars, i + 2);
            out.push(Token::Str(text));
            i = end;
        } else if c == '\'' {
            // 'x' or '\n' is a char literal; 'a without a closing quote is a lifetime.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

/// Reads a `"…"` body starting after the quote; returns its text and the index after it.
fn quoted(chars: &[char], mut i: usize) -> (String, usize) {
    let mut text = String::new();
    while i < chars.len() && chars[i] != '"' {
        if chars[i] == '\\' {
            text.push(chars[i]);
            i += 1;
        }
        if let Some(&c) = chars.get(i) {
            text.push(c);
        }
        i += 1;
    }
    (text, i + 1)
}

/// At `r"`, `r#"`, `br"`…: the number of hashes and where the body starts.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    // Not the tail of an identifier such as `bar"`.
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    (chars.get(j + hashes) == Some(&'"')).then_some((hashes, j + hashes + 1))
}

/// Drops `#[cfg(test)] mod … { … }` blocks: tests may name a missing key on purpose (to
/// check how a gap shows), and their own assertions cover the keys they use.
fn without_test_modules(tokens: Vec<Token>) -> Vec<Token> {
    let attribute: Vec<Token> = ["#", "[", "cfg", "(", "test", ")", "]"]
        .iter()
        .map(|t| match t.chars().next() {
            Some(c) if t.len() == 1 && !c.is_alphanumeric() => Token::Punct(c),
            _ => Token::Ident((*t).to_owned()),
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let is_test_module = tokens[i..].starts_with(&attribute)
            && tokens.get(i + attribute.len()) == Some(&Token::Ident("mod".to_owned()))
            && tokens.get(i + attribute.len() + 2) == Some(&Token::Punct('{'));
        if !is_test_module {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        i += attribute.len() + 2;
        let mut depth = 0;
        while i < tokens.len() {
            match tokens[i] {
                Token::Punct('{') => depth += 1,
                Token::Punct('}') => depth -= 1,
                _ => {}
            }
            i += 1;
            if depth == 0 {
                break;
            }
        }
    }
    out
}

fn is_key(text: &str) -> bool {
    let mut parts = text.split('.');
    text.contains('.')
        && parts.all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Keys passed as a whole string literal to `tr(`, `tr_args(`, `.t(` or `t!(`; keys built at
/// run time (`format!`, variables) are not literal arguments and are skipped.
fn literal_keys(tokens: &[Token]) -> Vec<String> {
    let mut keys = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Ident(name) = token else { continue };
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        let open = match name.as_str() {
            "tr" | "tr_args" if previous != Some(&Token::Punct('.')) => i + 1,
            "t" if previous == Some(&Token::Punct('.')) => i + 1,
            "t" if tokens.get(i + 1) == Some(&Token::Punct('!')) => i + 2,
            _ => continue,
        };
        if tokens.get(open) != Some(&Token::Punct('(')) {
            continue;
        }
        for argument in arguments(&tokens[open + 1..]) {
            if let [Token::Str(text)] = argument
                && is_key(text)
            {
                keys.push(text.clone());
                break;
            }
        }
    }
    keys
}

/// The top-level, comma-separated arguments of a call whose `(` was just passed.
fn arguments(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') if depth == 0 => {
                out.push(&tokens[start..i]);
                return out;
            }
            Token::Punct(')' | ']' | '}') => depth -= 1,
            Token::Punct(',') if depth == 0 => {
                out.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_key_scanner_finds_literal_keys_only() {
    let source = r##"
        // tr(lang, "commented.out")
        fn f(lang: Lang) {
            let a = tr(lang, "overview.kpi.staff");
            let b = i18n::tr_args(lang, "findings.problem.empty", &[("field", "x")]);
            let c = ctx.t("app.menu.file");
            let d = t!("app.menu.edit");
            let e = tr(lang, &format!("milestone.{}", name));
            let f = tr(lang, key);
            let g: &'static str = "not.a.call";
            let h = '"';
            let i = r#"tr(lang, "in.raw.string")"#;
            let j = other.tr(lang, "method.not.ours");
        }
        #[cfg(test)]
        mod tests {
            fn t() { tr(Lang::It, "no.such.key"); }
        }
        fn after(lang: Lang) { tr(lang, "after.tests"); }
    "##;
    let keys = literal_keys(&without_test_modules(tokens(source)));
    assert_eq!(
        keys,
        [
            "overview.kpi.staff",
            "findings.problem.empty",
            "app.menu.file",
            "app.menu.edit",
            "after.tests"
        ]
    );
}

/// Endings of file names, which look like keys (`app.ron`) but are not.
const FILE_EXTENSIONS: [&str; 14] = [
    "ron", "png", "yml", "yaml", "rs", "csv", "txt", "json", "desktop", "svg", "xlsx", "ods",
    "toml", "tmp",
];

/// Key-shaped literals anywhere (tables of keys, `match` arms) in a namespace the locale
/// files use: `overview.kpi.staff` when some key starts with `overview.`.
fn namespaced_literals(tokens: &[Token], namespaces: &BTreeSet<String>) -> Vec<String> {
    tokens
        .iter()
        .filter_map(|token| match token {
            Token::Str(text) if is_key(text) => Some(text),
            _ => None,
        })
        .filter(|text| {
            let first = text.split('.').next().unwrap_or_default();
            let last = text.rsplit('.').next().unwrap_or_default();
            namespaces.contains(first) && !FILE_EXTENSIONS.contains(&last)
        })
        .cloned()
        .collect()
}

#[test]
fn keys_in_tables_are_found_by_their_namespace() {
    let source = r#"
        const CARDS: [(&str, &str); 2] = [("overview.kpi.staff", "overview.kpi.staff_unit"),
            ("other.thing", "overview.png")];
    "#;
    let namespaces = BTreeSet::from(["overview".to_owned()]);
    assert_eq!(
        namespaced_literals(&tokens(source), &namespaces),
        ["overview.kpi.staff", "overview.kpi.staff_unit"]
    );
}

#[test]
fn every_key_the_sources_name_exists() {
    let locales = load_locales();
    let namespaces: BTreeSet<String> = locales
        .texts
        .keys()
        .filter_map(|key| key.split('.').next())
        .map(str::to_owned)
        .collect();
    let mut sources = Vec::new();
    files_in(&root().join("src"), "rs", &mut sources);
    let mut missing = BTreeSet::new();
    let mut found = 0;
    for file in sources {
        let source = fs::read_to_string(&file).expect("a readable source file");
        let tokens = without_test_modules(tokens(&source));
        let mut keys = literal_keys(&tokens);
        keys.extend(namespaced_literals(&tokens, &namespaces));
        for key in keys {
            found += 1;
            // A base given to `i18n::plural` names its two forms.
            let plural = ["one", "other"]
                .iter()
                .all(|form| locales.texts.contains_key(&format!("{key}_{form}")));
            if !locales.texts.contains_key(&key) && !plural {
                let file = file.strip_prefix(root()).unwrap_or(&file).display();
                missing.insert(format!("{file}: {key}"));
            }
        }
    }
    assert!(
        found > 0,
        "the scan found no keys at all: is the scanner broken?"
    );
    assert!(
        missing.is_empty(),
        "keys missing from assets/locales:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}
