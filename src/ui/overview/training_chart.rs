//! Training completion as horizontal bars: per partner (highest first; with many partners
//! the top and bottom ten plus the selected ones) or, on demand, per module area. The
//! consortium's completion is a dashed line across the bars; a click on a partner's bar
//! selects it.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, LineStyle, Plot, PlotPoint, Text, VLine,
};

use super::training_rank::Ranking;
use super::{additive_click, count_text, section};
use crate::i18n::findings::area_label;
use crate::i18n::{format, tr, tr_args};
use crate::model::{ModuleArea, PartnerId};
use crate::ui::{Request, ViewCtx, theme};

/// Room for the x axis and margins around the bars.
const CHART_MARGIN: f32 = 60.0;

#[derive(Default)]
pub struct TrainingChart {
    by_area: bool,
    ranking: Ranking,
}

/// One bar, top to bottom.
struct Row {
    label: String,
    /// Completion in percent; `None` when nobody is enrolled.
    value: Option<f64>,
    partner: Option<PartnerId>,
    selected: bool,
    /// A row without a bar standing for partners left out ("…").
    gap: bool,
}

impl Row {
    fn gap() -> Row {
        Row {
            label: "…".to_owned(),
            value: None,
            partner: None,
            selected: false,
            gap: true,
        }
    }
}

impl TrainingChart {
    /// The height the chart needs to label every bar, at least `min`: the overview gives
    /// the adoption plot beside it the same height.
    pub fn chart_height(&mut self, ui: &Ui, cx: &ViewCtx<'_>, min: f32) -> f32 {
        let rows = if self.by_area {
            ModuleArea::ALL.len()
        } else {
            let dashboard = cx.dashboard;
            self.ranking
                .refresh(cx.revision, &dashboard.training, &dashboard.partner_order);
            let rows = self.ranking.rows(cx.selection);
            rows.indexes.len() + gaps(&rows.indexes)
        };
        min.max(rows as f32 * row_height(ui) + CHART_MARGIN)
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, height: f32) {
        let lang = cx.lang;
        let mut clicked = None;
        section::panel(ui, |ui| {
            section::heading(ui, &tr(lang, "overview.training.title"));
            ui.horizontal(|ui| {
                let label = ui.label(tr(lang, "overview.training.show_label"));
                ui.selectable_value(
                    &mut self.by_area,
                    false,
                    tr(lang, "overview.training.by_partner"),
                )
                .labelled_by(label.id);
                ui.selectable_value(
                    &mut self.by_area,
                    true,
                    tr(lang, "overview.training.by_area"),
                )
                .labelled_by(label.id);
            });
            let rows = if self.by_area {
                area_rows(cx)
            } else {
                self.partner_rows(ui, cx)
            };
            if rows.iter().all(|row| row.value.is_none()) {
                section::note(ui, &tr(lang, "overview.training.no_data"));
                return;
            }
            if let Some(rate) = cx.dashboard.training.consortium.completion.rate() {
                let value = format::percent(lang, rate * 100.0, 1);
                section::note(
                    ui,
                    &tr_args(
                        lang,
                        "overview.training.consortium_line",
                        &[("value", &value)],
                    ),
                );
            }
            clicked = chart(ui, cx, &rows, height);
            if !self.by_area {
                section::note(ui, &tr(lang, "overview.training.hint"));
            }
        });
        if let Some(partner) = clicked {
            let additive = additive_click(ui);
            cx.outbox.push(Request::SelectPartner { partner, additive });
        }
    }

    fn partner_rows(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>) -> Vec<Row> {
        let dashboard = cx.dashboard;
        self.ranking
            .refresh(cx.revision, &dashboard.training, &dashboard.partner_order);
        let rows = self.ranking.rows(cx.selection);
        if rows.subset {
            let count = format::integer(cx.lang, dashboard.partner_order.len() as i64);
            section::note(
                ui,
                &tr_args(
                    cx.lang,
                    "overview.training.subset_note",
                    &[("count", &count)],
                ),
            );
        }
        if self.ranking.unenrolled > 0 {
            section::note(
                ui,
                &count_text(
                    cx.lang,
                    "overview.training.no_enrolment_one",
                    "overview.training.no_enrolment_other",
                    self.ranking.unenrolled,
                ),
            );
        }
        let mut shown = Vec::with_capacity(rows.indexes.len() + 2);
        let mut previous = None;
        for &index in &rows.indexes {
            if previous.is_some_and(|previous| is_gap(previous, index)) {
                shown.push(Row::gap());
            }
            previous = Some(index);
            let (id, value) = &self.ranking.ranked[index];
            let label = cx
                .project
                .partners
                .get(id)
                .map_or_else(|| id.as_str().to_owned(), |partner| partner.name.clone());
            shown.push(Row {
                label,
                value: Some(*value),
                partner: Some(id.clone()),
                selected: cx.selection.contains(id),
                gap: false,
            });
        }
        shown
    }
}

/// Where the value labels start, in percent on the x axis.
const VALUE_COLUMN_X: f64 = 102.0;

fn area_rows(cx: &ViewCtx<'_>) -> Vec<Row> {
    ModuleArea::ALL
        .into_iter()
        .map(|area| Row {
            label: area_label(cx.lang, area).into_owned(),
            value: cx
                .dashboard
                .training
                .areas
                .get(&area)
                .and_then(|completion| completion.rate())
                .map(|rate| rate * 100.0),
            partner: None,
            selected: false,
            gap: false,
        })
        .collect()
}

/// Draws the bars; returns the partner whose bar was clicked.
fn chart(ui: &mut Ui, cx: &ViewCtx<'_>, rows: &[Row], height: f32) -> Option<PartnerId> {
    let lang = cx.lang;
    let count = rows.len();
    // Row i is drawn at y = count - 1 - i, so the first row is at the top.
    let y_of = |index: usize| (count - 1 - index) as f64;
    let labels: Vec<&str> = rows.iter().map(|row| row.label.as_str()).collect();
    let dark = ui.visuals().dark_mode;
    let bar_color = theme::series_color(0);
    let selected_color = theme::series_color(1);
    let text_color = ui.visuals().text_color();
    let value_size = section::body_size(ui);
    let row_height = row_height(ui);

    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.gap)
        .map(|(index, row)| {
            let (fill, stroke) = if row.selected {
                (selected_color, Stroke::new(2.0, text_color))
            } else {
                (bar_color, Stroke::NONE)
            };
            Bar::new(y_of(index), row.value.unwrap_or(0.0))
                .name(&row.label)
                .fill(fill)
                .stroke(stroke)
                .width(0.7)
        })
        .collect();
    let chart = BarChart::new("", bars)
        .horizontal()
        .element_formatter(Box::new(move |bar, _| {
            let value = format::percent(lang, bar.value, 1);
            tr_args(
                lang,
                "overview.training.bar_tooltip",
                &[("name", &bar.name), ("value", &value)],
            )
        }));
    let consortium = cx
        .dashboard
        .training
        .consortium
        .completion
        .rate()
        .map(|rate| rate * 100.0);

    let y_axis = AxisHints::new_y()
        .formatter(move |mark, _| bar_label(&labels, mark.value))
        .label_spacing(row_height * 0.6..=row_height * 0.7);
    let response = crate::ui::widgets::plot_menu::with_plot_menu(ui, lang, |ui| {
        let shown_plot = Plot::new("overview_training")
            .height(height)
            .default_x_bounds(0.0, 118.0)
            .default_y_bounds(-0.6, count as f64 - 0.4)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .allow_axis_zoom_drag(false)
            .show_crosshair(false)
            .show_grid([true, false])
            .y_grid_spacer(every_row)
            .custom_y_axes(vec![y_axis])
            .x_axis_formatter(move |mark, _| {
                if (0.0..=100.0).contains(&mark.value) {
                    format::percent(lang, mark.value, 0)
                } else {
                    String::new()
                }
            })
            .show(ui, |plot_ui| {
                // The chart neither zooms nor pans: its bounds follow the rows every frame, never
                // what egui remembers from another project or another number of rows.
                plot_ui.set_plot_bounds_x(0.0..=118.0);
                plot_ui.set_plot_bounds_y(-0.6..=count as f64 - 0.4);
                plot_ui.bar_chart(chart);
                for (index, row) in rows.iter().enumerate().filter(|(_, row)| !row.gap) {
                    let text = row
                        .value
                        .map_or_else(|| "—".to_owned(), |value| format::percent(lang, value, 1));
                    // A column right of 100%: no label ever sits on a bar or on the
                    // consortium's dashed line.
                    plot_ui.text(
                        Text::new(
                            "",
                            PlotPoint::new(VALUE_COLUMN_X, y_of(index)),
                            RichText::new(text).size(value_size),
                        )
                        .anchor(Align2::LEFT_CENTER)
                        .color(text_color)
                        .allow_hover(false),
                    );
                }
                if let Some(consortium) = consortium {
                    plot_ui.vline(
                        VLine::new(tr(lang, "overview.adoption.consortium"), consortium)
                            .color(consortium_line(dark))
                            .style(LineStyle::dashed_dense())
                            .width(2.0),
                    );
                }
                plot_ui.pointer_coordinate()
            });
        let plot_response = shown_plot.response.clone();
        (shown_plot, plot_response)
    });
    if !response.response.clicked() {
        return None;
    }
    let pointer = response.inner?;
    let from_top = count as f64 - 1.0 - pointer.y.round();
    if !(0.0..count as f64).contains(&from_top) || pointer.x < 0.0 {
        return None;
    }
    rows[from_top as usize].partner.clone()
}

/// Whether partners were left out between two shown ranks.
fn is_gap(previous: usize, next: usize) -> bool {
    next > previous + 1
}

/// How many "…" rows the shown ranks need.
fn gaps(indexes: &[usize]) -> usize {
    indexes
        .windows(2)
        .filter(|pair| is_gap(pair[0], pair[1]))
        .count()
}

/// Vertical room per bar, so that every bar's label shows.
fn row_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 8.0
}

fn consortium_line(dark: bool) -> Color32 {
    theme::consortium_color(dark)
}

/// The label of the bar at y = `value`, or nothing between bars.
fn bar_label(labels: &[&str], value: f64) -> String {
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || rounded < 0.0 || rounded >= labels.len() as f64 {
        return String::new();
    }
    labels[labels.len() - 1 - rounded as usize].to_owned()
}

/// One grid mark per bar, so each bar gets its label.
fn every_row(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high - low > 10_000.0 {
        return Vec::new();
    }
    (low.ceil() as i64..=high.floor() as i64)
        .map(|row| GridMark {
            value: row as f64,
            step_size: 1.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn bar_labels_read_top_to_bottom() {
        let labels = ["Bra", "Alba", "Cuneo"];
        assert_eq!(bar_label(&labels, 2.0), "Bra");
        assert_eq!(bar_label(&labels, 0.0), "Cuneo");
        assert_eq!(bar_label(&labels, 0.5), "");
        assert_eq!(bar_label(&labels, 3.0), "");
        assert_eq!(bar_label(&labels, -1.0), "");
    }

    #[test]
    fn every_area_has_a_name_in_both_languages() {
        for area in ModuleArea::ALL {
            for lang in Lang::ALL {
                assert!(
                    !area_label(lang, area).starts_with("overview."),
                    "{area:?} {lang:?}"
                );
            }
        }
        assert_eq!(
            area_label(Lang::It, ModuleArea::IndustrialRelations),
            "Relazioni sindacali"
        );
    }

    #[test]
    fn left_out_ranks_become_gap_rows() {
        assert_eq!(gaps(&[0, 1, 2]), 0);
        assert_eq!(gaps(&[0, 1, 5, 9, 10]), 2);
        assert_eq!(gaps(&[]), 0);
    }

    #[test]
    fn the_grid_marks_each_row() {
        let marks = every_row(GridInput {
            bounds: (-0.6, 2.6),
            base_step_size: 0.1,
        });
        let values: Vec<f64> = marks.iter().map(|mark| mark.value).collect();
        assert_eq!(values, [0.0, 1.0, 2.0]);
    }
}
