//! File → "Current slide as PNG…" and "Presentation as PNG images…": the slide shown (or
//! selected in the deck editor) into one file, or every presented slide numbered into a
//! folder, at twice the projector's pixel density; written on a worker like the other
//! exports, with a bar counting the slides and Cancel.

use std::path::PathBuf;
use std::sync::Arc;

use super::CruscottoApp;
use super::deck_png::{SlidePick, write_slide_pngs};
use super::exports::{with_extension, written};
use crate::i18n::{tr, tr_args};
use crate::model::SlideId;

impl CruscottoApp {
    /// The slide "Current slide as PNG" writes: the one on screen during a show, else the
    /// one selected in the deck editor, else the first presented.
    pub(super) fn current_slide(&self) -> Option<SlideId> {
        let project = self.doc.project();
        let presented = super::presentation::presented(project);
        let shown = self
            .presentation
            .current()
            .filter(|_| self.presentation.is_active());
        shown
            .or(self.deck_editor.selected())
            .filter(|id| presented.contains(id))
            .or(presented.first().copied())
            .cloned()
    }

    /// "slide-003.png" for the current slide, numbered as in the deck's folder.
    pub(super) fn current_slide_name(&self) -> Option<String> {
        let current = self.current_slide()?;
        let presented = super::presentation::presented(self.doc.project());
        let number = presented.iter().position(|id| **id == current)? + 1;
        Some(super::deck_png::numbered_name(number))
    }

    pub(super) fn start_slide_pngs(&mut self, pick: SlidePick, target: PathBuf) {
        let target = match pick {
            SlidePick::One(_) => with_extension(target, "png"),
            SlidePick::Deck => target,
        };
        let project = Arc::clone(self.doc.shared());
        let lang = self.lang;
        let theme = self.settings.projector_theme;
        self.start_export_job(move |steps, cancel| {
            let files = write_slide_pngs(
                &project,
                lang,
                theme,
                &pick,
                &target,
                cancel,
                |done, total| steps.set(done, total),
            )
            .map_err(|reason| tr_args(lang, "slides_export.error.draw", &[("reason", &reason)]))?;
            Ok(match (pick, files.as_slice()) {
                (SlidePick::One(_), [file]) => written(lang, file),
                (SlidePick::Deck, _) if cancel.load(std::sync::atomic::Ordering::Relaxed) => {
                    tr(lang, "window_exports.cancelled").into_owned()
                }
                _ => tr_args(
                    lang,
                    "window_exports.status.pngs",
                    &[
                        ("done", &files.len().to_string()),
                        ("folder", &target.display().to_string()),
                    ],
                ),
            })
        });
    }
}
