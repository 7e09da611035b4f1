//! Field descriptors: every column of the partner editor's tables (equipment, monthly
//! observations, the attendance register, POLA/PIAO indicators) described once, as data —
//! its label key, the validation field its findings name, how to read it from an item, how
//! to parse and format it in Italian and English, and how a value typed or pasted into it
//! changes the item, which the table's `Sheet` turns into an edit.
//!
//! The window's editable table (`ui::partners::edit_table`) draws from these descriptors,
//! and the coming spreadsheet import and export (`exchange/`) will map their columns with
//! the same ones: that is why they live here, beside the model, and import nothing from
//! egui. A paste from a spreadsheet is planned here too (`paste`), as plain edits.

mod column;
pub mod equipment;
pub mod indicators;
mod keyed;
pub mod observations;
pub mod paste;
pub mod sessions;
mod value;

pub use column::{Column, Sheet};
pub use value::{Kind, Value, number};
