//! Exports and data-collection templates from the window: the path comes from a dialog,
//! the file is written on a worker (a national project takes seconds), and the status bar
//! says where it went, or an error says why not. The project is only read.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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
    steps: Arc<Steps>,
    cancel: Arc<AtomicBool>,
}

/// How far an export of several pages or files has come, written by its worker; an export
/// that never sets it shows a spinner only.
#[derive(Debug, Default)]
pub(super) struct Steps {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Steps {
    pub(super) fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    fn get(&self) -> Option<(usize, usize)> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed), total))
    }
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
        self.start_export_job(move |_, _| {
            export_tables(&project, baseline.as_deref(), &path, lang)
        });
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
        self.start_export_job(move |_, _| match (purpose, partner) {
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
        work: impl FnOnce(&Steps, &AtomicBool) -> Result<String, String> + Send + 'static,
    ) {
        if self.export.is_some() {
            self.status = Some(tr(self.lang, "export.status.busy").into_owned());
            return;
        }
        self.status = None;
        let steps = Arc::new(Steps::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (worker_steps, worker_cancel) = (Arc::clone(&steps), Arc::clone(&cancel));
        self.export = Some(ExportJob {
            // The status bar's spinner repaints while it runs, so no waker is needed.
            task: Task::spawn("export", None, move |_| work(&worker_steps, &worker_cancel)),
            steps,
            cancel,
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

    /// A bar above the status bar while an export of several pages or images runs:
    /// "Writing: 3 of 12" and Cancel.
    pub(super) fn export_progress_bar(&mut self, ui: &mut egui::Ui) {
        let Some(job) = &self.export else {
            return;
        };
        let Some((done, total)) = job.steps.get() else {
            return;
        };
        let lang = self.lang;
        let cancelling = job.cancel.load(Ordering::Relaxed);
        let mut cancel = false;
        egui::Panel::bottom("cruscotto.export_progress").show(ui, |ui| {
            ui.horizontal(|ui| {
                let text = tr_args(
                    lang,
                    "window_exports.progress",
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                ui.add(
                    egui::ProgressBar::new(done as f32 / total as f32)
                        .text(text)
                        .desired_width(360.0),
                );
                if cancelling {
                    ui.label(tr(lang, "window_exports.cancelling"));
                }
                let button = egui::Button::new(tr(lang, "app.prompt.cancel"));
                cancel = ui.add_enabled(!cancelling, button).clicked();
            });
        });
        if cancel {
            job.cancel.store(true, Ordering::Relaxed);
        }
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
