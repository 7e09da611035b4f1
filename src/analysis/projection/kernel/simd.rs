//! `BlockDraws::groups` in vector registers: sixteen draws per AVX-512 register, or eight per
//! AVX2 one. The compiler does not vectorise the portable loop (a block's months run along
//! each draw), so these copies spell out the same IEEE operations in the same order, and give
//! the same bits. Each step takes LANES draws: one AVX-512 register, or two AVX2 ones side by
//! side (each draw's months are a chain of dependent operations, and independent chains keep
//! the processor busy while one waits).

use std::arch::x86_64::{
    __m256, __m512, __mmask16, _CMP_EQ_OQ, _mm256_add_ps, _mm256_cmp_ps, _mm256_div_ps,
    _mm256_fmadd_ps, _mm256_fnmadd_ps, _mm256_loadu_ps, _mm256_max_ps, _mm256_movemask_ps,
    _mm256_mul_ps, _mm256_set1_ps, _mm256_setzero_ps, _mm256_storeu_ps, _mm256_sub_ps,
    _mm512_add_ps, _mm512_cmp_ps_mask, _mm512_div_ps, _mm512_fmadd_ps, _mm512_fnmadd_ps,
    _mm512_loadu_ps, _mm512_mask_add_ps, _mm512_mask_storeu_ps, _mm512_maskz_loadu_ps,
    _mm512_max_ps, _mm512_mul_ps, _mm512_set1_ps, _mm512_setzero_ps, _mm512_storeu_ps,
    _mm512_sub_ps,
};

use super::{BlockDraws, LANES, LaneSums};

/// The first `grouped` draws (a multiple of LANES) in vector registers, and with AVX-512 the
/// last few draws too (in a masked register); `None` when the processor has neither AVX-512
/// nor AVX2 (with FMA). Also returns how many draws were done.
pub(super) fn groups<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    grouped: usize,
    rows: &mut [f32],
    lane_sums: &mut LaneSums<K>,
) -> Option<(usize, usize)> {
    check_slices::<K, ROWS>(draws, grouped, rows);
    let fma = std::arch::is_x86_feature_detected!("fma");
    if fma && std::arch::is_x86_feature_detected!("avx512f") {
        let n = draws.r.len();
        // SAFETY: the processor supports AVX-512F and FMA, as just checked; the slices are
        // long enough, as `check_slices` asserted, and draws `grouped..n` (fewer than
        // LANES) exist.
        return Some(unsafe {
            let mut held = avx512::<K, ROWS>(draws, grouped, rows, lane_sums);
            if grouped < n {
                held += avx512_tail::<K, ROWS>(draws, grouped, rows, lane_sums);
            }
            (held, n)
        });
    }
    if fma && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: as above, for AVX2 and FMA.
        let held = unsafe { avx2::<K, ROWS>(draws, grouped, rows, lane_sums) };
        return Some((held, grouped));
    }
    None
}

/// `groups` with the AVX2 copy only (`None` without AVX2 and FMA), so a test on a processor
/// with AVX-512 still checks the AVX2 copy.
#[cfg(test)]
pub(super) fn avx2_groups<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    grouped: usize,
    rows: &mut [f32],
    lane_sums: &mut LaneSums<K>,
) -> Option<usize> {
    check_slices::<K, ROWS>(draws, grouped, rows);
    let supported =
        std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma");
    // SAFETY: the processor supports AVX2 and FMA, as just checked; the slices are long
    // enough, as `check_slices` asserted.
    supported.then(|| unsafe { avx2::<K, ROWS>(draws, grouped, rows, lane_sums) })
}

/// What the vector copies read and write without bounds checks: whole groups of draws that
/// exist, their constants, `K` months of totals and, when written, of rows.
fn check_slices<const K: usize, const ROWS: bool>(
    draws: &BlockDraws<'_, '_>,
    grouped: usize,
    rows: &[f32],
) {
    let n = draws.r.len();
    let constants = draws.constants;
    assert!(
        grouped <= n && grouped.is_multiple_of(LANES),
        "{grouped} of {n} draws"
    );
    assert!(constants.decay.len() >= n && constants.r_cap.len() >= n && constants.slope.len() >= n);
    assert!(draws.stride >= n && draws.totals.len() >= (K - 1) * draws.stride + n);
    assert!(!ROWS || (draws.row_stride >= n && rows.len() >= (K - 1) * draws.row_stride + n));
}

#[target_feature(enable = "avx512f")]
fn held_avx512(ratio: __m512, r_cap: __m512) -> usize {
    _mm512_cmp_ps_mask::<_CMP_EQ_OQ>(ratio, r_cap).count_ones() as usize
}

#[target_feature(enable = "avx2")]
fn held_avx2(ratio: __m256, r_cap: __m256) -> usize {
    _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_EQ_OQ>(ratio, r_cap)).count_ones() as usize
}

/// The last `n − base` draws (fewer than LANES) in one masked AVX-512 register: the lanes
/// past the draws load zeros (R stays 0, its value is `held`, never NaN) and store nothing,
/// so each draw gets the same operations, and the same lane of the sums, as in the portable
/// loop. Returns how many are held at the cap in the last month.
///
/// # Safety
/// The processor supports AVX-512F and FMA; the slices are as `check_slices` asserted.
#[target_feature(enable = "avx512f,fma")]
unsafe fn avx512_tail<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    base: usize,
    rows: &mut [f32],
    lane_sums: &mut LaneSums<K>,
) -> usize {
    let n = draws.r.len();
    debug_assert!(base < n && n - base < LANES);
    let mask: __mmask16 = (1 << (n - base)) - 1;
    let (stride, row_stride) = (draws.stride, draws.row_stride);
    let one = _mm512_set1_ps(1.0);
    let held = _mm512_set1_ps(draws.held);
    // SAFETY (all blocks below): the mask covers draws base..n, which exist in `r` and the
    // constants, in month j's row of `totals` (from j·stride) and, when ROWS, of `rows`.
    let load = |values: &[f32]| unsafe { _mm512_maskz_loadu_ps(mask, values.as_ptr().add(base)) };
    let (decay, r_cap, slope) = (
        load(draws.constants.decay),
        load(draws.constants.r_cap),
        load(draws.constants.slope),
    );
    let mut ratio = load(draws.r);
    let mut ratios = [one; K];
    let mut products = [one; K];
    for j in 0..K {
        ratio = _mm512_max_ps(_mm512_mul_ps(ratio, decay), r_cap);
        ratios[j] = ratio;
        products[j] = if j == 0 {
            _mm512_add_ps(one, ratio)
        } else {
            _mm512_fmadd_ps(products[j - 1], ratio, products[j - 1])
        };
    }
    unsafe { _mm512_mask_storeu_ps(draws.r.as_mut_ptr().add(base), mask, ratio) };
    let held_count = (_mm512_cmp_ps_mask::<_CMP_EQ_OQ>(ratio, r_cap) & mask).count_ones() as usize;
    let mut inverse = _mm512_div_ps(one, products[K - 1]);
    for j in (0..K).rev() {
        let reciprocal = if j == 0 {
            inverse
        } else {
            _mm512_mul_ps(inverse, products[j - 1])
        };
        inverse = _mm512_fmadd_ps(inverse, ratios[j], inverse);
        let gap = _mm512_mul_ps(slope, _mm512_sub_ps(ratios[j], r_cap));
        let value = _mm512_fnmadd_ps(gap, reciprocal, held);
        unsafe {
            let total = draws.totals.as_mut_ptr().add(j * stride + base);
            let sum = _mm512_add_ps(_mm512_maskz_loadu_ps(mask, total), value);
            _mm512_mask_storeu_ps(total, mask, sum);
            if ROWS {
                _mm512_mask_storeu_ps(rows.as_mut_ptr().add(j * row_stride + base), mask, value);
            }
            let lanes = lane_sums[j].as_mut_ptr();
            let sums = _mm512_loadu_ps(lanes);
            _mm512_storeu_ps(lanes, _mm512_mask_add_ps(sums, mask, sums, value));
        }
    }
    held_count
}

/// One copy of the loop for a vector type: `$width` draws per vector, LANES / `$width`
/// vectors side by side, each intrinsic named for the type.
macro_rules! vector_groups {
    (
        $name:ident, $step:ident, $feature:literal, $vector:ty, $width:literal,
        $set1:ident, $zero:ident, $load:ident, $store:ident,
        $mul:ident, $add:ident, $sub:ident, $max:ident, $div:ident,
        $fmadd:ident, $fnmadd:ident, $held:ident
    ) => {
        /// # Safety
        /// The processor supports the feature; the slices are as `advance_block` checked.
        #[target_feature(enable = $feature)]
        pub(super) unsafe fn $name<const K: usize, const ROWS: bool>(
            draws: &mut BlockDraws<'_, '_>,
            grouped: usize,
            rows: &mut [f32],
            lane_sums: &mut LaneSums<K>,
        ) -> usize {
            let mut sums = [[$zero(); LANES / $width]; K];
            let mut held_count = 0;
            for base in (0..grouped).step_by(LANES) {
                // SAFETY: every draw of the step is below `grouped`.
                held_count += unsafe { $step::<K, ROWS>(draws, base, rows, &mut sums) };
            }
            for (out, sums) in lane_sums.iter_mut().zip(sums) {
                for (part, sum) in sums.into_iter().enumerate() {
                    // SAFETY: `out` holds LANES floats.
                    unsafe { $store(out.as_mut_ptr().add(part * $width), sum) };
                }
            }
            held_count
        }

        /// LANES draws from draw `base`, `K` months; returns how many are held at the cap in
        /// the last month.
        ///
        /// # Safety
        /// The processor supports the feature; draws `base..base + LANES` exist.
        #[target_feature(enable = $feature)]
        unsafe fn $step<const K: usize, const ROWS: bool>(
            draws: &mut BlockDraws<'_, '_>,
            base: usize,
            rows: &mut [f32],
            sums: &mut [[$vector; LANES / $width]; K],
        ) -> usize {
            const T: usize = LANES / $width;
            let (stride, row_stride) = (draws.stride, draws.row_stride);
            let at = |t: usize| base + t * $width;
            let one = $set1(1.0);
            let held = $set1(draws.held);
            let r = draws.r.as_mut_ptr();
            let totals = draws.totals.as_mut_ptr();
            let rows = rows.as_mut_ptr();
            // SAFETY (all blocks below): draws at(t)..at(t) + width exist for t < T, as the
            // caller promises, in `r` and the constants (at least n each), month j's row of
            // `totals` (from j·stride) holds n, and so does its row of `rows` (from
            // j·row_stride) when ROWS.
            let load = |values: &[f32]| -> [$vector; T] {
                std::array::from_fn(|t| unsafe { $load(values.as_ptr().add(at(t))) })
            };
            let (decay, r_cap, slope) = (
                load(draws.constants.decay),
                load(draws.constants.r_cap),
                load(draws.constants.slope),
            );
            let mut ratio = load(draws.r);
            let mut ratios = [[one; T]; K];
            let mut products = [[one; T]; K];
            for j in 0..K {
                for t in 0..T {
                    ratio[t] = $max($mul(ratio[t], decay[t]), r_cap[t]);
                    ratios[j][t] = ratio[t];
                    products[j][t] = if j == 0 {
                        $add(one, ratio[t])
                    } else {
                        $fmadd(products[j - 1][t], ratio[t], products[j - 1][t])
                    };
                }
            }
            let mut held_count = 0;
            for t in 0..T {
                unsafe { $store(r.add(at(t)), ratio[t]) };
                held_count += $held(ratio[t], r_cap[t]);
            }
            let mut inverse: [$vector; T] = std::array::from_fn(|t| $div(one, products[K - 1][t]));
            for j in (0..K).rev() {
                for t in 0..T {
                    let reciprocal = if j == 0 {
                        inverse[t]
                    } else {
                        $mul(inverse[t], products[j - 1][t])
                    };
                    inverse[t] = $fmadd(inverse[t], ratios[j][t], inverse[t]);
                    let gap = $mul(slope[t], $sub(ratios[j][t], r_cap[t]));
                    let value = $fnmadd(gap, reciprocal, held);
                    unsafe {
                        let total = totals.add(j * stride + at(t));
                        $store(total, $add($load(total), value));
                        if ROWS {
                            $store(rows.add(j * row_stride + at(t)), value);
                        }
                    }
                    // Lane l of part t holds draws ≡ t·width + l (mod LANES), in order.
                    sums[j][t] = $add(sums[j][t], value);
                }
            }
            held_count
        }
    };
}

vector_groups!(
    avx512,
    avx512_step,
    "avx512f,fma",
    __m512,
    16,
    _mm512_set1_ps,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_storeu_ps,
    _mm512_mul_ps,
    _mm512_add_ps,
    _mm512_sub_ps,
    _mm512_max_ps,
    _mm512_div_ps,
    _mm512_fmadd_ps,
    _mm512_fnmadd_ps,
    held_avx512
);
vector_groups!(
    avx2,
    avx2_step,
    "avx2,fma",
    __m256,
    8,
    _mm256_set1_ps,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_mul_ps,
    _mm256_add_ps,
    _mm256_sub_ps,
    _mm256_max_ps,
    _mm256_div_ps,
    _mm256_fmadd_ps,
    _mm256_fnmadd_ps,
    held_avx2
);
