//! The projection engine: smart workers per partner, month by month from the last observation
//! to a horizon, by a Bass diffusion model with drivers (gating, pilot and equipment caps,
//! training), calibrated on each partner's observations, with Monte Carlo bands. Formulas,
//! coefficients and sources are in docs/model.md; each file repeats the detail of its part.
//!
//! Shape of a run:
//! 1. `inputs`: each partner as the scenario plans it (the project is read, never copied);
//! 2. `calibrate`: p and q per partner from the baseline's observations (cacheable per
//!    revision: a scenario changes plans, not what was observed);
//! 3. the start of each partner's projection: its last observation, moved by the difference
//!    a scenario's changes to the past make to the model's own path (`path`);
//! 4. `monte_carlo`: N draws per partner, P10/P50/P90 per partner and for the consortium;
//! 5. `comparison`: a scenario against the baseline.
//!
//! The months projected are those after the project's last observed month (or the whole
//! programme when nothing is observed yet), `horizon` of them.

mod bands;
mod bass;
mod calibrate;
mod comparison;
mod draws;
mod drivers;
mod fast_exp;
mod inputs;
mod monte_carlo;
mod parallel;
mod path;
mod settings;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use bands::Quantiles;
pub use bass::{cumulative, step};
pub use calibrate::{Fit, FitSource, MIN_FIT_MONTHS};
pub use comparison::{
    CO2_KG_PER_REMOTE_YEAR, Comparison, KM_PER_REMOTE_YEAR, MAX_AGILE_DAYS, MonthComparison,
    POLA_FLOOR, Pair, Rule, RuleWarning, compare,
};
pub use settings::{Drivers, MAX_DRAWS, MAX_HORIZON, PartnerBands, ProjectionSettings};

use crate::model::{
    Cents, ModelSettings, Month, Partner, PartnerId, Project, Scenario, ScenarioChange,
};
use drivers::DriverView;
use inputs::{PartnerInputs, consortium_agile_days};
use monte_carlo::{Frame, Plan};
use path::{Course, adopters};

/// A projection of the baseline or of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// The last observed month; the projection covers the months after it.
    pub anchor: Month,
    pub months: Vec<Month>,
    pub draws: usize,
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
    model: ModelSettings,
    drivers: Drivers,
    prior_spread: (f64, f64),
}

impl Calibration {
    pub fn fits(&self) -> &BTreeMap<PartnerId, Fit> {
        &self.fits
    }

    /// Whether it was computed with these settings (horizon, draws and seed do not matter).
    pub fn matches(&self, settings: &ProjectionSettings) -> bool {
        self.model == settings.model
            && self.drivers == settings.drivers
            && self.prior_spread == settings.prior_spread
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
    let fits = fitted.into_iter().flatten().collect();
    Calibration {
        fits,
        model: settings.model,
        drivers: settings.drivers,
        prior_spread: settings.prior_spread,
    }
}

fn fit_one(project: &Project, inputs: &PartnerInputs, settings: &ProjectionSettings) -> Fit {
    let view = DriverView {
        inputs,
        drivers: settings.drivers,
    };
    calibrate::fit(inputs, &view, project.meta.start, settings.prior_spread)
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
    };
    let threads = monte_carlo::threads_for(project.partners.len(), &frame);
    project_on(project, scenario, settings, calibration, &frame, threads)
}

/// `project_calibrated` on at most `threads` threads (the result is the same for any number).
fn project_on(
    project: &Project,
    scenario: Option<&Scenario>,
    settings: &ProjectionSettings,
    calibration: &Calibration,
    frame: &Frame,
    threads: usize,
) -> Projection {
    let days = consortium_agile_days(project.partners.values());
    let changes: Vec<&ScenarioChange> =
        scenario.map_or_else(Vec::new, |s| s.changes.iter().collect());
    let strata = draws::normal_strata(frame.draws);
    let partners: Vec<(&PartnerId, &Partner)> = project.partners.iter().collect();
    let chunks: Vec<&[(&PartnerId, &Partner)]> = partners
        .chunks(monte_carlo::chunk_len(partners.len()))
        .collect();
    // Each chunk reads its partners, plans and runs them: all of it on the threads.
    let results = parallel::map(&chunks, threads, |chunk| {
        let prepared: Vec<Prepared<'_>> = chunk
            .iter()
            .map(|&(id, partner)| {
                let mine: Vec<&ScenarioChange> = changes
                    .iter()
                    .copied()
                    .filter(|change| change.applies_to(id))
                    .collect();
                let build = |changes: &[&ScenarioChange]| {
                    PartnerInputs::build(partner, changes, &settings.model, frame.anchor, days)
                };
                let baseline = build(&[]);
                let planned = (!mine.is_empty()).then(|| build(&mine));
                let fit = match calibration.fits.get(id) {
                    Some(fit) => *fit,
                    None => fit_one(project, &baseline, settings),
                };
                Prepared {
                    id,
                    baseline,
                    planned,
                    fit,
                }
            })
            .collect();
        let plans: Vec<Plan<'_>> = prepared
            .iter()
            .map(|prepared| prepared.plan(project.meta.start, settings, frame))
            .collect();
        let mut run = monte_carlo::run_plans(&plans, frame, &strata);
        let runs = std::mem::take(&mut run.partners);
        let projections: Vec<(PartnerProjection, Vec<RuleWarning>)> = prepared
            .iter()
            .zip(&plans)
            .zip(runs)
            .map(|((prepared, plan), run)| (prepared.projection(plan, run), prepared.warnings()))
            .collect();
        (run, projections)
    });
    let consortium = monte_carlo::consortium(results.iter().map(|(run, _)| run), frame);
    let mut partners = Vec::with_capacity(project.partners.len());
    let mut warnings = Vec::new();
    for (_, projections) in results {
        for (projection, partner_warnings) in projections {
            partners.push(projection);
            warnings.extend(partner_warnings);
        }
    }
    Projection {
        anchor: frame.anchor,
        months: frame
            .anchor
            .plus(1)
            .through(frame.anchor.plus(frame.horizon as i32))
            .collect(),
        draws: frame.draws,
        partners,
        consortium,
        warnings,
    }
}

/// A partner's baseline and, when the scenario changes it, its planned inputs.
struct Prepared<'a> {
    id: &'a PartnerId,
    baseline: PartnerInputs,
    planned: Option<PartnerInputs>,
    fit: Fit,
}

impl<'a> Prepared<'a> {
    fn inputs(&self) -> &PartnerInputs {
        self.planned.as_ref().unwrap_or(&self.baseline)
    }

    fn projection(&self, plan: &Plan<'_>, run: monte_carlo::PartnerRun) -> PartnerProjection {
        let inputs = self.inputs();
        PartnerProjection {
            id: self.id.clone(),
            fit: plan.fit,
            potential: plan.potential,
            ceiling_share: inputs.model.ceiling_share,
            agile_days: inputs.agile_days,
            person_hours: inputs.person_hours,
            equipment_cost: inputs.equipment_cost,
            start: self
                .baseline
                .last_observation()
                .map(|(month, _)| (month, plan.start_people)),
            mean: run.mean,
            band: run.band,
        }
    }

    /// Where the partner's projection starts, and with which parameters.
    fn plan(
        &'a self,
        programme_start: Month,
        settings: &ProjectionSettings,
        frame: &Frame,
    ) -> Plan<'a> {
        let inputs = self.inputs();
        let view = DriverView {
            inputs,
            drivers: settings.drivers,
        };
        // Partners on priors follow the scenario's priors.
        let fit = match self.fit.source {
            FitSource::Fitted => self.fit,
            FitSource::Priors => Fit::priors(
                inputs.model.prior_p,
                inputs.model.prior_q,
                settings.prior_spread,
                self.fit.months,
            ),
        };
        let potential = inputs.potential();
        let (start, start_people) = match self.baseline.last_observation() {
            Some((last, observed)) => (
                last,
                self.moved_start(last, observed, &fit, programme_start, settings),
            ),
            None => match view.origin(programme_start) {
                Some(origin) => (origin.plus(-1), 0.0),
                None => (frame.anchor.plus(frame.horizon as i32), 0.0),
            },
        };
        Plan {
            id: self.id,
            view,
            fit,
            potential,
            start,
            start_people,
            floor: start_people,
            band: settings.partner_bands.includes(self.id),
        }
    }

    /// The observed adopters at `last`, plus what the scenario's changes add to (or take from)
    /// the model's own path up to then; nobody before the scenario's gate.
    fn moved_start(
        &self,
        last: Month,
        observed: f64,
        fit: &Fit,
        programme_start: Month,
        settings: &ProjectionSettings,
    ) -> f64 {
        let Some(planned) = &self.planned else {
            return observed;
        };
        let at_last = |inputs: &PartnerInputs| {
            let view = DriverView {
                inputs,
                drivers: settings.drivers,
            };
            let origin = view
                .origin(programme_start)
                .filter(|origin| *origin <= last)?;
            let course = Course::new(&view, origin, last);
            let mut path = Vec::new();
            adopters(fit.p, fit.q, inputs.potential(), &course, &mut path);
            Some(path.last().copied().unwrap_or(0.0))
        };
        match at_last(planned) {
            None => 0.0,
            Some(scenario) => {
                let baseline = at_last(&self.baseline).unwrap_or(0.0);
                (observed + scenario - baseline).clamp(0.0, planned.potential().max(0.0))
            }
        }
    }

    fn warnings(&self) -> Vec<RuleWarning> {
        let inputs = self.inputs();
        let mut warnings = Vec::new();
        if inputs.agile_days > MAX_AGILE_DAYS {
            warnings.push(RuleWarning {
                partner: self.id.clone(),
                rule: Rule::MostlyRemote,
                value: inputs.agile_days,
                limit: MAX_AGILE_DAYS,
            });
        }
        if inputs.model.ceiling_share < POLA_FLOOR {
            warnings.push(RuleWarning {
                partner: self.id.clone(),
                rule: Rule::BelowPolaFloor,
                value: inputs.model.ceiling_share,
                limit: POLA_FLOOR,
            });
        }
        warnings
    }
}
