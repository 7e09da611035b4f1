//! The consortium's headline figures as big numbers, each with its change on the month before
//! and its trend as a thick sparkline.

use egui::{Align2, Painter, Rect, Shape, Stroke, pos2, vec2};

use super::SlideInputs;
use super::look::Look;
use crate::analysis::dashboard::Kpi;
use crate::i18n::{Lang, format, tr, tr_args};

/// How a figure is written.
#[derive(Clone, Copy)]
pub(super) enum Unit {
    People,
    Percent,
    Hours,
}

pub(super) fn value_text(lang: Lang, unit: Unit, value: Option<f64>) -> String {
    match (unit, value) {
        (_, None) => "—".to_owned(),
        (Unit::People, Some(v)) => format::integer(lang, v.round() as i64),
        (Unit::Percent, Some(v)) => format::percent(lang, v, 1),
        (Unit::Hours, Some(v)) => format::decimal(lang, v, 1),
    }
}

pub(super) fn draw(painter: &Painter, rect: Rect, inputs: &SlideInputs, look: &Look) {
    let kpis = &inputs.dashboard.kpis;
    let cards = [
        (
            "slides.kpi.smart_workers",
            &kpis.smart_workers,
            Unit::People,
        ),
        ("slides.kpi.adoption", &kpis.adoption, Unit::Percent),
        ("slides.kpi.completion", &kpis.completion, Unit::Percent),
        ("slides.kpi.hours", &kpis.hours_per_employee, Unit::Hours),
    ];
    let gap = look.px(40.0);
    let size = vec2((rect.width() - gap) / 2.0, (rect.height() - gap) / 2.0);
    for (i, (key, kpi, unit)) in cards.into_iter().enumerate() {
        let min = rect.min
            + vec2(
                (i % 2) as f32 * (size.x + gap),
                (i / 2) as f32 * (size.y + gap),
            );
        card(
            painter,
            Rect::from_min_size(min, size),
            &tr(inputs.lang, key),
            kpi,
            unit,
            inputs.lang,
            look,
        );
    }
}

fn card(
    painter: &Painter,
    rect: Rect,
    label: &str,
    kpi: &Kpi,
    unit: Unit,
    lang: Lang,
    look: &Look,
) {
    let palette = look.palette;
    painter.rect_filled(rect, look.px(16.0), palette.card);
    let inner = rect.shrink(look.px(32.0));
    painter.text(
        inner.left_top(),
        Align2::LEFT_TOP,
        label,
        look.body(),
        palette.weak_text,
    );
    painter.text(
        pos2(inner.left(), inner.top() + look.px(50.0)),
        Align2::LEFT_TOP,
        value_text(lang, unit, kpi.value),
        look.big(),
        palette.text,
    );
    if let (Some(now), Some(before)) = (kpi.value, kpi.previous) {
        let change = now - before;
        let digits = if matches!(unit, Unit::People) { 0 } else { 1 };
        let text = tr_args(
            lang,
            "slides.kpi.change",
            &[("change", &format::signed(lang, change, digits))],
        );
        painter.text(
            inner.left_bottom(),
            Align2::LEFT_BOTTOM,
            text,
            look.small(),
            palette.weak_text,
        );
    }
    let spark = Rect::from_min_max(
        pos2(
            inner.center().x + look.px(40.0),
            inner.top() + look.px(70.0),
        ),
        inner.right_bottom() - vec2(0.0, look.px(10.0)),
    );
    sparkline(painter, spark, &kpi.trend, look);
}

fn sparkline(painter: &Painter, rect: Rect, trend: &[Option<f64>], look: &Look) {
    let known: Vec<(usize, f64)> = trend
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    if known.len() < 2 {
        return;
    }
    let (lo, hi) = known
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, v)| {
            (lo.min(v), hi.max(v))
        });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let last = (trend.len().max(2) - 1) as f32;
    let points = known
        .iter()
        .map(|&(i, v)| {
            pos2(
                rect.left() + rect.width() * i as f32 / last,
                rect.bottom() - rect.height() * ((v - lo) / span) as f32,
            )
        })
        .collect();
    painter.add(Shape::line(
        points,
        Stroke::new(look.series_line(), look.palette.series(0)),
    ));
}
