//! The presenter view: the facilitator's window shows the current and the next slide, the
//! speaker notes, the time since the show began and the slide list (click to jump), with a
//! monitor picker and the live-correction panel; the audience's slide is drawn in a viewport
//! of its own, full screen on the chosen monitor or in a window. Changing the monitor moves
//! the audience's viewport at once, with no restart.

use std::sync::Arc;

use egui::{
    Align2, ComboBox, Panel, Rect, RichText, ScrollArea, Sense, ViewportBuilder, ViewportCommand,
    ViewportId, vec2,
};

use super::CruscottoApp;
use super::presentation::{Presenter, presented};
use super::show_frame::slide_area;
use crate::analysis::dashboard::Dashboard;
use crate::i18n::{tr, tr_args};
use crate::ui::slides::{self, SlideInputs, slide_title};

/// The audience's viewport.
pub fn audience_viewport() -> ViewportId {
    ViewportId::from_hash_of("cruscotto.audience")
}

impl CruscottoApp {
    /// One frame of the show with the presenter view: the facilitator's window here, the
    /// audience's slide in its own viewport.
    pub(super) fn presenter_frame(&mut self, ui: &mut egui::Ui, presenter: Presenter) {
        let ctx = ui.ctx().clone();
        if !self.show_input(&ctx) {
            return;
        }
        // The clock of the presenter ticks once a second.
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
        self.presenter_top_bar(ui, presenter);
        if self.presentation.is_correcting() {
            self.correction_panel(ui);
        }
        let dashboard = self.current_figures(&ctx);
        self.slide_list(ui);
        egui::CentralPanel::default().show(ui, |ui| self.presenter_slides(ui, &dashboard));
        self.audience(&ctx, presenter, &dashboard);
    }

    fn presenter_top_bar(&mut self, ui: &mut egui::Ui, presenter: Presenter) {
        let lang = self.lang;
        let now = ui.input(|i| i.time);
        let elapsed = (now - self.presentation.started_at).max(0.0) as u64;
        let count = presented(self.doc.project()).len();
        let mut leave = false;
        let mut toggle_correction = false;
        Panel::top("cruscotto.presenter.top").show(ui, |ui| {
            ui.horizontal(|ui| {
                let clock = format!("{:02}:{:02}", elapsed / 60, elapsed % 60);
                ui.label(
                    RichText::new(tr_args(
                        lang,
                        "slides_live.presenter.elapsed",
                        &[("time", &clock)],
                    ))
                    .size(22.0)
                    .strong(),
                );
                ui.separator();
                let number = (self.current_index() + 1).to_string();
                let total = count.to_string();
                ui.label(tr_args(
                    lang,
                    "slides_live.presenter.slide_of",
                    &[("number", &number), ("total", &total)],
                ));
                ui.separator();
                self.monitor_picker(ui, presenter);
                ui.separator();
                toggle_correction = ui
                    .selectable_label(
                        self.presentation.is_correcting(),
                        tr(lang, "slides_live.presenter.correct"),
                    )
                    .clicked();
                leave = ui.button(tr(lang, "slides_live.presenter.end")).clicked();
                if self.doc.is_dirty() {
                    ui.label(RichText::new(tr(lang, "slides_live.panel.unsaved")).strong());
                }
            });
        });
        let ctx = ui.ctx().clone();
        if toggle_correction {
            self.show_key(&ctx, super::presentation::ShowKey::Correct);
        }
        if leave {
            self.leave_presentation(&ctx);
        }
    }

    /// Where the audience's slide goes: a window, or full screen on a monitor.
    fn monitor_picker(&mut self, ui: &mut egui::Ui, presenter: Presenter) {
        let lang = self.lang;
        let name = |index: Option<usize>| match index {
            None => tr(lang, "slides_live.presenter.windowed").into_owned(),
            Some(i) => match self.monitors.list.get(i) {
                Some(m) => tr_args(
                    lang,
                    "slides_live.presenter.monitor",
                    &[
                        ("number", &(i + 1).to_string()),
                        ("name", &m.name),
                        ("size", &format!("{}×{}", m.size[0], m.size[1])),
                    ],
                ),
                None => tr_args(
                    lang,
                    "slides_live.presenter.monitor_unknown",
                    &[("number", &(i + 1).to_string())],
                ),
            },
        };
        let mut chosen = presenter.audience_monitor;
        let label = ui.label(tr(lang, "slides_live.presenter.audience_on"));
        ComboBox::from_id_salt("cruscotto.presenter.monitor")
            .selected_text(name(chosen))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, name(None));
                for i in 0..self.monitors.list.len() {
                    ui.selectable_value(&mut chosen, Some(i), name(Some(i)));
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != presenter.audience_monitor {
            let id = audience_viewport();
            let ctx = ui.ctx();
            match chosen {
                Some(monitor) => ctx.send_viewport_cmd_to(id, ViewportCommand::SetMonitor(monitor)),
                None => ctx.send_viewport_cmd_to(id, ViewportCommand::Fullscreen(false)),
            }
            self.presentation.presenter = Some(Presenter {
                audience_monitor: chosen,
            });
        }
    }

    /// Every presented slide by number and title; a click shows it to the room.
    fn slide_list(&mut self, ui: &mut egui::Ui) {
        let project = self.doc.project();
        let titles: Vec<String> = presented(project)
            .iter()
            .filter_map(|id| project.deck.get(id))
            .enumerate()
            .map(|(i, slide)| format!("{}. {}", i + 1, slide_title(slide, project, self.lang)))
            .collect();
        let at = self.current_index();
        let mut jump = None;
        Panel::left("cruscotto.presenter.list")
            .resizable(false)
            .exact_size(260.0)
            .show(ui, |ui| {
                key_help(ui, self.lang);
                ui.heading(tr(self.lang, "slides_live.presenter.slides"));
                ScrollArea::vertical().show(ui, |ui| {
                    for (i, title) in titles.iter().enumerate() {
                        if ui.selectable_label(i == at, title).clicked() {
                            jump = Some(i);
                        }
                    }
                });
            });
        if let Some(index) = jump {
            self.go_to_slide(ui.ctx(), index);
        }
    }

    /// The current slide large, the next one small, and the notes.
    fn presenter_slides(&mut self, ui: &mut egui::Ui, dashboard: &Dashboard) {
        let lang = self.lang;
        let area = ui.available_rect_before_wrap();
        let current_width = area.width() * 0.62;
        let current = slide_area(Rect::from_min_size(
            area.min,
            vec2(current_width, area.height() * 0.62),
        ));
        let current = Rect::from_min_size(area.min, current.size());
        let next_width = area.width() - current_width - 16.0;
        let next = Rect::from_min_size(
            area.min + vec2(current_width + 16.0, 28.0),
            vec2(next_width, next_width * 9.0 / 16.0),
        );
        let at = self.current_index();
        self.draw_show(ui, current, dashboard);
        if self.shows_play_controls() {
            self.play_controls(ui, current, dashboard);
        }
        ui.painter().text(
            next.left_top() - vec2(0.0, 4.0),
            Align2::LEFT_BOTTOM,
            tr(lang, "slides_live.presenter.next"),
            egui::FontId::proportional(16.0),
            ui.visuals().text_color(),
        );
        if !self.preview(ui, next, at + 1, dashboard) {
            ui.painter().text(
                next.left_top(),
                Align2::LEFT_TOP,
                tr(lang, "slides_live.presenter.last"),
                egui::FontId::proportional(16.0),
                ui.visuals().text_color(),
            );
        }
        let notes_top = current.bottom() + 12.0;
        let notes = Rect::from_min_max(egui::pos2(area.left(), notes_top), area.max);
        ui.scope_builder(egui::UiBuilder::new().max_rect(notes), |ui| {
            ui.heading(tr(lang, "slides_live.presenter.notes"));
            let project = self.doc.project();
            let order = presented(project);
            let text = order
                .get(at)
                .and_then(|id| project.deck.get(id))
                .map(|s| s.notes.clone())
                .unwrap_or_default();
            ScrollArea::vertical().show(ui, |ui| {
                if text.trim().is_empty() {
                    ui.label(tr(lang, "slides_live.presenter.no_notes"));
                } else {
                    ui.label(RichText::new(text).size(20.0));
                }
            });
        });
    }

    /// The `index`-th presented slide drawn small in `rect`; false when there is none.
    fn preview(&self, ui: &mut egui::Ui, rect: Rect, index: usize, dashboard: &Dashboard) -> bool {
        let project = self.doc.project();
        let order = presented(project);
        let Some(slide) = order.get(index).and_then(|id| project.deck.get(id)) else {
            return false;
        };
        let inputs = SlideInputs {
            project,
            dashboard,
            lang: self.lang,
            theme: self.settings.projector_theme,
            figures: self.projections.figures(),
            number: index + 1,
            total: order.len(),
        };
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).sense(Sense::hover()));
        slides::draw(&mut child, rect, slide, &inputs);
        true
    }

    /// The audience's slide in its own viewport; keys pressed there work as here, and
    /// closing it ends the show.
    fn audience(&mut self, ctx: &egui::Context, presenter: Presenter, dashboard: &Arc<Dashboard>) {
        let mut builder = ViewportBuilder::default()
            .with_title(tr(self.lang, "slides_live.presenter.audience_title"))
            .with_inner_size([1280.0, 720.0]);
        match presenter.audience_monitor {
            Some(monitor) => builder = builder.with_monitor(monitor).with_fullscreen(true),
            // Beside the presenter's window, not over it, as far as the screen allows.
            None => {
                let (outer, screen) =
                    ctx.input(|i| (i.viewport().outer_rect, i.viewport().monitor_size));
                if let (Some(outer), Some(screen)) = (outer, screen) {
                    let x = (outer.right() + 16.0).min(screen.x - 1280.0).max(0.0);
                    builder = builder.with_position([x, outer.top()]);
                }
            }
        }
        if ctx.embed_viewports() {
            // No second native window here (tests): a small one in a corner, so the
            // presenter's controls stay reachable.
            let screen = ctx.content_rect();
            builder = builder
                .with_fullscreen(false)
                .with_inner_size([320.0, 180.0])
                .with_position(screen.right_bottom() - vec2(340.0, 220.0));
        }
        let closed = ctx.show_viewport_immediate(audience_viewport(), builder, |ui, _class| {
            let audience = ui.ctx().clone();
            if audience.input(|i| i.viewport().close_requested()) {
                return true;
            }
            if !self.show_input(&audience) {
                return false;
            }
            let window = audience.content_rect();
            self.draw_show(ui, window, dashboard);
            false
        });
        if closed && self.presentation.is_active() {
            self.leave_presentation(ctx);
        }
    }
}

/// The show's keys, for the presenter who forgot one.
fn key_help(ui: &mut egui::Ui, lang: crate::i18n::Lang) {
    egui::CollapsingHeader::new(tr(lang, "slides_live.presenter.keys"))
        .id_salt("cruscotto.presenter.keys")
        .show(ui, |ui| {
            for entry in &super::command::show_keys::SHOW_KEYS {
                if matches!(entry.action, super::presentation::ShowKey::Digit(d) if d > 0) {
                    continue;
                }
                let keys: Vec<String> = entry
                    .keys
                    .iter()
                    .map(|k| ui.ctx().format_shortcut(k))
                    .collect();
                let keys = if matches!(entry.action, super::presentation::ShowKey::Digit(_)) {
                    "0–9".to_owned()
                } else {
                    keys.join(", ")
                };
                ui.label(format!("{keys}: {}", tr(lang, entry.label_key)));
            }
        });
}
