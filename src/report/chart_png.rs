//! A chart description drawn into a PNG for the DOCX: lines over months with their
//! P10–P90 bands, or horizontal bars. Drawn by hand into an `image` buffer with text from
//! `ab_glyph` (both already in the tree for the window), in the dashboard's series colours.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use image::{Rgb, RgbImage};

use super::chart_scale::LineScale;
use super::{Chart, Series};
use crate::i18n::{Lang, format};
use crate::model::Month;

/// Pixels of a lines chart, drawn at twice the size it is shown so print stays sharp.
pub const CHART_WIDTH: u32 = 1600;
pub const CHART_HEIGHT: u32 = 800;
/// Height of one bar's row in a bar chart.
pub(super) const BAR_ROW: u32 = 64;

/// The dashboard's series colours (Okabe–Ito, as ui/theme.rs draws lines and fills).
pub(super) const SERIES: [[u8; 3]; 7] = [
    [0x00, 0x72, 0xB2],
    [0xE6, 0x9F, 0x00],
    [0x00, 0x9E, 0x73],
    [0xD5, 0x5E, 0x00],
    [0xCC, 0x79, 0xA7],
    [0x56, 0xB4, 0xE9],
    [0xF0, 0xE4, 0x42],
];
const BACKGROUND: Rgb<u8> = Rgb([255, 255, 255]);
/// Text on white at 12.6:1.
pub(super) const TEXT: Rgb<u8> = Rgb([0x33, 0x33, 0x33]);
pub(super) const GRID: Rgb<u8> = Rgb([0xDD, 0xDD, 0xDD]);
pub(super) const AXIS: Rgb<u8> = Rgb([0x66, 0x66, 0x66]);
/// About 9.5 pt once the chart is shown 16 cm wide.
const FONT_PX: f32 = 34.0;
pub(super) const BAND_ALPHA: f32 = 0.22;

/// The chart as PNG bytes, with its width and height in pixels.
pub fn render_chart(chart: &Chart, lang: Lang) -> (Vec<u8>, u32, u32) {
    let image = match chart {
        Chart::Lines {
            y_label,
            percent,
            series,
        } => lines(series, y_label, *percent, lang),
        Chart::Bars {
            y_label,
            percent,
            bars,
        } => horizontal_bars(bars, y_label, *percent, lang),
    };
    let (width, height) = image.dimensions();
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("a PNG of an RGB buffer encodes into memory");
    (png, width, height)
}

struct Canvas {
    image: RgbImage,
    font: FontRef<'static>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            image: RgbImage::from_pixel(width, height, BACKGROUND),
            font: FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT)
                .expect("egui's bundled font parses"),
        }
    }

    fn blend(&mut self, x: i64, y: i64, colour: Rgb<u8>, alpha: f32) {
        let (w, h) = self.image.dimensions();
        if x < 0 || y < 0 || x >= i64::from(w) || y >= i64::from(h) {
            return;
        }
        let pixel = self.image.get_pixel_mut(x as u32, y as u32);
        for c in 0..3 {
            let v = f32::from(pixel.0[c]) * (1.0 - alpha) + f32::from(colour.0[c]) * alpha;
            pixel.0[c] = v.round().clamp(0.0, 255.0) as u8;
        }
    }

    fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, colour: Rgb<u8>, alpha: f32) {
        for y in y0.round() as i64..y1.round() as i64 {
            for x in x0.round() as i64..x1.round() as i64 {
                self.blend(x, y, colour, alpha);
            }
        }
    }

    /// A round-capped line `width` pixels wide; `dash` gives on/off lengths.
    fn line(
        &mut self,
        a: (f32, f32),
        b: (f32, f32),
        width: f32,
        colour: Rgb<u8>,
        dash: Option<(f32, f32)>,
        offset: &mut f32,
    ) {
        let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let steps = length.ceil().max(1.0) as usize;
        let r = width / 2.0;
        for i in 0..=steps {
            let t = i as f32 / steps as f32;
            let travelled = *offset + t * length;
            if let Some((on, off)) = dash
                && travelled % (on + off) > on
            {
                continue;
            }
            let (cx, cy) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            for y in (cy - r).floor() as i64..=(cy + r).ceil() as i64 {
                for x in (cx - r).floor() as i64..=(cx + r).ceil() as i64 {
                    let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
                    let coverage = (r + 0.5 - d).clamp(0.0, 1.0);
                    if coverage > 0.0 {
                        self.blend_max(x, y, colour, coverage);
                    }
                }
            }
        }
        *offset += length;
    }

    /// Like `blend`, but a pixel already darker toward `colour` is left alone, so the
    /// overlapping stamps of a thick line do not darken its edges.
    fn blend_max(&mut self, x: i64, y: i64, colour: Rgb<u8>, alpha: f32) {
        let (w, h) = self.image.dimensions();
        if x < 0 || y < 0 || x >= i64::from(w) || y >= i64::from(h) {
            return;
        }
        let pixel = self.image.get_pixel_mut(x as u32, y as u32);
        for c in 0..3 {
            let target =
                f32::from(BACKGROUND.0[c]) * (1.0 - alpha) + f32::from(colour.0[c]) * alpha;
            let now = f32::from(pixel.0[c]);
            let towards_colour = (target - now) * (f32::from(colour.0[c]) - now) > 0.0;
            if towards_colour {
                pixel.0[c] = target.round().clamp(0.0, 255.0) as u8;
            }
        }
    }

    fn text_width(&self, text: &str, px: f32) -> f32 {
        let font = self.font.as_scaled(PxScale::from(px));
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                width += font.kern(p, id);
            }
            width += font.h_advance(id);
            previous = Some(id);
        }
        width
    }

    /// Text with its left edge at `x` and its baseline at `y`.
    fn text(&mut self, text: &str, x: f32, y: f32, px: f32, colour: Rgb<u8>) {
        let font = self.font.as_scaled(PxScale::from(px));
        let mut caret = x;
        let mut previous = None;
        let mut outlines = Vec::new();
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                caret += font.kern(p, id);
            }
            let glyph = id.with_scale_and_position(px, point(caret, y));
            caret += font.h_advance(id);
            previous = Some(id);
            if let Some(outline) = self.font.outline_glyph(glyph) {
                outlines.push(outline);
            }
        }
        for outline in outlines {
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                self.blend(
                    bounds.min.x as i64 + i64::from(gx),
                    bounds.min.y as i64 + i64::from(gy),
                    colour,
                    coverage.min(1.0),
                );
            });
        }
    }

    fn text_right(&mut self, text: &str, right: f32, y: f32, px: f32, colour: Rgb<u8>) {
        let width = self.text_width(text, px);
        self.text(text, right - width, y, px, colour);
    }

    fn text_centred(&mut self, text: &str, centre: f32, y: f32, px: f32, colour: Rgb<u8>) {
        let width = self.text_width(text, px);
        self.text(text, centre - width / 2.0, y, px, colour);
    }
}

fn colour(index: usize) -> Rgb<u8> {
    Rgb(SERIES[index % SERIES.len()])
}

/// A round step for about five grid lines up to `max`.
pub(super) fn nice_step(max: f64) -> f64 {
    let raw = (max / 5.0).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    let scaled = raw / magnitude;
    let nice = if scaled <= 1.0 {
        1.0
    } else if scaled <= 2.0 {
        2.0
    } else if scaled <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

pub(super) fn value_label(value: f64, percent: bool, lang: Lang) -> String {
    if percent {
        format::percent(lang, value * 100.0, 0)
    } else {
        format::decimal(lang, value, 0)
    }
}

fn lines(series: &[Series], y_label: &str, percent: bool, lang: Lang) -> RgbImage {
    let mut canvas = Canvas::new(CHART_WIDTH, CHART_HEIGHT);
    let Some(scale) = LineScale::of(series) else {
        canvas.text(y_label, 20.0, 50.0, FONT_PX, TEXT);
        return canvas.image;
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

    canvas.text(y_label, 20.0, 40.0, FONT_PX, TEXT);
    let mut v = 0.0;
    while v <= top_value + step / 2.0 {
        let y = y_of(v);
        canvas.rect(left, y - 1.0, right, y + 1.0, GRID, 1.0);
        canvas.text_right(
            &value_label(v, percent, lang),
            left - 14.0,
            y + 10.0,
            FONT_PX,
            TEXT,
        );
        v += step;
    }
    canvas.rect(left, bottom - 1.0, right, bottom + 2.0, AXIS, 1.0);
    let every = (span as i32 / 6).max(1);
    let mut m = first;
    while m <= last {
        let x = x_of(m);
        canvas.rect(x - 1.0, bottom, x + 1.0, bottom + 10.0, AXIS, 1.0);
        canvas.text_centred(&format::month(lang, m), x, bottom + 44.0, FONT_PX, TEXT);
        m = m.plus(every);
    }
    for s in series {
        let c = colour(s.colour);
        for pair in s.band.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (xa, xb) = (x_of(a.0), x_of(b.0));
            for x in xa.round() as i64..xb.round() as i64 {
                let t = (x as f32 - xa) / (xb - xa).max(1.0);
                let low = a.1 + (b.1 - a.1) * f64::from(t);
                let high = a.2 + (b.2 - a.2) * f64::from(t);
                canvas.rect(
                    x as f32,
                    y_of(high),
                    x as f32 + 1.0,
                    y_of(low),
                    c,
                    BAND_ALPHA,
                );
            }
        }
    }
    for s in series {
        let mut offset = 0.0;
        let dash = s.dashed.then_some((22.0, 14.0));
        for pair in s.points.windows(2) {
            let a = (x_of(pair[0].0), y_of(pair[0].1));
            let b = (x_of(pair[1].0), y_of(pair[1].1));
            canvas.line(a, b, 5.0, colour(s.colour), dash, &mut offset);
        }
        if let [only] = s.points.as_slice() {
            let p = (x_of(only.0), y_of(only.1));
            canvas.line(p, p, 10.0, colour(s.colour), None, &mut offset);
        }
    }
    legend(&mut canvas, series, right);
    canvas.image
}

/// The series names at the top right, each after a short sample of its line; a band is
/// named "P10–P90" after a sample of its fill.
fn legend(canvas: &mut Canvas, series: &[Series], right: f32) {
    let mut x = right;
    let y = 80.0;
    for s in series.iter().rev() {
        let c = colour(s.colour);
        if !s.band.is_empty() {
            let label = "P10–P90";
            let width = canvas.text_width(label, FONT_PX);
            x -= width;
            canvas.text(label, x, y, FONT_PX, TEXT);
            x -= 54.0;
            canvas.rect(x, y - 24.0, x + 44.0, y + 4.0, c, BAND_ALPHA);
            x -= 40.0;
        }
        let width = canvas.text_width(&s.name, FONT_PX);
        x -= width;
        canvas.text(&s.name, x, y, FONT_PX, TEXT);
        x -= 64.0;
        let mut offset = 0.0;
        let dash = s.dashed.then_some((16.0, 10.0));
        canvas.line(
            (x, y - 10.0),
            (x + 52.0, y - 10.0),
            5.0,
            c,
            dash,
            &mut offset,
        );
        x -= 40.0;
    }
}

/// Longest bar label drawn; longer ones end with an ellipsis (the table beside has them whole).
pub(super) const LABEL_CHARS: usize = 38;

fn horizontal_bars(bars: &[(String, f64)], y_label: &str, percent: bool, lang: Lang) -> RgbImage {
    let height = 90 + BAR_ROW * bars.len().max(1) as u32 + 30;
    let mut canvas = Canvas::new(CHART_WIDTH, height);
    canvas.text(y_label, 20.0, 40.0, FONT_PX, TEXT);
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
        .map(|l| canvas.text_width(l, FONT_PX))
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
    for (i, ((_, value), label)) in bars.iter().zip(&labels).enumerate() {
        let y = 90.0 + (BAR_ROW * i as u32) as f32;
        canvas.text_right(label, left - 20.0, y + 40.0, FONT_PX, TEXT);
        let end = left + (right - left) * (value / full).clamp(0.0, 1.0) as f32;
        canvas.rect(left, y + 12.0, right, y + BAR_ROW as f32 - 12.0, GRID, 0.5);
        canvas.rect(
            left,
            y + 12.0,
            end,
            y + BAR_ROW as f32 - 12.0,
            colour(0),
            1.0,
        );
        canvas.text(
            &value_label(*value, percent, lang),
            end + 12.0,
            y + 42.0,
            FONT_PX,
            TEXT,
        );
    }
    canvas.image
}
