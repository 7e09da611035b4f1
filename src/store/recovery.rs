//! Autosave and recovery: the app writes the project being edited to a recovery file now and
//! then, and on opening a project offers the recovery file when it is newer than the project.
//!
//! A saved project's recovery file sits beside it, hidden (`demo.ron` → `.demo.ron.recovery`),
//! so it follows the project across folders and disks; an untitled project's lives in the
//! user's data folder as `untitled.recovery.ron`.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::errors::SaveError;
use super::format::to_ron_string;
use super::save::write_atomically;
use crate::model::Project;

/// The recovery file of an untitled project, inside the data folder.
pub const UNTITLED_RECOVERY: &str = "untitled.recovery.ron";

/// Where the recovery file of `project` (or of an untitled project, when `None`) lives.
pub fn recovery_path(project: Option<&Path>, data_dir: &Path) -> PathBuf {
    match project.and_then(|p| p.file_name().map(|name| (p, name))) {
        Some((path, name)) => {
            let mut hidden = OsString::from(".");
            hidden.push(name);
            hidden.push(".recovery");
            path.with_file_name(hidden)
        }
        None => data_dir.join(UNTITLED_RECOVERY),
    }
}

/// Writes `project` to the recovery file atomically, creating its folder if needed (the data
/// folder may not exist yet on a first run). No backup: it is itself a safety copy.
pub fn write_recovery(recovery: &Path, project: &Project) -> Result<(), SaveError> {
    if let Some(folder) = recovery.parent().filter(|f| !f.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|source| SaveError::Io {
            path: recovery.to_owned(),
            action: "creating the folder for recovery files",
            source,
        })?;
    }
    write_atomically(recovery, to_ron_string(project).as_bytes())
}

/// The recovery file worth offering when opening `project`: it exists and was written after
/// the project was last saved, or the project file is gone. For an untitled project any
/// recovery file is worth offering.
pub fn newer_recovery(project: Option<&Path>, data_dir: &Path) -> Option<PathBuf> {
    let recovery = recovery_path(project, data_dir);
    let recovered_at = modified(&recovery).ok()?;
    let newer = match project {
        None => true,
        Some(project) => match modified(project) {
            Ok(saved_at) => recovered_at > saved_at,
            Err(error) => error.kind() == io::ErrorKind::NotFound,
        },
    };
    newer.then_some(recovery)
}

/// Removes the recovery file of `project`, after a save or when the user declines it. A
/// missing recovery file is not an error.
pub fn discard_recovery(project: Option<&Path>, data_dir: &Path) -> Result<(), SaveError> {
    let recovery = recovery_path(project, data_dir);
    match fs::remove_file(&recovery) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(SaveError::Io {
            path: recovery,
            action: "removing the recovery file",
            source: error,
        }),
        _ => Ok(()),
    }
}

fn modified(path: &Path) -> io::Result<SystemTime> {
    let metadata = fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a file"));
    }
    metadata.modified()
}
