//! An Excel workbook (XLSX) read through calamine's streaming cell reader, one sheet after
//! the other: every cell placed where the sheet has it, the cancel flag looked at as rows
//! go by, and merged ranges spread over their cells.

use std::io::Cursor;

use calamine::{Reader, Xlsx, XlsxError};

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};
use super::guard::guarded;
use super::sheet::SheetBuilder;
use super::values::from_data_ref;
use crate::exchange::Workbook;

/// Cells between two looks at the cancel flag.
const CHECK_EVERY: usize = 16 * 1024;

pub(super) fn read_xlsx(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
    guarded(reading, Format::Xlsx, |reading| read(reading, bytes))
}

fn read(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
    super::shared_strings::check(reading, bytes)?;
    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(reading, None, None, &e))?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        let merged = workbook.merge_cells_by_sheet_name(name).unwrap_or_default();
        let mut sheet = SheetBuilder::new(name.clone());
        let mut cells = match workbook.worksheet_cells_reader(name) {
            Ok(cells) => cells,
            // A chart sheet holds no cells.
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(damaged(reading, Some(name), None, &e)),
        };
        let expected_rows = (cells.dimensions().end.0 as f32 + 1.0).max(1.0);
        let mut count = 0usize;
        loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break,
                Err(e) => {
                    let row = Some(sheet.row_count() + 1);
                    return Err(damaged(reading, Some(name), row, &e));
                }
            };
            let (row, column) = cell.get_position();
            let value = from_data_ref(cell.get_value().clone());
            sheet.place(reading, row as usize, column as usize, value)?;
            count += 1;
            if count.is_multiple_of(CHECK_EVERY) {
                let within = (row as f32 / expected_rows).min(1.0);
                reading.checkpoint((index as f32 + within) / names.len() as f32)?;
            }
        }
        for range in merged {
            let first = (range.start.0 as usize, range.start.1 as usize);
            let last = (range.end.0 as usize, range.end.1 as usize);
            sheet.spread_merged(reading, first, last)?;
        }
        sheets.push(sheet.finish());
    }
    reading.checkpoint(1.0)?;
    Ok(Workbook { sheets })
}

fn damaged(
    reading: &Reading<'_>,
    sheet: Option<&str>,
    row: Option<usize>,
    error: &XlsxError,
) -> ReadError {
    if let XlsxError::Password = error {
        return reading.error(ReadErrorKind::Encrypted);
    }
    reading.error(ReadErrorKind::Damaged {
        format: Format::Xlsx,
        sheet: sheet.map(str::to_owned),
        row,
        detail: error.to_string(),
    })
}
