//! Bytes on disk to a `Workbook`: CSV, XLSX and ODS, told apart by their content (a file
//! named .xlsx that holds CSV text is read as CSV; one that holds nothing readable gets an
//! error that says so). Every reader is bounded by `Limits`, stops when cancelled, and
//! turns every failure (a panic of the spreadsheet library included) into a `ReadError`.

mod archive;
mod context;
mod csv;
mod error;
mod guard;
mod message;
mod ods;
mod ods_scan;
mod options;
mod shared_strings;
mod sheet;
mod text;
mod values;
mod xlsx;

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

pub use error::{Format, ReadError, ReadErrorKind};
pub use options::{Limits, ReadOptions};

use super::Workbook;
use context::Reading;

/// The start of every zip archive (XLSX and ODS are zip archives), and of an empty one.
const ZIP_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"PK\x05\x06"];
/// The start of an OLE compound file: old .xls workbooks and encrypted .xlsx ones.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Reads the file at `path`; its errors name the path as given.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Workbook, ReadError> {
    let file_name = path.display().to_string();
    let error = |kind| ReadError::new(file_name.clone(), kind);
    let io = |e: std::io::Error| match e.kind() {
        ErrorKind::NotFound => error(ReadErrorKind::NotFound),
        ErrorKind::IsADirectory => error(ReadErrorKind::NotAFile),
        _ => error(ReadErrorKind::Io {
            detail: e.to_string(),
        }),
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(error(ReadErrorKind::NotAFile));
    }
    let limit = options.limits.max_file_bytes;
    if metadata.len() > limit {
        return Err(error(ReadErrorKind::TooLarge {
            size: metadata.len(),
            limit,
        }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow between the two looks: never read past the limit.
    File::open(path)
        .map_err(io)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(error(ReadErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    read_bytes(&file_name, &bytes, options)
}

/// Reads a file's bytes; `name` is how errors name it (its extension says what the user
/// expected, the content decides how it is read).
pub fn read_bytes(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Workbook, ReadError> {
    let mut reading = Reading::new(name, options);
    let limit = options.limits.max_file_bytes;
    if bytes.len() as u64 > limit {
        return Err(reading.error(ReadErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    if bytes.is_empty() {
        return Err(reading.error(ReadErrorKind::Empty));
    }
    reading.checkpoint(0.0)?;
    if ZIP_MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
        return match archive::inspect(&reading, bytes)? {
            Format::Xlsx => xlsx::read_xlsx(&mut reading, bytes),
            Format::Ods => ods::read_ods(&mut reading, bytes),
            Format::Csv => Err(reading.error(ReadErrorKind::UnknownArchive)),
        };
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(reading.error(ReadErrorKind::LegacyExcel));
    }
    csv::read_csv(&mut reading, bytes, &sheet_name(name))
}

/// A CSV file's one sheet is named after the file, as Excel and Calc name it.
fn sheet_name(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    if stem.is_empty() {
        base.to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests;
