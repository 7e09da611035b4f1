//! Builds the real app inside an egui_kittest harness, with scripted file dialogs and a
//! private data folder, so UI flows run headless and never touch the user's files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cruscotto::app::dialogs::DialogRequest;
use cruscotto::app::{AppOptions, Backends, CruscottoApp, ScriptedDialogs, Settings, Startup};
use cruscotto::i18n::Lang;
use cruscotto::ui::theme::ThemeChoice;
use egui_kittest::Harness;

pub struct Setup {
    pub startup: Startup,
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// Answers of the file dialogs, in order (`None`: cancelled).
    pub answers: Vec<Option<PathBuf>>,
    pub data_dir: PathBuf,
    /// Every file dialog the app asked for.
    pub shown: Arc<Mutex<Vec<DialogRequest>>>,
    /// The background computations (tests of failing workers replace them).
    pub backends: Backends,
}

impl Setup {
    pub fn new(data_dir: &Path) -> Setup {
        Setup {
            startup: Startup::Demo,
            lang: Lang::En,
            theme: ThemeChoice::Light,
            answers: Vec::new(),
            data_dir: data_dir.to_owned(),
            shown: Arc::default(),
            // "Open when done" must not start the desktop's programs during tests.
            backends: Backends {
                open_path: record_opened,
                ..Backends::default()
            },
        }
    }

    pub fn app(self) -> CruscottoApp {
        let settings = Settings {
            lang: Some(self.lang),
            theme: self.theme,
            ..Settings::default()
        };
        let mut options = AppOptions::new(self.data_dir);
        options.dialogs = Box::new(ScriptedDialogs {
            answers: self.answers.into(),
            shown: self.shown,
        });
        // Long enough never to fire during a test, unless a test asks for it.
        options.autosave_after = Duration::from_secs(3600);
        options.backends = self.backends;
        CruscottoApp::new(self.startup, settings, options)
    }

    pub fn harness(self) -> Harness<'static, CruscottoApp> {
        harness_for(self.app())
    }
}

/// Every path the app asked the system to open, across the tests of this binary.
pub static OPENED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn record_opened(path: &Path) -> Result<(), String> {
    OPENED
        .lock()
        .map_err(|e| e.to_string())?
        .push(path.to_owned());
    Ok(())
}

pub fn harness_for(app: CruscottoApp) -> Harness<'static, CruscottoApp> {
    harness_for_size(app, [1600.0, 1000.0])
}

pub fn harness_for_size(app: CruscottoApp, size: [f32; 2]) -> Harness<'static, CruscottoApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_render_cursor(false)
        // A grid whose columns change width (a slider moving a table's figures) takes a
        // few frames to size them: more than kittest's default of 12 on some machines.
        .with_max_steps(32)
        .build_ui_state(|ui, app: &mut CruscottoApp| app.ui_for_test(ui), app);
    settle(&mut harness);
    harness
}

/// Lets background work (files, figures) finish and the UI catch up with it. Steps rather
/// than runs while work is pending: the status bar's spinner repaints until it ends.
pub fn settle(harness: &mut Harness<'static, CruscottoApp>) {
    for _ in 0..20 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        let ctx = harness.ctx.clone();
        harness.state_mut().finish_jobs(&ctx);
    }
    harness.run();
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `paths` on the window in one frame, as a user dropping several files at once.
pub fn drop_files(harness: &mut Harness<'static, CruscottoApp>, paths: &[PathBuf]) {
    for path in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(path.clone())));
    }
    harness.step();
    settle(harness);
}
