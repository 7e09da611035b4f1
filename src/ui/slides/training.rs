//! Training completion by Comune (left) and by area of the catalogue (right).

use egui::{Align2, Painter, Rect, pos2};

use super::SlideInputs;
use super::chart::{Bar, paint_bars};
use super::look::Look;
use crate::i18n::{findings::area_label, format, tr, tr_args};

/// Rows that fit a slide at projector sizes.
pub(super) const MAX_ROWS: usize = 10;

pub(super) fn draw(painter: &Painter, rect: Rect, inputs: &SlideInputs, look: &Look) {
    let lang = inputs.lang;
    let training = &inputs.dashboard.training;
    let percent =
        |rate: Option<f64>| rate.map_or("—".to_owned(), |r| format::percent(lang, r * 100.0, 0));
    let mut comuni: Vec<Bar> = inputs
        .dashboard
        .partner_order
        .iter()
        .filter_map(|id| {
            let totals = training.partners.get(id)?;
            let name = inputs.project.partners.get(id)?.name.clone();
            let rate = totals.completion.rate();
            Some(Bar {
                name,
                share: rate,
                value: percent(rate),
            })
        })
        .collect();
    let all = comuni.len();
    // The lowest first: in a big programme the slide shows who needs help.
    if all > MAX_ROWS {
        comuni.sort_by(|a, b| a.share.unwrap_or(0.0).total_cmp(&b.share.unwrap_or(0.0)));
        comuni.truncate(MAX_ROWS);
    }
    let areas: Vec<Bar> = training
        .areas
        .iter()
        .map(|(area, completion)| Bar {
            name: area_label(lang, *area).into_owned(),
            share: completion.rate(),
            value: percent(completion.rate()),
        })
        .collect();

    let gap = look.px(80.0);
    let half = (rect.width() - gap) / 2.0;
    let heading = look.px(60.0);
    let left = Rect::from_min_max(rect.min, pos2(rect.left() + half, rect.bottom()));
    let right = Rect::from_min_max(pos2(rect.right() - half, rect.top()), rect.max);
    let comuni_heading = if all > MAX_ROWS {
        tr_args(
            lang,
            "slides.training.lowest",
            &[
                ("shown", &MAX_ROWS.to_string()),
                ("all", &format::integer(lang, all as i64)),
            ],
        )
    } else {
        tr(lang, "slides.training.by_comune").into_owned()
    };
    for (area, text, bars, color) in [
        (left, comuni_heading, &comuni, look.palette.series(0)),
        (
            right,
            tr(lang, "slides.training.by_area").into_owned(),
            &areas,
            look.palette.series(2),
        ),
    ] {
        painter.text(
            area.left_top(),
            Align2::LEFT_TOP,
            text,
            look.body(),
            look.palette.weak_text,
        );
        let list = Rect::from_min_max(pos2(area.left(), area.top() + heading), area.max);
        paint_bars(painter, list, bars, color, look);
    }
}
