//! Small random helpers shared by the generator.
//!
//! The default demo is checked in byte for byte, so its path uses only arithmetic that IEEE 754
//! fixes exactly (+, −, ×, ÷, rounding). Transcendental functions (`ln`, `cos`) may differ in
//! the last bit between C libraries; they are used only for synthetic partners (more than the
//! eight real Comuni), whose output no file pins down.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// The generator's random source: ChaCha8 is portable and stable across platforms.
pub(super) type DemoRng = ChaCha8Rng;

/// `value` rounded to `decimals` decimal places, so files show 6.5 rather than 6.499999999.
/// Adding zero turns a negative zero (an empty `f64` sum is −0.0) into a plain 0.0.
pub(super) fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale + 0.0
}

/// A uniform draw in `low..high`; tolerates `low == high`.
pub(super) fn between(rng: &mut DemoRng, (low, high): (f64, f64)) -> f64 {
    if high > low {
        rng.random_range(low..high)
    } else {
        low
    }
}

/// A whole number of months in `low..=high`.
pub(super) fn months_between(rng: &mut DemoRng, (low, high): (i32, i32)) -> i32 {
    rng.random_range(low..=high)
}

/// A standard normal draw (Box–Muller).
pub(super) fn standard_normal(rng: &mut DemoRng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // in (0, 1], so ln is finite
    let u2: f64 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// `count` distinct indices into `weights`, each draw proportional to the remaining weights
/// (sampling without replacement). Indices with zero weight are drawn only when nothing else
/// is left.
pub(super) fn weighted_sample(rng: &mut DemoRng, weights: &[f64], count: usize) -> Vec<usize> {
    let mut remaining: Vec<usize> = (0..weights.len()).collect();
    let mut chosen = Vec::with_capacity(count.min(weights.len()));
    while chosen.len() < count && !remaining.is_empty() {
        let total: f64 = remaining.iter().map(|&i| weights[i].max(0.0)).sum();
        let position = if total > 0.0 {
            let mut target = rng.random::<f64>() * total;
            remaining
                .iter()
                .position(|&i| {
                    target -= weights[i].max(0.0);
                    target < 0.0
                })
                .unwrap_or(remaining.len() - 1)
        } else {
            rng.random_range(0..remaining.len())
        };
        chosen.push(remaining.remove(position));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn weighted_sample_draws_distinct_indices_and_favours_heavy_ones() {
        let mut rng = DemoRng::seed_from_u64(1);
        let weights = [1.0, 0.0, 50.0, 1.0];
        let mut heavy_first = 0;
        for _ in 0..200 {
            let mut picked = weighted_sample(&mut rng, &weights, 3);
            if picked[0] == 2 {
                heavy_first += 1;
            }
            picked.sort_unstable();
            // The zero-weight index is left out while others remain.
            assert_eq!(picked, vec![0, 2, 3]);
        }
        assert!(heavy_first > 180, "heavy index first {heavy_first} of 200");
    }

    #[test]
    fn rounds_to_decimals() {
        assert_eq!(round_to(6.449, 1), 6.4);
        assert_eq!(round_to(1234.5678, 2), 1234.57);
        assert_eq!(round_to(17.5, 0), 18.0);
    }
}
