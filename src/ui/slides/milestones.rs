//! The tappe across the consortium: for each tappa how many Comuni reached it, and which
//! ones are late, by name. A grid of Comuni × tappe cannot be read from the back of a room;
//! one line per tappa can, whatever the number of Comuni.

use egui::{Align2, Painter, Rect, pos2, vec2};

use super::SlideInputs;
use super::look::Look;
use crate::analysis::dashboard::MilestoneGrid;
use crate::i18n::{findings::milestone_label, format, tr_args};
use crate::model::{MilestoneKind, Month};

/// One tappa across the consortium.
pub(super) struct TappaLine {
    pub kind: MilestoneKind,
    pub reached: usize,
    pub of: usize,
    pub late: Vec<String>,
}

pub(super) fn tappa_lines(grid: &MilestoneGrid, as_of: Month) -> Vec<TappaLine> {
    MilestoneKind::ALL
        .iter()
        .enumerate()
        .map(|(column, &kind)| {
            let cells = grid
                .rows
                .iter()
                .filter_map(|row| Some((row, row.cells.get(column)?)));
            let mut line = TappaLine {
                kind,
                reached: 0,
                of: grid.rows.len(),
                late: Vec::new(),
            };
            for (row, cell) in cells {
                if cell.actual.is_some_and(|m| m <= as_of) {
                    line.reached += 1;
                }
                if cell.late {
                    line.late.push(row.name.clone());
                }
            }
            line
        })
        .collect()
}

pub(super) fn draw(painter: &Painter, rect: Rect, inputs: &SlideInputs, look: &Look) {
    let lang = inputs.lang;
    let palette = look.palette;
    let lines = tappa_lines(&inputs.dashboard.milestones, inputs.dashboard.as_of);
    let row = rect.height() / lines.len().max(1) as f32;
    let label_width = rect.width() * 0.36;
    let bar_width = rect.width() * 0.2;
    for (i, line) in lines.iter().enumerate() {
        let y = rect.top() + row * (i as f32 + 0.5);
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            milestone_label(lang, line.kind),
            look.body(),
            palette.text,
        );
        let track = Rect::from_min_size(
            pos2(rect.left() + label_width, y - row * 0.22),
            vec2(bar_width, row * 0.44),
        );
        painter.rect_filled(track, look.px(6.0), palette.card);
        if line.of > 0 {
            let mut filled = track;
            filled.set_width(bar_width * line.reached as f32 / line.of as f32);
            painter.rect_filled(filled, look.px(6.0), palette.series(2));
        }
        let count = format!(
            "{} / {}",
            format::integer(lang, line.reached as i64),
            format::integer(lang, line.of as i64)
        );
        let count_left = track.right() + look.px(20.0);
        painter.text(
            pos2(count_left, y),
            Align2::LEFT_CENTER,
            count,
            look.body(),
            palette.text,
        );
        if !line.late.is_empty() {
            let names = shorten(&line.late, 3, lang);
            let text = tr_args(lang, "slides.milestones.late", &[("names", &names)]);
            let left = count_left + look.px(150.0);
            let width = rect.right() - left;
            let mut job =
                egui::text::LayoutJob::simple_singleline(text, look.small(), palette.bad_text);
            job.wrap.max_width = width.max(1.0);
            job.wrap.max_rows = 1;
            let galley = painter.layout_job(job);
            painter.galley(
                pos2(left, y - galley.size().y / 2.0),
                galley,
                palette.bad_text,
            );
        }
    }
}

/// "Bra, Alba, Cuneo and 4 more": a room reads a few names, not forty.
pub(super) fn shorten(names: &[String], at_most: usize, lang: crate::i18n::Lang) -> String {
    let shown = names[..names.len().min(at_most)].join(", ");
    if names.len() > at_most {
        let more = i64::try_from(names.len() - at_most).unwrap_or(i64::MAX);
        crate::i18n::plural(lang, "slides.and_more", more, &[("names", &shown)])
    } else {
        shown
    }
}
