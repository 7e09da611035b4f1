use egui::{Key, KeyboardShortcut, Modifiers};

use super::{AppCommand, COMMANDS, Menu, command_for_press};
use crate::app::ViewKind;

const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
/// AltGr on Windows: what types @, # and € on an Italian keyboard.
const ALT_GR: Modifiers = Modifiers {
    alt: true,
    ..Modifiers::COMMAND
};

/// The keys that type a character: Space, punctuation, digits and letters, in egui's list.
fn typing_keys() -> &'static [Key] {
    let first = Key::ALL.iter().position(|k| *k == Key::Space).unwrap();
    let last = Key::ALL.iter().position(|k| *k == Key::Z).unwrap();
    &Key::ALL[first..=last]
}

/// Every key press a text field needs: typing (with Shift and AltGr), moving and selecting
/// (by character, word, line and page), deleting, the clipboard, leaving the field, and
/// the Emacs-style keys egui's `TextEdit` handles (Ctrl+H, Ctrl+U, Ctrl+W).
fn text_editing_presses() -> Vec<KeyboardShortcut> {
    let mut presses = Vec::new();
    for &key in typing_keys() {
        for modifiers in [
            Modifiers::NONE,
            Modifiers::SHIFT,
            ALT_GR,
            ALT_GR | Modifiers::SHIFT,
        ] {
            presses.push(KeyboardShortcut::new(modifiers, key));
        }
    }
    let moves = [
        Key::ArrowLeft,
        Key::ArrowRight,
        Key::ArrowUp,
        Key::ArrowDown,
        Key::Home,
        Key::End,
        Key::PageUp,
        Key::PageDown,
    ];
    for key in moves {
        for modifiers in [
            Modifiers::NONE,
            Modifiers::SHIFT,
            Modifiers::COMMAND,
            CTRL_SHIFT,
            Modifiers::ALT,
            Modifiers::ALT | Modifiers::SHIFT,
        ] {
            presses.push(KeyboardShortcut::new(modifiers, key));
        }
    }
    for key in [Key::Backspace, Key::Delete] {
        for modifiers in [
            Modifiers::NONE,
            Modifiers::SHIFT,
            Modifiers::COMMAND,
            Modifiers::ALT,
        ] {
            presses.push(KeyboardShortcut::new(modifiers, key));
        }
    }
    for key in [Key::Tab, Key::Enter, Key::Escape, Key::Insert] {
        presses.push(KeyboardShortcut::new(Modifiers::NONE, key));
        presses.push(KeyboardShortcut::new(Modifiers::SHIFT, key));
    }
    presses.push(KeyboardShortcut::new(Modifiers::COMMAND, Key::Insert));
    for key in [Key::A, Key::C, Key::V, Key::X, Key::H, Key::U, Key::W] {
        presses.push(KeyboardShortcut::new(Modifiers::COMMAND, key));
        presses.push(KeyboardShortcut::new(CTRL_SHIFT, key));
    }
    for key in [Key::Copy, Key::Cut, Key::Paste] {
        presses.push(KeyboardShortcut::new(Modifiers::NONE, key));
    }
    presses
}

/// Text-field keys the app takes on purpose (see the module's documentation).
fn taken_on_purpose(press: KeyboardShortcut) -> bool {
    [
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        KeyboardShortcut::new(CTRL_SHIFT, Key::Z),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::K),
    ]
    .contains(&press)
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let mut seen: Vec<(KeyboardShortcut, &AppCommand)> = Vec::new();
    for entry in &COMMANDS {
        for &shortcut in entry.shortcuts {
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                panic!("{shortcut:?} is both {other:?} and {:?}", entry.command);
            }
            seen.push((shortcut, &entry.command));
        }
    }
    assert!(seen.len() >= 19, "only {} shortcuts registered", seen.len());
}

#[test]
fn pressing_each_shortcut_runs_its_own_command() {
    // Shift is not required to match, so Ctrl+Shift+S must not be taken by Ctrl+S.
    for entry in &COMMANDS {
        for shortcut in entry.shortcuts {
            assert_eq!(
                command_for_press(shortcut.logical_key, shortcut.modifiers),
                Some(&entry.command),
                "{shortcut:?}"
            );
        }
    }
    assert_eq!(
        command_for_press(Key::Z, CTRL_SHIFT),
        Some(&AppCommand::Redo)
    );
    assert_eq!(
        command_for_press(Key::S, CTRL_SHIFT),
        Some(&AppCommand::SaveAs)
    );
}

#[test]
fn no_shortcut_takes_a_key_a_text_field_needs() {
    let presses = text_editing_presses();
    assert!(presses.len() > 300, "{} presses", presses.len());
    for press in presses {
        if taken_on_purpose(press) {
            continue;
        }
        assert_eq!(
            command_for_press(press.logical_key, press.modifiers),
            None,
            "{press:?} is needed by text fields"
        );
    }
}

#[test]
fn altgr_typing_never_runs_a_command() {
    // Ctrl+Alt+Q is AltGr+Q (@ on a German keyboard), not Ctrl+Q.
    assert_eq!(command_for_press(Key::Q, ALT_GR), None);
    assert_eq!(command_for_press(Key::S, ALT_GR), None);
    assert_eq!(
        command_for_press(Key::Q, Modifiers::COMMAND),
        Some(&AppCommand::Quit)
    );
}

#[test]
fn the_undo_keys_taken_from_text_fields_are_the_projects_undo_and_the_palette() {
    assert_eq!(
        command_for_press(Key::Z, Modifiers::COMMAND),
        Some(&AppCommand::Undo)
    );
    assert_eq!(
        command_for_press(Key::Y, Modifiers::COMMAND),
        Some(&AppCommand::Redo)
    );
    assert_eq!(
        command_for_press(Key::K, Modifiers::COMMAND),
        Some(&AppCommand::OpenPalette)
    );
}

#[test]
fn every_view_and_the_zoom_are_registered_with_a_shortcut_in_the_view_menu() {
    for view in ViewKind::ALL {
        let entry = AppCommand::ShowView(view).registered().unwrap();
        assert_eq!(entry.menu, Menu::View);
        assert!(entry.shortcut().is_some(), "{view:?}");
    }
    for zoom in [
        AppCommand::ZoomIn,
        AppCommand::ZoomOut,
        AppCommand::ZoomReset,
    ] {
        let entry = zoom.registered().unwrap();
        assert_eq!(entry.menu, Menu::View);
        assert!(entry.shortcut().is_some(), "{zoom:?}");
    }
}

#[test]
fn every_command_is_registered_once_with_its_own_texts() {
    for (index, entry) in COMMANDS.iter().enumerate() {
        assert_eq!(
            COMMANDS.iter().position(|e| e.command == entry.command),
            Some(index),
            "{:?} is registered twice",
            entry.command
        );
        for key in [entry.label_key, entry.tooltip_key] {
            for lang in crate::i18n::Lang::ALL {
                assert!(
                    crate::i18n::has_key(lang, key),
                    "{key} has no {lang:?} text"
                );
            }
        }
    }
    let labels: Vec<_> = COMMANDS.iter().map(|e| e.label_key).collect();
    let mut unique = labels.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "two commands share a label");
}

#[test]
fn no_two_show_keys_share_a_shortcut_nor_take_undo_or_redo() {
    use super::show_keys::{SHOW_KEYS, show_key_for_press};
    let mut seen = Vec::new();
    for entry in &SHOW_KEYS {
        for &shortcut in entry.keys {
            assert!(!seen.contains(&shortcut), "{shortcut:?} is taken twice");
            seen.push(shortcut);
            assert_eq!(
                show_key_for_press(shortcut.logical_key, shortcut.modifiers),
                Some(entry.action),
                "{shortcut:?}"
            );
            if let Some(command) = command_for_press(shortcut.logical_key, shortcut.modifiers) {
                assert!(!command.works_during_show(), "{shortcut:?} is {command:?}");
            }
        }
    }
    for command in [AppCommand::Undo, AppCommand::Redo] {
        for shortcut in command.registered().unwrap().shortcuts {
            assert_eq!(
                show_key_for_press(shortcut.logical_key, shortcut.modifiers),
                None,
                "{shortcut:?} must reach {command:?} during the show"
            );
        }
    }
}
