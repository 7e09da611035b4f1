//! `cruscotto import`: a spreadsheet's rows into a project, with a report scripts can read.
//!
//! Nothing is written unless every row was taken, or `--apply-valid` says to write the
//! valid ones; the project file is written whole (atomically, with a backup) or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use cruscotto::exchange::FileKind;
use cruscotto::exchange::apply::apply_in_place;
use cruscotto::exchange::change::Resolution;
use cruscotto::exchange::import::{empty_project, fit_span, prepare};
use cruscotto::exchange::plan::{ImportOptions, plan};
use cruscotto::exchange::read::{ReadOptions, read_path};
use cruscotto::exchange::report::ImportReport;
use cruscotto::i18n::Lang;
use cruscotto::store;

use super::EXIT_UNREADABLE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// One row per Comune and month: smart workers, agile days, survey scores.
    Observations,
    /// One row per person and session (registro presenze): sessions and completion.
    Attendance,
    /// One row per purchase of equipment.
    Equipment,
    /// One row per Comune: population, staff, managers, smartable staff.
    Partners,
    /// Baselines, yearly targets and observed values of the POLA/PIAO indicators.
    Indicators,
    /// One row per session of a module.
    Sessions,
    /// Enrolled and completed per Comune and module.
    Enrolment,
}

impl From<KindArg> for FileKind {
    fn from(kind: KindArg) -> FileKind {
        match kind {
            KindArg::Observations => FileKind::Observations,
            KindArg::Attendance => FileKind::Attendance,
            KindArg::Equipment => FileKind::Equipment,
            KindArg::Partners => FileKind::Partners,
            KindArg::Indicators => FileKind::Indicators,
            KindArg::Sessions => FileKind::Sessions,
            KindArg::Enrolment => FileKind::Enrolment,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReasonLang {
    It,
    En,
}

/// What the command was asked to do.
pub struct Options {
    pub from: PathBuf,
    pub into: Option<PathBuf>,
    pub out: PathBuf,
    pub kind: Option<KindArg>,
    pub sheet: Option<String>,
    pub create_missing: bool,
    pub apply_valid: bool,
    pub keep_existing: bool,
    pub report_json: Option<PathBuf>,
    pub lang: ReasonLang,
}

pub fn run(options: &Options) -> ExitCode {
    let lang = match options.lang {
        ReasonLang::It => Lang::It,
        ReasonLang::En => Lang::En,
    };
    let workbook = match read_path(&options.from, &ReadOptions::default()) {
        Ok(workbook) => workbook,
        Err(error) => {
            eprintln!("error: {}", error.message(lang));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let mut project = match &options.into {
        Some(path) => match store::load(path) {
            Ok(project) => project,
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
        None => empty_project(&title_of(&options.from)),
    };
    let kind = options.kind.map(FileKind::from);
    let prepared = match prepare(&workbook, options.sheet.as_deref(), kind, None) {
        Ok(prepared) => prepared,
        Err(error) => {
            eprintln!("error: {}: {error}", options.from.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let grid = &workbook.sheets[prepared.sheet];
    let import_options = ImportOptions {
        // Without a project, the Comuni the data names make the new one.
        create_missing: options.create_missing || options.into.is_none(),
    };
    let mut plan = plan(&project, grid, &prepared.mapping, import_options);
    // The plan holds all it needs of the sheet: a million-row sheet's memory is given back
    // before the project is changed and saved.
    drop(workbook);
    if options.keep_existing {
        plan.resolve_all(Resolution::Keep);
    }
    let write = plan.all_valid() || options.apply_valid;
    let mut written = false;
    let mut failure = None;
    if write {
        // No undo here: each Comune is changed in place, with no copy of it kept.
        match apply_in_place(&plan, &mut project).map_err(|e| e.to_string()) {
            Ok(_) => {
                if options.into.is_none() {
                    fit_span(&mut project);
                }
                match store::save(&options.out, &project) {
                    Ok(()) => written = true,
                    Err(error) => failure = Some(error.to_string()),
                }
            }
            Err(error) => failure = Some(error),
        }
    }
    let report = ImportReport::new(&plan, &project, written, lang);
    if let Err(error) = print_text(&report) {
        eprintln!("error: writing the report: {error}");
        return ExitCode::FAILURE;
    }
    if let Some(path) = &options.report_json
        && let Err(error) = write_json(path, &report)
    {
        eprintln!("error: {}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    if let Some(error) = failure {
        eprintln!("error: nothing was written: {error}");
        return ExitCode::FAILURE;
    }
    if written {
        println!("wrote {}", options.out.display());
    } else {
        println!("nothing written: some rows were rejected (--apply-valid writes the valid ones)");
    }
    if plan.all_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn title_of(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Import".to_owned())
}

/// The report on standard output; a million conflicts are a million lines, so they go out
/// through a buffer rather than as one string.
fn print_text(report: &ImportReport) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    report.write_text(&mut out)?;
    out.flush()
}

fn write_json(path: &Path, report: &ImportReport) -> std::io::Result<()> {
    store::write_atomically_with(path, |out| {
        serde_json::to_writer_pretty(out, report).map_err(std::io::Error::other)
    })
    .map_err(std::io::Error::other)
}
