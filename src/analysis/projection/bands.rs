//! P10, P50 and P90 of a set of draws, by nearest rank: P_α is the ⌈α·N⌉-th smallest value,
//! always one of the draws, so bands are ordered and never leave the range of the draws.

/// Three quantiles of one month's draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Quantiles {
    /// Every draw had this value.
    pub fn all(value: f64) -> Quantiles {
        Quantiles {
            p10: value,
            p50: value,
            p90: value,
        }
    }
}

/// 0-based rank of the nearest-rank quantile `alpha` among `n` values.
fn rank(alpha: f64, n: usize) -> usize {
    ((alpha * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1
}

/// The quantiles of `values` (numbers of people, so never negative), using `keys` as scratch.
/// The bits of a non-negative double order like the double itself, and integers select
/// faster than floats. Draws equal to `common` (those held at a cap, often most of them) are
/// counted rather than ordered.
pub(crate) fn quantiles_of_counts(
    values: &[f64],
    common: Option<f64>,
    keys: &mut Vec<u64>,
) -> Option<Quantiles> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    // +0.0 turns a −0.0 into 0.0; max keeps a rounding below zero from sorting last.
    let key = |value: f64| (value.max(0.0) + 0.0).to_bits();
    keys.clear();
    let common = common.map(key);
    let (mut shared, mut below) = (0, 0);
    match common {
        Some(common) => {
            for &value in values {
                let k = key(value);
                if k == common {
                    shared += 1;
                } else {
                    below += usize::from(k < common);
                    keys.push(k);
                }
            }
        }
        None => keys.extend(values.iter().map(|&value| key(value))),
    }
    // Each quantile is either the common value or a rank among the other keys.
    let wanted = [rank(0.1, n), rank(0.5, n), rank(0.9, n)].map(|k| {
        if shared > 0 && k >= below && k < below + shared {
            None
        } else if k >= below + shared {
            Some(k - shared)
        } else {
            Some(k)
        }
    });
    let mut found = [0u64; 3];
    // Ranks ascend, so each selection looks only at what lies above the previous one.
    let (mut rest, mut offset, mut last): (&mut [u64], usize, Option<(usize, u64)>) =
        (keys, 0, None);
    for (slot, want) in found.iter_mut().zip(wanted) {
        *slot = match (want, common) {
            (None, Some(common)) => common,
            (Some(k), _) => match last {
                Some((previous, value)) if previous == k => value,
                _ => {
                    let (_, value, above) = rest.select_nth_unstable(k - offset);
                    let value = *value;
                    rest = above;
                    offset = k + 1;
                    last = Some((k, value));
                    value
                }
            },
            (None, None) => return None,
        };
    }
    Some(Quantiles {
        p10: f64::from_bits(found[0]),
        p50: f64::from_bits(found[1]),
        p90: f64::from_bits(found[2]),
    })
}

/// The quantiles of `values`, which are reordered; `None` when empty.
#[cfg(test)]
pub(crate) fn quantiles(values: &mut [f64]) -> Option<Quantiles> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (k10, k50, k90) = (rank(0.1, n), rank(0.5, n), rank(0.9, n));
    let (below, median, above) = values.select_nth_unstable_by(k50, f64::total_cmp);
    let p50 = *median;
    let p10 = if k10 < k50 {
        *below.select_nth_unstable_by(k10, f64::total_cmp).1
    } else {
        p50
    };
    let p90 = if k90 > k50 {
        *above
            .select_nth_unstable_by(k90 - k50 - 1, f64::total_cmp)
            .1
    } else {
        p50
    };
    Some(Quantiles { p10, p50, p90 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_on_small_sets() {
        // 1..=10 in a scrambled order: P10 is the 1st value, P50 the 5th, P90 the 9th.
        let mut values = [7.0, 3.0, 10.0, 1.0, 5.0, 9.0, 2.0, 8.0, 4.0, 6.0];
        let q = quantiles(&mut values).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (1.0, 5.0, 9.0));
        assert_eq!(quantiles(&mut [4.0]).unwrap(), Quantiles::all(4.0));
        assert_eq!(quantiles(&mut []), None);
        let mut pair = [2.0, 1.0];
        let q = quantiles(&mut pair).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (1.0, 1.0, 2.0));
    }

    #[test]
    fn counts_select_as_their_values_do() {
        let values = [7.5, 3.0, 10.0, 1.25, 5.0, 9.0, -0.0, 8.0, 4.0, 6.0];
        let mut keys = Vec::new();
        let q = quantiles_of_counts(&values, None, &mut keys).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (0.0, 5.0, 9.0));
        let mut sorted = values;
        assert_eq!(quantiles(&mut sorted), Some(q));
        assert_eq!(quantiles_of_counts(&[], None, &mut keys), None);
        // Naming a common value changes nothing but the work.
        for common in [0.0, 5.0, 9.0, 10.0, 7.5, 42.0] {
            assert_eq!(
                quantiles_of_counts(&values, Some(common), &mut keys),
                Some(q),
                "{common}"
            );
        }
    }

    #[test]
    fn draws_held_at_a_cap_are_counted_not_ordered() {
        // 1,000 draws: 600 held at 30, the rest spread below it and (by a rounding) just above.
        let values: Vec<f64> = (0..1000)
            .map(|d| match d % 10 {
                0..=5 => 30.0,
                6..=8 => f64::from(d) / 100.0,
                _ => 30.000_000_000_000_004,
            })
            .collect();
        let mut keys = Vec::new();
        let mut fresh = values.clone();
        let expected = quantiles(&mut fresh);
        assert_eq!(
            quantiles_of_counts(&values, Some(30.0), &mut keys),
            expected
        );
        assert_eq!(quantiles_of_counts(&values, None, &mut keys), expected);
    }

    #[test]
    fn thousand_draws_take_the_100th_500th_and_900th() {
        let mut values: Vec<f64> = (0..1000).rev().map(f64::from).collect();
        let q = quantiles(&mut values).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (99.0, 499.0, 899.0));
    }
}
