//! A Calc workbook (ODS) read through calamine, every sheet in order with each cell at its
//! true row and column, after `ods_scan` has measured it: calamine itself reads the whole
//! file at once, so the cancel flag is looked at during the scan and between sheets.

use std::io::Cursor;

use calamine::{Ods, OdsError, Reader};

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};
use super::guard::guarded;
use super::ods_scan::{SheetNotes, scan};
use super::sheet::SheetBuilder;
use super::values::from_data;
use crate::exchange::Workbook;

pub(super) fn read_ods(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
    guarded(reading, Format::Ods, |reading| read(reading, bytes))
}

fn read(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut notes = scan(reading, bytes)?;
    let mut workbook: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| damaged(reading, &e))?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| damaged(reading, &e))?;
        let mut sheet = SheetBuilder::new(name.clone());
        let (top, left) = range.start().unwrap_or((0, 0));
        for (offset, row) in range.rows().enumerate() {
            for (column, value) in row.iter().enumerate() {
                let cell = from_data(value);
                sheet.place(reading, top as usize + offset, left as usize + column, cell)?;
            }
        }
        drop(range);
        let notes = notes.remove(name).unwrap_or_default();
        apply(reading, &mut sheet, notes)?;
        sheets.push(sheet.finish());
        reading.checkpoint(0.5 + 0.5 * (index + 1) as f32 / names.len() as f32)?;
    }
    reading.checkpoint(1.0)?;
    Ok(Workbook { sheets })
}

/// What calamine does not tell: error cells (it reads them as their text) and merged
/// ranges.
fn apply(
    reading: &mut Reading<'_>,
    sheet: &mut SheetBuilder,
    notes: SheetNotes,
) -> Result<(), ReadError> {
    for ((row, column), (rows, columns)) in notes.errors {
        for row in row..row.saturating_add(rows) {
            for column in column..column.saturating_add(columns) {
                if !sheet.turn_into_error(row, column) {
                    break;
                }
            }
        }
    }
    for (first, last) in notes.merged {
        sheet.spread_merged(reading, first, last)?;
    }
    Ok(())
}

fn damaged(reading: &Reading<'_>, error: &OdsError) -> ReadError {
    if let OdsError::Password = error {
        return reading.error(ReadErrorKind::Encrypted);
    }
    reading.error(ReadErrorKind::Damaged {
        format: Format::Ods,
        sheet: None,
        row: None,
        detail: error.to_string(),
    })
}
