//! Tables to one XLSX workbook, one sheet per table: typed cells (numbers, dates, euro and
//! percent formats), a frozen header row, an autofilter and columns as wide as their content.
//! Sheets are written row by row to temporary files (`constant_memory`), so the national
//! project (half a million rows) stays small in memory.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::error::ExportError;
use super::table::Table;
use super::xlsx_cells::{Formats, shown_width, write_value};
use crate::i18n::Lang;

/// Rows of a sheet, the header included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// `tables` as the workbook `path`, replacing it.
pub fn write_xlsx(tables: &[Table], path: &Path, lang: Lang) -> Result<(), ExportError> {
    let xlsx = |source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = workbook(tables, lang, path)?;
    workbook.save(path).map_err(xlsx)
}

/// `tables` as the bytes of an XLSX workbook (for tests and the window's background save).
pub fn write_xlsx_to_buffer(tables: &[Table], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let path = Path::new("workbook.xlsx");
    let mut workbook = workbook(tables, lang, path)?;
    workbook
        .save_to_buffer()
        .map_err(|source| ExportError::Xlsx {
            path: path.to_owned(),
            source,
        })
}

fn workbook(tables: &[Table], lang: Lang, path: &Path) -> Result<Workbook, ExportError> {
    for table in tables {
        if table.rows.len() >= MAX_SHEET_ROWS {
            return Err(ExportError::TooManyRows {
                table: table.title.clone(),
                rows: table.rows.len(),
                max: MAX_SHEET_ROWS - 1,
            });
        }
    }
    let xlsx = |source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    // Level 1 deflates half as fast as the default for a tenth more bytes.
    workbook.set_zip_compression_level(1);
    for table in tables {
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(xlsx)?;
        write_sheet(sheet, table, &formats).map_err(xlsx)?;
    }
    Ok(workbook)
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(&table.title)?;
    for (col, width) in column_widths(table).into_iter().enumerate() {
        sheet.set_column_width(col as u16, width as f64)?;
    }
    for (col, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, &column.header, &formats.header)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = index as u32 + 1;
        for (col, (value, column)) in row.iter().zip(&table.columns).enumerate() {
            write_value(sheet, at, col as u16, value, column.ty, formats)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !table.columns.is_empty() {
        let last_col = table.columns.len() as u16 - 1;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    }
    Ok(())
}

/// Each column as wide as its header or its widest value (plus room for the filter button),
/// within bounds.
fn column_widths(table: &Table) -> Vec<usize> {
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| c.header.chars().count() + 3)
        .collect();
    for row in &table.rows {
        for (width, value) in widths.iter_mut().zip(row) {
            *width = (*width).max(shown_width(value) + 1);
        }
    }
    widths
        .into_iter()
        .map(|w| w.clamp(MIN_WIDTH, MAX_WIDTH))
        .collect()
}
