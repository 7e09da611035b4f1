//! Why a file could not be opened or saved, in the interface language.
//!
//! `store::LoadError` and `store::SaveError` display in English (the command line and logs
//! use that); the app shows the same sentence in the user's language. The English texts in
//! assets/locales/file_errors.yml are the store's English exactly, so the English here reads
//! as the Display does, and they are also how the store's free-form messages are recognised
//! for translation (`store_words`).

mod store_words;
mod template;

use std::path::Path;

use super::{Lang, format, tr};
use crate::store::{LoadError, LoadErrorKind, SaveError};
use template::fill;

/// `x.ron, riga 15, colonna 20: qui ci vuole un numero intero, invece c'è `"many"``
pub fn describe_load_error(lang: Lang, error: &LoadError) -> String {
    let path = error.path().display().to_string();
    let reason = load_reason(lang, error.kind());
    match error.position() {
        Some((line, column)) => fill(
            &tr(lang, "file_errors.load.at"),
            &[
                ("path", &path),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("reason", &reason),
            ],
        ),
        None => fill(
            &tr(lang, "file_errors.load.whole_file"),
            &[("path", &path), ("reason", &reason)],
        ),
    }
}

/// `impossibile salvare /tmp/x.ron: la cartella /tmp/nuova non esiste`
pub fn describe_save_error(lang: Lang, error: &SaveError) -> String {
    let shown = |path: &Path| path.display().to_string();
    match error {
        SaveError::MissingFolder { path, folder } => fill(
            &tr(lang, "file_errors.save.missing_folder"),
            &[("path", &shown(path)), ("folder", &shown(folder))],
        ),
        SaveError::NotAFile { path } => fill(
            &tr(lang, "file_errors.save.not_a_file"),
            &[("path", &shown(path))],
        ),
        SaveError::Backup {
            path,
            backup,
            source,
        } => fill(
            &tr(lang, "file_errors.save.backup"),
            &[
                ("path", &shown(path)),
                ("backup", &shown(backup)),
                ("error", &source.to_string()),
            ],
        ),
        SaveError::Io {
            path,
            action,
            source,
        } => fill(
            &tr(lang, "file_errors.save.io"),
            &[
                ("path", &shown(path)),
                ("action", &save_action(lang, action)),
                ("error", &source.to_string()),
            ],
        ),
    }
}

/// What the store was doing (`SaveError::Io::action`), from the fixed set src/store uses.
const SAVE_ACTIONS: [&str; 9] = [
    "file_errors.action.follow_link",
    "file_errors.action.read_current",
    "file_errors.action.create_temporary",
    "file_errors.action.copy_permissions",
    "file_errors.action.write_new",
    "file_errors.action.replace",
    "file_errors.action.flush_folder",
    "file_errors.action.create_recovery_folder",
    "file_errors.action.remove_recovery",
];

fn save_action(lang: Lang, action: &str) -> String {
    SAVE_ACTIONS
        .iter()
        .find(|key| tr(Lang::En, key) == action)
        .map_or_else(|| action.to_owned(), |key| tr(lang, key).into_owned())
}

fn load_reason(lang: Lang, kind: &LoadErrorKind) -> String {
    let text = |key: &str| tr(lang, key).into_owned();
    let with = |key: &str, args: &[(&str, &str)]| fill(&tr(lang, key), args);
    match kind {
        LoadErrorKind::NotFound => text("file_errors.kind.not_found"),
        LoadErrorKind::NotAFile => text("file_errors.kind.not_a_file"),
        LoadErrorKind::Io(error) => with("file_errors.kind.io", &[("error", &error.to_string())]),
        LoadErrorKind::TooLarge { size, limit } => with(
            "file_errors.kind.too_large",
            &[
                ("size", &file_size(lang, *size)),
                ("limit", &file_size(lang, *limit)),
            ],
        ),
        LoadErrorKind::Empty => text("file_errors.kind.empty"),
        LoadErrorKind::InvalidUtf8 => text("file_errors.kind.invalid_utf8"),
        LoadErrorKind::LooksLikeJson => text("file_errors.kind.looks_like_json"),
        LoadErrorKind::NewerFormat { found, supported } => with(
            "file_errors.kind.newer_format",
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        LoadErrorKind::UnknownFormat {
            found,
            oldest,
            supported,
        } => {
            let readable = if oldest == supported {
                with(
                    "file_errors.formats.one",
                    &[("format", &supported.to_string())],
                )
            } else {
                with(
                    "file_errors.formats.range",
                    &[
                        ("oldest", &oldest.to_string()),
                        ("supported", &supported.to_string()),
                    ],
                )
            };
            with(
                "file_errors.kind.unknown_format",
                &[("found", &found.to_string()), ("readable", &readable)],
            )
        }
        LoadErrorKind::TooDeep { limit } => with(
            "file_errors.kind.too_deep",
            &[("limit", &count(lang, &limit.to_string()))],
        ),
        LoadErrorKind::Truncated { expected } => {
            let expected = expected.as_deref().map_or_else(String::new, |e| {
                store_words::expected_suffix(lang, &store_words::unclosed(lang, e))
            });
            with("file_errors.kind.truncated", &[("expected", &expected)])
        }
        LoadErrorKind::UnknownField {
            field,
            within,
            expected,
        } => {
            // The space before "in" separates the phrase in both languages.
            let within = within.as_deref().map_or_else(String::new, |w| {
                format!(" {}", store_words::within(lang, w))
            });
            with(
                "file_errors.kind.unknown_field",
                &[
                    ("field", field),
                    ("within", &within),
                    ("expected", &store_words::one_of(lang, expected)),
                ],
            )
        }
        LoadErrorKind::Invalid { message } => store_words::invalid(lang, message),
    }
}

/// "600 MB", rounded as the store rounds.
fn file_size(lang: Lang, bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let size = bytes as f64;
    let (key, amount) = if bytes < 1024 {
        ("file_errors.size.bytes", bytes.to_string())
    } else if size < KB * KB {
        ("file_errors.size.kb", format!("{:.0}", size / KB))
    } else {
        ("file_errors.size.mb", format!("{:.0}", size / (KB * KB)))
    };
    fill(&tr(lang, key), &[("count", &count(lang, &amount))])
}

/// A whole number given as digits, grouped the Italian way ("1.000"); English keeps the
/// store's ungrouped digits, so that it reads exactly as the store's own message.
fn count(lang: Lang, digits: &str) -> String {
    match (lang, digits.parse::<i64>()) {
        (Lang::It, Ok(value)) => format::integer(lang, value),
        _ => digits.to_owned(),
    }
}

#[cfg(test)]
mod tests;
