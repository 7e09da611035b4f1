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
pub(crate) fn rank(alpha: f64, n: usize) -> usize {
    ((alpha * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1
}

/// Reusable buffers for `quantiles_of_counts`.
#[derive(Default)]
pub(crate) struct Scratch {
    keys: Vec<u64>,
    inside: [Vec<u64>; 3],
    /// A month's draws as whole people (`counts`).
    pub(super) people: Vec<u16>,
    /// Draws per number of people, for `counts`' selection.
    pub(super) histogram: Vec<u32>,
}

/// Where P10, P50 and P90 of a month are expected to lie, each between `low` and `high`
/// (numbers of people). Only a guess to save work: a wrong one costs a recount, never a
/// different answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Guess {
    low: [f64; 3],
    high: [f64; 3],
}

impl Guess {
    /// A partner's draws move little from one month to the next, and mostly as a run of
    /// shrinking steps towards a level (a cap, or everyone), so each quantile is expected one
    /// more step on, the step shrinking in the ratio of the last two, within a few hundredths
    /// of that step (measured on the national demo: nineteen guesses in twenty hold, with a
    /// dozen draws or so in each bracket).
    pub(crate) fn extrapolating(history: [Quantiles; 3]) -> Guess {
        const MARGIN: f64 = 0.03;
        let at = |q: Quantiles| [q.p10, q.p50, q.p90];
        let [first, second, last] = history.map(at);
        let mut guess = Guess {
            low: [0.0; 3],
            high: [0.0; 3],
        };
        for j in 0..3 {
            let (previous, step) = (second[j] - first[j], last[j] - second[j]);
            let ratio = if previous != 0.0 {
                (step / previous).clamp(-1.0, 2.0)
            } else {
                1.0
            };
            let step = step * ratio;
            let (expected, margin) = (last[j] + step, MARGIN * step.abs());
            guess.low[j] = (expected - margin).max(0.0) + 0.0;
            guess.high[j] = (expected + margin).max(0.0) + 0.0;
        }
        guess
    }

    /// The quantiles of what will be observed: each month's draws get a fresh noise, so a
    /// quantile jitters around its trend by a few ranks, and a step of the last months says
    /// little of the next. Each quantile is expected on the trend of the last three months,
    /// within a tenth of last month's P10–P90 width (some forty ranks of a thousand draws,
    /// against a jitter of ten) plus the trend's own step.
    pub(crate) fn jittering(history: [Quantiles; 3]) -> Guess {
        const WIDTH_SHARE: f64 = 0.1;
        let at = |q: Quantiles| [q.p10, q.p50, q.p90];
        let [first, _, last] = history.map(at);
        let width = WIDTH_SHARE * (last[2] - last[0]).abs();
        let mut guess = Guess {
            low: [0.0; 3],
            high: [0.0; 3],
        };
        for j in 0..3 {
            let step = (last[j] - first[j]) / 2.0;
            let (expected, margin) = (last[j] + step, width + step.abs());
            guess.low[j] = (expected - margin).max(0.0) + 0.0;
            guess.high[j] = (expected + margin).max(0.0) + 0.0;
        }
        guess
    }

    /// Where each quantile is expected: (low, high) per quantile, in people.
    pub(crate) fn bounds(&self) -> ([f64; 3], [f64; 3]) {
        (self.low, self.high)
    }

    /// Each quantile between `low` and `high`.
    #[cfg(test)]
    fn between(low: [f64; 3], high: [f64; 3]) -> Guess {
        Guess { low, high }
    }
}

/// The bits of a non-negative double order like the double itself, and integers select faster
/// than floats. +0.0 turns a −0.0 into 0.0; max keeps a rounding below zero from sorting last.
fn key(value: f64) -> u64 {
    (value.max(0.0) + 0.0).to_bits()
}

/// The 0-based ranks of P10, P50 and P90 among `n` values.
fn ranks(n: usize) -> [usize; 3] {
    [rank(0.1, n), rank(0.5, n), rank(0.9, n)]
}

/// The quantiles of `values` (numbers of people, so never negative). Draws equal to `common`
/// (those held at a cap, often most of them) are counted rather than ordered. With a `guess`
/// that holds, only the draws inside its brackets are ordered; the answer is the same either
/// way.
#[inline(always)]
pub(crate) fn quantiles_of_counts(
    values: &[f64],
    common: Option<f64>,
    guess: Option<&Guess>,
    scratch: &mut Scratch,
) -> Option<Quantiles> {
    quantiles_of(values.iter().copied(), common, guess, scratch)
}

/// `quantiles_of_counts` of values computed as they are read (a month's draws with the
/// noise of an observation, for instance): each pass computes them again, which costs less
/// than writing them out and reading them back.
#[inline(always)]
pub(crate) fn quantiles_of<I>(
    values: I,
    common: Option<f64>,
    guess: Option<&Guess>,
    scratch: &mut Scratch,
) -> Option<Quantiles>
where
    I: ExactSizeIterator<Item = f64> + Clone,
{
    if values.len() == 0 {
        return None;
    }
    let found = match guess.and_then(|guess| within_guess(values.clone(), common, guess, scratch)) {
        Some(found) => found,
        None => everywhere(values, common, &mut scratch.keys)?,
    };
    Some(Quantiles {
        p10: f64::from_bits(found[0]),
        p50: f64::from_bits(found[1]),
        p90: f64::from_bits(found[2]),
    })
}

/// The three quantiles' keys when each lies inside its bracket of `guess`, else `None`.
/// One branch-free pass (so it vectorises) counts the draws below and up to each bracket;
/// only when every rank falls inside its bracket does a second pass gather the few draws
/// there.
#[inline(always)]
fn within_guess<I>(
    values: I,
    common: Option<f64>,
    guess: &Guess,
    scratch: &mut Scratch,
) -> Option<[u64; 3]>
where
    I: ExactSizeIterator<Item = f64> + Clone,
{
    let (low, high) = (guess.low, guess.high);
    let (mut below, mut upto) = ([0usize; 3], [0usize; 3]);
    let n = values.len();
    for value in values.clone() {
        // Compared as doubles, which order like their keys: brackets are never negative.
        let value = value.max(0.0);
        for j in 0..3 {
            below[j] += usize::from(value < low[j]);
            upto[j] += usize::from(value <= high[j]);
        }
    }
    let wanted = ranks(n);
    if (0..3).any(|j| wanted[j] < below[j] || wanted[j] >= upto[j]) {
        return None;
    }
    // A bracket of one value holds only that value: no draw to gather.
    let gather: [bool; 3] = std::array::from_fn(|j| low[j] != high[j]);
    // Each bracket as its lowest key and its span of keys: a draw is inside when its key less
    // the lowest is at most the span (unsigned, so keys below wrap around above it). One
    // comparison per bracket and one branch per draw, rarely taken, so well predicted, where
    // comparisons branched on one by one would each be a coin toss. A bracket with nothing to
    // gather gets a span no key reaches (no key is u64::MAX: it would be a NaN).
    let from: [u64; 3] = std::array::from_fn(|j| if gather[j] { key(low[j]) } else { u64::MAX });
    let span: [u64; 3] = std::array::from_fn(|j| {
        if gather[j] {
            key(high[j]).saturating_sub(key(low[j]))
        } else {
            0
        }
    });
    let common = common.map(key);
    let mut shared = [0usize; 3];
    for inside in &mut scratch.inside {
        inside.clear();
    }
    for value in values {
        let k = key(value);
        let hits = [0, 1, 2].map(|j| k.wrapping_sub(from[j]) <= span[j]);
        if hits[0] | hits[1] | hits[2] {
            for j in 0..3 {
                if !hits[j] {
                    continue;
                }
                if Some(k) == common {
                    shared[j] += 1;
                } else {
                    scratch.inside[j].push(k);
                }
            }
        }
    }
    Some(std::array::from_fn(|j| {
        if gather[j] {
            nth_with_shared(
                &mut scratch.inside[j],
                wanted[j] - below[j],
                common.map(|common| (common, shared[j])),
            )
        } else {
            key(low[j])
        }
    }))
}

/// The `k`-th smallest (0-based) of `keys` together with `shared.1` copies of `shared.0`.
fn nth_with_shared(keys: &mut [u64], k: usize, shared: Option<(u64, usize)>) -> u64 {
    match shared {
        Some((common, copies)) if copies > 0 => {
            let below = keys.iter().filter(|&&key| key < common).count();
            if k < below {
                *keys.select_nth_unstable(k).1
            } else if k < below + copies {
                common
            } else {
                *keys.select_nth_unstable(k - copies).1
            }
        }
        _ => *keys.select_nth_unstable(k).1,
    }
}

/// The three quantiles' keys, selected among all the draws but those equal to `common`.
fn everywhere<I>(values: I, common: Option<f64>, keys: &mut Vec<u64>) -> Option<[u64; 3]>
where
    I: ExactSizeIterator<Item = f64>,
{
    let n = values.len();
    keys.clear();
    let common = common.map(key);
    let (mut shared, mut below) = (0, 0);
    match common {
        Some(common) => {
            for value in values {
                let k = key(value);
                if k == common {
                    shared += 1;
                } else {
                    below += usize::from(k < common);
                    keys.push(k);
                }
            }
        }
        None => keys.extend(values.map(key)),
    }
    // Each quantile is either the common value or a rank among the other keys.
    let wanted = ranks(n).map(|k| {
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
    Some(found)
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
    use super::super::draws::SplitMix64;
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
        let mut scratch = Scratch::default();
        let q = quantiles_of_counts(&values, None, None, &mut scratch).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (0.0, 5.0, 9.0));
        let mut sorted = values;
        assert_eq!(quantiles(&mut sorted), Some(q));
        assert_eq!(quantiles_of_counts(&[], None, None, &mut scratch), None);
        // Naming a common value changes nothing but the work.
        for common in [0.0, 5.0, 9.0, 10.0, 7.5, 42.0] {
            assert_eq!(
                quantiles_of_counts(&values, Some(common), None, &mut scratch),
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
        let mut scratch = Scratch::default();
        let mut fresh = values.clone();
        let expected = quantiles(&mut fresh);
        assert_eq!(
            quantiles_of_counts(&values, Some(30.0), None, &mut scratch),
            expected
        );
        assert_eq!(
            quantiles_of_counts(&values, None, None, &mut scratch),
            expected
        );
    }

    #[test]
    fn thousand_draws_take_the_100th_500th_and_900th() {
        let mut values: Vec<f64> = (0..1000).rev().map(f64::from).collect();
        let q = quantiles(&mut values).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (99.0, 499.0, 899.0));
    }

    /// Nearest-rank quantiles by a plain sort, as the definition reads.
    fn by_sorting(values: &[f64]) -> Quantiles {
        let mut sorted: Vec<f64> = values.iter().map(|&v| v.max(0.0) + 0.0).collect();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let at = |alpha: f64| sorted[((alpha * n as f64).ceil() as usize).clamp(1, n) - 1];
        Quantiles {
            p10: at(0.1),
            p50: at(0.5),
            p90: at(0.9),
        }
    }

    /// Random draws of the kinds the engine makes: spread, with ties, all equal, or mostly
    /// held at a cap (with some a rounding above it).
    fn sample(rng: &mut SplitMix64, n: usize, kind: usize) -> (Vec<f64>, Option<f64>) {
        let cap = 30.0;
        let values = (0..n)
            .map(|_| match kind {
                0 => rng.unit() * 50.0,
                1 => (rng.below(5) as f64) * 2.5,
                2 => 7.25,
                _ => match rng.below(10) {
                    0..=5 => cap,
                    6 => 30.000_000_000_000_004,
                    7 => 0.0,
                    _ => rng.unit() * cap,
                },
            })
            .collect();
        (values, (kind == 3).then_some(cap))
    }

    #[test]
    fn guesses_give_what_a_plain_sort_gives() {
        let mut rng = SplitMix64::new(5);
        let mut scratch = Scratch::default();
        for n in [1, 2, 3, 10, 11, 1000, 1001] {
            for kind in 0..4 {
                for round in 0..20 {
                    let (values, common) = sample(&mut rng, n, kind);
                    let expected = by_sorting(&values);
                    let at = |q: Quantiles| [q.p10, q.p50, q.p90];
                    let truth = at(expected);
                    // Brackets that hold (tight, exact, wide), miss (below, above, reversed)
                    // or are random: the answer never depends on the guess.
                    let width = rng.unit() * 5.0 * f64::from(round % 4);
                    let guesses = [
                        Guess::between(truth, truth),
                        Guess::between(
                            truth.map(|v| (v - width).max(0.0)),
                            truth.map(|v| v + width),
                        ),
                        Guess::between([0.0; 3], [f64::MAX; 3]),
                        Guess::between(truth.map(|v| v + 1.0), truth.map(|v| v + 2.0)),
                        Guess::between([0.0; 3], truth.map(|v| (v - 1e-9).max(0.0))),
                        Guess::between(truth.map(|v| v + 1.0), truth),
                        Guess::between(
                            [0, 1, 2].map(|_| rng.unit() * 40.0),
                            [0, 1, 2].map(|_| rng.unit() * 40.0),
                        ),
                    ];
                    for guess in guesses {
                        for common in [common, None, Some(truth[1])] {
                            let got =
                                quantiles_of_counts(&values, common, Some(&guess), &mut scratch);
                            assert_eq!(
                                got,
                                Some(expected),
                                "n {n} kind {kind} {guess:?} {common:?}"
                            );
                        }
                    }
                    assert_eq!(
                        quantiles_of_counts(&values, common, None, &mut scratch),
                        Some(expected)
                    );
                }
            }
        }
        assert_eq!(
            quantiles_of_counts(
                &[],
                None,
                Some(&Guess::between([0.0; 3], [1.0; 3])),
                &mut scratch
            ),
            None
        );
    }

    #[test]
    fn a_month_on_is_guessed_one_shrinking_step_further() {
        // Quantiles steps of 4, 2, then 1 expected next: each bracket 1 ± 0.03 above the last.
        let q = |v: f64| Quantiles {
            p10: v,
            p50: v + 10.0,
            p90: v + 20.0,
        };
        let guess = Guess::extrapolating([q(10.0), q(14.0), q(16.0)]);
        let expected = [17.0, 27.0, 37.0];
        for ((low, high), expected) in guess.low.iter().zip(guess.high).zip(expected) {
            assert!((low - (expected - 0.03)).abs() < 1e-12, "{guess:?}");
            assert!((high - (expected + 0.03)).abs() < 1e-12, "{guess:?}");
        }
        // Months without change (a closed gate) are expected to stay as they were.
        let still = Guess::extrapolating([q(5.0), q(5.0), q(5.0)]);
        assert_eq!(still, Guess::between([5.0, 15.0, 25.0], [5.0, 15.0, 25.0]));
        // Draws converging on a level: the guess holds and gathers a handful of draws.
        let month = |t: i32| -> Vec<f64> {
            (0..1000)
                .map(|d| 20.0 - 10.0 * (0.8 + f64::from(d) / 10_000.0).powi(t))
                .collect()
        };
        let history = [3, 4, 5].map(|t| by_sorting(&month(t)));
        let guess = Guess::extrapolating(history);
        let mut scratch = Scratch::default();
        let next = month(6);
        assert!(
            within_guess(next.iter().copied(), None, &guess, &mut scratch).is_some(),
            "{guess:?}"
        );
        assert!(scratch.inside.iter().all(|inside| inside.len() < 100));
        assert_eq!(
            quantiles_of_counts(&next, None, Some(&guess), &mut scratch),
            Some(by_sorting(&next))
        );
    }

    #[test]
    fn a_noisy_month_is_guessed_on_the_trend_and_gathers_few_draws() {
        // What will be observed: a slowly rising level, each month's draws with a fresh 5%
        // noise. Extrapolating the jittering steps misses; the trend within a tenth of the
        // width holds, orders fewer draws than a selection among all of them (three brackets together
        // under a thousand), and gives the plain sort's answer.
        let strata = super::super::draws::normal_strata(1000);
        let mut rng = SplitMix64::new(11);
        let mut month = |t: i32| -> Vec<f64> {
            let level = 100.0 + f64::from(t);
            let mut noise = strata.clone();
            for i in (1..noise.len()).rev() {
                noise.swap(i, rng.below(i + 1));
            }
            noise.iter().map(|z| level * (1.0 + 0.05 * z)).collect()
        };
        let mut history = [3, 4, 5].map(|t| by_sorting(&month(t)));
        let mut scratch = Scratch::default();
        let mut held = 0;
        for t in 6..26 {
            let next = month(t);
            let guess = Guess::jittering(history);
            if within_guess(next.iter().copied(), None, &guess, &mut scratch).is_some() {
                held += 1;
                let gathered: usize = scratch.inside.iter().map(Vec::len).sum();
                assert!(gathered < 1000, "{gathered} draws gathered");
            }
            assert_eq!(
                quantiles_of_counts(&next, None, Some(&guess), &mut scratch),
                Some(by_sorting(&next))
            );
            history = [history[1], history[2], by_sorting(&next)];
        }
        assert!(held >= 18, "the guess held {held} times in 20");
    }
}
