//! `cruscotto slides`: the real window presents the deck once, slide by slide, and each slide
//! is grabbed as it is drawn and written as a numbered PNG: the same drawing the room sees.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{ColorImage, ViewportCommand};

use super::CruscottoApp;
use super::screenshot::write_png;

/// Frames drawn before each grab: fonts and layout settle in the first ones.
const SETTLE_FRAMES: u32 = 4;

/// The PNGs written, in slide order, or why the export stopped.
pub type ExportOutcome = Result<Vec<PathBuf>, String>;

#[derive(Debug, Clone)]
pub struct SlideExportPlan {
    /// The folder the numbered PNGs go into (created if missing).
    pub out_dir: PathBuf,
    /// The files written, or why not, once the window has closed.
    pub outcome: Arc<Mutex<Option<ExportOutcome>>>,
}

impl SlideExportPlan {
    pub fn new(out_dir: PathBuf) -> SlideExportPlan {
        SlideExportPlan {
            out_dir,
            outcome: Arc::new(Mutex::new(None)),
        }
    }

    pub fn outcome(&self) -> Option<ExportOutcome> {
        self.outcome.lock().ok().and_then(|o| o.clone())
    }
}

pub(super) struct SlideExportState {
    plan: SlideExportPlan,
    started: bool,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
    written: Vec<PathBuf>,
}

impl SlideExportState {
    pub(super) fn new(plan: SlideExportPlan) -> SlideExportState {
        SlideExportState {
            plan,
            started: false,
            frames: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
            written: Vec::new(),
        }
    }
}

impl CruscottoApp {
    pub(super) fn slide_export_tick(&mut self, ctx: &egui::Context) {
        if self.slide_export.is_none() || self.is_busy() {
            return;
        }
        let count = super::presentation::presented(self.doc.project()).len();
        let Some(state) = &mut self.slide_export else {
            return;
        };
        if !state.started {
            state.started = true;
            if let Err(error) = std::fs::create_dir_all(&state.plan.out_dir) {
                let message = format!("{}: {error}", state.plan.out_dir.display());
                self.finish_export(ctx, Err(message));
                return;
            }
            if count == 0 {
                self.finish_export(ctx, Err("the deck has no slide to present".to_owned()));
                return;
            }
            self.begin_show(ctx, false, false);
            ctx.request_repaint();
            return;
        }
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
        let Some(image) = state.image.lock().ok().and_then(|mut slot| slot.take()) else {
            return;
        };
        let number = state.written.len() + 1;
        let path = state.plan.out_dir.join(format!("slide-{number:03}.png"));
        if let Err(error) = write_png(&image, &path) {
            self.finish_export(ctx, Err(error));
            return;
        }
        state.written.push(path);
        state.frames = 0;
        state.requested = false;
        if number >= count {
            let written = std::mem::take(&mut state.written);
            self.finish_export(ctx, Ok(written));
        } else {
            self.next_slide(ctx);
        }
    }

    fn finish_export(&mut self, ctx: &egui::Context, outcome: ExportOutcome) {
        if let Some(state) = &self.slide_export
            && let Ok(mut slot) = state.plan.outcome.lock()
        {
            *slot = Some(outcome);
        }
        self.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}
