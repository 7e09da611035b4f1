//! The Bass diffusion model: the closed form F(t) and the exact monthly step.
//!
//! dF/dt = (p + q·F)(1 − F). With s = p/q, the ratio R = (1 − F) / (F + s) obeys
//! dR/dt = −(p + q)·R, so over a month with p and q fixed R is multiplied by e^{−(p+q)} and
//! F = (1 − s·R) / (1 + R). Starting from F = 0 (R = q/p) this is the closed form
//! F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}); stepping month by month reproduces it to
//! rounding, and lets p and q (and the caps) change from one month to the next.

/// Share of the potential adopted `t` months after diffusion began.
pub fn cumulative(p: f64, q: f64, t: f64) -> f64 {
    let decay = (-(p + q) * t).exp();
    (1.0 - decay) / (1.0 + q / p * decay)
}

/// The share one month after `share`, with `p` and `q` held over the month.
pub fn step(p: f64, q: f64, share: f64) -> f64 {
    let s = p / q;
    share_of(ratio(share, s) * (-(p + q)).exp(), s)
}

/// R = (1 − F) / (F + s): 0 at full adoption, q/p before anyone adopts.
#[inline(always)]
pub(crate) fn ratio(share: f64, s: f64) -> f64 {
    (1.0 - share) / (share + s)
}

/// F = (1 − s·R) / (1 + R), the inverse of `ratio`.
#[inline(always)]
pub(crate) fn share_of(ratio: f64, s: f64) -> f64 {
    (1.0 - s * ratio) / (1.0 + ratio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_form_starts_at_zero_and_tends_to_one() {
        assert_eq!(cumulative(0.03, 0.38, 0.0), 0.0);
        assert!((cumulative(0.03, 0.38, 200.0) - 1.0).abs() < 1e-15);
        // One month: (1 − e^−0.41) / (1 + 38/3 · e^−0.41) = 0.33635 / 9.40620.
        assert!((cumulative(0.03, 0.38, 1.0) - 0.035_758).abs() < 1e-6);
    }

    #[test]
    fn monthly_steps_reproduce_the_closed_form() {
        for (p, q) in [(0.03, 0.38), (0.001, 1.5), (0.2, 0.01), (0.5, 2.0)] {
            let mut share = 0.0;
            for month in 1..=120 {
                share = step(p, q, share);
                let exact = cumulative(p, q, f64::from(month));
                assert!(
                    ((share - exact) / exact).abs() < 1e-12,
                    "p {p} q {q} month {month}: {share} vs {exact}"
                );
            }
        }
    }

    #[test]
    fn ratio_and_share_are_inverse() {
        for share in [0.0, 1e-9, 0.25, 0.5, 0.999, 1.0] {
            let back = share_of(ratio(share, 0.08), 0.08);
            assert!((back - share).abs() < 1e-15, "{share} {back}");
        }
    }
}
