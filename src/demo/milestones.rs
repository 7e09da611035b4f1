//! Tappe: a plan for the seven milestones in the programme's usual order, and the months a
//! partner actually reached them, given its pace.

use std::collections::BTreeMap;

use rand::RngExt;

use crate::model::{MilestoneDates, MilestoneKind};

use super::calendar::Calendar;
use super::profile::Pace;
use super::random::{DemoRng, months_between as draw};

/// Planned gaps in months: mapping → regolamento / union agreement → individual agreements →
/// equipment delivered → pilot → regime. Inclusive ranges.
const MAPPING_AT: (i32, i32) = (1, 3);
const REGOLAMENTO_AFTER_MAPPING: (i32, i32) = (2, 4);
const UNION_AFTER_MAPPING: (i32, i32) = (2, 5);
const AGREEMENTS_AFTER_RULES: (i32, i32) = (1, 3);
const EQUIPMENT_AROUND_AGREEMENTS: (i32, i32) = (-1, 2);
const PILOT_AFTER_EQUIPMENT: (i32, i32) = (0, 1);
/// A pilot runs about a year before smart working becomes the ordinary regime, so within a
/// two-year programme only partners that keep to their plan get there.
const REGIME_AFTER_PILOT: (i32, i32) = (10, 13);

/// Chance that a partner on time slips by a month at a milestone.
const ON_TIME_SLIP_ODDS: f64 = 0.25;

/// Months behind plan at the next milestone, given the months behind at the previous one.
/// Late partners pile delay on delay; advanced ones gain up to a month; partners on time
/// now and then slip a month and make it up at the next milestone.
fn next_delay(rng: &mut DemoRng, pace: Pace, delay: i32) -> i32 {
    match pace {
        Pace::Advanced => (delay + rng.random_range(-1..=0)).max(-1),
        Pace::OnTime => i32::from(rng.random_bool(ON_TIME_SLIP_ODDS)),
        Pace::Late => delay + rng.random_range(0..=2),
    }
}

/// Planned month offsets, in `MilestoneKind::ALL` order.
fn planned_offsets(rng: &mut DemoRng) -> [i32; 7] {
    let mapping = draw(rng, MAPPING_AT);
    let regolamento = mapping + draw(rng, REGOLAMENTO_AFTER_MAPPING);
    let union = mapping + draw(rng, UNION_AFTER_MAPPING);
    let agreements = regolamento.max(union) + draw(rng, AGREEMENTS_AFTER_RULES);
    let equipment = agreements + draw(rng, EQUIPMENT_AROUND_AGREEMENTS);
    let pilot = agreements.max(equipment) + draw(rng, PILOT_AFTER_EQUIPMENT);
    let regime = pilot + draw(rng, REGIME_AFTER_PILOT);
    [
        mapping,
        regolamento,
        union,
        agreements,
        equipment,
        pilot,
        regime,
    ]
}

/// Turning the pilot into the regime is where plans slip most: the pilot's evaluation, a
/// revised regolamento and a new round with the unions.
fn regime_slip(rng: &mut DemoRng, pace: Pace) -> i32 {
    match pace {
        Pace::Advanced => rng.random_range(0..=2),
        Pace::OnTime => rng.random_range(1..=5),
        Pace::Late => rng.random_range(2..=6),
    }
}

/// Actual offsets: the plan plus the partner's delay, never before a milestone that must come
/// first (`MilestoneKind::PRECEDENCE`). May lie beyond the programme's end (not yet reached).
fn actual_offsets(rng: &mut DemoRng, pace: Pace, planned: &[i32; 7]) -> [i32; 7] {
    let mut actual = [0; 7];
    let mut delay = 0;
    for (i, kind) in MilestoneKind::ALL.into_iter().enumerate() {
        delay = next_delay(rng, pace, delay);
        if kind == MilestoneKind::Regime {
            delay += regime_slip(rng, pace);
        }
        let earliest = MilestoneKind::PRECEDENCE
            .iter()
            .filter(|(_, after)| *after == kind)
            .map(|(before, _)| actual[index_of(*before)])
            .max()
            .unwrap_or(0);
        actual[i] = (planned[i] + delay).max(earliest).max(0);
    }
    actual
}

fn index_of(kind: MilestoneKind) -> usize {
    MilestoneKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("ALL lists every kind")
}

pub(super) fn milestones(
    rng: &mut DemoRng,
    pace: Pace,
    calendar: &Calendar,
) -> BTreeMap<MilestoneKind, MilestoneDates> {
    let planned = planned_offsets(rng);
    let actual = actual_offsets(rng, pace, &planned);
    MilestoneKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let dates = MilestoneDates {
                // A plan that overruns a short programme is kept at its last month.
                planned: Some(calendar.month(calendar.clamp(planned[i]))),
                actual: (actual[i] <= calendar.last()).then(|| calendar.month(actual[i])),
            };
            (kind, dates)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;
    use crate::model::Month;

    #[test]
    fn actual_months_respect_precedence_and_late_partners_reach_less() {
        let calendar = Calendar {
            start: Month::new(2025, 1).unwrap(),
            end: Month::new(2026, 12).unwrap(),
        };
        let mut rng = DemoRng::seed_from_u64(5);
        let mut regime_reached = [0, 0];
        for round in 0..200 {
            let pace = if round % 2 == 0 {
                Pace::Advanced
            } else {
                Pace::Late
            };
            let dates = milestones(&mut rng, pace, &calendar);
            assert_eq!(dates.len(), 7);
            for (before, after) in MilestoneKind::PRECEDENCE {
                if let Some(after_month) = dates[&after].actual {
                    let before_month = dates[&before].actual;
                    assert!(
                        before_month.is_some_and(|b| b <= after_month),
                        "{before:?} {after:?}"
                    );
                }
            }
            if dates[&MilestoneKind::Regime].actual.is_some() {
                regime_reached[round % 2] += 1;
            }
        }
        assert!(
            regime_reached[0] > 60,
            "advanced reaching regime: {regime_reached:?}"
        );
        assert!(
            regime_reached[1] < 20,
            "late reaching regime: {regime_reached:?}"
        );
    }
}
