//! How far a reader may go with a file from outside, and how the caller follows and stops it.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Bounds on what one file may make the reader hold. A file beyond any of them is refused
/// with a `ReadError` naming the bound, never read into exhausted memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file itself (bytes on disk).
    pub max_file_bytes: u64,
    /// Rows of one sheet, counted as the spreadsheet program numbers them.
    pub max_rows: usize,
    /// Columns of one row (Excel and Calc stop at 16,384).
    pub max_columns: usize,
    /// Cells held over the whole workbook, empty ones between filled ones included.
    pub max_cells: usize,
    /// Bytes of text held over the whole workbook.
    pub max_text_bytes: usize,
    /// The sum of the uncompressed sizes an XLSX or ODS archive declares.
    pub max_unzipped_bytes: u64,
    /// Uncompressed size over compressed size of one archive entry larger than 1 MB:
    /// spreadsheets compress about 10:1, a zip bomb a thousand times more.
    pub max_zip_ratio: u64,
    /// Entries in an XLSX or ODS archive.
    pub max_zip_entries: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 256 * MB,
            max_rows: 2_000_000,
            max_columns: 16_384,
            max_cells: 20_000_000,
            max_text_bytes: 512 * MB as usize,
            max_unzipped_bytes: 1024 * MB,
            max_zip_ratio: 200,
            max_zip_entries: 10_000,
        }
    }
}

const MB: u64 = 1024 * 1024;

/// What a read may use besides the file: its limits, a flag that stops it, and a place
/// to tell how far it has come (0 to 1).
///
/// From a background `Task` (src/app/work):
/// `Task::spawn("import", waker, move |progress| read_path(&path, &ReadOptions {
///     cancel: Some(&flag), progress: Some(&|done| progress.set(done)), ..ReadOptions::default() }))`
/// with `flag` an `Arc<AtomicBool>` the dialog's Cancel button sets.
#[derive(Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    pub limits: Limits,
    /// Set to true (from any thread) to stop the read: it ends with `ReadErrorKind::Cancelled`.
    pub cancel: Option<&'a AtomicBool>,
    /// Called now and then with the fraction of the file read so far.
    pub progress: Option<&'a (dyn Fn(f32) + Sync)>,
}

impl fmt::Debug for ReadOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadOptions")
            .field("limits", &self.limits)
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl ReadOptions<'_> {
    pub(super) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|flag| flag.load(Ordering::Relaxed))
    }

    pub(super) fn report(&self, done: f32) {
        if let Some(progress) = self.progress {
            progress(done.clamp(0.0, 1.0));
        }
    }
}
