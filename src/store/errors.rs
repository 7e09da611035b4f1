//! What can go wrong reading or writing project files, worded for the person who chose the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a file could not be opened as a project, with where in the file when there is a place.
///
/// Displays as one sentence a user can act on:
/// `saves/demo.ron, line 41, column 29: the file ends unexpectedly (expected `)` ...)`.
#[derive(Debug)]
pub struct LoadError {
    path: PathBuf,
    position: Option<(usize, usize)>,
    kind: LoadErrorKind,
}

impl LoadError {
    pub(crate) fn new(path: &Path, kind: LoadErrorKind) -> LoadError {
        LoadError {
            path: path.to_owned(),
            position: None,
            kind,
        }
    }

    pub(crate) fn at(mut self, position: Option<(usize, usize)>) -> LoadError {
        self.position = position;
        self
    }

    /// The file that was being read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and column (in characters) of the problem, when it has a place.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.position
    }

    pub fn kind(&self) -> &LoadErrorKind {
        &self.kind
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ", line {line}, column {column}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            LoadErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// The kinds of refusal, so the app can word them in the user's language.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadErrorKind {
    #[error("the file does not exist")]
    NotFound,
    #[error("this is a folder, not a project file")]
    NotAFile,
    #[error("cannot read the file: {0}")]
    Io(#[source] io::Error),
    #[error(
        "the file is {}, more than the {} a project file may have",
        file_size(*size),
        file_size(*limit)
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is not text (a byte here is not valid UTF-8): it is damaged or not a project"
    )]
    InvalidUtf8,
    #[error(
        "this looks like a JSON file, not a Cruscotto project (project files are RON text \
         beginning with `(format: ...`)"
    )]
    LooksLikeJson,
    #[error(
        "written by a newer Cruscotto (format {found}); this version reads up to format {supported}"
    )]
    NewerFormat { found: u32, supported: u32 },
    #[error(
        "format {found} is not a Cruscotto project format (this version reads {})",
        readable_formats(*oldest, *supported)
    )]
    UnknownFormat {
        found: u32,
        oldest: u32,
        supported: u32,
    },
    #[error(
        "the data is nested more than {limit} levels deep, far beyond any Cruscotto project: \
         the file is damaged or not a project"
    )]
    TooDeep { limit: usize },
    #[error(
        "the file ends unexpectedly, as if cut short{}",
        expected_suffix(expected)
    )]
    Truncated { expected: Option<String> },
    #[error(
        "unknown field `{field}`{}{}; it is refused rather than lost at the next save",
        within_suffix(within),
        one_of_suffix(expected)
    )]
    UnknownField {
        field: String,
        /// The kind of item the field was found in, in words ("a partner").
        within: Option<String>,
        expected: Vec<String>,
    },
    /// A syntax error or a value of the wrong type; the message says what was expected.
    #[error("{message}")]
    Invalid { message: String },
}

fn file_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let size = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if size < KB * KB {
        format!("{:.0} KB", size / KB)
    } else {
        format!("{:.0} MB", size / (KB * KB))
    }
}

fn readable_formats(oldest: u32, supported: u32) -> String {
    if oldest == supported {
        format!("format {supported}")
    } else {
        format!("formats {oldest} to {supported}")
    }
}

fn expected_suffix(expected: &Option<String>) -> String {
    expected
        .as_ref()
        .map(|e| format!(" (expected {e})"))
        .unwrap_or_default()
}

fn within_suffix(within: &Option<String>) -> String {
    within
        .as_ref()
        .map(|w| format!(" in {w}"))
        .unwrap_or_default()
}

pub(crate) fn one_of_suffix(expected: &[String]) -> String {
    let quoted: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" (expected {one})"),
        [init @ .., last] => format!(" (expected one of {} or {last})", init.join(", ")),
    }
}

/// Why a file could not be written. The previous file, if any, is untouched in every case.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SaveError {
    #[error("cannot save {}: the folder {} does not exist", path.display(), folder.display())]
    MissingFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot save {}: it is a folder, not a file", path.display())]
    NotAFile { path: PathBuf },
    #[error(
        "cannot save {}: could not keep the previous version as {}: {source}",
        path.display(),
        backup.display()
    )]
    Backup {
        path: PathBuf,
        backup: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot save {}: {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        /// What was being done, in words ("writing the new version").
        action: &'static str,
        #[source]
        source: io::Error,
    },
}

impl SaveError {
    /// The file that was being written.
    pub fn path(&self) -> &Path {
        match self {
            SaveError::MissingFolder { path, .. }
            | SaveError::NotAFile { path }
            | SaveError::Backup { path, .. }
            | SaveError::Io { path, .. } => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(file_size(900), "900 bytes");
        assert_eq!(file_size(300 * 1024), "300 KB");
        assert_eq!(file_size(512 * 1024 * 1024), "512 MB");
        let error = LoadError::new(
            Path::new("huge.ron"),
            LoadErrorKind::TooLarge {
                size: 600 * 1024 * 1024,
                limit: 512 * 1024 * 1024,
            },
        );
        assert_eq!(
            error.to_string(),
            "huge.ron: the file is 600 MB, more than the 512 MB a project file may have"
        );
    }
}
