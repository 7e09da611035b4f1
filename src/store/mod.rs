//! Project files: RON text with a format version, atomic saves with a backup, and recovery
//! files for autosave. Nothing here panics on bad bytes: every failure is a `LoadError`.
//!
//! Writing goes through the store's own compact RON writer and layout (`ron_writer`, `layout`);
//! reading tries the fast reader for the plain RON the writer produces (`fast_read`) and
//! otherwise `ron` itself, which reads any RON and words every error (`diagnose`). Both are
//! several times faster than `ron` on national-scale files and checked against it
//! (`compat_tests`).

#[cfg(test)]
mod compat_tests;
mod diagnose;
mod errors;
mod fast_read;
mod format;
mod layout;
mod load;
pub mod migrate;
mod recovery;
mod ron_writer;
mod save;
mod sweep;

pub use errors::{LoadError, LoadErrorKind, SaveError};
pub use format::{FORMAT_VERSION, to_ron_string};
pub use load::{LoadLimits, MAX_FILE_BYTES, MAX_NESTING_DEPTH, load, load_with_limits, parse};
pub use recovery::{
    UNTITLED_RECOVERY, discard_recovery, newer_recovery, recovery_path, write_recovery,
};
pub use save::{backup_path, save, write_atomically, write_atomically_with, write_with_backup};
pub use sweep::{STALE_AFTER, sweep_stale_temp_files};
