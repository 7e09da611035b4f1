//! A partner whose drivers ahead have uncertain timing (`timing`) or whose ceiling is uncertain
//! (`ceiling`): its draws split into equal groups, each run under its own drivers and
//! potential, adding its months to its columns of the chunk's totals and, when the band is
//! wanted, copying them into a matrix of the partner's months × draws, whose rows are then
//! handed to the sink's quantiles month by month as if one run had made them. The draws are
//! drawn once for the partner and each group takes its slice, so the groups are random fifths
//! of the same draws a partner without uncertain timing would have.

use super::{Frame, PartnerDraws, Plan, Scratch, Sink};

/// Buffers reused from partner to partner by one thread.
#[derive(Default)]
pub(super) struct GroupBuffers {
    draws: PartnerDraws,
    /// The partner's adopters, month by month (rows of all its draws), when its band is
    /// wanted.
    matrix: Vec<f32>,
    /// Per month, the sum over the groups' draws.
    sums: Vec<f64>,
    /// A group's mean per month, reused from group to group.
    mean: Vec<f64>,
    scratch: Scratch,
}

/// Inlined into each of `chunk_simd`'s copies, with the runs of the groups.
#[inline(always)]
pub(super) fn simulate_groups(
    parent: &mut PartnerDraws,
    buffers: &mut GroupBuffers,
    plan: &Plan<'_>,
    frame: &Frame,
    strata: &[f64],
    sink: &mut Sink<'_>,
) {
    let (n, h) = (frame.draws, frame.horizon);
    let given_ceiling = plan.fit.cholesky_given_ceiling();
    // When the ceiling moves p and q, every group draws its own from the partner's normals:
    // the partner's own p and q are not needed.
    let redrawn = given_ceiling != plan.fit.cholesky();
    parent.drawn = false;
    if redrawn {
        parent.normals(plan, frame, strata);
    } else {
        parent.draw(plan, frame, strata);
    }
    // A band needs each month's draws together: the groups copy them into the partner's
    // matrix as they add them to their columns of the chunk's totals, and the matrix is
    // handed on month by month.
    let gather = sink.band.is_some();
    buffers.sums.clear();
    buffers.sums.resize(h, 0.0);
    if gather {
        // Every group writes every reported month of its columns, so what the previous
        // partner left is overwritten, never read. Debug builds fill it with NaN to show it.
        buffers.matrix.resize(h * n, 0.0);
        if cfg!(debug_assertions) {
            buffers.matrix.fill(f32::NAN);
        }
    }
    let count = plan.groups.len();
    for (k, group_of) in plan.groups.iter().enumerate() {
        let (lo, hi) = (k * n / count, (k + 1) * n / count);
        if lo == hi {
            continue;
        }
        let width = hi - lo;
        let group = &mut buffers.draws;
        for (mine, all) in [(&mut group.z1, &parent.z1), (&mut group.z2, &parent.z2)] {
            mine.clear();
            mine.extend_from_slice(&all[lo..hi]);
        }
        if redrawn || group_of.shift != [0.0; 2] {
            // The group's ceiling moves its draws' parameters: drawn again from the same
            // normals around the centre that goes with that ceiling.
            let centre = [plan.fit.p.ln(), plan.fit.q.ln()];
            group.parameters(
                [centre[0] + group_of.shift[0], centre[1] + group_of.shift[1]],
                given_ceiling,
            );
        } else {
            for (mine, all) in [
                (&mut group.p, &parent.p),
                (&mut group.q, &parent.q),
                (&mut group.p_over_q, &parent.p_over_q),
            ] {
                mine.clear();
                mine.extend_from_slice(&all[lo..hi]);
            }
        }
        group.drawn = true;
        group.decay_for = None;
        let group_frame = Frame {
            draws: width,
            ..*frame
        };
        let group_plan = Plan {
            id: plan.id,
            view: group_of.view,
            fit: plan.fit,
            potential: group_of.potential,
            start: plan.start,
            start_people: plan.start_people,
            start_spread: plan.start_spread,
            noise: plan.noise,
            floor: plan.floor,
            band: false,
            groups: Vec::new(),
        };
        let mut group_sink = Sink {
            total: &mut sink.total[lo..],
            stride: n,
            offset: None,
            draws: width,
            gathered: gather.then(|| &mut buffers.matrix[lo..]),
            mean: std::mem::take(&mut buffers.mean),
            band: None,
            scratch: &mut buffers.scratch,
            noise: None,
        };
        group_sink.mean.clear();
        group_sink.mean.resize(h, 0.0);
        group.run(&group_plan, &group_frame, strata, &mut group_sink);
        for (sum, mean) in buffers.sums.iter_mut().zip(&group_sink.mean) {
            *sum += mean * width as f64;
        }
        buffers.mean = group_sink.mean;
    }
    for t in 0..h {
        sink.set_mean(t, buffers.sums[t]);
        if gather {
            let row = &buffers.matrix[t * n..(t + 1) * n];
            debug_assert!(row.iter().all(|v| !v.is_nan()), "month {t} not written");
            sink.quantiles(t, row, None);
        }
    }
}
