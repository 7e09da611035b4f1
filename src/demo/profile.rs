//! A partner's traits that several concerns share: its size class, its pace through the
//! programme, and how far smart working can go there. Drawn once per partner.

use rand::RngExt;

use super::names::Place;
use super::random::{DemoRng, between};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum SizeClass {
    /// Under 5,000 inhabitants: about 70% of Italy's Comuni, a handful of staff.
    Small,
    /// 5,000–20,000.
    Medium,
    /// Over 20,000.
    Large,
}

impl SizeClass {
    pub fn of(population: i64) -> SizeClass {
        match population {
            ..5_000 => SizeClass::Small,
            5_000..20_000 => SizeClass::Medium,
            _ => SizeClass::Large,
        }
    }
}

/// How quickly a partner passes its milestones compared with its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pace {
    Advanced,
    OnTime,
    Late,
}

#[derive(Debug, Clone)]
pub(super) struct Profile {
    pub size: SizeClass,
    pub pace: Pace,
    /// Share of smartable staff who will ever work agile (the diffusion's market potential).
    pub ceiling_share: f64,
}

/// Ceiling of adoption as a share of smartable staff, lower in small Comuni, where national
/// surveys find less smart working. The lower part of the usual 40–75% range, so that after
/// two years the consortium sits near the national ≈ 16–17% of public employees in smart
/// working (design brief), a little above it as befits a programme's members.
const CEILING_SHARE: [(SizeClass, f64, f64); 3] = [
    (SizeClass::Small, 0.40, 0.50),
    (SizeClass::Medium, 0.40, 0.55),
    (SizeClass::Large, 0.42, 0.58),
];

/// Larger Comuni have the staff to run the programme and more often keep to the plan.
/// (share advanced, share on time; the rest is late)
const PACE_ODDS: [(SizeClass, f64, f64); 3] = [
    (SizeClass::Small, 0.10, 0.50),
    (SizeClass::Medium, 0.20, 0.50),
    (SizeClass::Large, 0.30, 0.50),
];

pub(super) fn profile(rng: &mut DemoRng, place: &Place) -> Profile {
    let size = SizeClass::of(place.population);
    let (_, advanced, on_time) = PACE_ODDS
        .into_iter()
        .find(|(class, ..)| *class == size)
        .expect("every size class has odds");
    let roll: f64 = rng.random();
    let pace = if roll < advanced {
        Pace::Advanced
    } else if roll < advanced + on_time {
        Pace::OnTime
    } else {
        Pace::Late
    };
    let (_, ceiling_low, ceiling_high) = CEILING_SHARE
        .into_iter()
        .find(|(class, ..)| *class == size)
        .expect("every size class has a ceiling");
    Profile {
        size,
        pace,
        ceiling_share: between(rng, (ceiling_low, ceiling_high)),
    }
}
