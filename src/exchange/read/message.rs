//! A `ReadError` in the user's language: where (file, sheet, row), then why.

use super::error::{ReadError, ReadErrorKind};
use crate::i18n::{Lang, format, tr, tr_args};

impl ReadError {
    /// `dati.xlsx, foglio "Rilevazioni", riga 12: il file è danneggiato (…)`
    pub fn message(&self, lang: Lang) -> String {
        let reason = reason(lang, &self.kind);
        let (sheet, row) = self.place();
        let file = self.file.as_str();
        match (sheet, row) {
            (Some(sheet), Some(row)) => tr_args(
                lang,
                "exchange_read.at.sheet_row",
                &[
                    ("file", file),
                    ("sheet", sheet),
                    ("row", &number(lang, row as u64)),
                    ("reason", &reason),
                ],
            ),
            (Some(sheet), None) => tr_args(
                lang,
                "exchange_read.at.sheet",
                &[("file", file), ("sheet", sheet), ("reason", &reason)],
            ),
            (None, Some(row)) => tr_args(
                lang,
                "exchange_read.at.row",
                &[
                    ("file", file),
                    ("row", &number(lang, row as u64)),
                    ("reason", &reason),
                ],
            ),
            (None, None) => tr_args(
                lang,
                "exchange_read.at.file",
                &[("file", file), ("reason", &reason)],
            ),
        }
    }

    /// The sheet and row the error names, if any.
    pub fn place(&self) -> (Option<&str>, Option<usize>) {
        match &self.kind {
            ReadErrorKind::TooManyRows { sheet, .. } => (Some(sheet), None),
            ReadErrorKind::TooManyColumns { sheet, row, .. } => (Some(sheet), Some(*row)),
            ReadErrorKind::Damaged { sheet, row, .. } => (sheet.as_deref(), *row),
            _ => (None, None),
        }
    }
}

fn reason(lang: Lang, kind: &ReadErrorKind) -> String {
    let text = |key: &str| tr(lang, &format!("exchange_read.kind.{key}")).into_owned();
    let with = |key: &str, args: &[(&str, &str)]| {
        tr_args(lang, &format!("exchange_read.kind.{key}"), args)
    };
    match kind {
        ReadErrorKind::NotFound => text("not_found"),
        ReadErrorKind::NotAFile => text("not_a_file"),
        ReadErrorKind::Io { detail } => with("io", &[("detail", detail)]),
        ReadErrorKind::Empty => text("empty"),
        ReadErrorKind::TooLarge { size, limit } => with(
            "too_large",
            &[
                ("size", &bytes(lang, *size)),
                ("limit", &bytes(lang, *limit)),
            ],
        ),
        ReadErrorKind::NotASpreadsheet { expected: None } => text("not_a_spreadsheet"),
        ReadErrorKind::NotASpreadsheet {
            expected: Some(format),
        } => with("not_what_it_says", &[("format", format.label())]),
        ReadErrorKind::LegacyExcel => text("legacy_excel"),
        ReadErrorKind::UnknownArchive => text("unknown_archive"),
        ReadErrorKind::ArchiveTooLarge { declared, limit } => with(
            "archive_too_large",
            &[
                ("size", &bytes(lang, *declared)),
                ("limit", &bytes(lang, *limit)),
            ],
        ),
        ReadErrorKind::ArchiveRatio {
            entry,
            ratio,
            limit,
        } => with(
            "archive_ratio",
            &[
                ("entry", entry),
                ("ratio", &number(lang, *ratio)),
                ("limit", &number(lang, *limit)),
            ],
        ),
        ReadErrorKind::TooManyEntries { entries, limit } => with(
            "too_many_entries",
            &[
                ("entries", &number(lang, *entries as u64)),
                ("limit", &number(lang, *limit as u64)),
            ],
        ),
        ReadErrorKind::TooManyRows { limit, .. } => {
            with("too_many_rows", &[("limit", &number(lang, *limit as u64))])
        }
        ReadErrorKind::TooManyColumns { limit, .. } => with(
            "too_many_columns",
            &[("limit", &number(lang, *limit as u64))],
        ),
        ReadErrorKind::TooManyCells { limit } => {
            with("too_many_cells", &[("limit", &number(lang, *limit as u64))])
        }
        ReadErrorKind::TooMuchText { limit } => {
            with("too_much_text", &[("limit", &bytes(lang, *limit as u64))])
        }
        ReadErrorKind::Damaged { format, detail, .. } => {
            with("damaged", &[("format", format.label()), ("detail", detail)])
        }
        ReadErrorKind::Encrypted => text("encrypted"),
        ReadErrorKind::Cancelled => text("cancelled"),
        ReadErrorKind::ReaderFailed { format, detail } => with(
            "reader_failed",
            &[("format", format.label()), ("detail", detail)],
        ),
    }
}

fn number(lang: Lang, value: u64) -> String {
    format::integer(lang, i64::try_from(value).unwrap_or(i64::MAX))
}

/// "300 MB", "12 KB", "512 byte", in the units of a project file's size (file_errors.yml).
fn bytes(lang: Lang, size: u64) -> String {
    const KB: u64 = 1024;
    let (key, amount) = if size < KB {
        ("file_errors.size.bytes", size)
    } else if size < KB * KB {
        ("file_errors.size.kb", size.div_ceil(KB))
    } else {
        ("file_errors.size.mb", size.div_ceil(KB * KB))
    };
    tr_args(lang, key, &[("count", &number(lang, amount))])
}
