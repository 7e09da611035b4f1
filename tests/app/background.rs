//! Background work seen from the window: a worker that panics becomes an error the user can
//! retry, a save whose worker dies leaves the file as it was, keystrokes on a national
//! programme do not queue a computation each, and projections are computed for a surface
//! other than the Scenarios view.

use crate::app_support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use app_support::{Setup, settle};
use cruscotto::analysis::dashboard::{Dashboard, dashboard};
use cruscotto::analysis::scenario_figures::ProjectionNeeds;
use cruscotto::app::{AppCommand, Prompt, Startup, ViewKind};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::model::{Edit, PartnerId, Project};
use cruscotto::store::{self, SaveError};
use cruscotto::ui::Request;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

static FIGURES_BROKEN: AtomicBool = AtomicBool::new(true);

fn broken_until_fixed(project: &Project) -> Dashboard {
    if FIGURES_BROKEN.load(Ordering::SeqCst) {
        panic!("a bug in the figures");
    }
    dashboard(project)
}

#[test]
fn figures_whose_worker_panics_show_an_error_with_retry_and_the_app_stays_usable() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.backends.dashboard = broken_until_fixed;
    let mut harness = setup.harness();

    harness
        .get_by_label("The figures could not be updated: the window shows the last ones computed.");
    harness.get_by_label("Internal error: a bug in the figures");
    assert!(
        !harness.state().is_busy(),
        "a failure is not an endless 'updating'"
    );

    // Still usable: another view, an edit, undo.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Partners);
    harness
        .state_mut()
        .request(Request::Edit(Edit::SetTitle("Ancora qui".into())));
    harness.run();
    assert_eq!(harness.state().project().meta.title, "Ancora qui");

    FIGURES_BROKEN.store(false, Ordering::SeqCst);
    // The failure stays until the user asks again: no retry loop frame after frame.
    harness.run();
    harness.get_by_label("Retry").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Internal error: a bug in the figures")
            .is_none()
    );
    let figures = harness.state_mut().figures();
    assert_eq!(*figures, dashboard(harness.state().project()));
}

fn save_that_panics(_: &std::path::Path, _: &Project) -> Result<(), SaveError> {
    panic!("disk driver bug");
}

#[test]
fn a_save_whose_worker_panics_leaves_the_file_as_it_was_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("piano.ron");
    store::save(&path, &cruscotto::demo::embedded()).unwrap();
    let on_disk = std::fs::read(&path).unwrap();
    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::File(path.clone());
    setup.backends.save = save_that_panics;
    let mut harness = setup.harness();

    harness
        .state_mut()
        .request(Request::Edit(Edit::SetTitle("Piano 2027".into())));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut harness);

    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the file is untouched"
    );
    assert!(
        harness.state().document().is_dirty(),
        "the edit is still unsaved"
    );
    assert_eq!(harness.state().project().meta.title, "Piano 2027");
    assert!(
        !harness.state().is_busy(),
        "the save does not show as running"
    );
    match harness.state().prompt() {
        Some(Prompt::Error { message, .. }) => {
            assert!(message.contains("piano.ron"), "{message}");
            assert!(message.contains("disk driver bug"), "{message}");
            assert!(
                message.contains("The file on disk is as it was"),
                "{message}"
            );
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

/// Closed while a test types: figure computations wait here, so how many start does not
/// depend on how fast this machine computes them.
static GATE: (Mutex<bool>, Condvar) = (Mutex::new(true), Condvar::new());

fn set_gate(open: bool) {
    *GATE.0.lock().unwrap() = open;
    GATE.1.notify_all();
}

fn gated_dashboard(project: &Project) -> Dashboard {
    let mut open = GATE.0.lock().unwrap();
    while !*open {
        open = GATE.1.wait(open).unwrap();
    }
    drop(open);
    dashboard(project)
}

#[test]
fn twenty_keystrokes_on_the_national_programme_start_at_most_two_figure_computations() {
    let project = generate(&DemoOptions {
        partners: 7_900,
        months: 60,
        ..DemoOptions::default()
    });
    let partner: PartnerId = project.partners.keys().nth(100).cloned().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::Project(Box::new(project));
    setup.backends.dashboard = gated_dashboard;
    let mut harness = setup.harness();
    harness
        .state_mut()
        .request(Request::EditPartner(partner.clone()));
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name of the Comune")
        .focus();
    harness.run();
    let before = harness.state().figure_computations();

    set_gate(false);
    for letter in "abcdefghijklmnopqrst".chars() {
        harness.event(egui::Event::Text(letter.to_string()));
        harness.step();
    }
    let name = harness.state().project().partners[&partner].name.clone();
    assert!(name.ends_with("abcdefghijklmnopqrst"), "{name}");
    set_gate(true);
    settle(&mut harness);
    harness.step();
    settle(&mut harness);

    let started = harness.state().figure_computations() - before;
    assert!(started <= 2, "{started} computations for 20 keystrokes");
    assert_eq!(
        harness.state().figures_revision(),
        Some(harness.state().document().revision()),
        "the last keystroke's figures are the ones shown"
    );
}

#[test]
fn projections_a_surface_needs_are_computed_with_the_scenarios_view_never_opened() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    assert_eq!(harness.state().view(), ViewKind::Overview);
    assert!(
        harness.state().scenario_figures().is_none(),
        "nobody asked yet"
    );

    let scenario = harness.state().project().scenarios.keys().nth(1).cloned();
    harness.state_mut().need_projections(Some(ProjectionNeeds {
        scenario: scenario.clone(),
        partner_bands: Vec::new(),
        others: false,
    }));
    settle(&mut harness);

    assert_eq!(harness.state().view(), ViewKind::Overview);
    let figures = harness.state().scenario_figures().expect("computed");
    assert_eq!(figures.scenario_id, scenario);
    assert!(figures.comparison.is_some());
    assert_eq!(figures.revision, harness.state().document().revision());
}

static CALIBRATION_BROKEN: AtomicBool = AtomicBool::new(true);

fn calibrate_until_fixed(
    project: &Project,
    settings: &cruscotto::analysis::projection::ProjectionSettings,
) -> cruscotto::analysis::projection::Calibration {
    if CALIBRATION_BROKEN.load(Ordering::SeqCst) {
        panic!("calibration diverged");
    }
    cruscotto::analysis::projection::calibrate(project, settings)
}

#[test]
fn projections_whose_worker_panics_say_so_in_the_scenarios_view_with_retry() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.backends.calibrate = calibrate_until_fixed;
    let mut harness = setup.harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, AppCommand::ShowView(ViewKind::Scenarios));
    settle(&mut harness);

    harness.get_by_label("The projections could not be computed.");
    harness.get_by_label("Internal error: calibration diverged");
    assert!(!harness.state().is_busy(), "not an endless 'computing'");

    CALIBRATION_BROKEN.store(false, Ordering::SeqCst);
    harness.get_by_label("Retry").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("The projections could not be computed.")
            .is_none()
    );
    assert!(harness.state().scenario_figures().is_some());
}
