//! A spreadsheet as read, before any cell is given a meaning: the one shape every reader
//! (CSV, XLSX, ODS) produces and every importer consumes.

use smol_str::SmolStr;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text as written. Every CSV field is text; the value parsers read Italian numbers
    /// (`1.049,90`), percentages and dates (`gen 2025`, `01/2025`) from it. Held inline up
    /// to 23 bytes (names, numbers, months: nearly every cell), so that a million-row CSV
    /// is not ten million small allocations.
    Text(SmolStr),
    Number(f64),
    Bool(bool),
    /// A date cell, or a number the sheet formats as a date (a serial).
    Date(jiff::civil::Date),
    DateTime(jiff::civil::DateTime),
    /// An error cell such as `#DIV/0!`, as the spreadsheet program shows it. Boxed so that
    /// a `Cell` stays 24 bytes (the text's spare byte tells the variants apart).
    Error(Box<str>),
}

/// One sheet (or a whole CSV file): `rows[0]` is the file's first row, so a row's number
/// in messages is its index + 1, as the spreadsheet program numbers it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Every sheet of a file, in the file's order (a CSV file is one sheet).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Grid>,
}

// Each cell of a million-row sheet counts.
const _: () = assert!(std::mem::size_of::<Cell>() == 24);

impl Grid {
    /// The cell at `row`, `column` (from 0); `Empty` beyond the end of a row or of the sheet,
    /// since readers end each row at its last non-empty cell.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&Cell::Empty)
    }
}
