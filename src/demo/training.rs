//! Moduli aziendali: which modules a partner chooses, who enrols, and the dated sessions of
//! its registro presenze.

use std::collections::BTreeMap;

use rand::RngExt;

use crate::model::{Audience, Module, ModuleArea, ModuleChoice, ModuleId, Session, SessionId};

use super::calendar::{Calendar, Slot, weekday_in};
use super::profile::{Pace, Profile, SizeClass};
use super::random::{DemoRng, between, round_to, weighted_sample};
use super::staff::Staff;

/// Sessions last 2–4 hours; a module runs in 2–5 of them.
const SESSION_HOURS: (f64, f64) = (2.0, 4.0);
const SESSIONS_PER_MODULE: (usize, usize) = (2, 5);
/// Hours are handed out in half hours.
const HOUR_STEP: f64 = 0.5;
/// Sessions of one module are 1–2 half-months apart (every two to four weeks).
const SLOTS_BETWEEN_SESSIONS: (usize, usize) = (1, 2);

/// Share of the enrolled present at a session, and share who complete the module.
const ATTENDANCE: (f64, f64) = (0.70, 0.95);
const COMPLETION: (f64, f64) = (0.60, 0.95);
/// A module whose last session falls in the programme's last two months still has make-up
/// sessions and assessments to come: only part of its completions are recorded.
const RECENT_MONTHS: i32 = 2;
const RECENT_COMPLETION_FACTOR: (f64, f64) = (0.3, 0.6);

/// Enrolment by audience: most managers; a share of the smartable staff; a share of everyone.
const MANAGERS_ENROLLED: (f64, f64) = (0.8, 1.0);
const SMARTABLE_ENROLLED: (f64, f64) = (0.5, 0.9);
const ALL_ENROLLED: (f64, f64) = (0.35, 0.7);

/// When in the programme (as fractions of its length) modules of an area usually start:
/// rules and organisation first, monitoring last.
fn start_window(area: ModuleArea) -> (f64, f64) {
    match area {
        ModuleArea::Organisation | ModuleArea::Rules | ModuleArea::IndustrialRelations => {
            (0.03, 0.30)
        }
        ModuleArea::Leadership | ModuleArea::DigitalSkills | ModuleArea::TechnologyAndSecurity => {
            (0.15, 0.60)
        }
        ModuleArea::Wellbeing | ModuleArea::ServicesToCitizens => (0.35, 0.80),
        ModuleArea::MonitoringAndEvaluation => (0.55, 0.92),
    }
}

/// How much a partner needs an area: small Comuni lack digital skills and IT, large ones
/// have many managers to train and more to monitor, late ones struggle with the rules.
fn need(area: ModuleArea, profile: &Profile) -> f64 {
    let by_size = match (profile.size, area) {
        (SizeClass::Small, ModuleArea::DigitalSkills | ModuleArea::TechnologyAndSecurity) => 1.6,
        (SizeClass::Small, ModuleArea::Leadership) => 0.6,
        (SizeClass::Small, ModuleArea::MonitoringAndEvaluation) => 0.7,
        (SizeClass::Large, ModuleArea::Leadership | ModuleArea::MonitoringAndEvaluation) => 1.5,
        (SizeClass::Large, ModuleArea::ServicesToCitizens) => 1.2,
        _ => 1.0,
    };
    let by_pace = match (profile.pace, area) {
        (Pace::Late, ModuleArea::Rules | ModuleArea::IndustrialRelations) => 1.5,
        _ => 1.0,
    };
    by_size * by_pace
}

/// The partner's chosen modules with enrolment, sessions and completions.
pub(super) fn modules(
    rng: &mut DemoRng,
    profile: &Profile,
    staff: &Staff,
    calendar: &Calendar,
    slots: &[Slot],
    catalogue: &BTreeMap<ModuleId, Module>,
    max_modules: usize,
) -> BTreeMap<ModuleId, ModuleChoice> {
    let offered: Vec<(&ModuleId, &Module)> = catalogue.iter().filter(|(_, m)| !m.retired).collect();
    let weights: Vec<f64> = offered
        .iter()
        .map(|(_, module)| need(module.area, profile) * between(rng, (0.5, 1.5)))
        .collect();
    weighted_sample(rng, &weights, max_modules)
        .into_iter()
        .map(|i| {
            let (id, module) = offered[i];
            (id.clone(), choice(rng, module, staff, calendar, slots))
        })
        .collect()
}

fn choice(
    rng: &mut DemoRng,
    module: &Module,
    staff: &Staff,
    calendar: &Calendar,
    slots: &[Slot],
) -> ModuleChoice {
    let enrolled = enrolled(rng, module.audience, staff);
    let hours = session_hours(rng, module.hours, slots.len());
    let session_slots = schedule(rng, module.area, hours.len(), slots);

    let mut sessions = BTreeMap::new();
    let mut most_present = 0;
    for (n, (slot, hours)) in session_slots.iter().zip(hours).enumerate() {
        let attendees = present(rng, enrolled, ATTENDANCE);
        most_present = most_present.max(attendees);
        let session = Session {
            date: weekday_in(rng, *slot),
            hours,
            attendees,
        };
        sessions.insert(SessionId::new(format!("s{}", n + 1)), session);
    }

    let mut completed = present(rng, enrolled, COMPLETION).min(most_present);
    let finished_recently = session_slots
        .last()
        .is_some_and(|slot| calendar.offset(slot.month) > calendar.last() - RECENT_MONTHS);
    if finished_recently {
        let factor = between(rng, RECENT_COMPLETION_FACTOR);
        completed = (completed as f64 * factor).round() as i64;
    }
    ModuleChoice {
        enrolled,
        completed,
        sessions,
    }
}

fn enrolled(rng: &mut DemoRng, audience: Audience, staff: &Staff) -> i64 {
    let (base, share) = match audience {
        Audience::Managers => (staff.managers, MANAGERS_ENROLLED),
        Audience::Staff => (staff.smartable, SMARTABLE_ENROLLED),
        Audience::All => (staff.headcount, ALL_ENROLLED),
    };
    ((base as f64 * between(rng, share)).round() as i64).clamp(1, staff.headcount)
}

/// `enrolled` × a share in `range`, at least one person when anyone is enrolled.
fn present(rng: &mut DemoRng, enrolled: i64, share: (f64, f64)) -> i64 {
    ((enrolled as f64 * between(rng, share)).round() as i64).clamp(enrolled.min(1), enrolled)
}

/// Hours of each session: as many 2–4 hour sessions as the module's hours need, adding up to
/// them (or to the most that five four-hour sessions hold).
fn session_hours(rng: &mut DemoRng, module_hours: f64, available_slots: usize) -> Vec<f64> {
    let (min_h, max_h) = SESSION_HOURS;
    let fewest = ((module_hours / max_h).ceil() as usize).max(SESSIONS_PER_MODULE.0);
    let most = ((module_hours / min_h).floor() as usize).min(SESSIONS_PER_MODULE.1);
    let count = if most > fewest {
        rng.random_range(fewest..=most)
    } else {
        fewest.min(SESSIONS_PER_MODULE.1)
    }
    .min(available_slots.max(1));

    let mut hours = vec![min_h; count];
    let total = module_hours.clamp(min_h * count as f64, max_h * count as f64);
    let mut steps = ((total - min_h * count as f64) / HOUR_STEP).round() as usize;
    while steps > 0 {
        let i = rng.random_range(0..count);
        if hours[i] < max_h {
            hours[i] = round_to(hours[i] + HOUR_STEP, 1);
            steps -= 1;
        }
    }
    hours
}

/// The half-month slots of `count` sessions, starting in the area's usual window.
fn schedule(rng: &mut DemoRng, area: ModuleArea, count: usize, slots: &[Slot]) -> Vec<Slot> {
    if slots.is_empty() || count == 0 {
        return Vec::new();
    }
    let mut first = (between(rng, start_window(area)) * slots.len() as f64).floor() as usize;
    let mut step = rng.random_range(SLOTS_BETWEEN_SESSIONS.0..=SLOTS_BETWEEN_SESSIONS.1);
    // Pull the module earlier, then tighten it, until its last session is in the programme.
    if first + (count - 1) * step >= slots.len() {
        if (count - 1) * step < slots.len() {
            first = slots.len() - 1 - (count - 1) * step;
        } else {
            step = 1;
            first = slots.len().saturating_sub(count);
        }
    }
    (0..count)
        .map(|k| slots[(first + k * step).min(slots.len() - 1)])
        .collect()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn session_hours_add_up_to_the_module() {
        let mut rng = DemoRng::seed_from_u64(2);
        for module_hours in [8.0, 12.0, 16.0, 20.0] {
            for _ in 0..50 {
                let hours = session_hours(&mut rng, module_hours, 40);
                assert!((2..=5).contains(&hours.len()), "{hours:?}");
                assert!(hours.iter().all(|h| (2.0..=4.0).contains(h)), "{hours:?}");
                assert_eq!(hours.iter().sum::<f64>(), module_hours);
            }
        }
        // Twenty-four hours do not fit in five four-hour sessions: twenty are held.
        assert_eq!(session_hours(&mut rng, 24.0, 40), vec![4.0; 5]);
    }

    #[test]
    fn schedule_stays_inside_a_short_programme() {
        let mut rng = DemoRng::seed_from_u64(4);
        let calendar = Calendar {
            start: crate::model::Month::new(2025, 1).unwrap(),
            end: crate::model::Month::new(2025, 2).unwrap(),
        };
        let slots = calendar.session_slots();
        assert_eq!(slots.len(), 4);
        let planned = schedule(&mut rng, ModuleArea::MonitoringAndEvaluation, 4, &slots);
        assert_eq!(planned, slots);
    }
}
