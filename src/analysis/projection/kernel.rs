//! The loops every draw goes through each month, over flat arrays and without branches so
//! they compile to vector instructions (inlined into `monte_carlo`'s AVX2 and portable
//! copies).

use super::bass::share_of;

/// Σ values in eight lanes instead of one, so no addition waits for the one before; the
/// order is fixed, so the bits are the same on any machine.
#[inline(always)]
pub(super) fn lane_sum(values: &[f64]) -> f64 {
    const LANES: usize = 8;
    let mut sums = [0.0; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest: f64 = chunks.remainder().iter().sum();
    for chunk in chunks {
        for (sum, value) in sums.iter_mut().zip(chunk) {
            *sum += value;
        }
    }
    sums.iter().sum::<f64>() + rest
}

/// One month for every draw: adopters into `row` (`cap` people for draws held at the cap) and
/// added to `totals`; returns how many draws are held. One pass over flat arrays without
/// branches, so it vectorises.
#[inline(always)]
pub(super) fn advance_reported(
    r: &mut [f64],
    (decay, r_cap, s): (&[f64], &[f64], &[f64]),
    row: &mut [f64],
    totals: &mut [f64],
    (potential, cap): (f64, f64),
) -> usize {
    let mut capped = 0;
    for (((((r, &decay), &r_cap), &s), out), total) in r
        .iter_mut()
        .zip(decay)
        .zip(r_cap)
        .zip(s)
        .zip(row.iter_mut())
        .zip(totals.iter_mut())
    {
        let free = *r * decay;
        let held = free <= r_cap;
        let next = if held { r_cap } else { free };
        *r = next;
        let value = potential * share_of(next, s);
        // Held draws are exactly at the cap, not at its round trip through R. A blend of bits
        // rather than a branch, so the division above stays unconditional and vectorised.
        let mask = u64::from(held).wrapping_neg();
        let value = f64::from_bits((value.to_bits() & !mask) | (cap.to_bits() & mask));
        *out = value;
        *total += value;
        capped += usize::from(held);
    }
    capped
}

/// One month for every draw, when the month is not reported.
#[inline(always)]
pub(super) fn advance(r: &mut [f64], decay: &[f64], r_cap: &[f64]) -> usize {
    let mut capped = 0;
    for ((r, &decay), &r_cap) in r.iter_mut().zip(decay).zip(r_cap) {
        let free = *r * decay;
        *r = if free > r_cap { free } else { r_cap };
        capped += usize::from(free <= r_cap);
    }
    capped
}
