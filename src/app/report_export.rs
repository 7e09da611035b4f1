//! File → "Export report…" in the window: the form, then a save dialog (one report) or a
//! folder (one file per Comune, asking before any file is replaced), then the files written
//! on a worker with a bar counting them, Cancel, and the project editable meanwhile. The
//! file or folder opens with the system's handler at the end if the user asked.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use egui::Panel;

use super::CruscottoApp;
use super::dialogs::DialogPurpose;
use super::prompts::Prompt;
use super::report_files::{
    ReportRun, ReportTarget, consortium_file_name, partner_targets, write_reports,
};
use super::work::{Poll, Task};
use crate::i18n::{tr, tr_args};
use crate::report::{ReportFormat, ReportOptions, ReportSubject};
use crate::ui::report_dialog::{FormAction, ReportForm, SubjectChoice, report_dialog};

/// Where File → "Export report…" stands.
pub(super) enum ReportState {
    /// The form is open.
    Form(Box<ReportForm>),
    /// The save or folder dialog is open for this form.
    Choosing(Box<ReportForm>),
    /// Some files exist already: the user is asked whether to replace them.
    Confirming {
        form: Box<ReportForm>,
        targets: Vec<ReportTarget>,
    },
    Running(ReportJob),
}

pub(super) struct ReportJob {
    task: Task<ReportRun>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: usize,
    /// What to open at the end: the file, or the folder of several.
    open: Option<PathBuf>,
}

/// What the user answered about files that exist already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Existing {
    Replace,
    Skip,
}

impl CruscottoApp {
    pub(super) fn open_report_form(&mut self) {
        match &self.report {
            Some(ReportState::Running(_)) => {
                self.status = Some(tr(self.lang, "report_window.busy").into_owned());
            }
            Some(_) => {}
            None => {
                let form = ReportForm::new(self.doc.project(), &self.selection.partners, self.lang);
                self.report = Some(ReportState::Form(Box::new(form)));
            }
        }
    }

    /// Whether the form (or a question about it) holds the keyboard.
    pub(super) fn report_form_is_open(&self) -> bool {
        matches!(
            self.report,
            Some(ReportState::Form(_) | ReportState::Confirming { .. })
        )
    }

    pub(super) fn report_form_frame(&mut self, ctx: &egui::Context) {
        let Some(ReportState::Form(form)) = &mut self.report else {
            return;
        };
        let Some(action) = report_dialog(ctx, form, self.doc.project(), self.lang) else {
            return;
        };
        let Some(ReportState::Form(form)) = self.report.take() else {
            return;
        };
        if action == FormAction::Cancel {
            return;
        }
        let purpose = match (form.subject, form.partners.len()) {
            (SubjectChoice::Comuni, n) if n > 1 => DialogPurpose::ReportFolder,
            _ => DialogPurpose::Report(form.format),
        };
        self.report = Some(ReportState::Choosing(form));
        self.ask_for_path(ctx, purpose);
    }

    /// The file name the save dialog suggests for the report being exported.
    pub(super) fn suggested_report_name(&self) -> Option<String> {
        let Some(ReportState::Choosing(form)) = &self.report else {
            return None;
        };
        let project = self.doc.project();
        match form.subject {
            SubjectChoice::Consortium => {
                Some(consortium_file_name(project, form.lang, form.format))
            }
            SubjectChoice::Comuni => {
                let targets = partner_targets(
                    project,
                    &form.chosen_partners(),
                    Path::new(""),
                    form.lang,
                    form.format,
                );
                targets.first().map(|t| t.path.display().to_string())
            }
        }
    }

    /// The save or folder dialog answered (`None`: cancelled).
    pub(super) fn take_report_path(&mut self, path: Option<PathBuf>) {
        let Some(ReportState::Choosing(form)) = self.report.take() else {
            return;
        };
        let Some(path) = path else {
            return;
        };
        let project = self.doc.project();
        let partners = form.chosen_partners();
        if form.subject == SubjectChoice::Comuni && partners.len() > 1 {
            let targets = partner_targets(project, &partners, &path, form.lang, form.format);
            let existing: Vec<String> = targets
                .iter()
                .filter(|t| t.path.exists())
                .filter_map(|t| t.path.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            if existing.is_empty() {
                self.start_report_run(&form, targets, Some(path));
            } else {
                self.prompt = Some(Prompt::ReportFilesExist { files: existing });
                self.report = Some(ReportState::Confirming { form, targets });
            }
            return;
        }
        let path = super::exports::with_extension(path, form.format.extension());
        let subject = match partners.first() {
            Some(id) if form.subject == SubjectChoice::Comuni => ReportSubject::Partner(id.clone()),
            _ => ReportSubject::Consortium,
        };
        let open = path.clone();
        self.start_report_run(&form, vec![ReportTarget { subject, path }], Some(open));
    }

    /// The answer about files that exist already (`None`: cancelled).
    pub(super) fn answer_existing_reports(&mut self, answer: Option<Existing>) {
        let Some(ReportState::Confirming { form, targets }) = self.report.take() else {
            return;
        };
        let Some(answer) = answer else {
            return;
        };
        let folder = targets
            .first()
            .and_then(|t| t.path.parent().map(Path::to_path_buf));
        let targets: Vec<ReportTarget> = match answer {
            Existing::Replace => targets,
            Existing::Skip => targets.into_iter().filter(|t| !t.path.exists()).collect(),
        };
        if targets.is_empty() {
            self.status = Some(tr(self.lang, "report_window.status.nothing").into_owned());
            return;
        }
        self.start_report_run(&form, targets, folder);
    }

    fn start_report_run(
        &mut self,
        form: &ReportForm,
        targets: Vec<ReportTarget>,
        open: Option<PathBuf>,
    ) {
        let project = Arc::clone(self.doc.shared());
        let options = ReportOptions {
            lang: form.lang,
            // A scenario deleted while the form was open: the baseline, as the form then shows.
            scenario: (form.scenario.clone()).filter(|id| project.scenarios.contains_key(id)),
            year: Some(form.year),
        };
        let format: ReportFormat = form.format;
        let ui_lang = self.lang;
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let (worker_cancel, worker_done) = (Arc::clone(&cancel), Arc::clone(&done));
        let total = targets.len();
        let task = Task::spawn("report", self.jobs.waker(), move |_| {
            write_reports(
                &project,
                &targets,
                &options,
                format,
                ui_lang,
                &worker_cancel,
                &worker_done,
            )
        });
        self.status = None;
        self.report = Some(ReportState::Running(ReportJob {
            task,
            cancel,
            done,
            total,
            open: open.filter(|_| form.open_when_done),
        }));
    }

    /// The bar above the status bar while reports are written: "12 of 40" and Cancel.
    pub(super) fn report_progress_bar(&mut self, ui: &mut egui::Ui) {
        let Some(ReportState::Running(job)) = &self.report else {
            return;
        };
        let lang = self.lang;
        let done = job.done.load(Ordering::Relaxed);
        let cancelling = job.cancel.load(Ordering::Relaxed);
        let mut cancel = false;
        Panel::bottom("cruscotto.report_progress").show(ui, |ui| {
            ui.horizontal(|ui| {
                let text = tr_args(
                    lang,
                    "report_window.progress",
                    &[
                        ("done", &done.to_string()),
                        ("total", &job.total.to_string()),
                    ],
                );
                let fraction = done as f32 / job.total.max(1) as f32;
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(text)
                        .desired_width(360.0),
                );
                if cancelling {
                    ui.label(tr(lang, "window_exports.cancelling"));
                }
                let button = ui.add_enabled(
                    !cancelling,
                    egui::Button::new(tr(lang, "app.prompt.cancel")),
                );
                cancel = button.clicked();
            });
        });
        if cancel {
            job.cancel.store(true, Ordering::Relaxed);
        }
        // The count moves on the worker: look again soon.
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    }

    pub(super) fn report_is_running(&self) -> bool {
        matches!(self.report, Some(ReportState::Running(_)))
    }

    /// Blocks until the reports are written (tests).
    pub(super) fn wait_for_report(&mut self) {
        if let Some(ReportState::Running(job)) = &mut self.report {
            job.task.wait_done(Duration::from_secs(120));
        }
    }

    /// Takes the finished run's outcome, if any.
    pub(super) fn report_tick(&mut self) {
        let Some(ReportState::Running(job)) = &mut self.report else {
            return;
        };
        let run = match job.task.poll() {
            Poll::Running => return,
            Poll::Done(run) => run,
            Poll::Failed(failure) => ReportRun::Failed {
                written: Vec::new(),
                message: super::failures::describe(self.lang, &failure),
            },
        };
        let Some(ReportState::Running(job)) = self.report.take() else {
            return;
        };
        let lang = self.lang;
        match run {
            ReportRun::Written(written) => {
                self.status = Some(match written.as_slice() {
                    [only] => super::exports::written(lang, only),
                    _ => tr_args(
                        lang,
                        "report_window.status.written",
                        &[
                            ("done", &written.len().to_string()),
                            ("folder", &folder_of(&written)),
                        ],
                    ),
                });
                if let Some(path) = &job.open {
                    self.open_with_system(path);
                }
            }
            ReportRun::Cancelled { written, total } => {
                self.status = Some(tr_args(
                    lang,
                    "report_window.status.cancelled",
                    &[
                        ("done", &written.len().to_string()),
                        ("total", &total.to_string()),
                    ],
                ));
            }
            ReportRun::Failed { written, message } => {
                let message = if written.is_empty() {
                    message
                } else {
                    let before = tr_args(
                        lang,
                        "report_window.error.written_before",
                        &[("done", &written.len().to_string())],
                    );
                    format!("{message}\n{before}")
                };
                self.prompt = Some(Prompt::Error {
                    title_key: "report_window.error_title",
                    message,
                });
            }
        }
    }

    fn open_with_system(&mut self, path: &Path) {
        if let Err(reason) = (self.open_path)(path) {
            self.status = Some(tr_args(
                self.lang,
                "report_window.error.open",
                &[("file", &path.display().to_string()), ("reason", &reason)],
            ));
        }
    }
}

fn folder_of(written: &[PathBuf]) -> String {
    written
        .first()
        .and_then(|p| p.parent())
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Opens `path` with the program the system associates with it (the `open` crate: xdg-open
/// and friends on Linux, `open` on macOS, ShellExecute on Windows), without waiting for it.
pub fn open_with_system_handler(path: &Path) -> Result<(), String> {
    open::that_detached(path).map_err(|error| error.to_string())
}

/// The question asked before reports replace files of the same name: which ones, and
/// whether to replace them, keep them (writing only the others), or stop.
pub(super) fn files_exist_prompt(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    files: &[String],
    answer: &mut Option<super::prompts::Answer>,
) {
    use super::prompts::Answer;
    ui.heading(tr(lang, "report_window.exist.title"));
    ui.label(tr_args(
        lang,
        "report_window.exist.body",
        &[("done", &files.len().to_string())],
    ));
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .show(ui, |ui| {
            for file in files {
                ui.label(egui::RichText::new(file.as_str()).monospace());
            }
        });
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "report_window.exist.replace")).clicked() {
            *answer = Some(Answer::Confirm);
        }
        if ui.button(tr(lang, "report_window.exist.skip")).clicked() {
            *answer = Some(Answer::Skip);
        }
        if ui.button(tr(lang, "app.prompt.cancel")).clicked() {
            *answer = Some(Answer::Cancel);
        }
    });
}
