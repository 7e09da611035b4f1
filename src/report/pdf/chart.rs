//! A chart description drawn as vector shapes: the same geometry, series colours, P10–P90
//! bands, axes and labels as the DOCX's PNG (`chart_png`), laid out on its 1600-unit-wide
//! canvas and scaled to the page, so both documents show the same picture.

use std::ops::Range;

use egui::epaint::{PathShape, PathStroke};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2, vec2};
use image::Rgb;

use super::typeset::Typesetter;
use crate::i18n::{Lang, format};
use crate::model::Month;
use crate::report::chart_png::{
    AXIS, BAND_ALPHA, BAR_ROW, GRID, LABEL_CHARS, SERIES, TEXT, value_label,
};
use crate::report::chart_scale::LineScale;
use crate::report::{CHART_HEIGHT, CHART_WIDTH, Chart, Series};

/// Label size on the 1600-unit canvas: about 9.5 points on a 16 cm wide chart.
const FONT: f32 = 32.0;

/// The height a chart takes drawn `width` points wide, showing `bars` of its bars if it is a
/// bar chart.
pub fn height(chart: &Chart, bars: usize, width: f32) -> f32 {
    let units = match chart {
        Chart::Lines { .. } => CHART_HEIGHT,
        Chart::Bars { .. } => bars_height(bars),
    };
    units as f32 * width / CHART_WIDTH as f32
}

fn bars_height(count: usize) -> u32 {
    90 + BAR_ROW * count.max(1) as u32 + 30
}

/// The chart's shapes inside `rect` (as wide as asked of `height`); a bar chart shows the bars
/// in `shown`, on the scale and label width of all its bars, so its parts line up.
pub fn shapes(
    typesetter: &mut Typesetter,
    chart: &Chart,
    shown: Range<usize>,
    rect: Rect,
    lang: Lang,
) -> Vec<Shape> {
    let mut canvas = Canvas {
        typesetter,
        origin: rect.min,
        scale: rect.width() / CHART_WIDTH as f32,
        shapes: Vec::new(),
    };
    match chart {
        Chart::Lines {
            y_label,
            percent,
            series,
        } => lines(&mut canvas, series, y_label, *percent, lang),
        Chart::Bars {
            y_label,
            percent,
            bars,
        } => horizontal_bars(&mut canvas, bars, shown, y_label, *percent, lang),
    }
    canvas.shapes
}

/// Draws in the PNG's units (origin top left, 1600 wide), scaled onto the page.
struct Canvas<'a> {
    typesetter: &'a mut Typesetter,
    origin: Pos2,
    scale: f32,
    shapes: Vec<Shape>,
}

impl Canvas<'_> {
    fn at(&self, x: f32, y: f32) -> Pos2 {
        self.origin + vec2(x, y) * self.scale
    }

    fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, colour: Color32) {
        let rect = Rect::from_two_pos(self.at(x0, y0), self.at(x1, y1));
        self.shapes.push(Shape::rect_filled(rect, 0.0, colour));
    }

    fn line(&mut self, points: Vec<Pos2>, width: f32, colour: Color32, dash: Option<(f32, f32)>) {
        let points: Vec<Pos2> = points.into_iter().map(|p| self.at(p.x, p.y)).collect();
        let stroke = Stroke::new(width * self.scale, colour);
        match dash {
            Some((on, off)) => self.shapes.extend(Shape::dashed_line(
                &points,
                stroke,
                on * self.scale,
                off * self.scale,
            )),
            None => self
                .shapes
                .push(Shape::Path(PathShape::line(points, stroke))),
        }
    }

    /// A closed area, not necessarily convex (a band): the PDF fills it as a path.
    fn area(&mut self, points: Vec<Pos2>, colour: Color32) {
        let points = points.into_iter().map(|p| self.at(p.x, p.y)).collect();
        self.shapes.push(Shape::Path(PathShape {
            points,
            closed: true,
            fill: colour,
            stroke: PathStroke::NONE,
        }));
    }

    fn text_width(&mut self, text: &str) -> f32 {
        self.typesetter.width(text, FONT * self.scale) / self.scale
    }

    /// Text with its left edge at `x` and its baseline near `y`, as `chart_png` places it.
    fn text(&mut self, text: &str, x: f32, y: f32) {
        let size = FONT * self.scale;
        let galley = self
            .typesetter
            .text(text, size, colour(TEXT), f32::INFINITY);
        let top = self.at(x, y) - vec2(0.0, size * 0.95);
        self.shapes.push(Shape::galley(top, galley, colour(TEXT)));
    }

    fn text_right(&mut self, text: &str, right: f32, y: f32) {
        let width = self.text_width(text);
        self.text(text, right - width, y);
    }

    fn text_centred(&mut self, text: &str, centre: f32, y: f32) {
        let width = self.text_width(text);
        self.text(text, centre - width / 2.0, y);
    }
}

fn colour(rgb: Rgb<u8>) -> Color32 {
    Color32::from_rgb(rgb.0[0], rgb.0[1], rgb.0[2])
}

fn series_colour(index: usize) -> Color32 {
    let [r, g, b] = SERIES[index % SERIES.len()];
    Color32::from_rgb(r, g, b)
}

fn band_colour(index: usize) -> Color32 {
    series_colour(index).gamma_multiply(BAND_ALPHA)
}

fn lines(canvas: &mut Canvas, series: &[Series], y_label: &str, percent: bool, lang: Lang) {
    let Some(scale) = LineScale::of(series) else {
        canvas.text(y_label, 20.0, 50.0);
        return;
    };
    let LineScale {
        first,
        last,
        step,
        top_value,
        left,
        right,
        bottom,
        span,
        ..
    } = scale;
    let x_of = |m: Month| scale.x(m);
    let y_of = |v: f64| scale.y(v);

    canvas.text(y_label, 20.0, 40.0);
    let mut v = 0.0;
    while v <= top_value + step / 2.0 {
        let y = y_of(v);
        canvas.rect(left, y - 1.0, right, y + 1.0, colour(GRID));
        canvas.text_right(&value_label(v, percent, lang), left - 14.0, y + 10.0);
        v += step;
    }
    canvas.rect(left, bottom - 1.0, right, bottom + 2.0, colour(AXIS));
    let every = (span as i32 / 6).max(1);
    let mut m = first;
    while m <= last {
        let x = x_of(m);
        canvas.rect(x - 1.0, bottom, x + 1.0, bottom + 10.0, colour(AXIS));
        canvas.text_centred(&format::month(lang, m), x, bottom + 44.0);
        m = m.plus(every);
    }
    for s in series {
        if s.band.len() >= 2 {
            let upper = s.band.iter().map(|b| pos2(x_of(b.0), y_of(b.2)));
            let lower = s.band.iter().rev().map(|b| pos2(x_of(b.0), y_of(b.1)));
            canvas.area(upper.chain(lower).collect(), band_colour(s.colour));
        }
    }
    for s in series {
        let points: Vec<Pos2> = s
            .points
            .iter()
            .map(|p| pos2(x_of(p.0), y_of(p.1)))
            .collect();
        match points.as_slice() {
            [] => {}
            [only] => {
                let dot = Rect::from_center_size(*only, vec2(10.0, 10.0));
                canvas.rect(
                    dot.min.x,
                    dot.min.y,
                    dot.max.x,
                    dot.max.y,
                    series_colour(s.colour),
                );
            }
            _ => canvas.line(
                points,
                5.0,
                series_colour(s.colour),
                s.dashed.then_some((22.0, 14.0)),
            ),
        }
    }
    legend(canvas, series, right);
}

/// The series names at the top right, each after a short sample of its line; a band is
/// named "P10–P90" after a sample of its fill.
fn legend(canvas: &mut Canvas, series: &[Series], right: f32) {
    let mut x = right;
    let y = 80.0;
    for s in series.iter().rev() {
        if !s.band.is_empty() {
            let label = "P10–P90";
            x -= canvas.text_width(label);
            canvas.text(label, x, y);
            x -= 54.0;
            canvas.rect(x, y - 24.0, x + 44.0, y + 4.0, band_colour(s.colour));
            x -= 40.0;
        }
        x -= canvas.text_width(&s.name);
        canvas.text(&s.name, x, y);
        x -= 64.0;
        canvas.line(
            vec![pos2(x, y - 10.0), pos2(x + 52.0, y - 10.0)],
            5.0,
            series_colour(s.colour),
            s.dashed.then_some((16.0, 10.0)),
        );
        x -= 40.0;
    }
}

fn horizontal_bars(
    canvas: &mut Canvas,
    bars: &[(String, f64)],
    shown: Range<usize>,
    y_label: &str,
    percent: bool,
    lang: Lang,
) {
    canvas.text(y_label, 20.0, 40.0);
    let labels: Vec<String> = bars
        .iter()
        .map(|(label, _)| {
            if label.chars().count() > LABEL_CHARS {
                let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                label.clone()
            }
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|l| canvas.text_width(l))
        .fold(0.0_f32, f32::max);
    let left = 30.0 + label_width + 20.0;
    let right = CHART_WIDTH as f32 - 150.0;
    let max = bars
        .iter()
        .map(|b| b.1)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let full = if percent {
        max.max(1.0)
    } else {
        max.max(f64::MIN_POSITIVE)
    };
    let row = BAR_ROW as f32;
    let shown = bars.iter().zip(&labels).skip(shown.start).take(shown.len());
    for (i, ((_, value), label)) in shown.enumerate() {
        let y = 90.0 + row * i as f32;
        canvas.text_right(label, left - 20.0, y + 40.0);
        let share = if value.is_finite() { value / full } else { 0.0 };
        let end = left + (right - left) * share.clamp(0.0, 1.0) as f32;
        canvas.rect(
            left,
            y + 12.0,
            right,
            y + row - 12.0,
            colour(GRID).gamma_multiply(0.5),
        );
        canvas.rect(left, y + 12.0, end, y + row - 12.0, series_colour(0));
        canvas.text(&value_label(*value, percent, lang), end + 12.0, y + 42.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_chart_grows_with_its_bars_and_a_line_chart_keeps_the_png_proportions() {
        let bars = |n: usize| Chart::Bars {
            y_label: "y".into(),
            percent: true,
            bars: (0..n).map(|i| (format!("b{i}"), 0.5)).collect(),
        };
        assert!(height(&bars(10), 10, 480.0) > height(&bars(2), 2, 480.0));
        let lines = Chart::Lines {
            y_label: "y".into(),
            percent: true,
            series: Vec::new(),
        };
        assert_eq!(height(&lines, 0, 480.0), 240.0);
    }
}
