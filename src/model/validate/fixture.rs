//! A small project with every kind of item and no findings, which each rule's test breaks in
//! exactly one place.

use std::collections::BTreeMap;

use super::{Problem, Severity, Target, validate};
use crate::analysis::fixture::{choice, equipment, module, month, observe, partner, project};
use crate::model::{
    Cents, EquipmentKind, IndicatorBlock, IndicatorDef, IndicatorValues, MilestoneDates,
    MilestoneKind, ModuleArea, PartnerId, Project, Scenario, ScenarioChange,
};

pub(super) fn valid_project() -> Project {
    let mut project = project("2025-01", "2025-12");
    project.meta.max_modules_per_partner = 2;

    let mut lead = module("Leadership agile", ModuleArea::Leadership, 12.0);
    lead.indicators.insert("hours-saved".into());
    project.catalogue.insert("lead".into(), lead);
    project.catalogue.insert(
        "digi".into(),
        module("Digital skills", ModuleArea::DigitalSkills, 8.0),
    );
    let mut spare = module("Spare module", ModuleArea::Rules, 4.0);
    spare.retired = true;
    project.catalogue.insert("spare".into(), spare);
    project.indicators.insert(
        "hours-saved".into(),
        IndicatorDef {
            name: "Hours saved".to_owned(),
            block: IndicatorBlock::Impacts,
            unit: "h".to_owned(),
            higher_is_better: true,
        },
    );

    let mut bra = partner("Bra", 100, 10, 60);
    let dates = |planned: &str, actual: &str| MilestoneDates {
        planned: Some(month(planned)),
        actual: Some(month(actual)),
    };
    bra.milestones = BTreeMap::from([
        (MilestoneKind::Mapping, dates("2025-02", "2025-02")),
        (MilestoneKind::Regolamento, dates("2025-04", "2025-05")),
        (MilestoneKind::UnionAgreement, dates("2025-04", "2025-04")),
        (
            MilestoneKind::IndividualAgreements,
            dates("2025-06", "2025-06"),
        ),
        (MilestoneKind::PilotStart, dates("2025-06", "2025-07")),
    ]);
    bra.modules.insert(
        "lead".into(),
        choice(30, 25, &[("2025-03-10", 4.0, 28), ("2025-04-07", 4.0, 26)]),
    );
    bra.modules
        .insert("digi".into(), choice(40, 40, &[("2025-05-12", 8.0, 40)]));
    bra.equipment.insert(
        "eq-1".into(),
        equipment(
            EquipmentKind::Laptop,
            20,
            1000,
            Some("2025-03"),
            Some("2025-05"),
        ),
    );
    bra.equipment.insert(
        "eq-2".into(),
        equipment(
            EquipmentKind::VpnLicence,
            60,
            50,
            Some("2025-03"),
            Some("2025-03"),
        ),
    );
    observe(&mut bra, "2025-06", 10, 4.0);
    observe(&mut bra, "2025-07", 20, 6.0);
    if let Some(june) = bra.observations.months.first_mut().and_then(Option::as_mut) {
        june.wellbeing = Some(3.8);
        june.belonging = Some(5.0);
    }
    bra.indicators.insert(
        "hours-saved".into(),
        IndicatorValues {
            baseline: Some(0.0),
            targets: BTreeMap::from([(2025, 500.0)]),
            observed: BTreeMap::from([(month("2025-06"), 120.0)]),
        },
    );
    project.partners.insert("bra".into(), bra);

    let mut alba = partner("Alba", 50, 5, 30);
    alba.modules
        .insert("digi".into(), choice(10, 8, &[("2025-04-01", 8.0, 9)]));
    observe(&mut alba, "2025-07", 5, 10.0);
    project.partners.insert("alba".into(), alba);

    let bra = || PartnerId::from("bra");
    project.scenarios.insert(
        "early".into(),
        Scenario {
            name: "Early training".to_owned(),
            description: String::new(),
            changes: vec![
                ScenarioChange::ShiftMilestone {
                    partner: Some(bra()),
                    milestone: MilestoneKind::Regolamento,
                    months: -2,
                },
                ScenarioChange::AddEquipment {
                    partner: bra(),
                    kind: EquipmentKind::Laptop,
                    quantity: 20,
                    unit_cost: Cents::from_euros(1000),
                    delivered: month("2025-09"),
                },
                ScenarioChange::SetCompletionRate {
                    partner: None,
                    module: "lead".into(),
                    rate: 0.9,
                },
                ScenarioChange::SetCeiling {
                    partner: Some("alba".into()),
                    share: 0.8,
                },
                ScenarioChange::SetAgileDays {
                    partner: None,
                    days: 8.0,
                },
            ],
        },
    );
    project
}

/// Breaking the valid project with `change` yields this finding, which the valid project
/// does not have. Problems are compared by their debug text so NaN values match.
pub(super) fn expect_finding(
    change: impl FnOnce(&mut Project),
    severity: Severity,
    target: Target,
    problem: Problem,
) {
    let wanted = format!("{problem:?}");
    let matches = |findings: &[super::Finding]| {
        findings.iter().any(|f| {
            f.severity == severity && f.target == target && format!("{:?}", f.problem) == wanted
        })
    };
    let mut project = valid_project();
    assert!(
        !matches(&validate(&project)),
        "the valid project has {wanted}"
    );
    change(&mut project);
    let findings = validate(&project);
    assert!(
        matches(&findings),
        "expected {severity:?} {target:?} {wanted}, found {findings:#?}"
    );
}

/// Breaking the valid project with `change` yields no finding at all (a boundary case).
pub(super) fn expect_clean(change: impl FnOnce(&mut Project)) {
    let mut project = valid_project();
    change(&mut project);
    let findings = validate(&project);
    assert!(findings.is_empty(), "{findings:#?}");
}
