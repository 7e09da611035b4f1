//! The matrix's colour scale for completion (completed / enrolled): ColorBrewer's sequential
//! Blues, which reads the same to people with any common colour-vision deficiency since it
//! varies in lightness, not hue. More completion is more ink: darker on a light background,
//! lighter on a dark one, so a finished module stands out in both themes.

use egui::{Color32, Rect, RichText, Sense, Stroke, StrokeKind, Ui, vec2};

use crate::i18n::{Lang, format, tr};
use crate::ui::theme::luminance;

/// ColorBrewer Blues, light to dark, without its near-white first class (it would vanish
/// on a light panel).
const BLUES: [[u8; 3]; 8] = [
    [0xDE, 0xEB, 0xF7],
    [0xC6, 0xDB, 0xEF],
    [0x9E, 0xCA, 0xE1],
    [0x6B, 0xAE, 0xD6],
    [0x42, 0x92, 0xC6],
    [0x21, 0x71, 0xB5],
    [0x08, 0x51, 0x9C],
    [0x08, 0x30, 0x6B],
];

/// The fill of a cell whose completion is `rate` (0–1; values outside are clamped, a
/// non-number counts as 0).
pub fn heat_color(rate: f64, dark: bool) -> Color32 {
    let rate = if rate.is_finite() {
        rate.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // Dark theme: the same scale run backwards (light = more).
    let position = if dark { 1.0 - rate } else { rate };
    let scaled = position * (BLUES.len() - 1) as f64;
    let index = (scaled.floor() as usize).min(BLUES.len() - 2);
    let t = scaled - index as f64;
    let [a, b] = [BLUES[index], BLUES[index + 1]];
    let mix = |i: usize| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t).round() as u8;
    Color32::from_rgb(mix(0), mix(1), mix(2))
}

/// Text that reads on `fill`: near-black on light cells, white on dark ones.
pub fn text_on(fill: Color32) -> Color32 {
    if luminance(fill) > 0.35 {
        Color32::from_gray(0x14)
    } else {
        Color32::WHITE
    }
}

/// The outline of a chosen cell, so its lightest fill still shows against the panel.
pub fn cell_stroke(ui: &Ui) -> Stroke {
    Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
}

/// The legend: the scale from 0% to 100%, a chosen module nobody is enrolled in yet, and a
/// module not chosen.
pub fn legend(ui: &mut Ui, lang: Lang, cell: egui::Vec2) {
    let dark = ui.visuals().dark_mode;
    let weak = ui.visuals().weak_text_color();
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.label(RichText::new(tr(lang, "training.legend.completion")).color(weak));
        ui.label(RichText::new(format::percent(lang, 0.0, 0)).color(weak));
        const STEPS: usize = 10;
        let (rect, _) = ui.allocate_exact_size(vec2(cell.x * 4.0, cell.y * 0.7), Sense::hover());
        let step = rect.width() / STEPS as f32;
        for i in 0..STEPS {
            let rate = (i as f64 + 0.5) / STEPS as f64;
            let left = rect.left() + step * i as f32;
            let swatch = Rect::from_min_max(
                egui::pos2(left, rect.top()),
                egui::pos2(left + step, rect.bottom()),
            );
            ui.painter()
                .rect_filled(swatch, 0.0, heat_color(rate, dark));
        }
        ui.painter()
            .rect_stroke(rect, 0.0, cell_stroke(ui), StrokeKind::Inside);
        ui.label(RichText::new(format::percent(lang, 100.0, 0)).color(weak));
        ui.add_space(12.0);
        swatch(ui, cell, true);
        ui.label(RichText::new(tr(lang, "training.legend.no_enrolment")).color(weak));
        ui.add_space(12.0);
        swatch(ui, cell, false);
        ui.label(RichText::new(tr(lang, "training.legend.not_chosen")).color(weak));
    });
}

/// A small cell as the matrix draws a chosen module without enrolments (`chosen`) or an
/// empty one.
fn swatch(ui: &mut Ui, cell: egui::Vec2, chosen: bool) {
    let size = vec2(cell.y * 0.9, cell.y * 0.7);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    if chosen {
        super::matrix_cells::paint_unenrolled(ui.painter(), rect, ui.visuals());
    } else {
        super::matrix_cells::paint_empty(ui.painter(), rect, ui.visuals());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_completion_is_darker_in_the_light_theme_and_lighter_in_the_dark_one() {
        let steps: Vec<f64> = (0..=100).map(|i| f64::from(i) / 100.0).collect();
        for pair in steps.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                luminance(heat_color(b, false)) < luminance(heat_color(a, false)),
                "light theme: {b} not darker than {a}"
            );
            assert!(
                luminance(heat_color(b, true)) > luminance(heat_color(a, true)),
                "dark theme: {b} not lighter than {a}"
            );
        }
    }

    #[test]
    fn the_ends_are_the_scale_ends_and_outside_values_clamp() {
        assert_eq!(heat_color(0.0, false), Color32::from_rgb(0xDE, 0xEB, 0xF7));
        assert_eq!(heat_color(1.0, false), Color32::from_rgb(0x08, 0x30, 0x6B));
        assert_eq!(heat_color(1.0, true), Color32::from_rgb(0xDE, 0xEB, 0xF7));
        // Completed above enrolled is a data error: the cell shows the number, the
        // colour stays at the top of the scale.
        assert_eq!(heat_color(1.3, false), heat_color(1.0, false));
        assert_eq!(heat_color(-0.2, false), heat_color(0.0, false));
        assert_eq!(heat_color(f64::NAN, false), heat_color(0.0, false));
    }

    #[test]
    fn cell_text_contrasts_with_the_fill() {
        assert_eq!(
            text_on(heat_color(0.0, false)),
            Color32::from_gray(0x14),
            "dark text on the lightest blue"
        );
        assert_eq!(text_on(heat_color(1.0, false)), Color32::WHITE);
    }
}
