//! The Scenarios view driven as a user would, headless (egui_kittest without rendering):
//! what it shows from the figures, and which requests its controls put in the outbox.

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::ScenarioInputs;
use super::ScenariosView;
use super::comparison_table;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::analysis::projection::{self, ProjectionSettings, compare};
use crate::analysis::scenario_figures::{ScenarioFigures, compare_months};
use crate::i18n::Lang;
use crate::model::{Edit, Project, Scenario, ScenarioChange, ScenarioId};
use crate::ui::{Outbox, Request, Selection, ViewCtx};

struct State {
    project: Project,
    dashboard: Dashboard,
    figures: ScenarioFigures,
    view: ScenariosView,
    selection: Selection,
    outbox: Outbox,
    editable: bool,
    /// Draw as before the first figures arrive.
    no_figures: bool,
    /// The scenario the app would lend the view: picks are applied to it as the app does.
    active: Option<ScenarioId>,
}

/// The figures the app would compute for `active`.
fn figures(project: &Project, active: &ScenarioId) -> ScenarioFigures {
    let settings = ProjectionSettings::default();
    let calibration = projection::calibrate(project, &settings);
    let baseline = Arc::new(projection::project_calibrated(
        project,
        None,
        &settings,
        &calibration,
    ));
    let scenario = project.scenarios.get(active).map(|scenario| {
        Arc::new(projection::project_calibrated(
            project,
            Some(scenario),
            &settings,
            &calibration,
        ))
    });
    let comparison = scenario
        .as_ref()
        .map(|s| compare(&baseline, s, &compare_months(baseline.anchor)));
    ScenarioFigures {
        baseline,
        scenario,
        comparison,
        others: Vec::new(),
        revision: 1,
        scenario_id: Some(active.clone()),
        backtest: None,
    }
}

fn harness(project: Project, active: &str, editable: bool) -> Harness<'static, State> {
    let dashboard = dashboard(&project);
    let figures = figures(&project, &ScenarioId::new(active));
    let state = State {
        project,
        dashboard,
        figures,
        view: ScenariosView::default(),
        selection: Selection::default(),
        outbox: Outbox::default(),
        editable,
        no_figures: false,
        active: Some(ScenarioId::new(active)),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1400.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut State| {
                let mut cx = ViewCtx {
                    project: &state.project,
                    dashboard: &state.dashboard,
                    revision: 1,
                    lang: Lang::It,
                    selection: &state.selection,
                    outbox: &mut state.outbox,
                    editable: state.editable,
                };
                let inputs = ScenarioInputs {
                    active: state.active.as_ref(),
                    figures: (!state.no_figures).then_some(&state.figures),
                    status: crate::ui::WorkStatus {
                        updating: state.no_figures,
                        ..Default::default()
                    },
                };
                state.view.ui(ui, &mut cx, inputs);
                // As the app does; the edits are not applied here, so a pick of a scenario
                // the project does not have (a new one) changes nothing.
                for request in &state.outbox.requests {
                    if let Request::PickScenario(Some(id)) = request
                        && state.project.scenarios.contains_key(id)
                    {
                        state.active = Some(id.clone());
                    }
                }
            },
            state,
        );
    harness.run();
    harness
}

const EARLY: &str = "regolamento-anticipato";
const LAPTOPS: &str = "portatili-extra";

/// The demo with `change` added to the "regolamento anticipato" scenario.
fn demo_with(change: ScenarioChange) -> Project {
    let mut project = crate::demo::embedded();
    if let Some(scenario) = project.scenarios.get_mut(&ScenarioId::new(EARLY)) {
        scenario.changes.push(change);
    }
    project
}

fn put_scenarios(requests: &[Request]) -> Vec<(&ScenarioId, Option<&Scenario>)> {
    requests
        .iter()
        .filter_map(|request| match request {
            Request::Edit(Edit::PutScenario { scenario, value }) => {
                Some((scenario, value.as_ref()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_changes_read_in_words() {
    let harness = harness(crate::demo::embedded(), EARLY, true);
    harness.get_by_label("Tutti i Comuni: regolamento 2 mesi prima");
    harness.get_by_label("Tutti i Comuni: intesa sindacale 2 mesi prima");
}

#[test]
fn the_table_shows_the_comparison_and_each_partner_has_a_small_plot() {
    let harness = harness(crate::demo::embedded(), LAPTOPS, true);
    let state = harness.state();
    let laptops = &state.project.scenarios[&ScenarioId::new(LAPTOPS)].changes[0];
    harness.get_by_label(&super::words::describe(Lang::It, &state.project, laptops));
    let comparison = state.figures.comparison.as_ref().unwrap();
    let rows = comparison_table::rows(Lang::It, comparison, state.figures.baseline.anchor);
    assert_eq!(rows.len(), 8, "four months and four figures");
    for row in &rows[..4] {
        harness.get_by_label(&row.label);
        assert!(
            harness.query_all_by_label(&row.scenario).next().is_some(),
            "{} should read {}",
            row.label,
            row.scenario
        );
    }
    assert!(
        rows[1].scenario != rows[1].baseline,
        "more laptops raise adoption a year ahead"
    );
    // One small plot per partner, under its name.
    for partner in state.project.partners.values() {
        harness.get_by_label(&partner.name);
    }
    assert!(state.outbox.requests.is_empty(), "drawing asks for nothing");
}

#[test]
fn dragging_the_ceiling_slider_asks_for_a_scenario_edit_at_every_step() {
    let project = demo_with(ScenarioChange::SetCeiling {
        partner: None,
        share: 0.6,
    });
    let mut harness = harness(project, EARLY, true);
    let rect = harness
        .get_by_role_and_label(Role::Slider, "Tetto (% dello smartabile)")
        .rect();
    let y = rect.center().y;
    let press = |harness: &mut Harness<'_, State>, x: f32, pressed: bool| {
        harness.event(egui::Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    };
    harness.hover_at(egui::pos2(rect.left() + 1.0, y));
    harness.run();
    press(&mut harness, rect.left() + 1.0, true);
    harness.run();
    for x in [rect.center().x, rect.right() + 50.0] {
        harness.hover_at(egui::pos2(x, y));
        harness.run();
    }
    press(&mut harness, rect.right() + 50.0, false);
    harness.run();

    let shares: Vec<f64> = put_scenarios(&harness.state().outbox.requests)
        .into_iter()
        .map(|(id, value)| {
            assert_eq!(id.as_str(), EARLY);
            match value.and_then(|s| s.changes.last()) {
                Some(ScenarioChange::SetCeiling { share, .. }) => *share,
                other => panic!("expected the ceiling, got {other:?}"),
            }
        })
        .collect();
    assert!(
        shares.len() >= 3,
        "one edit per step of the drag: {shares:?}"
    );
    assert_eq!(shares.first(), Some(&0.0), "pressed at the left end");
    assert_eq!(shares.last(), Some(&1.0), "dragged past the right end");
    assert!(shares.windows(2).all(|w| w[0] <= w[1]));
    // The other changes of the scenario go out unchanged.
    let sent = put_scenarios(&harness.state().outbox.requests)[0]
        .1
        .unwrap()
        .clone();
    let original = &harness.state().project.scenarios[&ScenarioId::new(EARLY)];
    assert_eq!(sent.changes[..2], original.changes[..2]);
    assert_eq!(sent.name, original.name);
}

#[test]
fn new_duplicate_delete_and_pick_ask_for_the_right_changes() {
    let mut harness = harness(crate::demo::embedded(), EARLY, true);
    harness.get_by_label("Nuovo scenario").click();
    harness.run();
    harness.get_by_label("Duplica").click();
    harness.run();
    harness.get_by_label("Elimina").click();
    harness.run();
    let other = harness.state().project.scenarios[&ScenarioId::new("portatili-extra")]
        .name
        .clone();
    harness.get_by_label(&other).click();
    harness.run();

    let requests = &harness.state().outbox.requests;
    let original = harness.state().project.scenarios[&ScenarioId::new(EARLY)].clone();
    let copy = Scenario {
        name: format!("{} (copia)", original.name),
        ..original
    };
    let fresh = Scenario {
        name: "Scenario 4".into(),
        description: String::new(),
        changes: Vec::new(),
    };
    assert_eq!(
        requests.as_slice(),
        [
            Request::Edit(Edit::PutScenario {
                scenario: "scenario-4".into(),
                value: Some(fresh),
            }),
            Request::PickScenario(Some("scenario-4".into())),
            Request::Edit(Edit::PutScenario {
                scenario: "regolamento-anticipato-copia".into(),
                value: Some(copy),
            }),
            Request::PickScenario(Some("regolamento-anticipato-copia".into())),
            Request::Edit(Edit::PutScenario {
                scenario: EARLY.into(),
                value: None,
            }),
            Request::PickScenario(Some("portatili-extra".into())),
        ]
    );
}

#[test]
fn adding_and_removing_a_change() {
    let mut harness = harness(crate::demo::embedded(), EARLY, true);
    harness.get_by_label("Aggiungi una modifica").click();
    harness.run();
    harness.get_by_label("Cambia il tetto di adesione").click();
    harness.run();
    harness.get_all_by_label("Rimuovi").next().unwrap().click();
    harness.run();
    let puts = put_scenarios(&harness.state().outbox.requests);
    let original = &harness.state().project.scenarios[&ScenarioId::new(EARLY)];
    let [(_, Some(added)), (_, Some(removed))] = puts.as_slice() else {
        panic!("expected two scenario edits, got {puts:?}");
    };
    assert_eq!(added.changes.len(), 3);
    assert_eq!(
        added.changes[2],
        ScenarioChange::SetCeiling {
            partner: None,
            share: 0.7
        }
    );
    assert_eq!(removed.changes, original.changes[1..]);
}

#[test]
fn renaming_types_into_the_scenario() {
    let mut harness = harness(crate::demo::embedded(), EARLY, true);
    let field = harness.get_by_role_and_label(Role::TextInput, "Nome");
    field.focus();
    field.type_text("!");
    harness.run();
    let puts = put_scenarios(&harness.state().outbox.requests);
    let [(id, Some(renamed))] = puts.as_slice() else {
        panic!("expected one scenario edit, got {puts:?}");
    };
    assert_eq!(id.as_str(), EARLY);
    assert!(renamed.name.ends_with('!') || renamed.name.starts_with('!'));
    assert_eq!(renamed.name.len(), "Regolamento anticipato!".len());
}

#[test]
fn broken_rules_are_said_in_words() {
    let mut project = demo_with(ScenarioChange::SetAgileDays {
        partner: None,
        days: 12.0,
    });
    if let Some(scenario) = project.scenarios.get_mut(&ScenarioId::new(EARLY)) {
        scenario.changes.push(ScenarioChange::SetCeiling {
            partner: Some("bra".into()),
            share: 0.5,
        });
    }
    let harness = harness(project, EARLY, true);
    harness.get_by_label(
        "Tutti i Comuni: 12 giorni agili su 22 al mese, oltre il limite di 10: il lavoro in \
         presenza deve restare prevalente",
    );
    harness.get_by_label("Bra: potenziale al 50% dello smartabile, sotto la soglia POLA (60%)");

    let calm = harness_calm();
    calm.get_by_label_contains("Lo scenario rispetta le regole");
}

fn harness_calm() -> Harness<'static, State> {
    harness(crate::demo::embedded(), EARLY, true)
}

#[test]
fn presenting_shows_the_words_and_figures_without_controls() {
    let project = demo_with(ScenarioChange::SetCeiling {
        partner: None,
        share: 0.8,
    });
    let harness = harness(project, EARLY, false);
    harness.get_by_label("Tutti i Comuni: tetto all'80% dello smartabile");
    for control in [
        "Nuovo scenario",
        "Duplica",
        "Elimina",
        "Aggiungi una modifica",
        "Rimuovi",
    ] {
        assert!(harness.query_by_label(control).is_none(), "{control}");
    }
    assert!(harness.query_by_role(Role::Slider).is_none());
    assert!(harness.query_by_role(Role::TextInput).is_none());
    harness.get_by_label("Confronto con il piano di base");
}

#[test]
fn draws_on_a_narrow_window_and_at_a_large_zoom() {
    let project = demo_with(ScenarioChange::ShiftMilestone {
        partner: Some("bra".into()),
        milestone: crate::model::MilestoneKind::UnionAgreement,
        months: -3,
    });
    let mut harness = harness(project, EARLY, true);
    harness.ctx.set_zoom_factor(2.0);
    harness.set_size(egui::vec2(900.0, 700.0));
    harness.run();
    harness.get_by_label("Bra: intesa sindacale 3 mesi prima");
    let sliders = harness.query_all_by_role_and_label(Role::Slider, "Spostamento (mesi)");
    assert_eq!(sliders.count(), 3, "one per milestone shift");
}

#[test]
fn plot_points_are_built_once_per_figures_and_start_at_the_last_observation() {
    let mut harness = harness(crate::demo::embedded(), LAPTOPS, true);
    harness.run();
    assert_eq!(harness.state().view.series.rebuilds(), 1);
    let series = &harness.state().view.series;
    let project = &harness.state().project;
    let anchor = harness.state().figures.baseline.anchor;
    let observed: i64 = project
        .partners
        .values()
        .filter_map(|p| p.observations.get(anchor).map(|o| o.smart_workers))
        .sum();
    let x = f64::from(anchor.months_since(project.meta.start));
    let first = series.baseline.median[0];
    assert_eq!((first.x, first.y), (x, observed as f64));
    assert_eq!(
        series.observed.last().map(|p| (p.x, p.y)),
        Some((x, observed as f64))
    );
    assert_eq!(
        series.baseline.xs.len(),
        25,
        "the last observation and 24 months"
    );
    assert_eq!(series.partners.len(), 8);

    let state = harness.state_mut();
    let fresh = figures(&state.project, &ScenarioId::new(EARLY));
    state.figures = fresh;
    harness.run();
    assert_eq!(
        harness.state().view.series.rebuilds(),
        2,
        "new figures, new points"
    );
}

#[test]
fn without_scenarios_the_baseline_shows_and_a_new_one_is_offered() {
    let mut project = crate::demo::embedded();
    project.scenarios.clear();
    let mut harness = harness(project, "none", true);
    harness.get_by_label_contains("Nessuno scenario: creane uno");
    harness.get_by_label("Crea uno scenario per confrontarlo con il piano di base.");
    assert!(harness.query_by_label("Aggiungi una modifica").is_none());
    // The plot still shows the baseline and the observed history.
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Piano di base")
            .is_some()
    );
    harness.get_by_label("Nuovo scenario").click();
    harness.run();
    let puts = put_scenarios(&harness.state().outbox.requests);
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].1.map(|s| s.name.as_str()), Some("Scenario 1"));
}

#[test]
fn many_partners_show_twelve_small_plots_the_selected_first() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 30,
        months: 24,
        seed: 5,
    });
    let active = project.scenarios.keys().next().unwrap().as_str().to_owned();
    let mut harness = harness(project, &active, true);
    let state = harness.state_mut();
    let order = dashboard(&state.project).partner_order;
    let picked = order[20].clone();
    state.selection.select_only(picked.clone());
    harness.run();
    harness.get_by_label(
        "Comuni mostrati: 12 (su 30), prima i selezionati, poi in ordine alfabetico.",
    );
    let shown: Vec<_> = harness
        .state()
        .view
        .series
        .partners
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(shown.len(), 12);
    assert_eq!(shown[0], picked);
    assert_eq!(shown[1..], order[..11]);
}

#[test]
fn before_the_first_figures_the_view_says_so_and_a_pick_shows_its_changes() {
    let mut harness = harness(crate::demo::embedded(), LAPTOPS, true);
    harness.state_mut().no_figures = true;
    // The spinner repaints: step rather than run.
    harness.step();
    harness.get_by_label("Calcolo della proiezione in corso…");
    assert!(
        harness
            .query_by_label("Confronto con il piano di base")
            .is_none()
    );
    harness.get_by_label("Regolamento anticipato").click();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::PickScenario(Some(EARLY.into()))]
    );
    // Its changes show while its figures are computed.
    harness.get_by_label("Tutti i Comuni: regolamento 2 mesi prima");
}

#[test]
fn a_long_list_of_changes_scrolls_and_leaves_the_comparison_in_sight() {
    let harness = harness(crate::demo::embedded(), "gara-in-ritardo", true);
    let changes = harness.state().project.scenarios[&ScenarioId::new("gara-in-ritardo")]
        .changes
        .len();
    assert!(changes >= 8, "a change per awaited purchase: {changes}");
    // Awaited purchases say so rather than showing a blank month.
    assert!(
        harness
            .query_all_by_value("10 × Portatile (in attesa)")
            .next()
            .is_some()
    );
    let first_card = harness
        .query_all_by_label_contains("Alba: consegna di")
        .map(|node| node.rect().top())
        .fold(f32::INFINITY, f32::min);
    let table = harness
        .get_by_label("Confronto con il piano di base")
        .rect()
        .top();
    // Eight cards of about 105 px each would push the table past 900 px below the first.
    assert!(
        table - first_card < 520.0,
        "the table is {} px below the first change",
        table - first_card
    );
}

#[test]
fn any_projected_month_can_be_picked_for_its_own_row() {
    let mut harness = harness(crate::demo::embedded(), LAPTOPS, true);
    let month = harness.state().figures.baseline.anchor.plus(9);
    let (baseline, scenario) = {
        let figures = &harness.state().figures;
        let at = |p: &projection::Projection| p.consortium_at(month).unwrap();
        (
            comparison_table::adopters(Lang::It, at(&figures.baseline)),
            comparison_table::adopters(Lang::It, at(figures.scenario.as_deref().unwrap())),
        )
    };
    assert_ne!(baseline, scenario, "the scenario raises adoption by then");
    assert!(harness.query_all_by_label(&scenario).next().is_none());

    harness
        .get_by_role_and_label(Role::ComboBox, "Lavoratori agili a")
        .click();
    harness.run();
    let name = crate::i18n::format::month(Lang::It, month);
    harness.get_by_label(&name).scroll_to_me();
    harness.run();
    harness.get_by_label(&name).click();
    harness.run();

    harness.get_by_label(&baseline);
    harness.get_by_label(&scenario);
    assert!(
        harness.state().outbox.requests.is_empty(),
        "a view choice, not an edit"
    );
}

#[test]
fn thousands_of_changes_are_shown_a_page_at_a_time() {
    let mut project = crate::demo::embedded();
    if let Some(scenario) = project.scenarios.get_mut(&ScenarioId::new(EARLY)) {
        scenario.changes = (0..100)
            .map(|i| ScenarioChange::SetAgileDays {
                partner: None,
                days: 4.0 + f64::from(i) / 100.0,
            })
            .collect();
    }
    let mut harness = harness(project, EARLY, true);
    let cards = |harness: &Harness<'_, State>| harness.query_all_by_label("Rimuovi").count();
    assert_eq!(cards(&harness), 40);
    harness.get_by_label("Altre 60 modifiche non mostrate");

    let more = harness.get_by_label("Mostra altre 40");
    more.scroll_to_me();
    harness.run();
    harness.get_by_label("Mostra altre 40").click();
    harness.run();
    assert_eq!(cards(&harness), 80);
    harness.get_by_label("Altre 20 modifiche non mostrate");
    assert!(
        harness.state().outbox.requests.is_empty(),
        "a way of looking"
    );
}

#[test]
fn a_purchase_beyond_the_comunes_staff_is_flagged_beside_its_quantity() {
    let project = crate::demo::embedded();
    let Some(ScenarioChange::AddEquipment { partner, .. }) =
        project.scenarios[&ScenarioId::new(LAPTOPS)].changes.first()
    else {
        panic!("the laptops scenario starts with a purchase");
    };
    let partner = partner.clone();
    let mut harness = harness(project, LAPTOPS, true);
    assert!(
        harness
            .query_by_label_contains("more than one per employee")
            .is_none()
            && harness
                .query_by_label_contains("più di uno a testa")
                .is_none(),
        "20 laptops are within the staff"
    );
    let staff = harness.state().project.partners[&partner].headcount;
    if let Some(ScenarioChange::AddEquipment { quantity, .. }) = harness
        .state_mut()
        .project
        .scenarios
        .get_mut(&ScenarioId::new(LAPTOPS))
        .unwrap()
        .changes
        .first_mut()
    {
        *quantity = staff + 1;
    }
    harness.run();
    let expected = format!(
        "{} dispositivi per {} dipendenti: più di uno a testa",
        crate::i18n::format::integer(Lang::It, staff + 1),
        crate::i18n::format::integer(Lang::It, staff)
    );
    harness.get_by_label(&expected);
}
