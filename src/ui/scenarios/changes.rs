//! The active scenario's changes, one card each: the change in words (what a room reads),
//! then its controls and a button to remove it; below, a menu to add a change. Every control
//! sends the whole scenario with the change replaced (`Edit::PutScenario`), so one drag or
//! one field's typing is one undo step. Without editing (presentation) only the words show.

use egui::{Button, Frame, RichText, ScrollArea, Ui};

use super::change_fields::{self, Fields, first_equipment};
use super::words;
use crate::analysis::projection;
use crate::i18n::{Lang, tr, tr_args};
use crate::model::{
    Cents, Edit, EquipmentKind, MilestoneKind, ModelSetting, ModelSettings, PartnerId, Project,
    Scenario, ScenarioChange, ScenarioId,
};
use crate::ui::ViewCtx;
use crate::ui::widgets::section;

/// Height of the list of changes before it scrolls: about five cards, and at most this share
/// of the window, so on a small screen the comparison table starts within it.
const CHANGES_MAX_HEIGHT: f32 = 420.0;
const CHANGES_MAX_SHARE: f32 = 0.35;
/// Change cards laid out at once. A scenario with a change per Comune has thousands at
/// national scale: it shows the first ones and a button for more, so no frame lays out all.
const CARDS_PER_PAGE: usize = 40;

/// The kinds of change, in the order the add menu offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    ShiftMilestone,
    SetCeiling,
    SetAgileDays,
    AddEquipment,
    MoveEquipment,
    SetCompletionRate,
    ShiftModule,
    SetModelSetting,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::ShiftMilestone,
        ChangeKind::SetCeiling,
        ChangeKind::SetAgileDays,
        ChangeKind::AddEquipment,
        ChangeKind::MoveEquipment,
        ChangeKind::SetCompletionRate,
        ChangeKind::ShiftModule,
        ChangeKind::SetModelSetting,
    ];

    pub fn label(self, lang: Lang) -> std::borrow::Cow<'static, str> {
        let key = match self {
            ChangeKind::ShiftMilestone => "scenarios.add.shift_milestone",
            ChangeKind::SetCeiling => "scenarios.add.ceiling",
            ChangeKind::SetAgileDays => "scenarios.add.agile_days",
            ChangeKind::AddEquipment => "scenarios.add.add_equipment",
            ChangeKind::MoveEquipment => "scenarios.add.move_equipment",
            ChangeKind::SetCompletionRate => "scenarios.add.completion_rate",
            ChangeKind::ShiftModule => "scenarios.add.shift_module",
            ChangeKind::SetModelSetting => "scenarios.add.model_setting",
        };
        tr(lang, key)
    }
}

/// Where a new change starts: the partner in focus (or every partner), the union agreement
/// three months earlier, a ceiling of 70%, and so on; `None` when the project has nothing the
/// kind could change (no partner, no purchase, no module).
pub fn new_change(
    kind: ChangeKind,
    project: &Project,
    order: &[PartnerId],
    focus: Option<&PartnerId>,
) -> Option<ScenarioChange> {
    let focus = focus
        .filter(|id| project.partners.contains_key(*id))
        .cloned();
    let some_partner = || focus.clone().or_else(|| order.first().cloned());
    let module = || {
        project
            .catalogue
            .iter()
            .find(|(_, m)| !m.retired)
            .map(|(id, _)| id.clone())
    };
    let after = |months| projection::anchor(project).plus(months);
    Some(match kind {
        ChangeKind::ShiftMilestone => ScenarioChange::ShiftMilestone {
            partner: focus,
            milestone: MilestoneKind::UnionAgreement,
            months: -3,
        },
        ChangeKind::SetCeiling => ScenarioChange::SetCeiling {
            partner: focus,
            share: 0.7,
        },
        ChangeKind::SetAgileDays => ScenarioChange::SetAgileDays {
            partner: focus,
            days: 8.0,
        },
        ChangeKind::AddEquipment => ScenarioChange::AddEquipment {
            partner: some_partner()?,
            kind: EquipmentKind::Laptop,
            quantity: 20,
            unit_cost: Cents::from_euros(1_000),
            delivered: after(3),
        },
        ChangeKind::MoveEquipment => {
            let partner = focus
                .iter()
                .chain(order)
                .find(|id| first_equipment(project, id).is_some())?
                .clone();
            let equipment = first_equipment(project, &partner)?;
            let delivered = project
                .partners
                .get(&partner)
                .and_then(|p| p.equipment.get(&equipment))
                .and_then(|e| e.delivered)
                .map_or_else(|| after(1), |m| m.plus(-3));
            ScenarioChange::MoveEquipment {
                partner,
                equipment,
                delivered,
            }
        }
        ChangeKind::SetCompletionRate => ScenarioChange::SetCompletionRate {
            partner: focus,
            module: module()?,
            rate: 1.0,
        },
        ChangeKind::ShiftModule => ScenarioChange::ShiftModule {
            partner: focus,
            module: module()?,
            months: -3,
        },
        ChangeKind::SetModelSetting => {
            let setting = ModelSetting::TrainingEffect;
            ScenarioChange::SetModelSetting {
                partner: focus,
                setting,
                value: ModelSettings::default().get(setting),
            }
        }
    })
}

#[derive(Default)]
pub struct ChangesEditor {
    /// Pages of cards shown beyond the first, for `for_scenario`.
    more: usize,
    for_scenario: Option<ScenarioId>,
}

impl ChangesEditor {
    /// "Altre 7.083 modifiche non mostrate · [Mostra altre 40]".
    fn more_row(&mut self, ui: &mut Ui, lang: Lang, hidden: usize) {
        ui.horizontal(|ui| {
            section::note(
                ui,
                &crate::i18n::plural(lang, "scenarios.changes.more_hidden", hidden as i64, &[]),
            );
            let page = crate::i18n::format::integer(lang, hidden.min(CARDS_PER_PAGE) as i64);
            let label = tr_args(lang, "scenarios.changes.show_more", &[("count", &page)]);
            if ui.button(label).clicked() {
                self.more += 1;
            }
        });
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, active: Option<&ScenarioId>) {
        let lang = cx.lang;
        section::panel(ui, |ui| {
            section::heading(ui, &tr(lang, "scenarios.changes.title"));
            let Some((id, scenario)) = active.and_then(|id| cx.project.scenarios.get_key_value(id))
            else {
                section::note(ui, &tr(lang, "scenarios.changes.no_scenario"));
                return;
            };
            if scenario.changes.is_empty() {
                section::note(ui, &tr(lang, "scenarios.changes.none"));
            }
            let months = (
                cx.project.meta.start,
                cx.project
                    .meta
                    .end
                    .max(projection::anchor(cx.project).plus(24)),
            );
            let mut changed: Option<Vec<ScenarioChange>> = None;
            // A long list (a change per Comune) scrolls on its own, so the comparison table
            // below stays in sight while a field is moved.
            let list_height =
                CHANGES_MAX_HEIGHT.min(ui.ctx().content_rect().height() * CHANGES_MAX_SHARE);
            ScrollArea::vertical()
                .id_salt("scenario_changes")
                .max_height(list_height)
                .min_scrolled_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if self.for_scenario.as_ref() != Some(id) {
                        self.for_scenario = Some(id.clone());
                        self.more = 0;
                    }
                    let limit = CARDS_PER_PAGE.saturating_mul(self.more + 1);
                    for (index, change) in scenario.changes.iter().enumerate().take(limit) {
                        let fields = Fields {
                            project: cx.project,
                            order: &cx.dashboard.partner_order,
                            lang,
                            scenario: id,
                            index,
                            months,
                        };
                        match card(ui, &fields, change, cx.editable) {
                            Some(CardAction::Replace(edited)) => {
                                let mut changes = scenario.changes.clone();
                                changes[index] = edited;
                                changed = Some(changes);
                            }
                            Some(CardAction::Remove) => {
                                let mut changes = scenario.changes.clone();
                                changes.remove(index);
                                changed = Some(changes);
                            }
                            None => {}
                        }
                    }
                    let hidden = scenario.changes.len().saturating_sub(limit);
                    if hidden > 0 {
                        self.more_row(ui, lang, hidden);
                    }
                });
            if cx.editable {
                ui.add_space(4.0);
                if let Some(added) = add_menu(ui, cx) {
                    let mut changes = scenario.changes.clone();
                    changes.push(added);
                    changed = Some(changes);
                }
            }
            if let Some(changes) = changed {
                cx.outbox.edit(Edit::PutScenario {
                    scenario: id.clone(),
                    value: Some(Scenario {
                        changes,
                        ..scenario.clone()
                    }),
                });
            }
        });
    }
}

enum CardAction {
    Replace(ScenarioChange),
    Remove,
}

fn card(
    ui: &mut Ui,
    f: &Fields<'_>,
    change: &ScenarioChange,
    editable: bool,
) -> Option<CardAction> {
    let body = section::body_size(ui);
    let mut action = None;
    // No fill of its own: the fields inside keep their contrast with the panel.
    Frame::group(ui.style()).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let words = words::describe(f.lang, f.project, change);
        ui.horizontal(|ui| {
            if editable {
                // The button first, right-aligned, so the words wrap in what is left.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    let remove = ui
                        .add(Button::new(tr(f.lang, "scenarios.changes.remove")).small())
                        .on_hover_text(tr(f.lang, "scenarios.changes.remove_hint"));
                    if remove.clicked() {
                        action = Some(CardAction::Remove);
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(&words).size(body * 1.1).strong())
                                .wrap(),
                        );
                    });
                });
            } else {
                ui.add(egui::Label::new(RichText::new(&words).size(body * 1.2).strong()).wrap());
            }
        });
        if editable
            && action.is_none()
            && let Some(edited) = change_fields::edit(ui, f, change)
        {
            action = Some(CardAction::Replace(edited));
        }
    });
    action
}

fn add_menu(ui: &mut Ui, cx: &ViewCtx<'_>) -> Option<ScenarioChange> {
    let mut added = None;
    ui.menu_button(tr(cx.lang, "scenarios.changes.add"), |ui| {
        for kind in ChangeKind::ALL {
            let change = new_change(
                kind,
                cx.project,
                &cx.dashboard.partner_order,
                cx.selection.focus.as_ref(),
            );
            let button = ui.add_enabled(change.is_some(), Button::new(kind.label(cx.lang)));
            if button.clicked() {
                added = change;
                ui.close();
            }
        }
    });
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_changes_start_from_the_partner_in_focus_or_everyone() {
        let project = crate::demo::embedded();
        let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
        let bra = PartnerId::new("bra");
        assert_eq!(
            new_change(ChangeKind::SetCeiling, &project, &order, None),
            Some(ScenarioChange::SetCeiling {
                partner: None,
                share: 0.7
            })
        );
        let Some(ScenarioChange::ShiftMilestone {
            partner, months, ..
        }) = new_change(ChangeKind::ShiftMilestone, &project, &order, Some(&bra))
        else {
            panic!("a milestone shift");
        };
        assert_eq!((partner, months), (Some(bra.clone()), -3));
        // A purchase needs a partner: the first in the list when none is in focus.
        let Some(ScenarioChange::AddEquipment { partner, .. }) =
            new_change(ChangeKind::AddEquipment, &project, &order, None)
        else {
            panic!("a purchase");
        };
        assert_eq!(partner, order[0]);
    }

    #[test]
    fn kinds_without_anything_to_change_are_not_offered() {
        let start = crate::model::Month::new(2025, 1).unwrap();
        let project = Project::new("Vuoto", start, start.plus(11));
        for kind in [
            ChangeKind::AddEquipment,
            ChangeKind::MoveEquipment,
            ChangeKind::SetCompletionRate,
            ChangeKind::ShiftModule,
        ] {
            assert_eq!(new_change(kind, &project, &[], None), None, "{kind:?}");
        }
        assert!(new_change(ChangeKind::SetAgileDays, &project, &[], None).is_some());
    }
}
