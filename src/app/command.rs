//! The app's own commands (files, history, window): one enum drives the menus, the
//! keyboard shortcuts and the labels shown beside them.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::ViewKind;
use crate::i18n::Lang;
use crate::ui::theme::ThemeChoice;

#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Undo,
    Redo,
    /// Go to the Partners view with the cursor in its search field.
    FindPartner,
    ShowView(ViewKind),
    ToggleFullscreen,
    SetLanguage(Lang),
    SetTheme(ThemeChoice),
    Quit,
}

/// Commands with a shortcut, in the order shortcuts are checked: egui matches Ctrl+Z even
/// when Shift is also held, so the Shift variants must come first.
const WITH_SHORTCUTS: [AppCommand; 13] = [
    AppCommand::New,
    AppCommand::Open,
    AppCommand::SaveAs,
    AppCommand::Save,
    AppCommand::Redo,
    AppCommand::Undo,
    AppCommand::FindPartner,
    AppCommand::ShowView(ViewKind::Overview),
    AppCommand::ShowView(ViewKind::Partners),
    AppCommand::ShowView(ViewKind::Training),
    AppCommand::ShowView(ViewKind::Scenarios),
    AppCommand::ToggleFullscreen,
    AppCommand::Quit,
];

impl AppCommand {
    /// The main shortcut, shown on the menu item.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        Some(match self {
            AppCommand::New => command(Key::N),
            AppCommand::Open => command(Key::O),
            AppCommand::Save => command(Key::S),
            AppCommand::SaveAs => command_shift(Key::S),
            AppCommand::Undo => command(Key::Z),
            AppCommand::Redo => command_shift(Key::Z),
            AppCommand::FindPartner => command(Key::F),
            AppCommand::ShowView(view) => command(match view {
                ViewKind::Overview => Key::Num1,
                ViewKind::Partners => Key::Num2,
                ViewKind::Training => Key::Num3,
                ViewKind::Scenarios => Key::Num4,
            }),
            AppCommand::ToggleFullscreen => KeyboardShortcut::new(Modifiers::NONE, Key::F11),
            AppCommand::Quit => command(Key::Q),
            _ => return None,
        })
    }

    /// Other shortcuts for the same command (Ctrl+Y redoes, as on Windows).
    fn alternative_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            AppCommand::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// The i18n key of the command's menu label; `None` for commands whose menu item is
    /// their value (a recent file, a language, a theme).
    pub fn label_key(&self) -> Option<&'static str> {
        Some(match self {
            AppCommand::New => "app.command.new",
            AppCommand::Open => "app.command.open",
            AppCommand::Save => "app.command.save",
            AppCommand::SaveAs => "app.command.save_as",
            AppCommand::Undo => "app.command.undo",
            AppCommand::Redo => "app.command.redo",
            AppCommand::FindPartner => "app.command.find_partner",
            AppCommand::ShowView(view) => view.label_key(),
            AppCommand::ToggleFullscreen => "app.command.fullscreen",
            AppCommand::Quit => "app.command.quit",
            AppCommand::OpenPath(_) | AppCommand::SetLanguage(_) | AppCommand::SetTheme(_) => {
                return None;
            }
        })
    }

    /// The commands whose shortcut was pressed this frame (consuming the key presses).
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<AppCommand> {
        ctx.input_mut(|input| {
            WITH_SHORTCUTS
                .iter()
                .filter(|command| {
                    let main = command
                        .shortcut()
                        .is_some_and(|shortcut| input.consume_shortcut(&shortcut));
                    main || command
                        .alternative_shortcut()
                        .is_some_and(|shortcut| input.consume_shortcut(&shortcut))
                })
                .cloned()
                .collect()
        })
    }
}
