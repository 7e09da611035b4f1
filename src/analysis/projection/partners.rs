//! Each partner's projection, chunk by chunk on the threads: its inputs read with the
//! scenario's changes, where its projection starts, its draws run, its figures gathered.

use super::calibrate::Prior;
use super::ceiling::{self, GroupCeiling};
use super::drivers::DriverView;
use super::inputs::EXPECTED_LEAD_MONTHS;
use super::inputs::{PartnerInputs, consortium_agile_days};
use super::monte_carlo::{self, Frame, Group, PartnerRun, Plan};
use super::path::{Course, adopters};
use super::settings::Drivers;
use super::timing::{self, CLASSES, Timing};
use super::{
    Calibration, Fit, FitSource, MAX_AGILE_DAYS, POLA_FLOOR, PartnerProjection, Projection,
    ProjectionSettings, Rule, RuleWarning, draws, fit_one, parallel,
};
use crate::model::{Month, Partner, PartnerId, Project, Scenario, ScenarioChange};

/// `project_calibrated` on at most `threads` threads (the result is the same for any number).
pub(super) fn project_on(
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
    let timing = timing::learn(project, EXPECTED_LEAD_MONTHS);
    let partners = with_fits(project, calibration);
    let chunks: Vec<&[(&PartnerId, &Partner, Option<&Fit>)]> = partners
        .chunks(monte_carlo::chunk_len(partners.len()))
        .collect();
    // Each chunk reads its partners, plans and runs them: all of it on the threads.
    let results = parallel::map(&chunks, threads, |chunk| {
        let prepared: Vec<Prepared<'_>> = chunk
            .iter()
            .map(|&(id, partner, fit)| {
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
                let fit = match fit {
                    Some(fit) => *fit,
                    None => fit_one(project, &baseline, settings)
                        .with_pooled_noise(calibration.pooled_noise),
                };
                let mut prepared = Prepared {
                    id,
                    baseline,
                    planned,
                    fit,
                    timed: None,
                };
                prepared.time(&timing, frame, settings.drivers);
                prepared
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
    let consortium = monte_carlo::consortium(results.iter().map(|(run, _)| run), frame, &strata);
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
        band: frame.band,
        partners,
        consortium,
        warnings,
    }
}

/// Each partner with its fit when the calibration has one: both are sorted by id, so one walk
/// pairs them rather than a search per partner.
fn with_fits<'a>(
    project: &'a Project,
    calibration: &'a Calibration,
) -> Vec<(&'a PartnerId, &'a Partner, Option<&'a Fit>)> {
    let mut fits = calibration.fits.iter().peekable();
    project
        .partners
        .iter()
        .map(|(id, partner)| {
            while fits.next_if(|(fitted, _)| *fitted < id).is_some() {}
            let fit = fits
                .next_if(|(fitted, _)| *fitted == id)
                .map(|(_, fit)| fit);
            (id, partner, fit)
        })
        .collect()
}

/// A partner's baseline and, when the scenario changes it, its planned inputs.
pub(super) struct Prepared<'a> {
    pub id: &'a PartnerId,
    pub baseline: PartnerInputs,
    pub planned: Option<PartnerInputs>,
    pub fit: Fit,
    /// The drivers each group of draws lives when drivers ahead are uncertain; `None` when
    /// nothing ahead can move.
    pub timed: Option<Timed>,
}

/// The drivers of a partner's groups of draws (one group per `timing::CLASSES`).
pub(super) struct Timed {
    /// The distinct shifted drivers: groups whose shifts move the same things alike share one.
    drivers: Vec<PartnerInputs>,
    /// Which of `drivers` group k lives; `None`: the partner's own inputs (its shifts move
    /// nothing).
    of_group: [Option<usize>; CLASSES],
}

impl<'a> Prepared<'a> {
    fn inputs(&self) -> &PartnerInputs {
        self.planned.as_ref().unwrap_or(&self.baseline)
    }

    /// The inputs of each group of draws, when a tappa or a delivery lies ahead.
    fn time(&mut self, timing: &Timing, frame: &Frame, drivers: Drivers) {
        let inputs = self.inputs();
        if !timing.uncertain()
            || !timing::has_events_ahead(
                inputs,
                drivers,
                frame.anchor,
                frame.horizon,
                timing.reach(),
            )
        {
            return;
        }
        let shifts = timing::effective_shifts(inputs, drivers, timing);
        let mut distinct: Vec<(i32, i32)> = Vec::with_capacity(CLASSES);
        let mut timed = Timed {
            drivers: Vec::with_capacity(CLASSES),
            of_group: [None; CLASSES],
        };
        for (k, &(tappe, deliveries)) in shifts.iter().enumerate() {
            if (tappe, deliveries) == (0, 0) {
                continue;
            }
            let index = match distinct
                .iter()
                .position(|&shift| shift == (tappe, deliveries))
            {
                Some(index) => index,
                None => {
                    distinct.push((tappe, deliveries));
                    timed
                        .drivers
                        .push(timing::shifted(inputs, frame.anchor, tappe, deliveries));
                    distinct.len() - 1
                }
            };
            timed.of_group[k] = Some(index);
        }
        self.timed = Some(timed);
    }

    fn projection(&self, plan: &Plan<'_>, run: PartnerRun) -> PartnerProjection {
        let inputs = self.inputs();
        PartnerProjection {
            id: self.id.clone(),
            fit: plan.fit,
            potential: plan.potential,
            ceiling_share: self.ceiling_share(inputs, &plan.fit),
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
    pub fn plan(
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
            FitSource::Priors => Fit {
                noise: self.fit.noise,
                ..Fit::priors(
                    &Prior {
                        p: inputs.model.prior_p,
                        q: inputs.model.prior_q,
                        spread: settings.prior_spread,
                        ceiling: inputs.model.ceiling_share,
                        ceiling_spread: settings.ceiling_spread,
                    },
                    self.fit.months,
                )
            },
        };
        let noise = settings.noise.unwrap_or(fit.noise).max(0.0);
        let potential = self.potential(inputs, &fit);
        // Where the partner stands at its last observation is known up to the noise of that
        // observation; from nobody, exactly.
        let (start, start_people, start_spread) = match self.baseline.last_observation() {
            Some((last, observed)) => (
                last,
                self.moved_start(last, observed, &fit, programme_start, settings),
                noise,
            ),
            None => match view.origin(programme_start) {
                Some(origin) => (origin.plus(-1), 0.0, 0.0),
                None => (frame.anchor.plus(frame.horizon as i32), 0.0, 0.0),
            },
        };
        Plan {
            id: self.id,
            view,
            fit,
            potential,
            start,
            start_people,
            start_spread,
            noise,
            floor: start_people,
            band: settings.partner_bands.includes(self.id),
            groups: self.groups(view, &fit, settings),
        }
    }

    /// The partner's potential in people: the scenario's ceiling share when it sets one, else
    /// the fitted ceiling (the prior's centre when the data could not tell it).
    fn potential(&self, inputs: &PartnerInputs, fit: &Fit) -> f64 {
        inputs.smartable * self.ceiling_share(inputs, fit)
    }

    fn ceiling_share(&self, inputs: &PartnerInputs, fit: &Fit) -> f64 {
        if inputs.model.ceiling_share != self.baseline.model.ceiling_share {
            inputs.model.ceiling_share
        } else {
            fit.ceiling
        }
    }

    /// The groups of draws when the timing ahead or the ceiling is uncertain: group k lives
    /// the k-th timing's drivers and its quantile of the ceiling.
    fn groups(
        &'a self,
        view: DriverView<'a>,
        fit: &Fit,
        settings: &ProjectionSettings,
    ) -> Vec<Group<'a>> {
        let inputs = self.inputs();
        let uncertain_ceiling = ceiling::uncertain(fit) && inputs.potential() > 0.0;
        if self.timed.is_none() && !uncertain_ceiling {
            return Vec::new();
        }
        let share = self.ceiling_share(inputs, fit);
        let ceilings = if uncertain_ceiling {
            ceiling::groups(fit, share, inputs.smartable)
        } else {
            [GroupCeiling {
                potential: self.potential(inputs, fit),
                shift: [0.0; 2],
            }; CLASSES]
        };
        (0..CLASSES)
            .map(|k| Group {
                view: match &self.timed {
                    Some(Timed { drivers, of_group }) => {
                        of_group[k].map_or(view, |index| DriverView {
                            inputs: &drivers[index],
                            drivers: settings.drivers,
                        })
                    }
                    None => view,
                },
                potential: ceilings[k].potential,
                shift: ceilings[k].shift,
            })
            .collect()
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
            adopters(
                fit.p,
                fit.q,
                self.potential(inputs, fit),
                &course,
                &mut path,
            );
            Some(path.last().copied().unwrap_or(0.0))
        };
        match at_last(planned) {
            None => 0.0,
            Some(scenario) => {
                let baseline = at_last(&self.baseline).unwrap_or(0.0);
                (observed + scenario - baseline).clamp(0.0, self.potential(planned, fit).max(0.0))
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

#[cfg(test)]
#[path = "partners_tests.rs"]
mod tests;
