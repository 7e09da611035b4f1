//! One partner's draws through its months: each draw's (p, q) from the fit's spread, its
//! diffusion state, and the runs of months under equal conditions handed to the sink.

use super::super::bass::share_of;
use super::super::calibrate::{lower, upper};
use super::super::draws::{SplitMix64, partner_seed, shuffled_pair_into};
use super::super::drivers::Segment;
use super::super::fast_exp::exp_in_place;
use super::super::kernel::{BLOCK, Constants, advance, advance_block, at_most, block_len};
use super::super::sink::Sink;
use super::{Frame, Plan};
use crate::model::Month;

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

/// One partner's draws of (p, q) and each draw's diffusion state, in flat arrays.
#[derive(Default)]
pub(super) struct PartnerDraws {
    pub(super) z1: Vec<f64>,
    pub(super) z2: Vec<f64>,
    pub(super) p: Vec<f64>,
    pub(super) q: Vec<f64>,
    pub(super) p_over_q: Vec<f64>,
    pub(super) s: Vec<f64>,
    /// k = m(c + s), with m the partner's potential and c the capped share (see `kernel`).
    /// This and the other constants the kernel reads are single precision (see `kernel`).
    pub(super) slope: Vec<f32>,
    /// The exponent of each draw's monthly decay, then the decay (`f64`, for the exponential).
    pub(super) exponent: Vec<f64>,
    pub(super) decay: Vec<f32>,
    /// The imitation factor `decay` was computed for, while the draws are the same: a run of
    /// months with the same training but another cap needs no new exponentials.
    pub(super) decay_for: Option<f64>,
    pub(super) r: Vec<f32>,
    pub(super) r_cap: Vec<f32>,
    /// Each draw's share at the start, when the start is uncertain (`State::Spread`).
    pub(super) start_share: Vec<f64>,
    /// The current month's adopters per draw.
    pub(super) row: Vec<f32>,
    /// A block's months per draw, for a partner whose band is wanted.
    pub(super) rows: Vec<f32>,
    /// The runs of equal conditions being simulated.
    pub(super) segments: Vec<Segment>,
    pub(super) drawn: bool,
}

impl PartnerDraws {
    #[inline(always)]
    pub(super) fn simulate(
        &mut self,
        plan: &Plan<'_>,
        frame: &Frame,
        strata: &[f64],
        sink: &mut Sink<'_>,
    ) {
        self.drawn = false;
        self.run(plan, frame, strata, sink);
    }

    /// `simulate` with the draws as they are when already drawn (a group of `timed`).
    #[inline(always)]
    pub(super) fn run(
        &mut self,
        plan: &Plan<'_>,
        frame: &Frame,
        strata: &[f64],
        sink: &mut Sink<'_>,
    ) {
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
            let held_people = at_most(conditions.cap.min(m));
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
                        let common = (capped > 0).then_some(f64::from(held_people));
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
        let (n, half) = (self.z2.len(), self.z2.len() / 2);
        let (level, spread) = (plan.start_people / plan.potential, plan.start_spread);
        self.start_share.resize(n, 0.0);
        // Draw d takes z2[(d + n/2) mod n]: the first n − n/2 draws the second part of z2, the
        // rest its first part. Plain loops over slices, so they are inlined into the vector
        // copies and `mul_add` is the processor's instruction, not a call.
        let (wrapped_before, wrapped_after) = self.start_share.split_at_mut(n - half);
        for (shares, normals) in [
            (wrapped_before, &self.z2[half..]),
            (wrapped_after, &self.z2[..half]),
        ] {
            for (share, &z) in shares.iter_mut().zip(normals) {
                *share = (level * spread.mul_add(z, 1.0)).clamp(0.0, 1.0);
            }
        }
    }

    /// Draws (p, q) once per partner, when diffusion first needs them, and p/q.
    #[inline(always)]
    pub(super) fn draw(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64]) {
        if self.drawn {
            return;
        }
        self.normals(plan, frame, strata);
        self.parameters([plan.fit.p.ln(), plan.fit.q.ln()], plan.fit.cholesky());
    }

    /// The draws' two normals, in the partner's own random orders of the strata.
    #[inline(always)]
    pub(super) fn normals(&mut self, plan: &Plan<'_>, frame: &Frame, strata: &[f64]) {
        self.drawn = true;
        self.decay_for = None;
        let mut rng = SplitMix64::new(partner_seed(frame.seed, plan.id));
        shuffled_pair_into(&mut rng, strata, [&mut self.z1, &mut self.z2]);
    }

    /// Each draw's p, q and p/q from its normals `z1`, `z2`: (ln p, ln q) = `centre` + L·z.
    #[inline(always)]
    pub(super) fn parameters(&mut self, centre: [f64; 2], [l11, l21, l22]: [f64; 3]) {
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
        for buffer in [&mut self.s, &mut self.exponent, &mut self.start_share] {
            buffer.resize(n, 0.0);
        }
        for buffer in [
            &mut self.slope,
            &mut self.decay,
            &mut self.r,
            &mut self.r_cap,
        ] {
            buffer.resize(n, 0.0);
        }
        if self.decay_for != Some(imitation) {
            self.decay_for = Some(imitation);
            for ((exponent, &p), &q) in self.exponent.iter_mut().zip(&self.p).zip(&self.q) {
                *exponent = -(p + q * imitation);
            }
            exp_in_place(&mut self.exponent);
            for (decay, &exact) in self.decay.iter_mut().zip(&self.exponent) {
                *decay = exact as f32;
            }
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
                State::Varied => {
                    let r = f64::from(*r);
                    (r * (1.0 + *s), (1.0 - *s * r) + next * (1.0 + r))
                }
            };
            let cap_denominator = if capped { cap_share + next } else { 1.0 };
            let inverse = 1.0 / (denominator * cap_denominator);
            *r = (numerator * cap_denominator * inverse) as f32;
            *r_cap = (cap_numerator * denominator * inverse) as f32;
            *s = next;
            // k = m(c + s): with R_c = (1 − c)/(c + s), m(1 + s)/(1 + R_c) simplifies to it.
            *slope = (potential * (cap_share + next)) as f32;
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
                    *out = (share * m) as f32;
                }
                sink.row(t, &self.row);
            }
            State::Varied => {
                for ((out, &r), &s) in self.row.iter_mut().zip(&self.r).zip(&self.s) {
                    *out = (share_of(f64::from(r), s) * m) as f32;
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
