//! The ceiling in the draws (docs/model.md §6): a partner's draws split into `CLASSES` equal
//! groups, as for the timing of its drivers, and each group lives one quantile of the
//! ceiling's spread (the 10th, 30th, 50th, 70th and 90th percentiles), with p and q moved as
//! the fit says they go with that ceiling. With five groups the mixture's P10 and P90 are the
//! 10th and 90th percentiles of the ceiling themselves where only the ceiling matters (a
//! partner at its plateau).

use super::calibrate::Fit;
use super::draws::inverse_normal;
use super::timing::CLASSES;

/// Which quantile of the ceiling timing group k lives: a fixed order unrelated to the
/// timing's (Σ (k − 2)(PAIRING[k] − 2) = 0), so a late tappa goes with no particular
/// ceiling.
const PAIRING: [usize; CLASSES] = [3, 0, 2, 4, 1];

/// One group's ceiling: its potential in people and the shift of its draws' ln p and ln q.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GroupCeiling {
    pub potential: f64,
    pub shift: [f64; 2],
}

/// Whether the draws need groups for the ceiling.
pub(crate) fn uncertain(fit: &Fit) -> bool {
    fit.sd_ln_ceiling > 0.0
}

/// The ceiling of each group: the share `centre` (of `smartable` staff) moved by the group's
/// quantile of the fit's spread, never above everyone. It may lie below the last
/// observation: that figure holds the noise of an observation, and a ceiling raised to it
/// would follow the noise.
pub(crate) fn groups(fit: &Fit, centre: f64, smartable: f64) -> [GroupCeiling; CLASSES] {
    let sd = fit.sd_ln_ceiling.max(0.0);
    std::array::from_fn(|k| {
        let class = PAIRING[k];
        let z = inverse_normal((2 * class + 1) as f64 / (2 * CLASSES) as f64);
        let share = (centre * (sd * z).exp()).min(1.0);
        let potential = smartable * share;
        let moved = if potential > 0.0 && centre > 0.0 {
            (potential / (smartable * centre)).ln()
        } else {
            0.0
        };
        GroupCeiling {
            potential,
            shift: fit.ceiling_slopes.map(|slope| slope * moved),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::calibrate::Prior;
    use super::*;

    fn fit(sd: f64, slopes: [f64; 2]) -> Fit {
        Fit {
            sd_ln_ceiling: sd,
            ceiling_slopes: slopes,
            ..Fit::priors(
                &Prior {
                    p: 0.03,
                    q: 0.38,
                    spread: (0.5, 0.35),
                    ceiling: 0.6,
                    ceiling_spread: sd,
                },
                0,
            )
        }
    }

    #[test]
    fn groups_live_the_ceilings_quintile_midpoints_in_an_order_unlike_the_timings() {
        let groups = groups(&fit(0.2, [-1.0, 0.5]), 0.6, 1000.0);
        let mut potentials: Vec<f64> = groups.iter().map(|g| g.potential).collect();
        // Not in the timing's order (late tappe would otherwise go with high ceilings).
        assert!(potentials.windows(2).any(|w| w[0] > w[1]));
        potentials.sort_by(f64::total_cmp);
        // 600·e^{0.2·z} at z = Φ⁻¹(0.1), Φ⁻¹(0.3), 0, Φ⁻¹(0.7), Φ⁻¹(0.9).
        let expected = [-1.281_551_6, -0.524_400_5, 0.0, 0.524_400_5, 1.281_551_6]
            .map(|z: f64| 600.0 * (0.2 * z).exp());
        for (got, want) in potentials.iter().zip(expected) {
            assert!((got - want).abs() < 1e-4, "{got} {want}");
        }
        // A higher ceiling moves ln p down and ln q up, as the slopes say.
        for group in groups {
            let moved = (group.potential / 600.0).ln();
            assert!((group.shift[0] + moved).abs() < 1e-12);
            assert!((group.shift[1] - 0.5 * moved).abs() < 1e-12);
        }
    }

    #[test]
    fn a_ceiling_never_exceeds_everyone() {
        let groups = groups(&fit(1.5, [0.0; 2]), 0.9, 1000.0);
        assert!(
            groups
                .iter()
                .all(|g| g.potential <= 1000.0 && g.potential > 0.0)
        );
        assert_eq!(groups.iter().filter(|g| g.potential == 1000.0).count(), 2);
        let exact = super::groups(&fit(0.0, [0.0; 2]), 0.6, 1000.0);
        assert!(
            exact
                .iter()
                .all(|g| g.potential == 600.0 && g.shift == [0.0; 2])
        );
    }
}
