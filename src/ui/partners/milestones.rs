//! The seven tappe of a partner: planned and actual month of each, picked from the
//! programme's months, with where it stands (reached, late by how many months, still to
//! come, not planned) in words after a sign, and what is wrong with a month written under
//! its row. "Azzera" removes both months of a tappa.

use egui::{Button, Id, RichText, Ui};

use super::{PartnerData, Section};
use crate::i18n::findings::milestone_label;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::validate::{Field, Target};
use crate::model::{Edit, MilestoneDates, MilestoneKind, Month};
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{form, month_field, section};
use crate::ui::{ViewCtx, theme};

#[derive(Default)]
pub struct MilestonesSection {}

/// Where a tappa stands at the figures' month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Reached,
    /// Reached this many months after the plan.
    ReachedLate(i32),
    /// Planned this many months ago and not reached.
    Overdue(i32),
    Upcoming,
    Unplanned,
}

impl Status {
    pub fn of(dates: &MilestoneDates, as_of: Month) -> Status {
        match (dates.is_late(as_of), dates.planned, dates.actual) {
            (true, Some(planned), Some(actual)) => {
                Status::ReachedLate(actual.months_since(planned))
            }
            (true, Some(planned), None) => Status::Overdue(as_of.months_since(planned)),
            (_, _, Some(_)) => Status::Reached,
            (_, Some(_), None) => Status::Upcoming,
            (_, None, None) => Status::Unplanned,
        }
    }

    /// "In ritardo di 3 mesi".
    pub fn text(self, lang: Lang) -> String {
        let months = |key_one: &str, key_other: &str, n: i32| {
            let key = if n == 1 { key_one } else { key_other };
            tr_args(
                lang,
                key,
                &[("count", &format::integer(lang, i64::from(n)))],
            )
        };
        match self {
            Status::Reached => tr(lang, "partners.milestones.reached").into_owned(),
            Status::ReachedLate(n) => months(
                "partners.milestones.reached_late_one",
                "partners.milestones.reached_late_other",
                n,
            ),
            Status::Overdue(n) => months(
                "partners.milestones.overdue_one",
                "partners.milestones.overdue_other",
                n,
            ),
            Status::Upcoming => tr(lang, "partners.milestones.upcoming").into_owned(),
            Status::Unplanned => tr(lang, "partners.milestones.unplanned").into_owned(),
        }
    }
}

impl Section for MilestonesSection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, findings) = data.parts();
        let lang = cx.lang;
        let all = cx.dashboard.findings.as_slice();
        let as_of = cx.dashboard.as_of;
        let programme = (cx.project.meta.start, cx.project.meta.end);
        let labels = MilestoneKind::ALL.map(|kind| milestone_label(lang, kind));
        let label_width = form::label_width(ui, labels.iter().map(|l| l.as_ref())) + section::GAP;
        // The month picker is six body lines wide.
        let month_width =
            ui.text_style_height(&egui::TextStyle::Body) * 6.0 + ui.spacing().item_spacing.x * 2.0;
        let clear_width = if cx.editable {
            form::label_width(ui, [tr(lang, "partners.milestones.clear").as_ref()])
                + ui.spacing().button_padding.x * 2.0
                + ui.spacing().item_spacing.x
        } else {
            0.0
        };

        // The status goes after the months when there is room for its longest wording,
        // under them otherwise.
        let status_width = form::label_width(ui, [Status::ReachedLate(12).text(lang).as_str()])
            + ui.text_style_height(&egui::TextStyle::Body)
            + ui.spacing().item_spacing.x * 2.0;
        let spacing = ui.spacing().item_spacing.x * 4.0;
        let inline_status = ui.available_width()
            >= label_width + 2.0 * month_width + clear_width + status_width + spacing;

        // Column headings over the months and the status.
        form::row(ui, label_width, "", |ui, _| {
            let weak = ui.visuals().weak_text_color();
            let heading = |key: &str| RichText::new(tr(lang, key)).color(weak);
            form::cell(ui, month_width, |ui| {
                ui.label(heading("partners.milestones.planned"))
            });
            form::cell(ui, month_width, |ui| {
                ui.label(heading("partners.milestones.actual"))
            });
            if inline_status {
                form::cell(ui, clear_width, |_| ());
                ui.label(heading("partners.milestones.status"));
            }
        });

        for (kind, label) in MilestoneKind::ALL.into_iter().zip(&labels) {
            let recorded = partner.milestones.get(&kind).copied();
            let dates = recorded.unwrap_or_default();
            let target = Target::Milestone(id.clone(), kind);
            let planned_problem =
                form::field_problem(findings, all, lang, &target, Field::PlannedMonth);
            let actual_problem =
                form::field_problem(findings, all, lang, &target, Field::ActualMonth);
            let mut changed = None;
            form::row(ui, label_width, label, |ui, _| {
                let field_id = Id::unique("partners_milestone")
                    .with(id.as_str())
                    .with(kind);
                let months = [
                    (
                        dates.planned,
                        "partners.milestones.planned_name",
                        &planned_problem,
                    ),
                    (
                        dates.actual,
                        "partners.milestones.actual_name",
                        &actual_problem,
                    ),
                ];
                for (slot, (value, name_key, problem)) in months.into_iter().enumerate() {
                    form::cell(ui, month_width, |ui| {
                        if !cx.editable {
                            ui.label(value.map_or_else(
                                || format::MISSING.to_owned(),
                                |month| format::month(lang, month),
                            ));
                            return;
                        }
                        let name = tr_args(lang, name_key, &[("milestone", label)]);
                        let problem = problem.as_ref().map(|(_, text)| text.as_str());
                        let (_, picked) = month_field(
                            ui,
                            field_id.with(slot),
                            &name,
                            value,
                            programme,
                            lang,
                            problem,
                        );
                        if let Some(month) = picked {
                            let mut new = dates;
                            if slot == 0 {
                                new.planned = month;
                            } else {
                                new.actual = month;
                            }
                            changed = Some(new);
                        }
                    });
                }
                if cx.editable {
                    form::cell(ui, clear_width, |ui| {
                        if recorded.is_some() {
                            let name = tr_args(
                                lang,
                                "partners.milestones.clear_name",
                                &[("milestone", label)],
                            );
                            let clear = ui
                                .add(
                                    Button::new(tr(lang, "partners.milestones.clear"))
                                        .small()
                                        .frame_when_inactive(false),
                                )
                                .accessible_name(name)
                                .on_hover_text(tr(lang, "partners.milestones.clear_hint"));
                            if clear.clicked() {
                                changed = Some(MilestoneDates::default());
                            }
                        }
                    });
                }
                if inline_status {
                    status_label(ui, lang, Status::of(&dates, as_of));
                }
            });
            if !inline_status {
                ui.horizontal(|ui| {
                    ui.add_space(label_width + ui.spacing().item_spacing.x);
                    status_label(ui, lang, Status::of(&dates, as_of));
                });
            }
            for (severity, text) in [planned_problem, actual_problem].iter().flatten() {
                ui.horizontal(|ui| {
                    ui.add_space(label_width + ui.spacing().item_spacing.x);
                    form::problem_note(ui, *severity, text);
                });
            }
            if !inline_status {
                // Each tappa's lines together, apart from the next tappa's.
                ui.add_space(section::GAP / 2.0);
            }
            if let Some(new) = changed {
                let empty = new.planned.is_none() && new.actual.is_none();
                cx.outbox.edit(Edit::PutMilestone {
                    partner: id.clone(),
                    kind,
                    dates: (!empty).then_some(new),
                });
            }
        }
    }
}

/// The status after its sign: a tick when reached, a warning sign when late; words always.
fn status_label(ui: &mut Ui, lang: Lang, status: Status) {
    let text = RichText::new(status.text(lang));
    match status {
        Status::Reached => {
            icons::icon_label(ui, Icon::Check, text, theme::good_text(ui.visuals()));
        }
        Status::ReachedLate(_) | Status::Overdue(_) => {
            icons::icon_label(
                ui,
                Icon::Warning,
                text.strong(),
                theme::bad_text(ui.visuals()),
            );
        }
        Status::Upcoming | Status::Unplanned => {
            ui.label(text.color(ui.visuals().weak_text_color()));
        }
    }
}

#[cfg(test)]
#[path = "milestones_tests.rs"]
mod tests;
