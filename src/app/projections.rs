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
    self, Calibration, Comparison, PartnerBands, Projection, ProjectionSettings, compare,
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
                self.last_sync = started.elapsed();
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
        } = computed;
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
        };
        self.figures = Some((key, figures));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoOptions, generate};
    use crate::model::{Edit, ScenarioChange};

    fn ceiling(project: &Project, id: &ScenarioId, share: f64) -> Edit {
        let mut scenario = project.scenarios[id].clone();
        scenario.changes.push(ScenarioChange::SetCeiling {
            partner: None,
            share,
        });
        Edit::PutScenario {
            scenario: id.clone(),
            value: Some(scenario),
        }
    }

    /// The figures once any computation in progress has ended.
    fn settled(
        cache: &mut ProjectionCache,
        project: &Arc<Project>,
        revision: u64,
        active: Option<&ScenarioId>,
    ) -> ScenarioFigures {
        let ctx = egui::Context::default();
        let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
        let selection = Selection::default();
        cache.get(project, revision, active, false, &order, &selection, &ctx);
        // A slow first computation (a debug build) sends the next ones to a thread.
        cache.wait();
        let figures = cache
            .get(project, revision, active, false, &order, &selection, &ctx)
            .expect("computed");
        assert!(!figures.updating);
        figures.clone()
    }

    #[test]
    fn the_demo_is_computed_at_once_and_a_scenario_edit_reuses_the_calibration() {
        let ctx = egui::Context::default();
        let mut project = Arc::new(crate::demo::embedded());
        let id = project.scenarios.keys().next().cloned();
        let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
        let mut cache = ProjectionCache::default();

        let figures = cache
            .get(
                &project,
                1,
                id.as_ref(),
                false,
                &order,
                &Selection::default(),
                &ctx,
            )
            .expect("computed at once");
        assert!(!figures.updating);
        assert_eq!(figures.scenario_id, id);
        assert_eq!(figures.partners_shown.len(), 8);
        let before = figures.comparison.clone().expect("a scenario is active");

        // A ceiling below what the demo has reached lowers the scenario.
        let id = id.expect("the demo has scenarios");
        let edit = ceiling(&project, &id, 0.3);
        edit.apply(Arc::make_mut(&mut project)).unwrap();
        cache.note_edit(1, 2, true);
        let figures = settled(&mut cache, &project, 2, Some(&id));
        let after = figures.comparison.clone().expect("a scenario is active");
        assert!(
            after.months[1].adopters.scenario.p50 < before.months[1].adopters.scenario.p50,
            "a lower ceiling lowers the scenario"
        );
        assert_eq!(
            after.months[1].adopters.baseline,
            before.months[1].adopters.baseline
        );
        assert_eq!(cache.counts(), (1, 1), "calibration and baseline reused");

        // The same figures as the engine's own, from scratch.
        let expected = projection::project(
            &project,
            project.scenarios.get(&id),
            &projection_settings(8, &[]),
        );
        assert_eq!(figures.scenario.as_deref(), Some(&expected));

        // A partner's edit changes what calibration reads.
        cache.note_edit(2, 3, false);
        settled(&mut cache, &project, 3, Some(&id));
        assert_eq!(cache.counts(), (2, 2));
        // Undo back to revision 2: a known revision of the earlier generation.
        settled(&mut cache, &project, 2, Some(&id));
        assert_eq!(cache.counts(), (3, 3), "only one generation is kept");
    }

    #[test]
    fn the_other_scenarios_are_projected_for_the_overlay_and_reused_while_unchanged() {
        let ctx = egui::Context::default();
        let mut project = Arc::new(crate::demo::embedded());
        let ids: Vec<ScenarioId> = project.scenarios.keys().cloned().collect();
        let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
        let selection = Selection::default();
        let mut cache = ProjectionCache::default();
        let others = |cache: &mut ProjectionCache, project: &Arc<Project>, revision| {
            cache.get(
                project,
                revision,
                Some(&ids[0]),
                true,
                &order,
                &selection,
                &ctx,
            );
            cache.wait();
            let figures = cache
                .get(
                    project,
                    revision,
                    Some(&ids[0]),
                    true,
                    &order,
                    &selection,
                    &ctx,
                )
                .expect("computed");
            figures.others.clone()
        };
        let first = others(&mut cache, &project, 1);
        let listed: Vec<&ScenarioId> = first.iter().map(|(id, _)| id).collect();
        assert_eq!(
            listed,
            ids[1..].iter().collect::<Vec<_>>(),
            "all but the active one"
        );
        let settings = ProjectionSettings {
            partner_bands: PartnerBands::Only(Default::default()),
            ..projection_settings(8, &[])
        };
        for (id, projected) in &first {
            let expected = projection::project(&project, project.scenarios.get(id), &settings);
            assert_eq!(**projected, expected, "{id}");
        }

        // Editing the active scenario leaves the others' projections as they were.
        let edit = ceiling(&project, &ids[0], 0.3);
        edit.apply(Arc::make_mut(&mut project)).unwrap();
        cache.note_edit(1, 2, true);
        let second = others(&mut cache, &project, 2);
        for ((_, a), (_, b)) in first.iter().zip(&second) {
            assert!(Arc::ptr_eq(a, b), "reused, not recomputed");
        }
        // Editing another one projects it again.
        let edit = ceiling(&project, &ids[1], 0.3);
        edit.apply(Arc::make_mut(&mut project)).unwrap();
        cache.note_edit(2, 3, true);
        let third = others(&mut cache, &project, 3);
        assert!(!Arc::ptr_eq(&second[0].1, &third[0].1));
        assert!(
            third[0].1.consortium_at(third[0].1.months[11]).unwrap().p50
                < second[0]
                    .1
                    .consortium_at(second[0].1.months[11])
                    .unwrap()
                    .p50
        );
        assert!(Arc::ptr_eq(&second[1].1, &third[1].1));

        // Without the overlay nothing else is projected.
        cache.get(&project, 3, Some(&ids[0]), false, &order, &selection, &ctx);
        cache.wait();
        let figures = cache
            .get(&project, 3, Some(&ids[0]), false, &order, &selection, &ctx)
            .expect("computed");
        assert!(!figures.updating);
        assert!(figures.others.is_empty());
    }

    #[test]
    fn picking_another_scenario_projects_only_that_scenario() {
        let project = Arc::new(crate::demo::embedded());
        let ids: Vec<ScenarioId> = project.scenarios.keys().cloned().collect();
        let mut cache = ProjectionCache::default();
        settled(&mut cache, &project, 7, Some(&ids[0]));
        let figures = settled(&mut cache, &project, 7, Some(&ids[1]));
        assert_eq!(figures.scenario_id.as_ref(), Some(&ids[1]));
        assert_eq!(cache.counts(), (1, 1));
    }

    #[test]
    fn a_large_project_is_computed_in_the_background_showing_the_last_figures_meanwhile() {
        let ctx = egui::Context::default();
        let mut project = Arc::new(generate(&DemoOptions {
            partners: 120,
            months: 24,
            ..DemoOptions::default()
        }));
        let id = project.scenarios.keys().next().cloned().unwrap();
        let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
        let selection = Selection::default();
        let mut cache = ProjectionCache::default();

        assert!(
            cache
                .get(&project, 1, Some(&id), false, &order, &selection, &ctx)
                .is_none()
        );
        assert!(cache.is_updating());
        cache.wait();
        let figures = cache
            .get(&project, 1, Some(&id), false, &order, &selection, &ctx)
            .unwrap();
        assert!(!figures.updating);
        // Bands only for the twelve partners shown.
        let banded = figures
            .baseline
            .partners
            .iter()
            .filter(|p| p.band.is_some())
            .count();
        assert_eq!(banded, MAX_MULTIPLES);
        let old = figures.comparison.clone().unwrap();

        ceiling(&project, &id, 0.95)
            .apply(Arc::make_mut(&mut project))
            .unwrap();
        cache.note_edit(1, 2, true);
        let stale = cache
            .get(&project, 2, Some(&id), false, &order, &selection, &ctx)
            .unwrap();
        assert!(stale.updating, "the previous figures, marked as such");
        assert_eq!(stale.comparison.as_ref(), Some(&old));
        cache.wait();
        let fresh = cache
            .get(&project, 2, Some(&id), false, &order, &selection, &ctx)
            .unwrap();
        assert!(!fresh.updating);
        assert_ne!(fresh.comparison.as_ref(), Some(&old));
        assert_eq!(cache.counts(), (1, 1), "the scenario alone was projected");
    }

    #[test]
    fn the_active_scenario_falls_back_to_the_first() {
        let mut project = crate::demo::embedded();
        let mut active = Some(ScenarioId::new("gone"));
        resolve_active(&project, &mut active);
        assert_eq!(active, project.scenarios.keys().next().cloned());
        project.scenarios.clear();
        resolve_active(&project, &mut active);
        assert_eq!(active, None);
    }
}
