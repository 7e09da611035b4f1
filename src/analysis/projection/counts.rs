//! The band of what will be observed, in whole people. An observation is a count, so each
//! draw's noisy value is rounded to the nearest person before its quantiles are taken.
//! Rounding never reorders values, so the nearest-rank quantiles of the rounded draws are the
//! rounded nearest-rank quantiles of the draws: the band means what it meant, to the person.
//!
//! Why counts. A partner's band moves little from one month to the next, and in whole people
//! most Comuni (a few dozen smartable staff) have only a handful of values a quantile can take
//! near its guess. One branch-free pass that counts the draws below each of those values
//! settles all three quantiles: no draw is gathered or ordered. When the guess misses, or its
//! brackets hold too many people (a large Comune), the draws are counted by number of people
//! (a histogram over their range), which gives the same answer.
//!
//! Why 16-bit people. A month's draws are turned into people once, as 16-bit integers
//! (`people::observed`), and every pass reads those: thirty-two draws per vector register
//! against each threshold, twice the draws per instruction of the single-precision values, and
//! half the memory. A month where some draw reaches 65,535 people (no Comune has that many
//! staff) is selected among the values instead.
//!
//! The values and the noise's weights are single precision, as the kernel computes them
//! (`kernel`): a draw is observed as ⌊max(v·w, 0) + ½⌋ with each operation in `f32`.

use super::bands::{Guess, Quantiles, Scratch, quantiles_of, rank};

mod people;

use people::{CUT, Range, count_below, observed};

/// The most values counted in one pass; wider brackets are selected instead.
const MAX_THRESHOLDS: usize = 16;
/// Above this many people between the fewest and the most, a month is selected by sorting
/// rather than by a histogram of its range.
const MAX_HISTOGRAM: usize = 4_096;

/// A month's draws with the noise of an observation: draw d will be observed as
/// max(values[d] × weights[d], 0), its weight 1 + sd·z for its stratum z of the month.
/// Both in single precision, as the kernel computes the values (see `kernel`).
#[derive(Clone, Copy)]
pub(crate) struct Noisy<'a> {
    values: &'a [f32],
    weights: &'a [f32],
}

impl<'a> Noisy<'a> {
    /// As many draws as the shorter of the two.
    pub(crate) fn new(values: &'a [f32], weights: &'a [f32]) -> Noisy<'a> {
        let n = values.len().min(weights.len());
        Noisy {
            values: &values[..n],
            weights: &weights[..n],
        }
    }

    fn len(&self) -> usize {
        self.values.len()
    }

    /// The noisy values, computed as they are read: max(v·w, 0) + 1/2 as the 16-bit people
    /// round it, less the half again (exact in `f64`), so `people` of each is its count.
    fn iter(self) -> impl ExactSizeIterator<Item = f64> + Clone + 'a {
        self.values
            .iter()
            .zip(self.weights)
            .map(|(&value, &weight)| f64::from(half_up(value * weight)) - 0.5)
    }
}

/// `value` in whole people: ⌊max(value, 0) + 1/2⌋.
#[inline(always)]
pub(crate) fn people(value: f64) -> f64 {
    (value.max(0.0) + 0.5).floor()
}

/// max(value, 0) + 1/2 in single precision, computed the one way both the rounding and the
/// counting pass read it: its truncation is the draw's people.
#[inline(always)]
fn half_up(value: f32) -> f32 {
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
    let mut people = std::mem::take(&mut scratch.people);
    let found = match observed(values, &mut people) {
        Some(range) => Some(of_people(&people, range, guess, &mut scratch.histogram)),
        None => quantiles_of(values.iter(), None, guess, scratch).map(|q| Quantiles {
            p10: self::people(q.p10),
            p50: self::people(q.p50),
            p90: self::people(q.p90),
        }),
    };
    scratch.people = people;
    found
}

/// The quantiles of draws given in whole people, all within `range`.
#[inline(always)]
fn of_people(
    people: &[u16],
    range: Range,
    guess: Option<&Guess>,
    histogram: &mut Vec<u32>,
) -> Quantiles {
    if let Some(found) = guess.and_then(|guess| counted(people, range, guess)) {
        return found;
    }
    if let Some(found) = counted_in_range(people, range) {
        return found;
    }
    selected(people, range, histogram)
}

/// The whole-people brackets of a guess (quantile j between `low[j]` and `high[j]` people)
/// and the thresholds they need: the people counts c + 1 for c from low[j] − 1 to high[j],
/// each once, ascending. One person wider on each side when the pass has room: a wider
/// bracket holds more often. A pass costs about in proportion to its thresholds, so the
/// narrowest pass that holds the widened brackets comes first (4, then 8), and the brackets
/// as guessed in 8 before the widened ones in 16.
fn brackets(guess: &Guess, range: Range) -> Option<([u16; 3], [u16; 3], Thresholds)> {
    let (low, high) = guess.bounds();
    // Nobody is below the fewest or above the most: a bracket need not reach past them.
    let (least, most) = (i32::from(range.least), i32::from(range.most));
    let whole = |c: f64| (people(c) as i32).clamp(least, most);
    let (low, high) = (low.map(whole), high.map(whole));
    let widened = Runs::of(low, high, 1, least, most);
    let as_guessed = Runs::of(low, high, 0, least, most);
    let chosen = [
        (&widened, 4),
        (&widened, 8),
        (&as_guessed, 8),
        (&widened, MAX_THRESHOLDS),
        (&as_guessed, MAX_THRESHOLDS),
    ]
    .into_iter()
    .find(|(runs, most_thresholds)| runs.thresholds <= *most_thresholds)?
    .0;
    let mut thresholds = Thresholds {
        values: [CUT; MAX_THRESHOLDS],
        len: 0,
        floor: range.least,
    };
    let mut next = i32::MIN;
    for (start, end) in chosen.runs {
        for c in start.max(next)..=end {
            // Within 1..=most + 1 ≤ CUT, and at most MAX_THRESHOLDS of them.
            thresholds.values[thresholds.len] = c as u16;
            thresholds.len += 1;
        }
        next = next.max(end + 1);
    }
    Some((
        chosen.low.map(|c| c as u16),
        chosen.high.map(|c| c as u16),
        thresholds,
    ))
}

/// The brackets of a guess widened by `widen` people on each side, and the thresholds they
/// need: each bracket's a run of whole numbers, from low[j] (or past it, when nobody has
/// fewer than the fewest) to high[j] + 1, the runs in order of their starts.
struct Runs {
    low: [i32; 3],
    high: [i32; 3],
    runs: [(i32, i32); 3],
    /// How many distinct thresholds the runs hold together.
    thresholds: usize,
}

impl Runs {
    fn of(low: [i32; 3], high: [i32; 3], widen: i32, least: i32, most: i32) -> Runs {
        let low = low.map(|c| (c - widen).max(least));
        let high = high.map(|c| (c + widen).min(most));
        let mut runs: [(i32, i32); 3] = std::array::from_fn(|j| {
            let start = if low[j] == least { low[j] + 1 } else { low[j] };
            (start, high[j] + 1)
        });
        runs.sort_unstable_by_key(|&(start, _)| start);
        // Each run counted from past what the previous ones gave.
        let (mut thresholds, mut next) = (0, i32::MIN);
        for (start, end) in runs {
            thresholds += usize::try_from(end - start.max(next) + 1).unwrap_or(0);
            next = next.max(end + 1);
        }
        Runs {
            low,
            high,
            runs,
            thresholds,
        }
    }
}

/// Distinct people counts, ascending, in the first `len` of `values`; the rest `CUT`, counted
/// and never read.
struct Thresholds {
    values: [u16; MAX_THRESHOLDS],
    len: usize,
    /// No draw has fewer people than this.
    floor: u16,
}

/// The three quantiles by one counting pass when each lies inside its bracket, else `None`.
#[inline(always)]
fn counted(people: &[u16], range: Range, guess: &Guess) -> Option<Quantiles> {
    let (low, high, thresholds) = brackets(guess, range)?;
    resolve(people, low, high, &thresholds)
}

/// Quantile j is the c in low[j]..=high[j] with at most its rank below c people and more at
/// c, when the counts below each of `thresholds` (which hold every c + 1, and low[j] unless
/// nothing can be below it) say there is one.
#[inline(always)]
fn resolve(
    people: &[u16],
    low: [u16; 3],
    high: [u16; 3],
    thresholds: &Thresholds,
) -> Option<Quantiles> {
    let n = people.len();
    let mut below = [0; MAX_THRESHOLDS];
    if thresholds.len <= 4 {
        below[..4].copy_from_slice(&count_below::<4>(people, &thresholds.values));
    } else if thresholds.len <= 8 {
        below[..8].copy_from_slice(&count_below::<8>(people, &thresholds.values));
    } else {
        below = count_below::<MAX_THRESHOLDS>(people, &thresholds.values);
    }
    let listed = &thresholds.values[..thresholds.len];
    // Where a people count is in the list (they ascend).
    let index = |people: u16| listed.binary_search(&people).ok();
    let wanted = [rank(0.1, n), rank(0.5, n), rank(0.9, n)];
    let mut found = [0.0; 3];
    for j in 0..3 {
        let r = wanted[j];
        // Draws of fewer than low[j] people are at most r, of at most high[j] more than r.
        let under = if low[j] <= thresholds.floor {
            0
        } else {
            below[index(low[j])?]
        };
        // Every count from low[j] + 1 to high[j] + 1 is listed, one after the other.
        let first = index(low[j] + 1)?;
        let span = usize::from(high[j].checked_sub(low[j])?);
        if under > r || below[first + span] <= r {
            return None;
        }
        // The first c + 1 with more than r draws below it: c is the quantile.
        let step = (0..=span).find(|&i| below[first + i] > r)?;
        found[j] = f64::from(low[j]) + step as f64;
    }
    Some(Quantiles {
        p10: found[0],
        p50: found[1],
        p90: found[2],
    })
}

/// The three quantiles by one counting pass when all the draws lie within `MAX_THRESHOLDS`
/// people of each other (a small Comune, or the first months, which have no guess).
#[inline(always)]
fn counted_in_range(people: &[u16], range: Range) -> Option<Quantiles> {
    let (least, most) = (range.least, range.most);
    if usize::from(most - least) >= MAX_THRESHOLDS {
        return None;
    }
    let mut thresholds = Thresholds {
        values: [CUT; MAX_THRESHOLDS],
        len: usize::from(most - least) + 1,
        floor: least,
    };
    for (threshold, c) in thresholds.values.iter_mut().zip(least + 1..=most + 1) {
        *threshold = c;
    }
    resolve(people, [least; 3], [most; 3], &thresholds)
}

/// The three quantiles by counting the draws at each number of people in their range, or by
/// ordering them when the range is too wide for that.
fn selected(people: &[u16], range: Range, histogram: &mut Vec<u32>) -> Quantiles {
    let n = people.len();
    let wanted = [rank(0.1, n), rank(0.5, n), rank(0.9, n)];
    let span = usize::from(range.most - range.least) + 1;
    let mut found = [0u16; 3];
    if span <= MAX_HISTOGRAM {
        histogram.clear();
        histogram.resize(span, 0);
        for &p in people {
            histogram[usize::from(p - range.least)] += 1;
        }
        let (mut seen, mut j) = (0, 0);
        for (offset, &count) in histogram.iter().enumerate() {
            seen += count as usize;
            while j < 3 && seen > wanted[j] {
                found[j] = range.least + offset as u16;
                j += 1;
            }
            if j == 3 {
                break;
            }
        }
    } else {
        // The median first, then P10 among the draws below it and P90 among those above.
        let mut order = people.to_vec();
        let (below, median, above) = order.select_nth_unstable(wanted[1]);
        found[1] = *median;
        found[0] = if wanted[0] < wanted[1] {
            *below.select_nth_unstable(wanted[0]).1
        } else {
            found[1]
        };
        found[2] = if wanted[2] > wanted[1] {
            *above.select_nth_unstable(wanted[2] - wanted[1] - 1).1
        } else {
            found[1]
        };
    }
    Quantiles {
        p10: f64::from(found[0]),
        p50: f64::from(found[1]),
        p90: f64::from(found[2]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::bands::quantiles;
    use super::super::draws::SplitMix64;
    use super::*;

    /// `values` as they are, with no noise.
    fn plain(values: &[f32]) -> Noisy<'_> {
        Noisy::new(values, &ONES[..values.len()])
    }

    static ONES: [f32; 1000] = [1.0; 1000];

    /// `counted` on `values` as they are, with no noise.
    fn counted_with(values: &[f32], guess: &Guess) -> Option<Quantiles> {
        let mut people = Vec::new();
        let range = observed(plain(values), &mut people)?;
        counted(&people, range, guess)
    }

    fn rounded(values: &[f32]) -> Quantiles {
        let mut copy: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
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
            let values: Vec<f32> = (0..n)
                .map(|_| (centre + spread * (rng.unit() - 0.5) * 2.0 - 0.5 * rng.unit()) as f32)
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
            counted_months += usize::from(counted_with(&values, &guess).is_some());
            let without = quantiles_in_people(plain(&values), None, &mut scratch);
            assert_eq!(without, Some(expected), "case {case}");
        }
        // The counting pass is what decides most small, near guesses.
        assert!(counted_months > 100, "{counted_months}");
        assert_eq!(quantiles_in_people(plain(&[]), None, &mut scratch), None);
    }

    #[test]
    fn a_guess_bracketing_too_many_people_is_not_counted() {
        let history = [Quantiles {
            p10: 100.0,
            p50: 500.0,
            p90: 900.0,
        }; 3];
        let values: Vec<f32> = (0..1000u16).map(f32::from).collect();
        let wide = Guess::jittering(history);
        assert_eq!(counted_with(&values, &wide), None);
        let mut scratch = Scratch::default();
        let q = quantiles_in_people(plain(&values), Some(&wide), &mut scratch).unwrap();
        assert_eq!((q.p10, q.p50, q.p90), (99.0, 499.0, 899.0));
    }

    #[test]
    fn a_month_spanning_more_people_than_a_histogram_holds_is_ordered_to_the_same_band() {
        // 1,000 draws from 10 to 59,950 people, shuffled: no guess, and too wide to count.
        let mut rng = SplitMix64::new(17);
        let mut values: Vec<f32> = (0..1000u16).map(|i| 10.0 + 60.0 * f32::from(i)).collect();
        for i in (1..values.len()).rev() {
            values.swap(i, rng.below(i + 1));
        }
        let mut scratch = Scratch::default();
        let q = quantiles_in_people(plain(&values), None, &mut scratch).unwrap();
        assert_eq!(q, rounded(&values));
        assert_eq!((q.p10, q.p50, q.p90), (5_950.0, 29_950.0, 53_950.0));
    }
}
