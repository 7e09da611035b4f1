//! Where a line chart's months and values fall on the chart's canvas (CHART_WIDTH ×
//! CHART_HEIGHT units), shared by the PNG drawing (DOCX) and the vector drawing (PDF) so the
//! two documents show the same axes.

use super::Series;
use super::chart_png::{CHART_HEIGHT, CHART_WIDTH, nice_step};
use crate::model::Month;

pub(super) struct LineScale {
    pub first: Month,
    pub last: Month,
    /// The value between two grid lines, and the value at the top of the plot.
    pub step: f64,
    pub top_value: f64,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Months between the first and the last, at least 1.
    pub span: f32,
}

impl LineScale {
    /// The scale of `series`; `None` when they hold no month at all.
    pub fn of(series: &[Series]) -> Option<LineScale> {
        let months = series.iter().flat_map(|s| {
            s.points
                .iter()
                .map(|p| p.0)
                .chain(s.band.iter().map(|b| b.0))
        });
        let (first, last) = months.fold(None, |range: Option<(Month, Month)>, m| {
            Some(range.map_or((m, m), |(lo, hi)| (lo.min(m), hi.max(m))))
        })?;
        let max = series
            .iter()
            .flat_map(|s| {
                s.points
                    .iter()
                    .map(|p| p.1)
                    .chain(s.band.iter().map(|b| b.2))
            })
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let step = nice_step(if max > 0.0 { max * 1.05 } else { 1.0 });
        Some(LineScale {
            first,
            last,
            step,
            top_value: (max / step).ceil().max(1.0) * step,
            left: 150.0,
            right: CHART_WIDTH as f32 - 40.0,
            top: 110.0,
            bottom: CHART_HEIGHT as f32 - 80.0,
            span: last.months_since(first).max(1) as f32,
        })
    }

    pub fn x(&self, month: Month) -> f32 {
        self.left + (self.right - self.left) * month.months_since(self.first) as f32 / self.span
    }

    pub fn y(&self, value: f64) -> f32 {
        self.bottom - (self.bottom - self.top) * (value / self.top_value) as f32
    }
}
