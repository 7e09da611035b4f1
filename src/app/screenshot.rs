//! `cruscotto screenshot`: let the window draw a few frames, grab what it shows, write a
//! PNG and close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{ColorImage, ViewportCommand};

use super::CruscottoApp;
use crate::model::PartnerId;

/// Frames drawn before the grab: fonts, layout and plot bounds settle in the first ones.
const SETTLE_FRAMES: u32 = 5;

#[derive(Debug, Clone)]
pub struct ScreenshotPlan {
    pub out: PathBuf,
    /// The partner to select (and open in the Partners view) before the grab.
    pub partner: Option<PartnerId>,
    /// Spreadsheets whose import dialog is shown over the view.
    pub import: Vec<PathBuf>,
    /// Where the outcome is reported once the window has closed.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotPlan {
    pub fn new(out: PathBuf) -> ScreenshotPlan {
        ScreenshotPlan {
            out,
            partner: None,
            import: Vec::new(),
            outcome: Arc::new(Mutex::new(None)),
        }
    }

    /// `None` while the window did not get to write the file.
    pub fn outcome(&self) -> Option<Result<(), String>> {
        self.outcome.lock().ok().and_then(|o| o.clone())
    }
}

pub(super) struct ScreenshotState {
    plan: ScreenshotPlan,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl ScreenshotState {
    pub(super) fn new(plan: ScreenshotPlan) -> ScreenshotState {
        ScreenshotState {
            plan,
            frames: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
        }
    }
}

impl CruscottoApp {
    pub(super) fn is_taking_screenshot(&self) -> bool {
        self.screenshot.is_some() || self.slide_export.is_some()
    }

    pub(super) fn screenshot_tick(&mut self, ctx: &egui::Context) {
        if self.is_busy() {
            // A project given on the command line is still loading.
            return;
        }
        let Some(state) = &mut self.screenshot else {
            return;
        };
        if state.frames == 0
            && let Some(partner) = state.plan.partner.clone()
        {
            if self.doc.project().partners.contains_key(&partner) {
                self.selection.select_only(partner);
            } else {
                let message = format!(
                    "no partner with id `{partner}` in the project (`cruscotto summary --format csv` lists the ids)"
                );
                if let Ok(mut slot) = state.plan.outcome.lock() {
                    *slot = Some(Err(message));
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
                return;
            }
        }
        if state.frames == 0 && !state.plan.import.is_empty() {
            let files = std::mem::take(&mut state.plan.import);
            self.start_import(files);
        }
        // The dialog is what is to be seen: wait until the files are read.
        if self.import_is_reading() {
            ctx.request_repaint();
            return;
        }
        let Some(state) = &mut self.screenshot else {
            return;
        };
        state.frames += 1;
        ctx.request_repaint();
        if state.frames < SETTLE_FRAMES {
            return;
        }
        if !state.requested {
            state.requested = true;
            let slot = Arc::clone(&state.image);
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                waker.request_repaint();
            });
            return;
        }
        let image = state.image.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = image {
            let outcome = write_png(&image, &state.plan.out);
            if let Ok(mut slot) = state.plan.outcome.lock() {
                *slot = Some(outcome);
            }
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

pub(super) fn write_png(image: &ColorImage, out: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, pixels)
        .ok_or_else(|| "the screenshot has an unexpected size".to_owned())?;
    buffer
        .save_with_format(out, image::ImageFormat::Png)
        .map_err(|error| format!("{}: {error}", out.display()))
}
