//! Monthly observations (rilevazioni mensili) as a table, one row per month of the
//! programme: smart workers, average agile days and the optional survey scores. A month not
//! observed shows empty cells; typing into one records the month. Beside the table, a small
//! plot of the smart workers over the programme, read as a count on its left axis and as a
//! share of the smartable staff on its right one.
//!
//! The table has its own scroll area and lays out only its visible rows, so a sixty-month
//! programme costs what twelve months do.

use egui::{Align, Button, Id, Layout, TextStyle, Ui, vec2};
use egui_extras::{Column, TableBuilder};
use egui_plot::{
    AxisHints, GridInput, GridMark, HPlacement, HoverPosition, Line, Plot, PlotPoint, PlotPoints,
    Points,
};

use super::data_marks::{self as marks, Mark};
use crate::i18n::{Lang, format, parse, tr, tr_args};
use crate::model::validate::{Field, Target};
use crate::model::{Edit, Month, Observation, Partner, PartnerId};
use crate::ui::widgets::value_field::{FieldOutput, parsed_field};
use crate::ui::widgets::{
    FieldFindings, decimal_field, integer_field, optional_decimal_field, section,
};
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
        let rows = Rows {
            partner_id: id,
            partner,
            start,
            months,
            scroll_to,
        };
        let width = ui.available_width();
        if width >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.horizontal_top(|ui| {
                let table_width = width * 0.64;
                let size = vec2(table_width, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    ui.set_width(table_width);
                    table(ui, cx, &rows, findings, height);
                });
                // A margin on the right, where the share axis writes its rotated label.
                let size = vec2(ui.available_width() - 8.0, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    self.series.plot(ui, lang, id, start, months, height);
                });
            });
        } else {
            table(ui, cx, &rows, findings, height);
            ui.add_space(8.0);
            // Under the table, the plot has the width and needs less height.
            self.series.plot(ui, lang, id, start, months, height * 0.6);
        }
    }
}

/// What the table shows.
struct Rows<'a> {
    partner_id: &'a PartnerId,
    partner: &'a Partner,
    start: Month,
    months: usize,
    scroll_to: Option<usize>,
}

/// The marks of one month's fields.
struct RowMarks {
    smart_workers: Option<Mark>,
    agile_days: Option<Mark>,
    scores: [Option<Mark>; 3],
    item: Vec<Mark>,
}

impl RowMarks {
    fn of(cx: &ViewCtx<'_>, findings: &FieldFindings, target: &Target) -> RowMarks {
        let field = |f| marks::field(cx, findings, target, f);
        RowMarks {
            smart_workers: field(Field::SmartWorkers),
            agile_days: field(Field::AgileDays),
            scores: [
                field(Field::Wellbeing),
                field(Field::WorkLifeBalance),
                field(Field::Belonging),
            ],
            item: marks::item(cx, findings, target),
        }
    }

    fn all(self) -> Vec<Mark> {
        [self.smart_workers, self.agile_days]
            .into_iter()
            .chain(self.scores)
            .flatten()
            .chain(self.item)
            .collect()
    }
}

const SCORE_KEYS: [&str; 3] = [
    "partner_data.observations.wellbeing",
    "partner_data.observations.work_life_balance",
    "partner_data.observations.belonging",
];

fn score(observation: &Observation, index: usize) -> Option<f64> {
    match index {
        0 => observation.wellbeing,
        1 => observation.work_life_balance,
        _ => observation.belonging,
    }
}

fn with_score(mut observation: Observation, index: usize, value: Option<f64>) -> Observation {
    match index {
        0 => observation.wellbeing = value,
        1 => observation.work_life_balance = value,
        _ => observation.belonging = value,
    }
    observation
}

/// A month not observed yet gets this observation when one of its cells is typed into.
fn blank() -> Observation {
    Observation::new(0, 0.0)
}

fn table(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    rows: &Rows<'_>,
    findings: &FieldFindings,
    height: f32,
) {
    let lang = cx.lang;
    let editable = cx.editable;
    let smartable = rows.partner.smartable;
    let row_height = marks::row_height(ui);
    let root = marks::root(rows.partner_id).with("observations");
    let headers = [
        tr(lang, "partner_data.observations.month"),
        tr(lang, "partner_data.observations.smart_workers"),
        tr(lang, "partner_data.observations.agile_days"),
        tr(lang, SCORE_KEYS[0]),
        tr(lang, SCORE_KEYS[1]),
        tr(lang, SCORE_KEYS[2]),
        tr(lang, "partner_data.observations.share"),
    ];
    let hints = [
        None,
        None,
        Some(tr(lang, "partner_data.observations.agile_days_hint")),
        Some(tr(lang, "partner_data.observations.scores_hint")),
        Some(tr(lang, "partner_data.observations.scores_hint")),
        Some(tr(lang, "partner_data.observations.scores_hint")),
        Some(tr(lang, "partner_data.observations.share_hint")),
    ];
    let mut edits = Vec::new();
    let mut builder = TableBuilder::new(ui)
        .id_salt(root.with("table"))
        .striped(true)
        .resizable(false)
        .vscroll(true)
        .max_scroll_height(height - row_height)
        .min_scrolled_height(height - row_height)
        .cell_layout(Layout::left_to_right(Align::Center))
        .columns(Column::auto(), headers.len());
    if editable {
        builder = builder.column(Column::auto());
    }
    builder = builder.column(Column::remainder().at_least(100.0).clip(true));
    if let Some(row) = rows.scroll_to {
        builder = builder.scroll_to_row(row, Some(Align::Center));
    }
    builder
        .header(row_height, |mut header| {
            for (text, hint) in headers.iter().zip(&hints) {
                header.col(|ui| {
                    let response = ui.strong(text.as_ref());
                    if let Some(hint) = hint {
                        response.on_hover_text(hint.as_ref());
                    }
                });
            }
            if editable {
                header.col(|_| {});
            }
            header.col(|ui| {
                ui.strong(tr(lang, "partner_data.sessions.findings"));
            });
        })
        .body(|body| {
            body.rows(row_height, rows.months, |mut row| {
                let month = rows.start.plus(row.index() as i32);
                let month_text = format::month(lang, month);
                let observed = rows.partner.observations.get(month).copied();
                let name = |field: &str| {
                    tr_args(
                        lang,
                        "partner_data.observations.cell_name",
                        &[("field", field), ("month", &month_text)],
                    )
                };
                let target = Target::Observation(rows.partner_id.clone(), month);
                let row_marks = RowMarks::of(cx, findings, &target);
                let cell = root.with(month);
                let put = |value: Observation| Edit::SetObservation {
                    partner: rows.partner_id.clone(),
                    month,
                    value: Some(value),
                };
                row.col(|ui| {
                    ui.label(&month_text);
                });
                row.col(|ui| {
                    let problem = marks::text(&row_marks.smart_workers);
                    let id = cell.with("smart_workers");
                    let label = name(&headers[1]);
                    match (observed, editable) {
                        (Some(o), true) => {
                            let out = integer_field(ui, id, &label, o.smart_workers, lang, problem);
                            if let Some(smart_workers) = out.value {
                                edits.push(put(Observation { smart_workers, ..o }));
                            }
                        }
                        (None, true) => {
                            let out = optional_integer_field(ui, id, &label, lang);
                            if let Some(Some(smart_workers)) = out.value {
                                edits.push(put(Observation {
                                    smart_workers,
                                    ..blank()
                                }));
                            }
                        }
                        (Some(o), false) => {
                            ui.label(format::integer(lang, o.smart_workers));
                        }
                        (None, false) => {}
                    }
                });
                row.col(|ui| {
                    let problem = marks::text(&row_marks.agile_days);
                    let id = cell.with("agile_days");
                    let label = name(&headers[2]);
                    match (observed, editable) {
                        (Some(o), true) => {
                            let out = decimal_field(ui, id, &label, o.agile_days, lang, problem);
                            if let Some(agile_days) = out.value {
                                edits.push(put(Observation { agile_days, ..o }));
                            }
                        }
                        (None, true) => {
                            let out = optional_decimal_field(ui, id, &label, None, lang, None);
                            if let Some(Some(agile_days)) = out.value {
                                edits.push(put(Observation {
                                    agile_days,
                                    ..blank()
                                }));
                            }
                        }
                        (Some(o), false) => {
                            ui.label(marks::number(lang, o.agile_days));
                        }
                        (None, false) => {}
                    }
                });
                for (index, mark) in row_marks.scores.iter().enumerate() {
                    row.col(|ui| {
                        let value = observed.and_then(|o| score(&o, index));
                        if !editable {
                            if let Some(value) = value {
                                ui.label(marks::number(lang, value));
                            }
                            return;
                        }
                        let id = cell.with(("score", index));
                        let label = name(&headers[3 + index]);
                        let problem = marks::text(mark);
                        let out = optional_decimal_field(ui, id, &label, value, lang, problem);
                        match (out.value, observed) {
                            (Some(value), Some(o)) => edits.push(put(with_score(o, index, value))),
                            (Some(Some(value)), None) => {
                                edits.push(put(with_score(blank(), index, Some(value))));
                            }
                            _ => {}
                        }
                    });
                }
                row.col(|ui| {
                    let share = observed
                        .filter(|_| smartable > 0)
                        .map(|o| o.smart_workers as f64 / smartable as f64 * 100.0);
                    if let Some(share) = share {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.label(format::percent(lang, share, 1));
                        });
                    }
                });
                if editable {
                    row.col(|ui| {
                        if observed.is_none() {
                            return;
                        }
                        let clear_name = tr_args(
                            lang,
                            "partner_data.observations.clear_name",
                            &[("month", &month_text)],
                        );
                        let response = ui
                            .add(Button::new(tr(lang, "partner_data.observations.clear")).small())
                            .accessible_name(clear_name);
                        if response.clicked() {
                            edits.push(Edit::SetObservation {
                                partner: rows.partner_id.clone(),
                                month,
                                value: None,
                            });
                        }
                    });
                }
                row.col(|ui| marks::cell(ui, &row_marks.all()));
            });
        });
    for edit in edits {
        cx.outbox.edit(edit);
    }
}

/// A count that may be left empty (a month not observed yet): empty text is no value.
fn optional_integer_field(ui: &mut Ui, id: Id, name: &str, lang: Lang) -> FieldOutput<Option<i64>> {
    let width = ui.text_style_height(&TextStyle::Body) * 5.5;
    parsed_field(ui, id, name, String::new(), width, lang, None, |text| {
        if text.trim().is_empty() {
            Some(None)
        } else {
            parse::integer(lang, text).map(Some)
        }
    })
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
