//! `cruscotto project`: P10/P50/P90 of smart workers per partner and month, and for the
//! consortium, for the baseline or a scenario, as a table or CSV.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use cruscotto::analysis::projection::{self, BandKind, Projection, ProjectionSettings, Quantiles};
use cruscotto::model::{Project, Scenario};

use super::{EXIT_UNREADABLE, ProjectFormat, source};

const HEADER: [&str; 6] = ["Comune", "Id", "Month", "P10", "P50", "P90"];
const CONSORTIUM: &str = "Consortium";

pub struct Options {
    pub scenario: Option<String>,
    pub draws: usize,
    pub horizon: u32,
    pub seed: u64,
    pub format: ProjectFormat,
    pub band: BandKind,
}

impl Options {
    /// The engine's settings for these options.
    pub fn settings(&self) -> ProjectionSettings {
        ProjectionSettings {
            draws: self.draws,
            horizon: self.horizon,
            seed: self.seed,
            band: self.band,
            ..ProjectionSettings::default()
        }
    }
}

/// How the band is named after "P10/P50/P90".
pub fn band_words(band: BandKind) -> &'static str {
    match band {
        BandKind::Observed => "of what will be observed",
        BandKind::Expected => "of the expected count",
    }
}

pub fn run(file: Option<&Path>, options: &Options) -> ExitCode {
    let (name, project) = match source::load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let scenario = match options.scenario.as_deref() {
        None => None,
        Some(wanted) => match find(&project, wanted) {
            Some(scenario) => Some(scenario),
            None => {
                eprintln!("error: {}", unknown(&project, &name, wanted));
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
    };
    let projected = projection::project(&project, scenario, &options.settings());
    let rows = rows(&project, &projected);
    let written = match options.format {
        ProjectFormat::Table => {
            let mut out = io::stdout().lock();
            write_preamble(&mut out, &project, scenario, &projected)
                .and_then(|()| write_table(&mut out, &rows))
        }
        ProjectFormat::Csv => write_csv(io::stdout().lock(), &rows),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not a failure worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the projection: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A scenario by its id, or by its name ignoring case.
pub(super) fn find<'a>(project: &'a Project, wanted: &str) -> Option<&'a Scenario> {
    project
        .scenarios
        .iter()
        .find(|(id, _)| id.as_str() == wanted)
        .or_else(|| {
            project
                .scenarios
                .iter()
                .find(|(_, s)| s.name.trim().to_lowercase() == wanted.trim().to_lowercase())
        })
        .map(|(_, scenario)| scenario)
}

pub(super) fn unknown(project: &Project, source: &str, wanted: &str) -> String {
    if project.scenarios.is_empty() {
        return format!("no scenario \"{wanted}\": {source} has no scenarios");
    }
    let names: Vec<String> = project
        .scenarios
        .iter()
        .map(|(id, s)| format!("\"{}\" ({id})", s.name))
        .collect();
    format!(
        "no scenario \"{wanted}\" in {source}; its scenarios are: {}",
        names.join(", ")
    )
}

/// Plain machine-readable figures: dot decimals, one decimal place.
fn rows(project: &Project, projected: &Projection) -> Vec<[String; 6]> {
    let figures = |q: Quantiles| [q.p10, q.p50, q.p90].map(|value| format!("{:.1}", value + 0.0));
    let mut rows = Vec::new();
    for partner in &projected.partners {
        let name = project
            .partners
            .get(&partner.id)
            .map_or_else(|| partner.id.to_string(), |p| p.name.clone());
        for (i, month) in projected.months.iter().enumerate() {
            let Some(band) = partner.band_at(i) else {
                continue;
            };
            let [p10, p50, p90] = figures(band);
            rows.push([
                name.clone(),
                partner.id.to_string(),
                month.to_string(),
                p10,
                p50,
                p90,
            ]);
        }
    }
    for (month, band) in projected.months.iter().zip(&projected.consortium) {
        let [p10, p50, p90] = figures(*band);
        rows.push([
            CONSORTIUM.to_owned(),
            String::new(),
            month.to_string(),
            p10,
            p50,
            p90,
        ]);
    }
    rows
}

/// What was projected, the scenario's changes and the rules it breaks, before the table.
fn write_preamble(
    out: &mut impl Write,
    project: &Project,
    scenario: Option<&Scenario>,
    projected: &Projection,
) -> io::Result<()> {
    let (Some(first), Some(last)) = (projected.months.first(), projected.months.last()) else {
        return Ok(());
    };
    let what = scenario.map_or_else(
        || "Baseline".to_owned(),
        |s| format!("Scenario \"{}\"", s.name),
    );
    writeln!(
        out,
        "{what}: smart workers {first} to {last}, {} draws (P10/P50/P90 {})",
        projected.draws,
        band_words(projected.band)
    )?;
    for change in scenario.map(|s| s.describe(project)).unwrap_or_default() {
        writeln!(out, "  change: {change}")?;
    }
    for warning in &projected.warnings {
        writeln!(out, "  warning: {}", warning.message())?;
    }
    writeln!(out)
}

fn write_csv(out: impl Write, rows: &[[String; 6]]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()
}

/// Names left-aligned, figures right-aligned; the consortium set off by a rule. The id column
/// is left out: names are enough to read.
fn write_table(out: &mut impl Write, rows: &[[String; 6]]) -> io::Result<()> {
    write_columns(out, &HEADER, rows, &[0, 2, 3, 4, 5], CONSORTIUM)
}

/// The columns `keep` of `rows` under `header`: the first left-aligned, the others (figures)
/// right-aligned; a rule before the first row whose first cell is `ruled_from` and whose
/// second is empty.
pub fn write_columns<const N: usize>(
    out: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
    keep: &[usize],
    ruled_from: &str,
) -> io::Result<()> {
    let mut widths: Vec<usize> = keep.iter().map(|&c| header[c].chars().count()).collect();
    for row in rows {
        for (width, &c) in widths.iter_mut().zip(keep) {
            *width = (*width).max(row[c].chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
        let mut text = String::new();
        for (column, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width - cell.chars().count();
            if column > 0 {
                text.push_str("  ");
            }
            if column == 0 {
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', pad));
            } else {
                text.extend(std::iter::repeat_n(' ', pad));
                text.push_str(cell);
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    let titles: Vec<&str> = keep.iter().map(|&c| header[c]).collect();
    line(out, &titles)?;
    let total_width = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    let mut ruled = false;
    for row in rows {
        if row[0] == ruled_from && row[1].is_empty() && !ruled {
            writeln!(out, "{}", "─".repeat(total_width))?;
            ruled = true;
        }
        let cells: Vec<&str> = keep.iter().map(|&c| row[c].as_str()).collect();
        line(out, &cells)?;
    }
    Ok(())
}
