//! Smart workers as a share of smartable staff, month by month: the consortium's thick line
//! and each Comune's (or, beyond a handful of Comuni, the P10–P90 band across them), every
//! line named at its end.

use egui::{Painter, Rect};

use super::SlideInputs;
use super::chart::{BandSeries, Chart, Series, month_span, percent_axis_top};
use super::look::{Look, SERIES_LINE};
use crate::i18n::{format, tr};

/// Beyond this many Comuni the slide draws their band, not their lines: a room reads no
/// more lines than there are colours.
pub(super) const MAX_LINES: usize = 6;

/// `through`: the last month drawn while the show reveals the months one by one; `None`
/// draws them all.
pub(super) fn draw(
    painter: &Painter,
    rect: Rect,
    inputs: &SlideInputs,
    look: &Look,
    through: Option<usize>,
) {
    let dashboard = inputs.dashboard;
    let until = |values: &[Option<f64>]| -> usize {
        through.map_or(values.len(), |last| (last + 1).min(values.len()))
    };
    let adoption = &dashboard.adoption;
    let lang = inputs.lang;
    let mut series = Vec::new();
    let mut bands = Vec::new();
    let mut y_max: f64 = 10.0;
    if adoption.partners.len() <= MAX_LINES {
        for (i, id) in dashboard.partner_order.iter().enumerate() {
            let (Some(values), Some(partner)) =
                (adoption.partners.get(id), inputs.project.partners.get(id))
            else {
                continue;
            };
            y_max = y_max.max(max_of(values));
            series.push(Series {
                name: partner.name.clone(),
                values: &values[..until(values)],
                color: look.palette.series(i),
                width: SERIES_LINE - 1.0,
            });
        }
    } else {
        let values = adoption
            .band
            .iter()
            .take(through.map_or(usize::MAX, |last| last + 1))
            .map(|b| b.map(|b| (b.p10, b.p90)))
            .collect::<Vec<_>>();
        y_max = y_max.max(
            values
                .iter()
                .flatten()
                .map(|&(_, hi)| hi)
                .fold(0.0, f64::max),
        );
        bands.push(BandSeries {
            values,
            color: look.palette.band,
            name: Some(tr(lang, "slides.adoption.band").into_owned()),
        });
    }
    y_max = y_max.max(max_of(&adoption.consortium));
    series.push(Series {
        name: tr(lang, "slides.consortium").into_owned(),
        values: &adoption.consortium[..until(&adoption.consortium)],
        color: look.palette.consortium,
        width: SERIES_LINE + 2.0,
    });
    // The month revealed last while playing; otherwise the last observed month, unless it
    // is the last month drawn anyway.
    let marker = match through.and_then(|i| dashboard.months.get(i).map(|&m| (i, m))) {
        Some((i, month)) => Some((i, format::month(lang, month))),
        None => (dashboard.anything_observed && dashboard.months.last() != Some(&dashboard.as_of))
            .then(|| dashboard.months.iter().position(|&m| m == dashboard.as_of))
            .flatten()
            .map(|i| (i, format::month(lang, dashboard.as_of))),
    };
    let format_y = |v: f64| format::percent(lang, v, 0);
    let (first_label, last_label) = month_span(lang, &dashboard.months);
    let chart = Chart {
        months: dashboard.months.len(),
        y_max: percent_axis_top(y_max),
        format_y: &format_y,
        first_label,
        last_label,
        series,
        bands,
        marker,
    };
    chart.paint(painter, rect, look);
}

pub(super) fn max_of(values: &[Option<f64>]) -> f64 {
    values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}
