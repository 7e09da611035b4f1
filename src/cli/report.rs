//! `cruscotto report`: one Comune's PIAO "lavoro agile" section, or without `--partner` the
//! consortium's monitoring report, written as DOCX.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use cruscotto::i18n::Lang;
use cruscotto::model::{Project, ScenarioId};
use cruscotto::report::{
    ReportFormat as Written, ReportOptions, consortium_report, piao_section, render_report,
};

use super::EXIT_UNREADABLE;
use super::source::load_project;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Word document (Word, LibreOffice Writer): heading styles, tables, figures.
    Docx,
    /// Not yet available.
    Pdf,
}

#[derive(Debug)]
pub struct Options {
    pub partner: Option<String>,
    pub scenario: Option<String>,
    pub year: Option<i32>,
    pub format: ReportFormat,
    pub out: PathBuf,
    pub lang: Lang,
}

pub fn run(file: Option<&Path>, options: &Options) -> ExitCode {
    let (source, project) = match load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let scenario = match options.scenario.as_deref() {
        None => None,
        Some(wanted) => match scenario_id(&project, wanted) {
            Some(id) => Some(id),
            None => {
                eprintln!(
                    "error: {}",
                    super::project::unknown(&project, &source, wanted)
                );
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
    };
    let report_options = ReportOptions {
        lang: options.lang,
        scenario,
        year: options.year,
    };
    let document = match options.partner.as_deref() {
        None => consortium_report(&project, &report_options),
        Some(wanted) => {
            let section = super::template::find_partner(&project, wanted)
                .and_then(|id| piao_section(&project, &id, &report_options));
            match section {
                Some(section) => section,
                None => {
                    eprintln!(
                        "error: no partner \"{wanted}\" in {source} (give its code or its name)"
                    );
                    return ExitCode::from(EXIT_UNREADABLE);
                }
            }
        }
    };
    let format = match options.format {
        ReportFormat::Docx => Written::Docx,
        ReportFormat::Pdf => Written::Pdf,
    };
    let written = render_report(&document, format)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            cruscotto::store::write_atomically(&options.out, &bytes).map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            println!("{}", options.out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", options.out.display());
            ExitCode::FAILURE
        }
    }
}

/// A scenario's id from its id or its name (case ignored).
fn scenario_id(project: &Project, wanted: &str) -> Option<ScenarioId> {
    let found = super::project::find(project, wanted)?;
    project
        .scenarios
        .iter()
        .find(|(_, s)| std::ptr::eq(*s, found))
        .map(|(id, _)| id.clone())
}
