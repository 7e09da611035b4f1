//! UI flows of the Partners view on the real app: edits that show in the overview and undo,
//! invalid values kept and flagged, delete with confirmation and undo, Ctrl+F.

use crate::app_support;

use app_support::Setup;
use cruscotto::analysis::dashboard::dashboard;
use cruscotto::app::{CruscottoApp, ViewKind};
use cruscotto::i18n::{Lang, findings, format};
use cruscotto::model::validate::{Field, Problem};
use cruscotto::model::{Partner, PartnerId};
use cruscotto::ui::Request;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CruscottoApp>;

fn bra() -> PartnerId {
    PartnerId::new("bra")
}

fn partner<'a>(harness: &'a AppHarness, id: &PartnerId) -> Option<&'a Partner> {
    harness.state().project().partners.get(id)
}

/// Opens the demo on Bra's editor.
fn on_bra(folder: &std::path::Path) -> AppHarness {
    let mut harness = Setup::new(folder).harness();
    harness.state_mut().request(Request::EditPartner(bra()));
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Partners);
    harness
}

/// Replaces the text of the field named `label` with `text` and leaves it with Tab.
fn type_into(harness: &mut AppHarness, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
}

#[test]
fn a_headcount_typed_in_the_editor_changes_the_overview_and_undo_restores_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    let demo = cruscotto::demo::embedded();
    let old = demo.partners[&bra()].headcount;
    let staff = dashboard(&demo).kpis.staff.value.unwrap() as i64;

    type_into(&mut harness, "Staff", "1,999");
    assert_eq!(partner(&harness, &bra()).unwrap().headcount, 1999);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Overview);
    let changed = format::integer(Lang::En, staff - old + 1999);
    assert!(
        harness.query_by_label(&changed).is_some(),
        "the overview's staff card should read {changed}"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(partner(&harness, &bra()).unwrap().headcount, old);
    assert!(harness.query_by_label(&changed).is_none());
    harness.get_by_label(&format::integer(Lang::En, staff));
}

#[test]
fn an_invalid_value_is_kept_flagged_next_to_its_field_and_saved_as_typed() {
    let folder = tempfile::tempdir().unwrap();
    let saved = folder.path().join("bra.ron");
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(saved.clone())];
    let mut harness = setup.harness();
    harness.state_mut().request(Request::EditPartner(bra()));
    harness.run();

    type_into(&mut harness, "Staff", "-5");
    assert_eq!(partner(&harness, &bra()).unwrap().headcount, -5);
    let message = findings::message(
        Lang::En,
        &Problem::Negative {
            field: Field::Headcount,
            value: -5,
        },
    );
    assert!(
        harness
            .query_all_by_label_contains(&message)
            .next()
            .is_some(),
        "the finding `{message}` should show beside the field"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    app_support::settle(&mut harness);
    let reloaded = cruscotto::store::load(&saved).unwrap();
    assert_eq!(reloaded.partners[&bra()].headcount, -5);
}

#[test]
fn deleting_a_partner_asks_first_and_undo_brings_back_all_its_data() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    let demo = cruscotto::demo::embedded();

    harness.get_by_label("Delete…").click();
    harness.run();
    // Cancel keeps it.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(partner(&harness, &bra()).is_some());

    harness.get_by_label("Delete…").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Delete Bra?")
            .next()
            .is_some()
    );
    harness.get_by_label("Delete").click();
    harness.run();
    assert!(partner(&harness, &bra()).is_none());
    assert!(harness.state().selection().focus.is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project(), &demo);
}

#[test]
fn ctrl_f_goes_to_the_partner_search_and_typing_filters_the_list() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Partners);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search Comuni");
    assert!(
        search.is_focused(),
        "the search field should have the cursor"
    );
    search.type_text("alba");
    harness.run();
    let demo = cruscotto::demo::embedded();
    let others = demo
        .partners
        .values()
        .filter(|p| !p.name.to_lowercase().contains("alba"))
        .map(|p| p.name.clone())
        .collect::<Vec<_>>();
    for name in others {
        assert!(
            harness.query_all_by_label(&name).next().is_none(),
            "{name} should be filtered out"
        );
    }
}

#[test]
fn adding_a_session_in_the_register_raises_the_modules_delivered_share() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    let demo = cruscotto::demo::embedded();
    let (module_id, choice) = demo.partners[&bra()].modules.iter().next().unwrap();
    let module = &demo.catalogue[module_id];
    let share = |choice: &cruscotto::model::ModuleChoice| {
        let share = cruscotto::analysis::delivered_share(choice, module).unwrap();
        format::percent(Lang::En, share * 100.0, 0)
    };
    harness
        .get_all_by_label_contains("Modules and sessions")
        .next()
        .unwrap()
        .click();
    harness.run();
    let before = share(choice);
    let count = |harness: &AppHarness, text: &str| harness.query_all_by_label(text).count();
    let shown_before = count(&harness, &before);
    assert!(shown_before > 0, "the delivered share {before} should show");

    let sessions = choice.sessions.len();
    let register = format!(
        "Attendance register · {sessions} sessions · {}",
        module.title
    );
    harness.get_by_label(&register).scroll_to_me();
    harness.run();
    harness.get_by_label(&register).click();
    harness.run();
    let add = format!("Add a session to {}", module.title);
    harness.get_by_label(&add).scroll_to_me();
    harness.run();
    harness.get_by_label(&add).click();
    harness.run();

    let now = &harness.state().project().partners[&bra()].modules[module_id];
    assert_eq!(now.sessions.len(), sessions + 1);
    let after = share(now);
    assert_ne!(after, before);
    assert!(
        count(&harness, &after) > 0,
        "the delivered share should now read {after}"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project(), &demo);
}

#[test]
fn a_tenth_module_is_refused_with_a_message_and_nothing_changes() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    let demo = cruscotto::demo::embedded();
    assert_eq!(demo.partners[&bra()].modules.len(), 9);
    let unchosen = demo
        .catalogue
        .iter()
        .find(|(id, m)| !m.retired && !demo.partners[&bra()].modules.contains_key(*id))
        .map(|(id, _)| id.clone())
        .unwrap();
    // The Training view's matrix: a click on an empty cell of Bra's row chooses the module.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Training);
    let cell = format!("Bra · {}", demo.catalogue[&unchosen].title);
    harness.get_by_label(&cell).scroll_to_me();
    harness.run();
    harness.get_by_label(&cell).click();
    harness.run();
    assert_eq!(harness.state().project(), &demo);
    assert!(harness.query_by_label("Change not made").is_some());
    assert!(
        harness
            .query_all_by_label_contains("at most 9 modules")
            .next()
            .is_some()
    );
    assert!(!harness.state().document().is_dirty());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Change not made").is_none());
}

#[test]
fn the_partners_and_training_views_ask_for_no_repaint_when_idle() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    for key in [Key::Num2, Key::Num3] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        harness.step();
        let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert_eq!(delay, std::time::Duration::MAX, "{key:?}");
    }
}

#[test]
fn typing_a_search_does_not_widen_the_list_or_squeeze_the_editor() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_bra(folder.path());
    let editor_left = |harness: &AppHarness| {
        harness
            .get_by_role_and_label(Role::TextInput, "Name of the Comune")
            .rect()
            .left()
    };
    let search_right = |harness: &AppHarness| {
        harness
            .get_by_role_and_label(Role::TextInput, "Search Comuni")
            .rect()
            .right()
    };
    let (editor_before, search_before) = (editor_left(&harness), search_right(&harness));
    harness
        .get_by_role_and_label(Role::TextInput, "Search Comuni")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search Comuni")
        .type_text("br");
    harness.run();
    assert_eq!(
        editor_left(&harness),
        editor_before,
        "the editor moved right"
    );
    assert!(
        search_right(&harness) <= search_before + 0.5,
        "the search row grew past its column"
    );
}
