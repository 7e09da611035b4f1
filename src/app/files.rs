//! New, open, save and save as, with the unsaved-changes question in front of anything that
//! would drop edits, and recovery files offered whenever a project is opened.

use std::path::PathBuf;

use super::dialogs::{DialogPurpose, DialogReply, DialogRequest};
use super::jobs::{JobKind, JobResult, LoadPurpose};
use super::prompts::{Pending, Prompt};
use super::work::WorkFailure;
use super::{CruscottoApp, Document};
use crate::i18n::{file_errors, tr, tr_args};
use crate::model::{Edit, Month, Project};
use crate::report::ReportFormat;
use crate::store;

impl CruscottoApp {
    /// Runs `then` now, or first asks what to do with unsaved changes.
    pub(super) fn ask_unsaved_then(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::UnsavedChanges { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::New => {
                self.doc = Document::new(self.new_project(), None);
                self.selection.clear();
                // "Saved to …" spoke of the project just closed.
                self.status = None;
            }
            Pending::Open(Some(path)) => self.start_loading(path),
            Pending::Open(None) => self.ask_for_path(ctx, DialogPurpose::Open),
            Pending::Quit => {
                self.allow_close = true;
                self.remember_last_project();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(path) => self.start_saving(path),
            None => self.save_as(ctx),
        }
    }

    pub(super) fn save_as(&mut self, ctx: &egui::Context) {
        self.ask_for_path(ctx, DialogPurpose::SaveAs);
    }

    pub(super) fn start_loading(&mut self, path: PathBuf) {
        self.status = Some(tr_args(
            self.lang,
            "app.status.opening",
            &[("file", &path.display().to_string())],
        ));
        self.loading_over = Some(self.doc.revision());
        self.jobs.load(path, LoadPurpose::Open);
    }

    /// The user chose "Don't save": the edits are thrown away, and so is their recovery
    /// copy, or the next start would offer them back. An autosave still writing it is
    /// remembered, and its file removed when it ends.
    pub(super) fn discard_edits(&mut self) {
        let recovery = store::recovery_path(self.doc.path.as_deref(), &self.data_dir);
        if self.jobs.is_running(JobKind::Autosave) {
            self.discarded_recoveries.push(recovery);
        }
        if let Err(error) = store::discard_recovery(self.doc.path.as_deref(), &self.data_dir) {
            self.status = Some(file_errors::describe_save_error(self.lang, &error));
        }
    }

    pub(super) fn start_restoring(&mut self, recovery: PathBuf, project_path: Option<PathBuf>) {
        self.jobs
            .load(recovery, LoadPurpose::Restore { project_path });
    }

    fn start_saving(&mut self, path: PathBuf) {
        let (project, revision) = self.doc.begin_save();
        self.jobs.save(project, path, revision);
    }

    pub(super) fn ask_for_path(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        let (title_key, file_name) = match purpose {
            DialogPurpose::Open => ("app.dialog.open_title", None),
            DialogPurpose::Import => ("import.dialog_title", None),
            DialogPurpose::Export => ("export.dialog_title", Some(self.suggested_export_name())),
            DialogPurpose::Templates => ("export.templates_title", None),
            DialogPurpose::Template => ("export.template_title", None),
            DialogPurpose::SaveAs => ("app.dialog.save_title", Some(self.suggested_file_name())),
            DialogPurpose::DeckPdf => (
                "slides_export.dialog_title",
                Some(self.suggested_name_with("pdf")),
            ),
            DialogPurpose::Report(_) => {
                ("report_window.dialog_title", self.suggested_report_name())
            }
            DialogPurpose::ReportFolder => ("report_window.folder_title", None),
            DialogPurpose::SlidePng => {
                ("window_exports.dialog.slide_png", self.current_slide_name())
            }
            DialogPurpose::DeckPngs => ("window_exports.dialog.deck_pngs", None),
            DialogPurpose::PlotPng => (
                "window_exports.dialog.plot_png",
                Some(self.suggested_name_with("png")),
            ),
        };
        let directory = self
            .doc
            .path
            .as_ref()
            .or(self.settings.recent.first())
            .and_then(|p| p.parent().map(PathBuf::from));
        let request = DialogRequest {
            purpose,
            title: tr(self.lang, title_key).into_owned(),
            filter_name: tr(
                self.lang,
                match purpose {
                    DialogPurpose::Import => "import.dialog_filter",
                    DialogPurpose::Export | DialogPurpose::Template | DialogPurpose::Templates => {
                        "export.dialog_filter"
                    }
                    DialogPurpose::Open | DialogPurpose::SaveAs => "app.dialog.filter",
                    DialogPurpose::DeckPdf | DialogPurpose::Report(ReportFormat::Pdf) => {
                        "slides_export.dialog_filter"
                    }
                    DialogPurpose::Report(ReportFormat::Docx) => "report_window.dialog_filter",
                    DialogPurpose::ReportFolder => "report_window.folder_title",
                    DialogPurpose::SlidePng | DialogPurpose::PlotPng => {
                        "window_exports.dialog.png_filter"
                    }
                    DialogPurpose::DeckPngs => "window_exports.dialog.deck_pngs",
                },
            )
            .into_owned(),
            file_name,
            directory,
        };
        self.dialogs.show(request, ctx);
    }

    pub(super) fn take_dialog_reply(&mut self, ctx: &egui::Context, reply: DialogReply) {
        if reply.vanished {
            self.status = Some(tr(self.lang, "work.dialog_failed").into_owned());
        }
        if reply.unavailable {
            // No dialog at all on this system: the path is typed instead.
            self.prompt = Some(Prompt::TypePath {
                purpose: reply.purpose,
                text: String::new(),
            });
            return;
        }
        self.take_path(reply.purpose, reply.path);
        ctx.request_repaint();
    }

    /// A path chosen in a dialog or typed (`None`: cancelled).
    pub(super) fn take_path(&mut self, purpose: DialogPurpose, path: Option<PathBuf>) {
        match (purpose, path) {
            (DialogPurpose::Open, Some(path)) => self.start_loading(path),
            (DialogPurpose::SaveAs, Some(path)) => self.start_saving(path),
            (DialogPurpose::Import, Some(path)) => self.start_import(vec![path]),
            (DialogPurpose::Export, Some(path)) => self.start_export(path),
            (DialogPurpose::DeckPdf, Some(path)) => self.start_deck_pdf(path),
            (DialogPurpose::SlidePng, Some(path)) => {
                if let Some(slide) = self.current_slide() {
                    self.start_slide_pngs(super::deck_png::SlidePick::One(slide), path);
                }
            }
            (DialogPurpose::DeckPngs, Some(path)) => {
                self.start_slide_pngs(super::deck_png::SlidePick::Deck, path)
            }
            (DialogPurpose::PlotPng, path) => self.take_plot_path(path),
            (DialogPurpose::Report(_) | DialogPurpose::ReportFolder, path) => {
                self.take_report_path(path)
            }
            (purpose @ (DialogPurpose::Templates | DialogPurpose::Template), Some(path)) => {
                self.start_templates(purpose, path)
            }
            // Cancelled: whatever waited on a save does not happen either.
            (_, None) => self.after_save = None,
        }
    }

    pub(super) fn take_job_result(&mut self, ctx: &egui::Context, result: JobResult) {
        if let JobResult::Loaded {
            purpose: LoadPurpose::Open,
            ..
        }
        | JobResult::Failed {
            kind: JobKind::Load,
            ..
        } = &result
        {
            self.opening_at_start = None;
        }
        match result {
            JobResult::Loaded {
                path,
                purpose: LoadPurpose::Open,
                result: Ok(_),
            } if self.edited_while_loading() => {
                // The user changed the open project while the file was loading: replacing
                // it now would drop those edits unasked. Ask, then load the file again.
                self.status = None;
                self.prompt = Some(Prompt::UnsavedChanges {
                    then: Pending::Open(Some(path)),
                });
            }
            JobResult::Loaded {
                path,
                purpose: LoadPurpose::Open,
                result: Ok(project),
            } => {
                self.loading_over = None;
                self.doc = Document::new(project, Some(path.clone()));
                self.selection.clear();
                self.settings.remember(&path);
                self.status = Some(tr_args(
                    self.lang,
                    "app.status.opened",
                    &[("file", &path.display().to_string())],
                ));
                self.offer_recovery();
            }
            JobResult::Loaded {
                purpose: LoadPurpose::Restore { project_path },
                result: Ok(project),
                ..
            } => {
                if self.doc.path == project_path {
                    // One undoable step on top of the file as saved: Ctrl+Z shows the file.
                    self.doc.seal_gesture();
                    let applied = self.doc.apply(Edit::ReplaceProject(Box::new(project)));
                    debug_assert!(applied.is_ok(), "replacing the project cannot fail");
                    self.doc.seal_gesture();
                } else {
                    self.doc = Document::unsaved(project, project_path);
                }
                self.selection.retain_existing(self.doc.project());
                self.status = Some(tr(self.lang, "app.status.restored").into_owned());
            }
            JobResult::Loaded {
                path,
                purpose: LoadPurpose::Backup { original },
                result: Ok(project),
            } => {
                self.doc = Document::unsaved(project, Some(original));
                self.selection.clear();
                self.status = Some(tr_args(
                    self.lang,
                    "files.backup.opened",
                    &[("file", &path.display().to_string())],
                ));
            }
            JobResult::Loaded {
                path,
                purpose,
                result: Err(error),
            } => {
                // The open project stays as it was; only the message changes.
                if matches!(error.kind(), store::LoadErrorKind::NotFound) {
                    self.settings.forget(&path);
                }
                self.status = None;
                let message = file_errors::describe_load_error(self.lang, &error);
                let backup = store::backup_path(&path);
                if purpose == LoadPurpose::Open
                    && !matches!(error.kind(), store::LoadErrorKind::NotFound)
                    && backup.is_file()
                {
                    self.prompt = Some(Prompt::OpenBackup {
                        message,
                        original: path,
                        backup,
                    });
                } else {
                    self.show_error("app.error.open_title", message);
                }
            }
            JobResult::Saved {
                path,
                revision,
                result: Ok(()),
            } => {
                let previous_path = self.doc.path.clone();
                self.doc.mark_saved(path.clone(), revision);
                self.settings.remember(&path);
                // The recovery file is obsolete once the project is on disk, and so is the
                // one of its previous name (`None`: the untitled project's). Failing to remove
                // one only means it is offered once more, so it is not worth a prompt.
                for project in [Some(path.as_path()), previous_path.as_deref()] {
                    let _ = store::discard_recovery(project, &self.data_dir);
                }
                self.status = Some(tr_args(
                    self.lang,
                    "app.status.saved",
                    &[("file", &path.display().to_string())],
                ));
                if let Some(then) = self.after_save.take() {
                    self.proceed(ctx, then);
                }
            }
            JobResult::Saved {
                result: Err(error), ..
            } => {
                self.after_save = None;
                self.show_error(
                    "app.error.save_title",
                    file_errors::describe_save_error(self.lang, &error),
                );
            }
            JobResult::Failed {
                kind,
                path,
                failure,
            } => self.take_job_failure(kind, &path, &failure),
            JobResult::Autosaved {
                recovery, result, ..
            } if self.discarded_recoveries.contains(&recovery) => {
                // Written for edits the user has since thrown away.
                self.discarded_recoveries.retain(|r| *r != recovery);
                if result.is_ok() {
                    let _ = std::fs::remove_file(&recovery);
                }
            }
            JobResult::Autosaved { result, .. } => {
                if let Err(error) = result {
                    self.status = Some(tr_args(
                        self.lang,
                        "app.status.autosave_failed",
                        &[(
                            "error",
                            &file_errors::describe_save_error(self.lang, &error),
                        )],
                    ));
                }
            }
        }
    }

    /// A worker that panicked or vanished: nothing it was doing took effect. A failed save
    /// left the file on disk as it was (saves write a temporary file and rename it), and the
    /// document stays unsaved; whatever waited on the save does not happen.
    fn take_job_failure(&mut self, kind: JobKind, path: &std::path::Path, failure: &WorkFailure) {
        let file = path.display().to_string();
        let error = super::failures::describe(self.lang, failure);
        match kind {
            JobKind::Save => {
                self.after_save = None;
                self.status = None;
                self.show_error(
                    "app.error.save_title",
                    tr_args(
                        self.lang,
                        "work.save_failed",
                        &[("file", &file), ("error", &error)],
                    ),
                );
            }
            JobKind::Load => {
                self.loading_over = None;
                self.opening_at_start = None;
                self.status = None;
                self.show_error(
                    "app.error.open_title",
                    tr_args(
                        self.lang,
                        "work.load_failed",
                        &[("file", &file), ("error", &error)],
                    ),
                );
            }
            JobKind::Autosave => {
                self.status = Some(tr_args(
                    self.lang,
                    "app.status.autosave_failed",
                    &[("error", &error)],
                ));
            }
        }
    }

    fn edited_while_loading(&mut self) -> bool {
        self.loading_over
            .take()
            .is_some_and(|revision| revision != self.doc.revision() && self.doc.is_dirty())
    }

    /// Offers the recovery file of the open document when it is newer than the file.
    pub(super) fn offer_recovery(&mut self) {
        if self.is_taking_screenshot() {
            return;
        }
        let project_path = self.doc.path.clone();
        if let Some(recovery) = store::newer_recovery(project_path.as_deref(), &self.data_dir) {
            self.prompt = Some(Prompt::Restore {
                recovery,
                project_path,
            });
        }
    }

    pub(super) fn show_error(&mut self, title_key: &'static str, message: String) {
        self.prompt = Some(Prompt::Error { title_key, message });
    }

    pub(super) fn remember_last_project(&mut self) {
        self.settings.last_project = self.doc.path.clone();
    }

    fn new_project(&self) -> Project {
        let today = jiff::ZonedDateTime::now().date();
        let start = Month::of_date(today);
        let end = start.plus(23);
        Project::new(tr(self.lang, "app.new_project_title"), start, end)
    }

    /// The project's title as a file name: its words joined by dashes
    /// ("Lavoro agile nei Comuni — consorzio demo" → "Lavoro-agile-nei-Comuni-consorzio-demo.ron").
    /// The project's file name with the export's extension: "Progetto-Cuneo.xlsx".
    fn suggested_export_name(&self) -> String {
        self.suggested_name_with("xlsx")
    }

    /// The project's suggested file name with another extension.
    fn suggested_name_with(&self, extension: &str) -> String {
        let name = self.suggested_file_name();
        let stem = name.strip_suffix(".ron").unwrap_or(&name);
        format!("{stem}.{extension}")
    }

    fn suggested_file_name(&self) -> String {
        let words: Vec<&str> = self
            .doc
            .project()
            .meta
            .title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        if words.is_empty() {
            tr(self.lang, "app.dialog.default_file_name").into_owned()
        } else {
            format!("{}.ron", words.join("-"))
        }
    }
}
