//! UI flows of the registered commands on the real app: the command palette (Ctrl+K), the
//! zoom commands, and F11 following the window's real full-screen state.

use crate::app_support;

use app_support::Setup;
use cruscotto::app::{CruscottoApp, Startup, ViewKind};
use cruscotto::i18n::Lang;
use cruscotto::model::PartnerId;
use cruscotto::ui::theme::ThemeChoice;
use egui::{Event, Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CruscottoApp>;

fn in_italian(folder: &std::path::Path) -> AppHarness {
    let mut setup = Setup::new(folder);
    setup.lang = Lang::It;
    setup.harness()
}

/// The demo with one Comune renamed to a name with an accent.
fn with_mondovi(folder: &std::path::Path) -> AppHarness {
    let mut project = cruscotto::demo::embedded();
    let roddi = project.partners.values_mut().find(|p| p.name == "Roddi");
    roddi.unwrap().name = "Mondovì".to_owned();
    let mut setup = Setup::new(folder);
    setup.lang = Lang::It;
    setup.startup = Startup::Project(Box::new(project));
    setup.harness()
}

fn press(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Ctrl+K and `text` in one frame, as a fast typist's keys arrive.
fn palette_with(harness: &mut AppHarness, text: &str) {
    let events = &mut harness.input_mut().events;
    events.push(press(Key::K, Modifiers::COMMAND));
    events.push(Event::Text(text.to_owned()));
    harness.step();
    harness.run();
}

fn partner_named(harness: &AppHarness, name: &str) -> PartnerId {
    let project = harness.state().project();
    let found = project.partners.iter().find(|(_, p)| p.name == name);
    found.map(|(id, _)| id.clone()).unwrap()
}

#[test]
fn ctrl_k_part_of_a_name_and_enter_opens_that_comune() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_mondovi(folder.path());
    let mondovi = partner_named(&harness, "Mondovì");
    assert_eq!(harness.state().view(), ViewKind::Overview);

    // Without the accent and in capitals: found as in the partners' search.
    palette_with(&mut harness, "MONDOV");
    assert_eq!(harness.state().palette_query(), Some("MONDOV"));
    assert_eq!(harness.state().palette_lines(), ["Mondovì"]);
    harness.key_press(Key::Enter);
    harness.run();

    assert!(!harness.state().palette_is_open());
    assert_eq!(harness.state().view(), ViewKind::Partners);
    assert_eq!(harness.state().selection().focus, Some(mondovi.clone()));
    assert_eq!(
        harness.state().selection().partners,
        [mondovi].into_iter().collect()
    );
}

#[test]
fn ctrl_k_and_a_command_name_runs_the_command() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = in_italian(folder.path());
    assert_eq!(harness.state().theme(), ThemeChoice::Light);

    palette_with(&mut harness, "tema scuro");
    harness.key_press(Key::Enter);
    harness.run();

    assert!(!harness.state().palette_is_open());
    assert_eq!(harness.state().theme(), ThemeChoice::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn a_click_on_a_line_runs_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = in_italian(folder.path());

    palette_with(&mut harness, "tema");
    harness.get_by_label_contains("Tema scuro").click();
    harness.run();

    assert!(!harness.state().palette_is_open());
    assert_eq!(harness.state().theme(), ThemeChoice::Dark);
}

#[test]
fn down_chooses_the_next_match() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();

    palette_with(&mut harness, "theme");
    // Light, then Dark, in the order of the View menu.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    assert_eq!(harness.state().theme(), ThemeChoice::Dark);
}

#[test]
fn esc_closes_the_palette_without_effect() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = in_italian(folder.path());
    let revision = harness.state().document().revision();

    palette_with(&mut harness, "tema scuro");
    assert!(harness.state().palette_is_open());
    harness.key_press(Key::Escape);
    harness.run();

    assert!(!harness.state().palette_is_open());
    assert_eq!(harness.state().theme(), ThemeChoice::Light);
    assert_eq!(harness.state().view(), ViewKind::Overview);
    assert!(harness.state().selection().partners.is_empty());
    assert_eq!(harness.state().document().revision(), revision);
}

#[test]
fn keys_typed_right_after_ctrl_k_in_a_search_field_go_to_the_palette() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    // The cursor in the partners' search field first.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Partners);

    palette_with(&mut harness, "cher");

    assert_eq!(harness.state().palette_query(), Some("cher"));
    let search = harness.get_by_label("Search Comuni");
    assert_eq!(search.value().unwrap_or_default(), "");
}

#[test]
fn the_palette_lists_what_matches_in_the_interface_language() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    palette_with(&mut harness, "zoom");
    assert_eq!(
        harness.state().palette_lines(),
        ["Zoom in", "Zoom out", "Reset zoom (100%)"]
    );
    harness.key_press(Key::Escape);
    harness.run();

    let mut harness = in_italian(folder.path());
    palette_with(&mut harness, "zoom");
    assert_eq!(
        harness.state().palette_lines(),
        ["Aumenta lo zoom", "Riduci lo zoom", "Zoom normale (100%)"]
    );
    harness.key_press(Key::Escape);
    harness.run();
    palette_with(&mut harness, "nessuna parola simile");
    assert!(
        harness
            .query_by_label("Nessun comando o Comune corrisponde")
            .is_some()
    );
}

#[test]
fn zoom_commands_change_the_zoom_and_remember_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-6);
    assert!((harness.state().settings().zoom - 1.1).abs() < 1e-6);

    // From the View menu, as the keys do.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Zoom out").click();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Zoom out").click();
    harness.run();
    assert!((harness.ctx.zoom_factor() - 0.9).abs() < 1e-6);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    assert_eq!(harness.state().settings().zoom, 1.0);
}

/// The full-screen commands sent in the last frame.
fn fullscreen_sent(harness: &AppHarness) -> Vec<bool> {
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .iter()
        .filter_map(|command| match command {
            ViewportCommand::Fullscreen(on) => Some(*on),
            _ => None,
        })
        .collect()
}

fn press_f11_with_window(harness: &mut AppHarness, fullscreen: bool) -> Vec<bool> {
    let viewport = harness.input_mut().viewports.entry(ViewportId::ROOT);
    viewport.or_default().fullscreen = Some(fullscreen);
    harness
        .input_mut()
        .events
        .push(press(Key::F11, Modifiers::NONE));
    harness.step();
    fullscreen_sent(harness)
}

#[test]
fn f11_follows_the_windows_real_full_screen_state() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();

    assert_eq!(press_f11_with_window(&mut harness, false), [true]);
    // The system left full screen by itself (Esc in the window manager): F11 enters again.
    assert_eq!(press_f11_with_window(&mut harness, false), [true]);
    // Made full screen by the system: F11 leaves.
    assert_eq!(press_f11_with_window(&mut harness, true), [false]);
}
