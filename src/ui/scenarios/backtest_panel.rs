//! How past forecasts fared (the backtest of docs/model.md §6.4): for the consortium and all
//! partners together, the share of observations that fell inside P10–P90, by months ahead,
//! and the median error; "too few data to tell" where the comparisons are too few. On
//! request the plot shows the oldest past forecast of the consortium against what happened.
//! Also the line that says which band the plots show.

use egui::{Grid, Ui};

use super::plot_series::Band;
use crate::analysis::projection::{Backtest, BandKind, PastForecast, Score, Subject};
use crate::analysis::scenario_figures::ScenarioFigures;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::Month;
use crate::ui::ViewCtx;
use crate::ui::widgets::section;

/// Months ahead grouped into the panel's columns.
const SPANS: [(u32, u32); 3] = [(1, 3), (4, 6), (7, 12)];

#[derive(Default)]
pub struct BacktestPanel {
    /// The plot shows the oldest past forecast.
    pub show_past: bool,
}

impl BacktestPanel {
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>, figures: &ScenarioFigures) {
        let Some(backtest) = figures.backtest.as_deref() else {
            return;
        };
        let lang = cx.lang;
        section::panel(ui, |ui| {
            section::heading(ui, &tr(lang, "forecasts.backtest.title"));
            if backtest.forecasts.is_empty() {
                section::note(ui, &tr(lang, "forecasts.backtest.nothing"));
                return;
            }
            let cutoffs: Vec<String> = backtest
                .forecasts
                .iter()
                .map(|f| f.months_before.to_string())
                .collect();
            section::note(
                ui,
                &tr_args(
                    lang,
                    "forecasts.backtest.intro",
                    &[("cutoffs", &cutoffs.join(" / "))],
                ),
            );
            table(ui, lang, backtest);
            if let Some(oldest) = oldest(backtest) {
                let label = tr_args(
                    lang,
                    "forecasts.backtest.show_past",
                    &[("months", &oldest.months_before.to_string())],
                );
                ui.checkbox(&mut self.show_past, label);
            }
        });
    }
}

fn table(ui: &mut Ui, lang: Lang, backtest: &Backtest) {
    Grid::new("scenarios_backtest")
        .striped(true)
        .num_columns(SPANS.len() + 3)
        .show(ui, |ui| {
            ui.strong(tr(lang, "forecasts.backtest.subject"));
            for (from, to) in SPANS {
                let (from, to) = (from.to_string(), to.to_string());
                ui.strong(tr_args(
                    lang,
                    "forecasts.backtest.ahead",
                    &[("from", &from), ("to", &to)],
                ));
            }
            ui.strong(tr(lang, "forecasts.backtest.all_months"));
            ui.strong(tr(lang, "forecasts.backtest.error"));
            ui.end_row();
            for (subject, key) in [
                (Subject::Consortium, "forecasts.backtest.consortium"),
                (Subject::AllPartners, "forecasts.backtest.all_partners"),
            ] {
                ui.label(tr(lang, key));
                for (from, to) in SPANS {
                    let (compared, covered) = backtest
                        .of(&subject)
                        .filter(|s| s.months_ahead.is_some_and(|h| (from..=to).contains(&h)))
                        .fold((0, 0), |(n, k), s| (n + s.compared, k + s.covered));
                    ui.label(cell(lang, compared, covered));
                }
                let overall = backtest.overall(&subject);
                ui.label(overall.map_or_else(String::new, |s| cell(lang, s.compared, s.covered)));
                ui.label(
                    overall
                        .and_then(|s: &Score| s.median_abs_error)
                        .map_or_else(String::new, |error| {
                            tr_args(
                                lang,
                                "forecasts.backtest.people",
                                &[("value", &format::decimal(lang, error, 1))],
                            )
                        }),
                );
                ui.end_row();
            }
        });
}

/// "85% (123 of 144)", or "too few data to tell (8)".
fn cell(lang: Lang, compared: usize, covered: usize) -> String {
    let score = Score {
        subject: Subject::AllPartners,
        months_ahead: None,
        compared,
        covered,
        median_abs_error: None,
    };
    match score.coverage() {
        Some(share) => tr_args(
            lang,
            "forecasts.backtest.cell",
            &[
                ("share", &format::percent(lang, 100.0 * share, 0)),
                ("covered", &covered.to_string()),
                ("compared", &compared.to_string()),
            ],
        ),
        None => tr_args(
            lang,
            "forecasts.backtest.too_few",
            &[("compared", &compared.to_string())],
        ),
    }
}

/// The forecast made furthest back: the one that says most about months far ahead.
fn oldest(backtest: &Backtest) -> Option<&PastForecast> {
    backtest.forecasts.iter().max_by_key(|f| f.months_before)
}

/// The consortium's oldest past forecast as a plot band (x in months from `start`) and its
/// name, when the user asked for it.
pub fn past_band(
    panel: &BacktestPanel,
    lang: Lang,
    figures: &ScenarioFigures,
    start: Month,
) -> Option<(String, Band)> {
    if !panel.show_past {
        return None;
    }
    let forecast = oldest(figures.backtest.as_deref()?)?;
    let projection = &forecast.projection;
    let mut band = Band::default();
    for (month, q) in projection.months.iter().zip(&projection.consortium) {
        let x = f64::from(month.months_since(start));
        band.xs.push(x);
        band.low.push(q.p10);
        band.high.push(q.p90);
        band.median.push(egui_plot::PlotPoint::new(x, q.p50));
    }
    let name = tr_args(
        lang,
        "forecasts.backtest.past_forecast",
        &[("month", &format::month(lang, forecast.cutoff))],
    );
    Some((name, band))
}

/// The line under the plot's title saying which band it shows.
pub fn band_note(ui: &mut Ui, lang: Lang, figures: Option<&ScenarioFigures>) {
    let Some(figures) = figures else {
        return;
    };
    let key = match figures.baseline.band {
        BandKind::Observed => "forecasts.band.observed",
        BandKind::Expected => "forecasts.band.expected",
    };
    section::note(ui, &tr(lang, key));
}

#[cfg(test)]
#[path = "backtest_panel_tests.rs"]
mod tests;
