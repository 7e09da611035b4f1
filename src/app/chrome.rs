//! The window's frame around the views: menu bar, navigation and status bar.

use egui::{Button, Panel, RichText};

use super::jobs::JobKind;
use super::{AppCommand, CruscottoApp, ViewKind};
use crate::i18n::{Lang, tr};
use crate::ui::theme::ThemeChoice;

pub(super) fn menu_bar(ui: &mut egui::Ui, app: &CruscottoApp, commands: &mut Vec<AppCommand>) {
    let lang = app.lang;
    Panel::top("cruscotto.menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr(lang, "app.menu.file"), |ui| {
                command_item(ui, lang, AppCommand::New, true, commands);
                command_item(ui, lang, AppCommand::Open, true, commands);
                ui.menu_button(tr(lang, "app.menu.recent"), |ui| {
                    if app.settings.recent.is_empty() {
                        ui.label(tr(lang, "app.menu.no_recent"));
                    }
                    for path in &app.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(AppCommand::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                command_item(ui, lang, AppCommand::Save, true, commands);
                command_item(ui, lang, AppCommand::SaveAs, true, commands);
                ui.separator();
                command_item(ui, lang, AppCommand::Quit, true, commands);
            });
            ui.menu_button(tr(lang, "app.menu.edit"), |ui| {
                command_item(ui, lang, AppCommand::Undo, app.doc.can_undo(), commands);
                command_item(ui, lang, AppCommand::Redo, app.doc.can_redo(), commands);
                ui.separator();
                command_item(ui, lang, AppCommand::FindPartner, true, commands);
            });
            ui.menu_button(tr(lang, "app.menu.view"), |ui| {
                for view in ViewKind::ALL {
                    command_item(ui, lang, AppCommand::ShowView(view), true, commands);
                }
                ui.separator();
                command_item(ui, lang, AppCommand::ToggleFullscreen, true, commands);
                ui.separator();
                ui.label(RichText::new(tr(lang, "app.menu.theme")).weak());
                for (choice, key) in [
                    (ThemeChoice::Light, "app.theme.light"),
                    (ThemeChoice::Dark, "app.theme.dark"),
                ] {
                    let selected = app.settings.theme == choice;
                    if ui.radio(selected, tr(lang, key)).clicked() {
                        commands.push(AppCommand::SetTheme(choice));
                    }
                }
                ui.separator();
                ui.label(RichText::new(tr(lang, "app.menu.language")).weak());
                for choice in Lang::ALL {
                    if ui.radio(lang == choice, choice.native_name()).clicked() {
                        commands.push(AppCommand::SetLanguage(choice));
                    }
                }
            });
        });
    });
}

/// A menu item with the command's label and shortcut, closing the menu when chosen.
fn command_item(
    ui: &mut egui::Ui,
    lang: Lang,
    command: AppCommand,
    enabled: bool,
    commands: &mut Vec<AppCommand>,
) {
    let Some(key) = command.label_key() else {
        return;
    };
    let mut button = Button::new(tr(lang, key));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
        ui.close();
    }
}

pub(super) fn navigation(ui: &mut egui::Ui, app: &CruscottoApp, commands: &mut Vec<AppCommand>) {
    let lang = app.lang;
    Panel::left("cruscotto.navigation")
        .resizable(false)
        .exact_size(170.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            for view in ViewKind::ALL {
                let label = RichText::new(tr(lang, view.label_key())).size(16.0);
                let command = AppCommand::ShowView(view);
                let mut response = ui.selectable_label(app.view == view, label);
                if let Some(shortcut) = command.shortcut() {
                    response = response.on_hover_text(ui.ctx().format_shortcut(&shortcut));
                }
                if response.clicked() {
                    commands.push(command);
                }
            }
        });
}

pub(super) fn status_bar(ui: &mut egui::Ui, app: &CruscottoApp) {
    Panel::bottom("cruscotto.status").show(ui, |ui| {
        ui.horizontal(|ui| {
            // While the project given at start-up loads, the document is a stand-in: its
            // file and state would describe something the user never opened.
            let shows_document = app.opening_at_start.is_none();
            if shows_document {
                document_state(ui, app);
            }
            work_in_progress(ui, app, shows_document);
        });
    });
}

/// The file and whether it has unsaved changes.
fn document_state(ui: &mut egui::Ui, app: &CruscottoApp) {
    let lang = app.lang;
    let file = match &app.doc.path {
        Some(path) => path.display().to_string(),
        None => tr(lang, "app.title.untitled").into_owned(),
    };
    ui.label(file);
    let state = match (app.doc.is_dirty(), app.doc.path.is_some()) {
        (true, _) => Some("app.status.unsaved"),
        (false, true) => Some("app.status.all_saved"),
        // An untitled project that was never changed has nothing to save.
        (false, false) => None,
    };
    if let Some(state) = state {
        ui.separator();
        ui.label(tr(lang, state));
    }
}

/// Background work with a spinner each, then the last message; separated from what is
/// already on the bar.
fn work_in_progress(ui: &mut egui::Ui, app: &CruscottoApp, mut after_something: bool) {
    let lang = app.lang;
    let mut separate = |ui: &mut egui::Ui| {
        if after_something {
            ui.separator();
        }
        after_something = true;
    };
    let figures = app.derived.is_updating().then_some("app.job.figures");
    for key in figures
        .into_iter()
        .chain(app.jobs.running().iter().map(|j| job_key(*j)))
    {
        separate(ui);
        ui.spinner();
        ui.label(tr(lang, key));
    }
    if let Some(message) = &app.status {
        separate(ui);
        ui.label(message);
    }
}

fn job_key(job: JobKind) -> &'static str {
    match job {
        JobKind::Load => "app.job.load",
        JobKind::Save => "app.job.save",
        JobKind::Autosave => "app.job.autosave",
    }
}
