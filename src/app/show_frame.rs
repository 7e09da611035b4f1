//! One frame of the slide show in the main window: the show's keys (none while the presenter
//! types in the correction panel), undo and redo, auto-advance and the adoption slide's play,
//! the correction panel at the side, then the audience's slide. Corrections are applied before
//! the slide is drawn, so the room sees them in the same frame.

use std::sync::Arc;

use egui::{Align2, Color32, Event, Rect, pos2, vec2};

use super::command::show_keys::show_key_for_press;
use super::presentation::{Blank, presented};
use super::{AppCommand, CruscottoApp};
use crate::analysis::dashboard::Dashboard;
use crate::i18n::tr;
use crate::ui::slides::{self, SlideInputs, look::Look};

impl CruscottoApp {
    /// One frame of the show: keys, auto-advance, play, the correction panel if open, then
    /// the slide over the rest of the window.
    pub(super) fn presentation_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.show_input(&ctx) {
            return;
        }
        let mut area = ctx.content_rect();
        if self.presentation.is_correcting() {
            let panel = self.correction_panel(ui);
            area.max.x = area.max.x.min(panel.left());
        }
        let dashboard = self.current_figures(&ctx);
        self.draw_show(ui, area, &dashboard);
        if self.shows_play_controls() {
            self.play_controls(ui, slide_area(area), &dashboard);
        }
    }

    /// Undo and redo, the show's keys, auto-advance and play. False when the show ended.
    pub(super) fn show_input(&mut self, ctx: &egui::Context) -> bool {
        // Undo and redo work during the show: applied now, so the slide shows the result in
        // this frame.
        for command in AppCommand::from_shortcuts_where(ctx, AppCommand::works_during_show) {
            self.apply_command(ctx, command);
        }
        if !self.typing_in_panel(ctx) {
            for action in take_show_keys(ctx) {
                self.show_key(ctx, action);
                if !self.presentation.is_active() {
                    return false;
                }
            }
        }
        self.auto_advance(ctx);
        self.play_tick(ctx);
        true
    }

    /// The figures of the project as it is now (a small project's are computed at once).
    pub(super) fn current_figures(&mut self, ctx: &egui::Context) -> Arc<Dashboard> {
        self.derived
            .get(self.doc.shared(), self.doc.revision(), ctx)
    }

    /// A field of the correction panel has the keyboard: keys are the presenter's text (a
    /// button focused by a click keeps no keys from the show).
    fn typing_in_panel(&self, ctx: &egui::Context) -> bool {
        self.presentation.is_correcting() && ctx.text_edit_focused()
    }

    /// The audience's slide filling `window` (the whole window, not the root's inner margin:
    /// the slide's colour to the edges), blank or with the typed jump and the advance bar.
    pub(super) fn draw_show(&self, ui: &mut egui::Ui, window: Rect, dashboard: &Dashboard) {
        let theme = self.settings.projector_theme;
        let look = Look::new(theme, window);
        let painter = ui.painter().clone();
        match self.presentation.blank {
            Some(Blank::Black) => {
                painter.rect_filled(window, 0.0, Color32::BLACK);
                return;
            }
            Some(Blank::White) => {
                painter.rect_filled(window, 0.0, Color32::WHITE);
                return;
            }
            None => {}
        }
        painter.rect_filled(window, 0.0, look.palette.background);
        let rect = slide_area(window);
        let index = self.current_index();
        let project = self.doc.project();
        let order = presented(project);
        let slide = order.get(index).and_then(|id| project.deck.get(id));
        match slide {
            Some(slide) => {
                let inputs = SlideInputs {
                    project,
                    dashboard,
                    lang: self.lang,
                    theme,
                    figures: self.projections.figures(),
                    number: index + 1,
                    total: order.len(),
                };
                let live = slides::Live {
                    months_through: self.presentation.play.through(),
                };
                slides::draw_live(ui, rect, slide, &inputs, live);
            }
            None => {
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    tr(self.lang, "slides.show.empty"),
                    look.body(),
                    look.palette.text,
                );
            }
        }
        if !self.presentation.typed.is_empty() {
            painter.text(
                rect.right_top() + vec2(-look.px(40.0), look.px(30.0)),
                Align2::RIGHT_TOP,
                crate::i18n::tr_args(
                    self.lang,
                    "slides.show.go_to",
                    &[("number", &self.presentation.typed)],
                ),
                look.title(),
                look.palette.text,
            );
        }
        let seconds = f64::from(self.settings.advance_seconds);
        if seconds > 0.0 && index + 1 < order.len() {
            let elapsed = ui.ctx().input(|i| i.time) - self.presentation.shown_at;
            let share = if self.presentation.paused {
                0.0
            } else {
                (elapsed / seconds).clamp(0.0, 1.0) as f32
            };
            let bar = Rect::from_min_size(
                pos2(rect.left(), rect.bottom() - look.px(8.0)),
                vec2(rect.width() * share, look.px(8.0)),
            );
            painter.rect_filled(bar, 0.0, look.palette.series(0));
        }
    }
}

/// The largest 16:9 area in `window`, centred: slides keep their shape on any screen.
pub(super) fn slide_area(window: Rect) -> Rect {
    let size = if window.width() * 9.0 > window.height() * 16.0 {
        vec2(window.height() * 16.0 / 9.0, window.height())
    } else {
        vec2(window.width(), window.width() * 9.0 / 16.0)
    };
    Rect::from_center_size(window.center(), size)
}

/// Takes the show's key presses out of this frame's input, in the order pressed.
fn take_show_keys(ctx: &egui::Context) -> Vec<super::presentation::ShowKey> {
    ctx.input_mut(|input| {
        let mut keys = Vec::new();
        input.events.retain(|event| match event {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => match show_key_for_press(*key, *modifiers) {
                Some(action) => {
                    keys.push(action);
                    false
                }
                None => true,
            },
            _ => true,
        });
        keys
    })
}
