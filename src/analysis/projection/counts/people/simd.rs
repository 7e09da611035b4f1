//! `observed` and `count_below` in AVX-512 registers. Sixteen single-precision draws become
//! sixteen people at a time and are packed thirty-two to a register of 16-bit integers (in another order than the
//! draws', which no count depends on); the count compares those
//! thirty-two against each threshold and keeps a 16-bit counter per lane. The compiler, left
//! to the portable loops, converts and compares one draw at a time. Both give whole numbers
//! from the same IEEE operations, so the copies and the portable loops agree exactly.

use std::arch::x86_64::{
    __mmask16, __mmask32, _mm256_mask_max_epu16, _mm256_mask_min_epu16, _mm256_mask_storeu_epi16,
    _mm256_set1_epi16, _mm256_setzero_si256, _mm256_storeu_si256, _mm512_add_ps,
    _mm512_cmplt_epu16_mask, _mm512_cvtepi32_epi16, _mm512_cvttps_epi32, _mm512_loadu_ps,
    _mm512_loadu_si512, _mm512_madd_epi16, _mm512_mask_add_epi16, _mm512_mask_cmplt_epu16_mask,
    _mm512_maskz_loadu_epi16, _mm512_maskz_loadu_ps, _mm512_max_epu16, _mm512_max_ps,
    _mm512_min_epu16, _mm512_min_ps, _mm512_mul_ps, _mm512_packus_epi32, _mm512_reduce_add_epi32,
    _mm512_set1_epi16, _mm512_set1_ps, _mm512_setzero_ps, _mm512_setzero_si512,
    _mm512_storeu_si512,
};

use super::super::Noisy;
use super::{CUT, Range};

/// Draws converted or counted side by side: thirty-two 16-bit people per AVX-512 register,
/// from two registers of sixteen `f32`.
const WIDTH: usize = 32;

/// Whether the processor has what both copies use.
fn supported() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("avx512vl")
}

/// Every draw of `values` in whole people into `out`, and their range; `None` without
/// AVX-512BW and VL.
pub(super) fn observed(values: Noisy<'_>, out: &mut [u16]) -> Option<Range> {
    let n = values.values.len();
    assert!(values.weights.len() >= n && out.len() >= n);
    if !supported() {
        return None;
    }
    // SAFETY: the processor supports AVX-512F, BW and VL, as just checked; the slices hold
    // `n` draws, as asserted.
    Some(unsafe { observed_avx512(values, n, out) })
}

/// # Safety
/// The processor supports AVX-512F, BW and VL; `values`, `weights` and `out` hold `n` draws.
#[target_feature(enable = "avx512f,avx512bw,avx512vl")]
unsafe fn observed_avx512(values: Noisy<'_>, n: usize, out: &mut [u16]) -> Range {
    let whole = n - n % WIDTH;
    let (half, cut) = (_mm512_set1_ps(0.5), _mm512_set1_ps(f32::from(CUT)));
    let (value, weight, out) = (
        values.values.as_ptr(),
        values.weights.as_ptr(),
        out.as_mut_ptr(),
    );
    // Draws at..at + 16 as people in sixteen 32-bit lanes, before the clamp to nobody. The
    // cut comes first in `min`, which returns its second operand when one is a NaN: a NaN
    // stays one, and its conversion (the lowest 32-bit integer) is clamped to nobody, as
    // `one` rounds it. A macro, not a closure: a closure would not inherit the features.
    macro_rules! people {
        ($at:expr) => {{
            // SAFETY: draws at..at + 16 exist in both slices (at + 16 ≤ whole).
            let a = unsafe {
                _mm512_mul_ps(
                    _mm512_loadu_ps(value.add($at)),
                    _mm512_loadu_ps(weight.add($at)),
                )
            };
            _mm512_cvttps_epi32(_mm512_min_ps(cut, _mm512_add_ps(a, half)))
        }};
    }
    let (mut least, mut most) = (_mm512_set1_epi16(-1), _mm512_setzero_si512());
    let mut at = 0;
    while at < whole {
        // Packing with unsigned saturation clamps what is below nobody to 0, as `one`'s max
        // does: for a < −1/2, max(a, 0) + 1/2 rounds to 0 and a + 1/2 truncates to at most 0.
        // The pack interleaves its inputs by 128-bit lanes: the month's people come out in
        // another order, which no quantile depends on.
        let all = _mm512_packus_epi32(people!(at), people!(at + 16));
        // SAFETY: `out` holds draws at..at + 32.
        unsafe { _mm512_storeu_si512(out.add(at).cast(), all) };
        least = _mm512_min_epu16(least, all);
        most = _mm512_max_epu16(most, all);
        at += WIDTH;
    }
    // The last draws, fewer than WIDTH, sixteen at a time in the draws' order: masked loads
    // and stores touch only the draws there are. The clamp to nobody is the max, as in
    // `one`, since no pack follows.
    let zero = _mm512_setzero_ps();
    let (mut tail_least, mut tail_most) = (_mm256_set1_epi16(-1), _mm256_setzero_si256());
    while at < n {
        let lanes: __mmask16 = (1u32 << (n - at).min(16)).wrapping_sub(1) as u16;
        // SAFETY: the mask reads only draws below n.
        let a = unsafe {
            _mm512_mul_ps(
                _mm512_maskz_loadu_ps(lanes, value.add(at)),
                _mm512_maskz_loadu_ps(lanes, weight.add(at)),
            )
        };
        let a = _mm512_add_ps(_mm512_max_ps(a, zero), half);
        let whole_people = _mm512_cvttps_epi32(_mm512_min_ps(a, cut));
        // Each lane is within 0..=CUT: narrowing to 16 bits keeps it.
        let people = _mm512_cvtepi32_epi16(whole_people);
        // SAFETY: the mask writes only draws below n.
        unsafe { _mm256_mask_storeu_epi16(out.add(at).cast(), lanes, people) };
        tail_least = _mm256_mask_min_epu16(tail_least, lanes, tail_least, people);
        tail_most = _mm256_mask_max_epu16(tail_most, lanes, tail_most, people);
        at += 16;
    }
    let (mut lows, mut highs) = ([0u16; WIDTH], [0u16; WIDTH]);
    let (mut tail_lows, mut tail_highs) = ([0u16; 16], [0u16; 16]);
    // SAFETY: each array holds one register: 32 u16, or 16.
    unsafe {
        _mm256_storeu_si256(tail_lows.as_mut_ptr().cast(), tail_least);
        _mm256_storeu_si256(tail_highs.as_mut_ptr().cast(), tail_most);
        _mm512_storeu_si512(lows.as_mut_ptr().cast(), least);
        _mm512_storeu_si512(highs.as_mut_ptr().cast(), most);
    }
    Range {
        least: lows.into_iter().chain(tail_lows).min().unwrap_or(CUT),
        most: highs.into_iter().chain(tail_highs).max().unwrap_or(0),
    }
}

/// For each of the K thresholds, how many of `people` are fewer; `None` without AVX-512BW
/// and VL.
pub(super) fn count_below<const K: usize>(
    people: &[u16],
    thresholds: &[u16; K],
) -> Option<[u32; K]> {
    // A lane counts at most one draw in WIDTH, and one more: far below 2¹⁵ for any number of
    // draws allowed.
    assert!(people.len() / WIDTH < (1 << 15) - 1);
    if !supported() {
        return None;
    }
    // SAFETY: the processor supports AVX-512F, BW and VL, as just checked.
    Some(unsafe { count_avx512(people, thresholds) })
}

/// # Safety
/// The processor supports AVX-512F, BW and VL.
#[target_feature(enable = "avx512f,avx512bw,avx512vl")]
unsafe fn count_avx512<const K: usize>(people: &[u16], thresholds: &[u16; K]) -> [u32; K] {
    // Loops, not `map`: a closure would not inherit the features, and is called, not inlined.
    let mut limits = [_mm512_setzero_si512(); K];
    for i in 0..K {
        limits[i] = _mm512_set1_epi16(thresholds[i] as i16);
    }
    let mut counts = [_mm512_setzero_si512(); K];
    let one = _mm512_set1_epi16(1);
    let (from, n) = (people.as_ptr(), people.len());
    let whole = n - n % WIDTH;
    let mut at = 0;
    while at < whole {
        // SAFETY: draws at..at + 32 exist (at + 32 ≤ whole ≤ n).
        let these = unsafe { _mm512_loadu_si512(from.add(at).cast()) };
        for i in 0..K {
            let below = _mm512_cmplt_epu16_mask(these, limits[i]);
            counts[i] = _mm512_mask_add_epi16(counts[i], below, counts[i], one);
        }
        at += WIDTH;
    }
    if whole < n {
        // The last draws, fewer than WIDTH: a masked load reads only those, and only those are
        // compared.
        let lanes: __mmask32 = (1u32 << (n - whole)) - 1;
        // SAFETY: the mask reads only draws below n.
        let these = unsafe { _mm512_maskz_loadu_epi16(lanes, from.add(whole).cast()) };
        for i in 0..K {
            let below = _mm512_mask_cmplt_epu16_mask(lanes, these, limits[i]);
            counts[i] = _mm512_mask_add_epi16(counts[i], below, counts[i], one);
        }
    }
    let mut totals = [0u32; K];
    for i in 0..K {
        // Pairs of 16-bit counts added into 32-bit lanes, then the lanes.
        totals[i] = _mm512_reduce_add_epi32(_mm512_madd_epi16(counts[i], one)) as u32;
    }
    totals
}
