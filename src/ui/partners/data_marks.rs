//! Findings shown beside the fields they concern, shared by the partner's data sections:
//! looked up in the partner's indexed findings (`FieldFindings`), so a lookup costs the
//! partner's findings, not the project's.

use egui::{Id, Label, RichText, Sense, Ui};

use crate::i18n::{Lang, findings};
use crate::model::PartnerId;
use crate::model::validate::{Field, Finding, Severity, Target};
use crate::ui::ViewCtx;
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{FieldFindings, form, section};

/// A finding worded for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub text: String,
    pub severity: Severity,
}

impl Mark {
    fn of(lang: Lang, finding: &Finding) -> Mark {
        Mark {
            text: findings::message(lang, &finding.problem),
            severity: finding.severity,
        }
    }
}

/// The root of the ids of one partner's data fields: every field's id is unique per
/// partner, item and field, so text being typed never moves to another partner's field.
pub fn root(partner: &PartnerId) -> Id {
    Id::unique("partner_data").with(partner)
}

/// The first finding on `target` about `field`.
pub fn field(
    cx: &ViewCtx<'_>,
    findings: &FieldFindings,
    target: &Target,
    field: Field,
) -> Option<Mark> {
    findings
        .all(&cx.dashboard.findings)
        .find(|f| &f.target == target && f.problem.field() == Some(field))
        .map(|f| Mark::of(cx.lang, f))
}

/// The findings on `target` that name no field (an unknown module, a malformed id).
pub fn item(cx: &ViewCtx<'_>, findings: &FieldFindings, target: &Target) -> Vec<Mark> {
    findings
        .all(&cx.dashboard.findings)
        .filter(|f| &f.target == target && f.problem.field().is_none())
        .map(|f| Mark::of(cx.lang, f))
        .collect()
}

/// Whether any of the partner's findings is on a target `which` accepts.
pub fn any(cx: &ViewCtx<'_>, findings: &FieldFindings, which: impl Fn(&Target) -> bool) -> bool {
    findings
        .all(&cx.dashboard.findings)
        .any(|f| which(&f.target))
}

/// The message for a field's outline and hover text.
pub fn text(mark: &Option<Mark>) -> Option<&str> {
    mark.as_ref().map(|m| m.text.as_str())
}

/// A finding on its own line, readable without hovering, as the rest of the editor
/// writes them.
pub fn note(ui: &mut Ui, mark: &Mark) {
    form::problem_note(ui, mark.severity, &mark.text);
}

/// A table cell's findings on one line: the first, cut to the cell, all of them on
/// hover.
pub fn cell(ui: &mut Ui, marks: &[Mark]) {
    let Some(first) = marks.first() else {
        return;
    };
    let color = form::severity_color(ui.visuals(), first.severity);
    let icon = match first.severity {
        Severity::Error => Icon::Error,
        Severity::Warning => Icon::Warning,
    };
    let size = section::body_size(ui) * 0.9;
    ui.spacing_mut().item_spacing.x = 4.0;
    icons::icon_space(ui, icon, size, color);
    let mut text = first.text.clone();
    if marks.len() > 1 {
        text.push_str(&format!(" (+{})", marks.len() - 1));
    }
    let all: Vec<&str> = marks.iter().map(|m| m.text.as_str()).collect();
    let label = Label::new(RichText::new(text).size(size).color(color))
        .truncate()
        .sense(Sense::hover());
    ui.add(label).on_hover_text(all.join("\n"));
}

/// The height of a table row holding text fields.
pub fn row_height(ui: &Ui) -> f32 {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    ui.spacing().interact_size.y.max(body) + 8.0
}

/// A figure with as many decimals as it needs, up to two: `2`, `2,5`, `0,25`.
pub use crate::fields::number;
