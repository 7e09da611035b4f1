//! `cruscotto slides`: the deck the window presents, written as one numbered PNG per slide.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use cruscotto::app::ViewKind;
use cruscotto::app::launch::{LaunchOptions, run as run_window};
use cruscotto::app::slide_export::SlideExportPlan;
use cruscotto::i18n::Lang;
use cruscotto::ui::slides::look::ProjectorTheme;

use super::screenshot::{LangArg, ThemeArg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlidesFormat {
    /// One PNG per presented slide, `slide-001.png` onwards, in the folder given by --out.
    Png,
}

pub fn run(
    file: Option<PathBuf>,
    out: PathBuf,
    format: SlidesFormat,
    size: [f32; 2],
    lang: Option<LangArg>,
    theme: ThemeArg,
) -> ExitCode {
    let SlidesFormat::Png = format;
    let plan = SlideExportPlan::new(out);
    let options = LaunchOptions {
        file,
        size: Some(size),
        lang: lang.map(|lang| match lang {
            LangArg::It => Lang::It,
            LangArg::En => Lang::En,
        }),
        theme: None,
        view: ViewKind::Deck,
        screenshot: None,
        slides: Some(plan.clone()),
        projector_theme: Some(match theme {
            ThemeArg::Light => ProjectorTheme::Light,
            ThemeArg::Dark => ProjectorTheme::Dark,
        }),
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
