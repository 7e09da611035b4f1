//! Where the Monte Carlo puts a partner's months: the chunk's totals per draw, the
//! partner's mean and, when wanted, its band.

use super::bands::{Guess, Quantiles, Scratch, quantiles_of, rank};
use super::counts::{Noisy, people, quantiles_in_people};
use super::draws::{Pairing, SplitMix64};
use super::kernel::{BLOCK, BlockOut};

/// Running sums of a row's draws, one per group of draws d ≡ l (mod LANES).
const LANES: usize = 8;

/// The noise of an observation, for the band of what will be observed: each draw's value
/// times (1 + sd·z), z a standard normal stratum paired with the draw anew each month.
pub(super) struct ObservationNoise<'a> {
    pub sd: f64,
    pub strata: &'a [f64],
    pub pairing: Pairing,
    /// 1 + sd·z for the strata z in the pairing's order, twice (`Pairing::sequence`): a
    /// month's noise is a stretch of it. Single precision, like the draws it multiplies.
    pub weights: &'a [f32],
    pub seed: u64,
}

/// Where month `t`'s pairing of draws with noise strata starts.
pub(super) fn noise_offset(seed: u64, t: usize) -> u64 {
    SplitMix64::new(seed.wrapping_add((t as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))).next_u64()
}

/// Where a partner's months go as they are computed: into the chunk's totals, and the
/// partner's mean and band. A block's rows are consumed right after the block, while they
/// are in cache.
pub(super) struct Sink<'a> {
    /// Month t's draws are `total[t·stride .. t·stride + draws]`, in single precision like
    /// the kernel that adds to them (see `kernel`).
    pub total: &'a mut [f32],
    pub stride: usize,
    /// Σ per month of the values every draw shares; `None` for a group of a partner's draws
    /// (`monte_carlo::timed`), whose shared values are added to its own columns of `total`.
    pub offset: Option<&'a mut [f64]>,
    pub draws: usize,
    /// For a group of a partner's draws whose band is wanted: the partner's months, rows
    /// `stride` apart from the group's first column, where each of its months is copied as
    /// it is added to the totals.
    pub gathered: Option<&'a mut [f32]>,
    pub mean: Vec<f64>,
    pub band: Option<Vec<Quantiles>>,
    pub scratch: &'a mut Scratch,
    /// Present when the band is what will be observed and the partner's noise is not 0.
    pub noise: Option<ObservationNoise<'a>>,
}

impl Sink<'_> {
    /// Every draw has `value` adopters in month `t`.
    #[inline(always)]
    pub(super) fn uniform(&mut self, t: usize, value: f64) {
        match self.offset.as_mut() {
            Some(offset) => offset[t] += value,
            None => {
                let (at, value) = (t * self.stride, value as f32);
                for total in &mut self.total[at..at + self.draws] {
                    *total += value;
                }
            }
        }
        if let Some(gathered) = self.gathered.as_mut() {
            let at = t * self.stride;
            gathered[at..at + self.draws].fill(value as f32);
        }
        self.mean[t] = value;
        if let Some(band) = self.band.as_mut() {
            band[t] = match &self.noise {
                // The nearest-rank quantiles of value × (1 + sd·z) over the strata, in people.
                Some(noise) => {
                    let n = noise.strata.len();
                    let at = |alpha: f64| {
                        (value * (1.0 + noise.sd * noise.strata[rank(alpha, n)])).max(0.0)
                    };
                    Quantiles {
                        p10: people(at(0.1)),
                        p50: people(at(0.5)),
                        p90: people(at(0.9)),
                    }
                }
                None => Quantiles::all(value),
            };
        }
    }

    /// The draws' adopters in month `t`.
    #[inline(always)]
    pub(super) fn row(&mut self, t: usize, row: &[f32]) {
        let (n, at) = (self.draws, t * self.stride);
        let (totals, row) = (&mut self.total[at..at + n], &row[..n]);
        // Draw d goes to running sum d mod LANES: independent sums run in vector registers,
        // where one sum would wait for each addition in turn.
        let mut lanes = [0.0; LANES];
        let (whole_totals, rest_totals) = totals.as_chunks_mut::<LANES>();
        let (whole_values, rest_values) = row.as_chunks::<LANES>();
        for (totals, values) in whole_totals.iter_mut().zip(whole_values) {
            // Read into registers and written back whole: the compiler cannot tell that the
            // totals and the row never overlap, and would otherwise add one double at a time.
            let (mut sum, values) = (*totals, *values);
            for l in 0..LANES {
                sum[l] += values[l];
                lanes[l] += f64::from(values[l]);
            }
            *totals = sum;
        }
        for (l, (total, value)) in rest_totals.iter_mut().zip(rest_values).enumerate() {
            *total += value;
            lanes[l] += f64::from(*value);
        }
        if let Some(gathered) = self.gathered.as_mut() {
            gathered[at..at + n].copy_from_slice(row);
        }
        self.mean[t] = lanes.iter().sum::<f64>() / n as f64;
        self.quantiles(t, row, None);
    }

    /// Month `t`'s mean from the sum of its draws, for a partner whose draws were added to
    /// the totals in groups.
    pub(super) fn set_mean(&mut self, t: usize, sum: f64) {
        self.mean[t] = sum / self.draws as f64;
    }

    /// Months `t..t + k` computed by `advance_block` into `out`, and their rows in `rows`
    /// when the band is wanted.
    #[inline(always)]
    pub(super) fn block<'b>(
        &'b mut self,
        t: usize,
        k: usize,
        rows: &'b mut Vec<f32>,
        sums: &'b mut [f64; BLOCK],
    ) -> BlockOut<'b> {
        let n = self.draws;
        let at = t * self.stride;
        let (rows, row_stride) = match self.gathered.as_mut() {
            Some(gathered) => (
                Some(&mut gathered[at..at + (k - 1) * self.stride + n]),
                self.stride,
            ),
            None => (
                self.band.is_some().then(|| {
                    rows.resize(k * n, 0.0);
                    &mut rows[..k * n]
                }),
                n,
            ),
        };
        BlockOut {
            totals: &mut self.total[at..at + (k - 1) * self.stride + n],
            stride: self.stride,
            rows,
            row_stride,
            sums: &mut sums[..k],
        }
    }

    /// The means and bands of months `t..t + k` after `block`. `common` is the value of the
    /// draws held at a cap, if a cap can hold them.
    #[inline(always)]
    pub(super) fn blocked(&mut self, t: usize, sums: &[f64], rows: &[f32], common: Option<f64>) {
        for (j, sum) in sums.iter().enumerate() {
            self.mean[t + j] = sum / self.draws as f64;
        }
        if self.band.is_some() {
            for (j, row) in rows.chunks_exact(self.draws).take(sums.len()).enumerate() {
                self.quantiles(t + j, row, common);
            }
        }
    }

    /// Month `t`'s band from its draws, if the band is wanted. Inlined, as the whole sink, into
    /// each of `chunk_simd`'s copies: the noise's fused multiply-adds are then instructions,
    /// not calls.
    #[inline(always)]
    pub(super) fn quantiles(&mut self, t: usize, row: &[f32], common: Option<f64>) {
        if let Some(band) = self.band.as_mut() {
            // Months are filled in order, so the three before `t` are known.
            let history = (t >= 3).then(|| [band[t - 3], band[t - 2], band[t - 1]]);
            let guess = history.map(|history| match self.noise {
                Some(_) => Guess::jittering(history),
                None => Guess::extrapolating(history),
            });
            band[t] = match &self.noise {
                Some(noise) => {
                    let weights = noise
                        .pairing
                        .month(noise.weights, noise_offset(noise.seed, t));
                    // Each draw's value with its noise, computed as the passes read it.
                    // Noise spreads the draws held at a cap: no value is shared any more.
                    // What will be observed is a count of people (`counts`).
                    quantiles_in_people(Noisy::new(row, weights), guess.as_ref(), self.scratch)
                }
                None => quantiles_of(
                    row.iter().map(|&value| f64::from(value)),
                    common,
                    guess.as_ref(),
                    self.scratch,
                ),
            }
            .unwrap_or(Quantiles::all(0.0));
        }
    }
}
