//! A month picker: a drop-down of the programme's months (a year either side, and the
//! current value even when it lies outside, so odd data shows as it is), plus "—" for none.

use egui::{ComboBox, Id, Response, Stroke, StrokeKind, Ui};

use crate::i18n::{Lang, format};
use crate::model::Month;
use crate::ui::theme;

/// Returns `Some(new)` when the user picked a different month (`Some(None)`: cleared).
pub fn month_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: Option<Month>,
    programme: (Month, Month),
    lang: Lang,
    problem: Option<&str>,
) -> (Response, Option<Option<Month>>) {
    let shown = value.map_or_else(|| format::MISSING.to_owned(), |m| format::month(lang, m));
    let mut picked = value;
    let first = programme.0.plus(-12);
    let last = programme.1.plus(12);
    let inner = ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(ui.text_style_height(&egui::TextStyle::Body) * 6.0)
        .height(ui.text_style_height(&egui::TextStyle::Body) * 20.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut picked, None, format::MISSING);
            if let Some(current) = value
                && !(first..=last).contains(&current)
            {
                ui.selectable_value(&mut picked, Some(current), format::month(lang, current));
            }
            for month in first.through(last) {
                ui.selectable_value(&mut picked, Some(month), format::month(lang, month));
            }
        });
    let mut response = inner.response.accessible_name(name);
    if let Some(problem) = problem {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            Stroke::new(1.5, theme::bad_text(ui.visuals())),
            StrokeKind::Outside,
        );
        response = response.on_hover_text(problem);
    }
    let changed = (picked != value).then_some(picked);
    (response, changed)
}
