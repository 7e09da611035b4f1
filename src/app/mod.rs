//! The eframe app: the open document with its undo history, the user's settings, file work
//! and prompts. Views draw and push requests; the app applies them after drawing, in one
//! place (`frame.rs`), which is where undo, the dirty flag and autosave are handled.

mod autosave;
mod chrome;
mod command;
pub mod deck_pdf;
mod deck_pdf_export;
pub mod deck_png;
mod deck_png_export;
mod derived;
pub mod dialogs;
mod document;
mod exports;
mod failures;
mod files;
mod frame;
mod history;
mod import;
pub mod jobs;
pub mod launch;
mod live_correction;
mod monitors;
mod months_play;
mod palette;
mod play_controls;
mod plot_grab;
mod presentation;
mod presenter;
pub mod projections;
mod prompts;
mod report_export;
pub mod report_files;
mod requests;
pub mod screenshot;
pub mod settings;
mod show_frame;
pub mod slide_export;
pub mod work;

use std::path::PathBuf;
use std::time::Duration;

pub use autosave::AUTOSAVE_AFTER;
pub use command::AppCommand;
pub use dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use document::Document;
pub use monitors::{MonitorInfo, Monitors};
pub use months_play::MonthsPlay;
pub use presentation::{Blank, Presentation, Presenter};
pub use prompts::{Answer, Pending, Prompt};
pub use settings::Settings;

use autosave::Autosave;
use derived::DerivedCache;
use dialogs::Dialogs;
use jobs::Jobs;
use projections::ProjectionCache;
use screenshot::ScreenshotState;
use slide_export::SlideExportState;

use crate::analysis::dashboard::Dashboard;
use crate::analysis::projection::{Calibration, ProjectionSettings};
use crate::analysis::scenario_figures::{ProjectionNeeds, ScenarioFigures};
use crate::i18n::Lang;
use crate::model::{Project, ScenarioId};
use crate::store::SaveError;
use crate::ui::Selection;
use crate::ui::overview::OverviewView;
use crate::ui::partners::PartnersView;
use crate::ui::scenarios::ScenariosView;
use crate::ui::theme::ThemeChoice;
use crate::ui::training::TrainingView;

/// How often eframe writes the preferences and the window geometry while the app runs.
pub const SETTINGS_SAVED_EVERY: Duration = Duration::from_secs(15);

/// The views of the app, in navigation order (their names and shortcuts are registered
/// with the commands, `command::COMMANDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewKind {
    #[default]
    Overview,
    Partners,
    Training,
    Scenarios,
    /// The workshop deck and its editor ("Presentazione").
    Deck,
}

impl ViewKind {
    pub const ALL: [ViewKind; 5] = [
        ViewKind::Overview,
        ViewKind::Partners,
        ViewKind::Training,
        ViewKind::Scenarios,
        ViewKind::Deck,
    ];
}

/// What the app starts on.
#[derive(Debug, Clone, PartialEq)]
pub enum Startup {
    /// The embedded demo programme, untitled.
    Demo,
    /// A project file, loaded in the background once the window is up.
    File(PathBuf),
    /// A project already in memory, untitled (benchmarks and tests).
    Project(Box<Project>),
}

/// The work the app hands to background threads, as plain functions: the real ones in the
/// app, ones that fail on purpose in tests of what a failing worker does to the window.
#[derive(Clone, Copy)]
pub struct Backends {
    pub save: fn(&std::path::Path, &Project) -> Result<(), SaveError>,
    pub dashboard: fn(&Project) -> Dashboard,
    pub calibrate: fn(&Project, &ProjectionSettings) -> Calibration,
    /// Opens a written file or folder with the system's handler ("Open when done").
    pub open_path: fn(&std::path::Path) -> Result<(), String>,
}

impl Default for Backends {
    fn default() -> Backends {
        Backends {
            save: crate::store::save,
            dashboard: crate::analysis::dashboard::dashboard,
            calibrate: crate::analysis::projection::calibrate,
            open_path: report_export::open_with_system_handler,
        }
    }
}

/// How the app is wired to the outside world; tests replace the dialogs and the folders.
pub struct AppOptions {
    /// Where the recovery file of an untitled project lives.
    pub data_dir: PathBuf,
    pub dialogs: Box<dyn FileDialogs>,
    pub autosave_after: Duration,
    /// Set by `cruscotto screenshot`: render, save a PNG and close.
    pub screenshot: Option<screenshot::ScreenshotPlan>,
    /// Set by `cruscotto slides`: present every slide, save each as a PNG and close.
    pub slides: Option<slide_export::SlideExportPlan>,
    pub view: ViewKind,
    pub backends: Backends,
}

impl AppOptions {
    pub fn new(data_dir: PathBuf) -> AppOptions {
        AppOptions {
            data_dir,
            dialogs: Box::new(NativeDialogs),
            autosave_after: AUTOSAVE_AFTER,
            screenshot: None,
            slides: None,
            view: ViewKind::default(),
            backends: Backends::default(),
        }
    }
}

pub struct CruscottoApp {
    doc: Document,
    settings: Settings,
    lang: Lang,
    view: ViewKind,
    overview: OverviewView,
    partners: PartnersView,
    training: TrainingView,
    scenarios: ScenariosView,
    deck_editor: crate::ui::slides::deck_editor::DeckEditor,
    /// The slide show in the window, when one runs.
    presentation: Presentation,
    /// The live-correction panel's state (what is being typed, the Comune picked).
    correction: crate::ui::slides::correction::CorrectionPanel,
    /// The monitors the system reports, for the presenter view.
    monitors: Monitors,
    selection: Selection,
    derived: DerivedCache,
    /// Scenario figures for whichever surface needs them.
    projections: ProjectionCache,
    /// The projections a surface other than the Scenarios view asked for.
    declared_needs: Option<ProjectionNeeds>,
    /// The scenario every surface shows and projects: its one owner.
    active_scenario: Option<ScenarioId>,
    jobs: Jobs,
    dialogs: Dialogs,
    prompt: Option<Prompt>,
    /// What to do once the save in progress succeeds (after "Save" in the unsaved prompt).
    after_save: Option<Pending>,
    autosave: Autosave,
    data_dir: PathBuf,
    /// The file given at start-up while it loads: the window shows that, not the demo.
    opening_at_start: Option<PathBuf>,
    /// The revision of the document when a file started loading over it.
    loading_over: Option<u64>,
    /// Loaded on the first frame, so the window shows progress instead of a delay.
    startup_file: Option<PathBuf>,
    first_frame_done: bool,
    /// A short note for the status bar ("Saved to …").
    status: Option<String>,
    /// Ctrl+F was pressed: focus the partners' search field when the view draws.
    focus_search: bool,
    /// Letters typed together with Ctrl+F, for the search field.
    pending_search: String,
    /// Recovery files of discarded edits that an autosave was still writing.
    discarded_recoveries: Vec<PathBuf>,
    /// Set once the user agreed to quit, so the next close request is let through.
    allow_close: bool,
    palette: crate::ui::palette::Palette<palette::PaletteAction>,
    window_title: String,
    screenshot: Option<ScreenshotState>,
    /// A spreadsheet import being read or reviewed.
    import: Option<import::ImportState>,
    /// An export or templates being written.
    export: Option<exports::ExportJob>,
    slide_export: Option<SlideExportState>,
    /// File → "Export report…": the form, its dialogs, or the reports being written.
    report: Option<report_export::ReportState>,
    open_path: fn(&std::path::Path) -> Result<(), String>,
    /// A plot's picture being grabbed for the clipboard or a file.
    plot_grab: Option<plot_grab::PlotGrab>,
    /// The plot whose file is being asked for.
    plot_to_save: Option<egui::Rect>,
}

impl CruscottoApp {
    pub fn new(startup: Startup, settings: Settings, options: AppOptions) -> CruscottoApp {
        let lang = settings.lang.unwrap_or_else(Lang::from_system);
        let mut settings = settings;
        settings.lang = Some(lang);
        let (project, startup_file) = match startup {
            Startup::Demo => (crate::demo::embedded(), None),
            Startup::File(path) => (crate::demo::embedded(), Some(path)),
            Startup::Project(project) => (*project, None),
        };
        CruscottoApp {
            doc: Document::new(project, None),
            settings,
            lang,
            view: options.view,
            overview: OverviewView::default(),
            partners: PartnersView::default(),
            training: TrainingView::default(),
            scenarios: ScenariosView::default(),
            deck_editor: Default::default(),
            presentation: Presentation::default(),
            correction: Default::default(),
            monitors: Monitors::default(),
            selection: Selection::default(),
            derived: DerivedCache::new(options.backends.dashboard),
            projections: ProjectionCache::new(options.backends.calibrate),
            declared_needs: None,
            active_scenario: None,
            jobs: Jobs::new(options.backends.save),
            dialogs: Dialogs::new(options.dialogs),
            prompt: None,
            after_save: None,
            autosave: Autosave::new(options.autosave_after),
            data_dir: options.data_dir,
            startup_file,
            loading_over: None,
            opening_at_start: None,
            first_frame_done: false,
            status: None,
            focus_search: false,
            pending_search: String::new(),
            discarded_recoveries: Vec::new(),
            allow_close: false,
            palette: Default::default(),
            window_title: String::new(),
            screenshot: options.screenshot.map(ScreenshotState::new),
            import: None,
            export: None,
            slide_export: options.slides.map(SlideExportState::new),
            report: None,
            open_path: options.backends.open_path,
            plot_grab: None,
            plot_to_save: None,
        }
    }

    /// Draws one frame into `ui` (the whole window); the kittest tests and the frame-time
    /// benchmark call this directly.
    pub fn ui_for_test(&mut self, ui: &mut egui::Ui) {
        self.frame(ui);
    }

    pub fn project(&self) -> &Project {
        self.doc.project()
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> ThemeChoice {
        self.settings.theme
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The view shown.
    pub fn view(&self) -> ViewKind {
        self.view
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The slide show's state (whether it runs, the slide shown, blanking).
    pub fn presentation(&self) -> &Presentation {
        &self.presentation
    }

    /// The slide selected in the deck editor, where Shift+F5 starts.
    pub fn selected_slide(&self) -> Option<&crate::model::SlideId> {
        self.deck_editor.selected()
    }

    /// The figures the views show (possibly of an older revision while new ones are computed).
    pub fn figures(&mut self) -> std::sync::Arc<crate::analysis::dashboard::Dashboard> {
        self.derived.latest().unwrap_or_else(|| {
            std::sync::Arc::new(crate::analysis::dashboard::dashboard(self.doc.project()))
        })
    }

    /// The revision whose figures are cached.
    pub fn figures_revision(&self) -> Option<u64> {
        self.derived.revision()
    }

    /// Whether file work is still running in the background.
    pub fn is_busy(&self) -> bool {
        !self.jobs.running().is_empty()
            || self.dialogs.is_open()
            || self.derived.is_updating()
            || self.projections.is_updating()
            || self.import_is_reading()
            || self.is_exporting()
            || self.report_is_running()
            || self.is_grabbing_plot()
    }

    /// Waits for the running file work to finish and takes in its results (tests, and the
    /// screenshot command before it renders).
    pub fn finish_jobs(&mut self, ctx: &egui::Context) {
        while let Some(result) = self.jobs.wait(Duration::from_secs(60)) {
            self.take_job_result(ctx, result);
        }
        self.derived.wait();
        self.projections.wait();
        self.wait_for_import_and_export();
        self.wait_for_report();
    }

    /// The scenario every surface shows (`None` when the project has no scenario).
    pub fn active_scenario(&self) -> Option<&ScenarioId> {
        self.active_scenario.as_ref()
    }

    /// Declares what a surface other than the Scenarios view needs projected (slides,
    /// reports); `None` when nothing does. The figures are computed from the next frame on.
    pub fn need_projections(&mut self, needs: Option<ProjectionNeeds>) {
        self.declared_needs = needs;
    }

    /// The latest scenario figures, whatever surface asked for them.
    pub fn scenario_figures(&self) -> Option<&ScenarioFigures> {
        self.projections.figures()
    }

    /// How many dashboard computations were started so far (tests).
    pub fn figure_computations(&self) -> u64 {
        self.derived.started()
    }

    /// Handles a request as if a view had pushed it.
    pub fn request(&mut self, request: crate::ui::Request) {
        self.apply_request(request);
    }

    /// Replaces the file dialogs (tests of a system without any).
    pub fn set_dialogs(&mut self, dialogs: Box<dyn FileDialogs>) {
        self.dialogs = Dialogs::new(dialogs);
    }

    pub fn set_autosave_after(&mut self, delay: Duration) {
        self.autosave = Autosave::new(delay);
    }

    /// Replaces the monitors the system reports (tests of a second monitor).
    pub fn set_monitors(&mut self, monitors: Monitors) {
        self.monitors = monitors;
    }

    /// Runs an app command as if chosen from the menu.
    pub fn run_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        self.apply_command(ctx, command);
    }
}

impl eframe::App for CruscottoApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // While a show runs the monitors stay as they were when it started, unless the
        // presenter opens the monitor list.
        if !self.presentation.is_active() {
            self.monitors.refresh(frame, false);
        }
        self.frame(ui);
    }

    /// A screenshot shows the dashboard as it rests: wherever the pointer happens to be on
    /// the virtual screen, it must not hover a plot or a tooltip into the picture.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.is_grabbing_plot() {
            // The pointer is where the menu was, over the plot: no hover label in its picture.
            raw_input.events.push(egui::Event::PointerGone);
        }
        if self.is_taking_screenshot() {
            raw_input.events.retain(|event| {
                !matches!(
                    event,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::PointerGone
                        | egui::Event::MouseWheel { .. }
                )
            });
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.is_taking_screenshot() {
            return;
        }
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }

    /// egui's memory holds plot zoom and scroll positions of whatever project was open: they
    /// would be wrong for the next one. Preferences have their own key.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    /// Preferences and the window's size and position are written while the app runs,
    /// not only at a clean exit: after a crash the window comes back where it was.
    fn auto_save_interval(&self) -> Duration {
        SETTINGS_SAVED_EVERY
    }
}
