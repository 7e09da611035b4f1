//! One Comune: its figures, its adoption against the consortium's, its modules with their
//! completion, and its tappe.

use egui::{Align2, Painter, Rect, pos2};

use super::SlideInputs;
use super::adoption::max_of;
use super::chart::{Bar, Chart, Series, month_span, paint_bars, percent_axis_top};
use super::kpis::{Unit, value_text};
use super::look::{Look, SERIES_LINE};
use super::milestones::shorten;
use crate::i18n::{findings::milestone_label, format, tr, tr_args};
use crate::model::PartnerId;

/// Modules listed: the programme's nine.
const MAX_MODULES: usize = 9;

pub(super) fn draw(
    painter: &Painter,
    rect: Rect,
    inputs: &SlideInputs,
    look: &Look,
    id: &PartnerId,
    spoken: &mut Vec<(Rect, String)>,
) {
    let lang = inputs.lang;
    let palette = look.palette;
    let (Some(partner), Some(row)) = (
        inputs.project.partners.get(id),
        inputs
            .dashboard
            .summary
            .partners
            .iter()
            .find(|row| row.id.as_ref() == Some(id)),
    ) else {
        painter.text(
            rect.left_top(),
            Align2::LEFT_TOP,
            tr(lang, "slides.missing_comune"),
            look.body(),
            palette.weak_text,
        );
        return;
    };
    // Three figures across the top, the curve and the modules side by side below.
    let gap = look.px(60.0);
    let figures_height = look.px(150.0);
    let below = rect.top() + figures_height;
    let left = Rect::from_min_max(
        pos2(rect.left(), below),
        pos2(rect.center().x - gap / 2.0, rect.bottom()),
    );
    let right = Rect::from_min_max(pos2(rect.center().x + gap / 2.0, below), rect.max);

    let figures = [
        (
            "slides.kpi.smart_workers",
            value_text(lang, Unit::People, row.smart_workers.map(|v| v as f64)),
        ),
        (
            "slides.kpi.adoption",
            value_text(lang, Unit::Percent, row.adoption.map(|a| a * 100.0)),
        ),
        (
            "slides.kpi.completion",
            value_text(lang, Unit::Percent, row.completion.map(|c| c * 100.0)),
        ),
    ];
    let column = rect.width() / figures.len() as f32;
    for (i, (key, value)) in figures.iter().enumerate() {
        let x = rect.left() + column * i as f32;
        painter.text(
            pos2(x, rect.top()),
            Align2::LEFT_TOP,
            tr(lang, key),
            look.small(),
            palette.weak_text,
        );
        let shown = painter.text(
            pos2(x, rect.top() + look.px(40.0)),
            Align2::LEFT_TOP,
            value,
            egui::FontId::proportional(look.px(72.0)),
            palette.text,
        );
        spoken.push((shown, format!("{}: {value}", tr(lang, key))));
    }

    let dashboard = inputs.dashboard;
    let empty = Vec::new();
    let own = dashboard.adoption.partners.get(id).unwrap_or(&empty);
    let format_y = |v: f64| format::percent(lang, v, 0);
    let y_max = max_of(own)
        .max(max_of(&dashboard.adoption.consortium))
        .max(10.0);
    let (first_label, last_label) = month_span(lang, &dashboard.months);
    let chart = Chart {
        months: dashboard.months.len(),
        y_max: percent_axis_top(y_max),
        format_y: &format_y,
        first_label,
        last_label,
        series: vec![
            Series {
                name: tr(lang, "slides.consortium").into_owned(),
                values: &dashboard.adoption.consortium,
                color: palette.consortium,
                width: SERIES_LINE,
            },
            Series {
                name: partner.name.clone(),
                values: own,
                color: palette.series(0),
                width: SERIES_LINE + 1.0,
            },
        ],
        bands: Vec::new(),
        marker: None,
    };
    chart.paint(painter, left, look);

    // Modules with their completion, then the tappe.
    painter.text(
        right.left_top(),
        Align2::LEFT_TOP,
        tr(lang, "slides.comune.modules"),
        look.body(),
        palette.weak_text,
    );
    let bars: Vec<Bar> = partner
        .modules
        .iter()
        .take(MAX_MODULES)
        .map(|(module, choice)| {
            let share =
                (choice.enrolled > 0).then(|| choice.completed as f64 / choice.enrolled as f64);
            Bar {
                name: inputs
                    .project
                    .catalogue
                    .get(module)
                    .map_or_else(|| module.to_string(), |m| m.title.clone()),
                share,
                value: share.map_or("—".to_owned(), |s| format::percent(lang, s * 100.0, 0)),
            }
        })
        .collect();
    let tappe_height = look.px(130.0);
    let list = Rect::from_min_max(
        pos2(right.left(), right.top() + look.px(56.0)),
        pos2(right.right(), right.bottom() - tappe_height),
    );
    if bars.is_empty() {
        painter.text(
            list.left_top(),
            Align2::LEFT_TOP,
            tr(lang, "slides.comune.no_modules"),
            look.small(),
            palette.weak_text,
        );
    } else {
        paint_bars(painter, list, &bars, palette.series(2), look);
    }

    let as_of = dashboard.as_of;
    let reached = partner
        .milestones
        .values()
        .filter(|d| d.actual.is_some_and(|m| m <= as_of))
        .count();
    let late: Vec<String> = crate::analysis::late_milestones(partner, as_of)
        .map(|kind| milestone_label(lang, kind).into_owned())
        .collect();
    let total = crate::model::MilestoneKind::ALL.len();
    let tappe_top = right.bottom() - tappe_height + look.px(20.0);
    painter.text(
        pos2(right.left(), tappe_top),
        Align2::LEFT_TOP,
        tr_args(
            lang,
            "slides.comune.tappe",
            &[
                ("reached", &reached.to_string()),
                ("total", &total.to_string()),
            ],
        ),
        look.body(),
        palette.text,
    );
    let (late_text, color) = if late.is_empty() {
        (
            tr(lang, "slides.comune.none_late").into_owned(),
            palette.good_text,
        )
    } else {
        (
            tr_args(
                lang,
                "slides.milestones.late",
                &[("names", &shorten(&late, 2, lang))],
            ),
            palette.bad_text,
        )
    };
    let mut job = egui::text::LayoutJob::simple_singleline(late_text, look.small(), color);
    job.wrap.max_width = right.width();
    job.wrap.max_rows = 1;
    let galley = painter.layout_job(job);
    painter.galley(pos2(right.left(), tappe_top + look.px(50.0)), galley, color);
}
