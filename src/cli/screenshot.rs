//! `cruscotto screenshot`: the real window, rendered once to a PNG.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use cruscotto::app::ViewKind;
use cruscotto::app::launch::{LaunchOptions, run as run_window};
use cruscotto::app::screenshot::ScreenshotPlan;
use cruscotto::i18n::Lang;
use cruscotto::model::PartnerId;
use cruscotto::ui::theme::ThemeChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    Overview,
    Partners,
    Training,
    Scenarios,
    /// The Presentazione view: the deck editor.
    Presentation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    It,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

/// Parses "1920x1080".
pub fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (width, height) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, like 1920x1080, found `{text}`"))?;
    let parse = |side: &str| -> Result<f32, String> {
        match side.trim().parse::<u32>() {
            Ok(pixels) if (200..=8192).contains(&pixels) => Ok(pixels as f32),
            _ => Err(format!(
                "each side must be a whole number of pixels from 200 to 8192, found `{side}`"
            )),
        }
    };
    Ok([parse(width)?, parse(height)?])
}

/// What to show and where to write it.
pub struct Shot {
    pub view: ViewArg,
    pub out: PathBuf,
    pub size: [f32; 2],
    pub lang: Option<LangArg>,
    pub theme: ThemeArg,
    pub partner: Option<String>,
    pub import: Vec<PathBuf>,
}

pub fn run(file: Option<PathBuf>, shot: Shot) -> ExitCode {
    let Shot {
        view,
        out,
        size,
        lang,
        theme,
        partner,
        import,
    } = shot;
    let mut plan = ScreenshotPlan::new(out.clone());
    plan.partner = partner.map(PartnerId::new);
    plan.import = import;
    let options = LaunchOptions {
        file,
        size: Some(size),
        lang: lang.map(|lang| match lang {
            LangArg::It => Lang::It,
            LangArg::En => Lang::En,
        }),
        theme: Some(match theme {
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }),
        view: match view {
            ViewArg::Overview => ViewKind::Overview,
            ViewArg::Partners => ViewKind::Partners,
            ViewArg::Training => ViewKind::Training,
            ViewArg::Scenarios => ViewKind::Scenarios,
            ViewArg::Presentation => ViewKind::Deck,
        },
        screenshot: Some(plan.clone()),
        slides: None,
        projector_theme: None,
    };
    if let Err(error) = run_window(options) {
        eprintln!("error: cannot open the window: {error}");
        return ExitCode::FAILURE;
    }
    match plan.outcome() {
        Some(Ok(())) => {
            println!("{}", out.display());
            ExitCode::SUCCESS
        }
        Some(Err(error)) => {
            eprintln!("error: cannot write the screenshot: {error}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("error: the window closed before the screenshot was taken");
            ExitCode::FAILURE
        }
    }
}
