//! Writing files so that a crash, a full disk or a kill at any moment leaves either the old
//! file or the new one, never a mix and never nothing.
//!
//! The new bytes go to a temporary file in the same folder, are flushed to disk, and the
//! temporary file is renamed over the target (a rename within one folder is atomic). For project
//! saves the previous version is first kept as `<name>.bak`, by hard link (or copy) to a
//! temporary name renamed onto the backup, so the project file itself is never missing.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::{Builder, NamedTempFile};

use super::errors::SaveError;
use super::format::write_ron;
use crate::model::Project;

/// Saves `project` to `path`, keeping the previous file as `<path>.bak`.
/// The text goes to the file as it is made, never whole in memory.
pub fn save(path: &Path, project: &Project) -> Result<(), SaveError> {
    write_with(path, true, |out| write_ron(project, out))
}

/// Replaces `path` with `bytes` atomically; no backup.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, false, |out| out.write_all(bytes))
}

/// Replaces `path` atomically with what `fill` writes, so a large file need not be held in
/// memory first; no backup. When `fill` fails the file is left as it was.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_with(path, false, fill)
}

/// Replaces `path` with `bytes` atomically, keeping the previous file as `<path>.bak`.
pub fn write_with_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, true, |out| out.write_all(bytes))
}

/// Where the previous version of `path` is kept: `demo.ron` → `demo.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

fn write_with(
    path: &Path,
    keep_backup: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let io_error = |action: &'static str| {
        move |source: io::Error| SaveError::Io {
            path: path.to_owned(),
            action,
            source,
        }
    };
    let target = follow_symlink(path).map_err(io_error("following the link to the file"))?;
    let (folder, name) = folder_and_name(&target).ok_or_else(|| SaveError::NotAFile {
        path: path.to_owned(),
    })?;
    if !folder.is_dir() {
        return Err(SaveError::MissingFolder {
            path: path.to_owned(),
            folder,
        });
    }
    let previous = match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(SaveError::NotAFile {
                path: path.to_owned(),
            });
        }
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(io_error("reading the current file")(error)),
    };

    let prefix = hidden_prefix(&name);
    let mut temp = temp_builder(&prefix)
        .tempfile_in(&folder)
        .map_err(io_error("creating a temporary file"))?;
    if let Some(previous) = &previous {
        // Replacing a file keeps its permissions (a shared folder, a read-only group bit).
        temp.as_file()
            .set_permissions(previous.permissions())
            .map_err(io_error("copying the file's permissions"))?;
    }
    let mut out = BufWriter::with_capacity(1 << 20, temp.as_file_mut());
    fill(&mut out)
        .and_then(|()| out.flush())
        .map_err(io_error("writing the new version"))?;
    drop(out);
    temp.as_file()
        .sync_all()
        .map_err(io_error("writing the new version"))?;

    if keep_backup && previous.is_some() {
        keep_previous(&target, &folder, &name, previous.as_ref()).map_err(|source| {
            SaveError::Backup {
                path: path.to_owned(),
                backup: backup_path(&target),
                source,
            }
        })?;
    }
    temp.persist(&target)
        .map_err(|error| io_error("replacing the file")(error.error))?;
    sync_folder(&folder).map_err(io_error("flushing the folder"))
}

/// Saving through a symbolic link updates the file it points to and keeps the link.
fn follow_symlink(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

fn folder_and_name(path: &Path) -> Option<(PathBuf, OsString)> {
    let name = path.file_name()?.to_owned();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Some((folder, name))
}

/// Hidden temporary names beside the target (`.demo.ron.XXXXXX.tmp`), so an interrupted save
/// is recognisable and never mistaken for a project.
fn hidden_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

fn temp_builder(prefix: &OsStr) -> Builder<'_, 'static> {
    let mut builder = Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets the usual permissions (minus the umask), not tempfile's private 0600.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

fn keep_previous(
    target: &Path,
    folder: &Path,
    name: &OsStr,
    previous: Option<&Metadata>,
) -> io::Result<()> {
    let mut prefix = hidden_prefix(name);
    prefix.push("bak.");
    let builder = temp_builder(&prefix);
    let staged = match builder.make_in(folder, |staged| fs::hard_link(target, staged)) {
        Ok(linked) => linked.into_temp_path(),
        // Some file systems (FAT, some network shares) have no hard links.
        Err(_) => copy_to_temp(target, folder, &builder, previous)?.into_temp_path(),
    };
    let staged_path = staged.to_path_buf();
    staged.persist(backup_path(target)).map_err(|e| e.error)?;
    // If the backup already was this very file (linked by hand), rename succeeds without
    // removing the staged name; clear it so no stray file stays behind.
    let _ = fs::remove_file(staged_path);
    Ok(())
}

fn copy_to_temp(
    target: &Path,
    folder: &Path,
    builder: &Builder<'_, '_>,
    previous: Option<&Metadata>,
) -> io::Result<NamedTempFile> {
    let mut copy = builder.tempfile_in(folder)?;
    io::copy(&mut File::open(target)?, copy.as_file_mut())?;
    if let Some(previous) = previous {
        copy.as_file().set_permissions(previous.permissions())?;
    }
    copy.as_file().sync_all()?;
    Ok(copy)
}

/// Makes the renames themselves durable: without it a power cut can undo them (unix).
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// Creates and keeps a temporary file exactly as a save does, standing in for one left by a
/// save killed before its rename.
#[cfg(test)]
pub(super) fn temp_builder_for_tests(project: &Path) -> PathBuf {
    let name = project.file_name().unwrap_or_default();
    let folder = project.parent().unwrap_or(Path::new("."));
    let (_, path) = temp_builder(&hidden_prefix(name))
        .tempfile_in(folder)
        .and_then(|temp| temp.keep().map_err(|error| error.error))
        .unwrap();
    path
}
