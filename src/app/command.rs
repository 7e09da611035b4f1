//! The app's commands, registered once: every command with its label, tooltip, shortcuts
//! and place in the menus is one entry of `COMMANDS`, and the menus, the navigation, the
//! keyboard and the command palette are all drawn from that list (as Rerun's `UICommand`).
//!
//! Shortcuts are read before the views draw, so a command's shortcut wins over a focused
//! text field. None of them is a key a text field needs (a test checks it), with two
//! exceptions kept on purpose: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo the project, not
//! the field's own text history (the field is left first, so it shows the project as undo
//! left it, and one undo step takes back a whole typed value); and Ctrl+K opens the palette
//! instead of egui's Emacs-style "delete to the end of the line".

use std::path::PathBuf;

use egui::{Event, Key, KeyboardShortcut, Modifiers};

pub mod show_keys;

use super::ViewKind;
use crate::i18n::Lang;
use crate::ui::theme::ThemeChoice;

#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    New,
    Open,
    /// A recent or dropped file: not registered, its menu item is the file itself.
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Read a spreadsheet's rows into the project (Ctrl+I).
    Import,
    /// Every table to an XLSX workbook (Ctrl+E).
    Export,
    /// One data-collection template per Comune, into a folder.
    Templates,
    /// The selected Comune's data-collection template.
    Template,
    /// The workshop deck as one PDF, a page per presented slide.
    ExportDeckPdf,
    /// The consortium's report or Comuni's PIAO sections as DOCX or PDF.
    ExportReport,
    /// The slide shown or selected as one PNG, at twice the projector's density.
    ExportSlidePng,
    /// Every presented slide as numbered PNGs into a folder.
    ExportDeckPngs,
    Undo,
    Redo,
    /// Go to the Partners view with the cursor in its search field.
    FindPartner,
    /// Find any command or Comune by name (Ctrl+K).
    OpenPalette,
    ShowView(ViewKind),
    /// Present the deck full screen from its first slide (F5).
    Present,
    /// Present from the slide selected in the deck editor (Shift+F5).
    PresentFromSelected,
    /// Present with the presenter view, the audience's slide in a window of its own
    /// (Alt+F5), even on one monitor.
    PresenterView,
    ToggleFullscreen,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetTheme(ThemeChoice),
    SetLanguage(Lang),
    Quit,
}

/// The menus of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
}

/// A command as the user meets it.
#[derive(Debug)]
pub struct Registered {
    pub command: AppCommand,
    /// The i18n key of its name, in menus and in the palette.
    pub label_key: &'static str,
    /// The i18n key of a sentence saying what it does, shown on hover.
    pub tooltip_key: &'static str,
    /// The first is shown beside the label; the others do the same (Ctrl+Y redoes, as on
    /// Windows; Ctrl+= zooms in without Shift on keyboards where + needs it).
    pub shortcuts: &'static [KeyboardShortcut],
    pub menu: Menu,
    /// Commands of one menu are drawn in list order; a new group starts after a separator
    /// (and under its heading, if `HEADINGS` gives it one).
    pub group: u8,
    /// The name in the menu, when shorter than the label under the group's heading.
    pub menu_label: Option<MenuLabel>,
}

/// A command's name in its menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuLabel {
    /// An i18n key.
    Key(&'static str),
    /// Shown as it is in every language: a language's own name.
    Verbatim(&'static str),
}

/// The groups of choices drawn under a heading (theme, language).
pub const HEADINGS: [(Menu, u8, &str); 2] = [
    (Menu::View, 3, "app.menu.theme"),
    (Menu::View, 4, "app.menu.language"),
];

impl Registered {
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts.first().copied()
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

const fn entry(
    command: AppCommand,
    label_key: &'static str,
    tooltip_key: &'static str,
    shortcuts: &'static [KeyboardShortcut],
    menu: Menu,
    group: u8,
) -> Registered {
    Registered {
        command,
        label_key,
        tooltip_key,
        shortcuts,
        menu,
        group,
        menu_label: None,
    }
}

/// A choice of the View menu without a shortcut, named in the menu by `menu_label` under
/// its group's heading.
const fn choice(
    command: AppCommand,
    label_key: &'static str,
    tooltip_key: &'static str,
    group: u8,
    menu_label: MenuLabel,
) -> Registered {
    Registered {
        command,
        label_key,
        tooltip_key,
        shortcuts: &[],
        menu: Menu::View,
        group,
        menu_label: Some(menu_label),
    }
}

/// Every command, in menu order.
pub static COMMANDS: [Registered; 33] = [
    entry(
        AppCommand::New,
        "app.command.new",
        "commands.tip.new",
        &[key(COMMAND, Key::N)],
        Menu::File,
        0,
    ),
    entry(
        AppCommand::Open,
        "app.command.open",
        "commands.tip.open",
        &[key(COMMAND, Key::O)],
        Menu::File,
        0,
    ),
    entry(
        AppCommand::Save,
        "app.command.save",
        "commands.tip.save",
        &[key(COMMAND, Key::S)],
        Menu::File,
        1,
    ),
    entry(
        AppCommand::SaveAs,
        "app.command.save_as",
        "commands.tip.save_as",
        &[key(COMMAND_SHIFT, Key::S)],
        Menu::File,
        1,
    ),
    entry(
        AppCommand::Import,
        "import.command",
        "import.command_tip",
        &[key(COMMAND, Key::I)],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::Export,
        "export.command",
        "export.command_tip",
        &[key(COMMAND, Key::E)],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::Templates,
        "export.templates_command",
        "export.templates_tip",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::Template,
        "export.template_command",
        "export.template_tip",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::ExportReport,
        "report_window.command",
        "report_window.command_tip",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::ExportDeckPdf,
        "slides_export.command.deck_pdf",
        "slides_export.tip.deck_pdf",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::ExportSlidePng,
        "window_exports.command.slide_png",
        "window_exports.tip.slide_png",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::ExportDeckPngs,
        "window_exports.command.deck_pngs",
        "window_exports.tip.deck_pngs",
        &[],
        Menu::File,
        2,
    ),
    entry(
        AppCommand::Quit,
        "app.command.quit",
        "commands.tip.quit",
        &[key(COMMAND, Key::Q)],
        Menu::File,
        3,
    ),
    entry(
        AppCommand::Undo,
        "app.command.undo",
        "commands.tip.undo",
        &[key(COMMAND, Key::Z)],
        Menu::Edit,
        0,
    ),
    entry(
        AppCommand::Redo,
        "app.command.redo",
        "commands.tip.redo",
        &[key(COMMAND_SHIFT, Key::Z), key(COMMAND, Key::Y)],
        Menu::Edit,
        0,
    ),
    entry(
        AppCommand::FindPartner,
        "app.command.find_partner",
        "commands.tip.find_partner",
        &[key(COMMAND, Key::F)],
        Menu::Edit,
        1,
    ),
    entry(
        AppCommand::OpenPalette,
        "commands.open_palette",
        "commands.tip.palette",
        &[key(COMMAND, Key::K)],
        Menu::Edit,
        1,
    ),
    entry(
        AppCommand::ShowView(ViewKind::Overview),
        "app.view.overview",
        "commands.tip.view_overview",
        &[key(COMMAND, Key::Num1)],
        Menu::View,
        0,
    ),
    entry(
        AppCommand::ShowView(ViewKind::Partners),
        "app.view.partners",
        "commands.tip.view_partners",
        &[key(COMMAND, Key::Num2)],
        Menu::View,
        0,
    ),
    entry(
        AppCommand::ShowView(ViewKind::Training),
        "app.view.training",
        "commands.tip.view_training",
        &[key(COMMAND, Key::Num3)],
        Menu::View,
        0,
    ),
    entry(
        AppCommand::ShowView(ViewKind::Scenarios),
        "app.view.scenarios",
        "commands.tip.view_scenarios",
        &[key(COMMAND, Key::Num4)],
        Menu::View,
        0,
    ),
    entry(
        AppCommand::ShowView(ViewKind::Deck),
        "slides.view",
        "slides.tip.view",
        &[key(COMMAND, Key::Num5)],
        Menu::View,
        0,
    ),
    entry(
        AppCommand::Present,
        "slides.command.present",
        "slides.tip.present",
        &[key(Modifiers::NONE, Key::F5)],
        Menu::View,
        1,
    ),
    entry(
        AppCommand::PresentFromSelected,
        "slides.command.present_here",
        "slides.tip.present_here",
        &[key(Modifiers::SHIFT, Key::F5)],
        Menu::View,
        1,
    ),
    entry(
        AppCommand::PresenterView,
        "slides_live.command.presenter",
        "slides_live.tip.presenter",
        &[key(Modifiers::ALT, Key::F5)],
        Menu::View,
        1,
    ),
    entry(
        AppCommand::ToggleFullscreen,
        "app.command.fullscreen",
        "commands.tip.fullscreen",
        &[key(Modifiers::NONE, Key::F11)],
        Menu::View,
        1,
    ),
    entry(
        AppCommand::ZoomIn,
        "commands.zoom_in",
        "commands.tip.zoom_in",
        &[
            egui::gui_zoom::kb_shortcuts::ZOOM_IN,
            egui::gui_zoom::kb_shortcuts::ZOOM_IN_SECONDARY,
        ],
        Menu::View,
        2,
    ),
    entry(
        AppCommand::ZoomOut,
        "commands.zoom_out",
        "commands.tip.zoom_out",
        &[egui::gui_zoom::kb_shortcuts::ZOOM_OUT],
        Menu::View,
        2,
    ),
    entry(
        AppCommand::ZoomReset,
        "commands.zoom_reset",
        "commands.tip.zoom_reset",
        &[egui::gui_zoom::kb_shortcuts::ZOOM_RESET],
        Menu::View,
        2,
    ),
    choice(
        AppCommand::SetTheme(ThemeChoice::Light),
        "commands.theme_light",
        "commands.tip.theme_light",
        3,
        MenuLabel::Key("app.theme.light"),
    ),
    choice(
        AppCommand::SetTheme(ThemeChoice::Dark),
        "commands.theme_dark",
        "commands.tip.theme_dark",
        3,
        MenuLabel::Key("app.theme.dark"),
    ),
    choice(
        AppCommand::SetLanguage(Lang::It),
        "commands.language_it",
        "commands.tip.language_it",
        4,
        MenuLabel::Verbatim(Lang::It.native_name()),
    ),
    choice(
        AppCommand::SetLanguage(Lang::En),
        "commands.language_en",
        "commands.tip.language_en",
        4,
        MenuLabel::Verbatim(Lang::En.native_name()),
    ),
];

impl AppCommand {
    /// The command's entry; `None` for a recent file.
    pub fn registered(&self) -> Option<&'static Registered> {
        COMMANDS.iter().find(|entry| entry.command == *self)
    }

    /// The main shortcut, shown beside the label.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.registered().and_then(Registered::shortcut)
    }

    /// Undo and redo also work during the slide show (a live correction taken back).
    pub fn works_during_show(&self) -> bool {
        matches!(self, AppCommand::Undo | AppCommand::Redo)
    }

    /// The commands whose shortcuts were pressed this frame, in the order pressed (the key
    /// presses are consumed, so no widget sees them).
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<AppCommand> {
        AppCommand::from_shortcuts_where(ctx, |_| true)
    }

    /// `from_shortcuts` for the commands `wanted` keeps; other presses stay in the input.
    pub fn from_shortcuts_where(
        ctx: &egui::Context,
        wanted: impl Fn(&AppCommand) -> bool,
    ) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            input.events.retain(|event| {
                let Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } = event
                else {
                    return true;
                };
                match command_for_press(*key, *modifiers) {
                    Some(command) if wanted(command) => {
                        commands.push(command.clone());
                        false
                    }
                    _ => true,
                }
            });
        });
        commands
    }
}

/// The command a key press runs. Shift is not required to match (+ needs Shift on some
/// keyboards), so the shortcut with the most modifiers wins: Ctrl+Shift+Z redoes although
/// Ctrl+Z also matches. Alt must match exactly: Ctrl+Alt is AltGr on Windows, which types
/// characters (@, #, € on an Italian keyboard) and must never run a command.
pub fn command_for_press(key: Key, modifiers: Modifiers) -> Option<&'static AppCommand> {
    let mut best: Option<(&'static AppCommand, u8)> = None;
    for entry in &COMMANDS {
        for shortcut in entry.shortcuts {
            let fires = shortcut.logical_key == key
                && shortcut.modifiers.alt == modifiers.alt
                && modifiers.matches_logically(shortcut.modifiers);
            let weight = modifier_count(shortcut.modifiers);
            if fires && best.is_none_or(|(_, best_weight)| weight > best_weight) {
                best = Some((&entry.command, weight));
            }
        }
    }
    best.map(|(command, _)| command)
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.ctrl || modifiers.command || modifiers.mac_cmd)
}

#[cfg(test)]
mod tests;
