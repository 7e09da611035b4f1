//! One data row being read: its cells by field, and the reasons it is refused.

use super::cell::Cell;
use super::header::column_letter;
use super::mapping::Mapping;
use super::schema::FieldKey;
use super::values::{self, ValueError};

/// Why a row was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Value {
        field: FieldKey,
        error: ValueError,
    },
    /// A field the row needs is empty or has no column.
    Missing(FieldKey),
    /// Neither a name nor a code says which Comune the row is about.
    NoComune,
    /// No Comune of the project has this name or code (and none is to be created).
    UnknownComune(String),
    /// A Comune known only by an ISTAT code cannot be created without its name.
    NameNeeded(String),
    UnknownModule(String),
    UnknownIndicator(String),
    UnknownEquipmentKind(String),
    RetiredModule(String),
    TooManyModules {
        max: u32,
    },
    /// Another row of the file gives a different value for the same thing.
    Contradicts {
        row: usize,
    },
    CompletedAboveEnrolled,
    /// The row names a Comune but no value to import.
    NothingToImport,
}

/// A refused row: where, what it held, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The row's number as the spreadsheet shows it (1-based).
    pub row: usize,
    /// The 0-based column, when one cell is to blame.
    pub column: Option<usize>,
    /// The column's header as the sheet shows it.
    pub header: String,
    /// The cell's content as text.
    pub value: String,
    pub reason: Reason,
}

impl RowError {
    /// `C`, or empty when the whole row is to blame.
    pub fn column_letter(&self) -> String {
        self.column.map(column_letter).unwrap_or_default()
    }
}

/// A data row with its mapping; collects errors instead of stopping at the first.
pub struct RowReader<'a> {
    pub cells: &'a [Cell],
    pub mapping: &'a Mapping,
    pub headers: &'a [String],
    /// 1-based row number.
    pub row: usize,
    pub errors: Vec<RowError>,
}

impl<'a> RowReader<'a> {
    pub fn cell(&self, field: FieldKey) -> Option<&'a Cell> {
        let column = self.mapping.column_of(field)?;
        self.cells.get(column)
    }

    pub fn has(&self, field: FieldKey) -> bool {
        self.cell(field).is_some_and(|c| !values::is_blank(c))
    }

    pub fn text(&self, field: FieldKey) -> Option<String> {
        self.cell(field).and_then(values::text)
    }

    /// Whether `text` would give `expected`, without copying a text cell (every row is
    /// compared with the row before to find its Comune).
    pub fn text_is(&self, field: FieldKey, expected: Option<&str>) -> bool {
        match self.cell(field) {
            Some(Cell::Text(text)) => {
                let text = text.trim();
                if text.is_empty() {
                    expected.is_none()
                } else {
                    expected == Some(text)
                }
            }
            cell => cell.and_then(values::text).as_deref() == expected,
        }
    }

    /// The field's value by `parse`; an unreadable cell is recorded and gives `None`.
    pub fn get<T>(
        &mut self,
        field: FieldKey,
        parse: impl Fn(&Cell) -> Result<Option<T>, ValueError>,
    ) -> Option<T> {
        let cell = self.cell(field)?;
        match parse(cell) {
            Ok(value) => value,
            Err(error) => {
                self.fail_at(field, Reason::Value { field, error });
                None
            }
        }
    }

    /// `get`, recording `Missing` when the cell is empty.
    pub fn require<T>(
        &mut self,
        field: FieldKey,
        parse: impl Fn(&Cell) -> Result<Option<T>, ValueError>,
    ) -> Option<T> {
        let blank = !self.has(field);
        let value = self.get(field, parse);
        if blank {
            self.fail_at(field, Reason::Missing(field));
        }
        value
    }

    /// Records `reason` against the column of `field` (the row, if it has none).
    pub fn fail_at(&mut self, field: FieldKey, reason: Reason) {
        let column = self.mapping.column_of(field);
        let value = self.text(field).unwrap_or_default();
        let header = column
            .and_then(|c| self.headers.get(c).cloned())
            .unwrap_or_default();
        self.errors.push(RowError {
            row: self.row,
            column,
            header,
            value,
            reason,
        });
    }

    /// Records `reason` against the whole row.
    pub fn fail(&mut self, reason: Reason) {
        self.errors.push(RowError {
            row: self.row,
            column: None,
            header: String::new(),
            value: String::new(),
            reason,
        });
    }

    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}
