//! The live-correction panel in the show: E opens it at the side of the slide (in one-window
//! mode) or in the presenter's window. Its corrections go through the ordinary request path
//! at once, before the slide is drawn, so the room sees a corrected figure in the same frame
//! and Ctrl+Z takes it back.

use egui::{Panel, Rect};

use super::CruscottoApp;
use crate::ui::Outbox;
use crate::ui::slides::correction::CorrectionInputs;

/// The panel's width in points: slim, the slide keeps most of the window.
const PANEL_WIDTH: f32 = 340.0;

impl CruscottoApp {
    /// The correction panel at the right of `ui`; returns the panel's rectangle.
    pub(super) fn correction_panel(&mut self, ui: &mut egui::Ui) -> Rect {
        Panel::right("cruscotto.live_correction")
            .resizable(false)
            .exact_size(PANEL_WIDTH)
            .show(ui, |ui| self.correction_ui(ui))
            .response
            .rect
    }

    /// The panel's contents wherever it is placed; its edits are applied before returning.
    pub(super) fn correction_ui(&mut self, ui: &mut egui::Ui) {
        let dashboard = self.current_figures(ui.ctx());
        let on_slide = self.current_comune();
        let mut outbox = Outbox::default();
        let inputs = CorrectionInputs {
            project: self.doc.project(),
            dashboard: &dashboard,
            lang: self.lang,
            on_slide: on_slide.as_ref(),
            unsaved: self.doc.is_dirty(),
        };
        self.correction.ui(ui, &inputs, &mut outbox);
        if !outbox.requests.is_empty() {
            // The panel above was drawn before the edit: its unsaved line follows next frame.
            ui.ctx().request_repaint();
        }
        for request in outbox.requests {
            self.apply_request(request);
        }
    }
}
