//! The projector look: type sizes for a 1920×1080 slide scaled with the slide, thick lines,
//! and the colours of the dark and light projector themes (a bright room washes out dark
//! slides). Every text colour reaches 4.5:1 on the slide background (a test checks it);
//! series keep the Okabe–Ito hues and are always named in text beside their line.

use egui::{Color32, FontId, Rect};
use serde::{Deserialize, Serialize};

/// The slide size the type sizes are given for.
pub const DESIGN_WIDTH: f32 = 1920.0;
pub const DESIGN_HEIGHT: f32 = 1080.0;

/// Sizes at 1920×1080, in pixels.
pub const TITLE_SIZE: f32 = 60.0;
pub const BODY_SIZE: f32 = 32.0;
/// The smallest text on a slide (axis ticks, footers, secondary lines).
pub const SMALL_SIZE: f32 = 28.0;
/// Headline numbers of the KPI and Comune slides.
pub const BIG_SIZE: f32 = 112.0;
/// The thinnest line drawn (axes); series are thicker.
pub const THIN_LINE: f32 = 3.0;
pub const SERIES_LINE: f32 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ProjectorTheme {
    #[default]
    Dark,
    Light,
}

/// The colours of one projector theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color32,
    /// Panels on the slide (KPI cards), slightly off the background.
    pub card: Color32,
    pub text: Color32,
    /// Secondary text: still at least 4.5:1 on the background and on cards.
    pub weak_text: Color32,
    /// Text that says a target was met or a tappa reached.
    pub good_text: Color32,
    /// Text that says something is late or wrong.
    pub bad_text: Color32,
    pub warning_text: Color32,
    /// Axes and grid lines.
    pub axis: Color32,
    /// The consortium's line: the strongest contrast.
    pub consortium: Color32,
    /// Comuni's and scenarios' lines.
    pub series: [Color32; 6],
    /// Uncertainty bands, translucent over the background.
    pub band: Color32,
}

impl ProjectorTheme {
    pub const ALL: [ProjectorTheme; 2] = [ProjectorTheme::Dark, ProjectorTheme::Light];

    pub fn palette(self) -> Palette {
        match self {
            ProjectorTheme::Dark => Palette {
                background: Color32::from_rgb(0x12, 0x16, 0x1C),
                card: Color32::from_rgb(0x1E, 0x24, 0x2C),
                text: Color32::from_rgb(0xF4, 0xF4, 0xF4),
                weak_text: Color32::from_rgb(0xC4, 0xCA, 0xD2),
                good_text: Color32::from_rgb(0x4F, 0xD1, 0xA5),
                bad_text: Color32::from_rgb(0xFF, 0x9A, 0x5C),
                warning_text: Color32::from_rgb(0xF0, 0xC0, 0x50),
                axis: Color32::from_rgb(0x8A, 0x93, 0x9E),
                consortium: Color32::from_rgb(0xF4, 0xF4, 0xF4),
                // Okabe–Ito, lighter members first: they stand out on a dark slide.
                series: [
                    Color32::from_rgb(0x56, 0xB4, 0xE9),
                    Color32::from_rgb(0xE6, 0x9F, 0x00),
                    Color32::from_rgb(0x00, 0x9E, 0x73),
                    Color32::from_rgb(0xCC, 0x79, 0xA7),
                    Color32::from_rgb(0xF0, 0xE4, 0x42),
                    Color32::from_rgb(0xD5, 0x5E, 0x00),
                ],
                band: Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 70),
            },
            ProjectorTheme::Light => Palette {
                background: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                card: Color32::from_rgb(0xF1, 0xF3, 0xF5),
                text: Color32::from_rgb(0x11, 0x11, 0x11),
                weak_text: Color32::from_rgb(0x4A, 0x4F, 0x55),
                good_text: Color32::from_rgb(0x00, 0x6B, 0x4E),
                bad_text: Color32::from_rgb(0xA8, 0x3F, 0x00),
                warning_text: Color32::from_rgb(0x85, 0x5A, 0x00),
                axis: Color32::from_rgb(0x6B, 0x72, 0x7A),
                consortium: Color32::from_rgb(0x11, 0x11, 0x11),
                // Okabe–Ito without the yellow, which a bright room washes out.
                series: [
                    Color32::from_rgb(0x00, 0x72, 0xB2),
                    Color32::from_rgb(0xE6, 0x9F, 0x00),
                    Color32::from_rgb(0x00, 0x9E, 0x73),
                    Color32::from_rgb(0xD5, 0x5E, 0x00),
                    Color32::from_rgb(0xCC, 0x79, 0xA7),
                    Color32::from_rgb(0x56, 0xB4, 0xE9),
                ],
                band: Color32::from_rgba_unmultiplied(0x00, 0x72, 0xB2, 55),
            },
        }
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            ProjectorTheme::Dark => "slides.theme.dark",
            ProjectorTheme::Light => "slides.theme.light",
        }
    }
}

impl Palette {
    /// Every colour text is drawn in, with the backgrounds it is drawn on.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color32, Color32)> {
        let mut pairs = Vec::new();
        for (name, text) in [
            ("text", self.text),
            ("weak_text", self.weak_text),
            ("good_text", self.good_text),
            ("bad_text", self.bad_text),
            ("warning_text", self.warning_text),
        ] {
            pairs.push((name, text, self.background));
            pairs.push((name, text, self.card));
        }
        pairs
    }

    pub fn series(&self, index: usize) -> Color32 {
        self.series[index % self.series.len()]
    }
}

/// The look of one slide drawn into `rect`: the palette and every size scaled from
/// 1920×1080 to the slide (the smaller of the two ratios, so nothing overflows).
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub palette: Palette,
    pub scale: f32,
}

impl Look {
    pub fn new(theme: ProjectorTheme, rect: Rect) -> Look {
        let scale = (rect.width() / DESIGN_WIDTH).min(rect.height() / DESIGN_HEIGHT);
        Look {
            palette: theme.palette(),
            scale: scale.max(0.05),
        }
    }

    pub fn px(&self, design: f32) -> f32 {
        design * self.scale
    }

    pub fn title(&self) -> FontId {
        FontId::proportional(self.px(TITLE_SIZE))
    }

    pub fn body(&self) -> FontId {
        FontId::proportional(self.px(BODY_SIZE))
    }

    pub fn small(&self) -> FontId {
        FontId::proportional(self.px(SMALL_SIZE))
    }

    pub fn big(&self) -> FontId {
        FontId::proportional(self.px(BIG_SIZE))
    }

    pub fn thin(&self) -> f32 {
        self.px(THIN_LINE)
    }

    pub fn series_line(&self) -> f32 {
        self.px(SERIES_LINE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::contrast;

    #[test]
    fn every_text_colour_of_both_projector_themes_reaches_aa_contrast() {
        for theme in ProjectorTheme::ALL {
            for (name, text, background) in theme.palette().text_pairs() {
                let ratio = contrast(text, background);
                assert!(
                    ratio >= 4.5,
                    "{theme:?} {name} {text:?} on {background:?}: {ratio:.2}:1"
                );
            }
        }
    }

    #[test]
    fn series_and_axes_stand_out_from_the_slide() {
        // Lines are named by text beside them, so their colour carries no meaning alone;
        // still, a line lost in the background shows nothing: at least 2:1 for each.
        for theme in ProjectorTheme::ALL {
            let palette = theme.palette();
            let mut lines = vec![palette.axis, palette.consortium];
            lines.extend(palette.series);
            for line in lines {
                let ratio = contrast(line, palette.background);
                assert!(ratio >= 2.0, "{theme:?} {line:?}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn type_and_lines_meet_the_projector_sizes_at_1080p_and_scale_with_the_slide() {
        let full = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
        let look = Look::new(ProjectorTheme::Dark, full);
        assert!(look.title().size >= 56.0);
        for font in [look.body(), look.small()] {
            assert!(font.size >= 28.0, "{font:?}");
        }
        assert!(look.thin() >= 3.0 && look.series_line() >= 3.0);
        // A 4K projector: everything twice as big; a half-size window: half.
        let big = Look::new(ProjectorTheme::Dark, full.scale_from_center(2.0));
        assert_eq!(big.body().size, 2.0 * look.body().size);
        let half = Look::new(
            ProjectorTheme::Light,
            Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(960.0, 700.0)),
        );
        assert_eq!(half.title().size, TITLE_SIZE / 2.0);
    }
}
