//! The live parts of the slide show on the real app: live correction (E) with undo, and the
//! adoption slide's play and scrub.

use crate::app_support;

use app_support::Setup;
use cruscotto::app::CruscottoApp;
use cruscotto::model::MilestoneKind;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};

type AppHarness = Harness<'static, CruscottoApp>;

fn press(harness: &mut AppHarness, key: Key, modifiers: Modifiers) {
    harness.input_mut().events.push(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
}

/// A key and one frame: what the show does with a key is on screen in that frame.
fn key(harness: &mut AppHarness, key: Key) {
    press(harness, key, Modifiers::NONE);
    harness.step();
}

fn shown(harness: &AppHarness) -> String {
    let show = harness.state().presentation();
    assert!(show.is_active(), "the show is not running");
    show.current()
        .map(|id| id.as_str().to_owned())
        .unwrap_or_default()
}

/// The demo presented from slide `number` (1-based).
fn presenting_slide(folder: &std::path::Path, number: usize) -> AppHarness {
    let mut harness = Setup::new(folder).harness();
    key(&mut harness, Key::F5);
    harness.step();
    for digit in number.to_string().chars() {
        let name = digit.to_string();
        key(&mut harness, Key::from_name(&name).unwrap());
    }
    key(&mut harness, Key::Enter);
    harness
}

/// Whether a text containing `needle` is on screen (labels are the values of their nodes).
fn text_shown(harness: &AppHarness, needle: &str) -> bool {
    let text = By::new().predicate(move |node| {
        node.value().is_some_and(|v| v.contains(needle))
            || node.label().is_some_and(|l| l.contains(needle))
    });
    harness.query_all(text).next().is_some()
}

/// The smart-workers figure as the slide names it.
fn smart_workers_on_slide(harness: &AppHarness) -> String {
    let figure = By::new().predicate(|node| {
        node.value()
            .is_some_and(|v| v.starts_with("Staff in smart working: "))
    });
    let node = harness.get(figure);
    node.accesskit_node().value().unwrap_or_default()
}

#[test]
fn e_corrects_the_smart_workers_on_screen_in_the_same_frame_and_ctrl_z_restores_them() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = presenting_slide(folder.path(), 6);
    assert_eq!(shown(&harness), "comune-alba");
    let before = smart_workers_on_slide(&harness);
    assert_ne!(before, "Staff in smart working: 777");
    assert!(!text_shown(&harness, "Unsaved changes"));

    key(&mut harness, Key::E);
    assert!(harness.state().presentation().is_correcting());
    harness.get_by_label("Live correction");
    let field = "Staff in smart working in ";
    harness.get_by_label_contains(field).focus();
    harness.step();
    press(&mut harness, Key::A, Modifiers::COMMAND);
    harness.step();
    // Digits typed in the panel are the presenter's text, not a jump to a slide.
    harness.get_by_label_contains(field).type_text("777");
    harness.step();
    assert_eq!(shown(&harness), "comune-alba");
    assert_eq!(harness.state().presentation().typed(), "");
    assert_eq!(smart_workers_on_slide(&harness), before, "not applied yet");

    // Enter applies the correction, and the slide drawn in that frame shows it.
    key(&mut harness, Key::Enter);
    assert_eq!(
        smart_workers_on_slide(&harness),
        "Staff in smart working: 777"
    );
    assert_eq!(
        shown(&harness),
        "comune-alba",
        "Enter in the field does not move"
    );
    assert!(harness.state().document().is_dirty());
    // The unsaved state is told to the presenter, in the panel (drawn before the edit,
    // it says so in the next frame, which the edit asks for).
    harness.step();
    assert!(text_shown(&harness, "Unsaved changes"));

    press(&mut harness, Key::Z, Modifiers::COMMAND);
    harness.step();
    assert_eq!(smart_workers_on_slide(&harness), before);
    assert!(harness.state().presentation().is_active());

    // Esc closes the panel and the show goes on; Esc again leaves.
    key(&mut harness, Key::Escape);
    assert!(!harness.state().presentation().is_correcting());
    assert!(harness.state().presentation().is_active());
    assert!(harness.query_by_label("Live correction").is_none());
    key(&mut harness, Key::E);
    key(&mut harness, Key::E);
    assert!(!harness.state().presentation().is_correcting());
    key(&mut harness, Key::Escape);
    assert!(!harness.state().presentation().is_active());
}

#[test]
fn a_tappa_reached_and_a_session_held_are_undoable_edits_of_the_comune_picked() {
    let folder = tempfile::tempdir().unwrap();
    // The KPI slide shows no single Comune: the panel corrects the first one, or the one
    // picked.
    let mut harness = presenting_slide(folder.path(), 2);
    key(&mut harness, Key::E);
    harness.get_by_label("Comune to correct:").click();
    harness.run();
    // A Comune with a tappa planned and not reached yet.
    let project = harness.state().project().clone();
    let today = project.last_observed_month().unwrap();
    let (cuneo, name) = project
        .partners
        .iter()
        .filter(|(_, p)| p.name != "Alba")
        .find(|(_, p)| {
            MilestoneKind::ALL.into_iter().any(|k| {
                let dates = p.milestone(k);
                dates.planned.is_some() && !dates.reached_by(today)
            })
        })
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .expect("a Comune with an open tappa");
    harness.get_by_label(&name).click();
    harness.run();
    let open_tappe = |h: &AppHarness| {
        let partner = &h.state().project().partners[&cuneo];
        MilestoneKind::ALL
            .into_iter()
            .filter(|k| !partner.milestone(*k).reached_by(today))
            .count()
    };
    let sessions = |h: &AppHarness| {
        h.state().project().partners[&cuneo]
            .modules
            .values()
            .map(|m| m.sessions.len())
            .sum::<usize>()
    };
    let (tappe, held) = (open_tappe(&harness), sessions(&harness));

    harness.get_by_label_contains("Reached in ").click();
    harness.run();
    assert_eq!(open_tappe(&harness), tappe - 1);

    harness.get_by_label("Attendees:").focus();
    harness.get_by_label("Attendees:").type_text("12");
    harness.run();
    harness.get_by_label("Add session").click();
    harness.run();
    assert_eq!(sessions(&harness), held + 1);
    assert!(text_shown(&harness, "attendees: 12"));

    // Attendees that are not a number change nothing and say why.
    harness.get_by_label("Attendees:").focus();
    harness.get_by_label("Attendees:").type_text("dodici");
    harness.run();
    harness.get_by_label("Add session").click();
    harness.run();
    assert_eq!(sessions(&harness), held + 1);
    assert!(text_shown(&harness, "attendees as a whole number"));

    press(&mut harness, Key::Escape, Modifiers::NONE);
    harness.run();
    for _ in 0..2 {
        press(&mut harness, Key::Z, Modifiers::COMMAND);
        harness.run();
    }
    assert_eq!((open_tappe(&harness), sessions(&harness)), (tappe, held));
    assert_eq!(shown(&harness), "kpis");
}

/// Lets `seconds` pass on the input clock, one frame at a time (kittest's frames are 0.25 s
/// apart).
fn wait(harness: &mut AppHarness, seconds: f64) {
    for _ in 0..(seconds / 0.25).round() as usize {
        harness.step();
    }
}

fn repaint_delay(harness: &AppHarness) -> std::time::Duration {
    harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn play_reveals_the_months_as_time_passes_and_the_scrub_bar_sets_the_month() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = presenting_slide(folder.path(), 3);
    assert_eq!(shown(&harness), "adoption");
    harness.run();
    // An idle slide asks for no repaint.
    assert_eq!(repaint_delay(&harness), std::time::Duration::MAX);
    assert_eq!(harness.state().presentation().play().through(), None);

    key(&mut harness, Key::A);
    let play = |h: &AppHarness| h.state().presentation().play().clone();
    assert!(play(&harness).is_playing());
    assert_eq!(play(&harness).through(), Some(0));
    // Playing asks for its next step only, not for every frame (the frame after the key
    // press is egui's own).
    harness.step();
    harness.step();
    let delay = repaint_delay(&harness);
    assert!(
        delay > std::time::Duration::ZERO && delay <= std::time::Duration::from_millis(500),
        "{delay:?}"
    );
    wait(&mut harness, 1.5);
    let revealed = play(&harness).through().unwrap();
    assert!((2..=4).contains(&revealed), "{revealed}");
    wait(&mut harness, 1.0);
    assert!(play(&harness).through().unwrap() > revealed);

    // Stopping keeps the month; the scrub keys move it one month at a time.
    key(&mut harness, Key::A);
    let stopped = play(&harness).through().unwrap();
    assert!(!play(&harness).is_playing());
    press(&mut harness, Key::ArrowLeft, Modifiers::SHIFT);
    harness.step();
    assert_eq!(play(&harness).through(), Some(stopped - 1));
    assert_eq!(
        shown(&harness),
        "adoption",
        "Shift+Left scrubs, it does not move"
    );
    harness.run();
    assert_eq!(repaint_delay(&harness), std::time::Duration::MAX);

    // The scrub bar set to the first month (as a screen reader does), then clicked in its
    // middle: a month half-way.
    harness
        .get_by_label_contains("Month shown: ")
        .set_value_accesskit(0.0);
    harness.step();
    harness.get_by_label("Month shown: Jan 2025");
    harness.step();
    assert_eq!(play(&harness).through(), Some(0));
    harness.get_by_label_contains("Month shown: ").click();
    harness.step();
    let middle = play(&harness).through().unwrap();
    assert!((6..=17).contains(&middle), "{middle}");

    // The next slide shows every month again.
    key(&mut harness, Key::ArrowRight);
    key(&mut harness, Key::ArrowLeft);
    assert_eq!(play(&harness).through(), None);
}

/// The demo presented with the presenter view (Alt+F5): the audience's slide in a viewport
/// of its own, windowed.
#[test]
fn the_presenter_view_shows_current_and_next_slide_notes_time_and_a_slide_list() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    press(&mut harness, Key::F5, Modifiers::ALT);
    harness.step();
    harness.step();
    let show = harness.state().presentation();
    assert!(show.is_active());
    assert_eq!(
        show.presenter().map(|p| p.audience_monitor),
        Some(None),
        "one monitor: the room's slide in a window"
    );
    assert!(harness.query_by_label("File").is_none());
    assert!(text_shown(&harness, "Slide 1 of "));
    assert!(text_shown(&harness, "Time: 00:0"));
    assert!(
        text_shown(&harness, "Benvenuto ai sindaci"),
        "the title slide's notes"
    );
    // The title slide is shown, and the next one (the KPIs) small beside it.
    let title = By::new().predicate(|node| {
        node.value().as_deref() == Some("Lavoro agile nei Comuni — consorzio demo")
            || node.label().as_deref() == Some("Lavoro agile nei Comuni — consorzio demo")
    });
    assert!(harness.query_all(title).count() >= 1);
    // The room's own viewport (a window inside this one where there are no native ones,
    // faded in over a few frames).
    for _ in 0..3 {
        harness.step();
    }
    harness.get_by_label("Cruscotto — room");
    harness.get_by_label("The programme in figures");

    // A click in the slide list jumps, for the room too.
    harness.get_by_label("6. Alba").click_accesskit();
    harness.step();
    harness.step();
    assert_eq!(shown(&harness), "comune-alba");
    // The clicker keys work as in one window; E opens live correction here.
    key(&mut harness, Key::ArrowRight);
    assert_ne!(shown(&harness), "comune-alba");
    key(&mut harness, Key::E);
    harness.get_by_label("Live correction");
    key(&mut harness, Key::Escape);
    key(&mut harness, Key::Escape);
    assert!(!harness.state().presentation().is_active());
    assert!(harness.state().presentation().presenter().is_none());
}

#[test]
fn with_two_monitors_f5_puts_the_room_s_slide_on_the_other_one_and_the_picker_moves_it() {
    use cruscotto::app::{MonitorInfo, Monitors};
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let monitor = |name: &str, x: i32| MonitorInfo {
        name: name.to_owned(),
        size: [1920, 1080],
        position: [x, 0],
    };
    harness.state_mut().set_monitors(Monitors::fixed(vec![
        monitor("laptop", 0),
        monitor("projector", 1920),
    ]));
    key(&mut harness, Key::F5);
    harness.step();
    let presenter = harness.state().presentation().presenter().copied();
    assert_eq!(presenter.map(|p| p.audience_monitor), Some(Some(1)));
    harness.get_by_label("Room's slide on:").click_accesskit();
    harness.step();
    harness.step();
    harness.get_by_label("A window").click_accesskit();
    harness.step();
    let presenter = harness.state().presentation().presenter().copied();
    assert_eq!(presenter.map(|p| p.audience_monitor), Some(None));
    assert!(harness.state().presentation().is_active(), "no restart");
}
