//! The Scenarios view's figures: the baseline's and the active scenario's projections and
//! their comparison, for one project revision and one scenario, computed only while the
//! view is shown.
//!
//! The demo projects in well under a millisecond, so a slider's step is recomputed at once
//! and the next frame shows it. A national programme takes seconds (calibration) and most of
//! a second (each projection): it is computed on another thread, one computation at a time
//! (a drag would otherwise start one per frame), while the view keeps showing the latest
//! figures with a note; when one ends and the project has moved on, the next starts.
//!
//! Calibration and the baseline depend on everything but the scenarios. The app tells the
//! cache which edits touched only scenarios (`note_edit`), so revisions that differ only in
//! their scenarios share one calibration and one baseline: moving a scenario's slider
//! projects the scenario alone. Undo and redo give back earlier revision numbers, which the
//! cache remembers.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::analysis::projection::{
    self, Backtest, Calibration, Comparison, DEFAULT_CUTOFFS, PartnerBands, Projection,
    ProjectionSettings, compare,
};
use crate::model::{PartnerId, Project, Scenario, ScenarioId};
use crate::ui::Selection;
use crate::ui::scenarios::figures::{MAX_MULTIPLES, compare_months, partners_to_show};

pub use crate::ui::scenarios::ScenarioFigures;

/// Partners × projected months × draws above which projections are computed off the UI
/// thread (the demo is 8 × 24 × 500 = 96,000 and takes about 0.4 ms).
const SYNC_CELLS: usize = 1_000_000;
/// A synchronous computation that took longer than this sends the next ones to a thread:
/// a slider must not make frames stutter.
const SYNC_BUDGET: Duration = Duration::from_millis(8);
/// Revisions remembered for `note_edit` (two small numbers each).
const LINEAGE_KEPT: usize = 4_096;

/// The settings the app projects with: the engine's defaults, with partner bands only for
/// the partners shown when there are more than the view draws.
pub fn projection_settings(partner_count: usize, shown: &[PartnerId]) -> ProjectionSettings {
    let mut settings = ProjectionSettings::default();
    if partner_count > MAX_MULTIPLES {
        settings.partner_bands = PartnerBands::Only(shown.iter().cloned().collect());
    }
    settings
}

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
    scenario: Option<ScenarioId>,
    /// The partners given bands (empty when every partner has them).
    bands: Vec<PartnerId>,
    /// The other scenarios are projected too, for the overlay.
    others: bool,
}

/// A computation's inputs, with what can be reused from earlier ones.
struct Job {
    project: Arc<Project>,
    key: Key,
    generation: u64,
    calibration: Option<Arc<Calibration>>,
    baseline: Option<Arc<Projection>>,
    /// The baseline's backtest of this generation, when computed.
    backtest: Option<Arc<Backtest>>,
    /// Other scenarios' projections of this generation, reused while the scenario is the same.
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
    key: Key,
    generation: u64,
    calibration: Arc<Calibration>,
    baseline: Arc<Projection>,
    scenario: Option<Arc<Projection>>,
    comparison: Option<Comparison>,
    others: Vec<OtherProjection>,
    backtest: Arc<Backtest>,
    /// How long the backtest took (none when reused): it comes with a new baseline only, so
    /// it does not count against a slider's frame budget.
    backtest_time: Duration,
}

impl Job {
    fn run(self) -> Computed {
        let project = &self.project;
        let settings = projection_settings(project.partners.len(), &self.key.bands);
        let calibration = self
            .calibration
            .unwrap_or_else(|| Arc::new(projection::calibrate(project, &settings)));
        let baseline = self.baseline.unwrap_or_else(|| {
            Arc::new(projection::project_calibrated(
                project,
                None,
                &settings,
                &calibration,
            ))
        });
        let scenario = self
            .key
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
        let started = Instant::now();
        let backtest = self.backtest.unwrap_or_else(|| {
            Arc::new(projection::backtest(project, &settings, &DEFAULT_CUTOFFS))
        });
        let backtest_time = started.elapsed();
        let others = if self.key.others {
            // Lines without partner bands: the overlay draws the consortium only.
            let settings = ProjectionSettings {
                partner_bands: PartnerBands::Only(Default::default()),
                ..settings
            };
            project
                .scenarios
                .iter()
                .filter(|(id, _)| Some(*id) != self.key.scenario.as_ref())
                .map(|(id, scenario)| {
                    let reused = self
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
        Computed {
            key: self.key,
            generation: self.generation,
            calibration,
            baseline,
            scenario,
            comparison,
            others,
            backtest,
            backtest_time,
        }
    }
}

#[derive(Default)]
pub struct ProjectionCache {
    /// Revision → generation: revisions of one generation differ only in their scenarios.
    lineage: BTreeMap<u64, u64>,
    generations: u64,
    calibration: Option<(u64, Arc<Calibration>)>,
    baseline: Option<(u64, Vec<PartnerId>, Arc<Projection>)>,
    others: Option<(u64, Vec<OtherProjection>)>,
    backtest: Option<(u64, Arc<Backtest>)>,
    figures: Option<(Key, ScenarioFigures)>,
    pending: Option<Receiver<Computed>>,
    /// How long the last computation on the UI thread took.
    last_sync: Duration,
    /// Counters for tests: calibrations and baselines computed.
    calibrations: u64,
    baselines: u64,
}

impl ProjectionCache {
    /// The figures for `revision` of `project` and the `active` scenario, or the latest ones
    /// while a large project's are computed (`waker` repaints when they arrive); `None`
    /// until the first ones are ready. `order` and `selection` choose the partners shown;
    /// with `others` the project's other scenarios are projected too.
    #[allow(clippy::too_many_arguments)]
    pub fn get(
        &mut self,
        project: &Arc<Project>,
        revision: u64,
        active: Option<&ScenarioId>,
        others: bool,
        order: &[PartnerId],
        selection: &Selection,
        waker: &egui::Context,
    ) -> Option<&ScenarioFigures> {
        self.take_finished();
        let shown = partners_to_show(order, &selection.partners, |id| {
            project.partners.contains_key(id)
        });
        let key = Key {
            revision,
            scenario: active.cloned(),
            bands: if project.partners.len() > MAX_MULTIPLES {
                shown.clone()
            } else {
                Vec::new()
            },
            others,
        };
        let current = self.figures.as_ref().is_some_and(|(k, _)| *k == key);
        if !current {
            if self.in_background(project) {
                if self.pending.is_none() {
                    let job = self.job(project, key.clone());
                    self.spawn(job, waker.clone());
                }
            } else {
                let started = Instant::now();
                let computed = self.job(project, key.clone()).run();
                self.last_sync = started.elapsed().saturating_sub(computed.backtest_time);
                self.store(computed);
            }
        }
        let (computed_for, figures) = self.figures.as_mut()?;
        figures.updating = *computed_for != key;
        figures.active = active.cloned();
        figures.partners_shown = shown;
        Some(figures)
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

    /// Whether newer figures are being computed.
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Blocks until the computation in progress ends (tests and the screenshot command).
    pub fn wait(&mut self) {
        if let Some(receiver) = self.pending.take()
            && let Ok(computed) = receiver.recv()
        {
            self.store(computed);
        }
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

    fn job(&mut self, project: &Arc<Project>, key: Key) -> Job {
        let generation = self.generation_of(key.revision);
        let calibration = self
            .calibration
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, c)| Arc::clone(c));
        let baseline = self
            .baseline
            .as_ref()
            .filter(|(g, bands, _)| *g == generation && *bands == key.bands)
            .map(|(_, _, b)| Arc::clone(b));
        let backtest = self
            .backtest
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, b)| Arc::clone(b));
        let others = self
            .others
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, others)| others.clone())
            .unwrap_or_default();
        self.calibrations += u64::from(calibration.is_none());
        self.baselines += u64::from(baseline.is_none());
        Job {
            project: Arc::clone(project),
            key,
            generation,
            calibration,
            baseline,
            backtest,
            others,
        }
    }

    fn spawn(&mut self, job: Job, waker: egui::Context) {
        let (sender, receiver) = channel();
        self.pending = Some(receiver);
        std::thread::spawn(move || {
            let _ = sender.send(job.run());
            waker.request_repaint();
        });
    }

    fn take_finished(&mut self) {
        if let Some(receiver) = &self.pending
            && let Ok(computed) = receiver.try_recv()
        {
            self.pending = None;
            self.store(computed);
        }
    }

    fn store(&mut self, computed: Computed) {
        let Computed {
            key,
            generation,
            calibration,
            baseline,
            scenario,
            comparison,
            others,
            backtest,
            ..
        } = computed;
        self.backtest = Some((generation, Arc::clone(&backtest)));
        self.calibration = Some((generation, calibration));
        let other_figures = others
            .iter()
            .map(|o| (o.id.clone(), Arc::clone(&o.projection)))
            .collect();
        if key.others {
            self.others = Some((generation, others));
        }
        self.baseline = Some((generation, key.bands.clone(), Arc::clone(&baseline)));
        let figures = ScenarioFigures {
            baseline,
            scenario,
            comparison,
            others: other_figures,
            revision: key.revision,
            scenario_id: key.scenario.clone(),
            partners_shown: Vec::new(),
            active: key.scenario.clone(),
            updating: false,
            backtest: Some(backtest),
        };
        self.figures = Some((key, figures));
    }
}

#[cfg(test)]
mod tests;
