//! One small plot per partner shown (at most twelve, the selected ones first): observed
//! history, baseline and scenario with their bands, on the same months as the consortium's
//! plot, and the two medians a year ahead written under the title. The plots are pictures,
//! not controls: the wheel scrolls the view past them.

use egui::{Frame, Grid, RichText, Ui};
use egui_plot::{Line, LineStyle, Plot, PlotPoints};

use super::overlay_plot::{add_band, baseline_color, scenario_color};
use super::plot_series::{PartnerSeries, Series};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::Month;
use crate::ui::widgets::month_axis::{month_label, month_marks};
use crate::ui::widgets::section;
use crate::ui::{ViewCtx, theme};

/// Narrowest small plot that still reads.
const MIN_WIDTH: f32 = 260.0;
/// Half the width of a month's label on the axis ("gen 2029"), in points.
const HALF_LABEL: f32 = 30.0;

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, series: &Series) {
    let lang = cx.lang;
    section::panel(ui, |ui| {
        section::heading(ui, &tr(lang, "scenarios.multiples.title"));
        let total = cx.project.partners.len();
        if total > series.partners.len() {
            let note = tr_args(
                lang,
                "scenarios.multiples.capped",
                &[
                    (
                        "shown",
                        &format::integer(lang, series.partners.len() as i64),
                    ),
                    ("count", &format::integer(lang, total as i64)),
                ],
            );
            section::note(ui, &note);
        }
        let (Some(start), false) = (series.start, series.partners.is_empty()) else {
            section::note(ui, &tr(lang, "scenarios.multiples.none"));
            return;
        };
        let gap = section::GAP;
        let width = ui.available_width();
        let columns = ((width + gap) / (MIN_WIDTH + gap)).floor().clamp(1.0, 4.0) as usize;
        let cell_width = ((width - gap * (columns as f32 - 1.0)) / columns as f32).floor();
        let plot_height = (cell_width * 0.55).clamp(140.0, 320.0);
        Grid::new("scenarios_multiples")
            .num_columns(columns)
            .spacing([gap, gap])
            .show(ui, |ui| {
                for (i, partner) in series.partners.iter().enumerate() {
                    cell(ui, lang, start, series, partner, cell_width, plot_height);
                    if (i + 1) % columns == 0 {
                        ui.end_row();
                    }
                }
            });
    });
}

fn cell(
    ui: &mut Ui,
    lang: Lang,
    start: Month,
    series: &Series,
    partner: &PartnerSeries,
    width: f32,
    height: f32,
) {
    // The picture of a cell includes the Comune's name above its plot.
    let cell = Frame::new().show(ui, |ui| {
        ui.set_width(width);
        ui.vertical(|ui| {
            ui.label(RichText::new(&partner.name).strong());
            section::note(ui, &quote(lang, series.quoted_month, partner.quoted));
            let observed_color = theme::consortium_color(ui.visuals().dark_mode);
            let shown_plot = Plot::new(("scenarios_multiple", partner.id.as_str()))
                .width(width)
                .height(height)
                .include_y(0.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .allow_double_click_reset(false)
                .show_x(false)
                .show_y(false)
                .x_grid_spacer(move |input| month_marks(input, start))
                .x_axis_formatter(move |mark, range| {
                    // A label centred on a month at the plot's edge would run into the
                    // next plot of the grid.
                    if label_fits(mark.value, range, width) {
                        month_label(lang, start, mark.value)
                    } else {
                        String::new()
                    }
                })
                .y_axis_formatter(move |mark, _| format::integer(lang, mark.value.round() as i64))
                .show(ui, |plot_ui| {
                    if let Some(band) = &partner.scenario {
                        add_band(
                            plot_ui,
                            band,
                            "",
                            "",
                            scenario_color(),
                            LineStyle::Solid,
                            "scenario",
                        );
                    }
                    add_band(
                        plot_ui,
                        &partner.baseline,
                        "",
                        "",
                        baseline_color(),
                        LineStyle::dashed_loose(),
                        "baseline",
                    );
                    plot_ui.line(
                        Line::new("", PlotPoints::Borrowed(&partner.observed))
                            .color(observed_color)
                            .width(2.0)
                            .id("observed"),
                    );
                });
            shown_plot.response
        })
        .inner
    });
    crate::ui::widgets::plot_menu::plot_menu(&cell.inner, cell.response.rect, lang);
}

/// Whether a label centred on `value` stays inside a plot `width` points wide showing
/// `range` on its axis.
fn label_fits(value: f64, range: &std::ops::RangeInclusive<f64>, width: f32) -> bool {
    let span = range.end() - range.start();
    if span <= 0.0 || width <= 0.0 {
        return true;
    }
    let margin = span * f64::from(HALF_LABEL / width);
    value - range.start() >= margin && range.end() - value >= margin
}

/// "giu 2027: base 45 · scenario 52 (+7)".
fn quote(lang: Lang, month: Option<Month>, medians: Option<(f64, Option<f64>)>) -> String {
    let (Some(month), Some((baseline, scenario))) = (month, medians) else {
        return format::MISSING.to_owned();
    };
    let people = |v: f64| format::integer(lang, v.round() as i64);
    let month = format::month(lang, month);
    match scenario {
        Some(scenario) => tr_args(
            lang,
            "scenarios.multiples.quote",
            &[
                ("month", &month),
                ("baseline", &people(baseline)),
                ("scenario", &people(scenario)),
                (
                    "difference",
                    &format::signed(lang, scenario.round() - baseline.round(), 0),
                ),
            ],
        ),
        None => tr_args(
            lang,
            "scenarios.multiples.quote_baseline",
            &[("month", &month), ("baseline", &people(baseline))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_label_at_the_plots_edge_is_left_out_so_it_cannot_crowd_the_next_plot() {
        // 48 months on a 300-point plot: a label's half width is almost 5 months.
        let range = 0.0..=48.0;
        assert!(label_fits(24.0, &range, 300.0));
        assert!(
            !label_fits(48.0, &range, 300.0),
            "the last month, at the right edge"
        );
        assert!(!label_fits(46.0, &range, 300.0));
        assert!(
            !label_fits(0.0, &range, 300.0),
            "the first, at the left edge"
        );
        // On a wide plot the same months are far enough from the edge.
        assert!(label_fits(46.0, &range, 1_200.0));
    }

    #[test]
    fn the_quote_names_the_month_and_both_medians() {
        let month = Month::new(2027, 6);
        assert_eq!(
            quote(Lang::It, month, Some((45.2, Some(51.6)))),
            "giu 2027: base 45 · scenario 52 (+7)"
        );
        assert_eq!(
            quote(Lang::En, month, Some((1_045.0, None))),
            "Jun 2027: baseline 1,045"
        );
        assert_eq!(quote(Lang::En, None, None), "—");
    }
}
