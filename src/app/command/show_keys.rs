//! The keys of the slide show, registered like the app's commands: what clickers send, the
//! blanking and pause keys, live correction and the adoption slide's play and scrub. They are
//! read only while the show runs, when the app's commands are not (except undo and redo,
//! which a test keeps apart from these).

use egui::{Key, KeyboardShortcut, Modifiers};

/// What one key does during the show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowKey {
    Next,
    Previous,
    First,
    Last,
    Digit(u8),
    Enter,
    Black,
    White,
    Pause,
    Leave,
    FromStart,
    FromHere,
    /// Opens or closes the live-correction panel.
    Correct,
    /// Plays or stops the adoption slide's months.
    Play,
    /// The adoption slide's month, one back or on.
    ScrubBack,
    ScrubOn,
}

/// A show key with the i18n key of what it does (for help and the README's table).
#[derive(Debug)]
pub struct ShowShortcut {
    pub action: ShowKey,
    pub label_key: &'static str,
    pub keys: &'static [KeyboardShortcut],
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn shifted(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// The digits typed before Enter for a jump.
macro_rules! digit {
    ($n:literal, $key:ident) => {
        ShowShortcut {
            action: ShowKey::Digit($n),
            label_key: "slides_live.key.digit",
            keys: &[plain(Key::$key)],
        }
    };
}

/// Every key of the show.
pub static SHOW_KEYS: [ShowShortcut; 25] = [
    ShowShortcut {
        action: ShowKey::Next,
        label_key: "slides_live.key.next",
        keys: &[
            plain(Key::ArrowRight),
            plain(Key::ArrowDown),
            plain(Key::PageDown),
            plain(Key::Space),
        ],
    },
    ShowShortcut {
        action: ShowKey::Previous,
        label_key: "slides_live.key.previous",
        keys: &[
            plain(Key::ArrowLeft),
            plain(Key::ArrowUp),
            plain(Key::PageUp),
            plain(Key::Backspace),
        ],
    },
    ShowShortcut {
        action: ShowKey::First,
        label_key: "slides_live.key.first",
        keys: &[plain(Key::Home)],
    },
    ShowShortcut {
        action: ShowKey::Last,
        label_key: "slides_live.key.last",
        keys: &[plain(Key::End)],
    },
    ShowShortcut {
        action: ShowKey::Enter,
        label_key: "slides_live.key.enter",
        keys: &[plain(Key::Enter)],
    },
    ShowShortcut {
        action: ShowKey::Black,
        label_key: "slides_live.key.black",
        keys: &[plain(Key::B), plain(Key::Period)],
    },
    ShowShortcut {
        action: ShowKey::White,
        label_key: "slides_live.key.white",
        keys: &[plain(Key::W)],
    },
    ShowShortcut {
        action: ShowKey::Pause,
        label_key: "slides_live.key.pause",
        keys: &[plain(Key::P)],
    },
    ShowShortcut {
        action: ShowKey::Leave,
        label_key: "slides_live.key.leave",
        keys: &[plain(Key::Escape)],
    },
    ShowShortcut {
        action: ShowKey::FromStart,
        label_key: "slides_live.key.from_start",
        keys: &[plain(Key::F5)],
    },
    ShowShortcut {
        action: ShowKey::FromHere,
        label_key: "slides_live.key.from_here",
        keys: &[shifted(Key::F5)],
    },
    ShowShortcut {
        action: ShowKey::Correct,
        label_key: "slides_live.key.correct",
        keys: &[plain(Key::E)],
    },
    ShowShortcut {
        action: ShowKey::Play,
        label_key: "slides_live.key.play",
        keys: &[plain(Key::A)],
    },
    ShowShortcut {
        action: ShowKey::ScrubBack,
        label_key: "slides_live.key.scrub_back",
        keys: &[shifted(Key::ArrowLeft)],
    },
    ShowShortcut {
        action: ShowKey::ScrubOn,
        label_key: "slides_live.key.scrub_on",
        keys: &[shifted(Key::ArrowRight)],
    },
    digit!(0, Num0),
    digit!(1, Num1),
    digit!(2, Num2),
    digit!(3, Num3),
    digit!(4, Num4),
    digit!(5, Num5),
    digit!(6, Num6),
    digit!(7, Num7),
    digit!(8, Num8),
    digit!(9, Num9),
];

/// What a key press does in the show. Shift is not required to match, so the shortcut with
/// the most modifiers wins (Shift+F5 starts from here although F5 also matches); Ctrl, Cmd
/// and Alt must match exactly, so Ctrl+Z reaches undo.
pub fn show_key_for_press(key: Key, modifiers: Modifiers) -> Option<ShowKey> {
    let mut best: Option<(ShowKey, bool)> = None;
    for entry in &SHOW_KEYS {
        for shortcut in entry.keys {
            let fires = shortcut.logical_key == key
                && shortcut.modifiers.alt == modifiers.alt
                && modifiers.matches_logically(shortcut.modifiers);
            if fires && best.is_none_or(|(_, shift)| shortcut.modifiers.shift && !shift) {
                best = Some((entry.action, shortcut.modifiers.shift));
            }
        }
    }
    best.map(|(action, _)| action)
}
