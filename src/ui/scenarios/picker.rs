//! Which scenario: one button per scenario (the active one highlighted), and, when editing
//! is allowed, new, duplicate and delete, and the active scenario's name and description.
//! Deleting needs no confirmation: Edit › Undo brings the scenario back.

use egui::{Id, RichText, Ui};

use crate::i18n::{Lang, tr, tr_args};
use crate::model::{Edit, Project, Scenario, ScenarioId, slug_unique};
use crate::ui::widgets::{form, section, text_field};
use crate::ui::{Request, ViewCtx};

#[derive(Default)]
pub struct Picker;

impl Picker {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, active: Option<&ScenarioId>) {
        let lang = cx.lang;
        section::panel(ui, |ui| {
            let body = section::body_size(ui);
            ui.horizontal_wrapped(|ui| {
                section::heading(ui, &tr(lang, "scenarios.picker.title"));
                ui.add_space(body);
                for (id, scenario) in &cx.project.scenarios {
                    let picked = active == Some(id);
                    let label = RichText::new(&scenario.name).size(body * 1.15);
                    if ui.selectable_label(picked, label).clicked() && !picked {
                        cx.outbox.push(Request::PickScenario(Some(id.clone())));
                    }
                }
                if cx.editable {
                    ui.separator();
                    self.buttons(ui, cx, active);
                }
            });
            if cx.project.scenarios.is_empty() {
                section::note(ui, &tr(lang, "scenarios.picker.empty"));
            }
            let Some((id, scenario)) = active.and_then(|id| cx.project.scenarios.get_key_value(id))
            else {
                return;
            };
            if cx.editable {
                identity_fields(ui, cx, id, scenario);
            } else if !scenario.description.is_empty() {
                ui.label(RichText::new(&scenario.description).size(body * 1.1));
            }
        });
    }

    fn buttons(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, active: Option<&ScenarioId>) {
        let lang = cx.lang;
        if ui.button(tr(lang, "scenarios.picker.new")).clicked() {
            let (id, scenario) = new_scenario(lang, cx.project);
            put_and_pick(cx, id, scenario);
        }
        let Some((id, scenario)) = active.and_then(|id| cx.project.scenarios.get_key_value(id))
        else {
            return;
        };
        if ui.button(tr(lang, "scenarios.picker.duplicate")).clicked() {
            let (copy_id, copy) = duplicate(lang, cx.project, scenario);
            put_and_pick(cx, copy_id, copy);
        }
        let delete = ui
            .button(tr(lang, "scenarios.picker.delete"))
            .on_hover_text(tr(lang, "scenarios.picker.delete_hint"));
        if delete.clicked() {
            cx.outbox.edit(Edit::PutScenario {
                scenario: id.clone(),
                value: None,
            });
        }
    }
}

fn put_and_pick(cx: &mut ViewCtx<'_>, id: ScenarioId, scenario: Scenario) {
    cx.outbox.edit(Edit::PutScenario {
        scenario: id.clone(),
        value: Some(scenario),
    });
    cx.outbox.push(Request::PickScenario(Some(id)));
}

/// The name and the description of the active scenario, each keystroke an edit (one undo
/// step per field, since edits of one scenario merge while a field has focus).
fn identity_fields(ui: &mut Ui, cx: &mut ViewCtx<'_>, id: &ScenarioId, scenario: &Scenario) {
    let lang = cx.lang;
    let name_label = tr(lang, "scenarios.picker.name");
    let description_label = tr(lang, "scenarios.picker.description");
    let width = form::label_width(ui, [name_label.as_ref(), description_label.as_ref()]) + 8.0;
    let field_width = (ui.available_width() - width - 16.0).max(120.0);
    let name = form::row(ui, width, &name_label, |ui, _| {
        text_field(
            ui,
            Id::unique(("scenario_name", id.as_str())),
            &name_label,
            &scenario.name,
            field_width.min(ui.available_width() * 0.6),
            lang,
            None,
        )
        .value
    });
    let description = form::row(ui, width, &description_label, |ui, _| {
        text_field(
            ui,
            Id::unique(("scenario_description", id.as_str())),
            &description_label,
            &scenario.description,
            field_width,
            lang,
            None,
        )
        .value
    });
    let changed = match (name, description) {
        (Some(name), _) if name != scenario.name => Some(Scenario {
            name,
            ..scenario.clone()
        }),
        (_, Some(description)) if description != scenario.description => Some(Scenario {
            description,
            ..scenario.clone()
        }),
        _ => None,
    };
    if let Some(value) = changed {
        cx.outbox.edit(Edit::PutScenario {
            scenario: id.clone(),
            value: Some(value),
        });
    }
}

/// "Scenario 3", the first number after the count that no scenario is named, with no
/// changes yet.
pub fn new_scenario(lang: Lang, project: &Project) -> (ScenarioId, Scenario) {
    let taken = |name: &str| project.scenarios.values().any(|s| s.name == name);
    let name = (project.scenarios.len() + 1..)
        .map(|n| {
            tr_args(
                lang,
                "scenarios.picker.new_name",
                &[("number", &n.to_string())],
            )
        })
        .find(|name| !taken(name))
        .unwrap_or_default();
    let scenario = Scenario {
        name,
        description: String::new(),
        changes: Vec::new(),
    };
    (fresh_id(project, &scenario.name), scenario)
}

/// A copy named "… (copia)", with every change.
pub fn duplicate(lang: Lang, project: &Project, scenario: &Scenario) -> (ScenarioId, Scenario) {
    let copy = Scenario {
        name: tr_args(
            lang,
            "scenarios.picker.copy_name",
            &[("name", &scenario.name)],
        ),
        ..scenario.clone()
    };
    (fresh_id(project, &copy.name), copy)
}

fn fresh_id(project: &Project, name: &str) -> ScenarioId {
    ScenarioId::new(slug_unique(name, |slug| {
        project.scenarios.contains_key(&ScenarioId::new(slug))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_scenarios_get_the_next_free_number_and_a_fresh_id() {
        let mut project = crate::demo::embedded();
        assert_eq!(project.scenarios.len(), 3);
        let (id, scenario) = new_scenario(Lang::It, &project);
        assert_eq!(scenario.name, "Scenario 4");
        assert_eq!(id.as_str(), "scenario-4");
        project.scenarios.insert(id, scenario);
        project.scenarios.insert(
            "x".into(),
            Scenario {
                name: "Scenario 5".into(),
                description: String::new(),
                changes: Vec::new(),
            },
        );
        let (id, scenario) = new_scenario(Lang::En, &project);
        assert_eq!(
            (id.as_str(), scenario.name.as_str()),
            ("scenario-6", "Scenario 6")
        );
    }

    #[test]
    fn a_duplicate_keeps_the_changes_under_a_new_name() {
        let project = crate::demo::embedded();
        let original = project.scenarios.values().next().unwrap();
        let (id, copy) = duplicate(Lang::It, &project, original);
        assert_eq!(copy.name, format!("{} (copia)", original.name));
        assert_eq!(copy.changes, original.changes);
        assert!(!project.scenarios.contains_key(&id));
    }
}
