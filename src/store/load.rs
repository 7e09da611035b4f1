//! Opening project files: every way a file can fail to be a project ends as a `LoadError`,
//! never a panic, whatever the bytes.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};

use super::errors::{LoadError, LoadErrorKind};
use super::format::{EnvelopeSeed, FORMAT_VERSION};
use super::migrate::{self, OLDEST_FORMAT};
use super::{diagnose, fast_read};
use crate::model::Project;

/// Files larger than this are refused before reading: a national programme (7,900 Comuni ×
/// 60 months) is tens of MB, so anything near this is not a project and would only exhaust
/// memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// How deeply RON values may nest. A project is under ten levels deep; the limit stops
/// hostile nesting before it overflows the stack (RON's own default is 128).
pub const MAX_NESTING_DEPTH: usize = 64;

/// Limits applied while loading; tests shrink them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadLimits {
    pub max_file_bytes: u64,
}

impl Default for LoadLimits {
    fn default() -> Self {
        LoadLimits {
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// Reads the project file at `path`.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    load_with_limits(path, LoadLimits::default())
}

/// Reads the project file at `path`, refusing files over `limits.max_file_bytes`.
pub fn load_with_limits(path: &Path, limits: LoadLimits) -> Result<Project, LoadError> {
    let bytes = read_bounded(path, limits.max_file_bytes)?;
    parse(&bytes, path)
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let fail = |kind| LoadError::new(path, kind);
    let io_fail = |error: io::Error| {
        fail(match error.kind() {
            io::ErrorKind::NotFound => LoadErrorKind::NotFound,
            io::ErrorKind::IsADirectory => LoadErrorKind::NotAFile,
            _ => LoadErrorKind::Io(error),
        })
    };
    let file = File::open(path).map_err(io_fail)?;
    let metadata = file.metadata().map_err(io_fail)?;
    if metadata.is_dir() {
        return Err(fail(LoadErrorKind::NotAFile));
    }
    if metadata.len() > limit {
        return Err(fail(LoadErrorKind::TooLarge {
            size: metadata.len(),
            limit,
        }));
    }
    // The file may grow between the size check and the read; read one byte past the limit
    // at most, so a growing file is still refused without reading it all.
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_fail)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(fail(LoadErrorKind::TooLarge { size: read, limit }));
    }
    Ok(bytes)
}

/// Reads a project from the bytes of a file; `origin` names the file in errors.
pub fn parse(bytes: &[u8], origin: &Path) -> Result<Project, LoadError> {
    let fail = |kind| LoadError::new(origin, kind);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let position = std::str::from_utf8(valid)
                .ok()
                .map(|v| diagnose::line_and_column(v, v.len()));
            let not_text = fail(LoadErrorKind::InvalidUtf8).at(position);
            // A file cut in the middle of a character is a cut-short file: say so, as for a
            // cut anywhere else, unless the part before the cut is somehow complete.
            return match error.error_len() {
                None => match std::str::from_utf8(valid) {
                    Ok(prefix) if !prefix.trim().is_empty() => {
                        Err(parse_text(prefix, origin).err().unwrap_or(not_text))
                    }
                    _ => Err(not_text),
                },
                Some(_) => Err(not_text),
            };
        }
    };
    parse_text(text, origin)
}

fn parse_text(text: &str, origin: &Path) -> Result<Project, LoadError> {
    let fail = |kind| LoadError::new(origin, kind);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(fail(LoadErrorKind::Empty));
    }
    if start.starts_with('{') || start.starts_with('[') {
        return Err(fail(LoadErrorKind::LooksLikeJson));
    }

    let format_seen = Cell::new(None);
    let seed = EnvelopeSeed {
        format_seen: &format_seen,
        read_project: true,
    };
    // The files Cruscotto writes take the fast path; anything else, valid or not, is read by
    // `ron`, which also words every error.
    if let Ok(Some(project)) = fast_read::read(text, seed) {
        return Ok(project);
    }
    format_seen.set(None);
    let seed = EnvelopeSeed {
        format_seen: &format_seen,
        read_project: true,
    };
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING_DEPTH);
    let error = match options.from_str_seed(text, seed) {
        Ok(Some(project)) => return Ok(project),
        // The envelope only skips the project when asked to; kept as an error, not a panic.
        Ok(None) => {
            return Err(fail(LoadErrorKind::Invalid {
                message: "the file holds no project".to_owned(),
            }));
        }
        Err(error) => error,
    };

    // The body may have failed before the version was read (a hand-edited file with the
    // project first): skim the file for its version without reading the project.
    let mut reported = error;
    if format_seen.get().is_none() {
        let probe = EnvelopeSeed {
            format_seen: &format_seen,
            read_project: false,
        };
        if let Err(probe_error) = options.from_str_seed(text, probe) {
            let format_found = format_seen.get().is_some_and(|f| !migrate::can_read(f));
            if format_found || probe_error.code == RonError::ExceededRecursionLimit {
                reported = probe_error;
            }
        }
    }
    Err(explain(text, &reported, format_seen.get(), origin))
}

fn explain(text: &str, error: &SpannedError, format: Option<u32>, origin: &Path) -> LoadError {
    let at = Some((error.span.start.line, error.span.start.col));
    if let Some(found) = format.filter(|&f| !migrate::can_read(f)) {
        let kind = if found > FORMAT_VERSION {
            LoadErrorKind::NewerFormat {
                found,
                supported: FORMAT_VERSION,
            }
        } else {
            LoadErrorKind::UnknownFormat {
                found,
                oldest: OLDEST_FORMAT,
                supported: FORMAT_VERSION,
            }
        };
        return LoadError::new(origin, kind).at(at);
    }
    let (kind, position) = diagnose::explain(text, error, MAX_NESTING_DEPTH);
    LoadError::new(origin, kind).at(position)
}
