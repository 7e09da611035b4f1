//! The partners list and editor driven as a user would, headless (egui_kittest without
//! rendering): what they show, and which requests their controls put in the outbox.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::PartnersView;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::i18n::{Lang, findings};
use crate::model::edit::StaffField;
use crate::model::validate::{Field, Problem};
use crate::model::{Edit, MilestoneKind, Partner, PartnerId, Project};
use crate::ui::{Outbox, Request, Selection, ViewCtx};

struct State {
    project: Project,
    dashboard: Dashboard,
    view: PartnersView,
    selection: Selection,
    outbox: Outbox,
    editable: bool,
}

fn harness(project: Project, focus: Option<&str>, editable: bool) -> Harness<'static, State> {
    harness_sized(project, focus, editable, egui::vec2(1920.0, 1080.0))
}

fn harness_sized(
    project: Project,
    focus: Option<&str>,
    editable: bool,
    size: egui::Vec2,
) -> Harness<'static, State> {
    let dashboard = dashboard(&project);
    let mut selection = Selection::default();
    if let Some(id) = focus {
        selection.select_only(PartnerId::new(id));
    }
    let state = State {
        project,
        dashboard,
        view: PartnersView::default(),
        selection,
        outbox: Outbox::default(),
        editable,
    };
    let mut harness = Harness::builder()
        .with_size(size)
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
                state.view.ui(ui, &mut cx);
            },
            state,
        );
    harness.run();
    harness
}

/// The partners' names in the list, top to bottom, as laid out (the visible rows).
fn names_in_list(harness: &Harness<'_, State>) -> Vec<String> {
    let project = &harness.state().project;
    let mut shown: Vec<(f32, String)> = project
        .partners
        .values()
        .flat_map(|partner| {
            harness
                .query_all_by_label(&partner.name)
                .filter(|node| node.accesskit_node().role() != Role::TextInput)
                .map(|node| (node.rect().top(), partner.name.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, name)| name).collect()
}

fn type_in_search(harness: &mut Harness<'_, State>, text: &str) {
    let search = harness.get_by_label("Cerca Comuni");
    search.focus();
    search.type_text(text);
    harness.run();
}

#[test]
fn typing_in_the_search_keeps_the_matching_partners() {
    let mut project = crate::demo::embedded();
    project
        .partners
        .get_mut(&PartnerId::new("roddi"))
        .unwrap()
        .name = "Mondovì".to_owned();
    let mut harness = harness(project, None, true);
    harness.get_by_label("8 Comuni");
    assert_eq!(names_in_list(&harness).len(), 8);

    type_in_search(&mut harness, "b");
    assert_eq!(names_in_list(&harness), ["Alba", "Bra"]);
    harness.get_by_label("2 di 8 Comuni");

    // Case and accents aside: "MONDOVI" finds Mondovì.
    harness.get_by_label("Azzera la ricerca").click();
    harness.run();
    type_in_search(&mut harness, "MONDOVI");
    assert_eq!(names_in_list(&harness), ["Mondovì"]);

    // By province: every demo Comune is in CN.
    harness.get_by_label("Azzera la ricerca").click();
    harness.run();
    type_in_search(&mut harness, "cn");
    assert_eq!(names_in_list(&harness).len(), 8);
    assert!(harness.state().outbox.requests.is_empty());
}

#[test]
fn enter_in_the_search_opens_the_first_match_and_esc_empties_it() {
    let mut harness = harness(crate::demo::embedded(), None, true);
    type_in_search(&mut harness, "sal");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::SelectPartner {
            partner: PartnerId::new("saluzzo"),
            additive: false
        }]
    );
    type_in_search(&mut harness, "x");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(
        harness.get_by_label("Cerca Comuni").value().as_deref(),
        Some("")
    );
    harness.get_by_label("8 Comuni");
}

#[test]
fn clicking_a_header_sorts_by_it_and_again_reverses() {
    let project = crate::demo::embedded();
    let mut by_headcount: Vec<(i64, String)> = (project.partners.values())
        .map(|p| (p.headcount, p.name.clone()))
        .collect();
    by_headcount.sort();
    let smallest = by_headcount.first().unwrap().1.clone();
    let largest = by_headcount.last().unwrap().1.clone();
    let mut harness = harness(project, None, true);
    assert_eq!(names_in_list(&harness)[0], "Alba", "by name at first");

    harness
        .get_by_role_and_label(Role::Button, "Dipendenti")
        .click();
    harness.run();
    assert_eq!(names_in_list(&harness)[0], largest, "largest staff first");
    harness
        .get_by_role_and_label(Role::Button, "Dipendenti")
        .click();
    harness.run();
    assert_eq!(names_in_list(&harness)[0], smallest, "then smallest first");
    assert_eq!(*names_in_list(&harness).last().unwrap(), largest);
}

#[test]
fn clicking_a_row_selects_its_partner_and_ctrl_click_adds_it() {
    let mut harness = harness(crate::demo::embedded(), None, true);
    harness.get_by_label("Bra").click();
    harness.run();
    harness
        .get_by_label("Cuneo")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [
            Request::SelectPartner {
                partner: PartnerId::new("bra"),
                additive: false
            },
            Request::SelectPartner {
                partner: PartnerId::new("cuneo"),
                additive: true
            }
        ]
    );
}

#[test]
fn nothing_focused_shows_a_hint_instead_of_the_editor() {
    let harness = harness(crate::demo::embedded(), None, true);
    harness.get_by_label("Seleziona un Comune nell'elenco per vederne e modificarne i dati.");
    assert!(harness.query_by_label("Nome del Comune").is_none());
}

#[test]
fn typing_a_headcount_asks_for_a_staff_edit_with_that_value() {
    let mut harness = harness(crate::demo::embedded(), Some("bra"), true);
    let field = harness.get_by_role_and_label(Role::TextInput, "Dipendenti");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Dipendenti")
        .type_text("250");
    harness.run();
    let last = harness.state().outbox.requests.last().cloned();
    assert_eq!(
        last,
        Some(Request::Edit(Edit::SetStaff {
            partner: PartnerId::new("bra"),
            field: StaffField::Headcount,
            value: 250
        }))
    );
}

#[test]
fn text_that_is_not_a_number_is_said_so_beside_the_field() {
    let mut harness = harness(crate::demo::embedded(), Some("bra"), true);
    let field = harness.get_by_role_and_label(Role::TextInput, "Popolazione residente");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Popolazione residente")
        .type_text("molti");
    harness.run();
    harness.get_by_label_contains("Valore non valido");
    assert!(harness.state().outbox.requests.is_empty());
}

#[test]
fn a_negative_headcount_is_flagged_in_words_beside_its_field() {
    let mut project = crate::demo::embedded();
    project
        .partners
        .get_mut(&PartnerId::new("bra"))
        .unwrap()
        .headcount = -5;
    let harness = harness(project, Some("bra"), true);
    let message = findings::message(
        Lang::It,
        &Problem::Negative {
            field: Field::Headcount,
            value: -5,
        },
    );
    let note = harness.get_by_label(&message);
    let field = harness.get_by_role_and_label(Role::TextInput, "Dipendenti");
    assert_eq!(field.value().as_deref(), Some("−5"));
    // On the field's line, to its right.
    assert!(note.rect().left() > field.rect().right());
    assert!((note.rect().center().y - field.rect().center().y).abs() < field.rect().height());
    // The section's header counts it, so a closed section would still tell.
    harness.get_by_label_contains("Dati e personale · 1 da controllare");
}

#[test]
fn renaming_and_changing_the_province_ask_for_edits() {
    let mut harness = harness(crate::demo::embedded(), Some("bra"), true);
    let name = harness.get_by_label("Nome del Comune");
    assert_eq!(name.value().as_deref(), Some("Bra"));
    name.focus();
    name.type_text("!");
    harness.run();
    let province = harness.get_by_role_and_label(Role::TextInput, "Provincia");
    province.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Provincia")
        .type_text("TO");
    harness.run();
    let requests = &harness.state().outbox.requests;
    assert!(
        matches!(requests.first(), Some(Request::Edit(Edit::RenamePartner { partner, name }))
            if partner.as_str() == "bra" && name.contains('!') && name.len() == 4),
        "{requests:?}"
    );
    assert_eq!(
        requests.last(),
        Some(&Request::Edit(Edit::SetProvince {
            partner: PartnerId::new("bra"),
            province: "TO".to_owned()
        }))
    );
    harness.get_by_label("Codice: bra");
}

#[test]
fn new_duplicate_and_delete_ask_for_the_right_changes() {
    let mut harness = harness(crate::demo::embedded(), Some("bra"), true);
    harness.get_by_label("Nuovo Comune").click();
    harness.run();
    let start = harness.state().project.meta.start;
    assert_eq!(
        harness.state().outbox.requests,
        [
            Request::Edit(Edit::PutPartner {
                partner: PartnerId::new("nuovo-comune"),
                value: Some(Box::new(Partner::new("Nuovo Comune", "", start)))
            }),
            Request::SelectPartner {
                partner: PartnerId::new("nuovo-comune"),
                additive: false
            }
        ]
    );
    harness.state_mut().outbox.requests.clear();

    harness.get_by_label("Duplica").click();
    harness.run();
    let mut copy = harness.state().project.partners[&PartnerId::new("bra")].clone();
    copy.name = "Bra (copia)".to_owned();
    assert_eq!(
        harness.state().outbox.requests,
        [
            Request::Edit(Edit::PutPartner {
                partner: PartnerId::new("bra-copia"),
                value: Some(Box::new(copy))
            }),
            Request::SelectPartner {
                partner: PartnerId::new("bra-copia"),
                additive: false
            }
        ]
    );
    harness.state_mut().outbox.requests.clear();

    harness.get_by_label("Elimina…").click();
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::DeletePartner(PartnerId::new("bra"))]
    );
}

#[test]
fn a_new_partner_takes_a_free_name_and_its_name_field_takes_the_keyboard() {
    let mut project = crate::demo::embedded();
    let start = project.meta.start;
    project.partners.insert(
        PartnerId::new("nuovo-comune"),
        Partner::new("Nuovo Comune", "", start),
    );
    let mut harness = harness(project, None, true);
    // The button above the list, not the row of the partner named so.
    let topmost = harness
        .query_all_by_label("Nuovo Comune")
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    topmost.click();
    harness.run();
    let requests = harness.state().outbox.requests.clone();
    let [
        Request::Edit(Edit::PutPartner {
            partner,
            value: Some(value),
        }),
        _,
    ] = requests.as_slice()
    else {
        panic!("expected an added partner, got {requests:?}");
    };
    assert_eq!(partner.as_str(), "nuovo-comune-2");
    assert_eq!(value.name, "Nuovo Comune 2");
    // As the app would: apply the edit and the selection.
    let (partner, value) = (partner.clone(), value.clone());
    let state = harness.state_mut();
    state.project.partners.insert(partner.clone(), *value);
    state.selection.select_only(partner);
    harness.run();
    assert!(harness.get_by_label("Nome del Comune").is_focused());
}

#[test]
fn duplicate_and_delete_wait_for_a_focused_partner() {
    let mut harness = harness(crate::demo::embedded(), None, true);
    harness.get_by_label("Duplica").click();
    harness.get_by_label("Elimina…").click();
    harness.run();
    assert!(harness.state().outbox.requests.is_empty());
}

#[test]
fn late_milestones_say_by_how_much_and_clear_removes_the_dates() {
    let mut project = crate::demo::embedded();
    let as_of = dashboard(&project).as_of;
    let bra = project.partners.get_mut(&PartnerId::new("bra")).unwrap();
    bra.milestones.insert(
        MilestoneKind::Regolamento,
        crate::model::MilestoneDates {
            planned: Some(as_of.plus(-4)),
            actual: None,
        },
    );
    let mut harness = harness(project, Some("bra"), true);
    harness.get_by_label("In ritardo di 4 mesi");
    harness.get_by_label("Azzera Regolamento").click();
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::Edit(Edit::PutMilestone {
            partner: PartnerId::new("bra"),
            kind: MilestoneKind::Regolamento,
            dates: None
        })]
    );
}

#[test]
fn picking_a_planned_month_asks_for_a_milestone_edit() {
    let mut project = crate::demo::embedded();
    let start = project.meta.start;
    let bra = project.partners.get_mut(&PartnerId::new("bra")).unwrap();
    bra.milestones.remove(&MilestoneKind::Regime);
    let mut harness = harness(project, Some("bra"), true);
    harness.get_by_label("Regime: mese previsto").click();
    harness.run();
    // The programme's third month, as the picker writes it.
    let third = crate::i18n::format::month(Lang::It, start.plus(2));
    harness.get_by_label(&third).scroll_to_me();
    harness.run();
    harness.get_by_label(&third).click();
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::Edit(Edit::PutMilestone {
            partner: PartnerId::new("bra"),
            kind: MilestoneKind::Regime,
            dates: Some(crate::model::MilestoneDates {
                planned: Some(start.plus(2)),
                actual: None
            })
        })]
    );
}

#[test]
fn presenting_shows_the_values_without_fields_or_buttons() {
    let harness = harness(crate::demo::embedded(), Some("bra"), false);
    assert!(harness.query_by_label("Nuovo Comune").is_none());
    assert!(harness.query_by_label("Elimina…").is_none());
    assert!(search_only(&harness));
    // The population is in the editor only (the list has no such column).
    let population = harness.state().project.partners[&PartnerId::new("bra")].population;
    harness.get_by_label(&crate::i18n::format::integer(Lang::It, population));
}

/// Whether the list's search is the only text input (kept while presenting, to find a
/// Comune in front of the room).
fn search_only(harness: &Harness<'_, State>) -> bool {
    let inputs: Vec<_> = harness.query_all_by_role(Role::TextInput).collect();
    inputs.len() == 1
        && inputs[0].accesskit_node().id()
            == harness.get_by_label("Cerca Comuni").accesskit_node().id()
}

#[test]
fn a_long_list_lays_out_only_its_visible_rows_and_scrolls_to_a_partner_focused_elsewhere() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 2000,
        months: 12,
        seed: 4,
    });
    let last = harness_last_by_name(&project);
    let mut harness = harness(project, None, true);
    harness.get_by_label("2.000 Comuni");
    let laid_out = names_in_list(&harness).len();
    assert!(
        (10..200).contains(&laid_out),
        "{laid_out} rows laid out of 2,000"
    );
    assert!(!names_in_list(&harness).contains(&last.1));

    // As if the partner had been revealed from the overview.
    harness.state_mut().selection.select_only(last.0.clone());
    harness.run();
    assert!(names_in_list(&harness).contains(&last.1));
}

/// The partner listed last by name.
fn harness_last_by_name(project: &Project) -> (PartnerId, String) {
    let figures = dashboard(project);
    let id = figures.partner_order.last().unwrap().clone();
    let name = project.partners[&id].name.clone();
    (id, name)
}
