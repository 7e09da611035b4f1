//! A Calc workbook (ODS) read through calamine, every sheet in order with each cell at its
//! true row and column.

use std::io::Cursor;

use calamine::{Ods, OdsError, Reader};

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};
use super::guard::guarded;
use super::sheet::SheetBuilder;
use super::values::from_data;
use crate::exchange::Workbook;

pub(super) fn read_ods(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
    guarded(reading, Format::Ods, |reading| read(reading, bytes))
}

fn read(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Workbook, ReadError> {
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
            if offset % 4096 == 4095 {
                reading.checkpoint((index as f32 + 0.5) / names.len() as f32)?;
            }
        }
        sheets.push(sheet.finish());
    }
    reading.checkpoint(1.0)?;
    Ok(Workbook { sheets })
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
