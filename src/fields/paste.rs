//! A block of cells pasted from a spreadsheet (Excel, LibreOffice Calc), planned as edits
//! before anything changes: each cell is read as its column's kind in the user's language,
//! the cells of one row change that row's item together (one edit per row), and the cells
//! that cannot land are listed with the reason, so the user can decide.
//!
//! An empty cell over a value that must be there (a quantity) leaves it as it is, as a
//! blank in the middle of a copied block usually means "nothing to say here".

use crate::i18n::Lang;
use crate::model::Edit;

use super::{Column, Sheet, Value};

/// The cells of pasted text: rows by line (CRLF or LF), cells by tab. The line end a
/// spreadsheet puts after the last row does not make an empty row.
pub fn cells(text: &str) -> Vec<Vec<&str>> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    text.split('\n')
        .map(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            line.split('\t').collect()
        })
        .collect()
}

/// Whether pasted text comes from a spreadsheet's cells rather than being text for one
/// field: it has a tab or a line end (a single copied cell ends with one).
pub fn is_block(text: &str) -> bool {
    text.contains(['\t', '\n', '\r'])
}

/// Why a pasted cell cannot land.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The text is not a value of the column's kind.
    NotAValue,
    /// The column is computed from the others (a total).
    Computed,
    /// The block goes past the table's last row.
    NoRow,
    /// The block goes past the table's last column.
    NoColumn,
}

/// A cell that cannot land, as the user finds it: row, column, the text pasted, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub row: String,
    pub column: String,
    pub text: String,
    pub why: Why,
}

/// What a paste would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// One edit per row that changes, with the cells that can land.
    pub edits: Vec<Edit>,
    /// Cells that can land (including those that change nothing).
    pub landed: usize,
    pub refused: Vec<Refused>,
}

/// Plans pasting `text` with its first cell at (`row`, `column`) of `sheet`, `column`
/// counting the sheet's columns.
pub fn plan<S: Sheet>(sheet: &S, lang: Lang, row: usize, column: usize, text: &str) -> Plan {
    let columns = sheet.columns();
    let mut plan = Plan::default();
    for (down, line) in cells(text).into_iter().enumerate() {
        let row = row + down;
        let exists = row < sheet.len();
        let original = exists.then(|| sheet.item(row));
        let mut item = original.clone();
        for (across, cell) in line.into_iter().enumerate() {
            let position = column + across;
            let refuse = |why| Refused {
                row: sheet_row_name(sheet, lang, row),
                column: columns
                    .get(position)
                    .map_or_else(|| (position + 1).to_string(), |c| c.header(lang)),
                text: cell.to_owned(),
                why,
            };
            let outcome = match (columns.get(position), item.as_mut()) {
                _ if cell.trim().is_empty() && !exists => Ok(()),
                (None, _) if cell.trim().is_empty() => Ok(()),
                (None, _) => Err(Why::NoColumn),
                (Some(_), None) => Err(Why::NoRow),
                (Some(target), Some(item)) => land(target, lang, item, cell),
            };
            match outcome {
                Ok(()) => plan.landed += 1,
                Err(why) => plan.refused.push(refuse(why)),
            }
        }
        if let (Some(item), Some(original)) = (item, original)
            && item != original
        {
            plan.edits.push(sheet.put(row, item));
        }
    }
    plan
}

/// Sets one cell of `item`, or says why it cannot.
fn land<R: Clone>(column: &Column<R>, lang: Lang, item: &mut R, text: &str) -> Result<(), Why> {
    if !column.is_editable() {
        // A computed cell pasted back as it is shown (a copied table) is no conflict.
        let same = column.display(lang, item) == text.trim()
            || column.kind.parse(lang, text) == Some(column.get(item));
        return if text.trim().is_empty() || same {
            Ok(())
        } else {
            Err(Why::Computed)
        };
    }
    let value = column.kind.parse(lang, text).ok_or(Why::NotAValue)?;
    match column.with(item, value) {
        Some(changed) => {
            *item = changed;
            Ok(())
        }
        // An empty cell over a value that must be there leaves it as it is.
        None if value == Value::Empty => Ok(()),
        None => Err(Why::NotAValue),
    }
}

fn sheet_row_name<S: Sheet>(sheet: &S, lang: Lang, row: usize) -> String {
    if row < sheet.len() {
        sheet.row_name(lang, row)
    } else {
        crate::i18n::format::integer(lang, row as i64 + 1)
    }
}

#[cfg(test)]
#[path = "paste_tests.rs"]
mod tests;
