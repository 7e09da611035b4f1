//! The window's frame around the views: menu bar, navigation and status bar.

use egui::{Button, Panel, RichText};

use super::command::{COMMANDS, HEADINGS, Menu, MenuLabel, Registered};
use super::jobs::JobKind;
use super::{AppCommand, CruscottoApp, ViewKind};
use crate::i18n::tr;

pub(super) fn menu_bar(ui: &mut egui::Ui, app: &CruscottoApp, commands: &mut Vec<AppCommand>) {
    Panel::top("cruscotto.menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for (menu, key) in [
                (Menu::File, "app.menu.file"),
                (Menu::Edit, "app.menu.edit"),
                (Menu::View, "app.menu.view"),
            ] {
                ui.menu_button(tr(app.lang, key), |ui| menu_items(ui, app, menu, commands));
            }
        });
    });
}

/// The registered commands of `menu`, a separator between groups, recent files after Open.
fn menu_items(ui: &mut egui::Ui, app: &CruscottoApp, menu: Menu, commands: &mut Vec<AppCommand>) {
    let mut last_group = None;
    for entry in COMMANDS.iter().filter(|entry| entry.menu == menu) {
        if last_group != Some(entry.group) {
            if last_group.is_some() {
                ui.separator();
            }
            let heading = HEADINGS
                .iter()
                .find(|(m, g, _)| *m == menu && *g == entry.group);
            if let Some((_, _, key)) = heading {
                ui.label(RichText::new(tr(app.lang, key)).weak());
            }
        }
        last_group = Some(entry.group);
        command_item(ui, app, entry, commands);
        if entry.command == AppCommand::Open {
            recent_files(ui, app, commands);
        }
    }
}

fn recent_files(ui: &mut egui::Ui, app: &CruscottoApp, commands: &mut Vec<AppCommand>) {
    ui.menu_button(tr(app.lang, "app.menu.recent"), |ui| {
        if app.settings.recent.is_empty() {
            ui.label(tr(app.lang, "app.menu.no_recent"));
        }
        for path in &app.settings.recent {
            if ui.button(path.display().to_string()).clicked() {
                commands.push(AppCommand::OpenPath(path.clone()));
            }
        }
    });
}

/// A menu item with the command's label, shortcut and tooltip, closing the menu when chosen;
/// a choice (theme, language) as a radio button showing which one is on.
fn command_item(
    ui: &mut egui::Ui,
    app: &CruscottoApp,
    entry: &'static Registered,
    commands: &mut Vec<AppCommand>,
) {
    let label = match entry.menu_label {
        None => tr(app.lang, entry.label_key),
        Some(MenuLabel::Key(key)) => tr(app.lang, key),
        Some(MenuLabel::Verbatim(text)) => text.into(),
    };
    let response = match chosen(app, &entry.command) {
        Some(selected) => ui.radio(selected, label),
        None => {
            let mut button = Button::new(label);
            if let Some(shortcut) = entry.shortcut() {
                button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
            }
            ui.add_enabled(enabled(app, &entry.command), button)
        }
    };
    if response
        .on_hover_text(tr(app.lang, entry.tooltip_key))
        .clicked()
    {
        commands.push(entry.command.clone());
        ui.close();
    }
}

/// Whether a choice is the current one; `None` for a command that is not a choice.
fn chosen(app: &CruscottoApp, command: &AppCommand) -> Option<bool> {
    match command {
        AppCommand::SetTheme(choice) => Some(app.settings.theme == *choice),
        AppCommand::SetLanguage(lang) => Some(app.lang == *lang),
        _ => None,
    }
}

fn enabled(app: &CruscottoApp, command: &AppCommand) -> bool {
    match command {
        AppCommand::Undo => app.doc.can_undo(),
        AppCommand::Redo => app.doc.can_redo(),
        AppCommand::Template => app.single_selected_partner().is_some(),
        AppCommand::ExportSlidePng | AppCommand::ExportDeckPngs => app.current_slide().is_some(),
        _ => true,
    }
}

/// The views, each with its name, and its shortcut and what it shows on hover.
pub(super) fn navigation(ui: &mut egui::Ui, app: &CruscottoApp, commands: &mut Vec<AppCommand>) {
    let lang = app.lang;
    Panel::left("cruscotto.navigation")
        .resizable(false)
        .exact_size(170.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            for view in ViewKind::ALL {
                let command = AppCommand::ShowView(view);
                let Some(entry) = command.registered() else {
                    continue;
                };
                let label = RichText::new(tr(lang, entry.label_key)).size(16.0);
                let mut hover = tr(lang, entry.tooltip_key).into_owned();
                if let Some(shortcut) = entry.shortcut() {
                    hover = format!("{hover} ({})", ui.ctx().format_shortcut(&shortcut));
                }
                let response = ui.selectable_label(app.view == view, label);
                if response.on_hover_text(hover).clicked() {
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
    let export = app.is_exporting().then_some("export.status.writing");
    for key in figures
        .into_iter()
        .chain(export)
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
