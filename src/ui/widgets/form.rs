//! Form rows of an editor: a label in a column of its own, the field, and what is wrong with
//! the value written beside it in words (not only as an outline with a tooltip), so a room
//! looking at a projector sees it without anyone hovering.

use egui::{Align, Label, Layout, Response, RichText, Ui, vec2};

use super::FieldFindings;
use super::icons::{self, Icon};
use crate::i18n::{Lang, findings, tr};
use crate::model::validate::{Field, Finding, Severity, Target};
use crate::ui::theme;

/// The first finding on `target` about `field`, with its severity and its text in `lang`.
pub fn field_problem(
    indexed: &FieldFindings,
    all: &[Finding],
    lang: Lang,
    target: &Target,
    field: Field,
) -> Option<(Severity, String)> {
    indexed
        .all(all)
        .find(|f| &f.target == target && f.problem.field() == Some(field))
        .map(|f| (f.severity, findings::message(lang, &f.problem)))
}

/// The colour of a finding's words: errors in the bad colour, warnings in the warning one.
pub fn severity_color(visuals: &egui::Visuals, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::Error => theme::bad_text(visuals),
        Severity::Warning => theme::warning_text(visuals),
    }
}

/// A problem in words, small, after a warning or error sign; wraps in the width left.
pub fn problem_note(ui: &mut Ui, severity: Severity, text: &str) -> Response {
    let color = severity_color(ui.visuals(), severity);
    let size = super::section::body_size(ui) * 0.9;
    let icon = match severity {
        Severity::Error => Icon::Error,
        Severity::Warning => Icon::Warning,
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        icons::icon_space(ui, icon, size, color);
        ui.add(Label::new(RichText::new(text).size(size).color(color)).wrap())
    })
    .inner
}

/// The note for a value field holding text that is not a value (`FieldOutput::unreadable`):
/// the tooltip says it too, but only to whoever hovers.
pub fn unreadable_note(ui: &mut Ui, unreadable: bool, lang: Lang) {
    if unreadable {
        problem_note(ui, Severity::Error, &tr(lang, "widgets.not_a_value"));
    }
}

/// The width of the label column: the widest of `labels` in the body font.
pub fn label_width<'a>(ui: &Ui, labels: impl IntoIterator<Item = &'a str>) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    labels
        .into_iter()
        .map(|label| {
            ui.painter()
                .layout_no_wrap(label.to_owned(), font.clone(), color)
                .size()
                .x
        })
        .fold(0.0, f32::max)
}

/// A row: `label` in a column `width` wide, then whatever `contents` adds after it. Returns
/// the label's response (to name the field with `labelled_by`) and the contents' result.
pub fn row<R>(
    ui: &mut Ui,
    width: f32,
    label: &str,
    contents: impl FnOnce(&mut Ui, &Response) -> R,
) -> R {
    ui.horizontal(|ui| {
        let height = ui.spacing().interact_size.y;
        let label = ui
            .allocate_ui_with_layout(
                vec2(width, height),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_min_width(width);
                    ui.label(label)
                },
            )
            .inner;
        contents(ui, &label)
    })
    .inner
}

/// A cell of a row `width` wide (contents left-aligned, vertically centred), so the same
/// column lines up from one row to the next whatever each row holds.
pub fn cell<R>(ui: &mut Ui, width: f32, contents: impl FnOnce(&mut Ui) -> R) -> R {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        vec2(width, height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.set_max_width(width);
            contents(ui)
        },
    )
    .inner
}
