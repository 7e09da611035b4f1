//! The projection engine: smart workers per partner, month by month from the last observation
//! to a horizon, by a Bass diffusion model with drivers (gating, pilot and equipment caps,
//! training), calibrated on each partner's observations, with Monte Carlo bands. Formulas,
//! coefficients and sources are in docs/model.md; each file repeats the detail of its part.
//!
//! Shape of a run:
//! 1. `inputs`: each partner as the scenario plans it (the project is read, never copied);
//! 2. `calibrate`: p and q per partner from the baseline's observations (cacheable per
//!    revision: a scenario changes plans, not what was observed);
//! 3. `partners`: where each partner's projection starts (its last observation, moved by the
//!    difference a scenario's changes to the past make to the model's own path, `path`), run
//!    in chunks on every core (`parallel`);
//! 4. `monte_carlo`: N draws per partner through the exact Bass step (`bass`) under the
//!    month's drivers (`drivers`), P10/P50/P90 per partner and for the consortium (`bands`);
//! 5. `comparison`: a scenario against the baseline.
//!
//! The months projected are those after the project's last observed month (or the whole
//! programme when nothing is observed yet), `horizon` of them.

mod backtest;
mod bands;
mod bass;
mod calibrate;
mod ceiling;
// Calls the chunk runner compiled for AVX2 or AVX-512: needs `unsafe`.
#[allow(unsafe_code)]
mod chunk_simd;
mod comparison;
mod counts;
mod draws;
mod drivers;
mod fast_exp;
mod inputs;
mod kernel;
mod monte_carlo;
mod parallel;
mod partners;
mod path;
mod settings;
mod sink;
#[cfg(test)]
mod synthetic_tests;
#[cfg(test)]
mod tests;
mod timing;

use std::collections::BTreeMap;

pub use backtest::{
    Backtest, DEFAULT_CUTOFFS, MIN_COMPARISONS, PastForecast, Score, Subject, as_known_at, backtest,
};
pub use bands::Quantiles;
pub use bass::{cumulative, step};
pub use calibrate::{DEFAULT_NOISE, Fit, FitSource, MIN_FIT_MONTHS, POOL_MONTHS};
pub use comparison::{
    CO2_KG_PER_REMOTE_YEAR, Comparison, KM_PER_REMOTE_YEAR, MAX_AGILE_DAYS, MonthComparison,
    POLA_FLOOR, Pair, Rule, RuleWarning, compare,
};
pub use inputs::EXPECTED_LEAD_MONTHS;
pub use settings::{
    BandKind, DEFAULT_CEILING_SPREAD, Drivers, MAX_DRAWS, MAX_HORIZON, PartnerBands,
    ProjectionSettings,
};
pub use timing::{DEFAULT_DELAYS, MIN_EXAMPLES};

use crate::model::{Cents, ModelSettings, Month, Partner, PartnerId, Project, Scenario};
use drivers::DriverView;
use inputs::{PartnerInputs, consortium_agile_days};
use monte_carlo::Frame;

/// A projection of the baseline or of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// The last observed month; the projection covers the months after it.
    pub anchor: Month,
    pub months: Vec<Month>,
    pub draws: usize,
    /// Which band the quantiles are: what will be observed, or the expected count.
    pub band: BandKind,
    /// Every partner, in id order.
    pub partners: Vec<PartnerProjection>,
    /// The consortium's total adopters per month: quantiles over the draws of the sum.
    pub consortium: Vec<Quantiles>,
    /// Where the plan breaks the programme's rules.
    pub warnings: Vec<RuleWarning>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerProjection {
    pub id: PartnerId,
    pub fit: Fit,
    /// Potential adopters m = smartable × ceiling share.
    pub potential: f64,
    /// The ceiling share projected: the scenario's when it sets one, else the fitted one
    /// (the model's setting when the data cannot tell it).
    pub ceiling_share: f64,
    pub agile_days: f64,
    /// Person-hours of training in the plan.
    pub person_hours: f64,
    pub equipment_cost: Cents,
    /// Where the projection starts: the last observation (moved by a scenario's changes to
    /// the past); `None` when the partner has not observed anything.
    pub start: Option<(Month, f64)>,
    /// Mean adopters over the draws, per month.
    pub mean: Vec<f64>,
    /// P10/P50/P90 per month, when asked for (`ProjectionSettings::partner_bands`).
    pub band: Option<Vec<Quantiles>>,
}

impl Projection {
    fn index(&self, month: Month) -> Option<usize> {
        usize::try_from(month.months_since(self.anchor.plus(1)))
            .ok()
            .filter(|&i| i < self.months.len())
    }

    /// The consortium's quantiles in `month`, if projected.
    pub fn consortium_at(&self, month: Month) -> Option<Quantiles> {
        self.consortium.get(self.index(month)?).copied()
    }

    pub fn partner(&self, id: &PartnerId) -> Option<&PartnerProjection> {
        self.partners
            .binary_search_by(|p| p.id.cmp(id))
            .ok()
            .map(|i| &self.partners[i])
    }
}

impl PartnerProjection {
    /// The partner's quantiles in month `index` of the projection, if its band was computed.
    pub fn band_at(&self, index: usize) -> Option<Quantiles> {
        self.band.as_ref()?.get(index).copied()
    }
}

/// p and q of every partner, fitted to the baseline's observations.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    fits: BTreeMap<PartnerId, Fit>,
    /// The consortium's observation noise (docs/model.md §5), for partners fitted later.
    pooled_noise: f64,
    model: ModelSettings,
    drivers: Drivers,
    prior_spread: (f64, f64),
    ceiling_spread: f64,
}

impl Calibration {
    pub fn fits(&self) -> &BTreeMap<PartnerId, Fit> {
        &self.fits
    }

    /// The observation noise pooled over the fitted partners (relative sd).
    pub fn pooled_noise(&self) -> f64 {
        self.pooled_noise
    }

    /// Whether it was computed with these settings (horizon, draws and seed do not matter).
    pub fn matches(&self, settings: &ProjectionSettings) -> bool {
        self.model == settings.model
            && self.drivers == settings.drivers
            && self.prior_spread == settings.prior_spread
            && self.ceiling_spread == settings.ceiling_spread
    }
}

/// The months after the last observed month, or from the programme's start.
pub fn anchor(project: &Project) -> Month {
    project
        .last_observed_month()
        .unwrap_or(project.meta.start.plus(-1))
}

/// Partners fitted per task when calibration is spread over the cores.
const CALIBRATION_CHUNK: usize = 64;

/// Fits every partner's p and q to its observations.
pub fn calibrate(project: &Project, settings: &ProjectionSettings) -> Calibration {
    let anchor = anchor(project);
    let days = consortium_agile_days(project.partners.values());
    let partners: Vec<(&PartnerId, &Partner)> = project.partners.iter().collect();
    // Chunks of partners, so a thread takes a handful at a time.
    let chunks: Vec<&[(&PartnerId, &Partner)]> = partners.chunks(CALIBRATION_CHUNK).collect();
    let fitted = parallel::map(&chunks, parallel::cores(), |chunk| {
        chunk
            .iter()
            .map(|(id, partner)| {
                let inputs = PartnerInputs::build(partner, &[], &settings.model, anchor, days);
                ((*id).clone(), fit_one(project, &inputs, settings))
            })
            .collect::<Vec<_>>()
    });
    let fits: Vec<(PartnerId, Fit)> = fitted.into_iter().flatten().collect();
    let pooled_noise = calibrate::pooled_noise(fits.iter().map(|(_, fit)| fit));
    let fits = fits
        .into_iter()
        .map(|(id, fit)| (id, fit.with_pooled_noise(pooled_noise)))
        .collect();
    Calibration {
        fits,
        pooled_noise,
        model: settings.model,
        drivers: settings.drivers,
        prior_spread: settings.prior_spread,
        ceiling_spread: settings.ceiling_spread,
    }
}

fn fit_one(project: &Project, inputs: &PartnerInputs, settings: &ProjectionSettings) -> Fit {
    let view = DriverView {
        inputs,
        drivers: settings.drivers,
    };
    calibrate::fit(
        inputs,
        &view,
        project.meta.start,
        settings.prior_spread,
        settings.ceiling_spread,
    )
}

/// Calibrates, then projects the baseline (`scenario: None`) or a scenario.
pub fn project(
    project: &Project,
    scenario: Option<&Scenario>,
    settings: &ProjectionSettings,
) -> Projection {
    let calibration = calibrate(project, settings);
    project_calibrated(project, scenario, settings, &calibration)
}

/// Projects with a calibration computed before (the app keeps one per revision, so moving a
/// scenario's slider does not refit). A calibration made with other model settings is
/// recomputed; partners it does not know are fitted on the spot.
pub fn project_calibrated(
    project: &Project,
    scenario: Option<&Scenario>,
    settings: &ProjectionSettings,
    calibration: &Calibration,
) -> Projection {
    let recomputed;
    let calibration = if calibration.matches(settings) {
        calibration
    } else {
        recomputed = calibrate(project, settings);
        &recomputed
    };
    let frame = Frame {
        anchor: anchor(project),
        horizon: settings.horizon_months(),
        draws: settings.draw_count(),
        seed: settings.seed,
        band: settings.band,
    };
    let threads = monte_carlo::threads_for(project.partners.len(), &frame);
    partners::project_on(project, scenario, settings, calibration, &frame, threads)
}
