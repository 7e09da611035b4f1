//! `count_below` in AVX-512 registers: sixteen draws' people counts per register, compared
//! with each threshold and counted in 32-bit lanes. The compiler, left to the portable loop,
//! gathers and converts one draw at a time; this spells the pass out. The counts are whole
//! numbers, so the copy and the portable loop agree exactly.

use std::arch::x86_64::{
    __m512, __m512i, _CMP_LT_OQ, _mm256_castps_pd, _mm512_add_pd, _mm512_castpd_ps,
    _mm512_castps_pd, _mm512_castps256_ps512, _mm512_cmp_ps_mask, _mm512_cvtpd_ps,
    _mm512_insertf64x4, _mm512_loadu_pd, _mm512_mask_add_epi32, _mm512_max_pd, _mm512_mul_pd,
    _mm512_reduce_add_epi32, _mm512_roundscale_pd, _mm512_set1_epi32, _mm512_set1_pd,
    _mm512_set1_ps, _mm512_setzero_pd, _mm512_setzero_si512,
};

use super::{Noisy, WIDTH};

/// ⌊x⌋ for `_mm512_roundscale_pd`: towards −∞, no exceptions raised.
const FLOOR: i32 = 0x09;

/// For each of the K thresholds, how many of the draws' people counts (whole multiples of
/// WIDTH of them, from the first) are below it; `None` without AVX-512F.
pub(super) fn count_below<const K: usize>(
    values: Noisy<'_>,
    whole: usize,
    thresholds: &[f32; K],
) -> Option<[u32; K]> {
    assert!(whole.is_multiple_of(WIDTH) && whole <= values.values.len());
    assert!(values.weights.len() >= whole);
    if !std::arch::is_x86_feature_detected!("avx512f") {
        return None;
    }
    // SAFETY: the processor supports AVX-512F, as just checked; both slices hold `whole`
    // draws, as asserted.
    Some(unsafe { avx512(values, whole, thresholds) })
}

/// # Safety
/// The processor supports AVX-512F; `values` and `weights` hold at least `whole` draws.
#[target_feature(enable = "avx512f")]
unsafe fn avx512<const K: usize>(
    values: Noisy<'_>,
    whole: usize,
    thresholds: &[f32; K],
) -> [u32; K] {
    // Loops, not `map`: a closure would not inherit the features, and is called, not inlined.
    let mut limits: [__m512; K] = [_mm512_set1_ps(f32::INFINITY); K];
    for i in 0..K {
        limits[i] = _mm512_set1_ps(thresholds[i]);
    }
    let mut counts: [__m512i; K] = [_mm512_setzero_si512(); K];
    let (one, half, zero) = (
        _mm512_set1_epi32(1),
        _mm512_set1_pd(0.5),
        _mm512_setzero_pd(),
    );
    let (value, weight) = (values.values.as_ptr(), values.weights.as_ptr());
    // Draws at..at + 8 as people counts: ⌊max(v·w, 0) + 1/2⌋, as `counts::people`, exact in
    // an f32 below 2²⁴. A macro, not a closure: a closure would not inherit the features.
    macro_rules! people {
        ($at:expr) => {{
            // SAFETY: draws at..at + 8 exist in both slices (at + 8 ≤ whole).
            let a = unsafe {
                _mm512_mul_pd(
                    _mm512_loadu_pd(value.add($at)),
                    _mm512_loadu_pd(weight.add($at)),
                )
            };
            _mm512_cvtpd_ps(_mm512_roundscale_pd::<FLOOR>(_mm512_add_pd(
                _mm512_max_pd(a, zero),
                half,
            )))
        }};
    }
    let mut at = 0;
    while at < whole {
        let (low, high) = (people!(at), people!(at + 8));
        let both = _mm512_castpd_ps(_mm512_insertf64x4::<1>(
            _mm512_castps_pd(_mm512_castps256_ps512(low)),
            _mm256_castps_pd(high),
        ));
        for i in 0..K {
            let below = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(both, limits[i]);
            counts[i] = _mm512_mask_add_epi32(counts[i], below, counts[i], one);
        }
        at += WIDTH;
    }
    let mut totals = [0u32; K];
    for i in 0..K {
        totals[i] = _mm512_reduce_add_epi32(counts[i]) as u32;
    }
    totals
}
