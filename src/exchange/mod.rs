//! Spreadsheets in and out: what the Comuni's offices keep in Excel or LibreOffice Calc
//! (monthly smart-working figures, attendance registers, equipment orders, staff figures,
//! indicator values) read into the project, and every table written back out.
//!
//! No egui here: the window's import dialog (in `ui/`) and the command line both drive
//! these functions. Files from outside are untrusted: readers are bounded and never panic.

pub mod cell;
pub mod read;
pub mod schema;

pub use cell::{Cell, Grid, Workbook};
pub use read::{Format, Limits, ReadError, ReadErrorKind, ReadOptions, read_bytes, read_path};
pub use schema::{FieldKey, FileKind};
