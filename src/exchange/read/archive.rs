//! A zip archive checked before anything inflates it: how many entries, how much they
//! declare uncompressed in all and how well each compresses, and which workbook it holds.
//! The `zip` crate stops inflating an entry at its declared size, so checking the declared
//! sizes bounds what reading can unpack.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};

/// Entries smaller than this may compress as well as they like (an empty sheet does).
const RATIO_FLOOR: u64 = 1024 * 1024;

const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// The archive's workbook format, after its sizes passed the limits.
pub(super) fn inspect(reading: &Reading<'_>, bytes: &[u8]) -> Result<Format, ReadError> {
    let damaged = |detail: String| {
        let format = match Format::from_extension(reading.file) {
            Some(Format::Ods) => Format::Ods,
            _ => Format::Xlsx,
        };
        reading.error(ReadErrorKind::Damaged {
            format,
            sheet: None,
            row: None,
            detail,
        })
    };
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let limits = reading.options.limits;
    if archive.len() > limits.max_zip_entries {
        return Err(reading.error(ReadErrorKind::TooManyEntries {
            entries: archive.len(),
            limit: limits.max_zip_entries,
        }));
    }
    let mut declared = 0u64;
    let mut names = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| damaged(e.to_string()))?;
        let name = entry.name().map_or_else(
            |_| String::from_utf8_lossy(entry.name_raw()).into_owned(),
            |n| n.into_owned(),
        );
        let size = entry.size();
        declared = declared.saturating_add(size);
        if declared > limits.max_unzipped_bytes {
            return Err(reading.error(ReadErrorKind::ArchiveTooLarge {
                declared,
                limit: limits.max_unzipped_bytes,
            }));
        }
        let ratio = size / entry.compressed_size().max(1);
        if size > RATIO_FLOOR && ratio > limits.max_zip_ratio {
            return Err(reading.error(ReadErrorKind::ArchiveRatio {
                entry: name,
                ratio,
                limit: limits.max_zip_ratio,
            }));
        }
        names.push(name);
    }
    if names.iter().any(|n| n == "EncryptedPackage") {
        return Err(reading.error(ReadErrorKind::Encrypted));
    }
    if names.iter().any(|n| n == "xl/workbook.xml") {
        return Ok(Format::Xlsx);
    }
    if names.iter().any(|n| n == "content.xml") && is_ods(&mut archive) {
        return Ok(Format::Ods);
    }
    Err(reading.error(ReadErrorKind::UnknownArchive))
}

fn is_ods(archive: &mut ZipArchive<Cursor<&[u8]>>) -> bool {
    let Ok(entry) = archive.by_name("mimetype") else {
        return false;
    };
    let mut mimetype = Vec::new();
    entry
        .take(ODS_MIMETYPE.len() as u64 + 1)
        .read_to_end(&mut mimetype)
        .is_ok()
        && mimetype.trim_ascii() == ODS_MIMETYPE
}
