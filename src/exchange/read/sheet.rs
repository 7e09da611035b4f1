//! One sheet built cell by cell at the cells' true places, so that row and column numbers
//! match what the spreadsheet program shows, within the read's limits.

use super::context::Reading;
use super::error::{ReadError, ReadErrorKind};
use crate::exchange::{Cell, Grid};

pub(super) struct SheetBuilder {
    grid: Grid,
}

impl SheetBuilder {
    pub fn new(name: impl Into<String>) -> SheetBuilder {
        SheetBuilder {
            grid: Grid {
                name: name.into(),
                rows: Vec::new(),
            },
        }
    }

    /// How many rows the sheet has so far (up to its last row holding a cell).
    pub fn row_count(&self) -> usize {
        self.grid.rows.len()
    }

    /// Puts `cell` at `row`, `column` (from 0), filling the gap before it with empty cells.
    /// A later cell at the same place replaces the earlier one.
    pub fn place(
        &mut self,
        reading: &mut Reading<'_>,
        row: usize,
        column: usize,
        cell: Cell,
    ) -> Result<(), ReadError> {
        if cell == Cell::Empty {
            return self.check_place(reading, row, column);
        }
        self.check_place(reading, row, column)?;
        let text = match &cell {
            Cell::Text(text) => text.len(),
            Cell::Error(text) => text.len(),
            _ => 0,
        };
        if text > 0 {
            reading.take_text(text)?;
        }
        if self.grid.rows.len() <= row {
            // An empty row costs one cell against the limit: it is held too.
            reading.take_cells(row + 1 - self.grid.rows.len())?;
            self.grid.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.grid.rows[row];
        if column < cells.len() {
            cells[column] = cell;
        } else {
            reading.take_cells(column + 1 - cells.len())?;
            cells.resize(column, Cell::Empty);
            cells.push(cell);
        }
        Ok(())
    }

    /// Appends a whole row (CSV), its cells already counted by the caller's `take_*`.
    pub fn push_row(&mut self, reading: &Reading<'_>, cells: Vec<Cell>) -> Result<(), ReadError> {
        let row = self.grid.rows.len();
        self.check_place(reading, row, cells.len().saturating_sub(1))?;
        self.grid.rows.push(cells);
        Ok(())
    }

    fn check_place(
        &self,
        reading: &Reading<'_>,
        row: usize,
        column: usize,
    ) -> Result<(), ReadError> {
        let limits = reading.options.limits;
        if row >= limits.max_rows {
            return Err(reading.error(ReadErrorKind::TooManyRows {
                sheet: self.grid.name.clone(),
                limit: limits.max_rows,
            }));
        }
        if column >= limits.max_columns {
            return Err(reading.error(ReadErrorKind::TooManyColumns {
                sheet: self.grid.name.clone(),
                row: row + 1,
                limit: limits.max_columns,
            }));
        }
        Ok(())
    }

    /// Makes the text at `row`, `column` an error cell (`#DIV/0!`); false when there is no
    /// text there.
    pub fn turn_into_error(&mut self, row: usize, column: usize) -> bool {
        let Some(cell) = self.grid.rows.get_mut(row).and_then(|r| r.get_mut(column)) else {
            return false;
        };
        match std::mem::replace(cell, Cell::Empty) {
            Cell::Text(text) => {
                *cell = Cell::Error(text.as_str().into());
                true
            }
            other => {
                *cell = other;
                false
            }
        }
    }

    /// The value of a merged range's first cell repeated over the whole range (a header
    /// spanning three columns names all three), within the rows the sheet has; `first` and
    /// `last` are (row, column) from 0, inclusive.
    pub fn spread_merged(
        &mut self,
        reading: &mut Reading<'_>,
        first: (usize, usize),
        last: (usize, usize),
    ) -> Result<(), ReadError> {
        let Some(value) = self.grid.rows.get(first.0).and_then(|row| row.get(first.1)) else {
            return Ok(());
        };
        if *value == Cell::Empty {
            return Ok(());
        }
        let value = value.clone();
        let last_row = last.0.min(self.grid.rows.len().saturating_sub(1));
        for row in first.0..=last_row {
            for column in first.1..=last.1 {
                let free = self.grid.rows[row]
                    .get(column)
                    .is_none_or(|cell| *cell == Cell::Empty);
                if free && (row, column) != first {
                    self.place(reading, row, column, value.clone())?;
                }
            }
        }
        Ok(())
    }

    /// The sheet, without the empty cells that end a row and the empty rows that end the sheet
    /// (formatting alone makes spreadsheet programs write those).
    pub fn finish(mut self) -> Grid {
        for row in &mut self.grid.rows {
            while row.last() == Some(&Cell::Empty) {
                row.pop();
            }
        }
        while self.grid.rows.last().is_some_and(Vec::is_empty) {
            self.grid.rows.pop();
        }
        self.grid
    }
}
