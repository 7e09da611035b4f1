//! Monthly observations (rilevazioni mensili) as a table, one row per month of the
//! programme: smart workers, average agile days and the optional survey scores. A month not
//! observed shows empty cells; typing into one records the month. Beside the table, a small
//! plot of the smart workers over the programme, read as a count on its left axis and as a
//! share of the smartable staff on its right one.
//!
//! The table has its own scroll area and lays out only its visible rows, so a sixty-month
//! programme costs what twelve months do.

use egui::{Align, Layout, Ui, vec2};
use egui_extras::Column;
use egui_plot::{
    AxisHints, GridInput, GridMark, HPlacement, HoverPosition, Line, Plot, PlotPoint, PlotPoints,
    Points,
};

use super::data_marks as marks;
use super::edit_table::{EditTable, Extra};
use crate::fields::observations::ObservationsSheet;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Month, Partner, PartnerId};
use crate::ui::widgets::{FieldFindings, section};
use crate::ui::{ViewCtx, theme};

/// Rows shown at once; the rest scroll.
const VISIBLE_ROWS: usize = 12;
/// Below this width the plots go under the table instead of beside it.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 1000.0;

#[derive(Default)]
pub struct ObservationsSection {
    series: Series,
    /// The partner whose table was last brought to its latest month.
    scrolled_for: Option<PartnerId>,
}

impl ObservationsSection {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        id: &PartnerId,
        partner: &Partner,
        findings: &FieldFindings,
    ) {
        let lang = cx.lang;
        let start = cx.project.meta.start;
        let months = usize::try_from(cx.project.meta.end.months_since(start) + 1).unwrap_or(0);
        self.series.refresh(cx.revision, id, partner, start, months);
        if cx.editable {
            section::note(ui, &tr(lang, "partner_data.observations.hint"));
        }
        let outside = (partner.observations.iter())
            .filter(|(month, _)| *month < start || *month > cx.project.meta.end)
            .count();
        if outside > 0 {
            let count = format::integer(lang, outside as i64);
            let text = tr_args(
                lang,
                "partner_data.observations.outside",
                &[("count", &count)],
            );
            section::note(ui, &text);
        }
        // Open on the month the figures refer to, where the next entry usually goes.
        let scroll_to = (self.scrolled_for.as_ref() != Some(id)).then(|| {
            self.scrolled_for = Some(id.clone());
            usize::try_from(cx.dashboard.as_of.months_since(start)).unwrap_or(0)
        });
        let row_height = marks::row_height(ui);
        let height = row_height * (months.clamp(1, VISIBLE_ROWS) as f32 + 1.0);
        let sheet = ObservationsSheet::new(id, partner, start, months);
        let table = |ui: &mut Ui, cx: &mut ViewCtx<'_>| {
            table(ui, cx, &sheet, id, findings, (height, scroll_to));
        };
        let width = ui.available_width();
        if width >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.horizontal_top(|ui| {
                let table_width = width * 0.64;
                let size = vec2(table_width, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    ui.set_width(table_width);
                    table(ui, cx);
                });
                // A margin on the right, where the share axis writes its rotated label.
                let size = vec2(ui.available_width() - 8.0, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    self.series.plot(ui, lang, id, start, months, height);
                });
            });
        } else {
            table(ui, cx);
            ui.add_space(8.0);
            // Under the table, the plot has the width and needs less height.
            self.series.plot(ui, lang, id, start, months, height * 0.6);
        }
    }
}

/// One row per month of the programme, in its own scroll area of `height`, brought to
/// `scroll_to` when given.
fn table(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    sheet: &ObservationsSheet<'_>,
    id: &PartnerId,
    findings: &FieldFindings,
    (height, scroll_to): (f32, Option<usize>),
) {
    let lang = cx.lang;
    let month_text = |row| format::month(lang, sheet.month(row));
    let cell_name = |row, field: &str| {
        let month = month_text(row);
        let args = [("field", field), ("month", month.as_str())];
        tr_args(lang, "partner_data.observations.cell_name", &args)
    };
    let clear_name = |row| {
        let month = month_text(row);
        tr_args(
            lang,
            "partner_data.observations.clear_name",
            &[("month", &month)],
        )
    };
    let month_column = Extra {
        header: tr(lang, "partner_data.observations.month").into(),
        hint: None,
        width: Column::auto(),
        cell: Box::new(|ui: &mut Ui, row| {
            ui.label(month_text(row));
        }),
    };
    EditTable::new(sheet, marks::root(id).with("observations"), cell_name)
        .lead(month_column)
        .delete(
            tr(lang, "partner_data.observations.clear").into(),
            clear_name,
        )
        .scroll(height, scroll_to)
        .findings_width(100.0)
        .show(ui, cx, findings);
}

/// The plotted points, rebuilt when the project or the partner changes: the smart workers
/// of each observed month, split where a month was not observed so no line crosses a gap.
#[derive(Default)]
struct Series {
    key: Option<(u64, PartnerId)>,
    runs: Vec<Vec<PlotPoint>>,
    /// Every observed point, as markers (a month alone between gaps has no line).
    points: Vec<PlotPoint>,
    max: f64,
    smartable: i64,
}

impl Series {
    fn refresh(
        &mut self,
        revision: u64,
        id: &PartnerId,
        partner: &Partner,
        start: Month,
        months: usize,
    ) {
        let key = (revision, id.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        *self = Series {
            key: Some(key),
            smartable: partner.smartable,
            ..Series::default()
        };
        let mut previous: Option<usize> = None;
        for (month, observation) in partner.observations.iter() {
            let Ok(index) = usize::try_from(month.months_since(start)) else {
                continue;
            };
            if index >= months {
                break;
            }
            let point = PlotPoint::new(index as f64, observation.smart_workers as f64);
            if previous.is_none_or(|previous| previous + 1 != index) {
                self.runs.push(Vec::new());
            }
            previous = Some(index);
            if let Some(run) = self.runs.last_mut() {
                run.push(point);
            }
            self.points.push(point);
            self.max = self.max.max(point.y);
        }
    }

    /// Smart workers over the programme, counted on the left axis and as a share of the
    /// smartable staff on the right one (the same line read two ways: the share is the
    /// count over a fixed number).
    fn plot(
        &self,
        ui: &mut Ui,
        lang: Lang,
        id: &PartnerId,
        start: Month,
        months: usize,
        height: f32,
    ) {
        if self.points.is_empty() {
            section::note(ui, &tr(lang, "partner_data.observations.no_data"));
        }
        let root = marks::root(id).with("observations_plot");
        let name = tr(lang, "partner_data.observations.plot_workers");
        let smartable = self.smartable;
        let share = move |workers: f64| (smartable > 0).then(|| workers / smartable as f64 * 100.0);
        let mut axes = vec![
            AxisHints::new_y()
                .label(name.as_ref())
                .formatter(move |mark, _| format::decimal(lang, mark.value, 0)),
        ];
        if smartable > 0 {
            axes.push(
                AxisHints::new_y()
                    .label(tr(lang, "partner_data.observations.plot_share"))
                    .placement(HPlacement::Right)
                    .formatter(move |mark, _| {
                        share(mark.value).map_or_else(String::new, |p| format::percent(lang, p, 0))
                    }),
            );
        }
        let color = theme::series_color(0);
        // A month's label ("set 2026") needs about 80 points; the two value axes take ~120.
        let most_marks = ((ui.available_width() - 120.0) / 80.0).floor().max(1.0) as usize;
        Plot::new(root)
            .id(root.with("plot"))
            .height(height)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .default_x_bounds(-0.5, months.max(1) as f64 - 0.5)
            .default_y_bounds(0.0, (self.max * 1.15).max(5.0))
            .x_grid_spacer(move |input| month_marks(input, start, most_marks))
            .x_axis_formatter(move |mark, _| month_label(lang, start, mark.value))
            .custom_y_axes(axes)
            .label_formatter(move |position| hover_text(lang, start, smartable, position))
            .show(ui, |plot_ui| {
                for run in &self.runs {
                    plot_ui.line(
                        Line::new(name.as_ref(), PlotPoints::Borrowed(run))
                            .color(color)
                            .width(2.0)
                            .id(root.with("line")),
                    );
                }
                plot_ui.points(
                    Points::new(name.as_ref(), PlotPoints::Borrowed(&self.points))
                        .color(color)
                        .radius(2.5)
                        .id(root.with("points")),
                );
            });
    }
}

/// "mar 2026" at a whole month of the programme, nothing elsewhere.
fn month_label(lang: Lang, start: Month, value: f64) -> String {
    month_at(start, value).map_or_else(String::new, |month| format::month(lang, month))
}

fn month_at(start: Month, value: f64) -> Option<Month> {
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || rounded.abs() > 12.0 * 1000.0 {
        return None;
    }
    let month = start.plus(rounded as i32);
    crate::model::YEAR_RANGE
        .contains(&month.year())
        .then_some(month)
}

/// Marks on whole months, every 1, 3, 6, 12 or 24 months so that at most `most` show (the
/// plot's width decides, so each month's label fits), on calendar quarters and years.
fn month_marks(input: GridInput, start: Month, most: usize) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high < low || high - low > 12.0 * 1000.0 {
        return Vec::new();
    }
    let span = high - low;
    let step = [1_i64, 3, 6, 12, 24]
        .into_iter()
        .find(|step| span / *step as f64 <= most.max(1) as f64)
        .unwrap_or(24);
    // Counted from January of year 0, so multiples of the step fall on quarters and years.
    let offset = i64::from(start.year()) * 12 + i64::from(start.month()) - 1;
    let first = ((low + offset as f64) / step as f64).ceil() as i64 * step;
    let last = (high + offset as f64).floor() as i64;
    (first..=last)
        .step_by(step as usize)
        .map(|absolute| GridMark {
            value: (absolute - offset) as f64,
            step_size: step as f64,
        })
        .collect()
}

/// "dic 2026: 43 (45,3%)" near a point; nothing elsewhere.
fn hover_text(
    lang: Lang,
    start: Month,
    smartable: i64,
    position: &HoverPosition<'_>,
) -> Option<String> {
    let HoverPosition::NearDataPoint { position, .. } = position else {
        return None;
    };
    let month = month_label(lang, start, position.x.round());
    let workers = format::decimal(lang, position.y, 0);
    Some(if smartable > 0 {
        let share = position.y / smartable as f64 * 100.0;
        format!("{month}: {workers} ({})", format::percent(lang, share, 1))
    } else {
        format!("{month}: {workers}")
    })
}

#[cfg(test)]
#[path = "observations_tests.rs"]
mod tests;
