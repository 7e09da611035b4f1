//! Opening the real window: the plain app, or the screenshot command's one-shot window.

use std::path::PathBuf;

use super::screenshot::ScreenshotPlan;
use super::settings::{STORAGE_KEY, Settings};
use super::{AppOptions, CruscottoApp, Startup, ViewKind};
use crate::i18n::Lang;
use crate::ui::theme::ThemeChoice;

/// The window's app id (matches assets/cruscotto.desktop).
const APP_ID: &str = "cruscotto";
/// eframe's name for the app: its preferences folder, shared with untitled recovery files.
const APP_NAME: &str = "Cruscotto";

#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// The project to open; `None` reopens the last project, or the demo.
    pub file: Option<PathBuf>,
    pub size: Option<[f32; 2]>,
    /// Overrides of the stored preferences (the screenshot command uses them).
    pub lang: Option<Lang>,
    pub theme: Option<ThemeChoice>,
    pub view: ViewKind,
    pub screenshot: Option<ScreenshotPlan>,
    /// `cruscotto slides`: export the deck as PNGs and close.
    pub slides: Option<super::slide_export::SlideExportPlan>,
    /// The slides' theme, over the stored preference.
    pub projector_theme: Option<crate::ui::slides::look::ProjectorTheme>,
}

/// The window as it first opens. A first start (nothing stored yet) knows nothing of the
/// screen, so it takes all of it, maximised; later starts get the size and position eframe
/// stored (written while the app runs: `SETTINGS_SAVED_EVERY`).
pub fn initial_viewport(first_start: bool, size: Option<[f32; 2]>) -> egui::ViewportBuilder {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Cruscotto")
        .with_app_id(APP_ID)
        .with_inner_size(size.unwrap_or([1440.0, 900.0]))
        .with_min_inner_size([800.0, 500.0]);
    if first_start && size.is_none() {
        viewport.with_maximized(true)
    } else {
        viewport
    }
}

/// Whether eframe has stored nothing yet (its storage file is `app.ron` in its folder).
fn is_first_start() -> bool {
    eframe::storage_dir(APP_NAME).is_none_or(|dir| !dir.join("app.ron").exists())
}

/// Runs the window until it closes.
pub fn run(options: LaunchOptions) -> Result<(), String> {
    let one_shot = options.screenshot.is_some() || options.slides.is_some();
    let first_start = !one_shot && is_first_start();
    let mut viewport = initial_viewport(first_start, options.size);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    if one_shot {
        viewport = viewport.with_resizable(false);
    }
    // eframe restores a stored window size whatever `persist_window` says, so a screenshot
    // taken after the app had been used came out the size of the user's last window: a
    // one-shot window keeps its storage in a scratch folder of its own.
    let scratch = if one_shot {
        Some(tempfile::tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?)
    } else {
        None
    };
    let native = eframe::NativeOptions {
        viewport,
        // A screenshot must not depend on, nor change, the user's window layout.
        persist_window: !one_shot,
        persistence_path: scratch.as_ref().map(|dir| dir.path().join("app.ron")),
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        native,
        Box::new(move |cc| {
            let stored: Settings = match (one_shot, cc.storage) {
                (false, Some(storage)) => {
                    eframe::get_value(storage, STORAGE_KEY).unwrap_or_default()
                }
                _ => Settings::default(),
            };
            let mut settings = stored;
            if let Some(lang) = options.lang {
                settings.lang = Some(lang);
            }
            if let Some(theme) = options.theme {
                settings.theme = theme;
            }
            if let Some(theme) = options.projector_theme {
                settings.projector_theme = theme;
            }
            if options.slides.is_some() {
                // Every slide is drawn and grabbed; none moves on by itself meanwhile.
                settings.advance_seconds = 0;
            }
            let startup = match options.file {
                Some(path) => Startup::File(path),
                None => match &settings.last_project {
                    Some(path) if !one_shot && path.is_file() => Startup::File(path.clone()),
                    _ => Startup::Demo,
                },
            };
            let data_dir = eframe::storage_dir(APP_NAME).unwrap_or_else(std::env::temp_dir);
            let mut app_options = AppOptions::new(data_dir);
            app_options.view = options.view;
            app_options.screenshot = options.screenshot;
            app_options.slides = options.slides;
            Ok(Box::new(CruscottoApp::new(startup, settings, app_options)))
        }),
    )
    .map_err(|error| error.to_string())
}
