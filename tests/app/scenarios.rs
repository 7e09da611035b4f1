//! UI flows of the Scenarios view on the real app: create a scenario, give it a change, drag
//! its slider and see the comparison table follow the projection engine; undo puts the
//! table back; picking and deleting scenarios.

use crate::app_support;

use app_support::{Setup, settle};
use cruscotto::analysis::projection;
use cruscotto::app::projections::projection_settings;
use cruscotto::app::{CruscottoApp, ViewKind};
use cruscotto::i18n::{Lang, format};
use cruscotto::model::{Scenario, ScenarioChange, ScenarioId};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CruscottoApp>;

/// The demo on the Scenarios view. A debug build may project the demo on a thread (the
/// first computation takes longer than a frame's budget), and a table whose columns change
/// width takes a few frames to settle: more steps than the default four.
fn on_scenarios(folder: &std::path::Path) -> AppHarness {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_render_cursor(false)
        // The scenario tables' grids take a few frames to size changed columns, more than
        // kittest's default of 12 on some machines; a view that never settles still fails.
        .with_max_steps(32)
        .build_ui_state(
            |ui, app: &mut CruscottoApp| app.ui_for_test(ui),
            Setup::new(folder).app(),
        );
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    settle(&mut harness);
    assert_eq!(harness.state().view(), ViewKind::Scenarios);
    harness
}

fn scenario<'a>(harness: &'a AppHarness, id: &str) -> Option<&'a Scenario> {
    harness
        .state()
        .project()
        .scenarios
        .get(&ScenarioId::new(id))
}

/// What the table's scenario column should read a year ahead: the engine's projection of
/// the project as it is now, written as the table writes it.
fn expected_cell(harness: &AppHarness, id: &str) -> String {
    let project = harness.state().project();
    let settings = projection_settings(project.partners.len(), &[]);
    let projected = projection::project(
        project,
        project.scenarios.get(&ScenarioId::new(id)),
        &settings,
    );
    let q = projected
        .consortium_at(projected.anchor.plus(12))
        .expect("a year ahead is projected");
    let people = |v: f64| format::integer(Lang::En, v.round() as i64);
    format!("{} ({}–{})", people(q.p50), people(q.p10), people(q.p90))
}

fn shows(harness: &AppHarness, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

/// Presses the primary button at `from`, moves to `to` in steps, releases there.
fn drag(harness: &mut AppHarness, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.hover_at(from);
    harness.step();
    harness.event(button(from, true));
    harness.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.event(button(to, false));
    settle(harness);
}

#[test]
fn a_new_scenario_s_slider_moves_the_table_and_undo_puts_it_back() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_scenarios(folder.path());

    harness.get_by_label("New scenario").click();
    settle(&mut harness);
    let created = scenario(&harness, "scenario-4").expect("a new scenario");
    assert_eq!(created.name, "Scenario 4");
    assert!(created.changes.is_empty());
    assert_eq!(
        harness.state().active_scenario().map(ScenarioId::as_str),
        Some("scenario-4")
    );

    harness.get_by_label("Add a change").click();
    harness.run();
    harness.get_by_label("Change the adoption ceiling").click();
    settle(&mut harness);
    assert_eq!(
        scenario(&harness, "scenario-4").unwrap().changes,
        [ScenarioChange::SetCeiling {
            partner: None,
            share: 0.7
        }]
    );
    harness.get_by_label("All partners: ceiling at 70% of smartable staff");
    let before = expected_cell(&harness, "scenario-4");
    assert!(shows(&harness, &before), "the table should read {before}");

    // Drag the ceiling from 70% down to about a fifth of the rail.
    let rail = harness
        .get_by_role_and_label(Role::Slider, "Ceiling (% of smartable staff)")
        .rect();
    let handle = egui::pos2(rail.left() + rail.width() * 0.7, rail.center().y);
    let target = egui::pos2(rail.left() + rail.width() * 0.2, rail.center().y);
    drag(&mut harness, handle, target);
    let share = match scenario(&harness, "scenario-4").unwrap().changes.as_slice() {
        [ScenarioChange::SetCeiling { share, .. }] => *share,
        other => panic!("expected one ceiling, got {other:?}"),
    };
    assert!((0.1..0.3).contains(&share), "dragged to {share}");
    let after = expected_cell(&harness, "scenario-4");
    assert_ne!(after, before, "a ceiling of {share} changes adoption");
    assert!(shows(&harness, &after), "the table should read {after}");
    harness.get_by_label_contains("ceiling at ");

    // One drag, one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(
        scenario(&harness, "scenario-4").unwrap().changes,
        [ScenarioChange::SetCeiling {
            partner: None,
            share: 0.7
        }]
    );
    assert!(shows(&harness, &before), "the table is back to {before}");
    assert!(!shows(&harness, &after));
}

#[test]
fn picking_and_deleting_scenarios_and_undoing_the_delete() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_scenarios(folder.path());
    let demo = cruscotto::demo::embedded();
    // The first scenario is shown at first.
    let first = demo.scenarios.keys().next().unwrap().clone();
    assert_eq!(harness.state().active_scenario(), Some(&first));

    harness.get_by_label("Regolamento anticipato").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().active_scenario().map(ScenarioId::as_str),
        Some("regolamento-anticipato")
    );
    harness.get_by_label("All partners: union agreement 2 months earlier");

    harness.get_by_label("Delete").click();
    settle(&mut harness);
    assert!(scenario(&harness, "regolamento-anticipato").is_none());
    assert_eq!(
        harness.state().active_scenario(),
        Some(&first),
        "the first scenario left is shown"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().project(), &demo);
}

#[test]
fn the_other_scenarios_can_be_overlaid_on_the_plot() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_scenarios(folder.path());
    let others: Vec<String> = {
        let project = harness.state().project();
        let active = harness.state().active_scenario().cloned();
        project
            .scenarios
            .iter()
            .filter(|(id, _)| Some(*id) != active.as_ref())
            .map(|(_, s)| s.name.clone())
            .collect()
    };
    assert_eq!(others.len(), 2);
    let count = |harness: &AppHarness, name: &str| harness.query_all_by_label(name).count();
    let before: Vec<usize> = others.iter().map(|name| count(&harness, name)).collect();

    harness
        .get_by_role_and_label(Role::CheckBox, "Show the other scenarios too")
        .click();
    settle(&mut harness);
    // Each other scenario gets a line of its own, named in the plot's legend.
    for (name, before) in others.iter().zip(before) {
        assert_eq!(count(&harness, name), before + 1, "{name}");
    }
    assert!(
        !harness.state().document().is_dirty(),
        "a way of looking, not an edit"
    );
}

#[test]
fn nothing_of_the_scenarios_view_runs_past_the_window_on_the_right() {
    use egui_kittest::kittest::NodeT as _;
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // Italian, the longer words, on a projector's 1920 points.
    setup.lang = Lang::It;
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_render_cursor(false)
        .with_max_steps(32)
        .build_ui_state(
            |ui, app: &mut CruscottoApp| app.ui_for_test(ui),
            setup.app(),
        );
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    settle(&mut harness);
    // The backtest's table once sat in the left column, wider than it: the plot and the
    // small multiples were pushed off the window.
    harness.get_by_label("Mostra nel grafico la previsione di 12 mesi fa");
    let beyond: Vec<String> = harness
        .root()
        .children_recursive()
        .filter_map(|node| {
            let bounds = node.accesskit_node().bounding_box()?;
            (bounds.x1 > 1920.5)
                .then(|| format!("{:?} at {bounds:?}", node.accesskit_node().label()))
        })
        .collect();
    assert!(beyond.is_empty(), "past the right edge: {beyond:#?}");
}
