//! The Monte Carlo: N draws of (p, q) per partner from its fit's spread, each projected month
//! by month with the exact Bass step under the month's drivers; P10/P50/P90 per partner and
//! month, and of the consortium's total per draw.
//!
//! Cost and shape. The work is partners × draws × months (474 million cells at national
//! scale), so a cell is a few arithmetic operations on flat f64 arrays and nothing is
//! allocated per draw or per month. Within a run of months with equal conditions each draw
//! keeps its ratio R (see `bass`), and a month is R ← max(R·e^{−(p+q)}, R_cap) and
//! F = (1 − s·R)/(1 + R). Once every draw is held at the same cap, the partner is one number
//! until the cap moves, and months where nothing can change are not computed per draw.
//!
//! Determinism. Each partner's draws come from a seed made of the projection seed and its id;
//! partners are cut into a fixed number of chunks whatever the number of threads, each chunk
//! sums its partners in order and chunks are added in order, so the bands are the same bits
//! on one core or many.

use super::bands::{Quantiles, Scratch, quantiles_of_counts};
use super::calibrate::Fit;
use super::draws::{Pairing, SplitMix64, partner_seed};
use super::drivers::DriverView;
use super::parallel;
use super::settings::BandKind;
use super::sink::{ObservationNoise, Sink, noise_offset};
use crate::model::{Month, PartnerId};

mod partner_draws;
mod timed;

use partner_draws::PartnerDraws;

/// Partners are summed in this many chunks whatever the number of threads: many more than
/// cores, so the last chunks to finish leave a core idle only briefly.
const CHUNKS: usize = 32;
/// Below this many cells, threads cost more than they save.
const PARALLEL_FROM: usize = 2_000_000;

/// One partner ready to run: its drivers, its fit and where its projection starts.
pub(crate) struct Plan<'a> {
    pub id: &'a PartnerId,
    pub view: DriverView<'a>,
    pub fit: Fit,
    pub potential: f64,
    /// Adopters are known (`start_people`) at the end of this month; simulation starts after.
    pub start: Month,
    pub start_people: f64,
    /// Relative sd of the partner's level at `start` around `start_people` (the noise of
    /// the observation it starts from; 0 from nobody).
    pub start_spread: f64,
    /// Relative sd of an observation around the model: what the observed band adds.
    pub noise: f64,
    /// Caps never push adopters below this: people already working agile keep doing so.
    pub floor: f64,
    pub band: bool,
    /// The groups a partner's draws split into when the timing of its drivers or its
    /// ceiling is uncertain (`timing`, `ceiling`); empty: every draw lives `view` and
    /// `potential`.
    pub groups: Vec<Group<'a>>,
}

/// A group of a partner's draws: the drivers it lives (its quantile of the timing), its
/// potential (its quantile of the ceiling) and how far that ceiling moves its draws' ln p
/// and ln q (`Fit::ceiling_slopes`), around which they spread by `Plan::fit`'s spread given
/// the ceiling.
#[derive(Clone, Copy)]
pub(crate) struct Group<'a> {
    pub view: DriverView<'a>,
    pub potential: f64,
    pub shift: [f64; 2],
}

/// The months reported, the draws and the seed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub anchor: Month,
    pub horizon: usize,
    pub draws: usize,
    pub seed: u64,
    pub band: BandKind,
}

impl Frame {
    fn first(&self) -> Month {
        self.anchor.plus(1)
    }

    fn last(&self) -> Month {
        self.anchor.plus(self.horizon as i32)
    }

    fn cells(&self) -> usize {
        self.horizon * self.draws
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartnerRun {
    /// Mean adopters over the draws, per reported month.
    pub mean: Vec<f64>,
    pub band: Option<Vec<Quantiles>>,
}

/// Partners are cut into this many chunks whatever the number of threads (fewer when there
/// are fewer partners), so sums are added in the same order on any machine.
pub(crate) fn chunk_len(partners: usize) -> usize {
    partners.div_ceil(CHUNKS).max(1)
}

/// Whether `partners` are worth spreading over threads.
pub(crate) fn threads_for(partners: usize, frame: &Frame) -> usize {
    if partners * frame.cells() >= PARALLEL_FROM {
        parallel::cores()
    } else {
        1
    }
}

/// One chunk's partners, run.
pub(crate) struct ChunkResult {
    /// Σ of the varied rows, per reported month and draw.
    total: Vec<f64>,
    /// Σ of the rows where every draw had the same value, per reported month.
    offset: Vec<f64>,
    /// Σ over partners of the variance of an observation of their mean, per reported month:
    /// what the noise of observations adds to the consortium's observed total.
    noise_variance: Vec<f64>,
    pub partners: Vec<PartnerRun>,
}

/// Runs one chunk's plans; `strata` are the standard normal strata for `frame.draws`.
pub(crate) fn run_plans(plans: &[Plan<'_>], frame: &Frame, strata: &[f64]) -> ChunkResult {
    run_chunk(&mut Workspace::default(), plans, frame, strata)
}

/// The consortium's quantiles per month from the chunks' sums, added in chunk order. In the
/// observed band each draw's total gets a normal noise with the partners' summed variance
/// (their noises are independent, so the consortium's relative noise is smaller).
pub(crate) fn consortium<'a>(
    chunks: impl Iterator<Item = &'a ChunkResult>,
    frame: &Frame,
    strata: &[f64],
) -> Vec<Quantiles> {
    let (h, n) = (frame.horizon, frame.draws);
    let mut total = vec![0.0; h * n];
    let mut offset = vec![0.0; h];
    let mut variance = vec![0.0; h];
    for chunk in chunks {
        for (sum, value) in total.iter_mut().zip(&chunk.total) {
            *sum += value;
        }
        for (sum, value) in offset.iter_mut().zip(&chunk.offset) {
            *sum += value;
        }
        for (sum, value) in variance.iter_mut().zip(&chunk.noise_variance) {
            *sum += value;
        }
    }
    let mut scratch = Scratch::default();
    let pairing = Pairing::new(n, NOISE_STEP);
    let mut noise = Vec::with_capacity(n);
    let seed = SplitMix64::new(frame.seed ^ CONSORTIUM_NOISE).next_u64();
    total
        .chunks_mut(n)
        .zip(offset.iter().zip(&variance))
        .enumerate()
        .map(|(t, (row, (&offset, &variance)))| {
            let sd = variance.sqrt();
            if sd > 0.0 {
                pairing.fill(strata, noise_offset(seed, t), &mut noise);
                for (value, &z) in row.iter_mut().zip(&noise) {
                    *value = (*value + offset + sd * z).max(0.0);
                }
            } else {
                for value in row.iter_mut() {
                    *value += offset;
                }
            }
            quantiles_of_counts(row, None, None, &mut scratch).unwrap_or(Quantiles::all(offset))
        })
        .collect()
}

/// Where the pairing of draws with the strata of a month's noise steps (see `Pairing`).
pub(crate) const NOISE_STEP: f64 = 0.618;
/// Mixed into the seed of the consortium's noise, so it is not any partner's.
const CONSORTIUM_NOISE: u64 = 0xC0A5_0B71_0000_0001;

/// One chunk of partners, in the widest vectors the processor has (`chunk_simd`).
fn run_chunk(
    workspace: &mut Workspace,
    plans: &[Plan<'_>],
    frame: &Frame,
    strata: &[f64],
) -> ChunkResult {
    super::chunk_simd::run_widest(ChunkJob {
        workspace,
        plans,
        frame,
        strata,
    })
}

struct ChunkJob<'w, 'p, 'a> {
    workspace: &'w mut Workspace,
    plans: &'p [Plan<'a>],
    frame: &'p Frame,
    strata: &'p [f64],
}

impl super::chunk_simd::Job for ChunkJob<'_, '_, '_> {
    type Output = ChunkResult;

    #[inline(always)]
    fn run(self) -> ChunkResult {
        run_chunk_portable(self.workspace, self.plans, self.frame, self.strata)
    }
}

/// One chunk of partners; inlined into each of `chunk_simd`'s copies.
#[inline(always)]
fn run_chunk_portable(
    workspace: &mut Workspace,
    plans: &[Plan<'_>],
    frame: &Frame,
    strata: &[f64],
) -> ChunkResult {
    let (h, n) = (frame.horizon, frame.draws);
    let mut result = ChunkResult {
        total: vec![0.0; h * n],
        offset: vec![0.0; h],
        noise_variance: vec![0.0; h],
        partners: Vec::with_capacity(plans.len()),
    };
    let observed = frame.band == BandKind::Observed;
    let pairing = Pairing::new(n, NOISE_STEP);
    let sequence = pairing.sequence(strata);
    let mut weights = Vec::with_capacity(sequence.len());
    let pending = &mut workspace.pending;
    pending.clear();
    pending.resize(h * n, 0.0);
    for (index, plan) in plans.iter().enumerate() {
        if index > 0 && index.is_multiple_of(PENDING_PARTNERS) {
            move_pending(pending, &mut result.total);
        }
        let noisy = observed && plan.noise > 0.0;
        if noisy && plan.band {
            // Each draw's noise as the factor on its value: 1 + sd·z, once per partner.
            // A plain loop, inlined into the vector copies: `mul_add` is then an instruction.
            weights.resize(sequence.len(), 0.0);
            for (weight, &z) in weights.iter_mut().zip(&sequence) {
                *weight = plan.noise.mul_add(z, 1.0) as f32;
            }
        }
        let mut sink = Sink {
            total: pending,
            stride: n,
            offset: Some(&mut result.offset),
            draws: n,
            gathered: None,
            mean: vec![0.0; h],
            band: plan.band.then(|| vec![Quantiles::all(0.0); h]),
            scratch: &mut workspace.scratch,
            noise: noisy.then(|| ObservationNoise {
                sd: plan.noise,
                strata,
                pairing,
                weights: &weights,
                seed: partner_seed(frame.seed, plan.id) ^ PARTNER_NOISE,
            }),
        };
        if plan.groups.is_empty() {
            workspace.state.simulate(plan, frame, strata, &mut sink);
        } else {
            let Workspace { state, groups, .. } = workspace;
            timed::simulate_groups(state, groups, plan, frame, strata, &mut sink);
        }
        if noisy {
            for (variance, mean) in result.noise_variance.iter_mut().zip(&sink.mean) {
                *variance += (plan.noise * mean).powi(2);
            }
        }
        let run = PartnerRun {
            mean: sink.mean,
            band: sink.band,
        };
        result.partners.push(run);
    }
    move_pending(pending, &mut result.total);
    result
}

/// How many partners' draws are added in single precision before they move into the chunk's
/// totals in double. Each addition rounds by at most 2⁻²⁴ of the running sum, so sixteen stay
/// within 10⁻⁶ of it (a tenth of a person at 100,000), where a whole chunk of some 250
/// partners in `f32` could drift by whole people.
const PENDING_PARTNERS: usize = 16;

/// Adds the pending single-precision totals into `total` and empties them.
#[inline(always)]
fn move_pending(pending: &mut [f32], total: &mut [f64]) {
    for (total, pending) in total.iter_mut().zip(pending) {
        *total += f64::from(std::mem::take(pending));
    }
}

/// Buffers reused from partner to partner by one thread.
#[derive(Default)]
struct Workspace {
    state: PartnerDraws,
    scratch: Scratch,
    groups: timed::GroupBuffers,
    /// The latest partners' adopters per month and draw, not yet in the chunk's totals.
    pending: Vec<f32>,
}

/// Mixed into a partner's seed for the noise of its months, apart from its (p, q) draws.
const PARTNER_NOISE: u64 = 0x0B5E_4BED_0000_0002;
