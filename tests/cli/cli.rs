//! The command line as analysts script it: exit statuses, outputs and files written.

use std::path::Path;
use std::process::{Command, Output};

use cruscotto::model::validate;
use cruscotto::{analysis, demo, store};

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8 here")
}

#[test]
fn help_names_the_window_and_every_command() {
    let output = cruscotto(&["--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for word in ["[FILE]", "summary", "check", "demo", "screenshot", "window"] {
        assert!(text.contains(word), "no {word} in {text}");
    }
}

#[test]
fn screenshot_refuses_a_malformed_size_before_opening_a_window() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("shot.png");
    let output = cruscotto(&[
        "screenshot",
        "--out",
        path_arg(&out),
        "--size",
        "1920by1080",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("WIDTHxHEIGHT"),
        "{}",
        stderr(&output)
    );
    let output = cruscotto(&["screenshot", "--out", path_arg(&out), "--size", "10x10"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn check_accepts_the_embedded_demo() {
    let output = cruscotto(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 errors"), "{}", stdout(&output));
}

#[test]
fn check_reports_errors_with_the_path_to_the_item_and_exits_1() {
    let mut project = demo::embedded();
    let partner = project
        .partners
        .values_mut()
        .next()
        .expect("the demo has partners");
    let name = partner.name.clone();
    let choice = partner
        .modules
        .values_mut()
        .next()
        .expect("partners chose modules");
    choice.completed = choice.enrolled + 2;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.ron");
    store::save(&file, &project).unwrap();

    let output = cruscotto(&["check", path_arg(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.lines().any(|line| line.starts_with("error: ")
            && line.contains(&name)
            && line.contains(" › ")),
        "{text}"
    );
    assert!(validate::has_errors(&validate::validate(&project)));
}

#[test]
fn check_and_summary_exit_2_on_an_unreadable_file_and_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corrupt.ron");
    let text = store::to_ron_string(&demo::embedded());
    std::fs::write(&file, &text[..text.len() / 2]).unwrap();

    for command in ["check", "summary"] {
        let output = cruscotto(&[command, path_arg(&file)]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let message = stderr(&output);
        assert!(message.contains("corrupt.ron"), "{command}: {message}");
        assert!(message.contains("line"), "{command}: {message}");
    }
    let missing = cruscotto(&["check", path_arg(&dir.path().join("missing.ron"))]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("missing.ron"));
}

#[test]
fn summary_csv_has_a_row_per_partner_and_a_consortium_row_matching_the_analysis() {
    let output = cruscotto(&["summary", "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();

    let project = demo::embedded();
    let summary = analysis::summarize(&project);
    assert_eq!(rows.len(), project.partners.len() + 1);
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };

    let consortium = rows.last().unwrap();
    let total_headcount: i64 = project.partners.values().map(|p| p.headcount).sum();
    assert_eq!(
        consortium[column("Headcount")].parse::<i64>().unwrap(),
        total_headcount
    );
    assert_eq!(
        consortium[column("Enrolled")].parse::<i64>().unwrap(),
        summary.consortium.enrolled
    );
    for (row, expected) in rows.iter().zip(&summary.partners) {
        assert_eq!(&row[column("Comune")], expected.name);
        let adoption: f64 = row[column("Adoption %")].parse().unwrap();
        let expected_adoption = expected.adoption.expect("every demo partner is observed") * 100.0;
        assert!(
            (adoption - expected_adoption).abs() <= 0.05,
            "{adoption} vs {expected_adoption}"
        );
        assert_eq!(
            row[column("Spend €")].to_string(),
            expected.spend.to_string()
        );
    }
}

#[test]
fn summary_table_is_aligned_and_ends_with_the_consortium() {
    let output = cruscotto(&["summary"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let project = demo::embedded();
    // Header, one line per partner, a rule, the consortium.
    assert_eq!(lines.len(), project.partners.len() + 3, "{text}");
    assert!(lines[0].starts_with("Comune"));
    assert!(lines[lines.len() - 2].starts_with('─'));
    let summary = analysis::summarize(&project);
    assert!(
        lines.last().unwrap().starts_with(&summary.consortium.name),
        "{text}"
    );
    for partner in &summary.partners {
        assert!(text.contains(&partner.name), "{} missing", partner.name);
    }
}

#[test]
fn demo_writes_a_loadable_project_of_the_requested_size_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.ron");
    let output = cruscotto(&[
        "demo",
        "--partners",
        "30",
        "--months",
        "36",
        "--seed",
        "7",
        "--out",
        path_arg(&file),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let project = store::load(&file).unwrap();
    assert_eq!(project.partners.len(), 30);
    assert_eq!(project.months().count(), 36);
    assert_eq!(
        project,
        demo::generate(&demo::DemoOptions {
            partners: 30,
            months: 36,
            seed: 7
        })
    );

    let again = cruscotto(&["demo", "--partners", "5", "--out", path_arg(&file)]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(store::load(&file).unwrap().partners.len(), 5);
    let backup = dir.path().join("big.ron.bak");
    assert_eq!(
        store::load(&backup).unwrap().partners.len(),
        30,
        "the previous version is kept"
    );
}

#[test]
fn demo_refuses_sizes_it_cannot_make_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("refused.ron");
    for (option, value) in [
        ("--partners", "0"),
        ("--months", "0"),
        ("--months", "601"),
        ("--partners", "many"),
    ] {
        let output = cruscotto(&["demo", option, value, "--out", path_arg(&file)]);
        assert_eq!(output.status.code(), Some(2), "{option} {value}");
        assert!(
            stderr(&output).contains(option),
            "{option} {value}: {}",
            stderr(&output)
        );
        assert!(!file.exists(), "{option} {value}");
    }
}
