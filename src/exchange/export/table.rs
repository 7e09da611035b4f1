//! One model of an exported table, written by both the XLSX and the CSV writer: a title, typed
//! columns and rows of values. Builders fill it from the project; writers only format it.

use jiff::civil::Date;

use super::TableKind;
use crate::exchange::FieldKey;
use crate::model::{Cents, Month};

/// How a column's values are written: the cell type and number format in XLSX, the text
/// form in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    /// Whole numbers (counts of people, quantities).
    Integer,
    Number,
    /// Money, written in euros with two decimals.
    Euro,
    /// A ratio written as a percentage (0.25 is 25%).
    Percent,
    /// A calendar date.
    Date,
    /// A month, written as the date of its first day with a month format.
    Month,
}

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Integer(i64),
    Number(f64),
    Euro(Cents),
    /// A ratio, 0–1.
    Percent(f64),
    Date(Date),
    Month(Month),
}

impl Value {
    /// `Empty` for `None`, else what `some` makes of the value.
    pub fn or_empty<T>(value: Option<T>, some: impl FnOnce(T) -> Value) -> Value {
        value.map_or(Value::Empty, some)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub ty: ColumnType,
    /// The importable field this column holds, when it is one (ids, figures of a kind).
    pub field: Option<FieldKey>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// The sheet name in XLSX and the file name suffix in CSV, in the chosen language.
    pub title: String,
    pub columns: Vec<Column>,
    /// Each row has one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(kind: TableKind, title: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            kind,
            title: title.into(),
            columns,
            rows: Vec::new(),
        }
    }

    /// The column holding `field`, if any.
    pub fn column_of(&self, field: FieldKey) -> Option<usize> {
        self.columns.iter().position(|c| c.field == Some(field))
    }
}
