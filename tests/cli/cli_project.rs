//! `cruscotto project` as analysts script it: the real binary, its output and exit statuses.

use std::path::Path;
use std::process::{Command, Output};

use cruscotto::analysis::projection::{self, ProjectionSettings};
use cruscotto::{demo, store};

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

/// (header, rows) of a CSV output.
fn csv_rows(output: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(output.status.success(), "{}", stderr(output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn figure(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("not a number: {cell}"))
}

#[test]
fn csv_has_every_partner_month_and_the_consortium_as_the_engine_computes_them() {
    let (header, rows) = csv_rows(&cruscotto(&["project", "--format", "csv"]));
    assert_eq!(header, ["Comune", "Id", "Month", "P10", "P50", "P90"]);
    let project = demo::embedded();
    let months = ProjectionSettings::default().horizon as usize;
    assert_eq!(rows.len(), (project.partners.len() + 1) * months);
    for row in &rows {
        let (p10, p50, p90) = (figure(&row[3]), figure(&row[4]), figure(&row[5]));
        assert!(0.0 <= p10 && p10 <= p50 && p50 <= p90, "{row:?}");
    }
    // The consortium rows are the library's bands, to one decimal.
    let expected = projection::project(&project, None, &ProjectionSettings::default());
    let consortium: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "Consortium").collect();
    assert_eq!(consortium.len(), months);
    for (row, (month, band)) in consortium
        .iter()
        .zip(expected.months.iter().zip(&expected.consortium))
    {
        assert_eq!(row[2], month.to_string());
        assert_eq!(row[4], format!("{:.1}", band.p50));
        assert!(row[1].is_empty());
    }
    // The first months follow the last observation.
    let last = project.last_observed_month().unwrap();
    assert_eq!(rows[0][2], last.plus(1).to_string());
}

#[test]
fn a_scenario_is_found_by_id_or_name_and_listed_with_its_changes() {
    let by_id = cruscotto(&[
        "project",
        "--scenario",
        "portatili-extra",
        "--format",
        "csv",
    ]);
    let by_name = cruscotto(&[
        "project",
        "--scenario",
        "20 PORTATILI IN PIÙ A CUNEO",
        "--format",
        "csv",
    ]);
    assert!(by_id.status.success(), "{}", stderr(&by_id));
    assert_eq!(stdout(&by_id), stdout(&by_name));
    let baseline = cruscotto(&["project", "--format", "csv"]);
    assert_ne!(stdout(&by_id), stdout(&baseline));

    let table = cruscotto(&["project", "--scenario", "portatili-extra"]);
    let text = stdout(&table);
    assert!(
        text.starts_with("Scenario \"20 portatili in più a Cuneo\": smart workers "),
        "{text}"
    );
    assert!(
        text.contains("  change: Cuneo: +20 × Laptop at 1000.00 € each, delivered 2027-03"),
        "{text}"
    );
    assert!(
        text.contains("  change: Cuneo: adoption ceiling 70% of smartable staff"),
        "{text}"
    );
    let header = text.lines().find(|l| l.starts_with("Comune")).unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["Comune", "Month", "P10", "P50", "P90"]
    );
    assert!(text.lines().any(|l| l.starts_with("───")), "{text}");
}

#[test]
fn an_unknown_scenario_exits_2_naming_the_scenarios_there_are() {
    let output = cruscotto(&["project", "--scenario", "Tutto in smart working"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("no scenario \"Tutto in smart working\""),
        "{message}"
    );
    assert!(
        message.contains("\"Regolamento anticipato\" (regolamento-anticipato)"),
        "{message}"
    );
    assert!(message.contains("(portatili-extra)"), "{message}");
    assert!(message.contains("(gara-in-ritardo)"), "{message}");
}

#[test]
fn draws_horizon_and_seed_shape_the_projection() {
    let run = |seed: &str| {
        cruscotto(&[
            "project",
            "--draws",
            "60",
            "--horizon",
            "6",
            "--seed",
            seed,
            "--format",
            "csv",
        ])
    };
    let (_, rows) = csv_rows(&run("1"));
    let partners = demo::embedded().partners.len();
    assert_eq!(rows.len(), (partners + 1) * 6);
    assert_eq!(
        stdout(&run("1")),
        stdout(&run("1")),
        "a seed repeats its bands"
    );
    assert_ne!(
        stdout(&run("1")),
        stdout(&run("2")),
        "another seed draws others"
    );

    let zero = cruscotto(&["project", "--draws", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(stderr(&zero).contains("--draws"), "{}", stderr(&zero));
    let far = cruscotto(&["project", "--horizon", "601"]);
    assert_eq!(far.status.code(), Some(2));
}

#[test]
fn a_project_file_is_projected_and_an_unreadable_one_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("programme.ron");
    store::save(&file, &demo::embedded()).unwrap();
    let from_file = cruscotto(&["project", path_arg(&file), "--format", "csv"]);
    let embedded = cruscotto(&["project", "--format", "csv"]);
    assert_eq!(stdout(&from_file), stdout(&embedded));

    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: 1, project: (").unwrap();
    let output = cruscotto(&["project", path_arg(&broken)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("broken.ron"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_band_shown_is_named_and_the_expected_count_is_narrower() {
    let table = stdout(&cruscotto(&["project", "--horizon", "3"]));
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .contains("P10/P50/P90 of what will be observed"),
        "{table}"
    );
    let band = |kind: &str| {
        let (_, rows) = csv_rows(&cruscotto(&[
            "project",
            "--horizon",
            "24",
            "--band",
            kind,
            "--format",
            "csv",
        ]));
        rows.iter()
            .map(|row| figure(&row[5]) - figure(&row[3]))
            .collect::<Vec<f64>>()
    };
    let (observed, expected) = (band("observed"), band("expected"));
    assert!(observed.iter().zip(&expected).all(|(o, e)| o >= e));
    // Two years ahead no partner's band is a single number any more.
    assert!(observed.iter().all(|width| *width > 0.0), "{observed:?}");
}

#[test]
fn the_backtest_scores_past_forecasts_by_months_ahead() {
    let (header, rows) = csv_rows(&cruscotto(&["project", "--backtest", "--format", "csv"]));
    assert_eq!(
        header,
        [
            "Subject",
            "Id",
            "Months ahead",
            "Compared",
            "In P10-P90",
            "Coverage",
            "Median abs error"
        ]
    );
    let partners = demo::embedded().partners.len();
    // Consortium, all partners and each partner: all months ahead, then 1 to 12.
    assert_eq!(rows.len(), (partners + 2) * 13);
    let expected = projection::backtest(
        &demo::embedded(),
        &ProjectionSettings::default(),
        &projection::DEFAULT_CUTOFFS,
    );
    for (row, score) in rows.iter().zip(&expected.scores) {
        assert_eq!(figure(&row[3]) as usize, score.compared);
        assert_eq!(figure(&row[4]) as usize, score.covered);
        match score.coverage() {
            Some(share) => assert_eq!(row[5], format!("{:.0}%", 100.0 * share)),
            None => assert_eq!(row[5], "too few to tell"),
        }
    }
    let all = rows
        .iter()
        .find(|r| r[0] == "All partners" && r[2] == "all")
        .unwrap();
    assert_eq!(figure(&all[3]) as usize, partners * 18);
    // One cut-off, three months back: three rows per subject after "all".
    let (_, short) = csv_rows(&cruscotto(&[
        "project",
        "--backtest",
        "--cutoffs",
        "3",
        "--format",
        "csv",
    ]));
    assert_eq!(short.len(), (partners + 2) * 4);
    let table = stdout(&cruscotto(&["project", "--backtest"]));
    assert!(table.starts_with("Backtest: forecasts from"), "{table}");
    assert!(table.contains("too few to tell"));
}

#[test]
fn a_backtest_of_a_scenario_or_cutoffs_without_backtest_are_refused() {
    let both = cruscotto(&["project", "--backtest", "--scenario", "portatili-extra"]);
    assert_eq!(both.status.code(), Some(2));
    let cutoffs = cruscotto(&["project", "--cutoffs", "6"]);
    assert_eq!(cutoffs.status.code(), Some(2));
    assert!(
        stderr(&cutoffs).contains("--backtest"),
        "{}",
        stderr(&cutoffs)
    );
}
