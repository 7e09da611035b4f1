//! The bytes of a text file as text: UTF-8 with or without BOM, UTF-16 with a BOM, and
//! otherwise Windows-1252 (what Excel writes as "CSV" on an Italian Windows), and how to
//! tell a text file from a binary one.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

pub(super) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // A BOM says UTF-8; a stray bad byte later is replaced rather than the BOM ignored.
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return UTF_16LE.decode_without_bom_handling(rest).0;
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return UTF_16BE.decode_without_bom_handling(rest).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// How much of the start of a file is looked at to tell text from binary.
const SAMPLE: usize = 64 * 1024;

/// Whether decoded text looks like a binary file read as text: a NUL, or more than one
/// character in fifty that is a control character no spreadsheet writes.
pub(super) fn looks_binary(text: &str) -> bool {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in sample.chars() {
        chars += 1;
        if c == '\0' {
            return true;
        }
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{FFFD}' {
            controls += 1;
        }
    }
    controls * 50 > chars
}
