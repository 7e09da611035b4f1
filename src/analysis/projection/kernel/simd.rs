//! `BlockDraws::groups` in vector registers: eight draws per AVX-512 register, or four per AVX2
//! one. The compiler does not vectorise the portable loop (a block's months run along each
//! draw), so these copies spell out the same IEEE operations in the same order, and give the
//! same bits. A few groups go side by side: each draw's months are a chain of dependent
//! operations, and independent chains keep the processor busy while one waits.

// `t % parts` in the macro is always 0 in the AVX-512 copy, which has one part.
#![allow(clippy::modulo_one)]

use std::arch::x86_64::{
    __m256d, __m512d, _CMP_EQ_OQ, _mm256_add_pd, _mm256_cmp_pd, _mm256_div_pd, _mm256_fmadd_pd,
    _mm256_fnmadd_pd, _mm256_loadu_pd, _mm256_max_pd, _mm256_movemask_pd, _mm256_mul_pd,
    _mm256_set1_pd, _mm256_setzero_pd, _mm256_storeu_pd, _mm256_sub_pd, _mm512_add_pd,
    _mm512_cmp_pd_mask, _mm512_div_pd, _mm512_fmadd_pd, _mm512_fnmadd_pd, _mm512_loadu_pd,
    _mm512_max_pd, _mm512_mul_pd, _mm512_set1_pd, _mm512_setzero_pd, _mm512_storeu_pd,
    _mm512_sub_pd,
};

use super::{BlockDraws, LANES};

/// The first `grouped` draws (a multiple of LANES) in vector registers, or `None` when the
/// processor has neither AVX-512 nor AVX2 (with FMA).
pub(super) fn groups<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    grouped: usize,
    rows: &mut [f64],
) -> Option<([[f64; LANES]; K], usize)> {
    check_slices::<K, ROWS>(draws, grouped, rows);
    let fma = std::arch::is_x86_feature_detected!("fma");
    if fma && std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the processor supports AVX-512F and FMA, as just checked; the slices are
        // long enough, as `check_slices` asserted.
        return Some(unsafe { avx512::<K, ROWS>(draws, grouped, rows) });
    }
    if fma && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: as above, for AVX2 and FMA.
        return Some(unsafe { avx2::<K, ROWS>(draws, grouped, rows) });
    }
    None
}

/// `groups` with the AVX2 copy only (`None` without AVX2 and FMA), so a test on a processor
/// with AVX-512 still checks the AVX2 copy.
#[cfg(test)]
pub(super) fn avx2_groups<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    grouped: usize,
    rows: &mut [f64],
) -> Option<([[f64; LANES]; K], usize)> {
    check_slices::<K, ROWS>(draws, grouped, rows);
    let supported =
        std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma");
    // SAFETY: the processor supports AVX2 and FMA, as just checked; the slices are long
    // enough, as `check_slices` asserted.
    supported.then(|| unsafe { avx2::<K, ROWS>(draws, grouped, rows) })
}

/// What the vector copies read and write without bounds checks: whole groups of draws that
/// exist, their constants, `K` months of totals and, when written, of rows.
fn check_slices<const K: usize, const ROWS: bool>(
    draws: &BlockDraws<'_, '_>,
    grouped: usize,
    rows: &[f64],
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
fn held_avx512(ratio: __m512d, r_cap: __m512d) -> usize {
    _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(ratio, r_cap).count_ones() as usize
}

#[target_feature(enable = "avx2")]
fn held_avx2(ratio: __m256d, r_cap: __m256d) -> usize {
    _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_EQ_OQ>(ratio, r_cap)).count_ones() as usize
}

/// One copy of the loop for a vector type: `$width` draws per vector, `$tile` vectors side
/// by side (16 draws), each intrinsic named for the type.
macro_rules! vector_groups {
    (
        $name:ident, $step:ident, $feature:literal, $vector:ty, $width:literal, $tile:literal,
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
            rows: &mut [f64],
        ) -> ([[f64; LANES]; K], usize) {
            let mut sums = [[$zero(); LANES / $width]; K];
            let mut held_count = 0;
            let mut base = 0;
            while base < grouped {
                // SAFETY: every draw of the step is below `grouped`.
                unsafe {
                    if base + $tile * $width <= grouped {
                        held_count += $step::<K, ROWS, $tile>(draws, base, rows, &mut sums);
                        base += $tile * $width;
                    } else {
                        held_count +=
                            $step::<K, ROWS, { LANES / $width }>(draws, base, rows, &mut sums);
                        base += LANES;
                    }
                }
            }
            let mut lane_sums = [[0.0; LANES]; K];
            for (out, sums) in lane_sums.iter_mut().zip(sums) {
                for (part, sum) in sums.into_iter().enumerate() {
                    // SAFETY: `out` holds LANES doubles.
                    unsafe { $store(out.as_mut_ptr().add(part * $width), sum) };
                }
            }
            (lane_sums, held_count)
        }

        /// `T` vectors of draws from draw `base`, `K` months; returns how many are held at
        /// the cap in the last month.
        ///
        /// # Safety
        /// The processor supports the feature; draws `base..base + T·width` exist.
        #[target_feature(enable = $feature)]
        unsafe fn $step<const K: usize, const ROWS: bool, const T: usize>(
            draws: &mut BlockDraws<'_, '_>,
            base: usize,
            rows: &mut [f64],
            sums: &mut [[$vector; LANES / $width]; K],
        ) -> usize {
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
            let load = |values: &[f64]| -> [$vector; T] {
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
                    // Lane l of part t % parts holds draws ≡ its lane (mod LANES), in order.
                    let part = t % (LANES / $width);
                    sums[j][part] = $add(sums[j][part], value);
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
    __m512d,
    8,
    2,
    _mm512_set1_pd,
    _mm512_setzero_pd,
    _mm512_loadu_pd,
    _mm512_storeu_pd,
    _mm512_mul_pd,
    _mm512_add_pd,
    _mm512_sub_pd,
    _mm512_max_pd,
    _mm512_div_pd,
    _mm512_fmadd_pd,
    _mm512_fnmadd_pd,
    held_avx512
);
vector_groups!(
    avx2,
    avx2_step,
    "avx2,fma",
    __m256d,
    4,
    4,
    _mm256_set1_pd,
    _mm256_setzero_pd,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_mul_pd,
    _mm256_add_pd,
    _mm256_sub_pd,
    _mm256_max_pd,
    _mm256_div_pd,
    _mm256_fmadd_pd,
    _mm256_fnmadd_pd,
    held_avx2
);
