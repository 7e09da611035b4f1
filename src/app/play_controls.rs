//! The adoption slide's play button and scrub bar, under the slide: the presenter clicks or
//! drags them, or uses A and Shift+Left/Right. Not drawn when slides are exported.

use egui::{Rect, Slider, UiBuilder, pos2, vec2};

use super::CruscottoApp;
use crate::analysis::dashboard::Dashboard;
use crate::i18n::{format, tr, tr_args};
use crate::model::SlideKind;
use crate::ui::slides::look::ProjectorTheme;

impl CruscottoApp {
    /// How many months the adoption slide plays: up to the last observed one.
    pub(super) fn months_to_play(&self) -> usize {
        let Some(dashboard) = self.derived.latest() else {
            return 0;
        };
        months_to_play(&dashboard)
    }

    /// Moves the play on and asks for a repaint at its next step only.
    pub(super) fn play_tick(&mut self, ctx: &egui::Context) {
        if !self.presentation.play.is_playing() {
            return;
        }
        let months = self.months_to_play();
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.presentation.play.tick(months, now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.0)));
        }
    }

    pub(super) fn shows_play_controls(&self) -> bool {
        self.slide_export.is_none()
            && self.presentation.blank().is_none()
            && self.current_kind() == Some(SlideKind::Adoption)
    }

    /// The play button and the scrub bar, in the bottom margin of the slide `area`.
    pub(super) fn play_controls(&mut self, ui: &mut egui::Ui, area: Rect, dashboard: &Dashboard) {
        let months = months_to_play(dashboard);
        if months < 2 {
            return;
        }
        let lang = self.lang;
        let height = (area.height() * 0.05).clamp(28.0, 48.0);
        let width = (area.width() * 0.6).max(320.0);
        let bar = Rect::from_center_size(
            pos2(area.center().x, area.bottom() - height * 0.75),
            vec2(width, height),
        );
        let last = months - 1;
        let play = &mut self.presentation.play;
        let mut at = play.through().unwrap_or(last);
        let now = ui.input(|i| i.time);
        // The app's own style of the slide's brightness: a dark bar under a dark slide.
        let theme = match self.settings.projector_theme {
            ProjectorTheme::Dark => egui::Theme::Dark,
            ProjectorTheme::Light => egui::Theme::Light,
        };
        let style = ui.ctx().style_of(theme);
        ui.scope_builder(UiBuilder::new().max_rect(bar), |ui| {
            ui.set_style(style);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let key = if play.is_playing() {
                        "slides_live.play.stop"
                    } else {
                        "slides_live.play.play"
                    };
                    if ui
                        .button(tr(lang, key))
                        .on_hover_text(tr(lang, "slides_live.play.tip"))
                        .clicked()
                    {
                        play.toggle(months, now);
                        at = play.through().unwrap_or(last);
                    }
                    ui.spacing_mut().slider_width = (ui.available_width() - 140.0).max(120.0);
                    let month_name = |v: f64| {
                        dashboard
                            .months
                            .get(v as usize)
                            .map(|&m| format::month(lang, m))
                            .unwrap_or_default()
                    };
                    // The month in words beside the bar; the bar alone answers the pointer.
                    let response = ui
                        .add(Slider::new(&mut at, 0..=last).show_value(false))
                        .on_hover_text(tr(lang, "slides_live.play.scrub_tip"));
                    let shown = month_name(at as f64);
                    response.widget_info(|| {
                        egui::WidgetInfo::slider(
                            true,
                            at as f64,
                            tr_args(lang, "slides_live.play.scrub_value", &[("month", &shown)]),
                        )
                    });
                    ui.label(&shown);
                    if response.changed() {
                        play.scrub_to(at, months);
                    }
                });
            });
        });
    }
}

/// Months up to the last observed one (all of them when nothing is observed yet).
fn months_to_play(dashboard: &Dashboard) -> usize {
    if !dashboard.anything_observed {
        return 0;
    }
    dashboard
        .months
        .iter()
        .position(|&m| m == dashboard.as_of)
        .map_or(dashboard.months.len(), |i| i + 1)
}
