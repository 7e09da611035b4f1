//! Calibration: p, q and the ceiling per partner, fitted to its observed months by bounded
//! least squares (Levenberg–Marquardt on ln p, ln q and ln ceiling), or the priors when there
//! are too few months.
//!
//! The model fitted is the model projected: the exact Bass path from the month the gate opens,
//! with the caps and the training factor of each month (`path::adopters`). Residuals are
//! relative to the observed level (at least one person): the least squares of a
//! multiplicative error, so the early months, which decide p, are not drowned by the later,
//! larger ones. The reported fit quality (RMSE, R²) is in people.
//!
//! The ceiling (the share of smartable staff that will ever work agile) has a prior around
//! the model's ceiling share: p and q are fitted first with the ceiling at its prior centre,
//! then all three together with the prior's pull as one more residual. Data that reach the
//! plateau move the ceiling where they are; data far from it leave it near the prior, and
//! its spread nearly the prior's.
//!
//! The spread the Monte Carlo draws from combines the fit's information JᵀJ/σ² with the
//! priors' (information adds), so a fit that pins the parameters down gives narrow bands and
//! a fit that cannot tell them apart is no wider than the priors.

mod linear;

use super::drivers::DriverView;
use super::inputs::PartnerInputs;
use super::path::{Course, adopters};
use crate::model::{MAX_IMITATION, MAX_INNOVATION, MIN_IMITATION, MIN_INNOVATION, Month};
use linear::{Matrix, PARAMS, Vector, invert, normal_equations, solve};

/// The level a residual is measured against: the observed adopters, at least one person.
fn relative_to(observed: f64) -> f64 {
    observed.max(1.0)
}

/// Observed months after the gate opens needed to fit rather than use the priors.
pub const MIN_FIT_MONTHS: usize = 4;

const MAX_ITERATIONS: usize = 30;
/// The fit stops when a step gains less than this share of the error, or moves the parameters
/// (logarithms) by less than `SETTLED` (a hundred-thousandth: far below what data can tell).
const GAIN: f64 = 1e-6;
const SETTLED: f64 = 1e-5;
/// Step in the logarithms for the finite-difference Jacobian.
const PROBE: f64 = 1e-6;
/// The ceiling share stays between these (of smartable staff).
const CEILING_BOUNDS: (f64, f64) = (0.05, 1.0);
/// Fits of the three parameters at most, each weighing the prior against the noise the last
/// one left (they settle within a tenth in two or three).
const CEILING_ROUNDS: usize = 4;
/// The residual sd the ceiling's prior is weighed against is at least this: data fitted
/// nearly exactly would otherwise leave the ceiling no prior at all where they cannot tell it.
const MIN_PRIOR_NOISE: f64 = 0.005;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitSource {
    Fitted,
    /// Too few observed months after the gate (or no staff to diffuse among).
    Priors,
}

/// A partner's diffusion parameters, per month, its ceiling, and how well they fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub source: FitSource,
    pub p: f64,
    pub q: f64,
    /// Spread of the draws: standard deviations of ln p and ln q and their correlation.
    pub sd_ln_p: f64,
    pub sd_ln_q: f64,
    pub correlation: f64,
    /// The ceiling share of smartable staff: fitted with its prior, or the prior's centre.
    pub ceiling: f64,
    /// Standard deviation of ln ceiling; 0 when the ceiling is taken as exact.
    pub sd_ln_ceiling: f64,
    /// How far ln p and ln q move, within the fit's spread, per unit of ln ceiling: with the
    /// same observations, a higher ceiling goes with a lower p, for instance.
    pub ceiling_slopes: [f64; 2],
    /// Observed months after the gate opened.
    pub months: usize,
    /// Root mean square error in people; `None` for priors.
    pub rmse: Option<f64>,
    /// Share of the observed variation the fit explains; `None` for priors or flat data.
    pub r_squared: Option<f64>,
    /// Standard deviation of the relative residuals (r_t of the objective), with n − 2
    /// degrees of freedom (n − 3 when the ceiling is fitted too); `None` for priors.
    pub residual_sd: Option<f64>,
    /// Relative standard deviation of an observation around the model: the residuals' own,
    /// pooled with the consortium's (`with_pooled_noise`); what the observed band adds.
    pub noise: f64,
    /// JᵀJ of the relative residuals in (ln p, ln q, ln ceiling) at the fit (zeros for priors),
    /// and the priors' standard deviations: the spread is recomputed from them once the noise
    /// is pooled.
    pub(crate) information: Matrix,
    pub(crate) prior_spread: Vector,
}

/// Noise assumed when no partner has enough months to estimate it (relative sd of an
/// observation): a programme assumption, replaced as soon as one partner is fitted.
pub const DEFAULT_NOISE: f64 = 0.03;
/// Months of the consortium's pooled noise a partner's own estimate is weighed against: a
/// partner with 6 months of residuals counts half its own, half the consortium's.
pub const POOL_MONTHS: f64 = 6.0;

/// The consortium's noise: the residual variances of the fitted partners, weighed by their
/// degrees of freedom; `DEFAULT_NOISE` when none is fitted.
pub(crate) fn pooled_noise<'a>(fits: impl Iterator<Item = &'a Fit>) -> f64 {
    let (sum, dof) = fits
        .filter_map(|fit| Some((fit.residual_sd?, fit.degrees_of_freedom())))
        .filter(|(sd, dof)| sd.is_finite() && *dof > 0.0)
        .fold((0.0, 0.0), |(sum, n), (sd, dof)| {
            (sum + dof * sd * sd, n + dof)
        });
    if dof > 0.0 {
        (sum / dof).sqrt()
    } else {
        DEFAULT_NOISE
    }
}

impl Fit {
    /// The fit with its noise: its own residuals' and the pooled, weighed by their months.
    pub(crate) fn with_pooled_noise(mut self, pooled: f64) -> Fit {
        let own = self
            .residual_sd
            .filter(|sd| sd.is_finite())
            .map_or((0.0, 0.0), |sd| {
                let dof = self.degrees_of_freedom();
                (dof * sd * sd, dof)
            });
        self.noise = ((own.0 + POOL_MONTHS * pooled * pooled) / (own.1 + POOL_MONTHS)).sqrt();
        match self.source {
            FitSource::Fitted => self.with_spread(self.noise),
            FitSource::Priors => self,
        }
    }

    /// The residuals' degrees of freedom: the months fitted less the parameters (p, q, and
    /// the ceiling when it was fitted too).
    pub(crate) fn degrees_of_freedom(&self) -> f64 {
        let parameters = if self.sd_ln_ceiling > 0.0 { 3 } else { 2 };
        self.months.saturating_sub(parameters) as f64
    }
}

/// What is assumed of a partner before its data speak: p and q with their spread (sd of
/// ln p and ln q), and the ceiling share with the sd of its logarithm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Prior {
    pub p: f64,
    pub q: f64,
    pub spread: (f64, f64),
    pub ceiling: f64,
    pub ceiling_spread: f64,
}

impl Fit {
    pub(crate) fn priors(prior: &Prior, months: usize) -> Fit {
        Fit {
            source: FitSource::Priors,
            p: prior.p.clamp(MIN_INNOVATION, MAX_INNOVATION),
            q: prior.q.clamp(MIN_IMITATION, MAX_IMITATION),
            sd_ln_p: prior.spread.0.max(0.0),
            sd_ln_q: prior.spread.1.max(0.0),
            correlation: 0.0,
            ceiling: prior.ceiling.clamp(CEILING_BOUNDS.0, CEILING_BOUNDS.1),
            sd_ln_ceiling: prior.ceiling_spread.max(0.0),
            ceiling_slopes: [0.0; 2],
            months,
            rmse: None,
            r_squared: None,
            residual_sd: None,
            noise: DEFAULT_NOISE,
            information: [[0.0; PARAMS]; PARAMS],
            prior_spread: [prior.spread.0, prior.spread.1, prior.ceiling_spread],
        }
    }

    /// The lower-triangular factor L of the spread (L·Lᵀ = covariance of ln p, ln q).
    pub(crate) fn cholesky(&self) -> [f64; 3] {
        let rho = if self.correlation.is_finite() {
            self.correlation.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        factor(
            self.sd_ln_p * self.sd_ln_p,
            rho * self.sd_ln_p * self.sd_ln_q,
            self.sd_ln_q * self.sd_ln_q,
        )
    }

    /// L of the spread of ln p and ln q once the ceiling is known: the covariance less what
    /// the ceiling's own spread explains (the draws of a group share one ceiling).
    pub(crate) fn cholesky_given_ceiling(&self) -> [f64; 3] {
        let [l11, l21, l22] = self.cholesky();
        let vc = self.sd_ln_ceiling * self.sd_ln_ceiling;
        let [bp, bq] = self.ceiling_slopes;
        factor(
            l11 * l11 - bp * bp * vc,
            l11 * l21 - bp * bq * vc,
            l21 * l21 + l22 * l22 - bq * bq * vc,
        )
    }
}

/// L with L·Lᵀ = [[pp, pq], [pq, qq]], a covariance that may have lost a hair of positivity
/// to rounding.
fn factor(pp: f64, pq: f64, qq: f64) -> [f64; 3] {
    let l11 = pp.max(0.0).sqrt();
    let l21 = if l11 > 0.0 { pq / l11 } else { 0.0 };
    let l22 = (qq - l21 * l21).max(0.0).sqrt();
    [l11, l21, l22]
}

/// Fits one partner. `programme_start` places the origin when gating is off.
pub(crate) fn fit(
    inputs: &PartnerInputs,
    view: &DriverView<'_>,
    programme_start: Month,
    spread: (f64, f64),
    ceiling_spread: f64,
) -> Fit {
    let prior = Prior {
        p: inputs.model.prior_p,
        q: inputs.model.prior_q,
        spread,
        ceiling: inputs.model.ceiling_share,
        ceiling_spread,
    };
    let potential = inputs.potential();
    let origin = view.origin(programme_start);
    let last = inputs.last_observation().map(|(month, _)| month);
    let observed: Vec<(Month, f64)> = match origin {
        Some(origin) => inputs
            .observations
            .iter()
            .copied()
            .filter(|(month, _)| *month >= origin)
            .collect(),
        None => Vec::new(),
    };
    let (Some(origin), Some(last)) = (origin, last) else {
        return Fit::priors(&prior, observed.len());
    };
    if observed.len() < MIN_FIT_MONTHS || potential <= 0.0 {
        return Fit::priors(&prior, observed.len());
    }
    let course = Course::new(view, origin, last);
    let observed = observed
        .iter()
        .filter_map(|&(month, value)| Some((course.index(month)?, value)))
        .collect();
    let problem = Problem {
        course,
        smartable: inputs.smartable,
        observed,
        ceiling_pull: None,
    };
    problem.solve(&prior)
}

struct Problem {
    course: Course,
    smartable: f64,
    /// (index in the course, observed adopters).
    observed: Vec<(usize, f64)>,
    /// The ceiling's prior as one more residual: (ln of its centre, weight σ̂/τ), so the sum
    /// of squares is the data's plus σ̂²·((ln c − ln c₀)/τ)², the MAP objective.
    ceiling_pull: Option<(f64, f64)>,
}

/// Bounds of (ln p, ln q).
pub(crate) fn lower() -> [f64; 2] {
    [MIN_INNOVATION.ln(), MIN_IMITATION.ln()]
}

pub(crate) fn upper() -> [f64; 2] {
    [MAX_INNOVATION.ln(), MAX_IMITATION.ln()]
}

fn lower3() -> Vector {
    let [p, q] = lower();
    [p, q, CEILING_BOUNDS.0.ln()]
}

fn upper3() -> Vector {
    let [p, q] = upper();
    [p, q, CEILING_BOUNDS.1.ln()]
}

impl Problem {
    /// The residuals at `theta` (the data's, then the ceiling's pull if any) and their sum of
    /// squares.
    fn residuals(&self, theta: Vector, path: &mut Vec<f64>, out: &mut Vec<f64>) -> f64 {
        adopters(
            theta[0].exp(),
            theta[1].exp(),
            self.smartable * theta[2].exp(),
            &self.course,
            path,
        );
        out.clear();
        out.extend(
            self.observed
                .iter()
                .map(|&(i, value)| (value - path[i]) / relative_to(value)),
        );
        if let Some((centre, weight)) = self.ceiling_pull {
            out.push(weight * (theta[2] - centre));
        }
        out.iter().map(|r| r * r).sum()
    }

    /// Jacobian of the residuals in the `free` parameters, by forward differences that step
    /// inwards at a bound; columns of held parameters are 0.
    fn jacobian(
        &self,
        theta: Vector,
        free: [bool; PARAMS],
        base: &[f64],
        path: &mut Vec<f64>,
        probe: &mut Vec<f64>,
    ) -> Vec<Vector> {
        let mut jacobian = vec![[0.0; PARAMS]; base.len()];
        for k in (0..PARAMS).filter(|&k| free[k]) {
            let mut moved = theta;
            let h = if theta[k] + PROBE <= upper3()[k] {
                PROBE
            } else {
                -PROBE
            };
            moved[k] += h;
            self.residuals(moved, path, probe);
            for (row, (after, before)) in jacobian.iter_mut().zip(probe.iter().zip(base)) {
                row[k] = (after - before) / h;
            }
        }
        jacobian
    }

    fn solve(mut self, prior: &Prior) -> Fit {
        let mut path = Vec::new();
        let (low, high) = (lower3(), upper3());
        let clamp = |t: Vector| std::array::from_fn(|k| t[k].clamp(low[k], high[k]));
        let ceiling = prior.ceiling.clamp(CEILING_BOUNDS.0, CEILING_BOUNDS.1).ln();
        // Start from the best of the priors and a coarse grid, so a poor prior does not trap
        // the fit in a far valley.
        let mut starts = vec![clamp([prior.p.ln(), prior.q.ln(), ceiling])];
        for p in [0.003_f64, 0.02, 0.1] {
            for q in [0.05_f64, 0.3, 1.0] {
                starts.push([p.ln(), q.ln(), ceiling]);
            }
        }
        let mut residuals = Vec::new();
        let start = starts
            .into_iter()
            .map(|t| (t, self.residuals(t, &mut path, &mut residuals)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(starts_fallback(prior, ceiling), |(t, _)| t);
        // p and q with the ceiling at its prior's centre.
        let mut theta = self.descend(start, [true, true, false]);
        if prior.ceiling_spread > 0.0 {
            // Then the three together, the prior pulling the ceiling back as strongly as the
            // data's own noise against its spread. The noise is measured again after each
            // fit: with the ceiling at its prior's centre the residuals hold the misfit of a
            // wrong ceiling too, which would pull it back too hard.
            let dof = self.observed.len().saturating_sub(3).max(1) as f64;
            let mut noise = f64::INFINITY;
            for _ in 0..CEILING_ROUNDS {
                self.ceiling_pull = None;
                let sse = self.residuals(theta, &mut path, &mut residuals);
                let measured = (sse / dof).sqrt().max(MIN_PRIOR_NOISE);
                if (measured - noise).abs() < 0.1 * noise {
                    break;
                }
                noise = measured;
                self.ceiling_pull = Some((ceiling, noise / prior.ceiling_spread));
                theta = self.descend(theta, [true; PARAMS]);
            }
            self.ceiling_pull = None;
        }
        self.report(theta, prior)
    }

    /// Levenberg–Marquardt from `theta` in the `free` parameters. A parameter pressed against
    /// its bound by the descent stays there and the others are fitted (otherwise the steps
    /// zigzag along the bound).
    fn descend(&self, mut theta: Vector, free: [bool; PARAMS]) -> Vector {
        let (mut path, mut residuals, mut trial, mut probe) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (low, high) = (lower3(), upper3());
        let clamp = |t: Vector| -> Vector { std::array::from_fn(|k| t[k].clamp(low[k], high[k])) };
        let mut sse = self.residuals(theta, &mut path, &mut residuals);
        let mut lambda = 1e-3;
        for _ in 0..MAX_ITERATIONS {
            let jacobian = self.jacobian(theta, free, &residuals, &mut path, &mut probe);
            let (mut h, mut g) = normal_equations(&jacobian, &residuals);
            for k in 0..PARAMS {
                let pressed =
                    (theta[k] <= low[k] && g[k] > 0.0) || (theta[k] >= high[k] && g[k] < 0.0);
                if pressed || !free[k] {
                    hold(&mut h, &mut g, k);
                }
            }
            let mut improved = false;
            loop {
                let mut damped = h;
                for (k, row) in damped.iter_mut().enumerate() {
                    row[k] = row[k] * (1.0 + lambda) + 1e-12;
                }
                let Some(delta) = solve(damped, g.map(|g| -g)) else {
                    break;
                };
                let next = clamp(std::array::from_fn(|k| theta[k] + delta[k]));
                // A step this small (or pressed against a bound) means the fit has settled.
                let moved = (0..PARAMS)
                    .map(|k| (next[k] - theta[k]).abs())
                    .fold(0.0, f64::max);
                if moved < SETTLED {
                    break;
                }
                let next_sse = self.residuals(next, &mut path, &mut trial);
                if next_sse < sse {
                    improved = (sse - next_sse) / sse.max(f64::MIN_POSITIVE) > GAIN;
                    theta = next;
                    sse = next_sse;
                    std::mem::swap(&mut residuals, &mut trial);
                    lambda = (lambda / 3.0).max(1e-12);
                    break;
                }
                lambda *= 4.0;
            }
            if !improved {
                break;
            }
        }
        theta
    }

    fn report(&self, theta: Vector, prior: &Prior) -> Fit {
        let (mut path, mut residuals, mut probe) = (Vec::new(), Vec::new(), Vec::new());
        let sse = self.residuals(theta, &mut path, &mut residuals);
        let with_ceiling = prior.ceiling_spread > 0.0;
        let free = [true, true, with_ceiling];
        let jacobian = self.jacobian(theta, free, &residuals, &mut path, &mut probe);
        let (information, _) = normal_equations(&jacobian, &residuals);
        let n = self.observed.len();
        let dof = n.saturating_sub(if with_ceiling { 3 } else { 2 }).max(1) as f64;
        // Back to people for the fit's quality (the ceiling's pull is not an observation).
        let people: f64 = self
            .observed
            .iter()
            .zip(&residuals)
            .map(|(&(_, value), r)| (r * relative_to(value)).powi(2))
            .sum();
        let mean = self.observed.iter().map(|(_, v)| v).sum::<f64>() / n as f64;
        let total: f64 = self.observed.iter().map(|(_, v)| (v - mean).powi(2)).sum();
        let residual_sd = (sse / dof).sqrt();
        let fit = Fit {
            source: FitSource::Fitted,
            p: theta[0].exp(),
            q: theta[1].exp(),
            sd_ln_p: 0.0,
            sd_ln_q: 0.0,
            correlation: 0.0,
            ceiling: theta[2].exp(),
            sd_ln_ceiling: 0.0,
            ceiling_slopes: [0.0; 2],
            months: n,
            rmse: Some((people / n as f64).sqrt()),
            r_squared: (total > 0.0).then(|| 1.0 - people / total),
            residual_sd: Some(residual_sd),
            noise: DEFAULT_NOISE,
            information,
            prior_spread: [prior.spread.0, prior.spread.1, prior.ceiling_spread],
        };
        fit.with_spread(residual_sd)
    }
}

impl Fit {
    /// The draws' spread for an observation noise `sd`: the covariance (JᵀJ/σ² + P⁻¹)⁻¹ of
    /// ln p, ln q and ln ceiling, with P the priors'. A fit with few months measures its own
    /// noise poorly (six months of 2% noise can leave residuals of 0.7%), so the spread is
    /// computed again with the pooled noise (`with_pooled_noise`).
    fn with_spread(mut self, sd: f64) -> Fit {
        let with_ceiling = self.prior_spread[2] > 0.0;
        // A perfect fit still keeps a hair of spread.
        let sigma2 = (sd * sd).max(1e-12);
        let precision = |sd: f64| if sd > 0.0 { 1.0 / (sd * sd) } else { 1e12 };
        let mut h = self.information;
        for (i, row) in h.iter_mut().enumerate() {
            for value in row.iter_mut() {
                *value /= sigma2;
            }
            row[i] += precision(self.prior_spread[i]);
        }
        if !with_ceiling {
            hold(&mut h, &mut [0.0; PARAMS], 2);
        }
        let covariance: Matrix = invert(h).unwrap_or_else(|| {
            let variance = self.prior_spread.map(|sd| sd * sd);
            std::array::from_fn(|i| std::array::from_fn(|j| if i == j { variance[i] } else { 0.0 }))
        });
        let sd: Vector = std::array::from_fn(|k| covariance[k][k].max(0.0).sqrt());
        self.sd_ln_p = sd[0];
        self.sd_ln_q = sd[1];
        self.correlation = if sd[0] > 0.0 && sd[1] > 0.0 {
            (covariance[0][1] / (sd[0] * sd[1])).clamp(-1.0, 1.0)
        } else {
            0.0
        };
        (self.sd_ln_ceiling, self.ceiling_slopes) = if with_ceiling && covariance[2][2] > 0.0 {
            (
                sd[2],
                [
                    covariance[0][2] / covariance[2][2],
                    covariance[1][2] / covariance[2][2],
                ],
            )
        } else {
            (0.0, [0.0; 2])
        };
        self
    }
}

/// The priors' own point, when no start could be evaluated.
fn starts_fallback(prior: &Prior, ceiling: f64) -> Vector {
    [prior.p.ln(), prior.q.ln(), ceiling]
}

/// Parameter `k` held where it is: no gradient, no coupling, a unit diagonal.
fn hold(h: &mut Matrix, g: &mut Vector, k: usize) {
    for (i, row) in h.iter_mut().enumerate() {
        row[k] = 0.0;
        if i == k {
            *row = [0.0; PARAMS];
        }
    }
    h[k][k] = 1.0;
    g[k] = 0.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::month;
    use crate::analysis::projection::bass::cumulative;
    use crate::analysis::projection::draws::SplitMix64;
    use crate::analysis::projection::settings::Drivers;
    use crate::model::ModelSettings;

    fn inputs(observations: Vec<(Month, f64)>) -> PartnerInputs {
        PartnerInputs {
            smartable: 2000.0,
            model: ModelSettings {
                ceiling_share: 0.5,
                ..ModelSettings::default()
            },
            gate: None,
            agreements: None,
            devices: Vec::new(),
            completion: Vec::new(),
            observations,
            agile_days: 8.0,
            person_hours: 0.0,
            equipment_cost: Default::default(),
            changed: false,
            ahead: Default::default(),
        }
    }

    fn start() -> Month {
        month("2025-01")
    }

    /// m·F(t) for months 1..=months with multiplicative Gaussian noise of `noise` (sd).
    fn synthetic(p: f64, q: f64, months: i32, noise: f64, seed: u64) -> Vec<(Month, f64)> {
        let mut rng = SplitMix64::new(seed);
        (1..=months)
            .map(|t| {
                // Box–Muller: a standard normal from two uniforms.
                let (u1, u2) = (1.0 - rng.unit(), rng.unit());
                let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
                let exact = 1000.0 * cumulative(p, q, f64::from(t));
                (start().plus(t - 1), exact * (1.0 + noise * z))
            })
            .collect()
    }

    fn fit_plain(observations: Vec<(Month, f64)>) -> Fit {
        let inputs = inputs(observations);
        let view = DriverView {
            inputs: &inputs,
            drivers: Drivers::NONE,
        };
        fit(&inputs, &view, start(), (0.5, 0.35), 0.2)
    }

    #[test]
    fn recovers_known_parameters_from_noisy_synthetic_data() {
        for (p, q, seed) in [
            (0.03, 0.38, 1),
            (0.01, 0.6, 2),
            (0.05, 0.2, 3),
            (0.02, 0.45, 4),
        ] {
            let fit = fit_plain(synthetic(p, q, 36, 0.03, seed));
            assert_eq!(fit.source, FitSource::Fitted);
            assert!(((fit.p - p) / p).abs() < 0.10, "p {p}: fitted {}", fit.p);
            assert!(((fit.q - q) / q).abs() < 0.10, "q {q}: fitted {}", fit.q);
            assert!(fit.r_squared.unwrap() > 0.99, "{fit:?}");
            assert!(fit.rmse.unwrap() < 30.0, "{fit:?}");
        }
    }

    #[test]
    fn exact_data_is_fitted_exactly_and_tightly() {
        let fit = fit_plain(synthetic(0.03, 0.38, 24, 0.0, 9));
        assert!(((fit.p - 0.03) / 0.03).abs() < 1e-4, "{fit:?}");
        assert!(((fit.q - 0.38) / 0.38).abs() < 1e-4, "{fit:?}");
        assert!(fit.sd_ln_p < 0.01 && fit.sd_ln_q < 0.01, "{fit:?}");
        assert!(fit.rmse.unwrap() < 1e-3);
    }

    #[test]
    fn too_few_months_fall_back_to_the_priors() {
        let few = fit_plain(synthetic(0.1, 0.9, 3, 0.0, 5));
        assert_eq!(few.source, FitSource::Priors);
        assert_eq!((few.p, few.q), (0.03, 0.38));
        assert_eq!((few.sd_ln_p, few.sd_ln_q), (0.5, 0.35));
        assert_eq!(few.months, 3);
        assert_eq!(few.rmse, None);
        // Months before the gate do not count: gate in the 34th of 36 months.
        let mut gated = inputs(synthetic(0.03, 0.38, 36, 0.0, 5));
        gated.gate = Some(start().plus(33));
        let view = DriverView {
            inputs: &gated,
            drivers: Drivers::ALL,
        };
        let gated_fit = fit(&gated, &view, start(), (0.5, 0.35), 0.2);
        assert_eq!((gated_fit.source, gated_fit.months), (FitSource::Priors, 3));
    }

    #[test]
    fn the_spread_is_never_wider_than_the_priors() {
        let fit = fit_plain(synthetic(0.03, 0.38, 6, 0.3, 11));
        assert_eq!(fit.source, FitSource::Fitted);
        assert!(fit.sd_ln_p <= 0.5 && fit.sd_ln_q <= 0.35, "{fit:?}");
        let [l11, l21, l22] = fit.cholesky();
        assert!((l11 * l11 - fit.sd_ln_p.powi(2)).abs() < 1e-12);
        assert!((l21 * l21 + l22 * l22 - fit.sd_ln_q.powi(2)).abs() < 1e-12);
    }
}
