//! Rules for scenarios: references resolve and the figures they set are in range.
//! A scenario projects forward, so its months are not held to the programme's window.

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem};
use crate::model::{EquipmentId, ModelSetting, ModuleId, PartnerId, ScenarioChange};

pub(super) fn check_scenarios(checker: &mut Checker<'_>) {
    let project = checker.project;
    for (id, scenario) in &project.scenarios {
        let place = Place::Scenario(id, None);
        checker.id(place, id.as_str());
        checker.name(place, Field::Name, &scenario.name);
        for (index, change) in scenario.changes.iter().enumerate() {
            let place = Place::Scenario(id, Some(index));
            if let Some(partner) = change.partner() {
                partner_exists(checker, place, partner);
            }
            match change {
                ScenarioChange::ShiftMilestone { .. } => {}
                ScenarioChange::AddEquipment {
                    quantity,
                    unit_cost,
                    ..
                } => {
                    checker.count(place, Field::Quantity, *quantity);
                    if unit_cost.0 < 0 {
                        let problem = Problem::NegativeAmount {
                            field: Field::UnitCost,
                            value: *unit_cost,
                        };
                        checker.error(place, problem);
                    }
                }
                ScenarioChange::SetCompletionRate { module, rate, .. } => {
                    module_exists(checker, place, module);
                    checker.in_range(place, Field::CompletionRate, *rate, (0.0, 1.0));
                }
                ScenarioChange::SetCeiling { share, .. } => {
                    checker.in_range(place, Field::CeilingShare, *share, (0.0, 1.0));
                }
                ScenarioChange::SetAgileDays { days, .. } => checker.agile_days(place, *days),
                ScenarioChange::MoveEquipment {
                    partner, equipment, ..
                } => equipment_exists(checker, place, partner, equipment),
                ScenarioChange::ShiftModule { module, .. } => module_exists(checker, place, module),
                ScenarioChange::SetModelSetting { setting, value, .. } => {
                    checker.in_range(place, setting_field(*setting), *value, setting.range());
                }
            }
        }
    }
}

fn partner_exists(checker: &mut Checker<'_>, place: Place<'_>, partner: &PartnerId) {
    if !checker.project.partners.contains_key(partner) {
        let problem = Problem::UnknownPartner {
            partner: partner.clone(),
        };
        checker.error(place, problem);
    }
}

/// Checked only when the partner exists: an unknown partner is already reported.
fn equipment_exists(
    checker: &mut Checker<'_>,
    place: Place<'_>,
    partner: &PartnerId,
    equipment: &EquipmentId,
) {
    let missing = checker
        .project
        .partners
        .get(partner)
        .is_some_and(|p| !p.equipment.contains_key(equipment));
    if missing {
        let problem = Problem::UnknownEquipment {
            equipment: equipment.clone(),
        };
        checker.error(place, problem);
    }
}

fn setting_field(setting: ModelSetting) -> Field {
    match setting {
        ModelSetting::PilotShare => Field::PilotShare,
        ModelSetting::OwnDeviceShare => Field::OwnDeviceShare,
        ModelSetting::TrainingEffect => Field::TrainingEffect,
        ModelSetting::InnovationPrior => Field::InnovationPrior,
        ModelSetting::ImitationPrior => Field::ImitationPrior,
    }
}

fn module_exists(checker: &mut Checker<'_>, place: Place<'_>, module: &ModuleId) {
    if !checker.project.catalogue.contains_key(module) {
        let problem = Problem::UnknownModule {
            module: module.clone(),
        };
        checker.error(place, problem);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::validate::fixture::{expect_finding, valid_project};
    use crate::model::validate::{Field, Problem, Severity, Target, validate};
    use crate::model::{
        Cents, EquipmentId, ModelSetting, ModuleId, Month, PartnerId, Project, ScenarioChange,
        ScenarioId,
    };

    fn change(project: &mut Project, index: usize) -> &mut ScenarioChange {
        let early = project
            .scenarios
            .get_mut(&ScenarioId::from("early"))
            .unwrap();
        &mut early.changes[index]
    }

    fn target() -> Target {
        Target::Scenario(ScenarioId::from("early"))
    }

    #[test]
    fn scenario_partners_must_exist() {
        expect_finding(
            |p| {
                if let ScenarioChange::ShiftMilestone { partner, .. } = change(p, 0) {
                    *partner = Some(PartnerId::from("cuneo"));
                }
            },
            Severity::Error,
            target(),
            Problem::UnknownPartner {
                partner: PartnerId::from("cuneo"),
            },
        );
    }

    #[test]
    fn scenario_modules_must_exist() {
        expect_finding(
            |p| {
                if let ScenarioChange::SetCompletionRate { module, .. } = change(p, 2) {
                    *module = ModuleId::from("ghost");
                }
            },
            Severity::Error,
            target(),
            Problem::UnknownModule {
                module: ModuleId::from("ghost"),
            },
        );
    }

    #[test]
    fn shares_and_rates_are_between_zero_and_one() {
        expect_finding(
            |p| {
                if let ScenarioChange::SetCompletionRate { rate, .. } = change(p, 2) {
                    *rate = 1.2;
                }
            },
            Severity::Error,
            target(),
            Problem::OutOfRange {
                field: Field::CompletionRate,
                value: 1.2,
                min: 0.0,
                max: 1.0,
            },
        );
        expect_finding(
            |p| {
                if let ScenarioChange::SetCeiling { share, .. } = change(p, 3) {
                    *share = -0.1;
                }
            },
            Severity::Error,
            target(),
            Problem::OutOfRange {
                field: Field::CeilingShare,
                value: -0.1,
                min: 0.0,
                max: 1.0,
            },
        );
    }

    #[test]
    fn scenario_agile_days_follow_the_observation_rules() {
        expect_finding(
            |p| {
                if let ScenarioChange::SetAgileDays { days, .. } = change(p, 4) {
                    *days = 30.0;
                }
            },
            Severity::Error,
            target(),
            Problem::OutOfRange {
                field: Field::AgileDays,
                value: 30.0,
                min: 0.0,
                max: 22.0,
            },
        );
    }

    #[test]
    fn added_equipment_is_never_negative() {
        expect_finding(
            |p| {
                if let ScenarioChange::AddEquipment { quantity, .. } = change(p, 1) {
                    *quantity = -5;
                }
            },
            Severity::Error,
            target(),
            Problem::Negative {
                field: Field::Quantity,
                value: -5,
            },
        );
        expect_finding(
            |p| {
                if let ScenarioChange::AddEquipment { unit_cost, .. } = change(p, 1) {
                    *unit_cost = Cents(-1);
                }
            },
            Severity::Error,
            target(),
            Problem::NegativeAmount {
                field: Field::UnitCost,
                value: Cents(-1),
            },
        );
    }

    fn push(project: &mut Project, change: ScenarioChange) {
        let early = project
            .scenarios
            .get_mut(&ScenarioId::from("early"))
            .unwrap();
        early.changes.push(change);
    }

    #[test]
    fn moved_equipment_must_be_one_of_the_partners_purchases() {
        let moved = |equipment: &str| ScenarioChange::MoveEquipment {
            partner: PartnerId::from("bra"),
            equipment: EquipmentId::from(equipment),
            delivered: Month::new(2025, 6).unwrap(),
        };
        let mut project = valid_project();
        let own = project.partners[&PartnerId::from("bra")]
            .equipment
            .keys()
            .next()
            .expect("the fixture's Bra has equipment")
            .clone();
        push(&mut project, moved(own.as_str()));
        assert!(validate(&project).is_empty(), "{:?}", validate(&project));
        expect_finding(
            |p| push(p, moved("ghost")),
            Severity::Error,
            target(),
            Problem::UnknownEquipment {
                equipment: EquipmentId::from("ghost"),
            },
        );
    }

    #[test]
    fn shifted_modules_must_be_in_the_catalogue() {
        expect_finding(
            |p| {
                push(
                    p,
                    ScenarioChange::ShiftModule {
                        partner: None,
                        module: ModuleId::from("ghost"),
                        months: -2,
                    },
                )
            },
            Severity::Error,
            target(),
            Problem::UnknownModule {
                module: ModuleId::from("ghost"),
            },
        );
    }

    #[test]
    fn model_settings_stay_in_their_ranges() {
        let setting = |setting, value| ScenarioChange::SetModelSetting {
            partner: None,
            setting,
            value,
        };
        let mut project = valid_project();
        push(&mut project, setting(ModelSetting::TrainingEffect, 0.8));
        push(&mut project, setting(ModelSetting::ImitationPrior, 0.5));
        assert!(validate(&project).is_empty(), "{:?}", validate(&project));
        expect_finding(
            |p| push(p, setting(ModelSetting::PilotShare, 1.5)),
            Severity::Error,
            target(),
            Problem::OutOfRange {
                field: Field::PilotShare,
                value: 1.5,
                min: 0.0,
                max: 1.0,
            },
        );
        expect_finding(
            |p| push(p, setting(ModelSetting::InnovationPrior, 0.0)),
            Severity::Error,
            target(),
            Problem::OutOfRange {
                field: Field::InnovationPrior,
                value: 0.0,
                min: 0.0005,
                max: 0.5,
            },
        );
    }

    #[test]
    fn the_path_names_the_scenario_and_the_change() {
        let mut project = valid_project();
        if let ScenarioChange::SetCeiling { share, .. } = change(&mut project, 3) {
            *share = 2.0;
        }
        let findings = validate(&project);
        let texts: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            ["Scenarios › Early training › Change 4: ceiling share 2 outside 0–1"]
        );
    }

    #[test]
    fn scenario_ids_and_names() {
        expect_finding(
            |p| {
                let early = p.scenarios.remove(&ScenarioId::from("early")).unwrap();
                p.scenarios.insert(ScenarioId::from("early?"), early);
            },
            Severity::Error,
            Target::Scenario(ScenarioId::from("early?")),
            Problem::MalformedId {
                id: "early?".to_owned(),
            },
        );
        expect_finding(
            |p| {
                p.scenarios
                    .get_mut(&ScenarioId::from("early"))
                    .unwrap()
                    .name = String::new()
            },
            Severity::Warning,
            target(),
            Problem::Empty { field: Field::Name },
        );
    }
}
