//! Two what-if scenarios so the demo shows the Scenarios view something to project.

use std::collections::BTreeMap;

use crate::model::{
    Cents, EquipmentKind, MilestoneKind, Partner, PartnerId, Scenario, ScenarioChange, ScenarioId,
};

use super::calendar::Calendar;

/// Extra laptops in the "more laptops" scenario, at the design brief's ≈ €1,000 each.
const EXTRA_LAPTOPS: i64 = 20;
const LAPTOP_CENTS: Cents = Cents(100_000);

pub(super) fn scenarios(
    partners: &BTreeMap<PartnerId, Partner>,
    calendar: &Calendar,
) -> BTreeMap<ScenarioId, Scenario> {
    let mut scenarios = BTreeMap::new();
    scenarios.insert(
        ScenarioId::new("regolamento-anticipato"),
        Scenario {
            name: "Regolamento anticipato".to_owned(),
            description: "Tutti i Comuni approvano il regolamento e firmano l'intesa sindacale \
                          due mesi prima."
                .to_owned(),
            changes: [MilestoneKind::Regolamento, MilestoneKind::UnionAgreement]
                .into_iter()
                .map(|milestone| ScenarioChange::ShiftMilestone {
                    partner: None,
                    milestone,
                    months: -2,
                })
                .collect(),
        },
    );
    let largest = partners
        .iter()
        .max_by_key(|(id, p)| (p.headcount, std::cmp::Reverse((*id).clone())));
    if let Some((id, partner)) = largest {
        scenarios.insert(
            ScenarioId::new("portatili-extra"),
            Scenario {
                name: format!("{EXTRA_LAPTOPS} portatili in più a {}", partner.name),
                description: "Un ordine aggiuntivo di portatili consegnato a metà programma."
                    .to_owned(),
                changes: vec![ScenarioChange::AddEquipment {
                    partner: id.clone(),
                    kind: EquipmentKind::Laptop,
                    quantity: EXTRA_LAPTOPS,
                    unit_cost: LAPTOP_CENTS,
                    delivered: calendar.month(calendar.last() / 2),
                }],
            },
        );
    }
    scenarios
}
