//! A count followed by a noun agrees with it: "1 modulo scelto", "2 moduli scelti", never
//! "1 moduli scelti". rust-i18n has no plural rules, so such a text is a pair of keys,
//! `…_one` and `…_other`, picked by `cruscotto::i18n::plural`; this test finds any text where
//! a count's placeholder is followed by a word and the key is not half of such a pair.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

/// Placeholders that hold a count of things.
const COUNTS: [&str; 10] = [
    "count",
    "chosen",
    "shown",
    "completed",
    "enrolled",
    "hours",
    "max",
    "total",
    "workers",
    "smartable",
];

/// Texts whose count is followed by a word that does not change with the number: units
/// and abbreviations, or a count that is never 1 where the text is used.
const INVARIANT: [&str; 7] = [
    "file_errors.size.bytes",
    "file_errors.size.kb",
    "file_errors.size.mb",
    // Shown only with more than 12 partners, and more than 24 selected.
    "overview.adoption.aggregate_note",
    "overview.adoption.selected_capped",
    // "Show 3 more", "and 3 more": no noun follows.
    "scenarios.changes.show_more",
    "scenarios.warnings.and_more",
];

/// Key → language → text, from every assets/locales/*.yml.
fn texts() -> BTreeMap<String, Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
    let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("the locale folder") {
        let path = entry.expect("a locale file").path();
        if path.extension().is_none_or(|e| e != "yml") {
            continue;
        }
        let mut key = None;
        for line in fs::read_to_string(&path).expect("a readable file").lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !line.starts_with(' ') {
                key = trimmed.strip_suffix(':').map(str::to_owned);
            } else if let (Some(key), Some((_, text))) = (&key, trimmed.split_once(": ")) {
                texts.entry(key.clone()).or_default().push(text.to_owned());
            }
        }
    }
    texts
}

/// Whether `text` has a count's placeholder followed by a word ("%{count} moduli").
fn count_before_a_word(text: &str) -> bool {
    COUNTS.iter().any(|name| {
        let hole = format!("%{{{name}}} ");
        text.match_indices(&hole).any(|(at, _)| {
            text[at + hole.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
    })
}

#[test]
fn every_count_followed_by_a_noun_has_a_singular_and_a_plural_text() {
    let texts = texts();
    let mut missing = Vec::new();
    for (key, values) in &texts {
        if !values.iter().any(|text| count_before_a_word(text)) || INVARIANT.contains(&key.as_str())
        {
            continue;
        }
        let pair = key
            .strip_suffix("_one")
            .map(|base| format!("{base}_other"))
            .or_else(|| key.strip_suffix("_other").map(|base| format!("{base}_one")));
        match pair {
            Some(other) if texts.contains_key(&other) => {}
            _ => missing.push(key.as_str()),
        }
    }
    assert!(
        missing.is_empty(),
        "a count followed by a noun without a _one/_other pair: {missing:#?}"
    );
}

#[test]
fn the_exceptions_are_still_needed() {
    let texts = texts();
    for key in INVARIANT {
        let values = texts.get(key).unwrap_or_else(|| panic!("{key} is gone"));
        assert!(
            values.iter().any(|text| count_before_a_word(text)),
            "{key} no longer needs its exception"
        );
    }
}
