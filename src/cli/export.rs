//! `cruscotto export`: the project's tables to one XLSX workbook (a sheet per table) or to
//! CSV (one file, or a folder of files `<table>.csv` when several tables are asked for).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cruscotto::analysis::projection::{self, ProjectionSettings};
use cruscotto::exchange::export::{self, ExportError, TableKind};
use cruscotto::i18n::{Lang, tr, tr_args};

use super::{EXIT_UNREADABLE, project, source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One workbook, a sheet per table.
    Xlsx,
    /// Italian CSV (`;`, decimal comma) or, with `--lang en`, English CSV (`,`, decimal point).
    Csv,
}

impl From<super::screenshot::LangArg> for Lang {
    fn from(lang: super::screenshot::LangArg) -> Lang {
        match lang {
            super::screenshot::LangArg::It => Lang::It,
            super::screenshot::LangArg::En => Lang::En,
        }
    }
}

pub struct Options {
    /// `None`: every table.
    pub table: Option<TableKind>,
    /// `None`: from the extension of `out` (`.csv`), else XLSX.
    pub format: Option<ExportFormat>,
    pub lang: Lang,
    pub scenario: Option<String>,
}

/// `--table`: one table, or every table (`None`, written `all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableChoice(pub Option<TableKind>);

/// Parses `--table`: a table's name or `all`.
pub fn parse_table(text: &str) -> Result<TableChoice, String> {
    if text == "all" {
        return Ok(TableChoice(None));
    }
    TableKind::from_key(text)
        .map(|kind| TableChoice(Some(kind)))
        .ok_or_else(|| {
            let names: Vec<&str> = TableKind::ALL.iter().map(|k| k.key()).collect();
            format!("expected all or one of {}", names.join(", "))
        })
}

pub fn run(file: Option<&Path>, out: &Path, options: &Options) -> ExitCode {
    let lang = options.lang;
    let (name, project) = match source::load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let kinds: Vec<TableKind> = options
        .table
        .map_or_else(|| TableKind::ALL.to_vec(), |kind| vec![kind]);
    let scenario = match options.scenario.as_deref() {
        None => None,
        Some(wanted) => match project::find(&project, wanted) {
            Some(scenario) => Some(scenario),
            None => {
                eprintln!("error: {}", project::unknown(&project, &name, wanted));
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
    };
    let projected = kinds
        .contains(&TableKind::Projection)
        .then(|| projection::project(&project, scenario, &ProjectionSettings::default()));
    let bands = projected
        .as_ref()
        .map(|p| (p, scenario.map(|s| s.name.as_str())));
    let format = match options.format {
        Some(ExportFormat::Xlsx) => export::ExportFormat::Xlsx,
        Some(ExportFormat::Csv) => export::ExportFormat::Csv,
        None => export::ExportFormat::of_path(out),
    };
    let written = export::export_project(&project, &kinds, bands, format, lang, out);
    report(written, lang)
}

/// The files written, one line each, or why not: exit 0 or 1.
pub fn report(written: Result<Vec<PathBuf>, ExportError>, lang: Lang) -> ExitCode {
    match written {
        Ok(files) => {
            for path in files {
                let path = path.display().to_string();
                println!("{}", tr_args(lang, "export.cli.wrote", &[("path", &path)]));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: {}", tr(lang, "export.cli.error"), error.message(lang));
            ExitCode::FAILURE
        }
    }
}
