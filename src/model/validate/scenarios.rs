//! Rules for scenarios: references resolve and the figures they set are in range.
//! A scenario projects forward, so its months are not held to the programme's window.

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem};
use crate::model::{ModuleId, PartnerId, ScenarioChange};

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
    use crate::model::{Cents, ModuleId, PartnerId, Project, ScenarioChange, ScenarioId};

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
