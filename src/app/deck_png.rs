//! Slides as PNG images from the window, at twice the pixel density of the projector's
//! 1920 × 1080: each slide laid out exactly as on a 1920 × 1080 screen and drawn at
//! 3840 × 2160 pixels, off screen and on the CPU, so the window keeps working meanwhile.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use egui::{Pos2, Rect, Vec2};

use super::deck_pdf::ScenarioCache;
use crate::analysis::dashboard;
use crate::i18n::Lang;
use crate::model::{Project, SlideId};
use crate::render::headless::Headless;
use crate::ui::slides::look::ProjectorTheme;
use crate::ui::slides::{self, SlideInputs};

/// The slide's layout size, in points: the projector's screen.
pub const LAYOUT: [f32; 2] = [1920.0, 1080.0];
/// Pixels per point of the images: twice the projector's density.
pub const DENSITY: f32 = 2.0;

/// Which slides become images.
#[derive(Debug, Clone, PartialEq)]
pub enum SlidePick {
    /// This slide, into the file given.
    One(SlideId),
    /// Every presented slide, numbered, into the folder given.
    Deck,
}

/// The name of the deck's `number`th slide image, as `cruscotto slides` writes it.
pub fn numbered_name(number: usize) -> String {
    format!("slide-{number:03}.png")
}

/// Draws the slides `pick` names and writes each as a PNG to `target` (the file for one,
/// the folder for the deck); `progress` hears `(done, total)` after each. Stops before the
/// next slide once `cancel` is set. The files written, in slide order.
pub fn write_slide_pngs(
    project: &Project,
    lang: Lang,
    theme: ProjectorTheme,
    pick: &SlidePick,
    target: &Path,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<PathBuf>, String> {
    let order = super::presentation::presented(project);
    let chosen: Vec<(usize, &SlideId)> = match pick {
        SlidePick::One(id) => {
            let number = order.iter().position(|o| *o == id).map_or(1, |i| i + 1);
            vec![(number, id)]
        }
        SlidePick::Deck => order
            .iter()
            .enumerate()
            .map(|(i, id)| (i + 1, *id))
            .collect(),
    };
    if chosen.is_empty() {
        return Err("the deck has no slide to present".to_owned());
    }
    if *pick == SlidePick::Deck {
        std::fs::create_dir_all(target).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    let page = Vec2::from(LAYOUT);
    let headless = Headless::new(egui::FontDefinitions::default(), DENSITY);
    let figures_of = dashboard::dashboard(project);
    let mut scenarios = ScenarioCache::default();
    let background = theme.palette().background;
    let mut written = Vec::new();
    for (done, (number, id)) in chosen.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let Some(slide) = project.deck.get(id) else {
            return Err(format!("no slide {id:?} in the deck"));
        };
        let inputs = SlideInputs {
            project,
            dashboard: &figures_of,
            lang,
            theme,
            figures: scenarios.for_slide(project, slide),
            number: *number,
            total: order.len().max(1),
        };
        let image = headless.render(page, background, |ui| {
            slides::draw(ui, Rect::from_min_size(Pos2::ZERO, page), slide, &inputs);
        });
        let path = match pick {
            SlidePick::One(_) => target.to_path_buf(),
            SlidePick::Deck => target.join(numbered_name(*number)),
        };
        super::screenshot::write_png(&image, &path)?;
        written.push(path);
        progress(done + 1, chosen.len());
    }
    Ok(written)
}
