//! The store's English phrases read back and put in the interface language: the messages of
//! src/store/diagnose.rs, the items it names ("a partner"), what a cut-short file left open.
//!
//! Each phrase is recognised from the English text of its key (see `template`). A message
//! whose shape, or any part of it, is not recognised stays in English, whole, rather than
//! half translated.

use std::borrow::Cow;

use super::template::{Captures, captures, fill};
use crate::i18n::{Lang, tr};

/// Messages without holes.
const FIXED: [&str; 7] = [
    "file_errors.message.number_out_of_range",
    "file_errors.message.unclosed_comment",
    "file_errors.message.trailing_text",
    "file_errors.message.misplaced_underscore",
    "file_errors.message.not_utf8",
    "file_errors.message.no_project",
    "file_errors.message.unreadable_format",
];

/// Messages whose holes hold text from the file or a number, kept as they are.
const VERBATIM: [&str; 4] = [
    "file_errors.message.unexpected_char",
    "file_errors.message.unexpected_digit",
    "file_errors.message.no_reader",
    "file_errors.message.format_first",
];

const EXPECTED_VALUES: [&str; 2] = [
    "file_errors.message.expected_values_other",
    "file_errors.message.expected_values_one",
];
const EXPECTED_FOUND: &str = "file_errors.message.expected_found";
const EXPECTED: &str = "file_errors.message.expected";
const UNKNOWN_VALUE: &str = "file_errors.message.unknown_value";
const FIELD_MESSAGES: [&str; 2] = [
    "file_errors.message.missing_field",
    "file_errors.message.duplicate_field",
];
const INVALID_ESCAPE: &str = "file_errors.message.invalid_escape";

/// What a message says was expected, besides the items.
const EXPECTED_WORDS: [&str; 20] = [
    "file_errors.expected.list_start",
    "file_errors.expected.list_end",
    "file_errors.expected.boolean",
    "file_errors.expected.comma",
    "file_errors.expected.number",
    "file_errors.expected.whole_number",
    "file_errors.expected.option",
    "file_errors.expected.item_end",
    "file_errors.expected.map_start",
    "file_errors.expected.map_colon",
    "file_errors.expected.map_end",
    "file_errors.expected.item_start",
    "file_errors.expected.text",
    "file_errors.expected.text_end",
    "file_errors.expected.field_name",
    "file_errors.expected.unit",
    "file_errors.expected.char",
    "file_errors.expected.month",
    "file_errors.expected.observation_row",
    "file_errors.expected.project_file",
];

/// What was found instead, in serde's words.
const FOUND_WORDS: [&str; 10] = [
    "file_errors.found.string",
    "file_errors.found.boolean",
    "file_errors.found.unsigned",
    "file_errors.found.signed",
    "file_errors.found.float",
    "file_errors.found.char",
    "file_errors.found.unit",
    "file_errors.found.option",
    "file_errors.found.sequence",
    "file_errors.found.map",
];

const ESCAPES: [&str; 6] = [
    "file_errors.escape.unknown",
    "file_errors.escape.non_hex",
    "file_errors.escape.missing_open_brace",
    "file_errors.escape.no_digits",
    "file_errors.escape.missing_close_brace",
    "file_errors.escape.not_a_char",
];

const OPEN: [&str; 3] = [
    "file_errors.open.bracket",
    "file_errors.open.text",
    "file_errors.open.comment",
];

const SUFFIX_EXPECTED: &str = "file_errors.suffix.expected";
const SUFFIX_ONE_OF: &str = "file_errors.suffix.expected_one_of";
const ITEM_FOR: &str = "file_errors.item_for";
const ITEM_IN_OTHER: &str = "file_errors.item_in.other";

/// An item of a project as the store names it: alone ("a partner") and after "in".
pub(super) struct Item {
    alone: &'static str,
    inside: &'static str,
}

const fn item(alone: &'static str, inside: &'static str) -> Item {
    Item { alone, inside }
}

/// Every item src/store/diagnose.rs names (its `item_in_words`), the generic type name last.
pub(super) const ITEMS: [Item; 24] = [
    item("file_errors.item.header", "file_errors.item_in.header"),
    item("file_errors.item.project", "file_errors.item_in.project"),
    item("file_errors.item.meta", "file_errors.item_in.meta"),
    item("file_errors.item.module", "file_errors.item_in.module"),
    item(
        "file_errors.item.indicator",
        "file_errors.item_in.indicator",
    ),
    item("file_errors.item.partner", "file_errors.item_in.partner"),
    item(
        "file_errors.item.milestone",
        "file_errors.item_in.milestone",
    ),
    item(
        "file_errors.item.chosen_module",
        "file_errors.item_in.chosen_module",
    ),
    item("file_errors.item.session", "file_errors.item_in.session"),
    item(
        "file_errors.item.equipment",
        "file_errors.item_in.equipment",
    ),
    item(
        "file_errors.item.observations",
        "file_errors.item_in.observations",
    ),
    item(
        "file_errors.item.indicator_values",
        "file_errors.item_in.indicator_values",
    ),
    item("file_errors.item.scenario", "file_errors.item_in.scenario"),
    item(
        "file_errors.item.scenario_change",
        "file_errors.item_in.scenario_change",
    ),
    item(
        "file_errors.item.scenario_change_named",
        "file_errors.item_in.scenario_change_named",
    ),
    item(
        "file_errors.item.model_setting",
        "file_errors.item_in.model_setting",
    ),
    item(
        "file_errors.item.milestone_kind",
        "file_errors.item_in.milestone_kind",
    ),
    item(
        "file_errors.item.equipment_kind",
        "file_errors.item_in.equipment_kind",
    ),
    item(
        "file_errors.item.module_area",
        "file_errors.item_in.module_area",
    ),
    item(
        "file_errors.item.module_format",
        "file_errors.item_in.module_format",
    ),
    item("file_errors.item.audience", "file_errors.item_in.audience"),
    item(
        "file_errors.item.indicator_block",
        "file_errors.item_in.indicator_block",
    ),
    item("file_errors.item.language", "file_errors.item_in.language"),
    item(
        "file_errors.item.type_name",
        "file_errors.item_in.type_name",
    ),
];

impl Item {
    #[cfg(test)]
    pub(super) fn keys(&self) -> [&'static str; 2] {
        [self.alone, self.inside]
    }
}

fn english(key: &str) -> Cow<'static, str> {
    tr(Lang::En, key)
}

/// The first of `keys` whose English template `text` fills, with what fills its holes.
fn recognise<'t>(keys: &[&'static str], text: &'t str) -> Option<(&'static str, Captures<'t>)> {
    keys.iter()
        .find_map(|&key| captures(&english(key), text).map(|found| (key, found)))
}

/// `key` in `lang`, its holes filled with what was read from the English.
fn reword(lang: Lang, key: &str, found: &Captures) -> String {
    fill(&tr(lang, key), &found.args())
}

/// An `Invalid` message of the store in `lang`; the English message when not recognised.
pub(super) fn invalid(lang: Lang, message: &str) -> String {
    translate(lang, message).unwrap_or_else(|| message.to_owned())
}

fn translate(lang: Lang, message: &str) -> Option<String> {
    if let Some((key, found)) = recognise(&FIXED, message).or_else(|| recognise(&VERBATIM, message))
    {
        return Some(reword(lang, key, &found));
    }
    if let Some(found) = captures(&english(INVALID_ESCAPE), message) {
        let (what, _) = recognise(&ESCAPES, found.get("what")?)?;
        return Some(fill(
            &tr(lang, INVALID_ESCAPE),
            &[("what", &tr(lang, what))],
        ));
    }
    if let Some(found) = captures(&english(UNKNOWN_VALUE), message) {
        let rest = unknown_value_rest(lang, found.get("rest")?)?;
        return Some(fill(
            &tr(lang, UNKNOWN_VALUE),
            &[("value", found.get("value")?), ("rest", &rest)],
        ));
    }
    if let Some((key, found)) = recognise(&FIELD_MESSAGES, message) {
        let place = place(lang, found.get("place")?)?;
        return Some(fill(
            &tr(lang, key),
            &[("field", found.get("field")?), ("place", &place)],
        ));
    }
    for key in EXPECTED_VALUES {
        if let Some(found) = captures(&english(key), message)
            && let Some(count) = found.get("count").filter(|c| is_count(c))
        {
            let what = expected(lang, found.get("what")?)?;
            return Some(fill(&tr(lang, key), &[("what", &what), ("count", count)]));
        }
    }
    if let Some(found) = captures(&english(EXPECTED_FOUND), message) {
        let what = expected(lang, found.get("what")?)?;
        let instead = found_words(lang, found.get("found")?)?;
        return Some(fill(
            &tr(lang, EXPECTED_FOUND),
            &[("what", &what), ("found", &instead)],
        ));
    }
    let found = captures(&english(EXPECTED), message)?;
    let what = expected(lang, found.get("what")?)?;
    Some(fill(&tr(lang, EXPECTED), &[("what", &what)]))
}

/// `" for a language (expected one of `Italian` or `English`)"`, either part optional.
fn unknown_value_rest(lang: Lang, rest: &str) -> Option<String> {
    let (purpose, suffix) = match rest.find(" (expected ") {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let suffix = if suffix.is_empty() {
        String::new()
    } else {
        let (key, found) = recognise(&[SUFFIX_ONE_OF, SUFFIX_EXPECTED], suffix)?;
        reword(lang, key, &found)
    };
    let purpose = if purpose.is_empty() {
        String::new()
    } else {
        // The space before "for"/"in" separates the phrase in both languages.
        let words = purpose.strip_prefix(' ')?;
        let found = captures(&english(ITEM_FOR), words)?;
        let item = alone(lang, found.get("item")?)?;
        format!(" {}", fill(&tr(lang, ITEM_FOR), &[("item", &item)]))
    };
    Some(purpose + &suffix)
}

/// `""` or `" in a partner"`, in `lang`.
fn place(lang: Lang, place: &str) -> Option<String> {
    if place.is_empty() {
        return Some(String::new());
    }
    let words = place.strip_prefix(' ')?;
    let (item, found) = find_item(words, |item| item.inside)?;
    Some(format!(" {}", reword(lang, item.inside, &found)))
}

/// What was expected: the syntax the store names, or an item.
fn expected(lang: Lang, what: &str) -> Option<String> {
    match recognise(&EXPECTED_WORDS, what) {
        Some((key, found)) => Some(reword(lang, key, &found)),
        None => alone(lang, what),
    }
}

/// What was found instead: text quoted from the file stays as it is.
fn found_words(lang: Lang, found: &str) -> Option<String> {
    let quoted = ['`', '"']
        .iter()
        .any(|&q| found.len() >= 2 && found.starts_with(q) && found.ends_with(q));
    if quoted {
        return Some(found.to_owned());
    }
    let (key, found) = recognise(&FOUND_WORDS, found)?;
    Some(reword(lang, key, &found))
}

/// An item named alone ("a partner"), in `lang`.
fn alone(lang: Lang, words: &str) -> Option<String> {
    let (item, found) = find_item(words, |item| item.alone)?;
    Some(reword(lang, item.alone, &found))
}

/// The item whose English (in the form `form` picks) `words` are; the names it holds must be
/// type names, so the generic "`%{name}`" does not swallow other backquoted phrases.
fn find_item<'t>(
    words: &'t str,
    form: impl Fn(&Item) -> &'static str,
) -> Option<(&'static Item, Captures<'t>)> {
    ITEMS.iter().find_map(|item| {
        let found = captures(&english(form(item)), words)?;
        let names = found.args().iter().all(|(_, name)| is_type_name(name));
        names.then_some((item, found))
    })
}

fn is_type_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn is_count(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// The item a field was found in (`UnknownField::within`, "a partner") after "in", in
/// `lang`; words the app does not know are kept as they are.
pub(super) fn within(lang: Lang, within: &str) -> String {
    match find_item(within, |item| item.alone) {
        Some((item, found)) => reword(lang, item.inside, &found),
        None => fill(&tr(lang, ITEM_IN_OTHER), &[("item", within)]),
    }
}

/// What a cut-short file left open (`Truncated::expected`), in `lang`; kept as it is when
/// not recognised.
pub(super) fn unclosed(lang: Lang, expected: &str) -> String {
    match recognise(&OPEN, expected) {
        Some((key, found)) => reword(lang, key, &found),
        None => expected.to_owned(),
    }
}

/// `" (expected `a`)"`, `" (expected one of `a`, `b` or `c`)"`, or nothing for no names.
pub(super) fn one_of(lang: Lang, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => expected_suffix(lang, one),
        [init @ .., last] => fill(
            &tr(lang, SUFFIX_ONE_OF),
            &[("list", &init.join(", ")), ("last", last)],
        ),
    }
}

/// `" (expected …)"` around words already in `lang`.
pub(super) fn expected_suffix(lang: Lang, what: &str) -> String {
    fill(&tr(lang, SUFFIX_EXPECTED), &[("what", what)])
}
