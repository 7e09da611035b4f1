//! Three what-if scenarios so the demo shows the Scenarios view something to project: one on
//! the past (milestones two months earlier), two on the months ahead (the consortium's joint
//! tender running late; the largest Comune aiming past the POLA floor).

use std::collections::BTreeMap;

use crate::model::{
    Cents, EquipmentKind, MilestoneKind, Partner, PartnerId, Scenario, ScenarioChange, ScenarioId,
};

use super::calendar::Calendar;
use crate::analysis::projection::EXPECTED_LEAD_MONTHS;

/// Extra laptops in the "more laptops" scenario, at the design brief's ≈ €1,000 each,
/// delivered three months after the programme's end; with them the largest Comune aims at
/// 70% of its smartable staff (the phase-two tender equips 60%, so laptops alone or a higher
/// ceiling alone would change nothing).
const EXTRA_LAPTOPS: i64 = 20;
const LAPTOP_CENTS: Cents = Cents(100_000);
const EXTRA_LAPTOPS_AFTER_END: i32 = 3;
const EXTRA_CEILING: f64 = 0.7;
/// How late the joint tender's laptops arrive in the "tender late" scenario.
const TENDER_DELAY_MONTHS: i32 = 6;

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
    let tender_late: Vec<ScenarioChange> = partners
        .iter()
        .flat_map(|(id, partner)| {
            partner
                .equipment
                .iter()
                .filter(|(_, item)| item.kind.is_device() && item.delivered.is_none())
                .filter_map(move |(equipment, item)| {
                    let expected = item.ordered?.plus(EXPECTED_LEAD_MONTHS);
                    Some(ScenarioChange::MoveEquipment {
                        partner: id.clone(),
                        equipment: equipment.clone(),
                        delivered: expected.plus(TENDER_DELAY_MONTHS),
                    })
                })
        })
        .collect();
    if !tender_late.is_empty() {
        scenarios.insert(
            ScenarioId::new("gara-in-ritardo"),
            Scenario {
                name: "La gara consortile slitta di sei mesi".to_owned(),
                description: "I portatili ancora attesi arrivano sei mesi dopo il previsto."
                    .to_owned(),
                changes: tender_late,
            },
        );
    }
    let largest = partners
        .iter()
        .max_by_key(|(id, p)| (p.headcount, std::cmp::Reverse((*id).clone())));
    if let Some((id, partner)) = largest {
        scenarios.insert(
            ScenarioId::new("portatili-extra"),
            Scenario {
                name: format!("{EXTRA_LAPTOPS} portatili in più a {}", partner.name),
                description: format!(
                    "Un ordine aggiuntivo di portatili consegnato dopo la fine del programma, per \
                     portare il lavoro agile al {:.0}% dello smartabile.",
                    EXTRA_CEILING * 100.0
                ),
                changes: vec![
                    ScenarioChange::AddEquipment {
                        partner: id.clone(),
                        kind: EquipmentKind::Laptop,
                        quantity: EXTRA_LAPTOPS,
                        unit_cost: LAPTOP_CENTS,
                        delivered: calendar.month(calendar.last() + EXTRA_LAPTOPS_AFTER_END),
                    },
                    ScenarioChange::SetCeiling {
                        partner: Some(id.clone()),
                        share: EXTRA_CEILING,
                    },
                ],
            },
        );
    }
    scenarios
}
