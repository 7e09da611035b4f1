//! One frame: take in finished file work, draw the chrome and the current view, then apply
//! what the user asked for (requests from the views, commands from menus and shortcuts).

use std::time::Instant;

use egui::ViewportCommand;

use super::autosave::AutosaveDue;
use super::dialogs::DialogPurpose;
use super::prompts::{Answer, Pending, Prompt};
use super::{AppCommand, CruscottoApp, ViewKind, chrome};
use crate::i18n::{file_errors, tr, tr_args};
use crate::model::Edit;
use crate::store;
use crate::ui::{Outbox, Request, ViewCtx, theme};

impl CruscottoApp {
    pub(super) fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.first_frame_done {
            self.first_frame(&ctx);
        }
        for result in self.jobs.finished() {
            self.take_job_result(&ctx, result);
        }
        while let Some(reply) = self.dialogs.reply() {
            self.take_dialog_reply(&ctx, reply);
        }

        let mut commands = Vec::new();
        let presenting = self.presentation.is_active();
        if self.prompt.is_none()
            && !self.palette.is_open()
            && !presenting
            && self.import.is_none()
            && !self.report_form_is_open()
        {
            for command in AppCommand::from_shortcuts(&ctx) {
                match command {
                    // Opened before the views draw, so what is typed right after Ctrl+K
                    // goes to the palette, not to a field of the view.
                    AppCommand::OpenPalette => self.open_palette(&ctx),
                    // Letters that came with Ctrl+F belong to the search it focuses.
                    AppCommand::FindPartner => {
                        self.pending_search = take_typed_text(&ctx);
                        commands.push(AppCommand::FindPartner);
                    }
                    command => commands.push(command),
                }
            }
            let dropped = dropped_files(&ctx);
            let spreadsheets: Vec<_> = dropped
                .iter()
                .filter(|path| super::import::is_spreadsheet(path))
                .cloned()
                .collect();
            match dropped
                .iter()
                .find(|path| is_project_file(path))
                .or(dropped.first())
            {
                Some(path) if is_project_file(path) => {
                    commands.push(AppCommand::OpenPath(path.clone()))
                }
                // Filled templates and other spreadsheets, several at once: one import.
                Some(_) if !spreadsheets.is_empty() => self.start_import(spreadsheets),
                Some(path) => {
                    self.status = Some(tr_args(
                        self.lang,
                        "app.status.not_a_project",
                        &[("file", &path.display().to_string())],
                    ));
                }
                None => {}
            }
        }
        // A zoom command takes effect on the next frame; remember where the user left it.
        self.settings.zoom = ctx.zoom_factor();

        let dashboard = self
            .derived
            .get(self.doc.shared(), self.doc.revision(), &ctx);
        super::projections::resolve_active(self.doc.project(), &mut self.active_scenario);
        if let Some(needs) = self.slide_projection_needs() {
            self.declared_needs = Some(needs);
        }
        if let Some(needs) = self.projection_needs(&dashboard.partner_order) {
            self.projections
                .update(self.doc.shared(), self.doc.revision(), needs, &ctx);
        }
        let mut outbox = Outbox::default();
        let mut retry = false;
        if presenting && self.prompt.is_none() {
            match self.presentation.presenter {
                Some(presenter) => self.presenter_frame(ui, presenter),
                None => self.presentation_frame(ui),
            }
        } else {
            retry = self.views_frame(ui, &dashboard, &mut outbox, &mut commands);
        }

        if let Some(prompt) = &mut self.prompt
            && let Some(answer) = prompt.show(&ctx, self.lang)
        {
            let prompt = self.prompt.take();
            if let Some(prompt) = prompt {
                self.answer_prompt(&ctx, prompt, answer);
            }
        }

        if retry {
            self.apply_request(Request::Retry);
        }
        self.palette_ui(&ctx, &mut outbox, &mut commands);
        if self.prompt.is_none() {
            self.import_frame(&ctx);
            self.report_form_frame(&ctx);
        }
        for request in outbox.requests {
            self.apply_request(request);
        }
        for command in commands {
            self.apply_command(&ctx, command);
        }
        self.take_plot_menu(&ctx);
        if !gesture_in_progress(&ctx) {
            self.doc.seal_gesture();
        }
        self.handle_close_request(&ctx);
        self.autosave_tick(&ctx);
        self.export_tick();
        self.report_tick();
        self.plot_grab_tick(&ctx);
        self.update_window_title(&ctx);
        self.screenshot_tick(&ctx);
        self.slide_export_tick(&ctx);
    }

    /// The editing window: menus, navigation, status bar and the current view. True when
    /// the user asked to retry failed work.
    fn views_frame(
        &mut self,
        ui: &mut egui::Ui,
        dashboard: &crate::analysis::dashboard::Dashboard,
        outbox: &mut Outbox,
        commands: &mut Vec<AppCommand>,
    ) -> bool {
        chrome::menu_bar(ui, self, commands);
        let retry = super::failures::banner(ui, self.lang, self.derived.failure());
        chrome::status_bar(ui, self);
        self.report_progress_bar(ui);
        self.export_progress_bar(ui);
        chrome::navigation(ui, self, commands);
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(path) = &self.opening_at_start {
                // Not the demo meanwhile: it would flash a programme nobody asked for.
                opening_placeholder(ui, self.lang, path);
                return;
            }
            let mut cx = ViewCtx {
                project: self.doc.project(),
                dashboard,
                // The figures' revision: while a large project's new figures are computed,
                // views keep their caches of the figures they are shown.
                revision: self.derived.revision().unwrap_or_default(),
                lang: self.lang,
                selection: &self.selection,
                outbox,
                editable: true,
            };
            match self.view {
                ViewKind::Overview => self.overview.ui(ui, &mut cx),
                ViewKind::Partners => {
                    if std::mem::take(&mut self.focus_search) {
                        let search = egui::Id::unique(crate::ui::partners::SEARCH_FIELD);
                        ui.memory_mut(|memory| memory.request_focus(search));
                        self.partners
                            .search_for(&std::mem::take(&mut self.pending_search));
                    }
                    self.partners.ui(ui, &mut cx)
                }
                ViewKind::Training => self.training.ui(ui, &mut cx),
                ViewKind::Scenarios => {
                    let inputs = crate::ui::scenarios::ScenarioInputs {
                        active: self.active_scenario.as_ref(),
                        figures: self.projections.figures(),
                        status: crate::ui::WorkStatus {
                            updating: self.projections.is_updating(),
                            progress: self.projections.progress(),
                            failure: self
                                .projections
                                .failure()
                                .map(|f| super::failures::describe(self.lang, f)),
                        },
                    };
                    self.scenarios.ui(ui, &mut cx, inputs)
                }
                ViewKind::Deck => {
                    let mut options = crate::ui::slides::deck_editor::PresentOptions {
                        theme: self.settings.projector_theme,
                        advance_seconds: self.settings.advance_seconds,
                    };
                    let action =
                        self.deck_editor
                            .ui(ui, &mut cx, &mut options, self.projections.figures());
                    self.settings.projector_theme = options.theme;
                    self.settings.advance_seconds = options.advance_seconds;
                    if let Some(crate::ui::slides::deck_editor::DeckAction::Present {
                        from_selected,
                    }) = action
                    {
                        commands.push(if from_selected {
                            AppCommand::PresentFromSelected
                        } else {
                            AppCommand::Present
                        });
                    }
                }
            }
        });
        retry
    }

    fn first_frame(&mut self, ctx: &egui::Context) {
        self.first_frame_done = true;
        self.jobs.set_waker(ctx);
        theme::apply(ctx, self.settings.theme);
        ctx.set_zoom_factor(self.settings.zoom());
        // The zoom keys are registered commands like any other (and in the View menu).
        ctx.options_mut(|options| options.zoom_with_keyboard = false);
        match self.startup_file.take() {
            Some(path) => {
                self.opening_at_start = Some(path.clone());
                self.start_loading(path);
            }
            None => self.offer_recovery(),
        }
    }

    pub(super) fn apply_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command {
            AppCommand::New => self.ask_unsaved_then(ctx, Pending::New),
            AppCommand::Open => self.ask_unsaved_then(ctx, Pending::Open(None)),
            AppCommand::OpenPath(path) => self.ask_unsaved_then(ctx, Pending::Open(Some(path))),
            AppCommand::Save => self.save(ctx),
            AppCommand::SaveAs => self.save_as(ctx),
            AppCommand::Import => self.ask_for_path(ctx, DialogPurpose::Import),
            AppCommand::Export => self.ask_for_path(ctx, DialogPurpose::Export),
            AppCommand::Templates => self.ask_for_path(ctx, DialogPurpose::Templates),
            AppCommand::ExportDeckPdf => self.ask_for_path(ctx, DialogPurpose::DeckPdf),
            AppCommand::ExportReport => self.open_report_form(),
            AppCommand::ExportSlidePng => {
                if self.current_slide().is_some() {
                    self.ask_for_path(ctx, DialogPurpose::SlidePng);
                }
            }
            AppCommand::ExportDeckPngs => self.ask_for_path(ctx, DialogPurpose::DeckPngs),
            AppCommand::Template => {
                if self.single_selected_partner().is_some() {
                    self.ask_for_path(ctx, DialogPurpose::Template);
                }
            }
            // A field being typed in keeps its own text while it has focus: it would show
            // (and on the next key, write back) what was just undone. Leaving the field
            // makes every view show the project as undo left it.
            AppCommand::Undo => {
                ctx.memory_mut(|m| m.stop_text_input());
                self.doc.undo();
                self.selection.retain_existing(self.doc.project());
            }
            AppCommand::Redo => {
                ctx.memory_mut(|m| m.stop_text_input());
                self.doc.redo();
                self.selection.retain_existing(self.doc.project());
            }
            AppCommand::ShowView(view) => self.view = view,
            AppCommand::Present => self.start_presentation(ctx, false),
            AppCommand::PresentFromSelected => self.start_presentation(ctx, true),
            AppCommand::PresenterView => self.start_presenter_view(ctx),
            AppCommand::FindPartner => {
                self.view = ViewKind::Partners;
                self.focus_search = true;
            }
            AppCommand::OpenPalette => self.open_palette(ctx),
            // The window's own state: the system may have left full screen by itself.
            AppCommand::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
            }
            AppCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            AppCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            AppCommand::ZoomReset => ctx.set_zoom_factor(1.0),
            AppCommand::SetLanguage(lang) => {
                self.lang = lang;
                self.settings.lang = Some(lang);
            }
            AppCommand::SetTheme(choice) => {
                self.settings.theme = choice;
                theme::apply(ctx, choice);
            }
            AppCommand::Quit => self.ask_unsaved_then(ctx, Pending::Quit),
        }
    }

    fn answer_prompt(&mut self, ctx: &egui::Context, prompt: Prompt, answer: Answer) {
        match (prompt, answer) {
            (Prompt::UnsavedChanges { then }, Answer::Save) => {
                self.after_save = Some(then);
                self.save(ctx);
            }
            (Prompt::UnsavedChanges { then }, Answer::Discard) => {
                self.discard_edits();
                self.proceed(ctx, then);
            }
            (
                Prompt::OpenBackup {
                    original, backup, ..
                },
                Answer::Confirm,
            ) => {
                self.jobs
                    .load(backup, super::jobs::LoadPurpose::Backup { original });
            }
            (Prompt::TypePath { purpose, text }, Answer::Confirm) => {
                let mut path = std::path::PathBuf::from(text.trim());
                if purpose == super::dialogs::DialogPurpose::SaveAs {
                    path = super::dialogs::with_ron_extension(path);
                }
                self.take_path(purpose, Some(path));
            }
            (Prompt::TypePath { purpose, .. }, _) => self.take_path(purpose, None),
            (
                Prompt::Restore {
                    recovery,
                    project_path,
                },
                Answer::Restore,
            ) => {
                self.start_restoring(recovery, project_path);
            }
            (Prompt::Restore { project_path, .. }, Answer::Discard) => {
                if let Err(error) = store::discard_recovery(project_path.as_deref(), &self.data_dir)
                {
                    self.show_error(
                        "app.error.recovery_title",
                        file_errors::describe_save_error(self.lang, &error),
                    );
                }
            }
            (Prompt::ReportFilesExist { .. }, answer) => {
                self.answer_existing_reports(match answer {
                    Answer::Confirm => Some(super::report_export::Existing::Replace),
                    Answer::Skip => Some(super::report_export::Existing::Skip),
                    _ => None,
                });
            }
            (Prompt::DeletePartner { partner, .. }, Answer::Delete) => {
                self.apply_request(Request::Edit(Edit::PutPartner {
                    partner,
                    value: None,
                }));
            }
            _ => {}
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::UnsavedChanges {
                    then: Pending::Quit,
                });
            } else {
                self.remember_last_project();
            }
        }
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let due = self
            .autosave
            .tick(self.doc.is_dirty(), self.doc.revision(), Instant::now());
        match due {
            AutosaveDue::Now if !self.jobs.is_running(super::jobs::JobKind::Autosave) => {
                let recovery = store::recovery_path(self.doc.path.as_deref(), &self.data_dir);
                self.jobs
                    .autosave(self.doc.snapshot(), recovery, self.doc.revision());
                // Counted as written when it starts, so a slow write is not started twice;
                // a failure is reported when it ends.
                self.autosave.written(self.doc.revision());
            }
            AutosaveDue::After(wait) => ctx.request_repaint_after(wait),
            _ => {}
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let file = match &self.doc.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => tr(self.lang, "app.title.untitled").into_owned(),
        };
        let marker = if self.doc.is_dirty() { " •" } else { "" };
        let title = format!(
            "{} — {file}{marker} — Cruscotto",
            self.doc.project().meta.title
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last sent (tests read it).
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}

/// What the window shows while the project given at start-up is loading.
fn opening_placeholder(ui: &mut egui::Ui, lang: crate::i18n::Lang, path: &std::path::Path) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.4);
        ui.spinner();
        ui.heading(tr_args(
            lang,
            "app.status.opening",
            &[("file", &path.display().to_string())],
        ));
    });
}

/// Takes the text typed in this frame out of the input: letters that arrived with a
/// focusing shortcut (a slow frame delivers both at once) belong to the field it focuses,
/// not to whatever had the keyboard before.
fn take_typed_text(ctx: &egui::Context) -> String {
    ctx.input_mut(|input| {
        let mut typed = String::new();
        input.events.retain(|event| match event {
            egui::Event::Text(text) => {
                typed.push_str(text);
                false
            }
            _ => true,
        });
        typed
    })
}

/// A text field being typed in or a slider being dragged: edits still merge into one step.
fn gesture_in_progress(ctx: &egui::Context) -> bool {
    let focused = ctx.memory(|m| m.focused().is_some());
    let dragging = ctx.input(|i| i.pointer.any_down());
    focused || dragging
}

/// The file dropped on the window this frame, a project file first if there are several.
fn dropped_files(ctx: &egui::Context) -> Vec<std::path::PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_path_buf())
            .collect()
    })
}

fn is_project_file(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}
