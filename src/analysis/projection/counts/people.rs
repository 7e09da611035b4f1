//! A month's draws as whole people in 16-bit integers, and the pass that counts them below
//! each of a few thresholds.

use super::Noisy;

// The only module of the band allowed `unsafe`: the two passes in vector registers.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod simd;

/// Values from here on may have been cut down to fit: such a month is not counted in 16 bits.
pub(super) const CUT: u16 = u16::MAX;

/// The fewest and the most people among a month's draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Range {
    pub least: u16,
    pub most: u16,
}

/// A draw observed as `value × weight`, in whole people: ⌊max(v·w, 0) + 1/2⌋ in single
/// precision (`super::half_up`), at most `CUT`. The product, the max, the half and the cut are
/// each one IEEE operation, and ⌊a⌋ of a positive `a` is its truncation, so the vector copy
/// gives the same integers.
#[inline(always)]
fn one(value: f32, weight: f32) -> u16 {
    super::half_up(value * weight).min(f32::from(CUT)) as u16
}

/// Each draw of `values` in whole people, into `out` (not necessarily in the draws' order),
/// and their range; `None` when some draw reaches `CUT` people, where the 16 bits may have
/// cut it.
#[inline(always)]
pub(super) fn observed(values: Noisy<'_>, out: &mut Vec<u16>) -> Option<Range> {
    let n = values.len();
    // Every draw is written below: a buffer already this long (the month before's) is not
    // cleared first.
    out.resize(n, 0);
    let mut range = Range {
        least: CUT,
        most: 0,
    };
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if super::super::kernel::vectors_allowed()
        && let Some(vector) = simd::observed(values, out)
    {
        range = vector;
        done = n;
    }
    for ((slot, &value), &weight) in out[done..]
        .iter_mut()
        .zip(&values.values[done..])
        .zip(&values.weights[done..])
    {
        let people = one(value, weight);
        *slot = people;
        range.least = range.least.min(people);
        range.most = range.most.max(people);
    }
    (range.most < CUT).then_some(range)
}

/// For each threshold i (of at most K, ascending, whole people), how many of `people` are
/// fewer. K is fixed so the loop is unrolled; thresholds past the list are `CUT`, counted
/// and never read.
#[inline(always)]
pub(super) fn count_below<const K: usize>(people: &[u16], list: &[u16]) -> [usize; K] {
    let thresholds: [u16; K] = std::array::from_fn(|i| list.get(i).copied().unwrap_or(CUT));
    let mut counts = [0u32; K];
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if super::super::kernel::vectors_allowed()
        && let Some(vector) = simd::count_below(people, &thresholds)
    {
        counts = vector;
        done = people.len();
    }
    for &p in &people[done..] {
        for (count, &threshold) in counts.iter_mut().zip(&thresholds) {
            *count += u32::from(p < threshold);
        }
    }
    counts.map(|count| count as usize)
}

#[cfg(test)]
mod tests {
    use super::super::super::draws::SplitMix64;
    use super::super::super::kernel::PORTABLE_ONLY;
    use super::*;

    /// Lengths around the vectors' 32 draws, values around whole and half people (some
    /// exactly half a person off), weights that push a few below nobody.
    fn draws(rng: &mut SplitMix64, case: usize, scale: f32) -> (Vec<f32>, Vec<f32>) {
        let n = [0, 1, 15, 16, 31, 32, 33, 47, 100, 1000][case % 10];
        let unit = |rng: &mut SplitMix64| rng.unit() as f32;
        let values = (0..n)
            .map(|i| match i % 5 {
                // Now and then a value no draw should have: not a number, below nobody, huge.
                0 if i % 35 == 10 => [f32::NAN, -7.3, -0.4, 3e12][case % 4],
                0 => 20.5,
                1 => (unit(rng) * scale).floor() + 0.5,
                _ => unit(rng) * scale,
            })
            .collect();
        let weights = (0..n).map(|_| 1.0 + 0.2 * (unit(rng) - 0.9)).collect();
        (values, weights)
    }

    fn portable<T>(run: impl FnOnce() -> T) -> T {
        PORTABLE_ONLY.set(true);
        let result = run();
        PORTABLE_ONLY.set(false);
        result
    }

    #[test]
    fn the_vector_people_are_the_portable_people_and_the_rounded_values() {
        let mut rng = SplitMix64::new(3);
        for case in 0..90 {
            let (values, weights) = draws(&mut rng, case, 40.0);
            let noisy = Noisy::new(&values, &weights);
            let (mut vector, mut plain) = (Vec::new(), Vec::new());
            let range = observed(noisy, &mut vector);
            assert_eq!(
                portable(|| observed(noisy, &mut plain)),
                range,
                "case {case}"
            );
            // The vector copy packs a month's people in another order.
            vector.sort_unstable();
            plain.sort_unstable();
            assert_eq!(vector, plain, "case {case}");
            let mut by_hand: Vec<u16> = noisy
                .iter()
                .map(|v| super::super::people(v) as u16)
                .collect();
            by_hand.sort_unstable();
            assert_eq!(vector, by_hand, "case {case}");
            if let Some(range) = range
                && !by_hand.is_empty()
            {
                assert_eq!(Some(range.least), by_hand.iter().min().copied());
                assert_eq!(Some(range.most), by_hand.iter().max().copied());
            }
        }
    }

    #[test]
    fn a_month_with_a_draw_of_cut_people_or_more_is_not_counted_in_16_bits() {
        let mut out = Vec::new();
        let weights = [1.0; 40];
        let mut values = [30.0; 40];
        assert!(observed(Noisy::new(&values, &weights), &mut out).is_some());
        values[37] = 70_000.0;
        assert_eq!(observed(Noisy::new(&values, &weights), &mut out), None);
        assert_eq!(out.iter().filter(|&&p| p == CUT).count(), 1);
        values[37] = f32::from(CUT) - 0.5;
        assert_eq!(observed(Noisy::new(&values, &weights), &mut out), None);
        values[37] = f32::from(CUT) - 0.75;
        let range = observed(Noisy::new(&values, &weights), &mut out);
        assert_eq!(range.map(|r| r.most), Some(CUT - 1));
    }

    #[test]
    fn the_vector_count_is_the_portable_count() {
        let mut rng = SplitMix64::new(5);
        for case in 0..90 {
            let (values, weights) = draws(&mut rng, case, 40.0);
            let mut people = Vec::new();
            // A month with a draw at the cut is never counted.
            if observed(Noisy::new(&values, &weights), &mut people).is_none() {
                continue;
            }
            // Thresholds below, inside and above the draws, and the cut.
            let list: Vec<u16> = (0..15).map(|i| 10 + 2 * i).chain([CUT]).collect();
            let vector = count_below::<16>(&people, &list);
            assert_eq!(vector, portable(|| count_below::<16>(&people, &list)));
            let by_hand: Vec<usize> = list
                .iter()
                .map(|&t| people.iter().filter(|&&p| p < t).count())
                .collect();
            assert_eq!(vector.to_vec(), by_hand, "case {case}");
        }
    }
}
