//! The loops every draw goes through each month, over flat arrays.
//!
//! A month's adopters. With R at the cap R_c (0 when nothing caps) and `held` the adopters
//! there, m·F(R) = held − k·(R − R_c)/(1 + R) with k = m(c + s), c the capped share (1 when
//! nothing caps; from F = (1 − s·R)/(1 + R)). A draw held at the cap has R = R_c exactly, so
//! it reports exactly `held`, and no draw ever reports more.
//!
//! Why months go in blocks. That is one division per draw and month, and a division costs as
//! much as the rest of the month put together. Over a block of k months the k denominators
//! are multiplied into one product, that one is divided, and each month's reciprocal is
//! recovered with two multiplications walking back (Montgomery's batch inversion): one
//! division per k months. Each denominator is at least 1 and at most
//! 1 + q/p ≤ 1 + 4·2/0.0005 = 16,001 (the bounds of p, q and training), so a product of eight
//! (at most 4.3·10³³) stays inside even a `f32`'s range (3.4·10³⁸), and each reciprocal is
//! within a few units in the last place of the plain division.
//!
//! Multiplications followed by an addition are fused (one rounding, and fewer operations):
//! `mul_add` here, the processor's fused multiply-add in the vector copies (`simd.rs`), which
//! do the same IEEE operations in the same order for each draw and add the sums in the same
//! order, so results are the same bits on any processor.
//!
//! Why single precision. A draw's month is computed in `f32`: sixteen draws per AVX-512
//! register instead of eight, and half the memory for the chunk's totals. Its relative error
//! stays near 10⁻⁶ over sixty months (about 0.01 person for a Comune of 10,000 staff), far
//! inside the draws' own spread and the rounding to whole people. The per-draw constants are
//! computed in `f64` and rounded once; the rows a band reads stay in `f32` (the noise and the
//! rounding to people are single precision too, `counts`), and the totals are moved into
//! `f64` every few partners (`monte_carlo`), so their rounding never accumulates over a whole
//! chunk.

// The only module of the kernel allowed `unsafe`: the vector copies of the loop.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod simd;

/// Sums over the draws are kept in this many lanes (draw d in lane d mod 16), the width of
/// an AVX-512 register of `f32`, so every copy adds in the same order.
const LANES: usize = 16;
/// The longest block of months; a block is 8, 4, 2 or 1 month long.
pub(super) const BLOCK: usize = 8;

/// Per-draw constants of a run of months: the monthly decay of R, R at the cap (0 when
/// nothing caps) and the slope k.
#[derive(Clone, Copy)]
pub(super) struct Constants<'a> {
    pub decay: &'a [f32],
    pub r_cap: &'a [f32],
    pub slope: &'a [f32],
}

/// Where a block's months go: each month's adopters are added to its row of the chunk's
/// `totals` (k rows, `stride` apart, of which the draws take the first `draws`), their sum
/// over the draws to `sums` (k of them), and, for a partner whose band is wanted, copied to
/// its row of `rows` (k rows, `row_stride` apart). A stride wider than the draws lets a group
/// of a partner's draws (`monte_carlo::timed`) add its months straight into its columns of
/// the totals, and copy them into its columns of the partner's months, with no pass of its
/// own.
pub(super) struct BlockOut<'a> {
    pub totals: &'a mut [f32],
    pub stride: usize,
    pub rows: Option<&'a mut [f32]>,
    pub row_stride: usize,
    pub sums: &'a mut [f64],
}

/// Whether the vector copies may run. Tests turn them off on their thread to compare a whole
/// projection with the portable loops.
pub(super) fn vectors_allowed() -> bool {
    #[cfg(test)]
    if PORTABLE_ONLY.get() {
        return false;
    }
    true
}

#[cfg(test)]
thread_local! {
    pub(super) static PORTABLE_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `value` in single precision, rounded down where it is not exact: a held draw's people in
/// `f32` never exceed the cap or the potential they stand for.
pub(super) fn at_most(value: f64) -> f32 {
    let rounded = value as f32;
    if f64::from(rounded) > value {
        rounded.next_down()
    } else {
        rounded
    }
}

/// The longest block that fits in `months`.
pub(super) fn block_len(months: usize) -> usize {
    match months {
        0 => 0,
        1 => 1,
        2 | 3 => 2,
        4..=7 => 4,
        _ => BLOCK,
    }
}

/// The next `out.sums.len()` months (a `block_len`: 1, 2, 4 or 8) for every draw; `held` is
/// the adopters of a draw held at the cap (the potential when nothing caps). Returns how many
/// draws are held at the cap in the block's last month.
///
/// # Panics
/// When the block is not 1, 2, 4 or 8 months long, or a slice is shorter than the block needs:
/// the loops write `months × draws` values, and the vector copies rely on these checks.
pub(super) fn advance_block(
    r: &mut [f32],
    constants: Constants<'_>,
    out: BlockOut<'_>,
    held: f32,
) -> usize {
    let n = r.len();
    let months = out.sums.len();
    // Checked here, not left to the callers: the vector copies index without bounds checks.
    assert!(
        matches!(months, 1 | 2 | 4 | 8),
        "a block is 1, 2, 4 or 8 months, not {months}"
    );
    let Constants {
        decay,
        r_cap,
        slope,
    } = constants;
    assert!(decay.len() >= n && r_cap.len() >= n && slope.len() >= n);
    assert!(out.stride >= n);
    assert!(out.totals.len() >= (months - 1) * out.stride + n);
    assert!(
        out.rows.as_ref().is_none_or(
            |rows| out.row_stride >= n && rows.len() >= (months - 1) * out.row_stride + n
        )
    );
    let draws = BlockDraws {
        r,
        constants,
        totals: out.totals,
        stride: out.stride,
        row_stride: out.row_stride,
        held,
    };
    macro_rules! months {
        ($k:literal) => {
            match out.rows {
                Some(rows) => draws.run::<$k, true>(rows, out.sums),
                None => draws.run::<$k, false>(&mut [], out.sums),
            }
        };
    }
    match months {
        1 => months!(1),
        2 => months!(2),
        4 => months!(4),
        _ => months!(8),
    }
}

/// Every draw of a partner, for one block: each draw's R, its constants, and the chunk's
/// totals the block's months are added to.
struct BlockDraws<'a, 'b> {
    r: &'a mut [f32],
    constants: Constants<'b>,
    /// Month j's row starts at j × `stride`.
    totals: &'a mut [f32],
    stride: usize,
    /// Month j's copy, when wanted, starts at j × `row_stride` of the rows.
    row_stride: usize,
    held: f32,
}

/// A block's sums over the draws, per month and lane.
type LaneSums<const K: usize> = [[f32; LANES]; K];

impl BlockDraws<'_, '_> {
    fn run<const K: usize, const ROWS: bool>(
        mut self,
        rows: &mut [f32],
        sums: &mut [f64],
    ) -> usize {
        let n = self.r.len();
        // Filled in place: returned by value, the sums would be copied on every block.
        let mut lane_sums = [[0.0; LANES]; K];
        let (mut held_count, done) = self.groups::<K, ROWS>(rows, &mut lane_sums);
        for d in done..n {
            held_count += self.portable_draw::<K, ROWS>(d, rows, &mut lane_sums);
        }
        for (sum, lanes) in sums.iter_mut().zip(&lane_sums) {
            *sum = lanes.iter().map(|&lane| f64::from(lane)).sum::<f64>();
        }
        held_count
    }

    /// The draws the vector registers take, when the processor has them (whole groups of
    /// LANES draws, or all of them): how many are held at the cap in the last month, and how
    /// many draws were done; the portable loop does the rest.
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
    fn groups<const K: usize, const ROWS: bool>(
        &mut self,
        rows: &mut [f32],
        lane_sums: &mut LaneSums<K>,
    ) -> (usize, usize) {
        #[cfg(target_arch = "x86_64")]
        if vectors_allowed()
            && let Some(result) = simd::groups::<K, ROWS>(self, rows, lane_sums)
        {
            return result;
        }
        (0, 0)
    }

    /// Draw `d`'s `K` months into the totals, the lane sums and, when wanted, the rows; 1 if
    /// it is held at the cap in the last month.
    #[inline(always)]
    fn portable_draw<const K: usize, const ROWS: bool>(
        &mut self,
        d: usize,
        rows: &mut [f32],
        lane_sums: &mut LaneSums<K>,
    ) -> usize {
        let values = self.draw::<K>(d);
        for (j, &value) in values.iter().enumerate() {
            self.totals[j * self.stride + d] += value;
            lane_sums[j][d % LANES] += value;
            if ROWS {
                rows[j * self.row_stride + d] = value;
            }
        }
        usize::from(self.r[d] == self.constants.r_cap[d])
    }

    /// `K` months of draw `d`: its adopters per month; its R moves on.
    #[inline(always)]
    fn draw<const K: usize>(&mut self, d: usize) -> [f32; K] {
        let Constants {
            decay,
            r_cap,
            slope,
        } = self.constants;
        let (decay, r_cap, slope) = (decay[d], r_cap[d], slope[d]);
        let mut ratio = self.r[d];
        let mut ratios = [0.0; K];
        let mut products = [0.0; K];
        for j in 0..K {
            ratio = (ratio * decay).max(r_cap);
            ratios[j] = ratio;
            // The product of the denominators (1 + R) up to month j.
            products[j] = if j == 0 {
                1.0 + ratio
            } else {
                products[j - 1].mul_add(ratio, products[j - 1])
            };
        }
        self.r[d] = ratio;
        // 1 / (product of the denominators up to month j), walking back from the last.
        let mut inverse = 1.0 / products[K - 1];
        let mut values = [0.0; K];
        for j in (0..K).rev() {
            let reciprocal = if j == 0 {
                inverse
            } else {
                inverse * products[j - 1]
            };
            inverse = inverse.mul_add(ratios[j], inverse);
            values[j] = (-(slope * (ratios[j] - r_cap))).mul_add(reciprocal, self.held);
        }
        values
    }
}

/// One month for every draw, when the month is not reported.
#[inline(always)]
pub(super) fn advance(r: &mut [f32], decay: &[f32], r_cap: &[f32]) -> usize {
    let mut capped = 0;
    for ((r, &decay), &r_cap) in r.iter_mut().zip(decay).zip(r_cap) {
        *r = (*r * decay).max(r_cap);
        capped += usize::from(*r == r_cap);
    }
    capped
}

#[cfg(test)]
mod tests;
