//! Tests of `observations.rs`, kept beside it so the view's file holds only the view.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::super::data_harness::{harness, month, retype};
use super::*;
use crate::i18n::Lang;
use crate::model::{Edit, Observation};
use crate::ui::partners::observations_plot::{hover_text, month_label, month_marks};
use egui_plot::{GridInput, HoverPosition, PlotPoint};

/// The demo with Bra's observations only in the first months, March 2025 not observed,
/// and nobody else observing: the figures refer to April 2025, where the table opens.
fn project() -> crate::model::Project {
    let mut project = crate::demo::embedded();
    for partner in project.partners.values_mut() {
        partner.observations = crate::model::Observations::empty(month("2025-01"));
    }
    let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
    let mut observation = Observation::new(12, 4.5);
    observation.wellbeing = Some(3.5);
    bra.observations = crate::model::Observations::empty(month("2025-01"));
    bra.observations
        .set(month("2025-01"), Some(Observation::new(10, 4.0)));
    bra.observations.set(month("2025-02"), Some(observation));
    bra.observations
        .set(month("2025-04"), Some(Observation::new(20, 5.0)));
    project
}

#[test]
fn typing_into_an_empty_month_records_it() {
    let mut harness = harness::<ObservationsSection>(project(), "bra", true);
    let field = harness.get_by_label("Lavoratori agili, mar 2025");
    assert_eq!(field.value().as_deref(), Some(""));
    retype(&mut harness, "Lavoratori agili, mar 2025", "15");
    assert_eq!(
        harness.state().edits(),
        [&Edit::SetObservation {
            partner: PartnerId::from("bra"),
            month: month("2025-03"),
            value: Some(Observation::new(15, 0.0)),
        }]
    );
}

#[test]
fn a_score_typed_into_an_empty_month_records_the_month_with_that_score() {
    let mut harness = harness::<ObservationsSection>(project(), "bra", true);
    retype(&mut harness, "Appartenenza, mar 2025", "4,5");
    let mut expected = Observation::new(0, 0.0);
    expected.belonging = Some(4.5);
    assert_eq!(
        harness.state().edits(),
        [&Edit::SetObservation {
            partner: PartnerId::from("bra"),
            month: month("2025-03"),
            value: Some(expected),
        }]
    );
}

#[test]
fn editing_an_observed_month_keeps_its_other_values() {
    let mut harness = harness::<ObservationsSection>(project(), "bra", true);
    assert_eq!(
        harness
            .get_by_label("Benessere, feb 2025")
            .value()
            .as_deref(),
        Some("3,5")
    );
    retype(&mut harness, "Giorni agili, feb 2025", "6");
    let mut expected = Observation::new(12, 6.0);
    expected.wellbeing = Some(3.5);
    assert_eq!(
        harness.state().edits(),
        [&Edit::SetObservation {
            partner: PartnerId::from("bra"),
            month: month("2025-02"),
            value: Some(expected),
        }]
    );
}

#[test]
fn clearing_a_month_asks_to_remove_its_observation() {
    let mut harness = harness::<ObservationsSection>(project(), "bra", true);
    harness
        .get_by_label("Svuota la rilevazione di gen 2025")
        .click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::SetObservation {
            partner: PartnerId::from("bra"),
            month: month("2025-01"),
            value: None,
        }]
    );
    assert!(
        harness
            .query_by_label("Svuota la rilevazione di mar 2025")
            .is_none(),
        "a month not observed has nothing to clear"
    );
}

#[test]
fn the_share_of_smartable_staff_is_shown_per_month() {
    let project = project();
    let smartable = project.partners[&PartnerId::from("bra")].smartable;
    assert_eq!(smartable, 95);
    let harness = harness::<ObservationsSection>(project, "bra", true);
    // 20 / 95 = 21,05…%.
    harness.get_by_label("21,1%");
}

#[test]
fn only_the_visible_months_are_laid_out() {
    let mut project = project();
    project.meta.end = month("2029-12");
    let harness = harness::<ObservationsSection>(project, "bra", true);
    assert!(
        harness
            .query_by_label("Lavoratori agili, gen 2025")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Lavoratori agili, dic 2029")
            .is_none(),
        "sixty rows should not all be laid out"
    );
}

#[test]
fn plot_series_break_at_unobserved_months() {
    let project = project();
    let bra = &project.partners[&PartnerId::from("bra")];
    let mut series = Series::default();
    series.refresh(1, &PartnerId::from("bra"), bra, month("2025-01"), 24);
    let runs: Vec<Vec<[f64; 2]>> = (series.runs.iter())
        .map(|run| run.iter().map(|p| [p.x, p.y]).collect())
        .collect();
    assert_eq!(
        runs,
        vec![vec![[0.0, 10.0], [1.0, 12.0]], vec![[3.0, 20.0]]]
    );
    assert_eq!(series.points.len(), 3);
    assert_eq!(series.max, 20.0);
}

#[test]
fn hovering_a_point_gives_the_month_the_count_and_the_share() {
    let near = HoverPosition::NearDataPoint {
        plot_name: "Lavoratori agili",
        position: PlotPoint::new(3.0, 20.0),
        index: 0,
    };
    assert_eq!(
        hover_text(Lang::It, month("2025-01"), 95, &near).as_deref(),
        Some("apr 2025: 20 (21,1%)")
    );
    assert_eq!(
        hover_text(Lang::En, month("2025-01"), 0, &near).as_deref(),
        Some("Apr 2025: 20")
    );
}

#[test]
fn month_marks_fall_on_half_years_or_years_as_the_width_allows() {
    let two_years = || GridInput {
        bounds: (-0.5, 23.5),
        base_step_size: 0.1,
    };
    let values = |most| -> Vec<f64> {
        (month_marks(two_years(), month("2025-01"), most).iter())
            .map(|m| m.value)
            .collect()
    };
    assert_eq!(values(6), [0.0, 6.0, 12.0, 18.0]);
    assert_eq!(values(3), [0.0, 12.0]);
    // A programme starting in November: marks still fall on January and July.
    let from_november = month_marks(two_years(), month("2024-11"), 6);
    assert_eq!(from_november[0].value, 2.0);
    assert_eq!(month_label(Lang::It, month("2025-01"), 6.0), "lug 2025");
    assert_eq!(month_label(Lang::It, month("2025-01"), 6.5), "");
}

#[test]
fn read_only_shows_the_months_without_fields() {
    let harness = harness::<ObservationsSection>(project(), "bra", false);
    harness.get_by_label("21,1%");
    assert!(harness.query_all_by_role(Role::TextInput).next().is_none());
    assert!(
        harness
            .query_by_label("Svuota la rilevazione di gen 2025")
            .is_none()
    );
}

#[test]
fn the_small_plot_rescales_when_an_edit_raises_the_highest_month() {
    use crate::model::{Month, Partner};
    use crate::ui::partners::observations_plot::Series;
    let start = Month::new(2025, 1).unwrap();
    let id = PartnerId::new("bra");
    let mut partner = Partner::new("Bra", "CN", start);
    partner.smartable = 200;
    partner
        .observations
        .set(start, Some(Observation::new(40, 6.0)));
    let state = (partner, Series::default(), 1_u64);
    let plot_id = crate::ui::partners::data_marks::root(&id)
        .with("observations_plot")
        .with("plot");
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(600.0, 400.0))
        .build_ui_state(
            move |ui, (partner, series, revision): &mut (Partner, Series, u64)| {
                series.refresh(*revision, &id, partner, start, 12);
                series.plot(ui, Lang::It, &id, start, 12, 200.0);
            },
            state,
        );
    let top = |harness: &egui_kittest::Harness<'_, _>| {
        egui_plot::PlotMemory::load(&harness.ctx, plot_id)
            .expect("the plot was drawn")
            .transform()
            .bounds()
            .max()[1]
    };
    assert!((40.0..60.0).contains(&top(&harness)), "{}", top(&harness));

    let (partner, _, revision) = harness.state_mut();
    partner
        .observations
        .set(start.plus(1), Some(Observation::new(150, 6.0)));
    *revision = 2;
    harness.run();
    assert!(
        top(&harness) >= 150.0,
        "150 drawn off the top: {}",
        top(&harness)
    );
}
