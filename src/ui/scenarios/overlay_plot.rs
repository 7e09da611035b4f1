//! The consortium's smart workers: the observed history, then the baseline (grey) and the
//! scenario (coloured), each a median line inside its P10–P90 band, and on request the
//! other scenarios' medians (thinner, in the palette's next colours). A vertical line marks
//! the last observation. The baseline is drawn over the scenario, so where the two agree its
//! dashes show on the scenario's line. Hover names the line, the month and the value; drag
//! pans, Ctrl+wheel zooms, a double click restores the view. On request a past forecast of the
//! consortium is drawn over what happened (the backtest's, `backtest_panel`).

use egui::{Color32, Ui};
use egui_plot::{
    Corner, FilledArea, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoints, VLine,
};

use super::plot_series::{Band, Series};
use crate::i18n::{Lang, format, tr};
use crate::model::Month;
use crate::ui::theme;
use crate::ui::widgets::month_axis::{month_at, month_label, month_marks};

/// The baseline's grey, readable on both themes.
pub fn baseline_color() -> Color32 {
    Color32::from_gray(0x8C)
}

/// The scenario's colour: the palette's first.
pub fn scenario_color() -> Color32 {
    theme::series_color(0)
}

#[derive(Default)]
pub struct OverlayPlot {
    /// The months the plot's remembered bounds were made for: other months reset the view.
    shown_for: Option<(Month, usize)>,
}

impl OverlayPlot {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        series: &Series,
        scenario_name: Option<&str>,
        past: Option<&(String, Band)>,
        height: f32,
    ) {
        let Some(start) = series.start else {
            return;
        };
        let dark = ui.visuals().dark_mode;
        let observed_color = theme::consortium_color(dark);
        let mut plot = Plot::new("scenarios_overlay")
            .height(height)
            .legend(
                Legend::default()
                    .position(Corner::LeftTop)
                    .follow_insertion_order(true)
                    .background_alpha(0.9),
            )
            .include_y(0.0)
            // The wheel scrolls the view; Ctrl+wheel zooms the plot.
            .allow_scroll(false)
            .x_grid_spacer(move |input| month_marks(input, start))
            .x_axis_formatter(move |mark, _| month_label(lang, start, mark.value))
            .y_axis_formatter(move |mark, _| format::integer(lang, mark.value.round() as i64))
            .y_axis_label(tr(lang, "scenarios.plot.axis"))
            .label_formatter(move |position| hover_text(lang, start, position));
        let extent = (start, series.baseline.xs.len());
        if self.shown_for != Some(extent) {
            self.shown_for = Some(extent);
            plot = plot.reset();
        }
        let observed_name = tr(lang, "scenarios.plot.observed");
        let baseline_name = tr(lang, "scenarios.plot.baseline");
        let band_suffix = tr(lang, "scenarios.plot.band_suffix");
        let last_name = tr(lang, "scenarios.plot.last_observation");
        crate::ui::widgets::plot_menu::with_plot_menu(ui, lang, |ui| {
            let shown_plot = plot.show(ui, |plot_ui| {
                if let (Some(band), Some(name)) = (&series.scenario, scenario_name) {
                    add_band(
                        plot_ui,
                        band,
                        name,
                        &band_suffix,
                        scenario_color(),
                        LineStyle::Solid,
                        "scenario",
                    );
                }
                for (index, (name, median)) in series.others.iter().enumerate() {
                    plot_ui.line(
                        Line::new(name.as_str(), PlotPoints::Borrowed(median))
                            .color(theme::series_color(index + 1))
                            .width(2.0)
                            .id(("scenarios_other", index)),
                    );
                }
                if let Some((name, band)) = past {
                    add_band(
                        plot_ui,
                        band,
                        name,
                        &band_suffix,
                        theme::series_color(3),
                        LineStyle::dotted_dense(),
                        "past_forecast",
                    );
                }
                add_band(
                    plot_ui,
                    &series.baseline,
                    &baseline_name,
                    &band_suffix,
                    baseline_color(),
                    LineStyle::dashed_loose(),
                    "baseline",
                );
                plot_ui.line(
                    Line::new(
                        observed_name.as_ref(),
                        PlotPoints::Borrowed(&series.observed),
                    )
                    .color(observed_color)
                    .width(3.0)
                    .id("scenarios_observed"),
                );
                plot_ui.vline(
                    VLine::new(last_name.as_ref(), series.anchor)
                        .color(observed_color.gamma_multiply(0.5))
                        .style(LineStyle::dotted_loose())
                        .id("scenarios_anchor"),
                );
            });
            let plot_response = shown_plot.response.clone();
            ((), plot_response)
        });
    }
}

/// A median line and its P10–P90 area, named "<name>" and "<name> · P10–P90".
pub fn add_band<'a>(
    plot_ui: &mut egui_plot::PlotUi<'a>,
    band: &'a Band,
    name: &str,
    band_suffix: &str,
    color: Color32,
    style: LineStyle,
    id: &str,
) {
    if !band.xs.is_empty() {
        let transform = plot_ui.transform();
        let points_per_person =
            f64::from(transform.frame().height()) / transform.bounds().height().max(f64::EPSILON);
        // A band too narrow to see is drawn but not listed: the legend names what shows.
        let legend_name = if band_visible(band, points_per_person) {
            format!("{name} {band_suffix}")
        } else {
            String::new()
        };
        plot_ui.add(
            FilledArea::new(legend_name, &band.xs, &band.low, &band.high)
                .fill_color(color.gamma_multiply(0.22))
                .id(("scenarios_band", id)),
        );
    }
    plot_ui.line(
        Line::new(name, PlotPoints::Borrowed(&band.median))
            .color(color)
            .width(3.0)
            .style(style)
            .id(("scenarios_median", id)),
    );
}

/// The narrowest band, in points, that a legend entry may speak of.
const VISIBLE_BAND: f64 = 2.0;

/// Whether the band is wide enough to see somewhere, at `points_per_person` on screen.
pub fn band_visible(band: &Band, points_per_person: f64) -> bool {
    let widest = (band.low.iter().zip(&band.high))
        .map(|(low, high)| high - low)
        .fold(0.0_f64, f64::max);
    widest * points_per_person >= VISIBLE_BAND
}

/// The hover label: the line's name, the month and the value; away from a line, the month.
fn hover_text(lang: Lang, start: Month, position: &HoverPosition<'_>) -> Option<String> {
    match position {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}: {}",
            month_label(lang, start, position.x.round()),
            format::integer(lang, position.y.round() as i64)
        )),
        HoverPosition::Elsewhere { position } => {
            month_at(start, position.x.round()).map(|month| format::month_long(lang, month))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(width: f64) -> Band {
        Band {
            xs: vec![0.0, 1.0, 2.0],
            low: vec![10.0, 10.0, 10.0],
            high: vec![10.0, 10.0 + width / 2.0, 10.0 + width],
            median: Vec::new(),
        }
    }

    #[test]
    fn a_band_too_narrow_to_see_is_not_listed_as_visible() {
        // One person wide on a plot where a person is half a point: invisible.
        assert!(!band_visible(&band(1.0), 0.5));
        assert!(
            !band_visible(&band(0.0), 100.0),
            "a zero-width band never shows"
        );
        // Ten people wide at half a point each: five points, visible.
        assert!(band_visible(&band(10.0), 0.5));
    }
}
