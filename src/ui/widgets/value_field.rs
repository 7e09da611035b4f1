//! A single-line field for one value of the model. While the user types, the field keeps
//! the text as typed; every time it reads as a value, the value goes out (the caller turns it
//! into an edit, so undo and the figures follow each keystroke). Text that is not a value is
//! kept and outlined, never replaced by a guess, until it is fixed or Esc drops it.

use egui::{Id, Key, Response, Stroke, StrokeKind, TextEdit, Ui};

use crate::i18n::{Lang, format, parse, tr};
use crate::model::Cents;
use crate::ui::theme;

/// What a field did this frame: `value` is `Some` when the user changed it to a value;
/// `unreadable` while it holds text that is not a value (kept, outlined, nothing sent).
pub struct FieldOutput<T> {
    pub response: Response,
    pub value: Option<T>,
    pub unreadable: bool,
}

/// The generic field: `shown` is the model's value formatted, `read` turns text into a value
/// (`None`: not a value), `problem` is a validation message for the current value, shown as
/// an outline and on hover. `name` is the accessible name (the visible label's text).
#[allow(clippy::too_many_arguments)]
pub fn parsed_field<T>(
    ui: &mut Ui,
    id: Id,
    name: &str,
    shown: String,
    width: f32,
    lang: Lang,
    problem: Option<&str>,
    read: impl Fn(&str) -> Option<T>,
) -> FieldOutput<T> {
    let focused = ui.memory(|memory| memory.has_focus(id));
    let stored: Option<String> = ui.data(|data| data.get_temp(id));
    let mut text = match stored {
        Some(text) if focused || read(&text).is_none() => text,
        _ => shown,
    };
    let mut response = ui.add(TextEdit::singleline(&mut text).id(id).desired_width(width));
    response = response.accessible_name(name);
    let mut value = None;
    if response.changed() {
        value = read(&text);
        ui.data_mut(|data| data.insert_temp(id, text.clone()));
    }
    let escaped = response.lost_focus() && ui.input(|input| input.key_pressed(Key::Escape));
    let unreadable = read(&text).is_none();
    if escaped || (!response.has_focus() && !unreadable) {
        ui.data_mut(|data| data.remove::<String>(id));
    }
    let message = if unreadable && !escaped {
        Some(tr(lang, "widgets.not_a_value").into_owned())
    } else {
        problem.map(str::to_owned)
    };
    if let Some(message) = message {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            Stroke::new(1.5, theme::bad_text(ui.visuals())),
            StrokeKind::Outside,
        );
        response = response.on_hover_text(message);
    }
    FieldOutput {
        response,
        value,
        unreadable: unreadable && !escaped,
    }
}

pub fn integer_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: i64,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<i64> {
    let width = number_width(ui);
    parsed_field(
        ui,
        id,
        name,
        format::integer(lang, value),
        width,
        lang,
        problem,
        |t| parse::integer(lang, t),
    )
}

pub fn decimal_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: f64,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<f64> {
    let width = number_width(ui);
    let shown = plain_decimal(lang, value);
    parsed_field(ui, id, name, shown, width, lang, problem, |t| {
        parse::decimal(lang, t)
    })
}

/// An optional number (a survey score, a baseline): empty text means no value.
pub fn optional_decimal_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: Option<f64>,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<Option<f64>> {
    let width = number_width(ui);
    let shown = value.map_or_else(String::new, |v| plain_decimal(lang, v));
    parsed_field(ui, id, name, shown, width, lang, problem, |t| {
        if t.trim().is_empty() {
            Some(None)
        } else {
            parse::decimal(lang, t).map(Some)
        }
    })
}

pub fn money_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: Cents,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<Cents> {
    let width = number_width(ui) * 1.3;
    parsed_field(
        ui,
        id,
        name,
        format::money(lang, value),
        width,
        lang,
        problem,
        |t| parse::money(lang, t),
    )
}

pub fn date_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: jiff::civil::Date,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<jiff::civil::Date> {
    let width = number_width(ui) * 1.2;
    parsed_field(
        ui,
        id,
        name,
        parse::format_date(value),
        width,
        lang,
        problem,
        parse::date,
    )
}

/// Free text; every text is a value, so only validation problems mark it.
pub fn text_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: &str,
    width: f32,
    lang: Lang,
    problem: Option<&str>,
) -> FieldOutput<String> {
    parsed_field(ui, id, name, value.to_owned(), width, lang, problem, |t| {
        Some(t.to_owned())
    })
}

/// Shortest exact rendering with the language's decimal mark and no grouping, so what is
/// shown reads back as the same number.
fn plain_decimal(lang: Lang, value: f64) -> String {
    let text = format!("{value}");
    match lang {
        Lang::It => text.replace('.', ","),
        Lang::En => text,
    }
}

pub fn number_width(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) * 5.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct State {
        value: i64,
        sent: Vec<i64>,
    }

    fn harness(value: i64) -> Harness<'static, State> {
        Harness::builder().build_ui_state(
            |ui, state: &mut State| {
                let out = integer_field(
                    ui,
                    Id::unique("headcount"),
                    "Headcount",
                    state.value,
                    Lang::It,
                    (state.value < 0).then_some("negativo"),
                );
                if let Some(value) = out.value {
                    state.sent.push(value);
                    state.value = value;
                }
            },
            State {
                value,
                sent: Vec::new(),
            },
        )
    }

    fn shown(harness: &Harness<'_, State>) -> Option<String> {
        harness.get_by_label("Headcount").value()
    }

    #[test]
    fn typing_sends_each_reading_and_shows_italian_grouping_after() {
        let mut harness = harness(1200);
        assert_eq!(shown(&harness).as_deref(), Some("1.200"));
        harness.get_by_label("Headcount").focus();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        harness.get_by_label("Headcount").type_text("1500");
        harness.run();
        assert_eq!(harness.state().sent.last(), Some(&1500));
        harness.key_press(Key::Tab);
        harness.run();
        assert_eq!(shown(&harness).as_deref(), Some("1.500"));
    }

    #[test]
    fn text_that_is_not_a_number_is_kept_and_nothing_is_sent() {
        let mut harness = harness(10);
        harness.get_by_label("Headcount").focus();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        harness.get_by_label("Headcount").type_text("dieci");
        harness.run();
        harness.key_press(Key::Tab);
        harness.run();
        assert!(harness.state().sent.is_empty());
        assert_eq!(harness.state().value, 10);
        assert_eq!(
            shown(&harness).as_deref(),
            Some("dieci"),
            "typed text was dropped"
        );
    }
}
