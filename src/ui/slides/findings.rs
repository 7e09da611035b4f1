//! What is still open in the data: the count of errors and warnings and the first few,
//! each with the Comune or item it concerns.

use egui::{Align2, Painter, Rect, pos2};

use super::look::Look;
use super::{SlideInputs, paragraph};
use crate::i18n::{findings, plural, tr};
use crate::model::validate::Severity;

/// Findings listed; the rest are counted.
const LISTED: usize = 6;

pub(super) fn draw(painter: &Painter, rect: Rect, inputs: &SlideInputs, look: &Look) {
    let lang = inputs.lang;
    let palette = look.palette;
    let all = &inputs.dashboard.findings;
    if all.is_empty() {
        painter.text(
            rect.left_top(),
            Align2::LEFT_TOP,
            tr(lang, "slides.findings.none"),
            look.body(),
            palette.good_text,
        );
        return;
    }
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    let summary = format!(
        "{} · {}",
        plural(lang, "slides.findings.errors", errors as i64, &[]),
        plural(lang, "slides.findings.warnings", warnings as i64, &[])
    );
    painter.text(
        rect.left_top(),
        Align2::LEFT_TOP,
        summary,
        look.body(),
        palette.weak_text,
    );
    let mut y = rect.top() + look.px(70.0);
    for finding in all.iter().take(LISTED) {
        let (badge, color) = match finding.severity {
            Severity::Error => (
                findings::severity_label(lang, finding.severity),
                palette.bad_text,
            ),
            _ => (
                findings::severity_label(lang, finding.severity),
                palette.warning_text,
            ),
        };
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_TOP,
            badge,
            look.small(),
            color,
        );
        let text = format!(
            "{} — {}",
            findings::place(lang, inputs.project, finding),
            findings::describe(lang, inputs.project, finding)
        );
        let left = rect.left() + look.px(220.0);
        let height = paragraph(
            painter,
            pos2(left, y),
            text,
            look.small(),
            palette.text,
            rect.right() - left,
        );
        y += height + look.px(24.0);
        if y > rect.bottom() - look.px(80.0) {
            break;
        }
    }
    if all.len() > LISTED {
        painter.text(
            pos2(rect.left(), rect.bottom()),
            Align2::LEFT_BOTTOM,
            plural(
                lang,
                "slides.findings.more",
                (all.len() - LISTED) as i64,
                &[],
            ),
            look.small(),
            palette.weak_text,
        );
    }
}
