//! One cell of the partners × modules matrix: painted (a matrix of thousands of rows shows
//! a few hundred cells at a time, each one rectangle and at most one short text), with a
//! tooltip of the figures behind it and the actions a click offers.

use egui::accesskit::Role;
use egui::{Color32, FontId, Id, Painter, Rect, RichText, Sense, Stroke, StrokeKind, Ui, Visuals};

use super::heat::{cell_stroke, heat_color, text_on};
use crate::analysis::Completion;
use crate::i18n::{Lang, format, plural, tr, tr_args};
use crate::model::{Module, ModuleChoice};
use crate::ui::theme;
use crate::ui::widgets::icons::{self, Icon};

/// What the cell shows and may offer.
pub struct CellInput<'a> {
    pub lang: Lang,
    pub partner_name: &'a str,
    pub module: &'a Module,
    pub choice: Option<&'a ModuleChoice>,
    /// Modules the partner has chosen, and the most it may.
    pub chosen: usize,
    pub max: u32,
    pub editable: bool,
}

/// What a click on a cell asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAction {
    /// Choose the module for the partner (an empty cell).
    Choose,
    /// Select the partner (a chosen cell).
    Select,
    /// Drop the partner's choice (its context menu).
    Remove,
    /// Open the partner in the Partners view (its context menu).
    Open,
}

impl CellInput<'_> {
    /// An empty cell can be clicked to choose the module: not in a presentation, not for a
    /// retired module. A full row still can: the refusal then explains the limit.
    fn choosable(&self) -> bool {
        self.editable && self.choice.is_none() && !self.module.retired
    }

    fn full(&self) -> bool {
        self.chosen >= self.max as usize
    }
}

pub fn cell(ui: &mut Ui, rect: Rect, id: Id, input: &CellInput<'_>) -> Option<CellAction> {
    let sense = if input.choice.is_some() || input.choosable() {
        Sense::click()
    } else {
        Sense::hover()
    };
    let response = ui.interact(rect, id, sense);
    if sense.senses_click() {
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                Role::Button,
                true,
                format!("{} · {}", input.partner_name, input.module.title),
            )
        });
    }
    if ui.is_rect_visible(rect) {
        paint(ui, rect.shrink(1.5), input, response.hovered());
    }
    let mut action = None;
    if response.clicked() {
        action = Some(if input.choice.is_some() {
            CellAction::Select
        } else {
            CellAction::Choose
        });
    }
    if input.editable && input.choice.is_some() {
        response.context_menu(|ui| {
            if ui
                .button(tr(input.lang, "training.matrix.remove"))
                .clicked()
            {
                action = Some(CellAction::Remove);
                ui.close();
            }
            if ui.button(tr(input.lang, "training.matrix.open")).clicked() {
                action = Some(CellAction::Open);
                ui.close();
            }
        });
    }
    response.on_hover_ui(|ui| tooltip(ui, input));
    action
}

fn paint(ui: &Ui, rect: Rect, input: &CellInput<'_>, hovered: bool) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    match input.choice {
        Some(choice) => match rate(choice) {
            Some(rate) => {
                let fill = heat_color(rate, visuals.dark_mode);
                painter.rect(rect, 0.0, fill, cell_stroke(ui), StrokeKind::Inside);
                let text = format::percent(input.lang, rate * 100.0, 0);
                centred_text(painter, rect, text, text_on(fill));
            }
            None => paint_unenrolled(painter, rect, visuals),
        },
        None => paint_empty(painter, rect, visuals),
    }
    if hovered {
        let stroke = Stroke::new(2.0, visuals.strong_text_color());
        painter.rect_stroke(rect, 0.0, stroke, StrokeKind::Inside);
        if input.choosable() {
            plus(painter, rect, visuals.strong_text_color());
        }
    }
}

/// A chosen module nobody is enrolled in yet: an outline in the scale's middle blue and a
/// dash, so it reads as chosen but without a figure.
pub fn paint_unenrolled(painter: &Painter, rect: Rect, visuals: &Visuals) {
    let blue = heat_color(0.6, visuals.dark_mode);
    painter.rect_stroke(rect, 0.0, Stroke::new(1.5, blue), StrokeKind::Inside);
    centred_text(
        painter,
        rect,
        format::MISSING.to_owned(),
        visuals.text_color(),
    );
}

/// A module not chosen: a faint tint, to keep the grid readable. Square corners and no
/// outline: a screenful of the matrix is hundreds of cells, and each outline or rounded
/// corner multiplies the triangles to draw.
pub fn paint_empty(painter: &Painter, rect: Rect, visuals: &Visuals) {
    let faint = visuals
        .widgets
        .noninteractive
        .bg_stroke
        .color
        .gamma_multiply(0.25);
    painter.rect_filled(rect, 0.0, faint);
}

/// `text` in the middle of `rect` when it fits, nothing otherwise.
fn centred_text(painter: &Painter, rect: Rect, text: String, color: Color32) {
    let size = (rect.height() * 0.62).clamp(8.0, 16.0);
    let galley = painter.layout_no_wrap(text, FontId::proportional(size), color);
    if galley.size().x + 4.0 <= rect.width() {
        let pos = rect.center() - galley.size() / 2.0;
        painter.galley(pos, galley, color);
    }
}

/// A "+" offering to choose the module.
fn plus(painter: &Painter, rect: Rect, color: Color32) {
    let arm = rect.height().min(rect.width()) * 0.25;
    let center = rect.center();
    let stroke = Stroke::new(1.5, color);
    painter.line_segment(
        [center - egui::vec2(arm, 0.0), center + egui::vec2(arm, 0.0)],
        stroke,
    );
    painter.line_segment(
        [center - egui::vec2(0.0, arm), center + egui::vec2(0.0, arm)],
        stroke,
    );
}

/// completed / enrolled; `None` when nobody is enrolled.
pub fn rate(choice: &ModuleChoice) -> Option<f64> {
    Completion {
        enrolled: choice.enrolled,
        completed: choice.completed,
    }
    .rate()
}

fn tooltip(ui: &mut Ui, input: &CellInput<'_>) {
    let lang = input.lang;
    ui.label(RichText::new(input.partner_name).strong());
    ui.label(&input.module.title);
    ui.add_space(4.0);
    let int = |value: i64| format::integer(lang, value);
    match input.choice {
        Some(choice) => {
            let completion = rate(choice).map_or_else(
                || format::MISSING.to_owned(),
                |rate| format::percent(lang, rate * 100.0, 0),
            );
            ui.label(tr_args(
                lang,
                "training.matrix.tip_people",
                &[
                    ("enrolled", &int(choice.enrolled)),
                    ("completed", &int(choice.completed)),
                    ("rate", &completion),
                ],
            ));
            let hours: f64 = choice.sessions.values().map(|s| s.hours).sum();
            let sessions = i64::try_from(choice.sessions.len()).unwrap_or(i64::MAX);
            ui.label(tr_args(
                lang,
                "training.matrix.tip_sessions",
                &[
                    ("sessions", &int(sessions)),
                    ("hours", &format::decimal(lang, hours, 1)),
                    (
                        "person_hours",
                        &format::decimal(lang, choice.person_hours(), 0),
                    ),
                ],
            ));
            if input.editable {
                note(ui, &tr(lang, "training.matrix.tip_chosen_actions"));
            }
        }
        None if input.module.retired => {
            note(ui, &tr(lang, "training.matrix.tip_retired"));
        }
        None if !input.editable => {
            note(ui, &tr(lang, "training.matrix.tip_not_chosen"));
        }
        None if input.full() => {
            let text = plural(
                lang,
                "training.matrix.tip_full",
                input.chosen as i64,
                &[("max", &int(i64::from(input.max)))],
            );
            ui.horizontal(|ui| {
                let size = ui.text_style_height(&egui::TextStyle::Body) * 0.85;
                icons::icon_space(ui, Icon::Warning, size, theme::warning_text(ui.visuals()));
                ui.label(RichText::new(text).strong());
            });
        }
        None => note(ui, &tr(lang, "training.matrix.tip_choose")),
    }
}

fn note(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).color(ui.visuals().weak_text_color()));
}
