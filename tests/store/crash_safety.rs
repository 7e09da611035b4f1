//! A save killed at any moment leaves a project file that loads and is either the version
//! before the save or the version being saved.
//!
//! The test re-runs its own binary as a child that saves numbered versions in a loop, kills it
//! with SIGKILL after a random delay, and checks the file. The child prepares each version's
//! text by editing one template, so nearly all its time goes to writing, flushing and renaming
//! the few hundred KB of the file: the moments a kill could do harm.

use crate::store_support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use cruscotto::model::Project;
use cruscotto::store;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TEST_NAME: &str = "crash_safety::killed_saves_leave_the_old_or_the_new_version";
/// Set in the child: the project file it must keep saving.
const CHILD_FILE: &str = "CRUSCOTTO_CRASH_CHILD_FILE";
/// Set in the child: the version already on disk; the child saves the following ones.
const CHILD_FROM: &str = "CRUSCOTTO_CRASH_CHILD_FROM";
/// Set in the child: a file holding version 0's text, so the child need not build the project.
const CHILD_TEMPLATE: &str = "CRUSCOTTO_CRASH_CHILD_TEMPLATE";
const KILLS: usize = 40;

fn base() -> Project {
    store_support::programme(40, 36, 7)
}

/// Version `k` of the project: the title names it.
fn version(base: &Project, k: u64) -> Project {
    let mut project = base.clone();
    project.meta.title = format!("version {k}");
    project
}

/// The file text of version `k`, made from version 0's by renaming the title.
fn version_text(template: &str, k: u64) -> String {
    template.replacen("\"version 0\"", &format!("\"version {k}\""), 1)
}

fn version_number(project: &Project) -> u64 {
    project
        .meta
        .title
        .strip_prefix("version ")
        .and_then(|k| k.parse().ok())
        .unwrap_or_else(|| panic!("not a numbered version: {:?}", project.meta.title))
}

fn run_child(file: &Path, from: u64, template: &Path) -> ! {
    let template = std::fs::read_to_string(template).expect("the parent wrote the template");
    let mut k = from;
    loop {
        k += 1;
        store::write_with_backup(file, version_text(&template, k).as_bytes())
            .expect("the child can save");
        println!("saved {k}");
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_new_version() {
    if let (Some(file), Some(from), Some(template)) = (
        std::env::var_os(CHILD_FILE),
        std::env::var_os(CHILD_FROM),
        std::env::var_os(CHILD_TEMPLATE),
    ) {
        let from = from.to_string_lossy().parse().expect("a version number");
        run_child(&PathBuf::from(file), from, &PathBuf::from(template));
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    let base = base();
    store::save(&file, &version(&base, 0)).unwrap();
    let template = store::to_ron_string(&version(&base, 0));
    let elsewhere = tempfile::tempdir().unwrap();
    let template_file = elsewhere.path().join("template.ron");
    std::fs::write(&template_file, &template).unwrap();
    assert_eq!(
        version_text(&template, 12),
        store::to_ron_string(&version(&base, 12))
    );
    assert!(
        std::fs::metadata(&file).unwrap().len() > 200_000,
        "big enough for kills mid-write"
    );

    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let mut on_disk = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
            .env(CHILD_FILE, &file)
            .env(CHILD_FROM, on_disk.to_string())
            .env(CHILD_TEMPLATE, &template_file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for the child's first save so the kill lands among saves, not during start-up.
        let first = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|l| l.starts_with("saved "));
        assert!(
            first.is_some(),
            "the child saved at least once before kill {kill}"
        );
        std::thread::sleep(Duration::from_micros(rng.random_range(0..40_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let completed = lines
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("saved ").and_then(|k| k.parse::<u64>().ok()))
            .last()
            .or_else(|| {
                first
                    .as_deref()
                    .and_then(|l| l["saved ".len()..].parse().ok())
            })
            .unwrap();

        let loaded = store::load(&file).unwrap_or_else(|e| panic!("after kill {kill}: {e}"));
        let k = version_number(&loaded);
        // The child may have been killed between the rename and reporting the save.
        assert!(
            k == completed || k == completed + 1,
            "kill {kill}: {k} on disk, {completed} reported"
        );
        assert_eq!(
            loaded,
            version(&base, k),
            "kill {kill}: version {k} is whole"
        );

        let backup = store::backup_path(&file);
        let kept = version_number(
            &store::load(&backup).unwrap_or_else(|e| panic!("after kill {kill}: {e}")),
        );
        assert!(
            kept + 1 == k || kept == k,
            "kill {kill}: backup {kept} beside version {k}"
        );

        on_disk = k;
    }
    // Killed saves leave hidden temporary files behind: proof that kills landed mid-write.
    let names = store_support::names_in(dir.path());
    let leftovers = names
        .iter()
        .filter(|n| n.starts_with(".demo.ron.") && n.ends_with(".tmp"))
        .count();
    eprintln!("{KILLS} kills, {leftovers} left temporary files, last version {on_disk}");
    assert!(leftovers > 0, "no kill landed during a save");
}
