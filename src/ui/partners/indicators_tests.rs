//! Tests of `indicators.rs`, kept beside it so the view's file holds only the view.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::super::data_harness::{harness, month, retype};
use super::*;

fn values(targets: &[(i32, f64)], observed: &[(&str, f64)]) -> IndicatorValues {
    IndicatorValues {
        baseline: Some(10.0),
        targets: targets.iter().copied().collect(),
        observed: observed.iter().map(|(m, v)| (month(m), *v)).collect(),
    }
}

#[test]
fn target_status_compares_the_latest_value_with_the_target_of_its_year() {
    // Higher is better: 2026's 52 against 2026's target of 50 (2025's 60 is older).
    let rising = values(
        &[(2025, 30.0), (2026, 50.0)],
        &[("2025-12", 20.0), ("2026-12", 52.0)],
    );
    assert_eq!(target_status(&rising, true), TargetStatus::OnTrack);
    // Exactly on the target counts as on track, either way round.
    let exact = values(&[(2026, 52.0)], &[("2026-06", 52.0)]);
    assert_eq!(target_status(&exact, true), TargetStatus::OnTrack);
    assert_eq!(target_status(&exact, false), TargetStatus::OnTrack);
    // Lower is better (days to close a file): 17,2 against a target of 16,8 misses.
    let days = values(&[(2025, 16.8), (2026, 15.1)], &[("2025-12", 17.2)]);
    assert_eq!(target_status(&days, false), TargetStatus::OffTrack);
    assert_eq!(target_status(&days, true), TargetStatus::OnTrack);
    let faster = values(&[(2026, 15.1)], &[("2026-12", 14.0)]);
    assert_eq!(target_status(&faster, false), TargetStatus::OnTrack);
    assert_eq!(target_status(&faster, true), TargetStatus::OffTrack);
}

#[test]
fn target_status_is_unknown_without_a_value_a_target_or_a_number() {
    assert_eq!(
        target_status(&values(&[(2025, 1.0)], &[]), true),
        TargetStatus::Unknown
    );
    // A value of 2027 with targets for 2025 and 2026 only.
    let late = values(&[(2025, 1.0), (2026, 2.0)], &[("2027-01", 5.0)]);
    assert_eq!(target_status(&late, true), TargetStatus::Unknown);
    let nan = values(&[(2025, 1.0)], &[("2025-06", f64::NAN)]);
    assert_eq!(target_status(&nan, true), TargetStatus::Unknown);
}

/// Bra's demo values of "tempi-pratiche" (lower is better): target 2026 15,1, observed
/// 15,8 in December 2026, so off target; "lavoratori-agili": 45,3 against 48,1, off too;
/// "co2-evitata": 905 against 730, on track.
#[test]
fn the_table_flags_each_indicator_as_the_data_says() {
    let project = crate::demo::embedded();
    let harness = harness::<IndicatorsSection>(project, "bra", true);
    assert!(harness.query_all_by_label("fuori obiettivo").count() >= 2);
    let bra = &harness.state().project.partners[&PartnerId::from("bra")];
    let expected_on = harness
        .state()
        .project
        .indicators
        .iter()
        .filter(|(id, def)| {
            bra.indicators
                .get(*id)
                .is_some_and(|v| target_status(v, def.higher_is_better) == TargetStatus::OnTrack)
        })
        .count();
    assert_eq!(harness.query_all_by_label("in linea").count(), expected_on);
}

#[test]
fn typing_a_target_asks_to_put_the_values_with_that_target() {
    let project = crate::demo::embedded();
    let name = project.indicators[&IndicatorId::from("tempi-pratiche")]
        .name
        .clone();
    let mut harness = harness::<IndicatorsSection>(project, "bra", true);
    retype(&mut harness, &format!("Obiettivo 2026 · {name}"), "14,5");
    let edits = harness.state().edits();
    let Some(Edit::PutIndicatorValues {
        indicator,
        value: Some(value),
        ..
    }) = edits.last()
    else {
        panic!("expected an indicator edit, got {edits:?}");
    };
    assert_eq!(indicator.as_str(), "tempi-pratiche");
    assert_eq!(value.targets[&2026], 14.5);
    assert_eq!(value.targets[&2025], 16.8);
    assert_eq!(value.baseline, Some(18.5));
    assert_eq!(value.observed.len(), 2);
}

#[test]
fn observed_values_open_below_and_can_be_changed_added_and_deleted() {
    let project = crate::demo::embedded();
    let name = project.indicators[&IndicatorId::from("tempi-pratiche")]
        .name
        .clone();
    let mut harness = harness::<IndicatorsSection>(project, "bra", true);
    // The harness applies no edit: each one starts from Bra's values, 17,2 in December
    // 2025 and 15,8 in December 2026.
    let last_observed = |harness: &mut egui_kittest::Harness<'static, _>| -> Vec<(Month, f64)> {
        let state: &mut super::super::data_harness::State<IndicatorsSection> = harness.state_mut();
        let observed = match state.edits().last() {
            Some(Edit::PutIndicatorValues {
                value: Some(value), ..
            }) => value.observed.iter().map(|(m, v)| (*m, *v)).collect(),
            other => panic!("expected an indicator edit, got {other:?}"),
        };
        state.outbox.requests.clear();
        observed
    };
    harness
        .get_by_label(&format!("Valori rilevati di {name}"))
        .click();
    harness.run();
    retype(&mut harness, &format!("Valore 1 · {name}"), "17");
    assert_eq!(
        last_observed(&mut harness),
        [(month("2025-12"), 17.0), (month("2026-12"), 15.8)]
    );
    harness
        .get_by_label(&format!("Elimina il valore 2 · {name}"))
        .click();
    harness.run();
    assert_eq!(last_observed(&mut harness), [(month("2025-12"), 17.2)]);
    harness.get_by_label("Aggiungi valore").click();
    harness.run();
    // The new value goes to the month the figures refer to (or the next free one) and
    // starts from the latest value.
    let as_of = harness.state().dashboard.as_of;
    let bra = &harness.state().project.partners[&PartnerId::from("bra")];
    let programme = (month("2025-01"), month("2026-12"));
    let values = &bra.indicators[&IndicatorId::from("tempi-pratiche")];
    let new = free_month(values, as_of, programme);
    let mut expected = vec![
        (month("2025-12"), 17.2),
        (month("2026-12"), 15.8),
        (new, 15.8),
    ];
    expected.sort_by_key(|(m, _)| *m);
    assert_eq!(last_observed(&mut harness), expected);
}

#[test]
fn a_new_observed_value_goes_to_a_free_month_of_the_programme() {
    let programme = (month("2025-01"), month("2026-12"));
    let yearly = values(&[], &[("2025-12", 1.0), ("2026-12", 2.0)]);
    assert_eq!(
        free_month(&yearly, month("2026-06"), programme),
        month("2026-06")
    );
    // December 2026 is taken and is the programme's last month: the latest free before.
    assert_eq!(
        free_month(&yearly, month("2026-12"), programme),
        month("2026-11")
    );
    let full = IndicatorValues {
        observed: programme.0.through(programme.1).map(|m| (m, 1.0)).collect(),
        ..IndicatorValues::default()
    };
    assert_eq!(
        free_month(&full, month("2026-12"), programme),
        month("2027-01")
    );
}

#[test]
fn a_value_that_is_not_a_number_is_flagged_beside_its_field() {
    let mut project = crate::demo::embedded();
    let indicator = IndicatorId::from("tempi-pratiche");
    let name = project.indicators[&indicator].name.clone();
    project
        .partners
        .get_mut(&PartnerId::from("bra"))
        .unwrap()
        .indicators
        .get_mut(&indicator)
        .unwrap()
        .baseline = Some(f64::INFINITY);
    let harness = harness::<IndicatorsSection>(project, "bra", true);
    let message = crate::i18n::findings::message(
        Lang::It,
        &crate::model::validate::Problem::NotFinite {
            field: Field::Baseline,
        },
    );
    harness.get_by_label(&message);
    harness.get_by_label(&format!("Baseline · {name}"));
}

#[test]
fn read_only_shows_targets_and_status_without_fields() {
    let harness = harness::<IndicatorsSection>(crate::demo::embedded(), "bra", false);
    assert!(
        harness
            .query_all_by_label("fuori obiettivo")
            .next()
            .is_some()
    );
    // Bra's 2026 target for the days to close a file.
    harness.get_by_label("15,1");
    assert!(harness.query_all_by_role(Role::TextInput).next().is_none());
}
