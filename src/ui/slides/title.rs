//! The title slide: the programme's name, its code and period, the Comuni taking part.

use egui::{Align2, Painter, Rect, pos2};

use super::look::Look;
use super::{SlideInputs, paragraph};
use crate::i18n::{format, plural};

pub(super) fn draw(painter: &Painter, rect: Rect, inputs: &SlideInputs, look: &Look) {
    let meta = &inputs.project.meta;
    let lang = inputs.lang;
    let top = rect.top() + rect.height() * 0.28;
    let height = paragraph(
        painter,
        pos2(rect.left(), top),
        meta.title.clone(),
        egui::FontId::proportional(look.px(84.0)),
        look.palette.text,
        rect.width(),
    );
    let mut y = top + height + look.px(40.0);
    let period = format!(
        "{} – {}",
        format::month_long(lang, meta.start),
        format::month_long(lang, meta.end)
    );
    let line = if meta.programme_code.is_empty() {
        period
    } else {
        format!("{} · {period}", meta.programme_code)
    };
    painter.text(
        pos2(rect.left(), y),
        Align2::LEFT_TOP,
        line,
        look.body(),
        look.palette.weak_text,
    );
    y += look.px(60.0);
    let count = inputs.project.partners.len();
    let comuni = plural(
        lang,
        "slides.title.comuni",
        i64::try_from(count).unwrap_or(i64::MAX),
        &[],
    );
    painter.text(
        pos2(rect.left(), y),
        Align2::LEFT_TOP,
        comuni,
        look.body(),
        look.palette.weak_text,
    );
}
