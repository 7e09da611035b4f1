//! The look shared by the overview's parts: a framed panel with a heading, type sizes
//! relative to the body text (so the app's zoom and presentation mode scale them all).

use egui::{Frame, Response, RichText, TextStyle, Ui};

/// Space between the overview's parts.
pub const GAP: f32 = 12.0;

/// Size of the body text, the unit for the overview's larger type.
pub fn body_size(ui: &Ui) -> f32 {
    TextStyle::Body.resolve(ui.style()).size
}

/// A part of the overview: framed, filled a shade apart from the panel.
pub fn panel(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) {
    Frame::group(ui.style())
        .inner_margin(12)
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add_contents(ui);
        });
}

/// A part's title, large enough to read from the back of a room.
pub fn heading(ui: &mut Ui, text: &str) -> Response {
    let size = body_size(ui) * 1.4;
    ui.label(RichText::new(text).size(size).strong())
}

/// A line of secondary text (hints, notes on what is shown).
pub fn note(ui: &mut Ui, text: &str) -> Response {
    let size = body_size(ui) * 0.9;
    ui.label(
        RichText::new(text)
            .size(size)
            .color(ui.visuals().weak_text_color()),
    )
}
