//! Tables to one XLSX workbook, one sheet per table: typed cells (numbers, dates, euro and
//! percent formats), a frozen header row, an autofilter and columns as wide as their content.
//! Sheets are written row by row to temporary files (`constant_memory`), so the national
//! project (half a million rows) stays small in memory.

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::error::ExportError;
use super::table::Table;
use super::xlsx_cells::{Formats, Styling, shown_width, write_value};
use crate::i18n::Lang;

/// Rows of a sheet, the header included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// `tables` as the workbook `path`, replacing it.
pub fn write_xlsx(tables: &[Table], path: &Path, lang: Lang) -> Result<(), ExportError> {
    let mut workbook = workbook(tables.len(), |i| Cow::Borrowed(&tables[i]), lang, path)?;
    workbook.save(path).map_err(|source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    })
}

/// The tables `build` makes, one per sheet, as the workbook `path`: each table is made by
/// the thread that writes its sheet and dropped once written, so a national export never
/// holds every table at once.
pub fn write_xlsx_built(
    count: usize,
    build: impl Fn(usize) -> Table + Sync,
    lang: Lang,
    path: &Path,
) -> Result<(), ExportError> {
    let mut workbook = workbook(count, |i| Cow::<Table>::Owned(build(i)), lang, path)?;
    workbook.save(path).map_err(|source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    })
}

/// `tables` as the bytes of an XLSX workbook (for tests and the window's background save).
pub fn write_xlsx_to_buffer(tables: &[Table], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let path = Path::new("workbook.xlsx");
    let mut workbook = workbook(tables.len(), |i| Cow::Borrowed(&tables[i]), lang, path)?;
    workbook
        .save_to_buffer()
        .map_err(|source| ExportError::Xlsx {
            path: path.to_owned(),
            source,
        })
}

/// A workbook of `count` sheets, sheet `i` holding `table(i)`. Two threads write sheets side
/// by side (each sheet goes to its own temporary file): most of an export's time is spent
/// in the writer's work per cell, which one core alone does at half the speed.
fn workbook<'t>(
    count: usize,
    table: impl Fn(usize) -> Cow<'t, Table> + Sync,
    lang: Lang,
    path: &Path,
) -> Result<Workbook, ExportError> {
    let xlsx = |source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    // Level 1 deflates half as fast as the default for a tenth more bytes.
    workbook.set_zip_compression_level(1);
    // Styles numbered before the threads start: in the order the threads first met them,
    // two exports of the same project would number them differently.
    for format in formats.all() {
        workbook.register_format(format);
    }
    for _ in 0..count {
        workbook
            .add_worksheet_with_constant_memory()
            .map_err(xlsx)?;
    }
    let queue = Mutex::new(workbook.worksheets_mut().iter_mut().enumerate());
    let work = || -> Result<(), ExportError> {
        loop {
            // Taking the next sheet cannot panic, so the lock is never poisoned.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((index, sheet)) = next else {
                return Ok(());
            };
            let table = table(index);
            if table.rows.len() >= MAX_SHEET_ROWS {
                return Err(ExportError::TooManyRows {
                    table: table.title.clone(),
                    rows: table.rows.len(),
                    max: MAX_SHEET_ROWS - 1,
                });
            }
            write_sheet(sheet, &table, &formats).map_err(xlsx)?;
        }
    };
    std::thread::scope(|scope| {
        let helper = scope.spawn(work);
        let mine = work();
        let theirs = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        mine.and(theirs)
    })?;
    Ok(workbook)
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(&table.title)?;
    for (col, width) in column_widths(table).into_iter().enumerate() {
        sheet.set_column_width(col as u16, width as f64)?;
    }
    for (col, column) in table.columns.iter().enumerate() {
        sheet.set_column_format(col as u16, formats.of(column.ty))?;
    }
    for (col, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, &column.header, &formats.header)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = index as u32 + 1;
        for (col, (value, column)) in row.iter().zip(&table.columns).enumerate() {
            write_value(
                sheet,
                at,
                col as u16,
                value,
                column.ty,
                formats,
                Styling::ByColumn,
            )?;
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
