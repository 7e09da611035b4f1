//! Panoramica: the dashboard a workshop facilitator projects to a room. A header with the
//! project's title, the consortium's KPI cards, adoption over time, training completion,
//! the milestone grid and the validation findings.
//!
//! Everything heavy is borrowed from the `Dashboard` (derived once per model revision) or
//! from caches kept here and keyed on `ViewCtx::revision`, so a frame costs the same with
//! eight partners or with every Comune in Italy: plots draw aggregates plus the selected
//! partners, and lists lay out only their visible rows.

mod adoption_legend;
mod adoption_plot;
mod adoption_series;
mod findings_list;
mod header;
mod kpi_cards;
mod line_labels;
mod milestone_grid;
mod series_style;
mod training_chart;
mod training_rank;

use egui::{ScrollArea, Ui};

use crate::ui::ViewCtx;
use crate::ui::widgets::interaction::{additive_click, count_text};
use crate::ui::widgets::{icons, section, two_columns};

/// Share of a two-column row given to the left column.
const LEFT_SHARE: f32 = 0.6;

/// The overview's UI state: caches of plot points and rankings, and the text being edited.
#[derive(Default)]
pub struct OverviewView {
    header: header::Header,
    kpis: kpi_cards::KpiCards,
    adoption: adoption_plot::AdoptionPlot,
    training: training_chart::TrainingChart,
    milestones: milestone_grid::MilestoneGrid,
    findings: findings_list::FindingsList,
}

impl OverviewView {
    /// Draws the whole overview in the space it is given, scrolling vertically when the
    /// window is too short.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        // Section heights follow the window, not the (unbounded) scrolled content.
        let viewport = ui.available_size();
        ScrollArea::vertical()
            .id_salt("overview_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.header.ui(ui, cx);
                ui.add_space(section::GAP);
                self.kpis.ui(ui, cx);
                ui.add_space(section::GAP);

                let chart_height = (viewport.y * 0.32).clamp(220.0, 520.0);
                let chart_height = self.training.chart_height(ui, cx, chart_height);
                two_columns(
                    ui,
                    cx,
                    LEFT_SHARE,
                    |ui, cx| self.adoption.ui(ui, cx, chart_height),
                    |ui, cx| self.training.ui(ui, cx, chart_height),
                );
                ui.add_space(section::GAP);

                let list_height = (viewport.y * 0.28).clamp(160.0, 480.0);
                two_columns(
                    ui,
                    cx,
                    LEFT_SHARE,
                    |ui, cx| self.milestones.ui(ui, cx, list_height),
                    |ui, cx| self.findings.ui(ui, cx, list_height),
                );
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, has_key};

    /// Every `"overview.…"` key written in this module's sources, found by scanning them,
    /// so a key added to the code without a translation fails here.
    fn keys_in_sources() -> Vec<String> {
        let sources = [
            include_str!("mod.rs"),
            include_str!("adoption_plot.rs"),
            include_str!("adoption_series.rs"),
            include_str!("findings_list.rs"),
            include_str!("header.rs"),
            include_str!("../widgets/icons.rs"),
            include_str!("kpi_cards.rs"),
            include_str!("milestone_grid.rs"),
            include_str!("../widgets/section.rs"),
            include_str!("training_chart.rs"),
            include_str!("training_rank.rs"),
        ];
        let mut keys = Vec::new();
        for source in sources {
            for (start, _) in source.match_indices("\"overview.") {
                let rest = &source[start + 1..];
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                let is_key = key.len() > "overview.".len()
                    && key.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'
                    });
                if is_key {
                    keys.push(key.to_owned());
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    #[test]
    fn every_key_used_has_both_languages() {
        let keys = keys_in_sources();
        assert!(keys.len() > 50, "the scan found only {} keys", keys.len());
        let missing: Vec<String> = keys
            .iter()
            .flat_map(|key| {
                Lang::ALL
                    .into_iter()
                    .filter(|lang| !has_key(*lang, key))
                    .map(move |lang| format!("{key} ({})", lang.code()))
            })
            .collect();
        assert!(missing.is_empty(), "missing translations: {missing:?}");
    }

    #[test]
    fn counts_choose_singular_or_plural() {
        assert_eq!(
            count_text(
                Lang::It,
                "overview.findings.errors_one",
                "overview.findings.errors_other",
                1
            ),
            "1 errore"
        );
        assert_eq!(
            count_text(
                Lang::It,
                "overview.findings.errors_one",
                "overview.findings.errors_other",
                1234
            ),
            "1.234 errori"
        );
        assert_eq!(
            count_text(
                Lang::En,
                "overview.findings.warnings_one",
                "overview.findings.warnings_other",
                0
            ),
            "0 warnings"
        );
    }
}

#[cfg(test)]
mod view_tests;
