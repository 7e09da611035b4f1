//! The backtest panel as a user sees it, headless: its figures, its plain "too few data to
//! tell", and the switch that puts the past forecast on the plot.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::*;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::analysis::projection::{self, DEFAULT_CUTOFFS, ProjectionSettings, backtest};
use crate::model::Project;
use crate::ui::{Outbox, Selection};

struct State {
    project: Project,
    dashboard: Dashboard,
    figures: ScenarioFigures,
    panel: BacktestPanel,
    selection: Selection,
    outbox: Outbox,
}

fn figures(project: &Project) -> ScenarioFigures {
    let settings = ProjectionSettings::default();
    let baseline = Arc::new(projection::project(project, None, &settings));
    ScenarioFigures {
        baseline,
        scenario: None,
        comparison: None,
        others: Vec::new(),
        revision: 1,
        scenario_id: None,
        backtest: Some(Arc::new(backtest(project, &settings, &DEFAULT_CUTOFFS))),
    }
}

fn harness(project: Project) -> Harness<'static, State> {
    let state = State {
        dashboard: dashboard(&project),
        figures: figures(&project),
        project,
        panel: BacktestPanel::default(),
        selection: Selection::default(),
        outbox: Outbox::default(),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_ui_state(
            |ui, state: &mut State| {
                let cx = ViewCtx {
                    project: &state.project,
                    dashboard: &state.dashboard,
                    revision: 1,
                    lang: Lang::It,
                    selection: &state.selection,
                    outbox: &mut state.outbox,
                    editable: true,
                };
                band_note(ui, cx.lang, Some(&state.figures));
                state.panel.ui(ui, &cx, &state.figures);
            },
            state,
        );
    harness.run();
    harness
}

#[test]
fn the_panel_shows_coverage_by_months_ahead_and_says_when_data_are_too_few() {
    let demo = crate::demo::embedded();
    let expected = backtest(&demo, &ProjectionSettings::default(), &DEFAULT_CUTOFFS);
    let all = expected.overall(&Subject::AllPartners).unwrap();
    let harness = harness(demo);
    harness.get_by_label_contains("Come sono andate le previsioni passate");
    harness.get_by_label_contains("P10–P90 di quanto sarà rilevato");
    // All partners over all months: "85% (123 su 144)" as the engine counts them.
    let share = format::percent(Lang::It, 100.0 * all.coverage().unwrap(), 0);
    harness.get_by_label(&format!("{share} ({} su {})", all.covered, all.compared));
    // The consortium has two forecasts to compare in each of its first six months and one in
    // the next six: six comparisons in each column, too few.
    assert_eq!(
        harness
            .get_all_by_label("dati troppo pochi per dirlo (6)")
            .count(),
        3
    );
}

#[test]
fn the_switch_puts_the_oldest_past_forecast_on_the_plot() {
    let mut harness = harness(crate::demo::embedded());
    let start = harness.state().project.meta.start;
    assert!(
        past_band(
            &harness.state().panel,
            Lang::It,
            &harness.state().figures,
            start
        )
        .is_none()
    );
    harness
        .get_by_label("Mostra nel grafico la previsione di 12 mesi fa")
        .click();
    harness.run();
    assert!(harness.state().panel.show_past);
    let state = harness.state();
    let (name, band) = past_band(&state.panel, Lang::It, &state.figures, start).unwrap();
    assert!(name.starts_with("Previsione di"), "{name}");
    // Twelve months, each a band around its median.
    assert_eq!(band.xs.len(), 12);
    assert!(
        band.low
            .iter()
            .zip(&band.high)
            .all(|(low, high)| low < high)
    );
}

#[test]
fn nothing_observed_says_there_is_nothing_to_check() {
    let mut project = crate::demo::embedded();
    for partner in project.partners.values_mut() {
        partner.observations = crate::model::Observations::empty(partner.observations.start);
    }
    let harness = harness(project);
    harness.get_by_label("Ancora nessuna rilevazione: nessuna previsione passata da verificare.");
}
