//! Staff figures of a Comune from its population.

use super::profile::SizeClass;
use super::random::{DemoRng, between};

/// Municipal staff per 1,000 inhabitants by population (design brief: ≈ 5.7–11 per 1,000 by
/// size class, small Comuni higher per capita). Upper bound of the class, staff per 1,000.
const STAFF_PER_THOUSAND: [(i64, f64); 6] = [
    (2_000, 11.0),
    (5_000, 9.2),
    (10_000, 7.9),
    (20_000, 7.0),
    (60_000, 6.3),
    (i64::MAX, 5.7),
];

/// Spread of one Comune's staffing around its class figure.
const STAFF_JITTER: (f64, f64) = (0.9, 1.1);

/// Managers (dirigenti and posizioni organizzative) ≈ 1 per 12–25 staff; small Comuni sit at
/// the dense end, since every service needs a responsible officer however small.
const STAFF_PER_MANAGER_SMALL: (f64, f64) = (12.0, 16.0);
const STAFF_PER_MANAGER_OTHER: (f64, f64) = (15.0, 25.0);

/// Staff whose activities can be done remotely ≈ 45–65% of headcount; small Comuni have more
/// front-office and field roles.
const SMARTABLE_SHARE_SMALL: (f64, f64) = (0.45, 0.52);
const SMARTABLE_SHARE_OTHER: (f64, f64) = (0.48, 0.60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Staff {
    pub headcount: i64,
    pub managers: i64,
    pub smartable: i64,
}

pub(super) fn staff(rng: &mut DemoRng, population: i64, size: SizeClass) -> Staff {
    let per_thousand = STAFF_PER_THOUSAND
        .iter()
        .find(|(bound, _)| population < *bound)
        .map_or(STAFF_PER_THOUSAND[STAFF_PER_THOUSAND.len() - 1].1, |c| c.1);
    let jitter = between(rng, STAFF_JITTER);
    let headcount = ((population as f64 / 1_000.0 * per_thousand * jitter).round() as i64).max(2);

    let staff_per_manager = if size == SizeClass::Small {
        STAFF_PER_MANAGER_SMALL
    } else {
        STAFF_PER_MANAGER_OTHER
    };
    let managers = ((headcount as f64 / between(rng, staff_per_manager)).round() as i64).max(1);

    let smartable_share = if size == SizeClass::Small {
        SMARTABLE_SHARE_SMALL
    } else {
        SMARTABLE_SHARE_OTHER
    };
    let smartable =
        ((headcount as f64 * between(rng, smartable_share)).round() as i64).clamp(1, headcount);

    Staff {
        headcount,
        managers,
        smartable,
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn staff_follows_the_per_capita_figures() {
        let mut rng = DemoRng::seed_from_u64(3);
        // Cuneo, 56,000 inhabitants: 6.3 per 1,000 ± 10% → 318–388.
        let town = staff(&mut rng, 56_000, SizeClass::Large);
        assert!((318..=388).contains(&town.headcount), "{town:?}");
        assert!((13..=26).contains(&town.managers), "{town:?}");
        // Roddi, 1,600 inhabitants: 11 per 1,000 ± 10% → 16–19.
        let village = staff(&mut rng, 1_600, SizeClass::Small);
        assert!((16..=19).contains(&village.headcount), "{village:?}");
        assert_eq!(village.managers, 1);
        assert!(
            village.smartable * 100 >= village.headcount * 40,
            "{village:?}"
        );
        // A hamlet still has staff and a responsible officer.
        let hamlet = staff(&mut rng, 40, SizeClass::Small);
        assert_eq!((hamlet.headcount, hamlet.managers), (2, 1));
        assert!(hamlet.smartable >= 1);
    }
}
