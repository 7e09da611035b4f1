//! Small rules every view follows the same way: which clicks add to a selection, and how a
//! count is said.

use egui::Ui;

use crate::i18n::{Lang, format, tr_args};

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

/// "1 errore" / "3 errori": the `one` key for exactly one, otherwise `other`, with the count
/// written the language's way.
pub fn count_text(lang: Lang, one: &str, other: &str, count: usize) -> String {
    let key = if count == 1 { one } else { other };
    let count = format::integer(lang, i64::try_from(count).unwrap_or(i64::MAX));
    tr_args(lang, key, &[("count", &count)])
}
