//! What the engine needs of one partner, read from the project with a scenario's changes
//! applied on the way (the project itself is never copied or changed): its potential, the
//! months its milestones open the way, devices and training completion month by month, its
//! observations, and the plan's totals the comparison reports.

use crate::model::{
    Cents, MilestoneKind, ModelSetting, ModelSettings, Month, Partner, ScenarioChange, YEAR_RANGE,
};

/// Agile days per smart worker per month when nothing observed says otherwise: the middle of
/// the demo's 4–9 and under the 10 at which in-person work would stop prevailing.
pub(crate) const DEFAULT_AGILE_DAYS: f64 = 8.0;

/// Months from order to delivery expected for an order still awaited (the demo's devices take
/// one to four).
pub const EXPECTED_LEAD_MONTHS: i32 = 2;

/// Milestone shifts are kept within a century so month arithmetic cannot overflow.
const MAX_SHIFT: i32 = 1200;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartnerInputs {
    pub smartable: f64,
    pub model: ModelSettings,
    /// The month adoption may begin: regolamento and intesa sindacale both reached.
    pub gate: Option<Month>,
    /// Individual agreements: before them only a pilot group may work agile.
    pub agreements: Option<Month>,
    /// Devices delivered by the end of each listed month (cumulative, ascending months).
    pub devices: Vec<(Month, f64)>,
    /// Training completion (0–1) by the end of each listed month (cumulative, ascending).
    pub completion: Vec<(Month, f64)>,
    /// Observed smart workers, ascending months.
    pub observations: Vec<(Month, f64)>,
    pub agile_days: f64,
    pub person_hours: f64,
    pub equipment_cost: Cents,
    /// Whether any change of the scenario applies to this partner.
    pub changed: bool,
    /// What is expected rather than known: it may come later or earlier (`timing`).
    pub ahead: Ahead,
}

/// The drivers of a partner that are expected, not yet known.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Ahead {
    /// The gate's month is a plan: the regolamento or the intesa sindacale is not reached.
    pub gate: bool,
    /// The individual agreements are not reached.
    pub agreements: bool,
    /// Devices delivered or dated by a scenario, by month (increments).
    pub firm_deliveries: Vec<(Month, f64)>,
    /// Devices on order, at their expected delivery (increments).
    pub expected_deliveries: Vec<(Month, f64)>,
}

impl PartnerInputs {
    /// The partner as the scenario `changes` (already limited to this partner, in order) plan
    /// it. Milestones not reached by `anchor` are expected at their planned month, or the month
    /// after the anchor when the plan has passed.
    pub fn build(
        partner: &Partner,
        changes: &[&ScenarioChange],
        base: &ModelSettings,
        anchor: Month,
        default_agile_days: f64,
    ) -> PartnerInputs {
        let mut model = *base;
        let mut agile_days = last_agile_days(partner).unwrap_or(default_agile_days);
        for change in changes {
            match change {
                ScenarioChange::SetCeiling { share, .. } => model.ceiling_share = *share,
                ScenarioChange::SetModelSetting { setting, value, .. } => {
                    model.set(*setting, *value);
                }
                ScenarioChange::SetAgileDays { days, .. } if days.is_finite() => {
                    agile_days = days.max(0.0);
                }
                _ => {}
            }
        }
        let milestone = |kind| milestone_month(partner, kind, changes, anchor);
        let gate = milestone(MilestoneKind::Regolamento)
            .zip(milestone(MilestoneKind::UnionAgreement))
            .map(|(regolamento, union)| regolamento.max(union));
        let reached = |kind| partner.milestone(kind).actual.is_some();
        let (firm_deliveries, expected_deliveries, equipment_cost) =
            devices(partner, changes, anchor);
        let devices = cumulative(
            firm_deliveries
                .iter()
                .chain(&expected_deliveries)
                .copied()
                .collect(),
        );
        let (completion, person_hours) = training(partner, changes);
        PartnerInputs {
            smartable: count(partner.smartable),
            model: sanitized(model),
            gate,
            agreements: milestone(MilestoneKind::IndividualAgreements),
            devices,
            completion,
            observations: observed(partner),
            agile_days,
            person_hours,
            equipment_cost,
            changed: !changes.is_empty(),
            ahead: Ahead {
                gate: !(reached(MilestoneKind::Regolamento)
                    && reached(MilestoneKind::UnionAgreement)),
                agreements: !reached(MilestoneKind::IndividualAgreements),
                firm_deliveries,
                expected_deliveries,
            },
        }
    }

    /// Potential adopters m = smartable staff × ceiling share.
    pub fn potential(&self) -> f64 {
        self.smartable * self.model.ceiling_share
    }

    pub fn last_observation(&self) -> Option<(Month, f64)> {
        self.observations.last().copied()
    }
}

/// Figures read from a file may be anything; the engine works on finite values in range
/// (validation reports the rest).
fn sanitized(mut model: ModelSettings) -> ModelSettings {
    let within = |value: f64, (min, max): (f64, f64), fallback: f64| {
        if value.is_finite() {
            value.clamp(min, max)
        } else {
            fallback
        }
    };
    let defaults = ModelSettings::default();
    model.ceiling_share = within(model.ceiling_share, (0.0, 1.0), defaults.ceiling_share);
    for setting in ModelSetting::ALL {
        let value = within(model.get(setting), setting.range(), defaults.get(setting));
        model.set(setting, value);
    }
    model
}

/// The partner's observed smart workers, month by month.
fn observed(partner: &Partner) -> Vec<(Month, f64)> {
    // Sized for every month of the series: gaps are rare, and growing by doubling would
    // cost several copies per partner and projection.
    let mut observed = Vec::with_capacity(partner.observations.months.len());
    observed.extend(
        partner
            .observations
            .iter()
            .map(|(month, o)| (month, count(o.smart_workers))),
    );
    observed
}

fn count(value: i64) -> f64 {
    value.max(0) as f64
}

/// Average agile days at the last observation with smart workers.
fn last_agile_days(partner: &Partner) -> Option<f64> {
    partner
        .observations
        .iter()
        .rev()
        .find(|(_, o)| o.smart_workers > 0 && o.agile_days > 0.0)
        .map(|(_, o)| o.agile_days)
        .filter(|days| days.is_finite())
}

/// Agile days per smart worker in the consortium at each partner's last observation: the
/// default for partners that have not observed any.
pub(crate) fn consortium_agile_days<'a>(partners: impl Iterator<Item = &'a Partner>) -> f64 {
    let (sum, n) = partners
        .filter_map(last_agile_days)
        .fold((0.0, 0usize), |(sum, n), days| (sum + days, n + 1));
    if n == 0 {
        DEFAULT_AGILE_DAYS
    } else {
        sum / n as f64
    }
}

/// The month a milestone is reached in the scenario: the actual month if there is one, else
/// the plan (not before the month after `anchor`), moved by the scenario's shifts. A milestone
/// not yet reached cannot be moved before the month after `anchor`.
fn milestone_month(
    partner: &Partner,
    kind: MilestoneKind,
    changes: &[&ScenarioChange],
    anchor: Month,
) -> Option<Month> {
    let shift = changes
        .iter()
        .filter_map(|change| match change {
            ScenarioChange::ShiftMilestone {
                milestone, months, ..
            } if *milestone == kind => Some(*months),
            _ => None,
        })
        .fold(0_i32, |total, months| {
            total.saturating_add(months).clamp(-MAX_SHIFT, MAX_SHIFT)
        });
    let next = anchor.plus(1);
    let dates = partner.milestone(kind);
    match dates.actual {
        Some(actual) => Some(actual.plus(shift)),
        None => dates
            .planned
            .map(|planned| planned.max(next).plus(shift).max(next)),
    }
}

/// Devices arriving, by month (increments).
type Deliveries = Vec<(Month, f64)>;

/// Devices (laptops, tablets) by month of delivery: those delivered or dated by the scenario's
/// moved and added purchases, and those on order; and the cost of all purchases, added ones
/// included. An order still awaited is expected `EXPECTED_LEAD_MONTHS` after it was placed,
/// and not before the month after `anchor`; a purchase neither ordered nor delivered brings no
/// device.
fn devices(
    partner: &Partner,
    changes: &[&ScenarioChange],
    anchor: Month,
) -> (Deliveries, Deliveries, Cents) {
    let mut deliveries: Vec<(Month, f64)> = Vec::new();
    let mut expected_deliveries: Vec<(Month, f64)> = Vec::new();
    let mut cost = Cents(0);
    for (id, item) in &partner.equipment {
        cost = cost + item.total_cost();
        let moved = changes.iter().rev().find_map(|change| match change {
            ScenarioChange::MoveEquipment {
                equipment,
                delivered,
                ..
            } if equipment == id => Some(*delivered),
            _ => None,
        });
        let expected = item
            .ordered
            .map(|ordered| ordered.plus(EXPECTED_LEAD_MONTHS).max(anchor.plus(1)));
        if !item.kind.is_device() {
            continue;
        }
        match (moved.or(item.delivered), expected) {
            (Some(month), _) => deliveries.push((month, count(item.quantity))),
            (None, Some(month)) => expected_deliveries.push((month, count(item.quantity))),
            (None, None) => {}
        }
    }
    for change in changes {
        if let ScenarioChange::AddEquipment {
            kind,
            quantity,
            unit_cost,
            delivered,
            ..
        } = change
        {
            cost = cost + *unit_cost * (*quantity).max(0);
            if kind.is_device() {
                deliveries.push((*delivered, count(*quantity)));
            }
        }
    }
    (deliveries, expected_deliveries, cost)
}

/// Training completion by month and the person-hours of the plan.
///
/// A module's completion (completed / enrolled, or the scenario's rate) is reached gradually,
/// in proportion to the hours of its sessions held; a module without sessions counts from
/// the start. The partner's completion is Σ completed × share held / Σ enrolled. A scenario's
/// rate scales the module's attended hours with its completions.
fn training(partner: &Partner, changes: &[&ScenarioChange]) -> (Vec<(Month, f64)>, f64) {
    let enrolled_total: f64 = partner.modules.values().map(|c| count(c.enrolled)).sum();
    let mut steps: Vec<(Month, f64)> = Vec::with_capacity(
        partner
            .modules
            .values()
            .map(|choice| choice.sessions.len().max(1))
            .sum(),
    );
    let mut person_hours = 0.0;
    for (module, choice) in &partner.modules {
        let enrolled = count(choice.enrolled);
        let recorded = count(choice.completed).min(enrolled);
        let rate = changes.iter().rev().find_map(|change| match change {
            ScenarioChange::SetCompletionRate {
                module: m, rate, ..
            } if m == module && rate.is_finite() => Some(rate.clamp(0.0, 1.0)),
            _ => None,
        });
        let completed = rate.map_or(recorded, |rate| rate * enrolled);
        let shift = changes
            .iter()
            .filter_map(|change| match change {
                ScenarioChange::ShiftModule {
                    module: m, months, ..
                } if m == module => Some(*months),
                _ => None,
            })
            .fold(0_i32, |total, months| {
                total.saturating_add(months).clamp(-MAX_SHIFT, MAX_SHIFT)
            });
        let hours = |h: f64| if h.is_finite() { h.max(0.0) } else { 0.0 };
        let dated = enrolled_total > 0.0 && completed > 0.0;
        let weight = completed / enrolled_total;
        // One walk over the sessions (a map, slow to walk) gives the module's hours, its
        // attended hours and its steps, each step still to be divided by the module's hours.
        let first_step = steps.len();
        let (mut module_hours, mut attended) = (-0.0, -0.0);
        for session in choice.sessions.values() {
            module_hours += hours(session.hours);
            attended += session.hours * session.attendees as f64;
            if dated {
                let month = Month::of_date(session.date).plus(shift);
                steps.push((month, weight * hours(session.hours)));
            }
        }
        let attended = hours(attended);
        person_hours += if rate.is_some() && recorded > 0.0 {
            attended * completed / recorded
        } else {
            attended
        };
        if !dated {
            continue;
        }
        if module_hours <= 0.0 {
            // Completions without dated sessions count from before anything else.
            steps.truncate(first_step);
            let earliest = Month::new(*YEAR_RANGE.start(), 1).unwrap_or(partner.observations.start);
            steps.push((earliest, weight));
            continue;
        }
        for (_, step) in &mut steps[first_step..] {
            *step /= module_hours;
        }
    }
    (cumulative(steps), person_hours)
}

/// Increments by month into running totals, one entry per month, in the increments' own
/// buffer.
pub(crate) fn cumulative(mut steps: Vec<(Month, f64)>) -> Vec<(Month, f64)> {
    steps.sort_by_key(|(month, _)| *month);
    // Entries before `kept` are the totals so far; an increment is read before its slot (at
    // or after `kept`) is written.
    let mut kept: usize = 0;
    let mut total = 0.0;
    for i in 0..steps.len() {
        let (month, amount) = steps[i];
        total += amount;
        match kept.checked_sub(1).map(|last| &mut steps[last]) {
            Some((last, value)) if *last == month => *value = total,
            _ => {
                steps[kept] = (month, total);
                kept += 1;
            }
        }
    }
    steps.truncate(kept);
    steps
}

/// The value of a cumulative series at the end of `month` (0 before its first entry).
pub(crate) fn value_at(series: &[(Month, f64)], month: Month) -> f64 {
    let after = series.partition_point(|(m, _)| *m <= month);
    after.checked_sub(1).map_or(0.0, |i| series[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, equipment, month, observe, partner};
    use crate::model::{EquipmentKind, MilestoneDates};

    fn milestones(p: &mut Partner, kind: MilestoneKind, planned: &str, actual: Option<&str>) {
        p.milestones.insert(
            kind,
            MilestoneDates {
                planned: Some(month(planned)),
                actual: actual.map(month),
            },
        );
    }

    fn build(p: &Partner, changes: &[&ScenarioChange]) -> PartnerInputs {
        let settings = ModelSettings::default();
        PartnerInputs::build(p, changes, &settings, month("2025-06"), 8.0)
    }

    #[test]
    fn the_gate_is_the_later_of_regolamento_and_union_agreement() {
        let mut bra = partner("Bra", 100, 5, 50);
        milestones(
            &mut bra,
            MilestoneKind::Regolamento,
            "2025-02",
            Some("2025-03"),
        );
        milestones(
            &mut bra,
            MilestoneKind::UnionAgreement,
            "2025-04",
            Some("2025-05"),
        );
        assert_eq!(build(&bra, &[]).gate, Some(month("2025-05")));
        // Planned but not reached, and the plan has passed: expected next month.
        milestones(&mut bra, MilestoneKind::UnionAgreement, "2025-04", None);
        assert_eq!(build(&bra, &[]).gate, Some(month("2025-07")));
        // A shift moves an expected milestone, never before next month.
        let later = ScenarioChange::ShiftMilestone {
            partner: None,
            milestone: MilestoneKind::UnionAgreement,
            months: 2,
        };
        assert_eq!(build(&bra, &[&later]).gate, Some(month("2025-09")));
        let earlier = ScenarioChange::ShiftMilestone {
            partner: None,
            milestone: MilestoneKind::UnionAgreement,
            months: -5,
        };
        assert_eq!(build(&bra, &[&earlier]).gate, Some(month("2025-07")));
        // A reached milestone moves freely (a counterfactual past).
        let regolamento = ScenarioChange::ShiftMilestone {
            partner: None,
            milestone: MilestoneKind::Regolamento,
            months: 6,
        };
        assert_eq!(build(&bra, &[&regolamento]).gate, Some(month("2025-09")));
        bra.milestones.remove(&MilestoneKind::Regolamento);
        assert_eq!(build(&bra, &[]).gate, None);
    }

    #[test]
    fn devices_add_up_by_delivery_with_moves_and_purchases() {
        let mut bra = partner("Bra", 100, 5, 50);
        bra.equipment.insert(
            "pc-1".into(),
            equipment(
                EquipmentKind::Laptop,
                10,
                900,
                Some("2025-01"),
                Some("2025-03"),
            ),
        );
        bra.equipment.insert(
            "pc-2".into(),
            equipment(EquipmentKind::Laptop, 5, 900, Some("2025-02"), None),
        );
        bra.equipment.insert(
            "vpn".into(),
            equipment(
                EquipmentKind::VpnLicence,
                40,
                50,
                Some("2025-01"),
                Some("2025-02"),
            ),
        );
        // Neither ordered nor delivered yet: no device, but part of the plan's cost.
        bra.equipment.insert(
            "pc-3".into(),
            equipment(EquipmentKind::Tablet, 7, 400, None, None),
        );
        let inputs = build(&bra, &[]);
        // pc-2, ordered in February and still awaited in June, is expected in July.
        assert_eq!(
            inputs.devices,
            [(month("2025-03"), 10.0), (month("2025-07"), 15.0)]
        );
        assert_eq!(
            inputs.equipment_cost,
            Cents::from_euros(10 * 900 + 5 * 900 + 40 * 50 + 7 * 400)
        );
        let moved = ScenarioChange::MoveEquipment {
            partner: "bra".into(),
            equipment: "pc-2".into(),
            delivered: month("2025-08"),
        };
        let added = ScenarioChange::AddEquipment {
            partner: "bra".into(),
            kind: EquipmentKind::Tablet,
            quantity: 3,
            unit_cost: Cents::from_euros(400),
            delivered: month("2025-03"),
        };
        let inputs = build(&bra, &[&moved, &added]);
        assert_eq!(
            inputs.devices,
            [(month("2025-03"), 13.0), (month("2025-08"), 18.0)]
        );
        assert_eq!(value_at(&inputs.devices, month("2025-02")), 0.0);
        assert_eq!(value_at(&inputs.devices, month("2025-05")), 13.0);
        assert_eq!(value_at(&inputs.devices, month("2026-01")), 18.0);
        assert_eq!(inputs.equipment_cost, Cents::from_euros(18_300 + 1_200));
    }

    #[test]
    fn completion_grows_with_the_hours_held() {
        let mut bra = partner("Bra", 100, 5, 50);
        // 20 enrolled, 10 completed, 3 h in March and 1 h in May.
        bra.modules.insert(
            "lead".into(),
            choice(20, 10, &[("2025-03-10", 3.0, 15), ("2025-05-12", 1.0, 12)]),
        );
        // 20 enrolled, none completed yet.
        bra.modules
            .insert("digi".into(), choice(20, 0, &[("2025-09-01", 2.0, 18)]));
        let inputs = build(&bra, &[]);
        // 10 / 40 completed overall: three quarters of it by March.
        assert_eq!(
            inputs.completion,
            [(month("2025-03"), 0.1875), (month("2025-05"), 0.25)]
        );
        assert_eq!(inputs.person_hours, 3.0 * 15.0 + 12.0 + 2.0 * 18.0);
        let rate = ScenarioChange::SetCompletionRate {
            partner: None,
            module: "digi".into(),
            rate: 0.5,
        };
        let shift = ScenarioChange::ShiftModule {
            partner: None,
            module: "lead".into(),
            months: 2,
        };
        let inputs = build(&bra, &[&rate, &shift]);
        assert_eq!(
            inputs.completion,
            [
                (month("2025-05"), 0.1875),
                (month("2025-07"), 0.25),
                (month("2025-09"), 0.5)
            ]
        );
        // "digi" had no completions to scale: its hours stay as recorded.
        assert_eq!(inputs.person_hours, 3.0 * 15.0 + 12.0 + 2.0 * 18.0);
    }

    #[test]
    fn settings_and_agile_days_follow_the_scenario() {
        let mut bra = partner("Bra", 100, 5, 50);
        observe(&mut bra, "2025-05", 10, 6.5);
        assert_eq!(build(&bra, &[]).agile_days, 6.5);
        assert_eq!(build(&bra, &[]).potential(), 30.0);
        let ceiling = ScenarioChange::SetCeiling {
            partner: None,
            share: 0.8,
        };
        let days = ScenarioChange::SetAgileDays {
            partner: None,
            days: 9.0,
        };
        let pilot = ScenarioChange::SetModelSetting {
            partner: None,
            setting: ModelSetting::PilotShare,
            value: 7.0,
        };
        let inputs = build(&bra, &[&ceiling, &days, &pilot]);
        assert_eq!(inputs.potential(), 40.0);
        assert_eq!(inputs.agile_days, 9.0);
        assert_eq!(inputs.model.pilot_share, 1.0, "clamped into its range");
        assert!(inputs.changed);
        assert_eq!(inputs.last_observation(), Some((month("2025-05"), 10.0)));
    }
}
