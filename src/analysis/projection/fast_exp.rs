//! e^x written so a loop over a slice compiles to vector instructions (the standard library's
//! `exp` is a call per element). Each Monte Carlo draw needs three exponentials per partner,
//! 24 million at national scale.

/// 2/ln 2: x is reduced by multiples of ln 2 / 2, so |r| ≤ ln 2 / 4 and ten Taylor terms
/// reach the last bit.
const TWO_OVER_LN2: f64 = 2.0 * std::f64::consts::LOG2_E;
/// ln 2 / 2 split so that n · HALF_LN2_HI is exact for the n that occur (fdlibm's ln 2
/// constants, halved).
const HALF_LN2_HI: f64 = 6.931_471_803_691_238e-1 / 2.0;
const HALF_LN2_LO: f64 = 1.908_214_929_270_587_7e-10 / 2.0;
/// 1.5 · 2^52: adding it rounds to an integer, which then sits in the low mantissa bits.
const SHIFT: f64 = 6_755_399_441_055_744.0;
/// 1/k! for k = 10 down to 2: with |r| ≤ 0.174 the remainder is below 1e-16.
const TAYLOR: [f64; 9] = [
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    1.0 / 2.0,
];

/// e^x to within a few units in the last place, for x in −700..700 (clamped there).
#[inline(always)]
pub(crate) fn exp(x: f64) -> f64 {
    let x = x.clamp(-700.0, 700.0);
    let shifted = x * TWO_OVER_LN2 + SHIFT;
    let n = shifted - SHIFT;
    let r = (x - n * HALF_LN2_HI) - n * HALF_LN2_LO;
    let mut poly = TAYLOR[0];
    for c in &TAYLOR[1..] {
        poly = poly * r + c;
    }
    poly = (poly * r + 1.0) * r + 1.0;
    // e^x = 2^(n/2) · e^r: the integer n is the mantissa difference; 2^⌊n/2⌋ goes in the
    // exponent field and an odd n takes one more √2, chosen by bits rather than a branch.
    let n = shifted.to_bits().wrapping_sub(SHIFT.to_bits()) as i64;
    let scale = f64::from_bits((((n >> 1) + 1023) as u64) << 52);
    let odd = ((n & 1) as u64).wrapping_neg();
    let root =
        f64::from_bits((std::f64::consts::SQRT_2.to_bits() & odd) | (1.0f64.to_bits() & !odd));
    poly * scale * root
}

/// e^x of every element, in place.
#[inline(always)]
pub(crate) fn exp_in_place(values: &mut [f64]) {
    for value in values {
        *value = exp(*value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let mut worst: f64 = 0.0;
        for i in -69_999..=69_999 {
            let x = f64::from(i) * 0.01 + 0.003_7;
            let exact = x.exp();
            worst = worst.max(((exp(x) - exact) / exact).abs());
        }
        assert!(worst < 1e-15, "worst relative error {worst:e}");
        assert_eq!(exp(0.0), 1.0);
        let mut values = [-0.41, 1.0, -3.5];
        exp_in_place(&mut values);
        assert!((values[1] - std::f64::consts::E).abs() < 1e-15);
    }

    #[test]
    fn extreme_arguments_are_clamped_not_wrapped() {
        assert!(exp(-1e6) > 0.0 && exp(-1e6) < 1e-300);
        assert!(exp(1e6).is_finite() && exp(1e6) > 1e300);
    }
}
