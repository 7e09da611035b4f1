//! The random side of the Monte Carlo: a small seeded generator, one stream per partner, and
//! Latin hypercube draws of two standard normals.
//!
//! Each partner's N draws take the standard normal quantiles at the midpoints of N equal
//! strata, in two independent random orders (one per parameter). Every stratum is used once,
//! so the bands settle with fewer draws than plain sampling, and no normal is computed per
//! draw: the quantiles are computed once per projection.

use crate::model::PartnerId;

/// SplitMix64 (Steele, Lea & Flood, 2014): tiny, fast, and unrelated streams from nearby
/// seeds. Written out here so that a seed gives the same bands in every build, whatever
/// version of a random-number crate is linked.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1) with 53 random bits.
    /// A number in 0..n (Lemire's multiply-shift; the bias, below n / 2^64, is immaterial).
    #[cfg(test)]
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    #[cfg(test)]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The seed of one partner's draws: a function of the projection's seed and of the partner's
/// id only, so adding, removing or reordering partners leaves the others' draws as they were,
/// and the result does not depend on which thread draws it.
pub(crate) fn partner_seed(seed: u64, partner: &PartnerId) -> u64 {
    // FNV-1a of the id, then mixed with the seed.
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in partner.as_str().bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    SplitMix64::new(seed ^ hash.rotate_left(17)).next_u64()
}

/// Standard normal quantiles at the midpoints of `n` equal-probability strata.
pub(crate) fn normal_strata(n: usize) -> Vec<f64> {
    (0..n)
        .map(|k| inverse_normal((k as f64 + 0.5) / n as f64))
        .collect()
}

/// A cheap pairing of draws with strata, beside the draws' own random orders: draw d takes
/// stratum (step·d + offset) mod n, with `step` coprime with n (so every stratum once) and far
/// from 0 and n/2 (so neighbouring draws take distant strata). Used for the noise of each
/// reported month and the start's spread, where a fresh shuffle per month would cost more
/// than the month itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pairing {
    n: usize,
    step: usize,
    /// step⁻¹ modulo n, for `rotation`, which every reported month of every partner asks.
    inverse: usize,
}

impl Pairing {
    /// A pairing of `n` draws whose step is the first coprime with n from `fraction`·n on.
    pub fn new(n: usize, fraction: f64) -> Pairing {
        let n = n.max(1);
        let mut step = ((n as f64 * fraction) as usize).clamp(1, n);
        while gcd(step, n) != 1 {
            step += 1;
        }
        let step = step % n;
        Pairing {
            n,
            step,
            inverse: inverse_mod(step, n),
        }
    }

    /// `out[d] = strata[(step·d + offset) mod n]` for every draw.
    #[inline(always)]
    pub fn fill(&self, strata: &[f64], offset: u64, out: &mut Vec<f64>) {
        out.clear();
        let n = self.n.min(strata.len());
        if n == 0 {
            return;
        }
        let mut at = (offset % n as u64) as usize;
        for _ in 0..n {
            out.push(strata[at]);
            at += self.step;
            if at >= n {
                at -= n;
            }
        }
    }
}

impl Pairing {
    /// The strata in the order draw d takes them with offset 0, twice over: with the offset
    /// written c = step·c' (mod n), draw d takes stratum step·(d + c') (mod n), so a month's
    /// pairing is the `n` values from c' on (`rotation`), read in order rather than gathered.
    pub fn sequence(&self, strata: &[f64]) -> Vec<f64> {
        let mut once = Vec::with_capacity(self.n);
        self.fill(strata, 0, &mut once);
        let mut twice = once.clone();
        twice.extend_from_slice(&once);
        twice
    }

    /// Where the pairing with `offset` starts in `sequence`: c' = c·step⁻¹ (mod n).
    pub fn rotation(&self, offset: u64) -> usize {
        let n = self.n as u64;
        let c = offset % n;
        // Both factors are below n: their product fits in 64 bits for any n below 2³².
        match c.checked_mul(self.inverse as u64) {
            Some(product) => (product % n) as usize,
            None => ((u128::from(c) * self.inverse as u128) % u128::from(n)) as usize,
        }
    }

    /// `out[d] = strata[(step·d + offset) mod n]`, as `fill` gives, from `sequence`.
    #[inline(always)]
    pub fn month<'s, T>(&self, sequence: &'s [T], offset: u64) -> &'s [T] {
        let from = self.rotation(offset);
        let n = self.n.min(sequence.len() / 2);
        &sequence[from.min(n)..from.min(n) + n]
    }
}

/// a⁻¹ modulo n, for a coprime with n (extended Euclid); 0 modulo 1.
fn inverse_mod(a: usize, n: usize) -> usize {
    let (mut old_r, mut r) = (a as i128, n as i128);
    let (mut old_s, mut s) = (1_i128, 0_i128);
    while r != 0 {
        let quotient = old_r / r;
        (old_r, r) = (r, old_r - quotient * r);
        (old_s, s) = (s, old_s - quotient * s);
    }
    old_s.rem_euclid(n.max(1) as i128) as usize
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Two independent random orders of `strata` (Fisher–Yates), from one stream: each 64-bit
/// number picks both swaps, one from each half, so the pair costs one draw per position.
/// 32 bits choose among at most a few thousand strata with a bias below one in a million.
pub(crate) fn shuffled_pair_into(
    rng: &mut SplitMix64,
    strata: &[f64],
    [first, second]: [&mut Vec<f64>; 2],
) {
    for out in [&mut *first, &mut *second] {
        out.clear();
        out.extend_from_slice(strata);
    }
    // Slices of the known length, and picks no greater than i (which they never are), let
    // the swaps go unchecked: this runs once per partner and projection.
    let n = strata.len();
    let (first, second) = (&mut first[..n], &mut second[..n]);
    let below =
        |bits: u64, i: usize| ((((bits & 0xFFFF_FFFF) * (i as u64 + 1)) >> 32) as usize).min(i);
    for i in (1..n).rev() {
        let bits = rng.next_u64();
        first.swap(i, below(bits, i));
        second.swap(i, below(bits >> 32, i));
    }
}

pub(crate) fn inverse_normal(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.02425;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let p = p.clamp(f64::MIN_POSITIVE, 1.0 - f64::EPSILON);
    if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_normal_matches_tabulated_quantiles() {
        // Φ(1.959963984540054) = 0.975, Φ(−1) = 0.158655253931457, Φ(−3) = 0.00134989803163.
        let cases = [
            (0.5, 0.0),
            (0.975, 1.959_963_984_540_054),
            (0.158_655_253_931_457, -1.0),
            (0.001_349_898_031_630_095, -3.0),
            (0.998_650_101_968_369_9, 3.0),
        ];
        for (p, z) in cases {
            assert!(
                (inverse_normal(p) - z).abs() < 1e-8,
                "{p}: {}",
                inverse_normal(p)
            );
        }
    }

    #[test]
    fn strata_are_symmetric_and_standard() {
        let strata = normal_strata(1000);
        assert_eq!(strata.len(), 1000);
        assert!(strata.windows(2).all(|w| w[0] < w[1]));
        assert!((strata[0] + strata[999]).abs() < 1e-9);
        let mean = strata.iter().sum::<f64>() / 1000.0;
        let variance = strata.iter().map(|z| z * z).sum::<f64>() / 1000.0;
        assert!(mean.abs() < 1e-12);
        assert!((variance - 1.0).abs() < 0.01, "{variance}");
    }

    #[test]
    fn seeds_depend_on_the_seed_and_the_partner_only() {
        let bra = PartnerId::from("bra");
        assert_eq!(partner_seed(7, &bra), partner_seed(7, &bra));
        assert_ne!(partner_seed(7, &bra), partner_seed(8, &bra));
        assert_ne!(
            partner_seed(7, &bra),
            partner_seed(7, &PartnerId::from("alba"))
        );
    }

    #[test]
    fn a_pairing_takes_every_stratum_once_and_spreads_neighbours() {
        let strata = normal_strata(1000);
        let pairing = Pairing::new(1000, 0.618);
        let mut out = Vec::new();
        pairing.fill(&strata, 12_345, &mut out);
        let mut sorted = out.clone();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(sorted, strata);
        // Neighbouring draws are not neighbouring strata.
        let close = out.windows(2).filter(|w| (w[0] - w[1]).abs() < 0.1).count();
        assert!(close < 50, "{close}");
        pairing.fill(&strata[..0], 1, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_months_pairing_read_from_the_sequence_is_the_gathered_one() {
        for n in [1, 2, 7, 10, 500, 1000, 1001] {
            let strata = normal_strata(n);
            let pairing = Pairing::new(n, 0.618);
            let sequence = pairing.sequence(&strata);
            let mut gathered = Vec::new();
            for offset in [0, 1, 5, 999, 12_345, u64::MAX] {
                pairing.fill(&strata, offset, &mut gathered);
                assert_eq!(pairing.month(&sequence, offset), gathered, "{n} {offset}");
            }
        }
    }

    #[test]
    fn a_shuffle_keeps_every_stratum_once_in_two_different_orders() {
        let strata = normal_strata(50);
        let mut rng = SplitMix64::new(3);
        let (mut first, mut second) = (Vec::new(), Vec::new());
        shuffled_pair_into(&mut rng, &strata, [&mut first, &mut second]);
        assert_ne!(first, strata);
        assert_ne!(second, strata);
        assert_ne!(first, second);
        for out in [first, second] {
            let mut sorted = out.clone();
            sorted.sort_by(f64::total_cmp);
            assert_eq!(sorted, strata);
        }
        let draws: Vec<f64> = (0..10_000).map(|_| rng.unit()).collect();
        assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
        assert!((draws.iter().sum::<f64>() / 10_000.0 - 0.5).abs() < 0.02);
    }
}
