//! `BlockDraws::groups` in vector registers: sixteen draws per AVX-512 register, or eight per
//! AVX2 one. The compiler does not vectorise the portable loop (a block's months run along
//! each draw), so these copies spell out the same IEEE operations in the same order, and give
//! the same bits. Each step takes LANES draws: one AVX-512 register, or two AVX2 ones side by
//! side (each draw's months are a chain of dependent operations, and independent chains keep
//! the processor busy while one waits). AVX-512 also takes a partner's last few draws, in the
//! same step under a mask: left to the portable loop they cost as much as all the others.

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

/// Which of a step's LANES draws exist: bit l for draw `base + l`.
type Mask = __mmask16;
/// Every draw of the step.
const WHOLE_STEP: Mask = Mask::MAX;

/// The draws in whole groups of LANES in vector registers, and with AVX-512 the last few draws
/// too; `None` when the processor has neither AVX-512 nor AVX2 (with FMA). Also returns how
/// many draws were done.
pub(super) fn groups<const K: usize, const ROWS: bool>(
    draws: &mut BlockDraws<'_, '_>,
    rows: &mut [f32],
    lane_sums: &mut LaneSums<K>,
) -> Option<(usize, usize)> {
    let n = draws.r.len();
    let grouped = n - n % LANES;
    check_slices::<K, ROWS>(draws, grouped, rows);
    let fma = std::arch::is_x86_feature_detected!("fma");
    if fma && std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the processor supports AVX-512F and FMA, as just checked; the slices hold
        // all n draws, as `check_slices` asserted.
        let held = unsafe { avx512::<K, ROWS>(draws, n, rows, lane_sums) };
        return Some((held, n));
    }
    if fma && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: as above, for AVX2 and FMA, and `grouped` is a multiple of LANES.
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
    // enough, as `check_slices` asserted, and `grouped` is a multiple of LANES.
    supported.then(|| unsafe { avx2::<K, ROWS>(draws, grouped, rows, lane_sums) })
}

/// What the vector copies read and write without bounds checks: the draws that exist, their
/// constants, `K` months of totals and, when written, of rows; `grouped` whole steps of them.
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

// What a step reads, writes and counts, for each register type. `WHOLE` steps take every
// lane; the others only the lanes of their mask, and the lanes past it load zeros (R stays 0,
// its value is `held`, never a NaN) and store nothing. AVX2 has no masked registers and is
// given whole steps only.

/// # Safety
/// The processor supports AVX-512F; the draws the mask keeps exist from `from`.
#[target_feature(enable = "avx512f")]
unsafe fn load_avx512<const WHOLE: bool>(from: *const f32, mask: Mask) -> __m512 {
    // SAFETY: as the caller promises.
    unsafe {
        if WHOLE {
            _mm512_loadu_ps(from)
        } else {
            _mm512_maskz_loadu_ps(mask, from)
        }
    }
}

/// # Safety
/// The processor supports AVX-512F; the draws the mask keeps exist from `to`.
#[target_feature(enable = "avx512f")]
unsafe fn store_avx512<const WHOLE: bool>(to: *mut f32, mask: Mask, values: __m512) {
    // SAFETY: as the caller promises.
    unsafe {
        if WHOLE {
            _mm512_storeu_ps(to, values);
        } else {
            _mm512_mask_storeu_ps(to, mask, values);
        }
    }
}

#[target_feature(enable = "avx512f")]
fn add_lanes_avx512<const WHOLE: bool>(sums: __m512, mask: Mask, values: __m512) -> __m512 {
    if WHOLE {
        _mm512_add_ps(sums, values)
    } else {
        _mm512_mask_add_ps(sums, mask, sums, values)
    }
}

#[target_feature(enable = "avx512f")]
fn held_avx512(ratio: __m512, r_cap: __m512, mask: Mask) -> usize {
    (_mm512_cmp_ps_mask::<_CMP_EQ_OQ>(ratio, r_cap) & mask).count_ones() as usize
}

/// # Safety
/// The processor supports AVX2; eight draws exist from `from`.
#[target_feature(enable = "avx2")]
unsafe fn load_avx2<const WHOLE: bool>(from: *const f32, _mask: Mask) -> __m256 {
    // SAFETY: as the caller promises.
    unsafe { _mm256_loadu_ps(from) }
}

/// # Safety
/// The processor supports AVX2; eight draws exist from `to`.
#[target_feature(enable = "avx2")]
unsafe fn store_avx2<const WHOLE: bool>(to: *mut f32, _mask: Mask, values: __m256) {
    // SAFETY: as the caller promises.
    unsafe { _mm256_storeu_ps(to, values) }
}

#[target_feature(enable = "avx2")]
fn add_lanes_avx2<const WHOLE: bool>(sums: __m256, _mask: Mask, values: __m256) -> __m256 {
    _mm256_add_ps(sums, values)
}

#[target_feature(enable = "avx2")]
fn held_avx2(ratio: __m256, r_cap: __m256, _mask: Mask) -> usize {
    _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_EQ_OQ>(ratio, r_cap)).count_ones() as usize
}

/// One copy of the loop for a vector type: `$width` draws per vector, LANES / `$width`
/// vectors side by side, each intrinsic named for the type; `$masked`: whether the copy
/// takes a last step of fewer than LANES draws.
macro_rules! vector_groups {
    (
        $name:ident, $step:ident, $feature:literal, $vector:ty, $width:literal, $masked:literal,
        $set1:ident, $zero:ident, $load:ident, $store:ident, $add_lanes:ident, $held:ident,
        $mul:ident, $add:ident, $sub:ident, $max:ident, $div:ident, $fmadd:ident, $fnmadd:ident
    ) => {
        /// The first `upto` draws: whole steps, then, if the copy is `$masked`, the few left.
        ///
        /// # Safety
        /// The processor supports the feature; the slices are as `check_slices` asserted for
        /// `upto` draws or more; `upto` is a multiple of LANES unless the copy is `$masked`.
        #[target_feature(enable = $feature)]
        pub(super) unsafe fn $name<const K: usize, const ROWS: bool>(
            draws: &mut BlockDraws<'_, '_>,
            upto: usize,
            rows: &mut [f32],
            lane_sums: &mut LaneSums<K>,
        ) -> usize {
            let whole = upto - upto % LANES;
            assert!($masked || whole == upto, "{upto} draws are not whole steps");
            let mut sums = [[$zero(); LANES / $width]; K];
            let mut held_count = 0;
            for base in (0..whole).step_by(LANES) {
                // SAFETY: every draw of the step is below `upto`.
                held_count +=
                    unsafe { $step::<K, ROWS, true>(draws, base, WHOLE_STEP, rows, &mut sums) };
            }
            if whole < upto {
                let mask: Mask = (1 << (upto - whole)) - 1;
                // SAFETY: the mask keeps only the draws below `upto`.
                held_count +=
                    unsafe { $step::<K, ROWS, false>(draws, whole, mask, rows, &mut sums) };
            }
            for (out, sums) in lane_sums.iter_mut().zip(sums) {
                for (part, sum) in sums.into_iter().enumerate() {
                    // SAFETY: `out` holds LANES floats.
                    unsafe { $store::<true>(out.as_mut_ptr().add(part * $width), WHOLE_STEP, sum) };
                }
            }
            held_count
        }

        /// The draws of `mask` from draw `base` (all LANES when `WHOLE`), `K` months; returns
        /// how many are held at the cap in the last month.
        ///
        /// # Safety
        /// The processor supports the feature; the draws the mask keeps exist.
        #[target_feature(enable = $feature)]
        unsafe fn $step<const K: usize, const ROWS: bool, const WHOLE: bool>(
            draws: &mut BlockDraws<'_, '_>,
            base: usize,
            mask: Mask,
            rows: &mut [f32],
            sums: &mut [[$vector; LANES / $width]; K],
        ) -> usize {
            const T: usize = LANES / $width;
            let (stride, row_stride) = (draws.stride, draws.row_stride);
            let at = |t: usize| base + t * $width;
            // The lanes of vector t: the bits of its draws.
            let part = |t: usize| (u32::from(mask) >> (t * $width)) as Mask;
            let one = $set1(1.0);
            let held = $set1(draws.held);
            let r = draws.r.as_mut_ptr();
            let totals = draws.totals.as_mut_ptr();
            let rows = rows.as_mut_ptr();
            // SAFETY (all blocks below): the draws the mask keeps from at(t) exist for t < T,
            // as the caller promises, in `r` and the constants (at least n each), month j's
            // row of `totals` (from j·stride) holds n, and so does its row of `rows` (from
            // j·row_stride) when ROWS.
            let load = |values: &[f32]| -> [$vector; T] {
                std::array::from_fn(|t| unsafe {
                    $load::<WHOLE>(values.as_ptr().add(at(t)), part(t))
                })
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
                unsafe { $store::<WHOLE>(r.add(at(t)), part(t), ratio[t]) };
                held_count += $held(ratio[t], r_cap[t], part(t));
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
                        let sum = $add($load::<WHOLE>(total, part(t)), value);
                        $store::<WHOLE>(total, part(t), sum);
                        if ROWS {
                            $store::<WHOLE>(rows.add(j * row_stride + at(t)), part(t), value);
                        }
                    }
                    // Lane l of part t holds draws ≡ t·width + l (mod LANES), in order.
                    sums[j][t] = $add_lanes::<WHOLE>(sums[j][t], part(t), value);
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
    true,
    _mm512_set1_ps,
    _mm512_setzero_ps,
    load_avx512,
    store_avx512,
    add_lanes_avx512,
    held_avx512,
    _mm512_mul_ps,
    _mm512_add_ps,
    _mm512_sub_ps,
    _mm512_max_ps,
    _mm512_div_ps,
    _mm512_fmadd_ps,
    _mm512_fnmadd_ps
);
vector_groups!(
    avx2,
    avx2_step,
    "avx2,fma",
    __m256,
    8,
    false,
    _mm256_set1_ps,
    _mm256_setzero_ps,
    load_avx2,
    store_avx2,
    add_lanes_avx2,
    held_avx2,
    _mm256_mul_ps,
    _mm256_add_ps,
    _mm256_sub_ps,
    _mm256_max_ps,
    _mm256_div_ps,
    _mm256_fmadd_ps,
    _mm256_fnmadd_ps
);
