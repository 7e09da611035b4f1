//! A plot's picture from its context menu: the app waits a frame for the menu to close,
//! asks the window for a screenshot, crops it to the plot at the screen's pixels per point,
//! and copies it to the clipboard or writes it as PNG where the user chose.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Rect};

use super::CruscottoApp;
use super::dialogs::DialogPurpose;
use super::exports::{with_extension, written};
use crate::i18n::{tr, tr_args};
use crate::ui::widgets::plot_menu::{PlotImage, take_plot_image};

/// Frames drawn between the choice and the grab: the menu must be gone from the picture.
const SETTLE_FRAMES: u32 = 2;

pub(super) struct PlotGrab {
    rect: Rect,
    /// Where to save, or `None` to copy.
    file: Option<PathBuf>,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl CruscottoApp {
    /// Takes a plot menu's choice: a copy starts at once, a save asks for the file first.
    pub(super) fn take_plot_menu(&mut self, ctx: &egui::Context) {
        match take_plot_image(ctx) {
            Some(PlotImage::Copy(rect)) => self.plot_grab = Some(PlotGrab::new(rect, None)),
            Some(PlotImage::Save(rect)) => {
                self.plot_to_save = Some(rect);
                self.ask_for_path(ctx, DialogPurpose::PlotPng);
            }
            None => {}
        }
    }

    /// The file for the plot chosen in the save dialog (`None`: cancelled).
    pub(super) fn take_plot_path(&mut self, path: Option<PathBuf>) {
        if let (Some(rect), Some(path)) = (self.plot_to_save.take(), path) {
            self.plot_grab = Some(PlotGrab::new(rect, Some(with_extension(path, "png"))));
        }
    }

    pub(super) fn is_grabbing_plot(&self) -> bool {
        self.plot_grab.is_some()
    }

    pub(super) fn plot_grab_tick(&mut self, ctx: &egui::Context) {
        let Some(grab) = &mut self.plot_grab else {
            return;
        };
        ctx.request_repaint();
        if grab.frames < SETTLE_FRAMES {
            grab.frames += 1;
            return;
        }
        if !grab.requested {
            grab.requested = true;
            let slot = Arc::clone(&grab.image);
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                waker.request_repaint();
            });
            return;
        }
        let Some(image) = grab.image.lock().ok().and_then(|mut slot| slot.take()) else {
            return;
        };
        let Some(grab) = self.plot_grab.take() else {
            return;
        };
        let plot = image.region(&grab.rect, Some(ctx.pixels_per_point()));
        let lang = self.lang;
        self.status = Some(match grab.file {
            None => {
                ctx.copy_image(plot);
                tr(lang, "window_exports.plot.copied").into_owned()
            }
            Some(file) => match super::screenshot::write_png(&plot, &file) {
                Ok(()) => written(lang, &file),
                Err(reason) => tr_args(
                    lang,
                    "window_exports.plot.error",
                    &[("file", &file.display().to_string()), ("reason", &reason)],
                ),
            },
        });
    }
}

impl PlotGrab {
    fn new(rect: Rect, file: Option<PathBuf>) -> PlotGrab {
        PlotGrab {
            rect,
            file,
            frames: 0,
            requested: false,
            image: Arc::default(),
        }
    }
}
