//! Colours and type: light and dark themes, and the Okabe–Ito palette for series, which
//! people with any common colour-vision deficiency can tell apart.

use egui::Color32;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn egui_theme(self) -> egui::Theme {
        match self {
            ThemeChoice::Light => egui::Theme::Light,
            ThemeChoice::Dark => egui::Theme::Dark,
        }
    }
}

/// Okabe & Ito (2008), without black (kept for the consortium line) and with the yellow
/// last, since it is faint on a light background.
const OKABE_ITO: [Color32; 7] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
];

/// How many colours the series palette has before it repeats.
pub const PALETTE_LEN: usize = OKABE_ITO.len();

/// The colour of the `index`-th series (partner), cycling through the palette.
pub fn series_color(index: usize) -> Color32 {
    OKABE_ITO[index % OKABE_ITO.len()]
}

/// The consortium line: the strongest contrast with the background.
pub fn consortium_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0xF0)
    } else {
        Color32::from_gray(0x10)
    }
}

/// Good news (a target reached) and bad news (a late milestone, an error), chosen from the
/// palette so they stay distinguishable without relying on red versus green.
pub fn good_color() -> Color32 {
    OKABE_ITO[2]
}

pub fn bad_color() -> Color32 {
    OKABE_ITO[3]
}

pub fn warning_color() -> Color32 {
    OKABE_ITO[1]
}

/// Status colours for text (and the icons beside it): the Okabe–Ito hues darkened on a
/// light background and lightened on a dark one, so that each reaches 4.5:1 (Okabe–Ito green
/// on white is 3.4:1, vermillion 3.8:1). Lines and fills keep `good_color` and the others.
pub fn good_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x2E, 0xC4, 0x95)
    } else {
        Color32::from_rgb(0x00, 0x6B, 0x4E)
    }
}

pub fn bad_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xFF, 0x8C, 0x4A)
    } else {
        Color32::from_rgb(0xA8, 0x3F, 0x00)
    }
}

pub fn warning_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xE6, 0x9F, 0x00)
    } else {
        Color32::from_rgb(0x85, 0x5A, 0x00)
    }
}

/// Secondary text, hyperlinks and egui's own warning and error texts, set so each reaches
/// 4.5:1 on every background of the theme (egui's defaults are 2.9–4.0:1 in the light theme).
fn readable_texts(visuals: &mut egui::Visuals) {
    if visuals.dark_mode {
        visuals.weak_text_color = Some(Color32::from_gray(0xA8));
        visuals.error_fg_color = Color32::from_rgb(0xFF, 0x6E, 0x6E);
    } else {
        visuals.weak_text_color = Some(Color32::from_gray(0x5E));
        visuals.warn_fg_color = Color32::from_rgb(0xA3, 0x47, 0x00);
        visuals.error_fg_color = Color32::from_rgb(0xC0, 0x00, 0x00);
        visuals.hyperlink_color = Color32::from_rgb(0x00, 0x5F, 0xB0);
    }
}

/// Relative luminance (WCAG 2) of an opaque sRGB colour, 0–1.
pub fn luminance(color: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// `color` painted over the opaque `background` (egui's colours are premultiplied).
pub fn over(color: Color32, background: Color32) -> Color32 {
    let keep = 1.0 - f32::from(color.a()) / 255.0;
    let mix = |top: u8, bottom: u8| {
        (f32::from(top) + f32::from(bottom) * keep)
            .round()
            .min(255.0) as u8
    };
    Color32::from_rgb(
        mix(color.r(), background.r()),
        mix(color.g(), background.g()),
        mix(color.b(), background.b()),
    )
}

/// The WCAG contrast ratio of text in `text` on `background` (1–21; body text needs 4.5).
pub fn contrast(text: Color32, background: Color32) -> f64 {
    let text = over(text, background);
    let (a, b) = (luminance(text), luminance(background));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// What a framed part of a view (`widgets::section::panel`) is filled with.
pub fn section_fill(visuals: &egui::Visuals) -> Color32 {
    over(visuals.faint_bg_color, visuals.panel_fill)
}

/// The app's fonts: egui's defaults. Kept in one place so the glyph test checks exactly what
/// the window draws with.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(egui::FontDefinitions::default());
}

/// Applies the theme and the app's type sizes to the whole UI.
pub fn apply(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(theme.egui_theme());
    // Scroll bars with their own lane: egui's floating ones cover the right edge of the
    // dashboard's cards and panels.
    ctx.all_styles_mut(|style| {
        style.spacing.scroll = egui::style::ScrollStyle::solid();
        readable_texts(&mut style.visuals);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour text is drawn in, on every background it is drawn on, in both themes.
    #[test]
    fn every_text_colour_of_both_themes_reaches_aa_contrast() {
        for choice in [ThemeChoice::Light, ThemeChoice::Dark] {
            let ctx = egui::Context::default();
            apply(&ctx, choice);
            let visuals = ctx.style_of(choice.egui_theme()).visuals.clone();
            let texts = [
                ("text", visuals.text_color()),
                ("strong", visuals.strong_text_color()),
                ("weak", visuals.weak_text_color()),
                ("hyperlink", visuals.hyperlink_color),
                ("warn_fg", visuals.warn_fg_color),
                ("error_fg", visuals.error_fg_color),
                ("good_text", good_text(&visuals)),
                ("bad_text", bad_text(&visuals)),
                ("warning_text", warning_text(&visuals)),
            ];
            let backgrounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("section", section_fill(&visuals)),
                ("text field", visuals.text_edit_bg_color()),
            ];
            for (name, text) in texts {
                for (place, background) in backgrounds {
                    let ratio = contrast(text, background);
                    assert!(
                        ratio >= 4.5,
                        "{choice:?}: {name} {text:?} on {place} {background:?} is {ratio:.2}:1"
                    );
                }
            }
        }
    }
}
