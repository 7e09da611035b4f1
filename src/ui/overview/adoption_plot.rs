//! Adoption over time, as a percentage of smartable staff: the consortium (thick), one line
//! per partner or, with many partners, the P10–P90 band, the median and the selected
//! partners. Hover names the line, the month and the value; drag pans, Ctrl+wheel zooms,
//! a double click restores the whole programme (egui_plot's own reset); a click on a line
//! selects its partner, Ctrl+click adds it to the selection.

use std::collections::HashSet;

use egui::{Color32, Id, Ui};
use egui_plot::{FilledArea, HoverPosition, ItemId, Line, Plot, PlotPoint, PlotPoints, Text};

use super::adoption_legend::{self, Entry, Look};
use super::adoption_series::{AdoptionSeries, PlotMode, partner_item_source};
use super::line_labels;
use super::series_style::SeriesStyle;
use super::{additive_click, section};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Month, PartnerId};
use crate::ui::widgets::month_axis::{month_at, month_label, month_marks};
use crate::ui::{Request, ViewCtx, theme};

#[derive(Default)]
pub struct AdoptionPlot {
    series: AdoptionSeries,
    /// The number of months the plot's remembered bounds were made for: a project of
    /// another length resets the view.
    months_shown: Option<usize>,
    /// Series hidden from the legend.
    hidden: HashSet<ItemId>,
}

const BAND_ID: &str = "overview_adoption_band";
const CONSORTIUM_ID: &str = "overview_adoption_consortium";
const MEDIAN_ID: &str = "overview_adoption_median";

/// Line widths: the consortium and the selected partners thick, the others thinner when
/// some are selected, so the selected ones stand out.
const THICK: f32 = 4.0;
const NORMAL: f32 = 2.5;
const THIN: f32 = 1.5;
const MEDIAN_WIDTH: f32 = 2.0;

impl AdoptionPlot {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, height: f32) {
        let dashboard = cx.dashboard;
        self.series.refresh(
            cx.revision,
            cx.project,
            &dashboard.adoption,
            &dashboard.partner_order,
            cx.selection,
        );
        let lang = cx.lang;
        let mut clicked = None;
        section::panel(ui, |ui| {
            section::heading(ui, &tr(lang, "overview.adoption.title"));
            if self.series.mode == PlotMode::Aggregate {
                let count = format::integer(lang, dashboard.partner_order.len() as i64);
                let mut note = tr_args(
                    lang,
                    "overview.adoption.aggregate_note",
                    &[("count", &count)],
                );
                if self.series.selected > self.series.partners.len() {
                    let shown = format::integer(lang, self.series.partners.len() as i64);
                    let selected = format::integer(lang, self.series.selected as i64);
                    note.push_str(" (");
                    note.push_str(&tr_args(
                        lang,
                        "overview.adoption.selected_capped",
                        &[("shown", &shown), ("count", &selected)],
                    ));
                    note.push(')');
                }
                section::note(ui, &note);
            }
            if self.series.consortium.is_empty() && self.series.band.is_empty() {
                section::note(ui, &tr(lang, "overview.adoption.no_data"));
            }
            self.legend(ui, cx);
            clicked = self.plot(ui, cx, height);
            section::note(ui, &tr(lang, "overview.adoption.hint"));
        });
        if let Some(partner) = clicked {
            let additive = additive_click(ui);
            cx.outbox.push(Request::SelectPartner { partner, additive });
        }
    }

    /// The legend above the plot: every series with a stretch of its line.
    fn legend(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let series = &self.series;
        let (band, consortium, median) =
            (band_name(lang), consortium_name(lang), median_name(lang));
        let line = |style: SeriesStyle, width: f32| Look::Line {
            style,
            color: style.hue.color(dark),
            width,
        };
        let mut entries = Vec::with_capacity(series.partners.len() + 3);
        if !series.band.is_empty() {
            entries.push(Entry {
                id: ItemId::new(BAND_ID),
                name: &band,
                look: Look::Band(band_fill(dark)),
            });
        }
        entries.push(Entry {
            id: ItemId::new(CONSORTIUM_ID),
            name: &consortium,
            look: line(SeriesStyle::CONSORTIUM, THICK),
        });
        if !series.median.is_empty() {
            entries.push(Entry {
                id: ItemId::new(MEDIAN_ID),
                name: &median,
                look: line(SeriesStyle::MEDIAN, MEDIAN_WIDTH),
            });
        }
        for partner in &series.partners {
            let (style, color, width) =
                partner_look(partner.color_index, &partner.partner, cx.selection);
            entries.push(Entry {
                id: partner.item,
                name: &partner.name,
                look: Look::Line {
                    style,
                    color,
                    width,
                },
            });
        }
        adoption_legend::show(ui, lang, &entries, &mut self.hidden);
    }

    /// Draws the plot; returns the partner whose line was clicked.
    fn plot(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>, height: f32) -> Option<PartnerId> {
        let lang = cx.lang;
        let months = cx.dashboard.months.len();
        let start = cx
            .dashboard
            .months
            .first()
            .copied()
            .unwrap_or(cx.project.meta.start);
        let dark = ui.visuals().dark_mode;
        let consortium_color = theme::consortium_color(dark);

        let mut plot = Plot::new("overview_adoption")
            .id(plot_id())
            .height(height)
            .default_x_bounds(-0.5, right_edge(months, self.series.mode))
            .default_y_bounds(0.0, 100.0)
            // The wheel scrolls the overview; Ctrl+wheel zooms the plot.
            .allow_scroll(false)
            .x_grid_spacer(move |input| month_marks(input, start))
            .x_axis_formatter(move |mark, _| month_label(lang, start, mark.value))
            .y_axis_formatter(move |mark, _| {
                let digits = if mark.step_size < 1.0 { 1 } else { 0 };
                format::percent(lang, mark.value, digits)
            })
            .y_axis_label(tr(lang, "overview.adoption.axis"))
            .label_formatter(move |position| hover_text(lang, start, position));
        if self.months_shown != Some(months) {
            self.months_shown = Some(months);
            plot = plot.reset();
        }

        let label_size = section::body_size(ui) * 0.9;
        let label_height = label_size * 1.25;
        let text_color = ui.visuals().text_color();
        let plot_background = ui.visuals().extreme_bg_color;
        let series = &self.series;
        let hidden = &self.hidden;
        let selection = cx.selection;
        let response = crate::ui::widgets::plot_menu::with_plot_menu(ui, lang, |ui| {
            let shown_plot = plot.show(ui, |plot_ui| {
                let shown = |id: &str| !hidden.contains(&ItemId::new(id));
                if shown(BAND_ID) {
                    for run in &series.band {
                        plot_ui.add(
                            FilledArea::new(band_name(lang), &run.months, &run.p10, &run.p90)
                                .fill_color(band_fill(dark))
                                .id(BAND_ID),
                        );
                    }
                }
                if shown(CONSORTIUM_ID) {
                    plot_ui.line(
                        Line::new(
                            consortium_name(lang),
                            PlotPoints::Borrowed(&series.consortium),
                        )
                        .color(consortium_color)
                        .width(THICK)
                        .id(CONSORTIUM_ID),
                    );
                }
                if !series.median.is_empty() && shown(MEDIAN_ID) {
                    plot_ui.line(
                        Line::new(median_name(lang), PlotPoints::Borrowed(&series.median))
                            .color(consortium_color)
                            .width(MEDIAN_WIDTH)
                            .style(SeriesStyle::MEDIAN.pattern.line_style())
                            .id(MEDIAN_ID),
                    );
                }
                let mut ends = Vec::new();
                for line in &series.partners {
                    if hidden.contains(&line.item) {
                        continue;
                    }
                    if let Some(end) = line.points.last() {
                        ends.push((line.name.as_str(), line.color_index, *end));
                    }
                    let (style, color, width) =
                        partner_look(line.color_index, &line.partner, selection);
                    plot_ui.line(
                        Line::new(line.name.as_str(), PlotPoints::Borrowed(&line.points))
                            .color(color)
                            .width(width)
                            .style(style.pattern.line_style())
                            .id(partner_item_source(&line.partner)),
                    );
                }
                if series.mode == PlotMode::EveryPartner && !ends.is_empty() {
                    // The labels' spacing in percentage points: a line of text's height.
                    let transform = plot_ui.transform();
                    let per_pixel =
                        transform.bounds().height() / f64::from(transform.frame().height());
                    let gap = f64::from(label_height) * per_pixel;
                    let heights: Vec<f64> = ends.iter().map(|(_, _, end)| end.y).collect();
                    let heights = line_labels::spread(&heights, gap, 0.0, 100.0);
                    for ((name, color_index, end), y) in ends.iter().zip(heights) {
                        let color = SeriesStyle::partner(*color_index).hue.color(dark);
                        plot_ui.text(
                            Text::new(
                                "",
                                PlotPoint::new(end.x + 0.3, y),
                                egui::RichText::new(*name).size(label_size),
                            )
                            .color(label_color(color, text_color, plot_background))
                            .anchor(egui::Align2::LEFT_CENTER)
                            .allow_hover(false),
                        );
                    }
                }
            });
            let plot_response = shown_plot.response.clone();
            (shown_plot, plot_response)
        });
        if !response.response.clicked() {
            return None;
        }
        response
            .hovered_plot_item
            .and_then(|item| self.series.partner_of(item))
            .cloned()
    }
}

/// The plot's right edge: the last month, and with a line per partner room after it for
/// the names at the lines' ends.
pub(super) fn right_edge(months: usize, mode: PlotMode) -> f64 {
    let last = months.max(1) as f64 - 0.5;
    match mode {
        PlotMode::EveryPartner => last + (months as f64 * 0.12).max(2.0),
        PlotMode::Aggregate => last,
    }
}

/// A line's name in the line's colour where that reads at AA contrast on the plot, else in
/// the text colour (the yellow and the sky blue are too light on white).
fn label_color(line: Color32, text: Color32, background: Color32) -> Color32 {
    if theme::contrast(line, background) >= 4.5 {
        line
    } else {
        text
    }
}

fn band_fill(dark: bool) -> Color32 {
    SeriesStyle::CONSORTIUM.hue.color(dark).gamma_multiply(0.18)
}

fn band_name(lang: Lang) -> String {
    tr(lang, "overview.adoption.band").into_owned()
}

fn consortium_name(lang: Lang) -> String {
    tr(lang, "overview.adoption.consortium").into_owned()
}

fn median_name(lang: Lang) -> String {
    tr(lang, "overview.adoption.median").into_owned()
}

/// A partner line's style, colour and width: a selected one is thick, and when some are
/// selected the others step back so the selected ones stand out.
fn partner_look(
    index: usize,
    partner: &PartnerId,
    selection: &crate::ui::Selection,
) -> (SeriesStyle, Color32, f32) {
    let mut style = SeriesStyle::partner(index);
    let color = style.hue.color(false);
    if selection.partners.is_empty() {
        (style, color, NORMAL)
    } else if selection.contains(partner) {
        style.thick = true;
        (style, color, THICK)
    } else {
        (style, fade(color), THIN)
    }
}

/// The plot's id, global so its memory (bounds, hidden lines) can be read by tests.
pub(super) fn plot_id() -> Id {
    Id::unique("overview_adoption_plot")
}

fn fade(color: Color32) -> Color32 {
    color.gamma_multiply(0.45)
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
            format::percent(lang, position.y, 1)
        )),
        HoverPosition::Elsewhere { position } => {
            month_at(start, position.x.round()).map(|month| format::month_long(lang, month))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(year: i32, month: u32) -> Month {
        Month::new(year, month).unwrap()
    }

    #[test]
    fn hovering_a_line_names_it_with_month_and_value() {
        let start = month(2025, 1);
        let near = HoverPosition::NearDataPoint {
            plot_name: "Bra",
            position: egui_plot::PlotPoint::new(2.0, 24.34),
            index: 2,
        };
        assert_eq!(
            hover_text(Lang::It, start, &near).as_deref(),
            Some("Bra\nmar 2025: 24,3%")
        );
        let away = HoverPosition::Elsewhere {
            position: egui_plot::PlotPoint::new(2.2, 50.0),
        };
        assert_eq!(
            hover_text(Lang::En, start, &away).as_deref(),
            Some("March 2025")
        );
    }
}
