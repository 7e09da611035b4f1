//! UI flows on the real app's overview: figures from the analysis layer, an edit through the
//! UI with undo and redo, the language switch, no repaint when idle, snapshots.

use crate::app_support;

use std::time::Duration;

use app_support::Setup;
use cruscotto::analysis::dashboard::dashboard;
use cruscotto::i18n::{Lang, format};
use cruscotto::model::PartnerId;
use cruscotto::ui::Request;
use cruscotto::ui::theme::ThemeChoice;
use egui::{Key, Modifiers, ViewportId};
use egui_kittest::kittest::Queryable;

#[test]
fn starts_on_the_demo_with_kpis_computed_by_the_analysis_layer() {
    let folder = tempfile::tempdir().unwrap();
    let harness = Setup::new(folder.path()).harness();
    let demo = cruscotto::demo::embedded();
    assert_eq!(harness.state().project(), &demo);

    let figures = dashboard(&demo);
    let staff = figures.kpis.staff.value.unwrap();
    let smart_workers = figures.kpis.smart_workers.value.unwrap();
    let adoption = figures.kpis.adoption.value.unwrap();
    harness.get_by_label(&format::integer(Lang::En, staff as i64));
    harness.get_by_label(&format::integer(Lang::En, smart_workers as i64));
    harness.get_by_label(&format::percent(Lang::En, adoption, 1));
    assert!(harness.state().window_title().contains(&demo.meta.title));
}

#[test]
fn renaming_a_partner_in_the_overview_shows_at_once_and_undoes_in_one_step() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let bra = PartnerId::new("bra");
    harness.state_mut().request(Request::SelectPartner {
        partner: bra.clone(),
        additive: false,
    });
    harness.run();

    let field = harness.get_by_label("Name of the selected partner");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Name of the selected partner")
        .type_text("Città di Bra");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();

    let name = |harness: &egui_kittest::Harness<'static, cruscotto::app::CruscottoApp>| {
        harness.state().project().partners[&bra].name.clone()
    };
    assert_eq!(name(&harness), "Città di Bra");
    // The milestone grid lists partners by name: it shows the new one at once.
    assert!(harness.query_by_label("Città di Bra").is_some());
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(name(&harness), "Bra");
    assert!(harness.query_by_label("Città di Bra").is_none());

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(name(&harness), "Città di Bra");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(name(&harness), "Città di Bra");
}

#[test]
fn switching_the_language_changes_the_labels() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    assert!(harness.query_by_label("Overview").is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Italiano").click();
    harness.run();
    assert_eq!(harness.state().lang(), Lang::It);
    assert_eq!(harness.state().settings().lang, Some(Lang::It));
    assert!(harness.query_by_label("Panoramica").is_some());
    assert!(harness.query_by_label("Overview").is_none());
    assert!(harness.query_by_label("Visualizza").is_some());
}

#[test]
fn an_idle_app_asks_for_no_repaint_and_recomputes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let revision = harness.state().figures_revision();
    harness.step();
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX);
    assert_eq!(harness.state().figures_revision(), revision);
}

/// The overview of the demo, in Italian at 1920×1080, as a facilitator projects it.
fn overview_snapshot(theme: ThemeChoice, name: &str) {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.theme = theme;
    setup.lang = Lang::It;
    let mut harness = app_support::harness_for_size(setup.app(), [1920.0, 1080.0]);
    harness.remove_cursor();
    harness.run();
    // A few hundred of the 2 million pixels may differ in anti-aliasing between CPUs running
    // the same software renderer; a moved or restyled element changes far more.
    let options = egui_kittest::SnapshotOptions::new().max_failed_pixels(400);
    harness.snapshot_options(name, &options);
}

#[test]
fn overview_snapshot_light() {
    overview_snapshot(ThemeChoice::Light, "overview_light");
}

#[test]
fn overview_snapshot_dark() {
    overview_snapshot(ThemeChoice::Dark, "overview_dark");
}

#[test]
fn a_large_programme_gets_its_new_figures_from_the_background() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    let large = cruscotto::demo::generate(&cruscotto::demo::DemoOptions {
        partners: 400,
        months: 60,
        ..Default::default()
    });
    let first = large.partners.keys().next().unwrap().clone();
    setup.startup = cruscotto::app::Startup::Project(Box::new(large));
    let mut harness = setup.harness();
    assert_eq!(
        harness.state().figures_revision(),
        Some(harness.state().document().revision())
    );

    harness
        .state_mut()
        .request(Request::Edit(cruscotto::model::Edit::RenamePartner {
            partner: first.clone(),
            name: "Comune rinominato".into(),
        }));
    app_support::settle(&mut harness);
    assert_eq!(
        harness.state().figures_revision(),
        Some(harness.state().document().revision())
    );
    assert!(
        harness
            .state_mut()
            .figures()
            .milestones
            .rows
            .iter()
            .any(|row| row.partner == first && row.name == "Comune rinominato")
    );
}

#[test]
fn undo_while_typing_shows_the_restored_title_in_the_field() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let original = harness.state().project().meta.title.clone();

    harness.get_by_label("Project title").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Project title")
        .type_text("Titolo provvisorio");
    harness.run();
    assert_eq!(harness.state().project().meta.title, "Titolo provvisorio");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project().meta.title, original);
    assert_eq!(
        harness.get_by_label("Project title").value().as_deref(),
        Some(original.as_str())
    );
    // Typing again starts from the restored title, not from the undone text.
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().project().meta.title, original);
}

#[test]
fn the_dark_theme_is_chosen_from_the_view_menu_and_remembered() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.state().theme(), ThemeChoice::Dark);
    assert_eq!(harness.state().settings().theme, ThemeChoice::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn a_finding_leads_to_the_partner_it_concerns() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let bra = PartnerId::new("bra");
    harness.state_mut().request(Request::Reveal(
        cruscotto::model::validate::Target::Milestone(
            bra.clone(),
            cruscotto::model::MilestoneKind::Regime,
        ),
    ));
    harness.run();
    assert_eq!(
        harness
            .state()
            .selection()
            .partners
            .iter()
            .collect::<Vec<_>>(),
        vec![&bra]
    );
    // The partner's editor opens, where the milestone can be fixed.
    assert_eq!(harness.state().view(), cruscotto::app::ViewKind::Partners);
    assert_eq!(harness.state().selection().focus.as_ref(), Some(&bra));
}
