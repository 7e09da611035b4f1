//! Completion per module area, as a compact list of bars: which kinds of training the
//! partners' staff are finishing and which lag behind. Each area's name sits above its bar,
//! so the list fits a narrow column beside the matrix.

use egui::{RichText, Sense, StrokeKind, Ui, vec2};

use super::catalogue::completion_tip;
use super::labels;
use crate::i18n::{format, tr, tr_args};
use crate::model::ModuleArea;
use crate::ui::ViewCtx;
use crate::ui::theme;
use crate::ui::widgets::section;

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    let training = &cx.dashboard.training;
    section::heading(ui, &tr(lang, "training.areas.title"));
    if let Some(rate) = training.consortium.completion.rate() {
        let value = format::percent(lang, rate * 100.0, 1);
        section::note(
            ui,
            &tr_args(lang, "training.areas.consortium", &[("value", &value)]),
        );
    }
    ui.add_space(6.0);
    // Below the heading the list scrolls when the panel is short (a small window, or the
    // top row when presenting).
    egui::ScrollArea::vertical()
        .id_salt("training_areas")
        .auto_shrink([false, true])
        .show(ui, |ui| bars(ui, cx));
}

fn bars(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    let training = &cx.dashboard.training;
    let body = section::body_size(ui);
    let value_width = body * 3.2;
    let bar_color = theme::series_color(0);
    let track = ui.visuals().extreme_bg_color;
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    let weak = ui.visuals().weak_text_color();
    for area in ModuleArea::ALL {
        let completion = training.areas.get(&area).copied().unwrap_or_default();
        let rate = completion.rate();
        let response = ui
            .vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                ui.label(labels::area(lang, area));
                ui.horizontal(|ui| {
                    let bar_width = (ui.available_width() - value_width).max(body * 4.0);
                    let (rect, _) =
                        ui.allocate_exact_size(vec2(bar_width, body * 0.8), Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, track);
                    if let Some(rate) = rate {
                        let mut filled = rect;
                        filled.set_width(rect.width() * rate.clamp(0.0, 1.0) as f32);
                        ui.painter().rect_filled(filled, 2.0, bar_color);
                    }
                    ui.painter()
                        .rect_stroke(rect, 2.0, stroke, StrokeKind::Inside);
                    let value = match rate {
                        Some(rate) => RichText::new(format::percent(lang, rate * 100.0, 0)),
                        None => RichText::new(format::MISSING).color(weak),
                    };
                    ui.label(value);
                });
            })
            .response;
        ui.add_space(4.0);
        let detail = if completion.enrolled > 0 {
            completion_tip(lang, completion.completed, completion.enrolled)
        } else {
            tr(lang, "training.areas.nobody").into_owned()
        };
        response.on_hover_text(format!("{}\n{detail}", labels::area(lang, area)));
    }
}
