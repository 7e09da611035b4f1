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
    ctx.all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
}
