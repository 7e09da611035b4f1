//! The consortium's KPI cards: a label, a big value, the change since the month before
//! (signed, with an arrow, coloured where up or down means better or worse) and a
//! sparkline of the figure so far, painted directly (no plot widget per card).

use egui::{Align, Color32, Frame, Layout, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, vec2};

use std::cmp::Ordering;

use super::icons::{self, Icon};
use super::section;
use crate::analysis::dashboard::{Kpi, Kpis};
use crate::i18n::{Lang, format, tr_args};
use crate::model::Month;
use crate::ui::{ViewCtx, theme};

/// Narrowest card that still shows its value in large type.
const MIN_CARD_WIDTH: f32 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    People,
    Percent,
    Hours,
    Euros,
}

/// Whether a rise is good news (coloured) or just a change (left neutral: more staff or
/// more spend is neither better nor worse in itself).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Direction {
    Neutral,
    UpIsGood,
}

struct Card {
    label: &'static str,
    unit_label: &'static str,
    unit: Unit,
    direction: Direction,
    kpi: fn(&Kpis) -> &Kpi,
}

const CARDS: [Card; 8] = [
    Card {
        label: "overview.kpi.staff",
        unit_label: "overview.kpi.staff_unit",
        unit: Unit::People,
        direction: Direction::Neutral,
        kpi: |kpis| &kpis.staff,
    },
    Card {
        label: "overview.kpi.smartable",
        unit_label: "overview.kpi.smartable_unit",
        unit: Unit::People,
        direction: Direction::Neutral,
        kpi: |kpis| &kpis.smartable,
    },
    Card {
        label: "overview.kpi.smart_workers",
        unit_label: "overview.kpi.smart_workers_unit",
        unit: Unit::People,
        direction: Direction::UpIsGood,
        kpi: |kpis| &kpis.smart_workers,
    },
    Card {
        label: "overview.kpi.adoption",
        unit_label: "overview.kpi.adoption_unit",
        unit: Unit::Percent,
        direction: Direction::UpIsGood,
        kpi: |kpis| &kpis.adoption,
    },
    Card {
        label: "overview.kpi.completion",
        unit_label: "overview.kpi.completion_unit",
        unit: Unit::Percent,
        direction: Direction::UpIsGood,
        kpi: |kpis| &kpis.completion,
    },
    Card {
        label: "overview.kpi.hours",
        unit_label: "overview.kpi.hours_unit",
        unit: Unit::Hours,
        direction: Direction::UpIsGood,
        kpi: |kpis| &kpis.hours_per_employee,
    },
    Card {
        label: "overview.kpi.coverage",
        unit_label: "overview.kpi.coverage_unit",
        unit: Unit::Percent,
        direction: Direction::UpIsGood,
        kpi: |kpis| &kpis.coverage,
    },
    Card {
        label: "overview.kpi.spend",
        unit_label: "overview.kpi.spend_unit",
        unit: Unit::Euros,
        direction: Direction::Neutral,
        kpi: |kpis| &kpis.spend,
    },
];

/// The cards' state: the height of the tallest card's content last frame, so that every
/// card of the row is as tall (a label or a unit that wraps makes one taller).
#[derive(Default)]
pub struct KpiCards {
    content_height: f32,
}

impl KpiCards {
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>) {
        let gap = section::GAP;
        let width = ui.available_width();
        let per_row = cards_per_row(width, gap);
        let card_width = ((width - gap * (per_row - 1) as f32) / per_row as f32).floor();
        let previous_month = cx.dashboard.as_of.plus(-1);
        let mut tallest: f32 = 0.0;
        for (row, cards) in CARDS.chunks(per_row).enumerate() {
            if row > 0 {
                ui.add_space(gap);
            }
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for card in cards {
                    let height = card_ui(
                        ui,
                        cx,
                        card,
                        card_width,
                        self.content_height,
                        previous_month,
                    );
                    tallest = tallest.max(height);
                }
            });
        }
        if tallest != self.content_height {
            self.content_height = tallest;
            // Even out the cards on the next frame rather than showing them ragged.
            ui.ctx().request_discard("KPI cards of different heights");
        }
    }
}

/// 8, 4, 2 or 1 cards per row, so rows stay even: the most that fit at their narrowest.
fn cards_per_row(width: f32, gap: f32) -> usize {
    [8, 4, 2]
        .into_iter()
        .find(|&n| n as f32 * MIN_CARD_WIDTH + (n - 1) as f32 * gap <= width)
        .unwrap_or(1)
}

/// Draws a card at least `min_height` tall; returns the height its content needed.
fn card_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    card: &Card,
    width: f32,
    min_height: f32,
    previous_month: Month,
) -> f32 {
    let body = section::body_size(ui);
    let kpi = (card.kpi)(&cx.dashboard.kpis);
    let margin = 12.0;
    // The frame's margin and stroke lie outside the content width.
    let inner = width - 2.0 * margin - 2.0;
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        Frame::group(ui.style())
            .inner_margin(margin)
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(inner);
                // Reserves the height without moving the cursor: the content starts at the top.
                ui.set_min_height(min_height);
                let top = ui.max_rect().top();
                ui.spacing_mut().item_spacing.y = body * 0.3;
                ui.label(RichText::new(cx.t(card.label)).size(body * 1.05).strong());
                // One line whatever the width: a wrapped figure reads as two numbers. A
                // truncated one shows in full on hover.
                ui.add(
                    egui::Label::new(
                        RichText::new(value_text(cx.lang, card.unit, kpi.value))
                            .size(body * 2.6)
                            .strong()
                            .color(ui.visuals().strong_text_color()),
                    )
                    .wrap_mode(egui::TextWrapMode::Truncate),
                );
                section::note(ui, &cx.t(card.unit_label));
                let delta = delta(cx.lang, card, kpi, previous_month, ui.visuals());
                let text = RichText::new(delta.text).size(body * 0.95);
                match delta.arrow {
                    Some(arrow) => icons::icon_label(ui, arrow, text, delta.color),
                    None => ui.label(text.color(delta.color)),
                };
                let last = sparkline(ui, cx, kpi, vec2(inner, body * 2.4));
                last.bottom() - top
            })
            .inner
    })
    .inner
}

fn value_text(lang: Lang, unit: Unit, value: Option<f64>) -> String {
    let Some(value) = value.filter(|value| value.is_finite()) else {
        return "—".to_owned();
    };
    match unit {
        Unit::People => format::integer(lang, value.round() as i64),
        Unit::Percent => format::percent(lang, value, 1),
        Unit::Hours => format::decimal(lang, value, 1),
        Unit::Euros => format::euros_compact(lang, value),
    }
}

/// The change since the month before.
#[derive(Debug, Clone, PartialEq)]
struct Delta {
    /// Up or down; none when there is no change to show.
    arrow: Option<Icon>,
    /// "+1,2 p.p. rispetto a feb 2026".
    text: String,
    color: Color32,
}

/// The change since the month before and its colour. The arrow and the sign carry the
/// direction, so colour is never the only cue.
fn delta(
    lang: Lang,
    card: &Card,
    kpi: &Kpi,
    previous_month: Month,
    visuals: &egui::Visuals,
) -> Delta {
    let neutral = visuals.weak_text_color();
    let unknown = Delta {
        arrow: None,
        text: tr(lang, "overview.kpi.no_previous"),
        color: neutral,
    };
    let (Some(value), Some(previous)) = (kpi.value, kpi.previous) else {
        return unknown;
    };
    let change = value - previous;
    if !change.is_finite() {
        return unknown;
    }
    let digits = match card.unit {
        Unit::People | Unit::Euros => 0,
        Unit::Percent | Unit::Hours => 1,
    };
    // What the reader sees: a change that rounds to zero is no change.
    let shown = (change * 10f64.powi(digits)).round();
    let change = if shown == 0.0 { 0.0 } else { change };
    let amount = match card.unit {
        Unit::Euros if shown > 0.0 => format!("+{}", format::euros(lang, change)),
        Unit::Euros => format::euros(lang, change),
        Unit::Percent => format!(
            "{} {}",
            format::signed(lang, change, digits as usize),
            tr(lang, "overview.kpi.points")
        ),
        Unit::People | Unit::Hours => format::signed(lang, change, digits as usize),
    };
    let month = format::month(lang, previous_month);
    if shown == 0.0 {
        // "0 vs Nov 2026" reads as noise: say in words that nothing changed.
        return Delta {
            arrow: None,
            text: tr_args(lang, "overview.kpi.unchanged_since", &[("month", &month)]),
            color: neutral,
        };
    }
    let (arrow, color) = match (shown.partial_cmp(&0.0), card.direction) {
        (Some(Ordering::Greater), Direction::UpIsGood) => {
            (Some(Icon::Up), theme::good_text(visuals))
        }
        (Some(Ordering::Less), Direction::UpIsGood) => (Some(Icon::Down), theme::bad_text(visuals)),
        (Some(Ordering::Greater), Direction::Neutral) => (Some(Icon::Up), neutral),
        (Some(Ordering::Less), Direction::Neutral) => (Some(Icon::Down), neutral),
        _ => (None, neutral),
    };
    let text = tr_args(
        lang,
        "overview.kpi.delta_vs",
        &[("delta", &amount), ("month", &month)],
    );
    Delta { arrow, text, color }
}

fn tr(lang: Lang, key: &str) -> String {
    crate::i18n::tr(lang, key).into_owned()
}

/// The figure month by month up to "today", as a line with a dot on the latest value.
/// Returns where the sparkline was placed.
fn sparkline(ui: &mut Ui, cx: &ViewCtx<'_>, kpi: &Kpi, size: egui::Vec2) -> Rect {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return rect;
    }
    let Some(points) = sparkline_points(&kpi.trend, rect.shrink2(vec2(4.0, 4.0))) else {
        return rect;
    };
    let color = theme::series_color(0);
    let painter = ui.painter();
    let stroke = Stroke::new(2.0, color);
    let mut run: Vec<Pos2> = Vec::with_capacity(points.len());
    for point in &points {
        match point {
            Some(point) => run.push(*point),
            None if run.len() > 1 => {
                painter.add(Shape::line(std::mem::take(&mut run), stroke));
            }
            None => run.clear(),
        }
    }
    if run.len() > 1 {
        painter.add(Shape::line(run, stroke));
    }
    if let Some(last) = points.iter().rev().flatten().next() {
        painter.circle_filled(*last, 3.5, color);
    }
    response.on_hover_ui(|ui| {
        let as_of = format::month(cx.lang, cx.dashboard.as_of);
        ui.label(tr_args(
            cx.lang,
            "overview.kpi.trend_label",
            &[("month", &as_of)],
        ));
    });
    rect
}

/// Screen positions of the trend's months from its first to its last known value, scaled
/// to `rect` (a flat series sits in the middle); `None` where a month has no value. `None`
/// overall when there is nothing to draw.
fn sparkline_points(trend: &[Option<f64>], rect: Rect) -> Option<Vec<Option<Pos2>>> {
    let first = trend
        .iter()
        .position(|value| value.is_some_and(f64::is_finite))?;
    let last = trend
        .iter()
        .rposition(|value| value.is_some_and(f64::is_finite))?;
    let known = || {
        trend[first..=last]
            .iter()
            .flatten()
            .filter(|v| v.is_finite())
    };
    let min = known().copied().fold(f64::INFINITY, f64::min);
    let max = known().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = (last - first).max(1) as f32;
    let y_of = |value: f64| -> f32 {
        if max > min {
            rect.bottom() - ((value - min) / (max - min)) as f32 * rect.height()
        } else {
            rect.center().y
        }
    };
    let points = trend[first..=last]
        .iter()
        .enumerate()
        .map(|(i, value)| {
            value
                .filter(|value| value.is_finite())
                .map(|value| Pos2::new(rect.left() + i as f32 / span * rect.width(), y_of(value)))
        })
        .collect();
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_wrap_in_even_rows() {
        // 1920 px projected: one row of eight; 1280 px: two rows of four.
        assert_eq!(cards_per_row(1880.0, 12.0), 8);
        assert_eq!(cards_per_row(1240.0, 12.0), 4);
        assert_eq!(cards_per_row(500.0, 12.0), 2);
        assert_eq!(cards_per_row(300.0, 12.0), 1);
    }

    #[test]
    fn values_are_written_the_language_way() {
        assert_eq!(value_text(Lang::It, Unit::People, Some(1234.4)), "1.234");
        assert_eq!(value_text(Lang::It, Unit::Percent, Some(24.34)), "24,3%");
        assert_eq!(value_text(Lang::En, Unit::Hours, Some(12.25)), "12.3");
        assert_eq!(value_text(Lang::It, Unit::Euros, Some(1000.0)), "€ 1.000");
        assert_eq!(value_text(Lang::En, Unit::Percent, None), "—");
    }

    fn kpi(value: f64, previous: f64) -> Kpi {
        Kpi {
            value: Some(value),
            previous: Some(previous),
            trend: Vec::new(),
        }
    }

    #[test]
    fn a_fall_in_adoption_is_bad_news_and_a_rise_in_spend_is_not_judged() {
        let visuals = egui::Visuals::light();
        let neutral = visuals.weak_text_color();
        let feb = Month::new(2026, 2).unwrap();
        let adoption = &CARDS[3];
        let fall = delta(Lang::It, adoption, &kpi(23.1, 24.3), feb, &visuals);
        assert_eq!(fall.text, "−1,2 p.p. rispetto a feb 2026");
        assert_eq!(
            (fall.arrow, fall.color),
            (Some(Icon::Down), theme::bad_text(&visuals))
        );
        let rise = delta(Lang::En, adoption, &kpi(25.0, 24.3), feb, &visuals);
        assert_eq!(rise.text, "+0.7 pp vs Feb 2026");
        assert_eq!(
            (rise.arrow, rise.color),
            (Some(Icon::Up), theme::good_text(&visuals))
        );

        let spend = &CARDS[7];
        let more = delta(Lang::It, spend, &kpi(12_000.0, 10_000.0), feb, &visuals);
        assert_eq!(more.text, "+€ 2.000 rispetto a feb 2026");
        assert_eq!((more.arrow, more.color), (Some(Icon::Up), neutral));
    }

    #[test]
    fn a_change_too_small_to_show_is_no_change() {
        let visuals = egui::Visuals::light();
        let neutral = visuals.weak_text_color();
        let feb = Month::new(2026, 2).unwrap();
        let same = delta(Lang::En, &CARDS[2], &kpi(100.2, 100.0), feb, &visuals);
        // "0 vs Feb 2026" read as noise: the card says in words that nothing changed.
        assert_eq!(same.text, "unchanged since Feb 2026");
        assert_eq!((same.arrow, same.color), (None, neutral));
        let spend = delta(Lang::It, &CARDS[7], &kpi(500.0, 500.2), feb, &visuals);
        assert_eq!(spend.text, "stesso valore di feb 2026");
        let missing = Kpi {
            value: Some(1.0),
            previous: None,
            trend: Vec::new(),
        };
        let unknown = delta(Lang::En, &CARDS[2], &missing, feb, &visuals);
        assert_eq!(unknown.text, "no figure for the month before");
    }

    #[test]
    fn sparkline_spans_the_known_months_and_leaves_gaps() {
        let rect = Rect::from_min_size(Pos2::new(0.0, 0.0), vec2(100.0, 10.0));
        let trend = [None, Some(1.0), None, Some(3.0), Some(2.0), None];
        let points = sparkline_points(&trend, rect).unwrap();
        // From the first known month (index 1) to the last (index 4).
        assert_eq!(points.len(), 4);
        let near = |point: Option<Pos2>, x: f32, y: f32| {
            point.is_some_and(|point| (point.x - x).abs() < 1e-3 && (point.y - y).abs() < 1e-3)
        };
        // Lowest value at the bottom, highest at the top, the month between them left out.
        assert!(near(points[0], 0.0, 10.0), "{:?}", points[0]);
        assert_eq!(points[1], None);
        assert!(near(points[2], 200.0 / 3.0, 0.0), "{:?}", points[2]);
        assert!(near(points[3], 100.0, 5.0), "{:?}", points[3]);
        assert!(sparkline_points(&[None, None], rect).is_none());
    }
}
