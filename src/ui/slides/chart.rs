//! A line chart for slides: months along x, a value up y, thick lines named by text at their
//! ends (not by a legend alone), an optional band. Painted directly: a slide has no
//! interaction and must look the same in the window and in an exported PNG.

use egui::{Align2, Color32, Painter, Pos2, Rect, Shape, Stroke, pos2};

use super::look::Look;
use crate::i18n::{Lang, format};
use crate::model::Month;

pub struct Series<'a> {
    pub name: String,
    pub values: &'a [Option<f64>],
    pub color: Color32,
    pub width: f32,
}

pub struct BandSeries {
    /// (low, high) per month.
    pub values: Vec<Option<(f64, f64)>>,
    pub color: Color32,
    /// Written beside the band's end, when the band stands for something of its own.
    pub name: Option<String>,
}

pub struct Chart<'a> {
    pub months: usize,
    pub y_max: f64,
    /// Written at the top of the y axis, and at each tick.
    pub format_y: &'a dyn Fn(f64) -> String,
    /// The first and last month's names, under the x axis.
    pub first_label: String,
    pub last_label: String,
    pub series: Vec<Series<'a>>,
    pub bands: Vec<BandSeries>,
    /// A vertical marker (e.g. the last observed month), with its label.
    pub marker: Option<(usize, String)>,
}

/// The first and last month's names for under the x axis; empty when there are no months.
pub fn month_span(lang: Lang, months: &[Month]) -> (String, String) {
    let name = |month: Option<&Month>| month.map(|&m| format::month(lang, m)).unwrap_or_default();
    (name(months.first()), name(months.last()))
}

/// The top of a percentage axis: the next multiple of 20 points, so ticks fall on round values.
pub fn percent_axis_top(highest: f64) -> f64 {
    (highest / 20.0).ceil() * 20.0
}

impl Chart<'_> {
    /// Room right of the plot for the line-end labels: the widest label, at most 40% of the
    /// chart (longer names are cut there).
    fn label_room(&self, painter: &Painter, rect: Rect, look: &Look) -> f32 {
        let names = self
            .series
            .iter()
            .map(|s| s.name.clone())
            .chain(self.bands.iter().filter_map(|b| b.name.clone()));
        let widest = names
            .map(|name| {
                painter
                    .layout_no_wrap(name, look.small(), look.palette.text)
                    .size()
                    .x
            })
            .fold(0.0, f32::max);
        (widest + look.px(80.0)).min(rect.width() * 0.4)
    }

    pub fn paint(&self, painter: &Painter, rect: Rect, look: &Look) {
        let palette = look.palette;
        let small = look.small();
        let left = rect.left() + look.px(140.0);
        let room = self.label_room(painter, rect, look);
        let plot = Rect::from_min_max(
            pos2(left, rect.top() + look.px(20.0)),
            pos2(rect.right() - room, rect.bottom() - look.px(60.0)),
        );
        if plot.width() <= 0.0 || plot.height() <= 0.0 || self.months == 0 {
            return;
        }
        let y_max = if self.y_max > 0.0 { self.y_max } else { 1.0 };
        let x_of = |i: usize| {
            let span = (self.months.max(2) - 1) as f32;
            plot.left() + plot.width() * i as f32 / span
        };
        let y_of = |v: f64| plot.bottom() - plot.height() * (v / y_max).clamp(0.0, 1.0) as f32;

        let axis = Stroke::new(look.thin(), palette.axis);
        for tick in 0..=4 {
            let value = y_max * f64::from(tick) / 4.0;
            let y = y_of(value);
            let grid = Stroke::new(look.px(1.5).max(1.0), palette.axis.gamma_multiply(0.5));
            if tick > 0 {
                painter.line_segment([pos2(plot.left(), y), pos2(plot.right(), y)], grid);
            }
            painter.text(
                pos2(plot.left() - look.px(16.0), y),
                Align2::RIGHT_CENTER,
                (self.format_y)(value),
                small.clone(),
                palette.weak_text,
            );
        }
        painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis);
        painter.line_segment([plot.left_bottom(), plot.left_top()], axis);
        painter.text(
            pos2(plot.left(), plot.bottom() + look.px(10.0)),
            Align2::LEFT_TOP,
            &self.first_label,
            small.clone(),
            palette.weak_text,
        );
        painter.text(
            pos2(plot.right(), plot.bottom() + look.px(10.0)),
            Align2::RIGHT_TOP,
            &self.last_label,
            small.clone(),
            palette.weak_text,
        );
        if let Some((month, label)) = &self.marker {
            let x = x_of(*month);
            painter.line_segment(
                [pos2(x, plot.top()), pos2(x, plot.bottom())],
                Stroke::new(look.thin(), palette.axis),
            );
            painter.text(
                pos2(x - look.px(10.0), plot.top()),
                Align2::RIGHT_TOP,
                label,
                small.clone(),
                palette.weak_text,
            );
        }

        let mut ends: Vec<(Pos2, String, Color32, f32)> = Vec::new();
        for band in &self.bands {
            paint_band(painter, band, &x_of, &y_of);
            let last = band
                .values
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, v)| v.map(|(lo, hi)| (i, (lo + hi) / 2.0)));
            if let (Some(name), Some((i, mid))) = (&band.name, last) {
                ends.push((pos2(x_of(i), y_of(mid)), name.clone(), band.color, 12.0));
            }
        }
        for series in &self.series {
            let mut run: Vec<Pos2> = Vec::new();
            let mut last = None;
            for (i, value) in series.values.iter().enumerate() {
                match value {
                    Some(v) if v.is_finite() => {
                        let point = pos2(x_of(i), y_of(*v));
                        run.push(point);
                        last = Some(point);
                    }
                    _ => flush(painter, &mut run, series.color, look.px(series.width)),
                }
            }
            flush(painter, &mut run, series.color, look.px(series.width));
            if let Some(point) = last {
                ends.push((point, series.name.clone(), series.color, series.width));
            }
        }
        paint_end_labels(painter, &mut ends, plot, rect.right(), look);
    }
}

/// Names at the lines' ends, in text colour after a swatch of the line's colour, moved apart
/// vertically so none covers another, cut at the chart's right edge.
fn paint_end_labels(
    painter: &Painter,
    ends: &mut [(Pos2, String, Color32, f32)],
    plot: Rect,
    right: f32,
    look: &Look,
) {
    ends.sort_by(|a, b| a.0.y.total_cmp(&b.0.y));
    let spacing = look.px(40.0);
    let mut next_free = f32::NEG_INFINITY;
    let x = plot.right() + look.px(18.0);
    for (point, name, color, width) in ends.iter() {
        let y = point.y.max(next_free);
        next_free = y + spacing;
        painter.line_segment(
            [pos2(x, y), pos2(x + look.px(36.0), y)],
            Stroke::new(look.px(*width), *color),
        );
        let left = x + look.px(46.0);
        let mut job =
            egui::text::LayoutJob::simple_singleline(name.clone(), look.small(), look.palette.text);
        job.wrap.max_width = (right - left).max(1.0);
        job.wrap.max_rows = 1;
        let galley = painter.layout_job(job);
        painter.galley(
            pos2(left, y - galley.size().y / 2.0),
            galley,
            look.palette.text,
        );
    }
}

fn flush(painter: &Painter, run: &mut Vec<Pos2>, color: Color32, width: f32) {
    match run.len() {
        0 => {}
        1 => {
            painter.circle_filled(run[0], width, color);
        }
        _ => {
            painter.add(Shape::line(std::mem::take(run), Stroke::new(width, color)));
        }
    }
    run.clear();
}

fn paint_band(
    painter: &Painter,
    band: &BandSeries,
    x_of: &dyn Fn(usize) -> f32,
    y_of: &dyn Fn(f64) -> f32,
) {
    // One quad per pair of months: a band with gaps stays correct and never self-intersects.
    for i in 1..band.values.len() {
        if let (Some((lo0, hi0)), Some((lo1, hi1))) = (band.values[i - 1], band.values[i]) {
            let quad = vec![
                pos2(x_of(i - 1), y_of(hi0)),
                pos2(x_of(i), y_of(hi1)),
                pos2(x_of(i), y_of(lo1)),
                pos2(x_of(i - 1), y_of(lo0)),
            ];
            painter.add(Shape::convex_polygon(quad, band.color, Stroke::NONE));
        }
    }
}

/// One bar of a bar list: a name, a share 0–1 (`None`: nothing to measure yet) and the text
/// written after the bar.
pub struct Bar {
    pub name: String,
    pub share: Option<f64>,
    pub value: String,
}

/// Horizontal bars, one row each: the name, the bar, its value in text (never the bar alone).
pub fn paint_bars(painter: &Painter, rect: Rect, bars: &[Bar], color: Color32, look: &Look) {
    if bars.is_empty() {
        return;
    }
    let palette = look.palette;
    let row = (rect.height() / bars.len() as f32).min(look.px(76.0));
    let name_width = rect.width() * 0.38;
    let value_width = look.px(150.0);
    let bar_left = rect.left() + name_width;
    let bar_width = (rect.width() - name_width - value_width).max(0.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = rect.top() + row * (i as f32 + 0.5);
        let name = painter.layout_no_wrap(bar.name.clone(), look.small(), palette.text);
        // Long names are cut with an ellipsis rather than run into the bar.
        let name = if name.size().x > name_width - look.px(16.0) {
            let mut job = egui::text::LayoutJob::simple_singleline(
                bar.name.clone(),
                look.small(),
                palette.text,
            );
            job.wrap.max_width = name_width - look.px(16.0);
            job.wrap.max_rows = 1;
            job.wrap.break_anywhere = true;
            painter.layout_job(job)
        } else {
            name
        };
        painter.galley(
            pos2(rect.left(), y - name.size().y / 2.0),
            name,
            palette.text,
        );
        let track = Rect::from_min_size(
            pos2(bar_left, y - row * 0.28),
            egui::vec2(bar_width, row * 0.56),
        );
        painter.rect_filled(track, look.px(6.0), palette.card);
        if let Some(share) = bar.share.filter(|s| s.is_finite()) {
            let mut filled = track;
            filled.set_width(bar_width * share.clamp(0.0, 1.0) as f32);
            painter.rect_filled(filled, look.px(6.0), color);
        }
        painter.text(
            pos2(rect.right(), y),
            Align2::RIGHT_CENTER,
            &bar.value,
            look.small(),
            palette.text,
        );
    }
}
