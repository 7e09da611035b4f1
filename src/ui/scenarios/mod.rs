//! Scenari: what-if variations of the plan, projected forward. The picker on top chooses,
//! creates, duplicates, renames and deletes scenarios; on the left the active scenario's
//! changes, each in words with its sliders and fields, the comparison table and the
//! programme's rules it breaks; on the right the consortium's projection, baseline against
//! scenario with P10–P90 bands; below, one small plot per partner (the selected ones first).
//!
//! Every change is one `Edit::PutScenario` of the whole scenario, so a slider's drag or the
//! typing in one field is one undo step. The figures come from the app (`ScenarioInputs`:
//! the active scenario, whose one owner is the app, and its `ScenarioFigures`, computed once
//! per revision and scenario); this view keeps only plot points built from them.

mod backtest_panel;
mod change_fields;
mod changes;
mod comparison_table;
mod overlay_plot;
mod picker;
mod plot_series;
mod quantity_field;
mod small_multiples;
mod warnings;
pub mod words;

pub use crate::analysis::scenario_figures::ScenarioFigures;

use egui::{ScrollArea, Ui};

use crate::analysis::scenario_figures::partners_to_show;
use crate::i18n::tr;
use crate::model::{Month, ScenarioId};
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{section, two_columns};
use crate::ui::{Request, ViewCtx, WorkStatus};

/// What the app lends the view each frame.
#[derive(Default)]
pub struct ScenarioInputs<'a> {
    /// The scenario shown and projected (`None` when the project has none).
    pub active: Option<&'a ScenarioId>,
    /// The latest figures (`None` until the first ones are ready); while newer ones are
    /// computed they may be of another revision or scenario (`status.updating`).
    pub figures: Option<&'a ScenarioFigures>,
    pub status: WorkStatus,
}

/// Share of a two-column row given to the changes and the table.
const LEFT_SHARE: f32 = 0.45;

#[derive(Default)]
pub struct ScenariosView {
    picker: picker::Picker,
    changes: changes::ChangesEditor,
    series: plot_series::Series,
    plot: overlay_plot::OverlayPlot,
    warnings: warnings::WarningsList,
    /// The plot shows the other scenarios too.
    overlay_others: bool,
    backtest: backtest_panel::BacktestPanel,
    /// The month of the comparison table's own row, picked by the user.
    chosen_month: Option<Month>,
}

impl ScenariosView {
    /// Whether the app should project every scenario, for the overlay.
    pub fn overlays_others(&self) -> bool {
        self.overlay_others
    }

    /// Draws the view from what the app lends it.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, inputs: ScenarioInputs<'_>) {
        let ScenarioInputs {
            active,
            figures,
            status,
        } = inputs;
        let active = active.cloned();
        if let Some(figures) = figures {
            let shown =
                partners_to_show(&cx.dashboard.partner_order, &cx.selection.partners, |id| {
                    cx.project.partners.contains_key(id)
                });
            self.series.refresh(cx, figures, &shown);
            self.warnings.refresh(cx, figures);
        }
        // The past forecast asked for in the last frame (the switch is drawn after the plot).
        let past = figures.zip(self.series.start).and_then(|(figures, start)| {
            backtest_panel::past_band(&self.backtest, cx.lang, figures, start)
        });
        let viewport = ui.available_size();
        ScrollArea::vertical()
            .id_salt("scenarios_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.picker.ui(ui, cx, active.as_ref());
                ui.add_space(section::GAP);
                let plot_height = (viewport.y * 0.5).clamp(240.0, 720.0);
                // The table beside the sliders: a drag and the figures it moves stay in one
                // glance; the plot takes the other column.
                two_columns(
                    ui,
                    cx,
                    LEFT_SHARE,
                    |ui, cx| {
                        self.changes.ui(ui, cx, active.as_ref());
                        ui.add_space(section::GAP);
                        if let Some(figures) = figures {
                            comparison_table::ui(ui, cx, figures, &mut self.chosen_month);
                            ui.add_space(section::GAP);
                        }
                        self.warnings.ui(ui, cx, figures);
                    },
                    |ui, cx| {
                        section::panel(ui, |ui| {
                            section::heading(ui, &tr(cx.lang, "scenarios.plot.title"));
                            if status_note(ui, cx, figures, &status) {
                                cx.outbox.push(Request::Retry);
                            }
                            backtest_panel::band_note(ui, cx.lang, figures);
                            if cx.project.scenarios.len() > 1 {
                                ui.checkbox(
                                    &mut self.overlay_others,
                                    tr(cx.lang, "scenarios.plot.show_others"),
                                );
                            }
                            if figures.is_some() {
                                let name = scenario_name(cx, figures);
                                self.plot.ui(
                                    ui,
                                    cx.lang,
                                    &self.series,
                                    name.as_deref(),
                                    past.as_ref(),
                                    plot_height,
                                );
                            }
                        });
                    },
                );
                // Full width: its table of horizons does not fit beside the plot.
                if let Some(figures) = figures {
                    ui.add_space(section::GAP);
                    self.backtest.ui(ui, cx, figures);
                }
                if figures.is_some() {
                    ui.add_space(section::GAP);
                    small_multiples::ui(ui, cx, &self.series);
                }
            });
    }
}

/// The name of the scenario the figures are of.
fn scenario_name(cx: &ViewCtx<'_>, figures: Option<&ScenarioFigures>) -> Option<String> {
    let id = figures?.scenario_id.as_ref()?;
    cx.project.scenarios.get(id).map(|s| s.name.clone())
}

/// A line saying the figures are being computed (with how far, when known), are those of a
/// moment ago, or could not be computed (with Retry); returns whether Retry was clicked.
fn status_note(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    figures: Option<&ScenarioFigures>,
    status: &WorkStatus,
) -> bool {
    if let Some(failure) = &status.failure {
        let mut retry = false;
        ui.horizontal_wrapped(|ui| {
            let text = ui.visuals().strong_text_color();
            icons::icon_label(
                ui,
                Icon::Error,
                egui::RichText::new(tr(cx.lang, "work.projections_failed")).strong(),
                text,
            );
            ui.label(failure);
            retry = ui.button(tr(cx.lang, "work.retry")).clicked();
        });
        return retry;
    }
    let key = match figures {
        None => Some("scenarios.status.computing"),
        Some(_) if status.updating => Some("scenarios.status.updating"),
        Some(_) => None,
    };
    if let Some(key) = key {
        ui.horizontal(|ui| {
            match status.progress {
                Some(done) => {
                    ui.add(
                        egui::ProgressBar::new(done)
                            .desired_width(120.0)
                            .show_percentage(),
                    );
                }
                None => {
                    ui.spinner();
                }
            }
            section::note(ui, &tr(cx.lang, key));
        });
    }
    false
}

#[cfg(test)]
mod view_tests;
