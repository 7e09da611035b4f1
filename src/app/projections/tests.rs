//! Tests of the Scenarios view's figures cache: reuse across scenario edits, background work
//! at scale, the other scenarios for the overlay.

use super::*;
use crate::analysis::scenario_figures::{MAX_MULTIPLES, partners_to_show};
use crate::demo::{DemoOptions, generate};
use crate::model::{Edit, PartnerId, ScenarioChange};

/// What the Scenarios view needs for `active`, with nobody selected.
fn needs(project: &Project, active: Option<&ScenarioId>, others: bool) -> ProjectionNeeds {
    let order: Vec<PartnerId> = project.partners.keys().cloned().collect();
    ProjectionNeeds {
        scenario: active.cloned(),
        partner_bands: partners_to_show(&order, &Default::default(), |_| true),
        others,
    }
}

/// Asks for the figures as a frame does; the latest ones, and whether newer are coming.
fn get(
    cache: &mut ProjectionCache,
    project: &Arc<Project>,
    revision: u64,
    active: Option<&ScenarioId>,
    others: bool,
) -> Option<(ScenarioFigures, bool)> {
    let ctx = egui::Context::default();
    cache.update(project, revision, needs(project, active, others), &ctx);
    let updating = cache.is_updating();
    cache.figures().cloned().map(|f| (f, updating))
}

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
    get(cache, project, revision, active, false);
    // A slow first computation (a debug build) sends the next ones to a thread.
    cache.wait();
    let (figures, updating) = get(cache, project, revision, active, false).expect("computed");
    assert!(!updating);
    figures
}

#[test]
fn the_demo_is_computed_at_once_and_a_scenario_edit_reuses_the_calibration() {
    let mut project = Arc::new(crate::demo::embedded());
    let id = project.scenarios.keys().next().cloned();
    let mut cache = ProjectionCache::default();

    let (figures, updating) =
        get(&mut cache, &project, 1, id.as_ref(), false).expect("computed at once");
    assert!(!updating);
    assert_eq!(figures.scenario_id, id);
    assert_eq!(
        figures
            .baseline
            .partners
            .iter()
            .filter(|p| p.band.is_some())
            .count(),
        8,
        "a small project has every partner's band"
    );
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
    let mut project = Arc::new(crate::demo::embedded());
    let ids: Vec<ScenarioId> = project.scenarios.keys().cloned().collect();
    let mut cache = ProjectionCache::default();
    let others = |cache: &mut ProjectionCache, project: &Arc<Project>, revision| {
        get(cache, project, revision, Some(&ids[0]), true);
        cache.wait();
        let (figures, _) = get(cache, project, revision, Some(&ids[0]), true).expect("computed");
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
    get(&mut cache, &project, 3, Some(&ids[0]), false);
    cache.wait();
    let (figures, updating) = get(&mut cache, &project, 3, Some(&ids[0]), false).expect("computed");
    assert!(!updating);
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
    let mut project = Arc::new(generate(&DemoOptions {
        partners: 120,
        months: 24,
        ..DemoOptions::default()
    }));
    let id = project.scenarios.keys().next().cloned().unwrap();
    let mut cache = ProjectionCache::default();

    assert!(get(&mut cache, &project, 1, Some(&id), false).is_none());
    assert!(cache.is_updating());
    cache.wait();
    let (figures, updating) = get(&mut cache, &project, 1, Some(&id), false).unwrap();
    assert!(!updating);
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
    let (stale, updating) = get(&mut cache, &project, 2, Some(&id), false).unwrap();
    assert!(updating, "the previous figures, marked as such");
    assert_eq!(stale.comparison.as_ref(), Some(&old));
    cache.wait();
    let (fresh, updating) = get(&mut cache, &project, 2, Some(&id), false).unwrap();
    assert!(!updating);
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
