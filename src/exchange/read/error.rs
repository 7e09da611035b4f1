//! Why a file could not be read as a spreadsheet: which file, what went wrong and where
//! (sheet, row), in words a user can act on (`message` in Italian or English).

use std::fmt;

/// The shapes of file the readers know, found from the content, not the extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
    Ods,
}

impl Format {
    /// The format the file name's extension promises, if it names one we read.
    pub fn from_extension(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "txt" | "tsv" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// How the format is named to a user (the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Xlsx => "XLSX",
            Format::Ods => "ODS",
        }
    }
}

/// A file that could not be read: its name as given and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file's path or name, as the user chose it.
    pub file: String,
    pub kind: ReadErrorKind,
}

/// Why. Row numbers count from 1, as the spreadsheet program shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadErrorKind {
    NotFound,
    /// A folder or a device, not a file.
    NotAFile,
    /// The system could not read the file (permissions, a disk error).
    Io {
        detail: String,
    },
    Empty,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Neither text nor a spreadsheet archive (a picture, a PDF, random bytes). `expected` is
    /// what the extension promised, if anything.
    NotASpreadsheet {
        expected: Option<Format>,
    },
    /// The old binary Excel format (`.xls`) or an encrypted workbook (both are OLE files).
    LegacyExcel,
    /// A zip archive that holds neither an Excel nor a Calc workbook (a Word document, …).
    UnknownArchive,
    /// An archive that declares more uncompressed data than allowed: a zip bomb, or a
    /// workbook far larger than any the programme produces.
    ArchiveTooLarge {
        declared: u64,
        limit: u64,
    },
    /// One archive entry compresses too well to be a spreadsheet.
    ArchiveRatio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
    TooManyEntries {
        entries: usize,
        limit: usize,
    },
    TooManyRows {
        sheet: String,
        limit: usize,
    },
    TooManyColumns {
        sheet: String,
        row: usize,
        limit: usize,
    },
    TooManyCells {
        limit: usize,
    },
    TooMuchText {
        limit: usize,
    },
    /// The file is of `format` but damaged (truncated, invalid XML, a bad CSV line);
    /// `detail` is the parser's own English words.
    Damaged {
        format: Format,
        sheet: Option<String>,
        row: Option<usize>,
        detail: String,
    },
    /// A password-protected workbook.
    Encrypted,
    Cancelled,
    /// The spreadsheet library failed on this file in a way it should not have (a panic,
    /// caught): the file is unusual or damaged.
    ReaderFailed {
        format: Format,
        detail: String,
    },
}

impl ReadError {
    pub fn new(file: impl Into<String>, kind: ReadErrorKind) -> ReadError {
        ReadError {
            file: file.into(),
            kind,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for ReadError {}
