//! Tests of `modules.rs`, kept beside it so the view's file holds only the view.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::super::data_harness::{harness, month, retype};
use super::*;
use crate::i18n::Lang;
use crate::model::Project;

fn demo() -> Project {
    crate::demo::embedded()
}

/// Bra chose "tec-accesso-remoto"; its title in the demo catalogue.
fn title(project: &Project, module: &str) -> String {
    project.catalogue[&ModuleId::from(module)].title.clone()
}

#[test]
fn typing_attendees_asks_to_put_the_session_with_the_new_count() {
    let project = demo();
    let title = title(&project, "tec-accesso-remoto");
    let mut harness = harness::<ModulesSection>(project, "bra", true);
    harness
        .get_by_label(&format!("Registro presenze · 4 sessioni · {title}"))
        .click();
    harness.run();
    let name = format!("Partecipanti della sessione 2 · {title}");
    retype(&mut harness, &name, "40");
    let edits = harness.state().edits();
    let Some(Edit::PutSession {
        partner,
        module,
        session,
        value: Some(value),
    }) = edits.last()
    else {
        panic!("expected a session edit, got {edits:?}");
    };
    assert_eq!(partner.as_str(), "bra");
    assert_eq!(module.as_str(), "tec-accesso-remoto");
    // Bra's second session of this module by date is s2 (2025-11-07, 4 h, 35 attendees).
    assert_eq!(session.as_str(), "s2");
    assert_eq!(value.attendees, 40);
    assert_eq!(value.hours, 4.0);
    assert_eq!(value.date, jiff::civil::date(2025, 11, 7));
}

#[test]
fn a_new_session_starts_today_within_the_programme_with_the_module_hours() {
    let programme = (month("2025-01"), month("2026-12"));
    let taken = |id: &str| id == "s-20260115";
    let (id, session) = new_session(jiff::civil::date(2026, 1, 15), programme, 12.0, taken);
    assert_eq!(id.as_str(), "s-20260115-2");
    assert_eq!(session.date, jiff::civil::date(2026, 1, 15));
    assert_eq!(session.hours, 12.0);
    assert_eq!(session.attendees, 0);
    // Before the programme: its first day; after: its last.
    let (id, before) = new_session(jiff::civil::date(2024, 6, 3), programme, 2.0, |_| false);
    assert_eq!(before.date, jiff::civil::date(2025, 1, 1));
    assert_eq!(id.as_str(), "s-20250101");
    let (_, after) = new_session(jiff::civil::date(2027, 3, 9), programme, 2.0, |_| false);
    assert_eq!(after.date, jiff::civil::date(2026, 12, 31));
}

#[test]
fn add_session_asks_for_a_new_session_of_that_module() {
    let project = demo();
    let module = ModuleId::from("rel-intesa");
    let title = title(&project, module.as_str());
    // Like the last session held, which is how a course usually goes on.
    let hours = project.partners[&PartnerId::from("bra")].modules[&module]
        .sessions
        .values()
        .max_by_key(|s| s.date)
        .unwrap()
        .hours;
    let mut harness = harness::<ModulesSection>(project, "bra", true);
    harness
        .get_by_label(&format!("Registro presenze · 2 sessioni · {title}"))
        .click();
    harness.run();
    harness
        .get_by_label(&format!("Aggiungi una sessione a {title}"))
        .click();
    harness.run();
    let edits = harness.state().edits();
    let [
        Edit::PutSession {
            partner,
            module: asked,
            session,
            value: Some(value),
        },
    ] = edits.as_slice()
    else {
        panic!("expected one new session, got {edits:?}");
    };
    assert_eq!(partner.as_str(), "bra");
    assert_eq!(asked, &module);
    assert!(session.as_str().starts_with("s-"), "{session:?}");
    let choice = &harness.state().project.partners[&PartnerId::from("bra")].modules[&module];
    assert!(!choice.sessions.contains_key(session), "the id is new");
    assert_eq!(value.hours, hours);
    assert_eq!(value.attendees, 0);
    let (start, end) = (
        month("2025-01").first_day(),
        month("2026-12").first_day().last_of_month(),
    );
    assert!((start..=end).contains(&value.date));
}

#[test]
fn choosing_a_module_from_the_list_asks_to_choose_it() {
    let mut project = demo();
    let bra = PartnerId::from("bra");
    // Bra has nine modules in the demo: drop one so the list is open.
    project
        .partners
        .get_mut(&bra)
        .unwrap()
        .modules
        .remove(&ModuleId::from("rel-intesa"));
    let title = title(&project, "rel-intesa");
    let mut harness = harness::<ModulesSection>(project, "bra", true);
    harness.get_by_label("8 moduli scelti su 9");
    harness.get_by_label("Scegli un modulo").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &title).click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::ChooseModule {
            partner: bra,
            module: ModuleId::from("rel-intesa"),
        }]
    );
}

#[test]
fn at_the_maximum_the_chooser_is_disabled_and_says_why() {
    let project = demo();
    assert_eq!(project.partners[&PartnerId::from("bra")].modules.len(), 9);
    let mut harness = harness::<ModulesSection>(project, "bra", true);
    harness.get_by_label("9 moduli scelti su 9");
    let chooser = harness.get_by_label("Scegli un modulo");
    assert!(chooser.accesskit_node().is_disabled());
    harness.get_by_label(
        "Limite raggiunto: ogni Comune può scegliere al massimo 9 moduli. \
         Per sceglierne un altro, togline prima uno.",
    );
    chooser.click();
    harness.run();
    assert!(harness.state().edits().is_empty());
}

#[test]
fn removing_a_module_asks_to_drop_the_choice() {
    let project = demo();
    let title = title(&project, "rel-intesa");
    let mut harness = harness::<ModulesSection>(project, "bra", true);
    harness
        .get_by_label(&format!("Togli il modulo {title}"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::PutModuleChoice {
            partner: PartnerId::from("bra"),
            module: ModuleId::from("rel-intesa"),
            choice: None,
        }]
    );
}

#[test]
fn completion_and_person_hours_follow_the_counts_and_sessions() {
    let mut project = demo();
    let bra = PartnerId::from("bra");
    let choice = ModuleChoice {
        enrolled: 8,
        completed: 6,
        sessions: [
            (
                SessionId::from("a"),
                Session {
                    date: jiff::civil::date(2025, 3, 4),
                    hours: 2.5,
                    attendees: 7,
                },
            ),
            (
                SessionId::from("b"),
                Session {
                    date: jiff::civil::date(2025, 4, 4),
                    hours: 3.0,
                    attendees: 8,
                },
            ),
        ]
        .into(),
    };
    let partner = project.partners.get_mut(&bra).unwrap();
    partner.modules.clear();
    partner.modules.insert(ModuleId::from("rel-intesa"), choice);
    let harness = harness::<ModulesSection>(project, "bra", true);
    // 6 / 8 = 75%; 2.5 × 7 + 3 × 8 = 41.5 person-hours.
    harness.get_by_label("75,0%");
    harness.get_by_label("41,5");
}

#[test]
fn a_negative_attendee_count_is_flagged_beside_its_field() {
    let mut project = demo();
    let bra = PartnerId::from("bra");
    let module = ModuleId::from("rel-intesa");
    let title = title(&project, module.as_str());
    project
        .partners
        .get_mut(&bra)
        .unwrap()
        .modules
        .get_mut(&module)
        .unwrap()
        .sessions
        .get_mut(&SessionId::from("s1"))
        .unwrap()
        .attendees = -3;
    let harness = harness::<ModulesSection>(project, "bra", true);
    // The register of a module with a finding opens by itself, and says so.
    harness.get_by_label(&format!(
        "Registro presenze · 2 sessioni · da verificare · {title}"
    ));
    let name = format!("Partecipanti della sessione 1 · {title}");
    let field = harness.get_by_label(&name);
    assert_eq!(field.value().as_deref(), Some("−3"));
    let message = crate::i18n::findings::message(
        Lang::It,
        &crate::model::validate::Problem::Negative {
            field: Field::Attendees,
            value: -3,
        },
    );
    harness.get_by_label(&message);
}

#[test]
fn read_only_shows_figures_without_controls() {
    let project = demo();
    let harness = harness::<ModulesSection>(project, "bra", false);
    harness.get_by_label("9 moduli scelti su 9");
    assert!(harness.query_by_label("Scegli un modulo").is_none());
    assert!(
        harness
            .query_all_by_label_contains("Togli il modulo")
            .next()
            .is_none()
    );
    assert!(harness.query_all_by_role(Role::TextInput).next().is_none());
}
