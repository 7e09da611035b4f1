//! Saving and loading: what is saved comes back equal, the previous version is kept, and
//! failures leave the folder as it was.

use crate::store_support;

use std::fs;

use cruscotto::store::{self, SaveError};
use store_support::{names_in, programme};

#[test]
fn save_then_load_gives_an_equal_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    let project = programme(5, 24, 11);
    store::save(&path, &project).unwrap();
    assert_eq!(store::load(&path).unwrap(), project);

    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, store::to_ron_string(&project));
    assert!(
        text.starts_with("(\n  format: 2,\n  project: ("),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with(")\n") && !text.contains('\r'));
    assert_eq!(
        names_in(dir.path()),
        ["demo.ron"],
        "a first save has nothing to back up"
    );
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    let mut first = programme(2, 6, 1);
    first.meta.title = "first".to_owned();
    let mut second = first.clone();
    second.meta.title = "second".to_owned();
    let mut third = first.clone();
    third.meta.title = "third".to_owned();

    store::save(&path, &first).unwrap();
    store::save(&path, &second).unwrap();
    let backup = dir.path().join("demo.ron.bak");
    assert_eq!(store::backup_path(&path), backup);
    assert_eq!(store::load(&path).unwrap().meta.title, "second");
    assert_eq!(store::load(&backup).unwrap(), first);

    store::save(&path, &third).unwrap();
    assert_eq!(store::load(&path).unwrap().meta.title, "third");
    assert_eq!(store::load(&backup).unwrap().meta.title, "second");
    assert_eq!(
        names_in(dir.path()),
        ["demo.ron", "demo.ron.bak"],
        "no temporary file is left"
    );
}

#[test]
fn write_atomically_replaces_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.csv");
    store::write_atomically(&path, b"a;b\n1;2\n").unwrap();
    store::write_atomically(&path, b"a;b\n3;4\n").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"a;b\n3;4\n");
    assert_eq!(names_in(dir.path()), ["summary.csv"]);

    store::write_with_backup(&path, b"a;b\n5;6\n").unwrap();
    assert_eq!(
        fs::read(dir.path().join("summary.csv.bak")).unwrap(),
        b"a;b\n3;4\n"
    );
}

#[test]
fn saving_into_a_missing_folder_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("missing");
    let path = folder.join("demo.ron");
    let error = store::save(&path, &programme(1, 3, 1)).unwrap_err();
    assert!(
        matches!(&error, SaveError::MissingFolder { folder: f, .. } if *f == folder),
        "{error}"
    );
    assert_eq!(error.path(), path);
    assert_eq!(
        error.to_string(),
        format!(
            "cannot save {}: the folder {} does not exist",
            path.display(),
            folder.display()
        )
    );
    assert!(names_in(dir.path()).is_empty(), "nothing is created");
}

#[test]
fn saving_over_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    fs::create_dir(&path).unwrap();
    let error = store::save(&path, &programme(1, 3, 1)).unwrap_err();
    assert!(matches!(error, SaveError::NotAFile { .. }), "{error}");
    assert_eq!(names_in(dir.path()), ["demo.ron"]);
}

#[test]
fn a_failed_load_leaves_the_folder_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path =
        store_support::write_file(dir.path(), "broken.ron", b"(format: 1, project: (meta: (");
    assert!(store::load(&path).is_err());
    assert!(store::load(&dir.path().join("absent.ron")).is_err());
    assert_eq!(names_in(dir.path()), ["broken.ron"]);
    assert_eq!(fs::read(&path).unwrap(), b"(format: 1, project: (meta: (");
}

#[test]
fn a_save_that_cannot_keep_its_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    let old = programme(1, 3, 1);
    store::write_atomically(&path, store::to_ron_string(&old).as_bytes()).unwrap();
    // A folder where the backup should go: neither a link nor a copy can be renamed onto it.
    let blocked = dir.path().join("demo.ron.bak");
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("keep.txt"), b"x").unwrap();

    let error = store::save(&path, &programme(2, 3, 2)).unwrap_err();
    assert!(matches!(error, SaveError::Backup { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("could not keep the previous version"),
        "{error}"
    );
    assert_eq!(
        store::load(&path).unwrap(),
        old,
        "the project file is untouched"
    );
    assert_eq!(
        names_in(dir.path()),
        ["demo.ron", "demo.ron.bak"],
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions_and_symlinks() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    store::save(&path, &programme(1, 3, 1)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&path, &programme(1, 3, 2)).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );

    let link = dir.path().join("current.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let through_link = programme(1, 3, 3);
    store::save(&link, &through_link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(store::load(&path).unwrap(), through_link);
    assert_eq!(
        store::load(&dir.path().join("demo.ron.bak")).unwrap(),
        programme(1, 3, 2)
    );
}
