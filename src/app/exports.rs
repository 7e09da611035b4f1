//! Exports and data-collection templates from the window: the path comes from a dialog,
//! the file is written on a worker (a national project takes seconds), and the status bar
//! says where it went, or an error says why not. The project is only read.

use std::path::PathBuf;
use std::sync::Arc;

use super::CruscottoApp;
use super::dialogs::DialogPurpose;
use super::prompts::Prompt;
use super::work::{Poll, Task};
use crate::analysis::projection::Projection;
use crate::exchange::export::{TableKind, tables, write_xlsx};
use crate::exchange::template::{TemplateOptions, write_template, write_templates};
use crate::i18n::{Lang, plural, tr, tr_args};
use crate::model::{PartnerId, Project};

/// An export being written: what the status bar says when it ends.
pub(super) struct ExportJob {
    task: Task<Result<String, String>>,
}

impl ExportJob {
    pub(super) fn wait_done(&mut self, timeout: std::time::Duration) {
        self.task.wait_done(timeout);
    }
}

impl CruscottoApp {
    /// Writes every table (and the baseline's bands, when computed) to `path` as XLSX.
    pub(super) fn start_export(&mut self, path: PathBuf) {
        let path = with_extension(path, "xlsx");
        let project = Arc::clone(self.doc.shared());
        let lang = self.lang;
        let baseline = self
            .projections
            .figures()
            .map(|figures| Arc::clone(&figures.baseline));
        self.start_export_job(move || export_tables(&project, baseline.as_deref(), &path, lang));
    }

    /// One template per Comune into `folder`, or the selected Comune's into a file.
    pub(super) fn start_templates(&mut self, purpose: DialogPurpose, path: PathBuf) {
        let project = Arc::clone(self.doc.shared());
        let options = TemplateOptions {
            lang: self.lang,
            ..TemplateOptions::default()
        };
        let lang = self.lang;
        let partner = self.single_selected_partner();
        self.start_export_job(move || match (purpose, partner) {
            (DialogPurpose::Template, Some(partner)) => {
                let path = with_extension(path, "xlsx");
                write_template(&project, &partner, &path, &options)
                    .map(|()| written(lang, &path))
                    .map_err(|e| e.message(lang))
            }
            _ => write_templates(&project, &path, &options)
                .map(|files| {
                    let folder = path.display().to_string();
                    plural(
                        lang,
                        "export.status.templates",
                        files.len() as i64,
                        &[("folder", &folder)],
                    )
                })
                .map_err(|e| e.message(lang)),
        });
    }

    pub(super) fn start_export_job(
        &mut self,
        work: impl FnOnce() -> Result<String, String> + Send + 'static,
    ) {
        if self.export.is_some() {
            self.status = Some(tr(self.lang, "export.status.busy").into_owned());
            return;
        }
        self.status = None;
        self.export = Some(ExportJob {
            // The status bar's spinner repaints while it runs, so no waker is needed.
            task: Task::spawn("export", None, move |_| work()),
        });
    }

    /// Takes the finished export's outcome, if any.
    pub(super) fn export_tick(&mut self) {
        let Some(job) = &mut self.export else {
            return;
        };
        let outcome = match job.task.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Failed(failure) => Err(super::failures::describe(self.lang, &failure)),
        };
        self.export = None;
        match outcome {
            Ok(status) => self.status = Some(status),
            Err(message) => {
                self.status = None;
                self.prompt = Some(Prompt::Error {
                    title_key: "export.error_title",
                    message,
                });
            }
        }
    }

    pub(super) fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    /// The one Comune selected, for "template of the selected Comune".
    pub(super) fn single_selected_partner(&self) -> Option<PartnerId> {
        let mut selected = self.selection.partners.iter();
        match (selected.next(), selected.next()) {
            (Some(only), None) => Some(only.clone()),
            _ => None,
        }
    }
}

fn export_tables(
    project: &Project,
    baseline: Option<&Projection>,
    path: &std::path::Path,
    lang: Lang,
) -> Result<String, String> {
    let kinds: Vec<TableKind> = TableKind::ALL
        .into_iter()
        .filter(|kind| *kind != TableKind::Projection || baseline.is_some())
        .collect();
    let tables = tables(project, &kinds, lang, baseline.map(|p| (p, None)));
    write_xlsx(&tables, path, lang)
        .map(|()| written(lang, path))
        .map_err(|e| e.message(lang))
}

pub(super) fn written(lang: Lang, path: &std::path::Path) -> String {
    tr_args(
        lang,
        "export.status.written",
        &[("file", &path.display().to_string())],
    )
}

/// `name` → `name.xlsx`; a name that has the extension already keeps it.
pub(super) fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}
