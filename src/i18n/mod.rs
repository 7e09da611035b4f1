//! The interface language: every UI string goes through `tr`, the translations live in
//! assets/locales/*.yml (one file per part of the app, each key with `it` and `en`), and
//! numbers, money and months are written the way the language expects (`format`).
//!
//! This is the language of the interface, chosen by the user; `model::Language` is the
//! language a project's own data is written in.

pub mod edit_errors;
pub mod file_errors;
pub mod findings;
pub mod format;
pub mod parse;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// The locale code the translation files use.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// The language's own name, shown in the language menu whatever the current language.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
        }
    }

    /// Italian for an Italian system locale (`it`, `it-IT`, `it_CH.UTF-8`, …), English for
    /// any other, since English is the second language of the app's users.
    pub fn from_locale(locale: &str) -> Lang {
        let language = locale.split(['-', '_', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("it") {
            Lang::It
        } else {
            Lang::En
        }
    }

    /// The system's language, for the first start.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .map(|locale| Lang::from_locale(&locale))
            .unwrap_or_default()
    }
}

/// The text of `key` in `lang`. A key missing from the files shows as the key itself, so a
/// gap is visible on screen rather than blank (a test keeps both languages complete).
pub fn tr(lang: Lang, key: &str) -> Cow<'static, str> {
    match crate::_rust_i18n_try_translate(lang.code(), key) {
        Some(text) => text,
        None => Cow::Owned(key.to_owned()),
    }
}

/// `tr` with `%{name}` placeholders replaced by the given values.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(&tr(lang, key), args)
}

/// A text that counts something: the key `{base}_one` for exactly one, `{base}_other` for
/// any other number ("1 modulo scelto", "3 moduli scelti"), with `%{count}` written the
/// language's way and the other placeholders from `args`. rust-i18n has no plural rules;
/// Italian and English both need just these two forms.
pub fn plural(lang: Lang, base: &str, count: i64, args: &[(&str, &str)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let number = format::integer(lang, count);
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(("count", number.as_str()));
    all.extend_from_slice(args);
    tr_args(lang, &format!("{base}_{form}"), &all)
}

/// `template` with each `%{name}` replaced by its value. Values go in as they are and are
/// never searched for holes themselves, since they hold text from the user's file (a file
/// may well contain `%{path}`). A hole without a value is left as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find("%{") {
        let hole = &rest[start..];
        let Some(end) = hole.find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &hole[2..end];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&hole[..=end]),
        }
        rest = &hole[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether `key` has a text in `lang` (for the completeness test).
pub fn has_key(lang: Lang, key: &str) -> bool {
    crate::_rust_i18n_try_translate(lang.code(), key).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_agrees_with_its_noun_in_both_languages() {
        let tip = |lang, chosen| plural(lang, "training.matrix.count_tip", chosen, &[("max", "9")]);
        assert_eq!(tip(Lang::It, 1), "1 modulo scelto, al massimo 9");
        assert_eq!(tip(Lang::It, 0), "0 moduli scelti, al massimo 9");
        assert_eq!(tip(Lang::En, 1), "1 module chosen, at most 9");
        assert_eq!(
            plural(Lang::It, "training.max.read_only", 1200, &[]),
            "Al massimo 1.200 moduli per Comune"
        );
    }

    #[test]
    fn italian_locales_choose_italian() {
        for locale in ["it", "it-IT", "it_CH.UTF-8", "IT"] {
            assert_eq!(Lang::from_locale(locale), Lang::It, "{locale}");
        }
        for locale in ["en-US", "de_DE", "", "C", "ita"] {
            assert_eq!(Lang::from_locale(locale), Lang::En, "{locale}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            tr_args(Lang::En, "app.status.saved", &[("file", "/tmp/bra.ron")]),
            "Saved to /tmp/bra.ron"
        );
        assert_eq!(
            tr_args(Lang::It, "app.status.saved", &[("file", "/tmp/bra.ron")]),
            "Salvato in /tmp/bra.ron"
        );
    }
}
