//! Autosave recovery: a recovery file is offered when it is newer than the saved project.

use crate::store_support;

use std::fs::File;
use std::path::Path;
use std::time::{Duration, SystemTime};

use cruscotto::store;
use store_support::{names_in, programme};

fn set_mtime(path: &Path, time: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn noon() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_268_800)
}

#[test]
fn recovery_files_sit_beside_the_project_or_in_the_data_folder() {
    let data = Path::new("/home/anna/.local/share/cruscotto");
    assert_eq!(
        store::recovery_path(Some(Path::new("/work/saves/demo.ron")), data),
        Path::new("/work/saves/.demo.ron.recovery")
    );
    assert_eq!(
        store::recovery_path(None, data),
        data.join("untitled.recovery.ron")
    );
}

#[test]
fn a_recovery_newer_than_the_project_is_offered_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let project_file = dir.path().join("demo.ron");
    let saved = programme(2, 6, 1);
    store::save(&project_file, &saved).unwrap();
    assert_eq!(
        store::newer_recovery(Some(&project_file), &data),
        None,
        "no recovery yet"
    );

    let mut edited = saved.clone();
    edited.meta.title = "edited, not saved".to_owned();
    let recovery = store::recovery_path(Some(&project_file), &data);
    store::write_recovery(&recovery, &edited).unwrap();
    set_mtime(&project_file, noon());
    set_mtime(&recovery, noon() + Duration::from_secs(60));

    assert_eq!(
        store::newer_recovery(Some(&project_file), &data),
        Some(recovery.clone())
    );
    assert_eq!(store::load(&recovery).unwrap(), edited);
    assert_eq!(
        names_in(dir.path()),
        [".demo.ron.recovery", "demo.ron"],
        "no backup of a recovery file"
    );
}

#[test]
fn a_recovery_older_than_the_project_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("demo.ron");
    store::save(&project_file, &programme(1, 3, 1)).unwrap();
    let recovery = store::recovery_path(Some(&project_file), dir.path());
    store::write_recovery(&recovery, &programme(1, 3, 2)).unwrap();

    set_mtime(&recovery, noon());
    set_mtime(&project_file, noon() + Duration::from_secs(1));
    assert_eq!(store::newer_recovery(Some(&project_file), dir.path()), None);
    // Written in the same instant as the save: the save already holds it.
    set_mtime(&project_file, noon());
    assert_eq!(store::newer_recovery(Some(&project_file), dir.path()), None);
}

#[test]
fn a_recovery_of_a_project_file_that_is_gone_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("demo.ron");
    let recovery = store::recovery_path(Some(&project_file), dir.path());
    store::write_recovery(&recovery, &programme(1, 3, 1)).unwrap();
    assert_eq!(
        store::newer_recovery(Some(&project_file), dir.path()),
        Some(recovery)
    );
}

#[test]
fn an_untitled_project_recovers_from_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    // The data folder does not exist before the first autosave.
    let data = dir.path().join("share").join("cruscotto");
    assert_eq!(store::newer_recovery(None, &data), None);

    let untitled = programme(1, 3, 4);
    let recovery = store::recovery_path(None, &data);
    store::write_recovery(&recovery, &untitled).unwrap();
    assert_eq!(
        store::newer_recovery(None, &data),
        Some(data.join("untitled.recovery.ron"))
    );
    assert_eq!(store::load(&recovery).unwrap(), untitled);

    store::discard_recovery(None, &data).unwrap();
    assert_eq!(store::newer_recovery(None, &data), None);
    store::discard_recovery(None, &data).expect("discarding twice is not an error");
    assert!(names_in(&data).is_empty());
}

#[test]
fn discarding_removes_only_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("demo.ron");
    store::save(&project_file, &programme(1, 3, 1)).unwrap();
    let recovery = store::recovery_path(Some(&project_file), dir.path());
    store::write_recovery(&recovery, &programme(1, 3, 2)).unwrap();
    store::discard_recovery(Some(&project_file), dir.path()).unwrap();
    assert_eq!(names_in(dir.path()), ["demo.ron"]);
}
