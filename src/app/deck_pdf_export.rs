//! File → "Presentation as PDF…": the deck written on a worker like the other exports, at
//! the projector theme and language the window uses, 1920 × 1080 laid out at twice the
//! density (960 × 540 points), with a bar counting the pages and Cancel.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::CruscottoApp;
use super::deck_pdf::{DeckPdfOptions, deck_pdf};
use super::exports::{with_extension, written};

/// The slide's size in pixels the PDF is laid out for.
const SLIDE_PIXELS: [f32; 2] = [1920.0, 1080.0];

impl CruscottoApp {
    pub(super) fn start_deck_pdf(&mut self, path: PathBuf) {
        let path = with_extension(path, "pdf");
        let project = Arc::clone(self.doc.shared());
        let lang = self.lang;
        let options = DeckPdfOptions {
            pixels: SLIDE_PIXELS,
            lang,
            theme: self.settings.projector_theme,
        };
        self.start_export_job(move |steps, cancel| {
            let pages = deck_pdf(&project, options, |done, total| {
                steps.set(done, total);
                !cancel.load(Ordering::Relaxed)
            })
            .map_err(|reason| {
                crate::i18n::tr_args(lang, "slides_export.error.draw", &[("reason", &reason)])
            })?;
            // Cancelled: nothing is written, the file that was there stays.
            let Some(bytes) = pages else {
                return Ok(crate::i18n::tr(lang, "window_exports.cancelled").into_owned());
            };
            crate::store::write_atomically(&path, &bytes)
                .map(|()| written(lang, &path))
                .map_err(|error| {
                    crate::i18n::tr_args(
                        lang,
                        "slides_export.error.write",
                        &[
                            ("file", &path.display().to_string()),
                            ("reason", &error.to_string()),
                        ],
                    )
                })
        });
    }
}
