//! Issue 13's found-in-use defects of files and the window, each driven as the user met it:
//! discarded edits coming back, restore without undo, an unreadable file with a backup
//! beside it, a new project's misleading header and status, no file dialog at all, letters
//! typed with Ctrl+F, the first start's window.

use crate::app_support;

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use app_support::{Setup, settle};
use cruscotto::app::dialogs::{DialogPurpose, DialogReply, DialogRequest};
use cruscotto::app::{AppCommand, CruscottoApp, FileDialogs, Prompt, Startup, ViewKind};
use cruscotto::model::Edit;
use cruscotto::store;
use cruscotto::ui::Request;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CruscottoApp>;

fn edit_title(harness: &mut AppHarness, title: &str) {
    harness
        .state_mut()
        .request(Request::Edit(Edit::SetTitle(title.into())));
    settle(harness);
}

/// The demo with an edit autosaved to its recovery file (written at once).
fn autosaved(folder: &std::path::Path) -> (AppHarness, PathBuf) {
    let mut app = Setup::new(folder).app();
    app.set_autosave_after(std::time::Duration::ZERO);
    let mut harness = app_support::harness_for(app);
    edit_title(&mut harness, "Da buttare");
    let recovery = store::recovery_path(None, folder);
    assert!(recovery.is_file(), "the autosave wrote its copy");
    (harness, recovery)
}

#[test]
fn dont_save_on_quit_removes_the_recovery_copy() {
    let folder = tempfile::tempdir().unwrap();
    let (mut harness, recovery) = autosaved(folder.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().run_command(&ctx, AppCommand::Quit);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(
        !recovery.exists(),
        "the next start would offer the discarded edits"
    );
    assert_eq!(store::newer_recovery(None, folder.path()), None);
}

#[test]
fn dont_save_before_new_and_before_open_removes_the_recovery_copy() {
    for command in ["new", "open"] {
        let folder = tempfile::tempdir().unwrap();
        let other = folder.path().join("altro.ron");
        store::save(&other, &cruscotto::demo::embedded()).unwrap();
        let (mut harness, recovery) = autosaved(folder.path());
        let ctx = harness.ctx.clone();
        let command = match command {
            "new" => AppCommand::New,
            _ => AppCommand::OpenPath(other.clone()),
        };
        harness.state_mut().run_command(&ctx, command.clone());
        harness.run();
        harness.get_by_label("Don't save").click();
        settle(&mut harness);
        assert!(
            !recovery.exists(),
            "{command:?} kept the discarded edits' copy"
        );
    }
}

#[test]
fn a_restored_recovery_copy_is_one_undo_step_above_the_file_as_saved() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("comuni.ron");
    let demo = cruscotto::demo::embedded();
    store::save(&path, &demo).unwrap();
    let mut edited = demo.clone();
    edited.meta.title = "Modifiche di ieri sera".into();
    edited.partners.pop_first();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::write_recovery(&store::recovery_path(Some(&path), folder.path()), &edited).unwrap();

    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::File(path.clone());
    let mut harness = setup.harness();
    harness.get_by_label("Restore").click();
    settle(&mut harness);
    assert_eq!(harness.state().project(), &edited);
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project(), &demo, "back to the file on disk");
    assert!(
        !harness.state().document().is_dirty(),
        "which is what is saved"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().project(), &edited);
}

#[test]
fn an_unreadable_file_offers_its_backup_which_opens_as_unsaved_changes() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("piano.ron");
    let demo = cruscotto::demo::embedded();
    store::save(&path, &demo).unwrap();
    // A second save keeps the first as piano.ron.bak; then the file gets damaged.
    store::save(&path, &demo).unwrap();
    let backup = store::backup_path(&path);
    assert!(backup.is_file());
    std::fs::write(&path, "(format: 1, project: (meta: (title: 12").unwrap();

    let mut harness = Setup::new(folder.path()).harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, AppCommand::OpenPath(path.clone()));
    settle(&mut harness);
    match harness.state().prompt() {
        Some(Prompt::OpenBackup { message, .. }) => {
            assert!(message.contains("line 1, column"), "{message}")
        }
        other => panic!("expected the backup to be offered, got {other:?}"),
    }
    assert!(
        harness.query_by_label_contains("piano.ron.bak").is_some(),
        "the dialog names the backup"
    );
    harness.get_by_label("Open the backup").click();
    settle(&mut harness);

    assert_eq!(harness.state().project(), &demo);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
    assert!(
        harness.state().document().is_dirty(),
        "nothing written until saved"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(format: 1, project: (meta: (title: 12",
        "the damaged file is not overwritten by opening its backup"
    );
}

#[test]
fn a_new_project_does_not_date_its_figures_in_the_future_nor_keep_the_old_status() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("piano.ron");
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(path.clone())];
    let mut harness = setup.harness();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Saved to").is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    settle(&mut harness);
    assert!(harness.state().project().partners.is_empty());
    assert!(
        harness.query_by_label_contains("Saved to").is_none(),
        "the status spoke of the project just closed"
    );
    assert!(harness.query_by_label_contains("Figures as of").is_none());
    harness.get_by_label("No monthly figures recorded yet");
}

/// A system with no file dialog: rfd's quick "cancelled".
struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn show(&mut self, request: DialogRequest, reply: Sender<DialogReply>, waker: egui::Context) {
        let _ = reply.send(DialogReply {
            unavailable: true,
            ..DialogReply::new(request.purpose, None)
        });
        waker.request_repaint();
    }
}

#[test]
fn without_any_file_dialog_open_asks_for_a_typed_path() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("altro.ron");
    let mut other = cruscotto::demo::embedded();
    other.meta.title = "Un altro programma".into();
    store::save(&path, &other).unwrap();
    let mut app = Setup::new(folder.path()).app();
    app.set_dialogs(Box::new(NoDialogs));
    let mut harness = app_support::harness_for(app);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::TypePath {
            purpose: DialogPurpose::Open,
            ..
        })
    ));
    harness.get_by_label_contains("This system has no file dialog");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the file")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    settle(&mut harness);
    assert_eq!(harness.state().project().meta.title, "Un altro programma");
}

#[test]
fn letters_typed_with_ctrl_f_in_one_slow_frame_reach_the_search() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    // A slow frame (the national programme) delivers the shortcut and the letters at once
    // (kittest's own `event` gives each event a frame of its own).
    harness.input_mut().events.extend([
        egui::Event::Key {
            key: Key::F,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        },
        egui::Event::Text("Cun".into()),
    ]);
    harness.step();
    harness.event(egui::Event::Text("eo".into()));
    harness.run();
    assert_eq!(harness.state().view(), ViewKind::Partners);
    let search = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search Comuni");
    assert_eq!(search.value().as_deref(), Some("Cuneo"));
}

#[test]
fn the_first_start_opens_the_window_maximised_and_later_ones_do_not() {
    use cruscotto::app::launch::initial_viewport;
    assert_eq!(initial_viewport(true, None).maximized, Some(true));
    assert_ne!(initial_viewport(false, None).maximized, Some(true));
    // An explicit size (the screenshot command) is taken as given.
    assert_ne!(
        initial_viewport(true, Some([1920.0, 1080.0])).maximized,
        Some(true)
    );
    // Size and position are written while the app runs, not only at a clean exit.
    assert!(cruscotto::app::SETTINGS_SAVED_EVERY <= std::time::Duration::from_secs(30));
}
