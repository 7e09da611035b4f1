//! `cruscotto slides`: the deck the window presents, written as one numbered PNG per slide
//! (through the real window) or as one PDF (drawn off screen, no window).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use cruscotto::app::ViewKind;
use cruscotto::app::deck_pdf::{DeckPdfOptions, deck_pdf};
use cruscotto::app::launch::{LaunchOptions, run as run_window};
use cruscotto::app::slide_export::SlideExportPlan;
use cruscotto::i18n::Lang;
use cruscotto::ui::slides::look::ProjectorTheme;

use super::screenshot::{LangArg, ThemeArg};
use super::source::load_project;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlidesFormat {
    /// One PNG per presented slide, `slide-001.png` onwards, in the folder given by --out.
    Png,
    /// One PDF file at --out, a page per presented slide (half the pixel size in points).
    Pdf,
}

pub fn run(
    file: Option<PathBuf>,
    out: PathBuf,
    format: SlidesFormat,
    size: [f32; 2],
    lang: Option<LangArg>,
    theme: ThemeArg,
) -> ExitCode {
    let lang = lang.map(|lang| match lang {
        LangArg::It => Lang::It,
        LangArg::En => Lang::En,
    });
    let theme = match theme {
        ThemeArg::Light => ProjectorTheme::Light,
        ThemeArg::Dark => ProjectorTheme::Dark,
    };
    if format == SlidesFormat::Pdf {
        return write_pdf(file.as_deref(), &out, size, lang, theme);
    }
    let plan = SlideExportPlan::new(out);
    let options = LaunchOptions {
        file,
        size: Some(size),
        lang,
        theme: None,
        view: ViewKind::Deck,
        screenshot: None,
        slides: Some(plan.clone()),
        projector_theme: Some(theme),
    };
    if let Err(error) = run_window(options) {
        eprintln!("error: cannot open the window: {error}");
        return ExitCode::FAILURE;
    }
    match plan.outcome() {
        Some(Ok(files)) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Some(Err(error)) => {
            eprintln!("error: cannot write the slides: {error}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("error: the window closed before every slide was written");
            ExitCode::FAILURE
        }
    }
}

fn write_pdf(
    file: Option<&Path>,
    out: &Path,
    size: [f32; 2],
    lang: Option<Lang>,
    theme: ProjectorTheme,
) -> ExitCode {
    let project = match load_project(file) {
        Ok((_, project)) => project,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let options = DeckPdfOptions {
        pixels: size,
        lang: lang.unwrap_or_else(Lang::from_system),
        theme,
    };
    let bytes = match deck_pdf(&project, options, |_, _| true) {
        // Nothing here cancels: a PDF always comes back.
        Ok(Some(bytes)) => bytes,
        Ok(None) => return ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: cannot draw the slides: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = cruscotto::store::write_atomically(out, &bytes) {
        eprintln!("error: cannot write {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    println!("{}", out.display());
    ExitCode::SUCCESS
}
