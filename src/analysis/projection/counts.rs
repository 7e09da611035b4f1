//! The band of what will be observed, in whole people. An observation is a count, so each
//! draw's noisy value is rounded to the nearest person before its quantiles are taken.
//! Rounding never reorders values, so the nearest-rank quantiles of the rounded draws are the
//! rounded nearest-rank quantiles of the draws: the band means what it meant, to the person.
//!
//! Why counts. A partner's band moves little from one month to the next, and in whole people
//! most Comuni (a few dozen smartable staff) have only a handful of values a quantile can take
//! near its guess. One branch-free pass that counts the draws below each of those values
//! settles all three quantiles: no draw is gathered or ordered. When the guess misses, or its
//! brackets hold too many people (a large Comune), the draws are selected as before and the
//! result rounded, which gives the same answer.
//!
//! The counting pass compares whole people, not doubles: each draw's people count is exact
//! in an f32 (below 2²⁴ people), so sixteen draws go in one vector register against each
//! threshold, with 32-bit counters, twice the draws per instruction of the doubles.

use super::bands::{Guess, Quantiles, Scratch, quantiles_of, rank};

// The only module of the band allowed `unsafe`: the counting pass in vector registers.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod simd;

/// The most values counted in one pass; wider brackets are selected instead.
const MAX_THRESHOLDS: usize = 16;
/// Draws counted side by side: an AVX-512 register of f32.
const WIDTH: usize = 16;
/// People counts from here on are not all exact in an f32: such bands are selected.
const EXACT_IN_F32: f64 = 16_777_216.0;

/// A month's draws with the noise of an observation: draw d will be observed as
/// max(values[d] × weights[d], 0), its weight 1 + sd·z for its stratum z of the month.
#[derive(Clone, Copy)]
pub(crate) struct Noisy<'a> {
    values: &'a [f64],
    weights: &'a [f64],
}

impl<'a> Noisy<'a> {
    /// As many draws as the shorter of the two.
    pub(crate) fn new(values: &'a [f64], weights: &'a [f64]) -> Noisy<'a> {
        let n = values.len().min(weights.len());
        Noisy {
            values: &values[..n],
            weights: &weights[..n],
        }
    }

    fn len(&self) -> usize {
        self.values.len()
    }

    /// The noisy values, computed as they are read.
    fn iter(self) -> impl ExactSizeIterator<Item = f64> + Clone + 'a {
        self.values
            .iter()
            .zip(self.weights)
            .map(|(&value, &weight)| (value * weight).max(0.0))
    }
}

/// `value` in whole people: ⌊max(value, 0) + 1/2⌋.
#[inline(always)]
pub(crate) fn people(value: f64) -> f64 {
    half_up(value).floor()
}

/// max(value, 0) + 1/2, computed the one way both the rounding and the counting pass read it:
/// ⌊a⌋ ≤ c exactly when a < c + 1, so counting `a < c + 1` counts the draws of at most c people.
#[inline(always)]
fn half_up(value: f64) -> f64 {
    value.max(0.0) + 0.5
}

/// P10, P50 and P90 of `values` rounded to whole people; `None` when there are none. With a
/// `guess` that holds, one counting pass decides; the answer is the same either way.
#[inline(always)]
pub(crate) fn quantiles_in_people(
    values: Noisy<'_>,
    guess: Option<&Guess>,
    scratch: &mut Scratch,
) -> Option<Quantiles> {
    if values.len() == 0 {
        return None;
    }
    if let Some(found) = guess.and_then(|guess| counted(values, guess)) {
        return Some(found);
    }
    if let Some(found) = counted_in_range(values) {
        return Some(found);
    }
    quantiles_of(values.iter(), None, guess, scratch).map(|q| Quantiles {
        p10: people(q.p10),
        p50: people(q.p50),
        p90: people(q.p90),
    })
}

/// The whole-people brackets of a guess (quantile j between `low[j]` and `high[j]` people)
/// and the thresholds they need: the people counts c + 1 for c from low[j] − 1 to high[j],
/// each once, ascending. One person wider on each side when the pass has room: a wider
/// bracket holds more often. A pass of 8 thresholds costs about two thirds of one of 16, so
/// the narrow bracket in 8 comes before the wide one in 16.
fn brackets(guess: &Guess) -> Option<([f64; 3], [f64; 3], Thresholds)> {
    let (low, high) = guess.bounds();
    let (low, high) = (low.map(people), high.map(people));
    for (widen, most) in [
        (1.0, 8),
        (0.0, 8),
        (1.0, MAX_THRESHOLDS),
        (0.0, MAX_THRESHOLDS),
    ] {
        let low = low.map(|c| (c - widen).max(0.0));
        let high = high.map(|c| c + widen);
        if (0..3).any(|j| high[j] - low[j] + 2.0 > most as f64) {
            continue;
        }
        // Each bracket's thresholds are a run of whole numbers: the runs in order of their
        // starts, each from past what the previous ones gave.
        let mut runs: [(f64, f64); 3] = std::array::from_fn(|j| (low[j], high[j] + 1.0));
        runs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        let mut thresholds = Thresholds {
            values: [f64::INFINITY; MAX_THRESHOLDS],
            len: 0,
            floor: f64::NEG_INFINITY,
        };
        'runs: for (start, end) in runs {
            let mut c = match thresholds.len {
                0 => start,
                len => start.max(thresholds.values[len - 1] + 1.0),
            };
            while c <= end {
                if thresholds.len == most {
                    thresholds.len += 1;
                    break 'runs;
                }
                thresholds.values[thresholds.len] = c;
                thresholds.len += 1;
                c += 1.0;
            }
        }
        if thresholds.len <= most {
            return Some((low, high, thresholds));
        }
    }
    None
}

/// Distinct people counts, ascending, in the first `len` of `values`; the rest infinite.
struct Thresholds {
    values: [f64; MAX_THRESHOLDS],
    len: usize,
    /// No draw rounds to fewer people than this (−∞ when not known).
    floor: f64,
}

/// The three quantiles by one counting pass when each lies inside its bracket, else `None`.
#[inline(always)]
fn counted(values: Noisy<'_>, guess: &Guess) -> Option<Quantiles> {
    let (low, high, thresholds) = brackets(guess)?;
    resolve(values, low, high, &thresholds)
}

/// Quantile j is the c in low[j]..=high[j] with at most its rank below c people and more at
/// c, when the counts below each of `thresholds` (which hold every c + 1, and low[j] unless
/// nothing can be below it) say there is one.
#[inline(always)]
fn resolve(
    values: Noisy<'_>,
    low: [f64; 3],
    high: [f64; 3],
    thresholds: &Thresholds,
) -> Option<Quantiles> {
    let n = values.len();
    if thresholds.values[..thresholds.len]
        .iter()
        .any(|&t| t >= EXACT_IN_F32)
    {
        return None;
    }
    let mut below = [0; MAX_THRESHOLDS];
    if thresholds.len <= 8 {
        below[..8].copy_from_slice(&count_below::<8>(values, &thresholds.values));
    } else {
        below = count_below::<MAX_THRESHOLDS>(values, &thresholds.values);
    }
    // How many draws round to fewer than `people`: a threshold the brackets put in the list.
    let at = |people: f64| {
        thresholds.values[..thresholds.len]
            .iter()
            .position(|&t| t == people)
            .map(|i| below[i])
    };
    let wanted = [rank(0.1, n), rank(0.5, n), rank(0.9, n)];
    let mut found = [0.0; 3];
    for j in 0..3 {
        let r = wanted[j];
        // Draws of fewer than low[j] people are at most r, of at most high[j] more than r.
        let under = if low[j] == thresholds.floor {
            0
        } else {
            at(low[j])?
        };
        if under > r || at(high[j] + 1.0)? <= r {
            return None;
        }
        let mut c = low[j];
        while at(c + 1.0)? <= r {
            c += 1.0;
        }
        found[j] = c;
    }
    Some(Quantiles {
        p10: found[0],
        p50: found[1],
        p90: found[2],
    })
}

/// The three quantiles by one counting pass when all the draws lie within `MAX_THRESHOLDS`
/// people of each other (a small Comune, or the first months, which have no guess), else
/// `None`. A pass for the least and most people comes first.
#[inline(always)]
fn counted_in_range(values: Noisy<'_>) -> Option<Quantiles> {
    let (mut least, mut most) = (f64::INFINITY, f64::NEG_INFINITY);
    for value in values.iter() {
        let a = half_up(value);
        least = least.min(a);
        most = most.max(a);
    }
    let (least, most) = (least.floor(), most.floor());
    if most - least >= MAX_THRESHOLDS as f64 {
        return None;
    }
    let low = [least; 3];
    let high = [most; 3];
    let mut thresholds = Thresholds {
        values: [f64::INFINITY; MAX_THRESHOLDS],
        len: (most - least) as usize + 1,
        floor: least,
    };
    for (i, threshold) in thresholds.values[..thresholds.len].iter_mut().enumerate() {
        *threshold = least + 1.0 + i as f64;
    }
    resolve(values, low, high, &thresholds)
}

/// For each threshold i (of at most K, ascending, whole people below 2²⁴), how many values
/// round to fewer people. K is fixed so the loop is unrolled and vectorised; thresholds past
/// the list are infinite, counted and never read.
#[inline(always)]
fn count_below<const K: usize>(values: Noisy<'_>, list: &[f64]) -> [usize; K] {
    // Integers below 2²⁴ are exact in an f32, and so is ⌊a⌋ of any a below it; ⌊a⌋ < t
    // exactly when a < t for a whole t, so counting ⌊a⌋ < t counts what `people` rounds
    // below t. Larger counts only compare as larger.
    let thresholds: [f32; K] =
        std::array::from_fn(|i| list.get(i).map_or(f32::INFINITY, |&t| t as f32));
    let n = values.len();
    let whole = n - n % WIDTH;
    let mut counts = [0u32; K];
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if super::kernel::vectors_allowed()
        && let Some(vector) = simd::count_below(values, whole, &thresholds)
    {
        counts = vector;
        done = whole;
    }
    for (&value, &weight) in values.values[done..].iter().zip(&values.weights[done..]) {
        let people = whole_people(value, weight);
        for (count, &threshold) in counts.iter_mut().zip(&thresholds) {
            *count += u32::from(people < threshold);
        }
    }
    counts.map(|count| count as usize)
}

/// A draw's people count, as an f32 (exact below 2²⁴).
#[inline(always)]
fn whole_people(value: f64, weight: f64) -> f32 {
    half_up(value * weight).floor() as f32
}

#[cfg(test)]
mod tests {
    use super::super::bands::quantiles;
    use super::super::draws::SplitMix64;
    use super::*;

    /// `values` as they are, with no noise.
    fn plain(values: &[f64]) -> Noisy<'_> {
        Noisy::new(values, &ONES[..values.len()])
    }

    static ONES: [f64; 1000] = [1.0; 1000];

    fn rounded(values: &[f64]) -> Quantiles {
        let mut copy = values.to_vec();
        let q = quantiles(&mut copy).expect("not empty");
        Quantiles {
            p10: people(q.p10.max(0.0)),
            p50: people(q.p50.max(0.0)),
            p90: people(q.p90.max(0.0)),
        }
    }

    #[test]
    fn rounding_is_to_the_nearest_person_and_never_below_nobody() {
        assert_eq!(people(2.49), 2.0);
        assert_eq!(people(2.5), 3.0);
        assert_eq!(people(0.3), 0.0);
        assert_eq!(people(-4.0), 0.0);
        assert_eq!(people(17.0), 17.0);
    }

    #[test]
    fn the_counted_band_is_the_rounded_band_whatever_the_guess() {
        let mut rng = SplitMix64::new(11);
        let mut scratch = Scratch::default();
        let mut counted_months = 0;
        for case in 0..400 {
            let n = [1, 2, 10, 500, 1000][case % 5];
            let (centre, spread) = ([3.0, 20.0, 140.0, 4_000.0][case % 4], rng.unit() * 6.0);
            let values: Vec<f64> = (0..n)
                .map(|_| centre + spread * (rng.unit() - 0.5) * 2.0 - 0.5 * rng.unit())
                .collect();
            let expected = rounded(&values);
            // Guesses that hold, that miss by a little, that miss by far, and none.
            let drift = [0.0, 0.4, -1.3, 3.0, 60.0][case % 5];
            let at = |q: Quantiles| Quantiles {
                p10: q.p10 + drift,
                p50: q.p50 + drift,
                p90: q.p90 + drift,
            };
            let history = [at(expected), at(expected), at(expected)];
            let guess = Guess::jittering(history);
            let with_guess = quantiles_in_people(plain(&values), Some(&guess), &mut scratch);
            assert_eq!(with_guess, Some(expected), "case {case}");
            counted_months += usize::from(counted(plain(&values), &guess).is_some());
            let without = quantiles_in_people(plain(&values), None, &mut scratch);
            assert_eq!(without, Some(expected), "case {case}");
        }
        // The counting pass is what decides most small, near guesses.
        assert!(counted_months > 100, "{counted_months}");
        assert_eq!(quantiles_in_people(plain(&[]), None, &mut scratch), None);
    }

    #[test]
    fn the_vector_count_is_the_portable_count() {
        let mut rng = SplitMix64::new(5);
        for case in 0..60 {
            // Lengths around the vector's 16 draws, values around the thresholds (some
            // exactly half a person off), weights that push a few below nobody.
            let n = [0, 1, 15, 16, 17, 100, 1000][case % 7];
            let values: Vec<f64> = (0..n)
                .map(|i| match i % 5 {
                    0 => 20.5,
                    1 => (rng.unit() * 40.0).floor() + 0.5,
                    _ => rng.unit() * 40.0,
                })
                .collect();
            let weights: Vec<f64> = (0..n).map(|_| 1.0 + 0.2 * (rng.unit() - 0.9)).collect();
            let noisy = Noisy::new(&values, &weights);
            let list: Vec<f64> = (0..16).map(|i| 10.0 + 2.0 * i as f64).collect();
            let vector = count_below::<16>(noisy, &list);
            super::super::kernel::PORTABLE_ONLY.set(true);
            let portable = count_below::<16>(noisy, &list);
            super::super::kernel::PORTABLE_ONLY.set(false);
            assert_eq!(vector, portable, "case {case}");
            let by_hand: Vec<usize> = list
                .iter()
                .map(|&t| noisy.iter().filter(|&v| people(v) < t).count())
                .collect();
            assert_eq!(vector.to_vec(), by_hand, "case {case}");
        }
    }

    #[test]
    fn a_guess_bracketing_too_many_people_is_not_counted() {
        let history = [Quantiles {
            p10: 100.0,
            p50: 500.0,
            p90: 900.0,
        }; 3];
        let values: Vec<f64> = (0..1000).map(f64::from).collect();
        let wide = Guess::jittering(history);
        assert_eq!(counted(plain(&values), &wide), None);
        let mut scratch = Scratch::default();
        let q = quantiles_in_people(plain(&values), Some(&wide), &mut scratch).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (99.0, 499.0, 899.0));
    }
}
