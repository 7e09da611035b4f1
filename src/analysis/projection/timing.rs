//! When the drivers still ahead will happen (docs/model.md §6, "Timing"): a tappa not reached
//! yet arrives around its planned month, not on it, and devices on order around their
//! expected delivery. How far around is learnt from the programme itself: how late its tappe
//! were against their plans, and how much longer (or shorter) than expected its deliveries
//! took. A partner's draws are split into `CLASSES` equal groups, each living one quantile of
//! those delays; the draws are in random order, so each group is a random fifth of them.

use super::inputs::{Ahead, PartnerInputs, cumulative};
use super::settings::Drivers;
use crate::model::{MilestoneKind, Month, Project};

/// Groups of draws, one per quantile of the delays.
pub(crate) const CLASSES: usize = 5;
/// Fewer examples than this and the programme's own delays are not used: the default is.
pub const MIN_EXAMPLES: usize = 5;
/// Delays (months) when the programme has too few examples: a programme assumption, one
/// month early to two months late, late more often than early.
pub const DEFAULT_DELAYS: [i32; CLASSES] = [-1, 0, 0, 1, 2];

/// The delay each group of draws lives, for tappe and for deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timing {
    pub tappe: [i32; CLASSES],
    pub deliveries: [i32; CLASSES],
}

impl Timing {
    /// Whether any group differs from the plan.
    pub fn uncertain(&self) -> bool {
        self.tappe.iter().chain(&self.deliveries).any(|&d| d != 0)
    }

    /// The largest shift, either way.
    pub fn reach(&self) -> i32 {
        self.tappe
            .iter()
            .chain(&self.deliveries)
            .map(|d| d.abs())
            .max()
            .unwrap_or(0)
    }
}

/// The programme's delays: actual − planned month of every tappa reached with a plan, and
/// delivered − ordered − the expected lead of every purchase delivered.
pub(crate) fn learn(project: &Project, expected_lead: i32) -> Timing {
    let mut tappe = Vec::new();
    let mut deliveries = Vec::new();
    for partner in project.partners.values() {
        for kind in MilestoneKind::ALL {
            let dates = partner.milestone(kind);
            if let (Some(planned), Some(actual)) = (dates.planned, dates.actual) {
                tappe.push(actual.months_since(planned));
            }
        }
        for item in partner.equipment.values() {
            if let (Some(ordered), Some(delivered)) = (item.ordered, item.delivered) {
                deliveries.push(delivered.months_since(ordered) - expected_lead);
            }
        }
    }
    Timing {
        tappe: quantiles(tappe),
        deliveries: quantiles(deliveries),
    }
}

/// The delays at the middle of each of `CLASSES` equal slices of the examples.
fn quantiles(mut delays: Vec<i32>) -> [i32; CLASSES] {
    if delays.len() < MIN_EXAMPLES {
        return DEFAULT_DELAYS;
    }
    delays.sort_unstable();
    let n = delays.len();
    std::array::from_fn(|k| {
        let at = ((2 * k + 1) * n / (2 * CLASSES)).min(n - 1);
        // Delays beyond a few years say more about a typo than about timing.
        delays[at].clamp(-36, 36)
    })
}

/// Whether anything expected of `inputs` falls within `months` after `anchor` (or within
/// the shifts' reach beyond): only then do the groups differ.
/// Only the drivers switched on count: a delivery's month changes nothing without the
/// equipment cap.
pub(crate) fn has_events_ahead(
    inputs: &PartnerInputs,
    drivers: Drivers,
    anchor: Month,
    months: usize,
    reach: i32,
) -> bool {
    let last = anchor.plus(months as i32 + reach);
    let ahead = |month: Month| month > anchor && month <= last;
    let ahead_of = &inputs.ahead;
    (drivers.gating && ahead_of.gate && inputs.gate.is_some_and(ahead))
        || (drivers.pilot_cap && ahead_of.agreements && inputs.agreements.is_some_and(ahead))
        || (drivers.equipment_cap
            && ahead_of
                .expected_deliveries
                .iter()
                .any(|(month, _)| ahead(*month)))
}

/// The drivers a group of draws lives: those of `inputs` with its expected tappe moved by
/// `tappe` months and its expected deliveries by `deliveries`, none before the month after
/// `anchor`. Only what `DriverView` reads is carried over: the result has no observations
/// and nothing ahead (those stay with the partner's own inputs), which spares each group
/// their copies.
pub(crate) fn shifted(
    inputs: &PartnerInputs,
    anchor: Month,
    tappe: i32,
    deliveries: i32,
) -> PartnerInputs {
    let next = anchor.plus(1);
    let moved = |month: Month, by: i32| month.plus(by).max(next);
    let ahead = &inputs.ahead;
    let tappa = |expected: bool, month: Option<Month>| {
        if expected {
            month.map(|month| moved(month, tappe))
        } else {
            month
        }
    };
    let mut increments =
        Vec::with_capacity(ahead.firm_deliveries.len() + ahead.expected_deliveries.len());
    increments.extend_from_slice(&ahead.firm_deliveries);
    increments.extend(
        ahead
            .expected_deliveries
            .iter()
            .map(|&(month, amount)| (moved(month, deliveries), amount)),
    );
    PartnerInputs {
        smartable: inputs.smartable,
        model: inputs.model,
        gate: tappa(ahead.gate, inputs.gate),
        agreements: tappa(ahead.agreements, inputs.agreements),
        devices: cumulative(increments),
        completion: inputs.completion.clone(),
        observations: Vec::new(),
        agile_days: inputs.agile_days,
        person_hours: inputs.person_hours,
        equipment_cost: inputs.equipment_cost,
        changed: inputs.changed,
        ahead: Ahead::default(),
    }
}

/// The shifts of `timing` that change what `inputs` lives under `drivers`, per group: a
/// shift of tappe with none ahead, or of deliveries with none on order, or of a driver
/// switched off, moves nothing and counts as 0.
pub(crate) fn effective_shifts(
    inputs: &PartnerInputs,
    drivers: Drivers,
    timing: &Timing,
) -> [(i32, i32); CLASSES] {
    let ahead = &inputs.ahead;
    let moves_tappe = (drivers.gating && ahead.gate && inputs.gate.is_some())
        || (drivers.pilot_cap && ahead.agreements && inputs.agreements.is_some());
    let moves_deliveries = drivers.equipment_cap && !ahead.expected_deliveries.is_empty();
    std::array::from_fn(|k| {
        (
            if moves_tappe { timing.tappe[k] } else { 0 },
            if moves_deliveries {
                timing.deliveries[k]
            } else {
                0
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{
        bra_with_regolamento_ahead, dates, equipment, month, partner, project,
    };
    use crate::model::{EquipmentKind, ModelSettings};

    #[test]
    fn delays_are_learnt_from_the_programmes_tappe_and_deliveries() {
        let mut programme = project("2025-01", "2027-12");
        for (i, late) in [0, 1, 1, 2, 3, 0].iter().enumerate() {
            let mut comune = partner(&format!("C{i}"), 100, 5, 50);
            let planned = month("2025-03");
            comune.milestones.insert(
                MilestoneKind::Regolamento,
                dates(Some("2025-03"), Some(&planned.plus(*late).to_string())),
            );
            comune.equipment.insert(
                "pc".into(),
                equipment(
                    EquipmentKind::Laptop,
                    10,
                    900,
                    Some("2025-01"),
                    Some("2025-04"),
                ),
            );
            programme
                .partners
                .insert(format!("c{i}").as_str().into(), comune);
        }
        let timing = learn(&programme, 2);
        // Delays 0 0 1 1 2 3: the middles of five slices.
        assert_eq!(timing.tappe, [0, 0, 1, 2, 3]);
        // Three months from order to delivery, one more than expected, every time.
        assert_eq!(timing.deliveries, [1; CLASSES]);
        // Too few examples: the default.
        let empty = project("2025-01", "2027-12");
        assert_eq!(learn(&empty, 2).tappe, DEFAULT_DELAYS);
    }

    #[test]
    fn only_what_lies_ahead_moves_and_never_before_the_next_month() {
        let anchor = month("2025-06");
        let mut comune = bra_with_regolamento_ahead();
        comune.equipment.insert(
            "old".into(),
            equipment(EquipmentKind::Laptop, 10, 900, None, Some("2025-03")),
        );
        comune.equipment.insert(
            "new".into(),
            equipment(EquipmentKind::Laptop, 30, 900, Some("2025-06"), None),
        );
        let inputs = PartnerInputs::build(&comune, &[], &ModelSettings::default(), anchor, 8.0);
        assert_eq!(inputs.gate, Some(month("2025-08")));
        assert_eq!(
            inputs.devices,
            [(month("2025-03"), 10.0), (month("2025-08"), 40.0)]
        );
        let late = shifted(&inputs, anchor, 2, 1);
        assert_eq!(late.gate, Some(month("2025-10")));
        assert_eq!(
            late.devices,
            [(month("2025-03"), 10.0), (month("2025-09"), 40.0)]
        );
        let early = shifted(&inputs, anchor, -5, -5);
        assert_eq!(
            early.gate,
            Some(month("2025-07")),
            "not before the next month"
        );
        assert_eq!(
            early.devices[0],
            (month("2025-03"), 10.0),
            "what was delivered stays"
        );
        // A gate whose tappe are reached does not move, even when after the anchor.
        let mut reached = inputs.clone();
        reached.ahead.gate = false;
        assert_eq!(shifted(&reached, anchor, 2, 0).gate, Some(month("2025-08")));
        assert!(has_events_ahead(&inputs, Drivers::ALL, anchor, 3, 0));
        assert!(!has_events_ahead(&inputs, Drivers::ALL, anchor, 1, 0));
        assert!(!has_events_ahead(&inputs, Drivers::NONE, anchor, 3, 0));
    }
}
