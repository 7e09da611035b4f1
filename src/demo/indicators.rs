//! POLA/PIAO indicator values per partner: a baseline before the programme, a target for each
//! calendar year of the programme, and a value observed every year, derived where
//! possible from what the partner actually did (observations, training, equipment).

use std::collections::BTreeMap;

use crate::model::{
    Audience, Equipment, IndicatorDef, IndicatorId, IndicatorValues, Module, ModuleArea,
    ModuleChoice, ModuleId, Month, Partner,
};

use super::calendar::Calendar;
use super::catalogue::ind;
use super::equipment::devices_delivered_by;
use super::profile::{Profile, SizeClass};
use super::random::{DemoRng, between, round_to};

/// Indicators are measured once a year, at the end of each twelve months of the programme,
/// as the PIAO's yearly monitoring reports them.
const OBSERVED_EVERY_MONTHS: i32 = 12;

/// Baselines and final targets, plausible for each unit.
const SMART_WORKERS_BASELINE: (f64, f64) = (0.0, 3.0);
const MANAGERS_TRAINED_BASELINE: (f64, f64) = (0.0, 15.0);
const MANAGERS_TRAINED_TARGET: (f64, f64) = (80.0, 100.0);
const DIGITAL_SKILLS_BASELINE: (f64, f64) = (10.0, 30.0);
const DIGITAL_SKILLS_GAIN: (f64, f64) = (25.0, 45.0);
/// Laptops the Comune already had, as a share of the expected smart workers.
const LAPTOPS_BASELINE: (f64, f64) = (5.0, 30.0);
const LAPTOPS_TARGET: (f64, f64) = (90.0, 100.0);
const REMOTE_APPS_BASELINE: (f64, f64) = (20.0, 50.0);
const REMOTE_APPS_TARGET: (f64, f64) = (80.0, 100.0);
/// A trainer or consultant costs about €80–120 per hour; before the programme a Comune spent
/// a few euros per employee a year on this kind of training.
const TRAINER_EUROS_PER_HOUR: (f64, f64) = (80.0, 120.0);
const TRAINING_EUROS_PER_EMPLOYEE_BEFORE: (f64, f64) = (2.0, 8.0);
/// Average days to close a file, and the share of it the programme aims to save.
const PROCESSING_DAYS_BASELINE: (f64, f64) = (18.0, 40.0);
const PROCESSING_DAYS_TARGET_RATIO: (f64, f64) = (0.75, 0.85);
const SATISFACTION_BASELINE: (f64, f64) = (3.1, 3.7);
const SATISFACTION_GAIN: (f64, f64) = (0.3, 0.6);
/// How fully an outcome follows adoption in a given year.
const ATTAINMENT_NOISE: (f64, f64) = (0.8, 1.1);
/// Round-trip commute of a smart worker, longer from small Comuni (ISTAT commuting data put
/// the average one-way trip at 10–20 km and 20–35 minutes).
const COMMUTE_KM_SMALL: (f64, f64) = (20.0, 40.0);
const COMMUTE_KM_OTHER: (f64, f64) = (10.0, 30.0);
const COMMUTE_MINUTES: (f64, f64) = (30.0, 70.0);
/// Average car emissions of the Italian fleet, about 0.14 kg CO2 per km (assumption).
const CO2_KG_PER_KM: f64 = 0.14;
/// Agile days a month at which impact targets are set.
const TARGET_AGILE_DAYS: f64 = 6.0;

/// What the indicator computations read about one partner.
pub(super) struct Facts<'a> {
    pub partner: &'a Partner,
    pub profile: &'a Profile,
    pub catalogue: &'a BTreeMap<ModuleId, Module>,
    pub calendar: &'a Calendar,
}

impl Facts<'_> {
    fn expected_smart_workers(&self) -> f64 {
        (self.partner.smartable as f64 * self.profile.ceiling_share).max(1.0)
    }

    fn smart_workers(&self, month: Month) -> f64 {
        self.partner
            .observations
            .get(month)
            .map_or(0.0, |o| o.smart_workers as f64)
    }

    fn agile_days(&self, month: Month) -> f64 {
        self.partner
            .observations
            .get(month)
            .map_or(0.0, |o| o.agile_days)
    }

    /// Adoption as a share (0–1) of the staff expected to work agile.
    fn progress(&self, month: Month) -> f64 {
        (self.smart_workers(month) / self.expected_smart_workers()).min(1.0)
    }

    /// Most people who completed one of the chosen modules matching `filter` by `month`
    /// (a module's completions count from its last session).
    fn trained_by(&self, month: Month, filter: impl Fn(&Module) -> bool) -> f64 {
        self.partner
            .modules
            .iter()
            .filter(|(id, _)| self.catalogue.get(*id).is_some_and(&filter))
            .filter(|(_, choice)| last_session(choice).is_some_and(|last| last <= month))
            .map(|(_, choice)| choice.completed)
            .max()
            .unwrap_or(0) as f64
    }

    fn training_hours(&self, months: impl Fn(Month) -> bool) -> f64 {
        self.partner
            .modules
            .values()
            .flat_map(|choice| choice.sessions.values())
            .filter(|session| months(Month::of_date(session.date)))
            .map(|session| session.hours)
            .sum()
    }

    fn equipment_euros(&self, counted: impl Fn(&Equipment) -> bool) -> f64 {
        self.partner
            .equipment
            .values()
            .filter(|e| counted(e))
            .map(|e| e.total_cost().euros())
            .sum()
    }
}

fn last_session(choice: &ModuleChoice) -> Option<Month> {
    choice
        .sessions
        .values()
        .map(|s| Month::of_date(s.date))
        .max()
}

pub(super) fn indicator_values(
    rng: &mut DemoRng,
    facts: &Facts<'_>,
    indicators: &BTreeMap<IndicatorId, IndicatorDef>,
) -> BTreeMap<IndicatorId, IndicatorValues> {
    let commute = commute(rng, facts.profile.size);
    indicators
        .keys()
        .filter_map(|id| Some((id.clone(), values_for(rng, id.as_str(), facts, &commute)?)))
        .collect()
}

fn values_for(
    rng: &mut DemoRng,
    id: &str,
    facts: &Facts<'_>,
    commute: &Commute,
) -> Option<IndicatorValues> {
    let calendar = facts.calendar;
    let values = match id {
        ind::SMART_WORKERS => {
            let smartable = facts.partner.smartable.max(1) as f64;
            let baseline = round_to(between(rng, SMART_WORKERS_BASELINE), 1);
            let target = facts.profile.ceiling_share * 100.0;
            planned(calendar, baseline, target, 1, |month| {
                facts.smart_workers(month) / smartable * 100.0
            })
        }
        ind::MANAGERS_TRAINED => {
            let managers = facts.partner.managers.max(1) as f64;
            let baseline = round_to(between(rng, MANAGERS_TRAINED_BASELINE), 1);
            let target = between(rng, MANAGERS_TRAINED_TARGET);
            planned(calendar, baseline, target, 1, |month| {
                let trained = facts.trained_by(month, |m| m.audience == Audience::Managers);
                (trained / managers * 100.0).clamp(baseline, 100.0)
            })
        }
        ind::DIGITAL_SKILLS => {
            let headcount = facts.partner.headcount.max(1) as f64;
            let baseline = round_to(between(rng, DIGITAL_SKILLS_BASELINE), 1);
            let target = baseline + between(rng, DIGITAL_SKILLS_GAIN);
            planned(calendar, baseline, target, 1, |month| {
                let trained = facts.trained_by(month, |m| m.area == ModuleArea::DigitalSkills);
                (baseline + trained / headcount * 100.0).min(100.0)
            })
        }
        ind::LAPTOPS => {
            let expected = facts.expected_smart_workers();
            let baseline = round_to(between(rng, LAPTOPS_BASELINE), 1);
            let target = between(rng, LAPTOPS_TARGET);
            planned(calendar, baseline, target, 1, |month| {
                let devices = devices_delivered_by(&facts.partner.equipment, month) as f64;
                (baseline + devices / expected * 100.0).min(100.0)
            })
        }
        ind::REMOTE_APPS => {
            let baseline = round_to(between(rng, REMOTE_APPS_BASELINE), 1);
            let target = between(rng, REMOTE_APPS_TARGET);
            follows_adoption(rng, facts, baseline, target)
        }
        ind::TRAINING_COSTS => training_costs(rng, facts),
        ind::DIGITAL_INVESTMENT => digital_investment(facts),
        ind::PROCESSING_DAYS => {
            let baseline = round_to(between(rng, PROCESSING_DAYS_BASELINE), 1);
            let target = baseline * between(rng, PROCESSING_DAYS_TARGET_RATIO);
            follows_adoption(rng, facts, baseline, target)
        }
        ind::SATISFACTION => {
            let baseline = round_to(between(rng, SATISFACTION_BASELINE), 1);
            let target = (baseline + between(rng, SATISFACTION_GAIN)).min(5.0);
            follows_adoption(rng, facts, baseline, target)
        }
        ind::KM_SAVED | ind::CO2_AVOIDED | ind::HOURS_SAVED => {
            let per_trip = match id {
                ind::KM_SAVED => commute.km,
                ind::CO2_AVOIDED => commute.km * CO2_KG_PER_KM,
                _ => commute.hours,
            };
            let target = facts.expected_smart_workers() * TARGET_AGILE_DAYS * per_trip;
            planned(calendar, 0.0, target, 0, |month| {
                facts.smart_workers(month) * facts.agile_days(month) * per_trip
            })
        }
        _ => return None,
    };
    Some(values)
}

/// A smart worker's round trip to the office, which each agile day saves.
struct Commute {
    km: f64,
    hours: f64,
}

fn commute(rng: &mut DemoRng, size: SizeClass) -> Commute {
    let km = if size == SizeClass::Small {
        between(rng, COMMUTE_KM_SMALL)
    } else {
        between(rng, COMMUTE_KM_OTHER)
    };
    Commute {
        km,
        hours: between(rng, COMMUTE_MINUTES) / 60.0,
    }
}

/// Values with targets stepping evenly from the baseline to `target` over the programme's
/// years, observed through `observe`.
fn planned(
    calendar: &Calendar,
    baseline: f64,
    target: f64,
    decimals: i32,
    observe: impl Fn(Month) -> f64,
) -> IndicatorValues {
    IndicatorValues {
        baseline: Some(round_to(baseline, decimals)),
        targets: stepped_targets(calendar, baseline, target, decimals),
        observed: observation_months(calendar)
            .map(|month| (month, round_to(observe(month), decimals)))
            .collect(),
    }
}

/// An outcome that moves from baseline towards target as adoption grows, some years more
/// fully than others.
fn follows_adoption(
    rng: &mut DemoRng,
    facts: &Facts<'_>,
    baseline: f64,
    target: f64,
) -> IndicatorValues {
    let attainment: BTreeMap<Month, f64> = observation_months(facts.calendar)
        .map(|month| (month, between(rng, ATTAINMENT_NOISE)))
        .collect();
    planned(facts.calendar, baseline, target, 1, |month| {
        let attained = facts.progress(month) * attainment.get(&month).copied().unwrap_or(1.0);
        baseline + (target - baseline) * attained.min(1.0)
    })
}

/// Training spend in the twelve months up to each observation; the target of a year is the
/// cost of the sessions planned in it.
fn training_costs(rng: &mut DemoRng, facts: &Facts<'_>) -> IndicatorValues {
    let rate = between(rng, TRAINER_EUROS_PER_HOUR);
    let before = facts.partner.headcount as f64 * between(rng, TRAINING_EUROS_PER_EMPLOYEE_BEFORE);
    IndicatorValues {
        baseline: Some(round_to(before, 0)),
        targets: programme_years(facts.calendar)
            .map(|year| {
                let hours = facts.training_hours(|m| m.year() == year);
                (year, round_to(hours * rate, 0))
            })
            .collect(),
        observed: observation_months(facts.calendar)
            .map(|month| {
                let hours = facts.training_hours(|m| m <= month && m > month.plus(-12));
                (month, round_to(hours * rate, 0))
            })
            .collect(),
    }
}

/// Cumulative spend on equipment delivered; the target of a year is what was ordered by its
/// end.
fn digital_investment(facts: &Facts<'_>) -> IndicatorValues {
    IndicatorValues {
        baseline: Some(0.0),
        targets: programme_years(facts.calendar)
            .map(|year| {
                let euros = facts.equipment_euros(|e| e.ordered.is_some_and(|m| m.year() <= year));
                (year, round_to(euros, 0))
            })
            .collect(),
        observed: observation_months(facts.calendar)
            .map(|month| {
                (
                    month,
                    round_to(facts.equipment_euros(|e| e.delivered_by(month)), 0),
                )
            })
            .collect(),
    }
}

fn programme_years(calendar: &Calendar) -> impl Iterator<Item = i32> {
    calendar.start.year()..=calendar.end.year()
}

fn stepped_targets(
    calendar: &Calendar,
    baseline: f64,
    target: f64,
    decimals: i32,
) -> BTreeMap<i32, f64> {
    let years: Vec<i32> = programme_years(calendar).collect();
    let count = years.len() as f64;
    years
        .iter()
        .enumerate()
        .map(|(i, &year)| {
            let value = baseline + (target - baseline) * (i + 1) as f64 / count;
            (year, round_to(value, decimals))
        })
        .collect()
}

/// Every twelfth month of the programme (months 12, 24, 36, …).
fn observation_months(calendar: &Calendar) -> impl Iterator<Item = Month> + '_ {
    (OBSERVED_EVERY_MONTHS - 1..calendar.len())
        .step_by(OBSERVED_EVERY_MONTHS as usize)
        .map(|offset| calendar.month(offset))
}
