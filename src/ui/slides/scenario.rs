//! One scenario against the baseline: the consortium's projected smart workers of both, with
//! their P10–P90 bands, and the comparison figures in words.

use egui::{Align2, Painter, Rect, pos2};

use super::SlideInputs;
use super::chart::{BandSeries, Chart, Series, month_span};
use super::look::{Look, SERIES_LINE};
use crate::analysis::projection::Projection;
use crate::i18n::{format, tr, tr_args};
use crate::model::ScenarioId;

pub(super) fn draw(
    painter: &Painter,
    rect: Rect,
    inputs: &SlideInputs,
    look: &Look,
    id: &ScenarioId,
) {
    let lang = inputs.lang;
    let palette = look.palette;
    let Some(scenario) = inputs.project.scenarios.get(id) else {
        return;
    };
    let figures = inputs
        .figures
        .filter(|f| f.scenario_id.as_ref() == Some(id))
        .and_then(|f| Some((f, f.scenario.as_ref()?)));
    let Some((figures, projection)) = figures else {
        painter.text(
            rect.left_top(),
            Align2::LEFT_TOP,
            tr(lang, "slides.scenario.computing"),
            look.body(),
            palette.weak_text,
        );
        return;
    };
    let mut top = rect.top();
    if !scenario.description.is_empty() {
        top += super::paragraph(
            painter,
            rect.left_top(),
            scenario.description.clone(),
            look.small(),
            palette.weak_text,
            rect.width(),
        ) + look.px(20.0);
    }
    let chart_rect = Rect::from_min_max(
        pos2(rect.left(), top),
        pos2(rect.left() + rect.width() * 0.64, rect.bottom()),
    );
    let baseline = &figures.baseline;
    let medians = |p: &Projection| p.consortium.iter().map(|q| Some(q.p50)).collect::<Vec<_>>();
    let bands = |p: &Projection| {
        p.consortium
            .iter()
            .map(|q| Some((q.p10, q.p90)))
            .collect::<Vec<_>>()
    };
    let base_line = medians(baseline);
    let scenario_line = medians(projection);
    let y_max = baseline
        .consortium
        .iter()
        .chain(&projection.consortium)
        .map(|q| q.p90)
        .filter(|v| v.is_finite())
        .fold(10.0, f64::max);
    let step = nice_step(y_max);
    let format_y = |v: f64| format::integer(lang, v.round() as i64);
    let (first_label, last_label) = month_span(lang, &projection.months);
    let chart = Chart {
        months: projection.months.len(),
        y_max: step * 4.0,
        format_y: &format_y,
        first_label,
        last_label,
        series: vec![
            Series {
                name: tr(lang, "slides.scenario.baseline").into_owned(),
                values: &base_line,
                color: palette.consortium,
                width: SERIES_LINE,
            },
            Series {
                // The title names the scenario; the line says which it is in a word.
                name: tr(lang, "slides.scenario.line").into_owned(),
                values: &scenario_line,
                color: palette.series(1),
                width: SERIES_LINE + 1.0,
            },
        ],
        bands: vec![
            BandSeries {
                values: bands(baseline),
                color: palette.band,
                name: None,
            },
            BandSeries {
                values: bands(projection),
                color: palette.series(1).gamma_multiply(0.3),
                name: None,
            },
        ],
        marker: None,
    };
    chart.paint(painter, chart_rect, look);

    let list_left = chart_rect.right() + look.px(40.0);
    let mut y = top;
    painter.text(
        pos2(list_left, y),
        Align2::LEFT_TOP,
        tr(lang, "slides.scenario.smart_workers_in"),
        look.body(),
        palette.weak_text,
    );
    y += look.px(56.0);
    if let Some(comparison) = &figures.comparison {
        for month in &comparison.months {
            let base = month.adopters.baseline.p50;
            let other = month.adopters.scenario.p50;
            let change = format::signed(lang, other - base, 0);
            painter.text(
                pos2(list_left, y),
                Align2::LEFT_TOP,
                format::month(lang, month.month),
                look.small(),
                palette.weak_text,
            );
            painter.text(
                pos2(list_left, y + look.px(36.0)),
                Align2::LEFT_TOP,
                tr_args(
                    lang,
                    "slides.scenario.versus",
                    &[
                        ("scenario", &format::integer(lang, other.round() as i64)),
                        ("baseline", &format::integer(lang, base.round() as i64)),
                        ("change", &change),
                    ],
                ),
                look.body(),
                palette.text,
            );
            y += look.px(100.0);
        }
    }
    painter.text(
        pos2(list_left, rect.bottom()),
        Align2::LEFT_BOTTOM,
        tr(lang, "slides.scenario.band_note"),
        look.small(),
        palette.weak_text,
    );
}

/// A round step for the y axis's four ticks: 1, 2 or 5 times a power of ten, so that four
/// steps reach `max`.
fn nice_step(max: f64) -> f64 {
    let rough = (max / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= rough)
        .unwrap_or(power * 10.0)
}
