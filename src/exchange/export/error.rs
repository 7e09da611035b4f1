//! Why an export or a template could not be written, in words for the user.

use std::path::PathBuf;

use crate::i18n::{Lang, tr, tr_args};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the workbook {path}: {source}")]
    Xlsx {
        path: PathBuf,
        source: rust_xlsxwriter::XlsxError,
    },
    /// No partner with this code (templates).
    #[error("no partner with the code \"{0}\"")]
    UnknownPartner(String),
    /// The programme ends before the first month a template would ask for.
    #[error("the programme has no months left to fill")]
    NoMonthsLeft,
    /// A sheet holds at most 1,048,576 rows, the header included.
    #[error("the table {table} has {rows} rows, more than a sheet holds ({max})")]
    TooManyRows {
        table: String,
        rows: usize,
        max: usize,
    },
}

impl ExportError {
    /// The message in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Io { path, source } => tr_args(
                lang,
                "export.error.io",
                &[
                    ("path", &path.display().to_string()),
                    ("why", &source.to_string()),
                ],
            ),
            ExportError::Xlsx { path, source } => tr_args(
                lang,
                "export.error.xlsx",
                &[
                    ("path", &path.display().to_string()),
                    ("why", &source.to_string()),
                ],
            ),
            ExportError::UnknownPartner(id) => {
                tr_args(lang, "export.error.unknown_partner", &[("id", id)])
            }
            ExportError::NoMonthsLeft => tr(lang, "export.error.no_months").into_owned(),
            ExportError::TooManyRows { table, rows, max } => tr_args(
                lang,
                "export.error.too_many_rows",
                &[
                    ("table", table),
                    ("rows", &rows.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
        }
    }
}
