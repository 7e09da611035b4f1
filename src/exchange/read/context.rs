//! The state one read carries: which file, its options, and the cells and text held so far
//! against the limits, with the errors that name the file.

use super::error::{ReadError, ReadErrorKind};
use super::options::ReadOptions;

pub(super) struct Reading<'a> {
    pub file: &'a str,
    pub options: &'a ReadOptions<'a>,
    cells: usize,
    text: usize,
}

impl<'a> Reading<'a> {
    pub fn new(file: &'a str, options: &'a ReadOptions<'a>) -> Reading<'a> {
        Reading {
            file,
            options,
            cells: 0,
            text: 0,
        }
    }

    pub fn error(&self, kind: ReadErrorKind) -> ReadError {
        ReadError::new(self.file, kind)
    }

    /// Stops the read when the caller asked; `done` is the fraction read, for the progress.
    pub fn checkpoint(&self, done: f32) -> Result<(), ReadError> {
        if self.options.cancelled() {
            return Err(self.error(ReadErrorKind::Cancelled));
        }
        self.options.report(done);
        Ok(())
    }

    /// Counts `count` more cells held, refusing past the limit.
    pub fn take_cells(&mut self, count: usize) -> Result<(), ReadError> {
        let limit = self.options.limits.max_cells;
        self.cells = self.cells.saturating_add(count);
        if self.cells > limit {
            return Err(self.error(ReadErrorKind::TooManyCells { limit }));
        }
        Ok(())
    }

    /// Counts `bytes` more bytes of text held, refusing past the limit.
    pub fn take_text(&mut self, bytes: usize) -> Result<(), ReadError> {
        let limit = self.options.limits.max_text_bytes;
        self.text = self.text.saturating_add(bytes);
        if self.text > limit {
            return Err(self.error(ReadErrorKind::TooMuchText { limit }));
        }
        Ok(())
    }
}
