//! `observed` and `count_below` in AVX-512 registers. Eight doubles become eight people at a
//! time and are packed thirty-two to a register of 16-bit integers (in another order than the
//! draws', which no count depends on); the count compares those
//! thirty-two against each threshold and keeps a 16-bit counter per lane. The compiler, left
//! to the portable loops, converts and compares one draw at a time. Both give whole numbers
//! from the same IEEE operations, so the copies and the portable loops agree exactly.

use std::arch::x86_64::{
    __m256i, __m512i, _mm512_add_pd, _mm512_castsi256_si512, _mm512_cmplt_epu16_mask,
    _mm512_cvttpd_epi32, _mm512_inserti64x4, _mm512_loadu_pd, _mm512_loadu_si512,
    _mm512_madd_epi16, _mm512_mask_add_epi16, _mm512_max_epu16, _mm512_min_epu16, _mm512_min_pd,
    _mm512_mul_pd, _mm512_packus_epi32, _mm512_reduce_add_epi32, _mm512_set1_epi16, _mm512_set1_pd,
    _mm512_setzero_si512, _mm512_storeu_si512,
};

use super::super::Noisy;
use super::{CUT, Range, WIDTH};

/// Whether the processor has what both copies use.
fn supported() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
}

/// The first `whole` draws (a multiple of WIDTH) of `values` in whole people into `out`, and
/// their range; `None` without AVX-512BW.
pub(super) fn observed(values: Noisy<'_>, whole: usize, out: &mut [u16]) -> Option<Range> {
    assert!(whole.is_multiple_of(WIDTH) && whole <= values.values.len());
    assert!(values.weights.len() >= whole && out.len() >= whole);
    if !supported() {
        return None;
    }
    // SAFETY: the processor supports AVX-512F and BW, as just checked; the slices hold
    // `whole` draws, as asserted.
    Some(unsafe { observed_avx512(values, whole, out) })
}

/// # Safety
/// The processor supports AVX-512F and BW; `values`, `weights` and `out` hold `whole` draws.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn observed_avx512(values: Noisy<'_>, whole: usize, out: &mut [u16]) -> Range {
    let (half, cut) = (_mm512_set1_pd(0.5), _mm512_set1_pd(f64::from(CUT)));
    let (value, weight, out) = (
        values.values.as_ptr(),
        values.weights.as_ptr(),
        out.as_mut_ptr(),
    );
    // Draws at..at + 8 as people in eight 32-bit lanes, before the clamp to nobody. The cut
    // comes first in `min`, which returns its second operand when one is a NaN: a NaN stays
    // one, and its conversion (the lowest 32-bit integer) is clamped to nobody, as `one`
    // rounds it. A macro, not a closure: a closure would not inherit the features.
    macro_rules! people {
        ($at:expr) => {{
            // SAFETY: draws at..at + 8 exist in both slices (at + 8 ≤ whole).
            let a = unsafe {
                _mm512_mul_pd(
                    _mm512_loadu_pd(value.add($at)),
                    _mm512_loadu_pd(weight.add($at)),
                )
            };
            _mm512_cvttpd_epi32(_mm512_min_pd(cut, _mm512_add_pd(a, half)))
        }};
    }
    let join = |low: __m256i, high: __m256i| -> __m512i {
        _mm512_inserti64x4::<1>(_mm512_castsi256_si512(low), high)
    };
    let (mut least, mut most) = (_mm512_set1_epi16(-1), _mm512_setzero_si512());
    let mut at = 0;
    while at < whole {
        // Packing with unsigned saturation clamps what is below nobody to 0, as `one`'s max
        // does: for a < −1/2, max(a, 0) + 1/2 rounds to 0 and a + 1/2 truncates to at most 0.
        // The pack interleaves its inputs by 128-bit lanes: the month's people come out in
        // another order, which no quantile depends on.
        let all = _mm512_packus_epi32(
            join(people!(at), people!(at + 8)),
            join(people!(at + 16), people!(at + 24)),
        );
        // SAFETY: `out` holds draws at..at + 32.
        unsafe { _mm512_storeu_si512(out.add(at).cast(), all) };
        least = _mm512_min_epu16(least, all);
        most = _mm512_max_epu16(most, all);
        at += WIDTH;
    }
    let (mut lows, mut highs) = ([0u16; WIDTH], [0u16; WIDTH]);
    // SAFETY: each array holds 32 u16, one register.
    unsafe {
        _mm512_storeu_si512(lows.as_mut_ptr().cast(), least);
        _mm512_storeu_si512(highs.as_mut_ptr().cast(), most);
    }
    Range {
        least: lows.into_iter().min().unwrap_or(CUT),
        most: highs.into_iter().max().unwrap_or(0),
    }
}

/// For each of the K thresholds, how many of the first `whole` people (a multiple of WIDTH)
/// are fewer; `None` without AVX-512BW.
pub(super) fn count_below<const K: usize>(
    people: &[u16],
    whole: usize,
    thresholds: &[u16; K],
) -> Option<[u32; K]> {
    assert!(whole.is_multiple_of(WIDTH) && whole <= people.len());
    // A lane counts at most one draw in WIDTH: far below 2¹⁵ for any number of draws allowed.
    assert!(whole / WIDTH < 1 << 15);
    if !supported() {
        return None;
    }
    // SAFETY: the processor supports AVX-512F and BW, as just checked; `people` holds
    // `whole` draws, as asserted.
    Some(unsafe { count_avx512(people, whole, thresholds) })
}

/// # Safety
/// The processor supports AVX-512F and BW; `people` holds at least `whole` draws.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn count_avx512<const K: usize>(
    people: &[u16],
    whole: usize,
    thresholds: &[u16; K],
) -> [u32; K] {
    // Loops, not `map`: a closure would not inherit the features, and is called, not inlined.
    let mut limits = [_mm512_setzero_si512(); K];
    for i in 0..K {
        limits[i] = _mm512_set1_epi16(thresholds[i] as i16);
    }
    let mut counts = [_mm512_setzero_si512(); K];
    let one = _mm512_set1_epi16(1);
    let from = people.as_ptr();
    let mut at = 0;
    while at < whole {
        // SAFETY: draws at..at + 32 exist (at + 32 ≤ whole).
        let these = unsafe { _mm512_loadu_si512(from.add(at).cast()) };
        for i in 0..K {
            let below = _mm512_cmplt_epu16_mask(these, limits[i]);
            counts[i] = _mm512_mask_add_epi16(counts[i], below, counts[i], one);
        }
        at += WIDTH;
    }
    let mut totals = [0u32; K];
    for i in 0..K {
        // Pairs of 16-bit counts added into 32-bit lanes, then the lanes.
        totals[i] = _mm512_reduce_add_epi32(_mm512_madd_epi16(counts[i], one)) as u32;
    }
    totals
}
