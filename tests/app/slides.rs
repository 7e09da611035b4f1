//! The slide show and the deck editor on the real app: F5 and Shift+F5, every clicker key,
//! blanking, auto-advance and its pause, the editor's hide/move/duplicate with undo, and a
//! snapshot of each kind of slide in Italian.

use crate::app_support;

use std::time::Duration;

use app_support::Setup;
use cruscotto::app::{
    AppOptions, Blank, CruscottoApp, ScriptedDialogs, Settings, Startup, ViewKind,
};
use cruscotto::i18n::Lang;
use cruscotto::model::{Project, SlideId};
use egui::{Event, Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CruscottoApp>;

fn press(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

fn key(harness: &mut AppHarness, key: Key) {
    key_with(harness, key, Modifiers::NONE);
}

/// A key press and two frames: commands run after the frame that read them, and the next
/// one draws what they did.
fn key_with(harness: &mut AppHarness, key: Key, modifiers: Modifiers) {
    harness.input_mut().events.push(press(key, modifiers));
    harness.step();
    harness.step();
}

fn open_deck_editor(harness: &mut AppHarness) {
    key_with(harness, Key::Num5, Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Deck);
}

/// The demo's deck, presented in order: title, KPIs, adoption, training, milestones, the
/// eight Comuni, the three scenarios, findings.
fn demo_harness(folder: &std::path::Path) -> AppHarness {
    Setup::new(folder).harness()
}

fn shown(harness: &AppHarness) -> Option<String> {
    let show = harness.state().presentation();
    assert!(show.is_active(), "the show is not running");
    show.current().map(|id| id.as_str().to_owned())
}

fn nth_presented(project: &Project, n: usize) -> String {
    let order: Vec<&SlideId> = project
        .deck
        .slides
        .iter()
        .filter(|s| s.is_presented(project))
        .map(|s| &s.id)
        .collect();
    order[n].as_str().to_owned()
}

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

#[test]
fn f5_presents_full_screen_from_the_first_slide_and_esc_leaves() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    harness
        .input_mut()
        .events
        .push(press(Key::F5, Modifiers::NONE));
    harness.step();
    assert_eq!(fullscreen_sent(&harness), [true]);
    harness.step();
    assert_eq!(shown(&harness).as_deref(), Some("title"));
    // No editing chrome: the menus are gone, the slide names itself.
    assert!(harness.query_by_label("File").is_none());
    harness.get_by_label("Lavoro agile nei Comuni — consorzio demo");
    harness
        .input_mut()
        .events
        .push(press(Key::Escape, Modifiers::NONE));
    harness.step();
    assert!(!harness.state().presentation().is_active());
    assert_eq!(fullscreen_sent(&harness), [false]);
    harness.step();
    harness.get_by_label("File");
}

#[test]
fn every_clicker_key_moves_as_stated() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    let project = harness.state().project().clone();
    let last = project.deck.slides.len() - 1;
    key(&mut harness, Key::F5);
    let mut at = 0;
    for next in [
        Key::ArrowRight,
        Key::ArrowDown,
        Key::PageDown,
        Key::Space,
        Key::Enter,
    ] {
        key(&mut harness, next);
        at += 1;
        assert_eq!(
            shown(&harness),
            Some(nth_presented(&project, at)),
            "{next:?}"
        );
    }
    for previous in [Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace] {
        key(&mut harness, previous);
        at -= 1;
        assert_eq!(
            shown(&harness),
            Some(nth_presented(&project, at)),
            "{previous:?}"
        );
    }
    key(&mut harness, Key::End);
    assert_eq!(shown(&harness), Some(nth_presented(&project, last)));
    // Past the last slide the show stays on it.
    key(&mut harness, Key::ArrowRight);
    assert_eq!(shown(&harness), Some(nth_presented(&project, last)));
    key(&mut harness, Key::Home);
    assert_eq!(shown(&harness).as_deref(), Some("title"));
    key(&mut harness, Key::ArrowLeft);
    assert_eq!(shown(&harness).as_deref(), Some("title"));

    // A number, then Enter: slide 12 (a Comune's).
    key(&mut harness, Key::Num1);
    key(&mut harness, Key::Num2);
    assert_eq!(harness.state().presentation().typed(), "12");
    assert_eq!(
        shown(&harness).as_deref(),
        Some("title"),
        "digits alone do not move"
    );
    key(&mut harness, Key::Enter);
    assert_eq!(shown(&harness), Some(nth_presented(&project, 11)));
    assert_eq!(harness.state().presentation().typed(), "");
}

#[test]
fn b_and_period_blank_to_black_and_w_to_white() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    key(&mut harness, Key::F5);
    key(&mut harness, Key::ArrowRight);
    let blank = |h: &AppHarness| h.state().presentation().blank();
    key(&mut harness, Key::B);
    assert_eq!(blank(&harness), Some(Blank::Black));
    // The slide is gone from the screen while blank.
    assert!(harness.query_by_label("The programme in figures").is_none());
    key(&mut harness, Key::B);
    assert_eq!(blank(&harness), None);
    harness.get_by_label("The programme in figures");
    key(&mut harness, Key::Period);
    assert_eq!(blank(&harness), Some(Blank::Black));
    key(&mut harness, Key::W);
    assert_eq!(blank(&harness), Some(Blank::White));
    key(&mut harness, Key::W);
    assert_eq!(blank(&harness), None);
    assert_eq!(
        shown(&harness).as_deref(),
        Some("kpis"),
        "blanking does not move"
    );
}

#[test]
fn shift_f5_starts_from_the_slide_selected_in_the_editor_and_f5_from_the_start() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    open_deck_editor(&mut harness);
    harness
        .get_by_label("5. The tappe of the programme")
        .click();
    harness.run();
    key_with(&mut harness, Key::F5, Modifiers::SHIFT);
    assert_eq!(shown(&harness).as_deref(), Some("milestones"));
    key(&mut harness, Key::ArrowRight);
    key_with(&mut harness, Key::F5, Modifiers::NONE);
    assert_eq!(shown(&harness).as_deref(), Some("title"));
    key(&mut harness, Key::ArrowRight);
    key(&mut harness, Key::Escape);
    // The editor shows where the show stopped.
    assert_eq!(
        harness.state().selected_slide().map(SlideId::as_str),
        Some("kpis")
    );
}

#[test]
fn hidden_slides_are_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    open_deck_editor(&mut harness);
    harness.get_by_label("2. The programme in figures").click();
    harness.run();
    harness.get_by_label("Hidden").click();
    harness.run();
    assert!(harness.state().project().deck.slides[1].hidden);
    key(&mut harness, Key::F5);
    key(&mut harness, Key::ArrowRight);
    assert_eq!(shown(&harness).as_deref(), Some("adoption"));
}

/// The demo with slides that advance every `seconds`.
fn advancing(folder: &std::path::Path, seconds: u32) -> AppHarness {
    let settings = Settings {
        lang: Some(Lang::En),
        advance_seconds: seconds,
        ..Settings::default()
    };
    let mut options = AppOptions::new(folder.to_owned());
    options.dialogs = Box::new(ScriptedDialogs {
        answers: Default::default(),
        shown: Default::default(),
    });
    options.autosave_after = Duration::from_secs(3600);
    let app = CruscottoApp::new(Startup::Demo, settings, options);
    app_support::harness_for(app)
}

/// Lets `seconds` pass on the input clock, one frame at a time.
fn wait(harness: &mut AppHarness, seconds: f64) {
    let frames = (seconds / 0.25).round() as usize;
    for _ in 0..frames {
        harness.step();
    }
}

#[test]
fn slides_advance_by_themselves_and_p_pauses() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = advancing(folder.path(), 2);
    key(&mut harness, Key::F5);
    wait(&mut harness, 0.75);
    harness.step();
    // The progress bar asks for its next tick, no sooner.
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay <= Duration::from_millis(250) && delay > Duration::ZERO,
        "{delay:?}"
    );
    assert_eq!(shown(&harness).as_deref(), Some("title"));
    wait(&mut harness, 1.0);
    assert_eq!(shown(&harness).as_deref(), Some("kpis"));
    key(&mut harness, Key::P);
    assert!(harness.state().presentation().is_paused());
    wait(&mut harness, 5.0);
    assert_eq!(shown(&harness).as_deref(), Some("kpis"));
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX, "a paused show asks for no repaint");
    key(&mut harness, Key::P);
    wait(&mut harness, 2.25);
    assert_eq!(shown(&harness).as_deref(), Some("adoption"));
}

#[test]
fn an_idle_show_asks_for_no_repaint() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    key(&mut harness, Key::F5);
    harness.run();
    harness.step();
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX);
}

fn order(harness: &AppHarness) -> Vec<String> {
    harness
        .state()
        .project()
        .deck
        .slides
        .iter()
        .map(|s| s.id.as_str().to_owned())
        .collect()
}

fn undo(harness: &mut AppHarness) {
    key_with(harness, Key::Z, Modifiers::COMMAND);
    harness.run();
}

#[test]
fn the_deck_survives_hide_move_and_duplicate_with_undo() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    let original = harness.state().project().deck.clone();
    open_deck_editor(&mut harness);
    harness.get_by_label("2. The programme in figures").click();
    harness.run();

    harness.get_by_label("Move down").click();
    harness.run();
    assert_eq!(order(&harness)[..3], ["title", "adoption", "kpis"]);
    assert_eq!(
        harness.state().selected_slide().map(SlideId::as_str),
        Some("kpis")
    );

    harness.get_by_label("Duplicate").click();
    harness.run();
    assert_eq!(
        order(&harness)[..4],
        ["title", "adoption", "kpis", "kpis-2"]
    );
    assert_eq!(
        harness.state().selected_slide().map(SlideId::as_str),
        Some("kpis-2")
    );

    harness.get_by_label("Hidden").click();
    harness.run();
    assert!(harness.state().project().deck.slides[3].hidden);
    assert!(harness.state().document().is_dirty());

    undo(&mut harness);
    assert!(!harness.state().project().deck.slides[3].hidden);
    undo(&mut harness);
    assert_eq!(order(&harness)[..3], ["title", "adoption", "kpis"]);
    undo(&mut harness);
    assert_eq!(harness.state().project().deck, original);
}

#[test]
fn a_comune_slide_shows_the_comune_picked_for_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    open_deck_editor(&mut harness);
    harness.get_by_label("6. Alba").click();
    harness.run();
    harness.get_by_label("Comune shown:").click();
    harness.run();
    harness.get_by_label("Cuneo").click();
    harness.run();
    let slide = harness
        .state()
        .project()
        .deck
        .get(&SlideId::new("comune-alba"))
        .cloned();
    assert_eq!(
        slide.unwrap().kind,
        cruscotto::model::SlideKind::Comune {
            partner: cruscotto::model::PartnerId::new("cuneo")
        }
    );
    harness.get_by_label("6. Cuneo");
}

#[test]
fn notes_typed_in_the_editor_are_one_undo_step() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    open_deck_editor(&mut harness);
    harness.get_by_label("3. Smart working over time").click();
    harness.run();
    let notes_field = "Speaker notes (not shown to the room)";
    harness.get_by_label(notes_field).focus();
    harness.run();
    harness.get_by_label(notes_field).type_text("Dire di Cuneo");
    harness.run();
    let notes = |h: &AppHarness| h.state().project().deck.slides[2].notes.clone();
    assert_eq!(notes(&harness), "Dire di Cuneo");
    harness.key_press(Key::Escape);
    harness.run();
    undo(&mut harness);
    assert_eq!(notes(&harness), "");
}

/// Each kind of slide of the demo in Italian, as the room sees it (dark projector theme).
#[test]
fn a_snapshot_of_every_kind_of_slide_in_italian() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.lang = Lang::It;
    let mut harness = app_support::harness_for_size(setup.app(), [1280.0, 720.0]);
    harness.remove_cursor();
    let project = harness.state().project().clone();
    key(&mut harness, Key::F5);
    let mut taken = std::collections::BTreeSet::new();
    let options = egui_kittest::SnapshotOptions::new().max_failed_pixels(400);
    for (n, slide) in project.deck.slides.iter().enumerate() {
        let kind = match &slide.kind {
            cruscotto::model::SlideKind::Comune { .. } => "comune",
            cruscotto::model::SlideKind::Scenario { .. } => "scenario",
            other => match other {
                cruscotto::model::SlideKind::Title => "title",
                cruscotto::model::SlideKind::Kpis => "kpis",
                cruscotto::model::SlideKind::Adoption => "adoption",
                cruscotto::model::SlideKind::Training => "training",
                cruscotto::model::SlideKind::Milestones => "milestones",
                _ => "findings",
            },
        };
        if taken.insert(kind) {
            for digit in (n + 1).to_string().bytes() {
                let key = Key::from_name(&char::from(digit).to_string()).unwrap();
                harness.input_mut().events.push(press(key, Modifiers::NONE));
            }
            harness
                .input_mut()
                .events
                .push(press(Key::Enter, Modifiers::NONE));
            app_support::settle(&mut harness);
            assert_eq!(shown(&harness).as_deref(), Some(slide.id.as_str()));
            harness.snapshot_options(format!("slide_{kind}"), &options);
        }
    }
    assert_eq!(taken.len(), 8);
}

#[test]
fn an_edit_made_while_presenting_is_on_the_slide_at_the_next_frame() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = demo_harness(folder.path());
    key(&mut harness, Key::F5);
    harness.get_by_label("Lavoro agile nei Comuni — consorzio demo");
    harness.state_mut().request(cruscotto::ui::Request::Edit(
        cruscotto::model::Edit::SetTitle("Workshop di Cuneo".into()),
    ));
    harness.step();
    harness.get_by_label("Workshop di Cuneo");
    assert!(harness.state().presentation().is_active());
    assert!(harness.state().document().is_dirty());
}
