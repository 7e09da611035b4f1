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
use super::bass::share_of;
use super::calibrate::{Fit, lower, upper};
use super::draws::{Pairing, SplitMix64, partner_seed, shuffled_pair_into};
use super::drivers::{DriverView, Segment};
use super::fast_exp::exp_in_place;
use super::kernel::{BLOCK, Constants, advance, advance_block, block_len};
use super::parallel;
use super::settings::BandKind;
use super::sink::{ObservationNoise, Sink, noise_offset};
use crate::model::{Month, PartnerId};

mod timed;

/// Partners are summed in this many chunks whatever the number of threads.
const CHUNKS: usize = 8;
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
    for plan in plans {
        let noisy = observed && plan.noise > 0.0;
        if noisy && plan.band {
            // Each draw's noise as the factor on its value: 1 + sd·z, once per partner.
            weights.clear();
            weights.extend(sequence.iter().map(|&z| plan.noise.mul_add(z, 1.0)));
        }
        let mut sink = Sink {
            total: &mut result.total,
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
    result
}

/// The diffusion state of a partner's draws.
#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// Every draw has this share of the potential.
    Uniform(f64),
    /// Each draw's share is given by its R in `PartnerDraws::r` and its s in `PartnerDraws::s`.
    Varied,
    /// Before diffusion has run: each draw's share is in `PartnerDraws::start_share`.
    Spread,
}

/// Buffers reused from partner to partner by one thread.
#[derive(Default)]
struct Workspace {
    state: PartnerDraws,
    scratch: Scratch,
    groups: timed::GroupBuffers,
}

/// Mixed into a partner's seed for the noise of its months, apart from its (p, q) draws.
const PARTNER_NOISE: u64 = 0x0B5E_4BED_0000_0002;

/// One partner's draws of (p, q) and each draw's diffusion state, in flat arrays.
#[derive(Default)]
struct PartnerDraws {
    z1: Vec<f64>,
    z2: Vec<f64>,
    p: Vec<f64>,
    q: Vec<f64>,
    p_over_q: Vec<f64>,
    s: Vec<f64>,
    /// k = m(c + s), with m the partner's potential and c the capped share (see `kernel`).
    slope: Vec<f64>,
    decay: Vec<f64>,
    /// The imitation factor `decay` was computed for, while the draws are the same: a run of
    /// months with the same training but another cap needs no new exponentials.
    decay_for: Option<f64>,
    r: Vec<f64>,
    r_cap: Vec<f64>,
    /// Each draw's share at the start, when the start is uncertain (`State::Spread`).
    start_share: Vec<f64>,
    /// The current month's adopters per draw.
    row: Vec<f64>,
    /// A block's months per draw, for a partner whose band is wanted.
    rows: Vec<f64>,
    /// The runs of equal conditions being simulated.
    segments: Vec<Segment>,
    drawn: bool,
}

impl PartnerDraws {
    #[inline(always)]
    fn simulate(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64], sink: &mut Sink<'_>) {
        self.drawn = false;
        self.run(plan, frame, strata, sink);
    }

    /// `simulate` with the draws as they are when already drawn (a group of `timed`).
    #[inline(always)]
    fn run(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64], sink: &mut Sink<'_>) {
        let n = frame.draws;
        self.row.resize(n, 0.0);
        let m = plan.potential;
        if m <= 0.0 {
            for t in 0..frame.horizon {
                sink.uniform(t, plan.start_people);
            }
            return;
        }
        let mut state = State::Uniform(plan.start_people / m);
        if plan.start_spread > 0.0 && plan.start_people > 0.0 {
            self.spread_start(plan, frame, strata);
            state = State::Spread;
        }
        // Months up to the start hold the starting value.
        for month in frame.first().through(plan.start.min(frame.last())) {
            put_uniform(sink, frame, month, plan.start_people);
        }
        let from = plan.start.plus(1);
        // The buffer is taken for the loop, which borrows the draws, and given back after.
        let mut segments = std::mem::take(&mut self.segments);
        plan.view
            .segments_into(from, frame.last(), plan.floor, &mut segments);
        for &segment in &segments {
            let conditions = segment.conditions;
            let months = segment
                .first
                .through(segment.first.plus(segment.months as i32 - 1));
            if !conditions.open {
                for month in months {
                    self.put_state(sink, frame, month, state, m);
                }
                continue;
            }
            let cap = conditions.cap / m;
            if let State::Uniform(u) = state
                && (u >= cap || u >= 1.0)
            {
                // Diffusion only pushes up: held at the cap (or full) for the whole run.
                let held = if u >= 1.0 { u } else { cap };
                state = State::Uniform(held);
                for month in months {
                    put_uniform(sink, frame, month, held * m);
                }
                continue;
            }
            self.draw(plan, frame, strata);
            self.prepare(state, conditions.imitation, cap, m);
            state = State::Varied;
            let capped_possible = cap < 1.0;
            // People of a held draw: the cap, or everyone when R reaches 0 with no cap.
            let held_people = conditions.cap.min(m);
            let mut done = 0;
            while done < segment.months {
                let month = segment.first.plus(done as i32);
                let capped = match index(frame, month) {
                    Some(t) => {
                        let k = block_len(segment.months - done);
                        done += k;
                        let mut sums = [0.0; BLOCK];
                        let out = sink.block(t, k, &mut self.rows, &mut sums);
                        let constants = Constants {
                            decay: &self.decay,
                            r_cap: &self.r_cap,
                            slope: &self.slope,
                        };
                        let capped = advance_block(&mut self.r, constants, out, held_people);
                        // Held draws stay held within a run: none held in the last month means
                        // none held before it.
                        let common = (capped > 0).then_some(held_people);
                        sink.blocked(t, &sums[..k], &self.rows, common);
                        capped
                    }
                    None => {
                        done += 1;
                        advance(&mut self.r, &self.decay, &self.r_cap)
                    }
                };
                if capped_possible && capped == n {
                    // Every draw is held at the cap: one value until the conditions change.
                    state = State::Uniform(cap);
                    for month in months.skip(done) {
                        put_uniform(sink, frame, month, cap * m);
                    }
                    break;
                }
            }
        }
        self.segments = segments;
    }

    /// Each draw's share at the start: the starting level with the relative spread of the
    /// observation it comes from, within nobody and the potential. The normal of draw d is
    /// the q-order's stratum half the draws away: a random order's values at two positions are
    /// independent, so the start's spread is independent of the draw's p and q (and of the
    /// noise's pairing), at no cost.
    #[inline(always)]
    fn spread_start(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64]) {
        self.draw(plan, frame, strata);
        let n = self.z2.len();
        let (level, spread) = (plan.start_people / plan.potential, plan.start_spread);
        self.start_share.clear();
        self.start_share.extend(
            (0..n).map(|d| (level * spread.mul_add(self.z2[(d + n / 2) % n], 1.0)).clamp(0.0, 1.0)),
        );
    }

    /// Draws (p, q) once per partner, when diffusion first needs them, and p/q.
    #[inline(always)]
    fn draw(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64]) {
        if self.drawn {
            return;
        }
        self.normals(plan, frame, strata);
        self.parameters([plan.fit.p.ln(), plan.fit.q.ln()], plan.fit.cholesky());
    }

    /// The draws' two normals, in the partner's own random orders of the strata.
    #[inline(always)]
    fn normals(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64]) {
        self.drawn = true;
        self.decay_for = None;
        let mut rng = SplitMix64::new(partner_seed(frame.seed, plan.id));
        shuffled_pair_into(&mut rng, strata, [&mut self.z1, &mut self.z2]);
    }

    /// Each draw's p, q and p/q from its normals `z1`, `z2`: (ln p, ln q) = `centre` + L·z.
    #[inline(always)]
    fn parameters(&mut self, centre: [f64; 2], [l11, l21, l22]: [f64; 3]) {
        let [ln_p, ln_q] = centre;
        let (low, high) = (lower(), upper());
        let n = self.z1.len();
        for buffer in [&mut self.p, &mut self.q, &mut self.p_over_q] {
            buffer.resize(n, 0.0);
        }
        for (((p, q), &z1), &z2) in self
            .p
            .iter_mut()
            .zip(self.q.iter_mut())
            .zip(&self.z1)
            .zip(&self.z2)
        {
            *p = (ln_p + l11 * z1).clamp(low[0], high[0]);
            *q = (ln_q + l21 * z1 + l22 * z2).clamp(low[1], high[1]);
        }
        exp_in_place(&mut self.p);
        exp_in_place(&mut self.q);
        for ((p_over_q, &p), &q) in self.p_over_q.iter_mut().zip(&self.p).zip(&self.q) {
            *p_over_q = p / q;
        }
    }

    /// Per-draw constants of a run of months, with q' = q × `imitation`: s = p/q', the
    /// month's decay e^{−(p+q')}, R at the cap (0 when nothing caps), the slope k for
    /// `potential` m, and R carried over from the draws' state `from`.
    ///
    /// The share F behind R stays the same across the change of s: R' = (1 − F)/(F + s')
    /// with F = (1 − s·R)/(1 + R) is R(1 + s)/((1 − s·R) + s'(1 + R)). R' and R at the cap
    /// share one division: 1/(a·b) gives both 1/a and 1/b.
    #[inline(always)]
    fn prepare(&mut self, from: State, imitation: f64, cap: f64, potential: f64) {
        let n = self.p.len();
        for buffer in [
            &mut self.s,
            &mut self.slope,
            &mut self.decay,
            &mut self.r,
            &mut self.r_cap,
            &mut self.start_share,
        ] {
            buffer.resize(n, 0.0);
        }
        if self.decay_for != Some(imitation) {
            self.decay_for = Some(imitation);
            for ((decay, &p), &q) in self.decay.iter_mut().zip(&self.p).zip(&self.q) {
                *decay = -(p + q * imitation);
            }
            exp_in_place(&mut self.decay);
        }
        let per_imitation = 1.0 / imitation;
        let capped = cap < 1.0;
        // With no cap the second factor is 1, and R at the cap 0.
        let (cap_numerator, cap_share) = if capped { (1.0 - cap, cap) } else { (0.0, 1.0) };
        for (((((r, r_cap), s), slope), &p_over_q), &start) in self
            .r
            .iter_mut()
            .zip(self.r_cap.iter_mut())
            .zip(self.s.iter_mut())
            .zip(self.slope.iter_mut())
            .zip(&self.p_over_q)
            .zip(&self.start_share)
        {
            let next = p_over_q * per_imitation;
            let (numerator, denominator) = match from {
                State::Uniform(u) => (1.0 - u, u + next),
                State::Spread => (1.0 - start, start + next),
                State::Varied => (*r * (1.0 + *s), (1.0 - *s * *r) + next * (1.0 + *r)),
            };
            let cap_denominator = if capped { cap_share + next } else { 1.0 };
            let inverse = 1.0 / (denominator * cap_denominator);
            *r = numerator * cap_denominator * inverse;
            *r_cap = cap_numerator * denominator * inverse;
            *s = next;
            // k = m(c + s): with R_c = (1 − c)/(c + s), m(1 + s)/(1 + R_c) simplifies to it.
            *slope = potential * (cap_share + next);
        }
    }

    /// A month without diffusion: the draws keep their shares.
    #[inline(always)]
    fn put_state(
        &mut self,
        sink: &mut Sink<'_>,
        frame: &Frame,
        month: Month,
        state: State,
        m: f64,
    ) {
        let Some(t) = index(frame, month) else {
            return;
        };
        match state {
            State::Uniform(u) => sink.uniform(t, u * m),
            State::Spread => {
                for (out, &share) in self.row.iter_mut().zip(&self.start_share) {
                    *out = share * m;
                }
                sink.row(t, &self.row);
            }
            State::Varied => {
                for ((out, &r), &s) in self.row.iter_mut().zip(&self.r).zip(&self.s) {
                    *out = share_of(r, s) * m;
                }
                sink.row(t, &self.row);
            }
        }
    }
}

fn put_uniform(sink: &mut Sink<'_>, frame: &Frame, month: Month, value: f64) {
    if let Some(t) = index(frame, month) {
        sink.uniform(t, value);
    }
}

/// The row of `month` among the reported months.
fn index(frame: &Frame, month: Month) -> Option<usize> {
    usize::try_from(month.months_since(frame.first()))
        .ok()
        .filter(|&t| t < frame.horizon)
}
