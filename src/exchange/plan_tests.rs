//! Planning and applying imports of observations and staff figures: matching, row errors,
//! conflicts, one batch, exact undo.

use super::apply::{ApplyError, apply_all, apply_in_place, edits};
use super::change::{Resolution, Target, Value};
use super::row::Reason;
use super::schema::FieldKey;
use super::test_support::{m, obs, plan_of, programme, sheet};
use super::values::ValueError;
use crate::model::{Edit, PartnerId};

const OBSERVATIONS: &[&str] = &[
    "Comune",
    "Mese",
    "Dipendenti in lavoro agile",
    "Giornate agili medie",
];

#[test]
fn observations_land_with_their_values_and_grow_the_series() {
    let project = programme();
    let grid = sheet(&[
        OBSERVATIONS,
        &["Bra", "mar 2025", "15", "5,5"],
        &["COMUNE DI BRA", "04/2025", "18", "6"],
        &["Alba", "2025-03", "30", "3,25"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.rows_read, 3);
    assert!(plan.all_valid(), "{:?}", plan.errors);
    assert_eq!(plan.conflicts().count(), 0);
    let mut after = project.clone();
    apply_all(&mut after, edits(&plan, &project).unwrap()).unwrap();
    let bra = &after.partners[&PartnerId::new("bra")];
    assert_eq!(bra.observations.get(m("2025-03")), Some(&obs(15, 5.5)));
    assert_eq!(bra.observations.get(m("2025-04")), Some(&obs(18, 6.0)));
    assert_eq!(bra.observations.get(m("2025-01")), Some(&obs(10, 4.0)));
    let alba = &after.partners[&PartnerId::new("alba")];
    assert_eq!(alba.observations.start, m("2025-03"));
    assert_eq!(alba.observations.get(m("2025-03")), Some(&obs(30, 3.25)));
}

#[test]
fn apply_then_undo_gives_back_the_project_exactly() {
    let project = programme();
    let grid = sheet(&[
        OBSERVATIONS,
        &["Bra", "feb 2025", "13", "4,5"],
        &["Roddi", "feb 2025", "3", "2"],
    ]);
    let plan = plan_of(&project, &grid, true);
    let batch = edits(&plan, &project).unwrap();
    assert_eq!(batch.len(), 2, "one edit per Comune touched");
    let mut document = project.clone();
    let inverses = apply_all(&mut document, batch).unwrap();
    assert_ne!(document, project);
    apply_all(&mut document, inverses).unwrap();
    assert_eq!(document, project);
}

#[test]
fn a_value_already_in_the_project_is_a_conflict_the_user_resolves() {
    let project = programme();
    let grid = sheet(&[
        OBSERVATIONS,
        &["Bra", "gen 2025", "11", "4"],
        &["Bra", "feb 2025", "12", "4,5"],
    ]);
    let mut plan = plan_of(&project, &grid, false);
    // February holds the same values: nothing to change, no conflict.
    let conflicts: Vec<_> = plan.conflicts().map(|(i, c)| (i, c.clone())).collect();
    assert_eq!(conflicts.len(), 1);
    let (index, conflict) = &conflicts[0];
    assert_eq!(conflict.target, Target::Observation(m("2025-01")));
    assert_eq!(conflict.old, Some(Value::Observation(obs(10, 4.0))));
    assert_eq!(conflict.value, Value::Observation(obs(11, 4.0)));
    assert_eq!(conflict.row, 2);

    let january = |plan: &super::plan::Plan| {
        let mut after = project.clone();
        apply_all(&mut after, edits(plan, &project).unwrap()).unwrap();
        after.partners[&PartnerId::new("bra")]
            .observations
            .get(m("2025-01"))
            .copied()
    };
    assert_eq!(january(&plan), Some(obs(11, 4.0)), "overwrite by default");
    plan.resolve(*index, Resolution::Keep);
    assert_eq!(january(&plan), Some(obs(10, 4.0)));
    plan.resolve_all(Resolution::Overwrite);
    assert_eq!(january(&plan), Some(obs(11, 4.0)));
}

#[test]
fn empty_cells_keep_the_months_other_values() {
    let project = programme();
    let grid = sheet(&[OBSERVATIONS, &["Bra", "gen 2025", "11", ""]]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.changes[0].value, Value::Observation(obs(11, 4.0)));
}

#[test]
fn bad_cells_refuse_their_row_with_row_column_value_and_reason() {
    let project = programme();
    let grid = sheet(&[
        &["Rilevazione 2025"],
        &[],
        OBSERVATIONS,
        &["Bra", "marzo 2025", "dodici", "4"],
        &["Bra", "13/2025", "12", "4"],
        &["Bra", "apr 2025", "12", "#DIV/0!"],
        &["Bra", "mag 2025", "12", "4"],
        &["Bra", "mag 2025", "14", "4"],
        &["", "giu 2025", "12", "4"],
        // January holds 10 smart workers in the project: row 10 agrees, row 11 does not.
        &["Bra", "gen 2025", "10", "4"],
        &["Bra", "gen 2025", "11", "4"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.rows_read, 8);
    assert_eq!(plan.rows_valid, vec![7, 10]);
    let errors: Vec<_> = plan
        .errors
        .iter()
        .map(|e| (e.row, e.column_letter(), e.value.as_str(), e.reason.clone()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (
                4,
                "C".to_owned(),
                "dodici",
                Reason::Value {
                    field: FieldKey::SmartWorkers,
                    error: ValueError::NotANumber
                }
            ),
            (
                5,
                "B".to_owned(),
                "13/2025",
                Reason::Value {
                    field: FieldKey::Month,
                    error: ValueError::NotAMonth
                }
            ),
            (
                6,
                "D".to_owned(),
                "#DIV/0!",
                Reason::Value {
                    field: FieldKey::AgileDays,
                    error: ValueError::ErrorCell("#DIV/0!".into())
                }
            ),
            (8, String::new(), "", Reason::Contradicts { row: 7 }),
            (9, String::new(), "", Reason::NoComune),
            (11, String::new(), "", Reason::Contradicts { row: 10 }),
        ]
    );
    assert_eq!(plan.errors[0].header, "Dipendenti in lavoro agile");
    assert_eq!(plan.errors_of(5).count(), 1);
    assert_eq!(plan.errors_of(7).count(), 0);
}

#[test]
fn unknown_comuni_are_listed_or_created_with_ids_from_their_names() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Comune",
            "Codice ISTAT",
            "Mese",
            "Dipendenti in lavoro agile",
        ],
        &["Comune di Sant'Albano Stura", "004203", "gen 2025", "2"],
        &["Sant Albano Stura", "", "feb 2025", "3"],
        &["", "4029", "feb 2025", "12"],
        &["Alba", "004003", "feb 2025", "7"],
    ]);
    let listed = plan_of(&project, &grid, false);
    assert_eq!(
        listed.unknown.iter().collect::<Vec<_>>(),
        vec!["Comune di Sant'Albano Stura", "Sant Albano Stura"]
    );
    assert_eq!(listed.rows_valid, vec![4, 5]);

    let created = plan_of(&project, &grid, true);
    assert!(created.all_valid(), "{:?}", created.errors);
    assert_eq!(created.created.len(), 1);
    let new = &created.created[0];
    assert_eq!(new.id.as_str(), "sant-albano-stura");
    assert_eq!(new.istat.as_deref(), Some("004203"));
    let mut after = project.clone();
    apply_all(&mut after, edits(&created, &project).unwrap()).unwrap();
    let sant = &after.partners[&new.id];
    assert_eq!(sant.name, "Comune di Sant'Albano Stura");
    assert_eq!(
        sant.observations.get(m("2025-02")).unwrap().smart_workers,
        3
    );
    // Alba gets the ISTAT code it lacked; Bra was found by its code without a name.
    assert_eq!(
        after.partners[&PartnerId::new("alba")].istat.as_deref(),
        Some("004003")
    );
    assert_eq!(
        created
            .matched
            .iter()
            .map(PartnerId::as_str)
            .collect::<Vec<_>>(),
        vec!["alba", "bra"]
    );
}

#[test]
fn staff_figures_and_province_by_istat_code() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Codice ISTAT",
            "Ente",
            "Provincia",
            "Popolazione",
            "Dipendenti",
            "Dirigenti",
            "Dipendenti con attività smartabili",
        ],
        &["004029", "Bra", "cn", "29.871", "182", "14", "96"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.kind, super::schema::FileKind::Partners);
    assert!(plan.all_valid(), "{:?}", plan.errors);
    let mut after = project.clone();
    apply_all(&mut after, edits(&plan, &project).unwrap()).unwrap();
    let bra = &after.partners[&PartnerId::new("bra")];
    assert_eq!(
        (bra.population, bra.headcount, bra.managers, bra.smartable),
        (29_871, 182, 14, 96)
    );
    // Headcount was 180: a conflict; the others were zero or equal.
    let conflicts: Vec<_> = plan.conflicts().map(|(_, c)| c.target.clone()).collect();
    assert_eq!(
        conflicts,
        vec![
            Target::Staff(crate::model::edit::StaffField::Population),
            Target::Staff(crate::model::edit::StaffField::Headcount)
        ]
    );
}

#[test]
fn a_plan_refuses_to_apply_once_its_comune_is_gone() {
    let project = programme();
    let grid = sheet(&[OBSERVATIONS, &["Alba", "gen 2025", "3", "1"]]);
    let plan = plan_of(&project, &grid, false);
    let mut changed = project.clone();
    Edit::PutPartner {
        partner: "alba".into(),
        value: None,
    }
    .apply(&mut changed)
    .unwrap();
    assert_eq!(
        edits(&plan, &changed),
        Err(ApplyError::PartnerGone("alba".into()))
    );
    let before = changed.clone();
    assert_eq!(
        apply_in_place(&plan, &mut changed),
        Err(ApplyError::PartnerGone("alba".into()))
    );
    assert_eq!(changed, before, "nothing changed");
}

#[test]
fn a_refused_row_creates_no_comune() {
    let project = programme();
    let grid = sheet(&[
        OBSERVATIONS,
        &["Cuneo", "13/2025", "40", "2"],
        &["Roddi", "gen 2025", "4", "2"],
        &["Cuneo", "feb 2025", "41", "2"],
    ]);
    let plan = plan_of(&project, &grid, true);
    let created: Vec<_> = plan
        .created
        .iter()
        .map(|p| (p.id.as_str(), p.row))
        .collect();
    assert_eq!(created, vec![("roddi", 3), ("cuneo", 4)]);
    let only_bad = sheet(&[OBSERVATIONS, &["Cuneo", "13/2025", "40", "2"]]);
    let plan = plan_of(&project, &only_bad, true);
    assert!(plan.created.is_empty());
    assert_eq!(edits(&plan, &project).unwrap(), Vec::<Edit>::new());
}

#[test]
fn typed_cells_of_xlsx_and_ods_land_like_text() {
    use super::cell::{Cell, Grid};
    let project = programme();
    let text = |t: &str| Cell::Text(t.into());
    let grid = Grid {
        name: "Rilevazioni".to_owned(),
        rows: vec![
            vec![
                text("Codice ISTAT"),
                text("Mese"),
                text("Dipendenti in lavoro agile"),
                text("Giornate agili medie"),
            ],
            // An ISTAT code typed as a number, "gen 2025" turned into a date by Calc.
            vec![
                Cell::Number(4029.0),
                Cell::Date(jiff::civil::date(2025, 3, 1)),
                Cell::Number(15.0),
                Cell::Number(5.5),
            ],
            // A month as a serial number, a formula's cached value a hair off 16.
            vec![
                text("004029"),
                Cell::Number(45_748.0),
                Cell::Number(15.999_999_999_9),
                Cell::Number(6.0),
            ],
            vec![
                text("004029"),
                Cell::Date(jiff::civil::date(2025, 5, 1)),
                Cell::Error("#DIV/0!".into()),
                Cell::Number(6.0),
            ],
        ],
    };
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.rows_valid, vec![2, 3]);
    assert_eq!(
        plan.errors[0].reason,
        Reason::Value {
            field: FieldKey::SmartWorkers,
            error: ValueError::ErrorCell("#DIV/0!".into())
        }
    );
    assert_eq!(plan.errors[0].value, "#DIV/0!");
    let mut after = project.clone();
    apply_all(&mut after, edits(&plan, &project).unwrap()).unwrap();
    let bra = &after.partners[&PartnerId::new("bra")];
    assert_eq!(bra.observations.get(m("2025-03")), Some(&obs(15, 5.5)));
    assert_eq!(bra.observations.get(m("2025-04")), Some(&obs(16, 6.0)));
}
