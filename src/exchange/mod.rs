//! Spreadsheets in and out: what the Comuni's offices keep in Excel or LibreOffice Calc
//! (monthly smart-working figures, attendance registers, equipment orders, staff figures,
//! indicator values) read into the project, and every table written back out.
//!
//! No egui here: the window's import dialog (in `ui/`) and the command line both drive
//! these functions. Files from outside are untrusted: readers are bounded and never panic.
//!
//! Importing goes: a `Workbook` (from the readers) → `header::find_header` on the chosen
//! sheet → `Mapping::guess` (or a remembered one, or the user's) → `plan::plan` against the
//! project → the user resolves conflicts → `apply::edits`, one batch of edits. See
//! `import` for the one-call form and docs/exchange.md for the rules.

pub mod apply;
pub mod cell;
pub mod change;
pub mod describe;
pub mod export;
pub mod header;
pub mod import;
pub mod kinds;
pub mod mapping;
pub mod matching;
pub mod normalise;
pub mod plan;
pub mod read;
pub mod report;
pub mod row;
pub mod schema;
pub mod session;
pub mod template;
mod touched;
pub mod values;

#[cfg(test)]
mod kinds_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod test_support;

pub use cell::{Cell, Grid, Workbook};
pub use read::{Format, Limits, ReadError, ReadErrorKind, ReadOptions, read_bytes, read_path};
pub use schema::{FieldKey, FileKind};
