//! Leftovers of interrupted saves: a save killed between writing its temporary file and
//! renaming it leaves `.NAME.ron.XXXXXX.tmp` beside the project. The project itself is
//! whole (the rename never happened), so the leftover holds nothing the user needs once a
//! later save or open has happened; opening a project removes its old ones.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Temporary files younger than this may belong to a save still running in another
/// Cruscotto window, so they are left alone.
pub const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Removes the stale temporary files of `project`'s interrupted saves; returns how many.
/// Errors (a file vanished meanwhile, a read-only folder) only mean fewer are removed.
pub fn sweep_stale_temp_files(project: &Path, stale_after: Duration) -> usize {
    let (Some(folder), Some(name)) = (project.parent(), project.file_name()) else {
        return 0;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| is_temp_of(&entry.file_name().to_string_lossy(), &prefix))
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| {
                    now.duration_since(modified)
                        .is_ok_and(|age| age >= stale_after)
                })
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

/// `.NAME.ron.` + tempfile's random letters + `.tmp`, nothing else (not `.NAME.ron.recovery`).
fn is_temp_of(file_name: &str, prefix: &str) -> bool {
    file_name
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| {
            !random.is_empty() && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_temporary_files_of_this_project_go() {
        let folder = tempfile::tempdir().unwrap();
        let project = folder.path().join("piano.ron");
        let keep = [
            "piano.ron",
            ".piano.ron.recovery",
            "piano.ron.bak",
            ".altro.ron.Ab12Cd.tmp",
            ".piano.ron.tmp",
        ];
        for name in keep.iter().chain([".piano.ron.Xy34Zw.tmp"].iter()) {
            fs::write(folder.path().join(name), "x").unwrap();
        }
        assert_eq!(
            sweep_stale_temp_files(&project, STALE_AFTER),
            0,
            "too young"
        );
        assert_eq!(sweep_stale_temp_files(&project, Duration::ZERO), 1);
        assert!(!folder.path().join(".piano.ron.Xy34Zw.tmp").exists());
        for name in keep {
            assert!(folder.path().join(name).exists(), "{name} was removed");
        }
    }

    #[test]
    fn a_temp_file_left_by_a_real_interrupted_save_matches() {
        let folder = tempfile::tempdir().unwrap();
        let project = folder.path().join("piano.ron");
        let temp = super::super::save::temp_builder_for_tests(&project);
        let name = temp.file_name().unwrap().to_string_lossy().into_owned();
        assert!(is_temp_of(&name, ".piano.ron."), "{name}");
    }
}
