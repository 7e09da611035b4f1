//! Small rules every view follows the same way: which clicks add to a selection, and how a
//! count is said.

use egui::Ui;

use crate::i18n::{Lang, plural};

/// Whether a click should add to the selection rather than replace it (Ctrl, or Cmd on a
/// Mac), held now or when the button was released this frame.
pub fn additive_click(ui: &Ui) -> bool {
    let additive = |modifiers: &egui::Modifiers| modifiers.command || modifiers.ctrl;
    ui.input(|input| {
        additive(&input.modifiers)
            || input.events.iter().any(|event| {
                matches!(event, egui::Event::PointerButton { pressed: false, modifiers, .. }
                    if additive(modifiers))
            })
    })
}

/// "1 errore" / "3 errori": `i18n::plural` for the views that name both keys; `one` and
/// `other` are `{base}_one` and `{base}_other`.
pub fn count_text(lang: Lang, one: &str, other: &str, count: usize) -> String {
    let base = one.strip_suffix("_one").unwrap_or(one);
    debug_assert_eq!(other.strip_suffix("_other"), Some(base), "{one} / {other}");
    plural(lang, base, i64::try_from(count).unwrap_or(i64::MAX), &[])
}
