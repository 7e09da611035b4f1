//! `cruscotto project --backtest`: forecasts from earlier cut-offs against what was observed,
//! for the consortium, all partners together and each partner, by months ahead.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use cruscotto::analysis::projection::{Backtest, Score, Subject, backtest};
use cruscotto::model::Project;

use super::project::{Options, band_words, write_columns};
use super::{EXIT_UNREADABLE, ProjectFormat, source};

const HEADER: [&str; 7] = [
    "Subject",
    "Id",
    "Months ahead",
    "Compared",
    "In P10-P90",
    "Coverage",
    "Median abs error",
];
const CONSORTIUM: &str = "Consortium";
const ALL_PARTNERS: &str = "All partners";
/// What the coverage column says when the comparisons are too few.
const TOO_FEW: &str = "too few to tell";

pub fn run(file: Option<&Path>, options: &Options, cutoffs: &[u32]) -> ExitCode {
    let (_, project) = match source::load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let result = backtest(&project, &options.settings(), cutoffs);
    let rows = rows(&project, &result);
    let written = match options.format {
        ProjectFormat::Table => {
            let mut out = io::stdout().lock();
            write_preamble(&mut out, &result, options)
                .and_then(|()| write_columns(&mut out, &HEADER, &rows, &[0, 2, 3, 4, 5, 6], ""))
        }
        ProjectFormat::Csv => write_csv(io::stdout().lock(), &rows),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the backtest: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_preamble(out: &mut impl Write, result: &Backtest, options: &Options) -> io::Result<()> {
    let Some(anchor) = result.anchor else {
        return writeln!(out, "Backtest: nothing observed, nothing to compare.\n");
    };
    let from: Vec<String> = result
        .forecasts
        .iter()
        .map(|f| format!("{} ({} months before)", f.cutoff, f.months_before))
        .collect();
    writeln!(
        out,
        "Backtest: forecasts from {} against what was observed up to {anchor}, {} draws \
         (P10/P50/P90 {})",
        if from.is_empty() {
            "no cut-off with observations before it".to_owned()
        } else {
            from.join(" and ")
        },
        options.draws,
        band_words(options.band)
    )?;
    writeln!(
        out,
        "  Coverage is the share of observations within P10-P90 (the aim: about 80%); \
         \"{TOO_FEW}\" below {} comparisons.",
        cruscotto::analysis::projection::MIN_COMPARISONS
    )?;
    writeln!(out)
}

/// One row per subject and months ahead ("all" for all of them together).
fn rows(project: &Project, result: &Backtest) -> Vec<[String; 7]> {
    result
        .scores
        .iter()
        .map(|score| {
            let (name, id) = match &score.subject {
                Subject::Consortium => (CONSORTIUM.to_owned(), String::new()),
                Subject::AllPartners => (ALL_PARTNERS.to_owned(), String::new()),
                Subject::Partner(id) => (
                    project
                        .partners
                        .get(id)
                        .map_or_else(|| id.to_string(), |p| p.name.clone()),
                    id.to_string(),
                ),
            };
            [
                name,
                id,
                score
                    .months_ahead
                    .map_or_else(|| "all".to_owned(), |h| h.to_string()),
                score.compared.to_string(),
                score.covered.to_string(),
                coverage(score),
                score
                    .median_abs_error
                    .map_or_else(String::new, |e| format!("{:.1}", e + 0.0)),
            ]
        })
        .collect()
}

fn coverage(score: &Score) -> String {
    score
        .coverage()
        .map_or_else(|| TOO_FEW.to_owned(), |c| format!("{:.0}%", 100.0 * c))
}

fn write_csv(out: impl Write, rows: &[[String; 7]]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()
}
