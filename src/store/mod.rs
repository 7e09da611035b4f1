//! Project files: RON text with a format version, atomic saves with a backup, and recovery
//! files for autosave. Nothing here panics on bad bytes: every failure is a `LoadError`.

mod format;

pub use format::{FORMAT_VERSION, to_ron_string};
