//! The last guard around a spreadsheet library: a panic inside it on a strange file becomes
//! a `ReadError` for that file instead of taking the import (or the app) down.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};

pub(super) fn guarded<'a, T>(
    reading: &mut Reading<'a>,
    format: Format,
    work: impl FnOnce(&mut Reading<'a>) -> Result<T, ReadError>,
) -> Result<T, ReadError> {
    match catch_unwind(AssertUnwindSafe(|| work(reading))) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(reading.error(ReadErrorKind::ReaderFailed { format, detail }))
        }
    }
}
