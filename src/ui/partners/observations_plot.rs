//! The small plot beside the observations table: the smart workers of each observed month
//! over the programme, read as a count on its left axis and as a share of the smartable
//! staff on its right one.

use egui::Ui;
use egui_plot::{
    AxisHints, GridInput, GridMark, HPlacement, HoverPosition, Line, Plot, PlotBounds, PlotPoint,
    PlotPoints, Points,
};

use super::data_marks as marks;
use crate::i18n::{Lang, format, tr};
use crate::model::{Month, Partner, PartnerId};
use crate::ui::theme;
use crate::ui::widgets::section;

/// The plotted points, rebuilt when the project or the partner changes: the smart workers
/// of each observed month, split where a month was not observed so no line crosses a gap.
#[derive(Default)]
pub(super) struct Series {
    key: Option<(u64, PartnerId)>,
    pub(super) runs: Vec<Vec<PlotPoint>>,
    /// Every observed point, as markers (a month alone between gaps has no line).
    pub(super) points: Vec<PlotPoint>,
    pub(super) max: f64,
    smartable: i64,
}

impl Series {
    pub(super) fn refresh(
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
    pub(super) fn plot(
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
        // The plot cannot be zoomed or dragged, so its bounds are the data's, every frame:
        // egui_plot applies default bounds only once, and an edit to 150 would be drawn off
        // the top of a plot sized for 40.
        let bounds = PlotBounds::from_min_max(
            [-0.5, 0.0],
            [months.max(1) as f64 - 0.5, (self.max * 1.15).max(5.0)],
        );
        // A month's label ("set 2026") needs about 80 points; the two value axes take ~120.
        let most_marks = ((ui.available_width() - 120.0) / 80.0).floor().max(1.0) as usize;
        crate::ui::widgets::plot_menu::with_plot_menu(ui, lang, |ui| {
            let shown_plot = Plot::new(root)
                .id(root.with("plot"))
                .height(height)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .allow_double_click_reset(false)
                .x_grid_spacer(move |input| month_marks(input, start, most_marks))
                .x_axis_formatter(move |mark, _| month_label(lang, start, mark.value))
                .custom_y_axes(axes)
                .label_formatter(move |position| hover_text(lang, start, smartable, position))
                .show(ui, |plot_ui| {
                    plot_ui.set_plot_bounds(bounds);
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
            let plot_response = shown_plot.response.clone();
            (shown_plot, plot_response)
        });
    }
}

/// "mar 2026" at a whole month of the programme, nothing elsewhere.
pub(super) fn month_label(lang: Lang, start: Month, value: f64) -> String {
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
pub(super) fn month_marks(input: GridInput, start: Month, most: usize) -> Vec<GridMark> {
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
pub(super) fn hover_text(
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
