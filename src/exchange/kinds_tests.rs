//! Planning imports of purchases, sessions, enrolment, attendance registers and indicators.

use super::apply::{apply_all, apply_in_place, edits};
use super::change::{Target, Value};
use super::row::Reason;
use super::schema::FileKind;
use super::test_support::{m, plan_as, plan_of, programme, sheet};
use crate::model::{Cents, EquipmentKind, ModuleId, PartnerId, Project};

/// The project after the plan, checked to be the same whether the window's batch of edits
/// or the command line's changes in place carried it out.
fn applied(project: &Project, plan: &super::plan::Plan) -> Project {
    let mut after = project.clone();
    apply_all(&mut after, edits(plan, project).unwrap()).unwrap();
    let mut in_place = project.clone();
    apply_in_place(plan, &mut in_place).unwrap();
    assert_eq!(in_place, after, "changed in place as by the edits");
    after
}

fn bra(project: &Project) -> &crate::model::Partner {
    &project.partners[&PartnerId::new("bra")]
}

#[test]
fn purchases_without_a_code_are_the_same_when_kind_month_and_cost_agree() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Comune",
            "Tipo",
            "Quantità",
            "Costo unitario",
            "Mese ordine",
            "Mese consegna",
        ],
        // The project's eq-1 (20 laptops at €999, ordered 2025-02), now 25 delivered in April.
        &["Bra", "Portatile", "25", "€ 999,00", "feb 2025", "apr 2025"],
        &["Bra", "Licenza VPN", "40", "12,5", "03/2025", ""],
        &["Bra", "licenza vpn", "40", "12,50", "2025-03", ""],
        &["Bra", "Scrivania", "1", "100", "", ""],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.kind, FileKind::Equipment);
    assert_eq!(plan.rows_valid, vec![2, 3, 4]);
    assert!(matches!(
        plan.errors[0].reason,
        Reason::UnknownEquipmentKind(_)
    ));
    let conflicts: Vec<_> = plan.conflicts().map(|(_, c)| c.target.clone()).collect();
    assert_eq!(conflicts, vec![Target::Equipment("eq-1".into())]);
    let after = applied(&project, &plan);
    let equipment = &bra(&after).equipment;
    assert_eq!(equipment.len(), 2);
    assert_eq!(equipment[&"eq-1".into()].quantity, 25);
    assert_eq!(equipment[&"eq-1".into()].delivered, Some(m("2025-04")));
    let vpn = &equipment[&"vpn-licence-2025-03".into()];
    assert_eq!(vpn.kind, EquipmentKind::VpnLicence);
    assert_eq!((vpn.quantity, vpn.unit_cost), (40, Cents(1250)));
}

#[test]
fn a_purchase_code_names_the_purchase() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Codice partner",
            "Codice acquisto",
            "Tipo",
            "Quantità",
            "Costo unitario",
        ],
        &["bra", "eq-1", "Laptop", "20", "999"],
        &["bra", "eq-2", "Laptop", "20", "999"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert!(plan.all_valid(), "{:?}", plan.errors);
    let after = applied(&project, &plan);
    // eq-1 loses its months (the file has none): a conflict, overwritten by default.
    assert_eq!(plan.conflicts().count(), 1);
    assert_eq!(bra(&after).equipment[&"eq-2".into()].quantity, 20);
}

#[test]
fn sessions_choose_their_module_within_the_maximum() {
    let project = programme();
    let grid = sheet(&[
        &["Comune", "Modulo", "Data", "Ore", "Partecipanti"],
        &["Bra", "Leadership agile", "10/03/2025", "4", "13"],
        &["Bra", "competenze digitali", "2025-05-12", "", "20"],
        &["Bra", "Corso inesistente", "2025-05-12", "3", "20"],
        &["Alba", "Regolamento", "2025-05-12", "3", "20"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.kind, FileKind::Sessions);
    assert_eq!(plan.rows_valid, vec![2, 3]);
    assert!(matches!(plan.errors[0].reason, Reason::UnknownModule(_)));
    assert!(matches!(plan.errors[1].reason, Reason::RetiredModule(_)));
    let after = applied(&project, &plan);
    let lead = &bra(&after).modules[&ModuleId::new("lead")];
    // The session of 10 March is s1, now with 13 attendees.
    assert_eq!(lead.sessions[&"s1".into()].attendees, 13);
    let digi = &bra(&after).modules[&ModuleId::new("digi")];
    let session = &digi.sessions[&"s-2025-05-12".into()];
    assert_eq!((session.hours, session.attendees), (8.0, 20));

    // Bra has now chosen two modules, the maximum.
    let third = sheet(&[
        &["Comune", "Modulo", "Iscritti", "Completati"],
        &["Bra", "Leadership agile", "15", "12"],
        &["Bra", "Regolamento", "10", "5"],
        &["Alba", "Leadership agile", "10", "12"],
    ]);
    let mut full = after.clone();
    full.catalogue
        .get_mut(&ModuleId::new("rules"))
        .unwrap()
        .retired = false;
    let plan = plan_of(&full, &third, false);
    assert_eq!(plan.kind, FileKind::Enrolment);
    assert_eq!(plan.rows_valid, vec![2]);
    assert_eq!(plan.errors[0].reason, Reason::TooManyModules { max: 2 });
    assert_eq!(plan.errors[1].reason, Reason::CompletedAboveEnrolled);
    let after = applied(&full, &plan);
    let lead = &bra(&after).modules[&ModuleId::new("lead")];
    assert_eq!((lead.enrolled, lead.completed), (15, 12));
}

#[test]
fn an_attendance_register_becomes_sessions_and_completion() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Comune",
            "Modulo",
            "Data",
            "Partecipante",
            "Ore di presenza",
            "Ore previste",
            "Esito",
        ],
        // Digital skills: 8 planned hours in two sessions of 4.
        &[
            "Alba",
            "Competenze digitali",
            "01/04/2025",
            "Rossi Anna",
            "4",
            "4",
            "",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "01/04/2025",
            "Bianchi Luca",
            "4",
            "4",
            "",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "01/04/2025",
            "Verdi Carla",
            "0",
            "4",
            "",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "08/04/2025",
            "ROSSI  ANNA",
            "4",
            "4",
            "",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "08/04/2025",
            "Bianchi Luca",
            "2",
            "4",
            "",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "08/04/2025",
            "Verdi Carla",
            "2",
            "4",
            "completato",
        ],
        &[
            "Alba",
            "Competenze digitali",
            "08/04/2025",
            "Neri Paolo",
            "4",
            "4",
            "ritirato",
        ],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.kind, FileKind::Attendance);
    assert!(plan.all_valid(), "{:?}", plan.errors);
    assert_eq!(plan.rows_valid.len(), 7);
    let after = applied(&project, &plan);
    let digi = &after.partners[&PartnerId::new("alba")].modules[&ModuleId::new("digi")];
    let first = &digi.sessions[&"s-2025-04-01".into()];
    assert_eq!((first.hours, first.attendees), (4.0, 2), "Verdi was absent");
    let second = &digi.sessions[&"s-2025-04-08".into()];
    assert_eq!((second.hours, second.attendees), (4.0, 4));
    // Enrolled: 4 people. Completed: Rossi (8 h of 8), Bianchi (6 h, exactly 75% of 8),
    // Verdi (2 h, but the register says completato); not Neri (8 h, but withdrew).
    assert_eq!((digi.enrolled, digi.completed), (4, 3));
}

#[test]
fn indicator_baselines_targets_and_observed_values() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Comune",
            "Indicatore",
            "Valore di partenza",
            "Obiettivo 2025",
            "Obiettivo 2026",
            "Mese",
            "Valore",
        ],
        &[
            "Bra",
            "Dipendenti con competenze digitali",
            "20%",
            "40%",
            "60,5%",
            "dic 2025",
            "44,2%",
        ],
        &["Bra", "i-digitale", "20", "", "", "giu 2026", "51"],
        &["Bra", "Ore risparmiate", "1", "", "", "", ""],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert_eq!(plan.kind, FileKind::Indicators);
    assert_eq!(plan.rows_valid, vec![2, 3]);
    assert!(matches!(plan.errors[0].reason, Reason::UnknownIndicator(_)));
    let after = applied(&project, &plan);
    let values = &bra(&after).indicators[&"i-digitale".into()];
    assert_eq!(values.baseline, Some(20.0));
    assert_eq!(values.targets.get(&2025), Some(&40.0));
    assert_eq!(values.targets.get(&2026), Some(&60.5));
    assert_eq!(values.observed.get(&m("2025-12")), Some(&44.2));
    assert_eq!(values.observed.get(&m("2026-06")), Some(&51.0));
}

#[test]
fn a_kind_forced_by_the_user_reads_the_columns_it_knows() {
    let project = programme();
    let grid = sheet(&[&["Comune", "Dipendenti"], &["Alba", "310"]]);
    let plan = plan_as(&project, &grid, FileKind::Partners);
    assert_eq!(
        plan.changes
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>(),
        vec![Value::Count(310)]
    );
    let plan = plan_as(&project, &grid, FileKind::Observations);
    assert_eq!(plan.rows_valid, Vec::<usize>::new());
}

#[test]
fn unknown_modules_are_created_on_request_with_the_hours_of_their_sessions() {
    let project = programme();
    let grid = sheet(&[
        &[
            "Comune",
            "Modulo",
            "Data",
            "Partecipante",
            "Ore di presenza",
            "Ore previste",
        ],
        &[
            "Alba",
            "Privacy e sicurezza",
            "01/04/2025",
            "Rossi Anna",
            "3",
            "3",
        ],
        &[
            "Alba",
            "Privacy e sicurezza",
            "08/04/2025",
            "Rossi Anna",
            "1",
            "3",
        ],
        &[
            "Alba",
            "privacy  e Sicurezza",
            "08/04/2025",
            "Neri Paolo",
            "3",
            "3",
        ],
        &[
            "Alba",
            "Privacy e sicurezza",
            "13/2025",
            "Neri Paolo",
            "3",
            "3",
        ],
    ]);
    let refused = plan_of(&project, &grid, false);
    assert_eq!(refused.rows_valid, Vec::<usize>::new());
    let plan = plan_of(&project, &grid, true);
    assert_eq!(plan.rows_valid, vec![2, 3, 4]);
    assert_eq!(plan.created_modules.len(), 1);
    let new = &plan.created_modules[0];
    assert_eq!(
        (new.id.as_str(), new.title.as_str(), new.row),
        ("privacy-e-sicurezza", "Privacy e sicurezza", 2)
    );
    let after = applied(&project, &plan);
    let module = &after.catalogue[&new.id];
    assert_eq!(
        (module.title.as_str(), module.hours),
        ("Privacy e sicurezza", 6.0)
    );
    let choice = &after.partners[&PartnerId::new("alba")].modules[&new.id];
    // Rossi: 4 h of 6 (below 75%); Neri: 3 h. Nobody completed.
    assert_eq!((choice.enrolled, choice.completed), (2, 0));
    // Undo removes the module with the sessions.
    let mut document = project.clone();
    let inverses = apply_all(&mut document, edits(&plan, &project).unwrap()).unwrap();
    apply_all(&mut document, inverses).unwrap();
    assert_eq!(document, project);
}

#[test]
fn a_module_choice_past_a_maximum_lowered_since_planning_changes_nothing() {
    let project = programme();
    let grid = sheet(&[
        &["Comune", "Modulo", "Data", "Ore", "Partecipanti"],
        &["Bra", "competenze digitali", "2025-05-12", "3", "20"],
    ]);
    let plan = plan_of(&project, &grid, false);
    assert!(plan.all_valid(), "{:?}", plan.errors);
    let mut lowered = project.clone();
    lowered.meta.max_modules_per_partner = 1;
    let refused = Err(super::apply::ApplyError::TooManyModules {
        partner: "bra".into(),
        module: "digi".into(),
        max: 1,
    });
    assert_eq!(edits(&plan, &lowered).map(|_| ()), refused);
    let before = lowered.clone();
    assert_eq!(apply_in_place(&plan, &mut lowered), refused);
    assert_eq!(lowered, before, "nothing changed");
}
