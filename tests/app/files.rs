//! File flows on the real app: save and reload, a corrupt file, recovery, unsaved changes.

use crate::app_support;

use app_support::{Dropped, Setup, settle};
use cruscotto::app::dialogs::DialogPurpose;
use cruscotto::app::{AppCommand, Prompt, Startup};
use cruscotto::model::Edit;
use cruscotto::store;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn save_as_writes_a_file_that_reloads_equal() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("programma.ron");
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(path.clone())];
    let shown = std::sync::Arc::clone(&setup.shown);
    let mut harness = setup.harness();
    let ctx = harness.ctx.clone();
    harness.state_mut().run_command(&ctx, AppCommand::Save);
    settle(&mut harness);

    // An untitled project asks where to save, suggesting a name made of its title.
    {
        let shown = shown.lock().unwrap();
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].purpose, DialogPurpose::SaveAs);
        assert_eq!(
            shown[0].file_name.as_deref(),
            Some("Lavoro-agile-nei-Comuni-consorzio-demo.ron")
        );
    }

    let saved = store::load(&path).unwrap();
    assert_eq!(&saved, harness.state().project());
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
    assert!(harness.state().window_title().contains("programma.ron"));
    assert_eq!(harness.state().settings().recent, vec![path]);
}

#[test]
fn ctrl_s_saves_changes_to_the_open_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("piano.ron");
    store::save(&path, &cruscotto::demo::embedded()).unwrap();
    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::File(path.clone());
    let mut harness = setup.harness();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );

    let ctx = harness.ctx.clone();
    harness.state_mut().run_command(&ctx, AppCommand::Undo); // nothing to undo: harmless
    apply(&mut harness, Edit::SetTitle("Piano 2027".into()));
    assert!(harness.state().window_title().contains('•'));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut harness);

    assert_eq!(store::load(&path).unwrap().meta.title, "Piano 2027");
    assert!(!harness.state().document().is_dirty());
    assert!(!harness.state().window_title().contains('•'));

    // Changing it and undoing the change is back to what is on disk: clean again.
    apply(&mut harness, Edit::SetTitle("Ripensamento".into()));
    assert!(harness.state().window_title().contains('•'));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert!(!harness.state().window_title().contains('•'));
}

#[test]
fn a_corrupt_file_shows_where_and_keeps_the_open_project() {
    let folder = tempfile::tempdir().unwrap();
    let corrupt = folder.path().join("rotto.ron");
    std::fs::write(&corrupt, "(format: 1, project: (meta: (title: 12").unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let before = harness.state().project().clone();

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, AppCommand::OpenPath(corrupt.clone()));
    settle(&mut harness);

    assert_eq!(harness.state().project(), &before);
    assert_eq!(harness.state().document().path, None);
    match harness.state().prompt() {
        Some(Prompt::Error { message, .. }) => {
            assert!(message.contains("rotto.ron"), "{message}");
            assert!(
                message.contains("line 1, column"),
                "no line and column in {message}"
            );
        }
        other => panic!("expected an error prompt, got {other:?}"),
    }
    harness.get_by_label("The file could not be opened");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().prompt().is_none());
}

#[test]
fn a_newer_recovery_file_is_offered_and_restored() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("comuni.ron");
    let demo = cruscotto::demo::embedded();
    store::save(&path, &demo).unwrap();
    let mut edited = demo.clone();
    edited.meta.title = "Modifiche di ieri sera".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let recovery = store::recovery_path(Some(&path), folder.path());
    store::write_recovery(&recovery, &edited).unwrap();

    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::File(path.clone());
    let mut harness = setup.harness();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Restore { .. })
    ));
    harness.get_by_label("Restore").click();
    settle(&mut harness);

    assert_eq!(harness.state().project(), &edited);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
    // Restored changes are not on disk yet: the project is dirty until saved.
    assert!(harness.state().document().is_dirty());
}

#[test]
fn declining_a_recovery_file_removes_it() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = store::recovery_path(None, folder.path());
    store::write_recovery(&recovery, &cruscotto::demo::embedded()).unwrap();

    let mut harness = Setup::new(folder.path()).harness();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Restore { .. })
    ));
    harness.get_by_label("Discard the copy").click();
    harness.run();
    assert!(!recovery.exists());
    assert!(harness.state().prompt().is_none());
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_them() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    apply(&mut harness, Edit::SetTitle("Da non perdere".into()));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::UnsavedChanges { .. })
    ));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().project().meta.title, "Da non perdere");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().project().meta.title, "New programme");
    assert!(harness.state().project().partners.is_empty());
}

#[test]
fn autosave_writes_the_recovery_file_of_a_dirty_project() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Setup::new(folder.path()).app();
    app.set_autosave_after(std::time::Duration::ZERO);
    let mut harness = app_support::harness_for(app);
    apply(
        &mut harness,
        Edit::SetTitle("Salvataggio automatico".into()),
    );
    settle(&mut harness);

    let recovery = store::recovery_path(None, folder.path());
    assert_eq!(
        store::load(&recovery).unwrap().meta.title,
        "Salvataggio automatico"
    );
}

/// Applies an edit the way a view does: as a request handled after drawing.
fn apply(harness: &mut egui_kittest::Harness<'static, cruscotto::app::CruscottoApp>, edit: Edit) {
    harness
        .state_mut()
        .request(cruscotto::ui::Request::Edit(edit));
    // An edit may start an autosave: a spinner repaints until it ends, which `run` alone
    // would take for a frame that never settles.
    settle(harness);
}

#[test]
fn dropping_a_project_file_on_the_window_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("trascinato.ron");
    let mut project = cruscotto::demo::embedded();
    project.meta.title = "Arrivato col mouse".into();
    store::save(&path, &project).unwrap();
    let mut harness = Setup::new(folder.path()).harness();

    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    // One frame takes the drop and starts loading; its spinner repaints until the load ends,
    // which `settle` waits for (a bare `run` fails when the load outlasts its steps).
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().project(), &project);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    apply(&mut harness, Edit::SetTitle("Non ancora salvato".into()));

    let request_close = |harness: &mut egui_kittest::Harness<'static, _>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.step();
    };
    let commands = |harness: &egui_kittest::Harness<'static, cruscotto::app::CruscottoApp>| {
        harness.output().viewport_output[&egui::ViewportId::ROOT]
            .commands
            .clone()
    };
    request_close(&mut harness);
    assert!(commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::UnsavedChanges { .. })
    ));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.step();
    assert!(commands(&harness).contains(&egui::ViewportCommand::Close));
}

#[test]
fn in_italian_a_corrupt_file_is_explained_in_italian() {
    let folder = tempfile::tempdir().unwrap();
    let corrupt = folder.path().join("rotto.ron");
    std::fs::write(&corrupt, "(format: 1, project: (meta: (title: 12").unwrap();
    let mut setup = Setup::new(folder.path());
    setup.lang = cruscotto::i18n::Lang::It;
    let mut harness = setup.harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, AppCommand::OpenPath(corrupt));
    settle(&mut harness);
    match harness.state().prompt() {
        Some(Prompt::Error { message, .. }) => {
            assert!(message.contains("riga 1, colonna"), "{message}");
        }
        other => panic!("expected an error prompt, got {other:?}"),
    }
    harness.get_by_label("Impossibile aprire il file");
}

#[test]
fn edits_made_while_a_file_loads_are_not_dropped_unasked() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("altro.ron");
    store::save(&path, &cruscotto::demo::embedded()).unwrap();
    let mut harness = Setup::new(folder.path()).harness();

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, AppCommand::OpenPath(path.clone()));
    harness
        .state_mut()
        .request(cruscotto::ui::Request::Edit(Edit::SetTitle(
            "Scritto durante il caricamento".into(),
        )));
    settle(&mut harness);

    assert_eq!(
        harness.state().project().meta.title,
        "Scritto durante il caricamento"
    );
    assert_eq!(
        harness.state().prompt(),
        Some(&Prompt::UnsavedChanges {
            then: cruscotto::app::Pending::Open(Some(path))
        })
    );
}

#[test]
fn a_file_given_at_start_up_shows_progress_not_the_demo() {
    let folder = tempfile::tempdir().unwrap();
    let written = folder.path().join("scritto.ron");
    let mut project = cruscotto::demo::embedded();
    project.meta.title = "Aperto all'avvio".into();
    store::save(&written, &project).unwrap();
    // The file is a named pipe: the load waits on it until the test has looked at the
    // window, however fast the machine reads.
    let path = folder.path().join("avvio.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::File(path.clone());
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(
            |ui, app: &mut cruscotto::app::CruscottoApp| app.ui_for_test(ui),
            setup.app(),
        );
    harness.step();
    harness.step();
    // The status bar's message and job, and the placeholder in the middle.
    assert_eq!(harness.query_all_by_label_contains("Opening").count(), 3);
    assert!(
        harness
            .query_by_label("Lavoro agile nei Comuni — consorzio demo")
            .is_none()
    );

    let bytes = std::fs::read(&written).unwrap();
    let writer = std::thread::spawn(move || std::fs::write(&path, bytes).unwrap());
    settle(&mut harness);
    writer.join().unwrap();
    settle(&mut harness);
    assert_eq!(harness.state().project(), &project);
    assert_eq!(harness.query_all_by_label_contains("Opening").count(), 0);
}

#[test]
fn new_and_open_clear_the_whole_selection_including_its_focus() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("altro.ron");
    store::save(&path, &cruscotto::demo::embedded()).unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let ctx = harness.ctx.clone();
    for command in [AppCommand::New, AppCommand::OpenPath(path.clone())] {
        harness
            .state_mut()
            .request(cruscotto::ui::Request::EditPartner("bra".into()));
        harness.run();
        assert!(harness.state().selection().focus.is_some());
        harness.state_mut().run_command(&ctx, command.clone());
        settle(&mut harness);
        if harness.state().prompt().is_some() {
            harness.get_by_label("Don't save").click();
            settle(&mut harness);
        }
        let selection = harness.state().selection();
        assert!(selection.partners.is_empty(), "{command:?}");
        assert_eq!(selection.focus, None, "{command:?} kept the focused Comune");
    }
}
