//! A CSV file as one sheet of text cells: the delimiter sniffed among `;`, `,` and tab
//! (outside quotes), any encoding `text::decode` knows, CRLF or LF, quoted fields with
//! embedded quotes and newlines. Blank lines stay as empty rows, so that row numbers are
//! the ones Excel and Calc show when they open the file.

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};
use super::sheet::SheetBuilder;
use super::text::{decode, looks_binary};
use crate::exchange::{Cell, Grid, Workbook};

/// The delimiters tried, in the order a tie is settled: Italian offices write `;`.
const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// How much of the file the delimiter is sniffed from.
const SNIFF_BYTES: usize = 64 * 1024;

/// Rows between two looks at the cancel flag.
const CHECK_EVERY: usize = 4096;

pub(super) fn read_csv(
    reading: &mut Reading<'_>,
    bytes: &[u8],
    sheet_name: &str,
) -> Result<Workbook, ReadError> {
    let text = decode(bytes);
    if looks_binary(&text) {
        return Err(reading.error(ReadErrorKind::NotASpreadsheet {
            expected: Format::from_extension(reading.file),
        }));
    }
    let (delimiter, body) = match declared_delimiter(&text) {
        Some((delimiter, body)) => (delimiter, body),
        None => (sniff_delimiter(&text), text.as_ref()),
    };
    let grid = parse(reading, body.as_bytes(), delimiter, sheet_name)?;
    Ok(Workbook { sheets: vec![grid] })
}

/// Excel's `sep=;` first line, which names the delimiter and which Excel does not show as a
/// row: the delimiter and the text after that line.
fn declared_delimiter(text: &str) -> Option<(u8, &str)> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = text[..line_end].trim_end_matches('\r');
    let declared = line
        .strip_prefix("sep=")
        .or_else(|| line.strip_prefix("SEP="))?;
    match declared.as_bytes() {
        [delimiter] if delimiter.is_ascii() && *delimiter != b'"' => {
            Some((*delimiter, text.get(line_end + 1..).unwrap_or("")))
        }
        _ => None,
    }
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// The delimiter that splits the first lines into the same number of fields (two or more)
/// most often; `;` when none splits anything.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text.as_bytes()[..end];
    let cut = end < text.len();
    let mut best = (DELIMITERS[0], (0usize, 0usize));
    for delimiter in DELIMITERS {
        let mut counts: Vec<usize> = Vec::new();
        let mut record = csv::ByteRecord::new();
        let mut csv = reader(sample, delimiter);
        // The sample may cut the last line short: its count is left out.
        while counts.len() < 200 && matches!(csv.read_byte_record(&mut record), Ok(true)) {
            counts.push(record.len());
        }
        if cut && counts.len() > 1 {
            counts.pop();
        }
        // Equally consistent splits: the one giving more fields.
        let score = (
            consistent_rows(&counts),
            counts.iter().copied().max().unwrap_or(0),
        );
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// How many rows have the most frequent field count, when that count is at least 2.
fn consistent_rows(counts: &[usize]) -> usize {
    let mut best = 0;
    for &count in counts {
        if count < 2 {
            continue;
        }
        let rows = counts.iter().filter(|&&c| c == count).count();
        // Rows with a trailing field more or less still show the delimiter splits lines.
        let near = counts
            .iter()
            .filter(|&&c| c >= 2 && c.abs_diff(count) <= 1)
            .count();
        best = best.max(rows * 2 + near);
    }
    best
}

fn parse(
    reading: &mut Reading<'_>,
    bytes: &[u8],
    delimiter: u8,
    sheet_name: &str,
) -> Result<Grid, ReadError> {
    let mut sheet = SheetBuilder::new(sheet_name);
    let mut csv = reader(bytes, delimiter);
    let mut record = csv::ByteRecord::new();
    let total = bytes.len().max(1) as f32;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let row = error.position().map(|p| p.record() as usize + 1);
                return Err(reading.error(ReadErrorKind::Damaged {
                    format: Format::Csv,
                    sheet: None,
                    row,
                    detail: error.to_string(),
                }));
            }
        }
        // The csv crate skips blank lines; a spreadsheet shows each as an empty row. They
        // are the line ends before the record's first byte, less the `\n` of a CRLF the
        // reader left half-read after the previous record.
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let blanks = blank_lines_before(bytes, start);
        for _ in 0..blanks {
            reading.take_cells(1)?;
            sheet.push_row(reading, Vec::new())?;
        }
        let cells = row_cells(reading, &record)?;
        sheet.push_row(reading, cells)?;
        if sheet.row_count().is_multiple_of(CHECK_EVERY) {
            reading.checkpoint(csv.position().byte() as f32 / total)?;
        }
    }
    reading.checkpoint(1.0)?;
    Ok(sheet.finish())
}

fn row_cells(reading: &mut Reading<'_>, record: &csv::ByteRecord) -> Result<Vec<Cell>, ReadError> {
    reading.take_cells(record.len().max(1))?;
    reading.take_text(record.as_slice().len())?;
    // Empty fields that end a row are not held (the sheet drops them anyway): a row of an
    // export with its last columns empty takes a third less memory.
    let used = record
        .iter()
        .rposition(|field| !field.is_empty())
        .map_or(0, |last| last + 1);
    let mut cells = Vec::with_capacity(used);
    for field in record.iter().take(used) {
        if field.is_empty() {
            cells.push(Cell::Empty);
        } else {
            // The whole file was decoded to UTF-8 and the delimiters are ASCII, so a field
            // is valid UTF-8; lossy only as a guard.
            cells.push(Cell::Text(String::from_utf8_lossy(field).as_ref().into()));
        }
    }
    Ok(cells)
}

fn blank_lines_before(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    let ends = rest
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .filter(|&&b| b == b'\n')
        .count();
    let half_read_crlf = start > 0 && bytes[start - 1] == b'\r' && rest.first() == Some(&b'\n');
    ends - usize::from(half_read_crlf)
}
