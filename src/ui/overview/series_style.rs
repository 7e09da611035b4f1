//! How each adoption series looks: colour, line pattern and width, decided in one place so
//! the plot and its legend draw the same thing, and so no two series of one plot look alike
//! even to someone who cannot tell the colours apart.

use egui::{Color32, Painter, Pos2, Shape, Stroke};
use egui_plot::LineStyle;

use crate::i18n::{Lang, tr, tr_args};
use crate::ui::theme;

/// A line's pattern. Partners take the palette's colours once solid, then dashed, dotted and
/// long-dashed: 28 distinct looks, more than the plot ever draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    Solid,
    Dashed,
    Dotted,
    LongDashed,
}

const PARTNER_PATTERNS: [Pattern; 4] = [
    Pattern::Solid,
    Pattern::Dashed,
    Pattern::Dotted,
    Pattern::LongDashed,
];

impl Pattern {
    pub fn line_style(self) -> LineStyle {
        match self {
            Pattern::Solid => LineStyle::Solid,
            Pattern::Dashed => LineStyle::dashed_dense(),
            Pattern::Dotted => LineStyle::dotted_dense(),
            Pattern::LongDashed => LineStyle::dashed_loose(),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Pattern::Solid => "overview.adoption.style.solid",
            Pattern::Dashed => "overview.adoption.style.dashed",
            Pattern::Dotted => "overview.adoption.style.dotted",
            Pattern::LongDashed => "overview.adoption.style.long_dashed",
        }
    }
}

/// Which colour a line takes, named so the legend can say it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hue {
    /// The consortium's: black on light, white on dark.
    Consortium,
    /// The `n`-th colour of the palette.
    Palette(usize),
}

impl Hue {
    pub fn color(self, dark: bool) -> Color32 {
        match self {
            Hue::Consortium => theme::consortium_color(dark),
            Hue::Palette(index) => theme::series_color(index),
        }
    }

    fn key(self, dark: bool) -> String {
        match self {
            Hue::Consortium if dark => "overview.adoption.colour.white".to_owned(),
            Hue::Consortium => "overview.adoption.colour.black".to_owned(),
            Hue::Palette(index) => {
                format!("overview.adoption.colour.{}", index % theme::PALETTE_LEN)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesStyle {
    pub hue: Hue,
    pub pattern: Pattern,
    /// Thick lines are the consortium and the selected partners.
    pub thick: bool,
}

impl SeriesStyle {
    pub const CONSORTIUM: SeriesStyle = SeriesStyle {
        hue: Hue::Consortium,
        pattern: Pattern::Solid,
        thick: true,
    };

    pub const MEDIAN: SeriesStyle = SeriesStyle {
        hue: Hue::Consortium,
        pattern: Pattern::LongDashed,
        thick: false,
    };

    /// The `index`-th partner line's look (thin: `thick` is set for a selected one).
    pub fn partner(index: usize) -> SeriesStyle {
        let round = index / theme::PALETTE_LEN;
        SeriesStyle {
            hue: Hue::Palette(index % theme::PALETTE_LEN),
            pattern: PARTNER_PATTERNS[round % PARTNER_PATTERNS.len()],
            thick: false,
        }
    }

    /// The style in words, for screen readers and tests: "linea tratteggiata, colore blu".
    pub fn describe(self, lang: Lang, dark: bool) -> String {
        let mut pattern = tr(lang, self.pattern.key()).into_owned();
        if self.thick {
            pattern = tr_args(
                lang,
                "overview.adoption.style.thick",
                &[("pattern", &pattern)],
            );
        }
        let colour = tr(lang, &self.hue.key(dark));
        tr_args(
            lang,
            "overview.adoption.style.line",
            &[("pattern", &pattern), ("colour", &colour)],
        )
    }
}

/// Paints a stretch of line from `from` to `to` the way the plot draws the series, for the
/// legend's swatches.
pub fn paint_swatch(painter: &Painter, from: Pos2, to: Pos2, pattern: Pattern, stroke: Stroke) {
    let points = [from, to];
    match pattern {
        Pattern::Solid => {
            painter.line_segment(points, stroke);
        }
        Pattern::Dashed | Pattern::LongDashed => {
            let dash = if pattern == Pattern::Dashed {
                5.0
            } else {
                10.0
            };
            // egui_plot's gaps: the dash times the golden ratio's fraction.
            let gap = dash * (std::f32::consts::GOLDEN_RATIO - 1.0);
            painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
        }
        Pattern::Dotted => {
            painter.extend(Shape::dotted_line(&points, stroke.color, 5.0, stroke.width));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::overview::adoption_series::MAX_HIGHLIGHTED;

    #[test]
    fn no_two_series_of_a_plot_share_colour_and_pattern() {
        let mut styles = vec![SeriesStyle::CONSORTIUM, SeriesStyle::MEDIAN];
        styles.extend((0..MAX_HIGHLIGHTED).map(SeriesStyle::partner));
        for (index, style) in styles.iter().enumerate() {
            for other in &styles[index + 1..] {
                assert!(
                    (style.hue, style.pattern) != (other.hue, other.pattern),
                    "{style:?} and {other:?} look alike"
                );
            }
        }
    }

    #[test]
    fn the_eighth_partner_is_dashed_where_the_first_is_solid() {
        // The demo's Alba and Saluzzo: the same blue.
        let (alba, saluzzo) = (SeriesStyle::partner(0), SeriesStyle::partner(7));
        assert_eq!(alba.hue, saluzzo.hue);
        assert_ne!(alba.pattern, saluzzo.pattern);
        assert_ne!(
            alba.describe(Lang::En, false),
            saluzzo.describe(Lang::En, false)
        );
        assert_eq!(saluzzo.describe(Lang::En, false), "dashed line, blue");
        assert_eq!(
            SeriesStyle::CONSORTIUM.describe(Lang::It, true),
            "linea continua spessa, colore bianco"
        );
    }
}
