//! Calibration: p and q per partner, fitted to its observed months by bounded least squares
//! (Levenberg–Marquardt on ln p and ln q), or the priors when there are too few months.
//!
//! The model fitted is the model projected: the exact Bass path from the month the gate opens,
//! with the caps and the training factor of each month (`path::adopters`). Residuals are
//! relative to the observed level (at least one person): the least squares of a
//! multiplicative error, so the early months, which decide p, are not drowned by the later,
//! larger ones. The reported fit quality (RMSE, R²) is in people. The spread the Monte Carlo draws from combines the fit's information JᵀJ/σ² with the
//! priors' (information adds), so a fit that pins p and q down gives narrow bands and a fit
//! that cannot tell them apart is no wider than the priors.

use super::drivers::DriverView;
use super::inputs::PartnerInputs;
use super::path::{Course, adopters};
use crate::model::{MAX_IMITATION, MAX_INNOVATION, MIN_IMITATION, MIN_INNOVATION, Month};

/// The level a residual is measured against: the observed adopters, at least one person.
fn relative_to(observed: f64) -> f64 {
    observed.max(1.0)
}

/// Observed months after the gate opens needed to fit rather than use the priors.
pub const MIN_FIT_MONTHS: usize = 4;

const MAX_ITERATIONS: usize = 30;
/// The fit stops when a step gains less than this share of the error, or moves ln p and ln q
/// by less than `SETTLED` (a hundred-thousandth of p and q: far below what the data can tell).
const GAIN: f64 = 1e-6;
const SETTLED: f64 = 1e-5;
/// Step in ln p, ln q for the finite-difference Jacobian.
const PROBE: f64 = 1e-6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitSource {
    Fitted,
    /// Too few observed months after the gate (or no staff to diffuse among).
    Priors,
}

/// A partner's diffusion parameters, per month, and how well they fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub source: FitSource,
    pub p: f64,
    pub q: f64,
    /// Spread of the draws: standard deviations of ln p and ln q and their correlation.
    pub sd_ln_p: f64,
    pub sd_ln_q: f64,
    pub correlation: f64,
    /// Observed months after the gate opened.
    pub months: usize,
    /// Root mean square error in people; `None` for priors.
    pub rmse: Option<f64>,
    /// Share of the observed variation the fit explains; `None` for priors or flat data.
    pub r_squared: Option<f64>,
    /// Standard deviation of the relative residuals (r_t of the objective), with n − 2
    /// degrees of freedom; `None` for priors.
    pub residual_sd: Option<f64>,
    /// Relative standard deviation of an observation around the model: the residuals' own,
    /// pooled with the consortium's (`with_pooled_noise`); what the observed band adds.
    pub noise: f64,
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
        .filter_map(|fit| Some((fit.residual_sd?, fit.months.saturating_sub(2) as f64)))
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
                let dof = self.months.saturating_sub(2) as f64;
                (dof * sd * sd, dof)
            });
        self.noise = ((own.0 + POOL_MONTHS * pooled * pooled) / (own.1 + POOL_MONTHS)).sqrt();
        self
    }
}

impl Fit {
    pub(crate) fn priors(p: f64, q: f64, spread: (f64, f64), months: usize) -> Fit {
        Fit {
            source: FitSource::Priors,
            p: p.clamp(MIN_INNOVATION, MAX_INNOVATION),
            q: q.clamp(MIN_IMITATION, MAX_IMITATION),
            sd_ln_p: spread.0.max(0.0),
            sd_ln_q: spread.1.max(0.0),
            correlation: 0.0,
            months,
            rmse: None,
            r_squared: None,
            residual_sd: None,
            noise: DEFAULT_NOISE,
        }
    }

    /// The lower-triangular factor L of the spread (L·Lᵀ = covariance of ln p, ln q).
    pub(crate) fn cholesky(&self) -> [f64; 3] {
        let rho = if self.correlation.is_finite() {
            self.correlation.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        let l11 = self.sd_ln_p;
        let l21 = rho * self.sd_ln_q;
        let l22 = self.sd_ln_q * (1.0 - rho * rho).max(0.0).sqrt();
        [l11, l21, l22]
    }
}

/// Fits one partner. `programme_start` places the origin when gating is off.
pub(crate) fn fit(
    inputs: &PartnerInputs,
    view: &DriverView<'_>,
    programme_start: Month,
    spread: (f64, f64),
) -> Fit {
    let (prior_p, prior_q) = (inputs.model.prior_p, inputs.model.prior_q);
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
        return Fit::priors(prior_p, prior_q, spread, observed.len());
    };
    if observed.len() < MIN_FIT_MONTHS || potential <= 0.0 {
        return Fit::priors(prior_p, prior_q, spread, observed.len());
    }
    let course = Course::new(view, origin, last);
    let observed = observed
        .iter()
        .filter_map(|&(month, value)| Some((course.index(month)?, value)))
        .collect();
    let problem = Problem {
        course,
        potential,
        observed,
    };
    problem.solve(prior_p, prior_q, spread)
}

struct Problem {
    course: Course,
    potential: f64,
    /// (index in the course, observed adopters).
    observed: Vec<(usize, f64)>,
}

/// Bounds of (ln p, ln q).
pub(crate) fn lower() -> [f64; 2] {
    [MIN_INNOVATION.ln(), MIN_IMITATION.ln()]
}

pub(crate) fn upper() -> [f64; 2] {
    [MAX_INNOVATION.ln(), MAX_IMITATION.ln()]
}

impl Problem {
    fn residuals(&self, theta: [f64; 2], path: &mut Vec<f64>, out: &mut Vec<f64>) -> f64 {
        adopters(
            theta[0].exp(),
            theta[1].exp(),
            self.potential,
            &self.course,
            path,
        );
        out.clear();
        out.extend(
            self.observed
                .iter()
                .map(|&(i, value)| (value - path[i]) / relative_to(value)),
        );
        out.iter().map(|r| r * r).sum()
    }

    /// Jacobian of the residuals in (ln p, ln q), by forward differences that step inwards at
    /// a bound.
    fn jacobian(
        &self,
        theta: [f64; 2],
        base: &[f64],
        path: &mut Vec<f64>,
        probe: &mut Vec<f64>,
    ) -> Vec<[f64; 2]> {
        let mut jacobian = vec![[0.0; 2]; base.len()];
        for k in 0..2 {
            let mut moved = theta;
            let h = if theta[k] + PROBE <= upper()[k] {
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

    fn solve(&self, prior_p: f64, prior_q: f64, spread: (f64, f64)) -> Fit {
        let (mut path, mut residuals, mut trial) = (Vec::new(), Vec::new(), Vec::new());
        let (low, high) = (lower(), upper());
        let clamp = |t: [f64; 2]| [t[0].clamp(low[0], high[0]), t[1].clamp(low[1], high[1])];
        // Start from the best of the priors and a coarse grid, so a poor prior does not trap
        // the fit in a far valley.
        let mut starts = vec![clamp([prior_p.ln(), prior_q.ln()])];
        for p in [0.003_f64, 0.02, 0.1] {
            for q in [0.05_f64, 0.3, 1.0] {
                starts.push([p.ln(), q.ln()]);
            }
        }
        let (mut theta, mut sse) = starts
            .into_iter()
            .map(|t| (t, self.residuals(t, &mut path, &mut residuals)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(([prior_p.ln(), prior_q.ln()], f64::INFINITY));
        let mut lambda = 1e-3;
        let mut probe = Vec::new();
        self.residuals(theta, &mut path, &mut residuals);
        for _ in 0..MAX_ITERATIONS {
            let jacobian = self.jacobian(theta, &residuals, &mut path, &mut probe);
            let (mut h, mut g) = normal_equations(&jacobian, &residuals);
            // A parameter pressed against its bound by the descent stays there; the other is
            // fitted alone (otherwise the steps zigzag along the bound).
            for k in 0..2 {
                let pressed =
                    (theta[k] <= low[k] && g[k] > 0.0) || (theta[k] >= high[k] && g[k] < 0.0);
                if pressed {
                    let other = 1 - k;
                    h[k] = [0.0; 2];
                    h[other][k] = 0.0;
                    h[k][k] = 1.0;
                    g[k] = 0.0;
                }
            }
            let mut improved = false;
            loop {
                let damped = [
                    [h[0][0] * (1.0 + lambda) + 1e-12, h[0][1]],
                    [h[1][0], h[1][1] * (1.0 + lambda) + 1e-12],
                ];
                let Some(delta) = solve2(damped, [-g[0], -g[1]]) else {
                    break;
                };
                let next = clamp([theta[0] + delta[0], theta[1] + delta[1]]);
                // A step this small (or pressed against a bound) means the fit has settled.
                if (next[0] - theta[0]).abs().max((next[1] - theta[1]).abs()) < SETTLED {
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
        self.report(theta, sse, spread)
    }

    fn report(&self, theta: [f64; 2], sse: f64, spread: (f64, f64)) -> Fit {
        let (mut path, mut residuals, mut probe) = (Vec::new(), Vec::new(), Vec::new());
        self.residuals(theta, &mut path, &mut residuals);
        let jacobian = self.jacobian(theta, &residuals, &mut path, &mut probe);
        let (h, _) = normal_equations(&jacobian, &residuals);
        let n = self.observed.len();
        // σ² from the residuals; a perfect fit still keeps a hair of spread.
        let sigma2 = (sse / (n.saturating_sub(2).max(1)) as f64).max(1e-12);
        let prior = |sd: f64| if sd > 0.0 { 1.0 / (sd * sd) } else { 1e12 };
        let information = [
            [h[0][0] / sigma2 + prior(spread.0), h[0][1] / sigma2],
            [h[1][0] / sigma2, h[1][1] / sigma2 + prior(spread.1)],
        ];
        let covariance = invert2(information)
            .unwrap_or([[spread.0 * spread.0, 0.0], [0.0, spread.1 * spread.1]]);
        let sd_ln_p = covariance[0][0].max(0.0).sqrt();
        let sd_ln_q = covariance[1][1].max(0.0).sqrt();
        let correlation = if sd_ln_p > 0.0 && sd_ln_q > 0.0 {
            (covariance[0][1] / (sd_ln_p * sd_ln_q)).clamp(-1.0, 1.0)
        } else {
            0.0
        };
        // Back to people for the fit's quality.
        let people: f64 = self
            .observed
            .iter()
            .zip(&residuals)
            .map(|(&(_, value), r)| (r * relative_to(value)).powi(2))
            .sum();
        let mean = self.observed.iter().map(|(_, v)| v).sum::<f64>() / n as f64;
        let total: f64 = self.observed.iter().map(|(_, v)| (v - mean).powi(2)).sum();
        Fit {
            source: FitSource::Fitted,
            p: theta[0].exp(),
            q: theta[1].exp(),
            sd_ln_p,
            sd_ln_q,
            correlation,
            months: n,
            rmse: Some((people / n as f64).sqrt()),
            r_squared: (total > 0.0).then(|| 1.0 - people / total),
            residual_sd: Some((sse / n.saturating_sub(2).max(1) as f64).sqrt()),
            noise: DEFAULT_NOISE,
        }
    }
}

/// JᵀJ and Jᵀr.
fn normal_equations(jacobian: &[[f64; 2]], residuals: &[f64]) -> ([[f64; 2]; 2], [f64; 2]) {
    let mut h = [[0.0; 2]; 2];
    let mut g = [0.0; 2];
    for (row, r) in jacobian.iter().zip(residuals) {
        for i in 0..2 {
            g[i] += row[i] * r;
            for j in 0..2 {
                h[i][j] += row[i] * row[j];
            }
        }
    }
    (h, g)
}

fn solve2(a: [[f64; 2]; 2], b: [f64; 2]) -> Option<[f64; 2]> {
    let inverse = invert2(a)?;
    Some([
        inverse[0][0] * b[0] + inverse[0][1] * b[1],
        inverse[1][0] * b[0] + inverse[1][1] * b[1],
    ])
}

fn invert2(a: [[f64; 2]; 2]) -> Option<[[f64; 2]; 2]> {
    let det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    if !det.is_finite() || det.abs() < 1e-300 {
        return None;
    }
    Some([
        [a[1][1] / det, -a[0][1] / det],
        [-a[1][0] / det, a[0][0] / det],
    ])
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
        fit(&inputs, &view, start(), (0.5, 0.35))
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
        let gated_fit = fit(&gated, &view, start(), (0.5, 0.35));
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
