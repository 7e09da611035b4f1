//! Scenario figures as a service: the baseline's and a scenario's projections and their
//! comparison, for one project revision and what the surfaces need (`ProjectionNeeds`),
//! computed whether or not the Scenarios view is drawn.
//!
//! The demo projects in well under a millisecond, so a slider's step is recomputed at once
//! and the next frame shows it. A national programme takes seconds (calibration) and most of
//! a second (each projection): it is computed on another thread, the newest request only
//! (`work::Latest`: a drag does not queue one computation per frame), while the surfaces
//! keep showing the latest figures with a note.
//!
//! Calibration and the baseline depend on everything but the scenarios. The app tells the
//! cache which edits touched only scenarios (`note_edit`, from `Edit::touches_only_scenarios`),
//! so revisions that differ only in their scenarios share one calibration and one baseline:
//! moving a scenario's slider projects the scenario alone. Undo and redo give back earlier
//! revision numbers, which the cache remembers.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::work::{Latest, Place, WorkFailure};
use crate::analysis::projection::{
    self, Backtest, Calibration, DEFAULT_CUTOFFS, PartnerBands, Projection, ProjectionSettings,
    compare,
};
use crate::analysis::scenario_figures::compare_months;
use crate::model::{Project, Scenario, ScenarioId};

pub use crate::analysis::scenario_figures::{
    ProjectionNeeds, ScenarioFigures, projection_settings,
};

/// Partners × projected months × draws above which projections are computed off the UI
/// thread (the demo is 8 × 24 × 500 = 96,000 and takes about 0.4 ms).
const SYNC_CELLS: usize = 1_000_000;
/// A synchronous computation that took longer than this sends the next ones to a thread:
/// a slider must not make frames stutter.
const SYNC_BUDGET: Duration = Duration::from_millis(8);
/// Revisions remembered for `note_edit` (two small numbers each).
const LINEAGE_KEPT: usize = 4_096;

/// Keeps `active` on a scenario of `project`: the first one when none is picked or the
/// picked one is gone (deleted, undone); `None` only when the project has none.
pub fn resolve_active(project: &Project, active: &mut Option<ScenarioId>) {
    let known = active
        .as_ref()
        .is_some_and(|id| project.scenarios.contains_key(id));
    if !known {
        *active = project.scenarios.keys().next().cloned();
    }
}

/// What one set of figures was computed for.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    revision: u64,
    needs: ProjectionNeeds,
}

/// What a computation can reuse from earlier ones of the same generation.
#[derive(Default, Clone)]
struct Reuse {
    calibration: Option<Arc<Calibration>>,
    baseline: Option<Arc<Projection>>,
    /// The baseline's backtest of this generation.
    backtest: Option<Arc<Backtest>>,
    /// Other scenarios' projections, reused while the scenario is the same.
    others: Vec<OtherProjection>,
}

/// Another scenario's projection, as it was when projected.
#[derive(Clone)]
struct OtherProjection {
    id: ScenarioId,
    scenario: Scenario,
    projection: Arc<Projection>,
}

struct Computed {
    generation: u64,
    /// The partners the baseline has bands for (`ProjectionNeeds::partner_bands`).
    bands: Vec<crate::model::PartnerId>,
    calibration: Arc<Calibration>,
    others: Vec<OtherProjection>,
    figures: ScenarioFigures,
    /// How long it took (on the UI thread, it decides where the next one runs), without
    /// the backtest: that comes with a new baseline only, never with a slider's step.
    took: Duration,
}

/// How calibration is done: the engine's in the app, something that fails in tests.
pub type CalibrateFn = fn(&Project, &ProjectionSettings) -> Calibration;

fn compute(
    project: &Project,
    key: &Key,
    generation: u64,
    reuse: Reuse,
    calibrate: CalibrateFn,
) -> Computed {
    let started = Instant::now();
    let needs = &key.needs;
    let settings = projection_settings(project.partners.len(), &needs.partner_bands);
    let calibration = reuse
        .calibration
        .unwrap_or_else(|| Arc::new(calibrate(project, &settings)));
    let baseline = reuse.baseline.unwrap_or_else(|| {
        Arc::new(projection::project_calibrated(
            project,
            None,
            &settings,
            &calibration,
        ))
    });
    let scenario = needs
        .scenario
        .as_ref()
        .and_then(|id| project.scenarios.get(id))
        .map(|scenario| {
            Arc::new(projection::project_calibrated(
                project,
                Some(scenario),
                &settings,
                &calibration,
            ))
        });
    let comparison = scenario
        .as_ref()
        .map(|scenario| compare(&baseline, scenario, &compare_months(baseline.anchor)));
    // Depends on the baseline only: a scenario's slider reuses it.
    let backtest_started = Instant::now();
    let backtest = reuse
        .backtest
        .unwrap_or_else(|| Arc::new(projection::backtest(project, &settings, &DEFAULT_CUTOFFS)));
    let backtest_time = backtest_started.elapsed();
    let others = if needs.others {
        // Lines without partner bands: an overlay draws the consortium only.
        let settings = ProjectionSettings {
            partner_bands: PartnerBands::Only(Default::default()),
            ..settings
        };
        project
            .scenarios
            .iter()
            .filter(|(id, _)| Some(*id) != needs.scenario.as_ref())
            .map(|(id, scenario)| {
                let reused = reuse
                    .others
                    .iter()
                    .find(|o| o.id == *id && o.scenario == *scenario);
                reused.cloned().unwrap_or_else(|| OtherProjection {
                    id: id.clone(),
                    scenario: scenario.clone(),
                    projection: Arc::new(projection::project_calibrated(
                        project,
                        Some(scenario),
                        &settings,
                        &calibration,
                    )),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let figures = ScenarioFigures {
        baseline,
        scenario,
        comparison,
        others: others
            .iter()
            .map(|o| (o.id.clone(), Arc::clone(&o.projection)))
            .collect(),
        revision: key.revision,
        scenario_id: needs.scenario.clone(),
        backtest: Some(backtest),
    };
    Computed {
        generation,
        bands: needs.partner_bands.clone(),
        calibration,
        others,
        figures,
        took: started.elapsed().saturating_sub(backtest_time),
    }
}

pub struct ProjectionCache {
    slot: Latest<Key, Computed>,
    calibrate: CalibrateFn,
    /// Revision → generation: revisions of one generation differ only in their scenarios.
    lineage: BTreeMap<u64, u64>,
    generations: u64,
    /// How long the last computation on the UI thread took.
    last_sync: Duration,
    /// Counters for tests: calibrations and baselines computed.
    calibrations: u64,
    baselines: u64,
}

impl Default for ProjectionCache {
    fn default() -> ProjectionCache {
        ProjectionCache::new(projection::calibrate)
    }
}

impl ProjectionCache {
    pub fn new(calibrate: CalibrateFn) -> ProjectionCache {
        ProjectionCache {
            slot: Latest::new("projections"),
            calibrate,
            lineage: BTreeMap::new(),
            generations: 0,
            last_sync: Duration::ZERO,
            calibrations: 0,
            baselines: 0,
        }
    }

    /// Asks for the figures of `needs` at `revision` of `project`: computed at once for a
    /// small project, on a thread for a large one (`waker` repaints when they arrive).
    pub fn update(
        &mut self,
        project: &Arc<Project>,
        revision: u64,
        needs: ProjectionNeeds,
        waker: &egui::Context,
    ) {
        self.slot.set_waker(waker);
        self.slot.want(Key {
            revision,
            needs: needs.normalised(project),
        });
        let generation = self.generation_of(revision);
        let place = if self.in_background(project) {
            Place::Background
        } else {
            Place::Here
        };
        let calibrate = self.calibrate;
        let project = Arc::clone(project);
        let mut started = None;
        // The job is built when it starts, so it reuses what the last computation left.
        self.slot.pump(|key, previous| {
            let reuse = previous
                .filter(|p| p.generation == generation)
                .map(|p| Reuse {
                    calibration: Some(Arc::clone(&p.calibration)),
                    baseline: Some(Arc::clone(&p.figures.baseline))
                        .filter(|_| p.bands == key.needs.partner_bands),
                    backtest: p.figures.backtest.clone(),
                    others: p.others.clone(),
                })
                .unwrap_or_default();
            started = Some((
                u64::from(reuse.calibration.is_none()),
                u64::from(reuse.baseline.is_none()),
            ));
            let key = key.clone();
            (
                place,
                Box::new(move |_| compute(&project, &key, generation, reuse, calibrate)),
            )
        });
        if let Some((calibrated, projected)) = started {
            self.calibrations += calibrated;
            self.baselines += projected;
            if place == Place::Here
                && let Some((_, computed)) = self.slot.latest()
            {
                self.last_sync = computed.took;
            }
        }
    }

    /// The latest figures computed, whatever they were computed for (`None` until the
    /// first ones are ready).
    pub fn figures(&self) -> Option<&ScenarioFigures> {
        self.slot.latest().map(|(_, computed)| &computed.figures)
    }

    /// Whether newer figures than those at hand are being computed.
    pub fn is_updating(&self) -> bool {
        self.slot.is_working()
    }

    /// How far the running computation has come, when it tells.
    pub fn progress(&self) -> Option<f32> {
        self.slot.progress()
    }

    /// Why the figures wanted now could not be computed.
    pub fn failure(&self) -> Option<&WorkFailure> {
        self.slot.failure()
    }

    /// Tries the failed computation again on the next update.
    pub fn retry(&mut self) {
        self.slot.retry();
    }

    /// Records that an edit took the project from revision `before` to `after`;
    /// `scenarios_only` when it changed nothing but scenarios.
    pub fn note_edit(&mut self, before: u64, after: u64, scenarios_only: bool) {
        let generation = self.generation_of(before);
        if scenarios_only {
            self.lineage.insert(after, generation);
        }
        while self.lineage.len() > LINEAGE_KEPT {
            self.lineage.pop_first();
        }
    }

    /// Blocks until the computation in progress ends (tests and the screenshot command).
    pub fn wait(&mut self) {
        self.slot.wait();
    }

    /// How many calibrations and baselines were computed (tests).
    pub fn counts(&self) -> (u64, u64) {
        (self.calibrations, self.baselines)
    }

    fn in_background(&self, project: &Project) -> bool {
        let settings = ProjectionSettings::default();
        let cells = project
            .partners
            .len()
            .saturating_mul(settings.horizon as usize)
            .saturating_mul(settings.draws);
        cells > SYNC_CELLS || self.last_sync > SYNC_BUDGET
    }

    fn generation_of(&mut self, revision: u64) -> u64 {
        if let Some(generation) = self.lineage.get(&revision) {
            return *generation;
        }
        self.generations += 1;
        self.lineage.insert(revision, self.generations);
        self.generations
    }
}

#[cfg(test)]
mod tests;
