//! The points the scenario plots draw, built when new figures arrive (or the partners shown
//! change) and borrowed by the plots every frame. x counts months from the programme's
//! start; y is people working agile.
//!
//! Each projection's line starts at the last observation (the sum of the partners' starting
//! points for the consortium), so it continues the observed history without a gap.

use std::sync::Arc;

use egui_plot::PlotPoint;

use super::words::partner_name;
use crate::analysis::projection::{PartnerProjection, Projection, Quantiles};
use crate::analysis::scenario_figures::{COMPARE_AFTER, ScenarioFigures};
use crate::model::{Month, PartnerId, Project};
use crate::ui::ViewCtx;

/// A median line and, when the draws were kept, the P10–P90 area around it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Band {
    pub xs: Vec<f64>,
    pub low: Vec<f64>,
    pub high: Vec<f64>,
    pub median: Vec<PlotPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSeries {
    pub id: PartnerId,
    pub name: String,
    pub observed: Vec<PlotPoint>,
    pub baseline: Band,
    pub scenario: Option<Band>,
    /// Medians in the month the small plots quote: baseline, scenario.
    pub quoted: Option<(f64, Option<f64>)>,
}

/// What the points were built from: the very projections (by pointer), the figures of the
/// dashboard (observed history) and the partners shown.
struct Key {
    baseline: Arc<Projection>,
    scenario: Option<Arc<Projection>>,
    others: Vec<Arc<Projection>>,
    revision: u64,
    shown: Vec<PartnerId>,
}

impl Key {
    fn matches(&self, revision: u64, figures: &ScenarioFigures, shown: &[PartnerId]) -> bool {
        let same_scenario = match (&self.scenario, &figures.scenario) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_others = self.others.len() == figures.others.len()
            && self
                .others
                .iter()
                .zip(&figures.others)
                .all(|(a, (_, b))| Arc::ptr_eq(a, b));
        Arc::ptr_eq(&self.baseline, &figures.baseline)
            && same_scenario
            && same_others
            && self.revision == revision
            && self.shown == shown
    }
}

#[derive(Default)]
pub struct Series {
    key: Option<Key>,
    /// Where x = 0 is.
    pub start: Option<Month>,
    /// x of the last observed month.
    pub anchor: f64,
    /// The consortium's observed smart workers up to the anchor.
    pub observed: Vec<PlotPoint>,
    pub baseline: Band,
    pub scenario: Option<Band>,
    /// The other scenarios' medians, by name, when the view overlays them.
    pub others: Vec<(String, Vec<PlotPoint>)>,
    pub partners: Vec<PartnerSeries>,
    /// The month the small plots quote (12 months ahead).
    pub quoted_month: Option<Month>,
    rebuilds: u64,
}

impl Series {
    /// Rebuilds the points when the figures or the partners `shown` changed.
    pub fn refresh(&mut self, cx: &ViewCtx<'_>, figures: &ScenarioFigures, shown: &[PartnerId]) {
        if self
            .key
            .as_ref()
            .is_some_and(|key| key.matches(cx.revision, figures, shown))
        {
            return;
        }
        self.rebuild(cx, figures, shown);
        self.key = Some(Key {
            baseline: Arc::clone(&figures.baseline),
            scenario: figures.scenario.clone(),
            others: figures.others.iter().map(|(_, p)| Arc::clone(p)).collect(),
            revision: cx.revision,
            shown: shown.to_vec(),
        });
    }

    fn rebuild(&mut self, cx: &ViewCtx<'_>, figures: &ScenarioFigures, shown: &[PartnerId]) {
        self.rebuilds += 1;
        let project = cx.project;
        let start = project.meta.start;
        let x = |month: Month| f64::from(month.months_since(start));
        let baseline = &figures.baseline;
        self.start = Some(start);
        self.anchor = x(baseline.anchor);
        self.observed = cx
            .dashboard
            .months
            .iter()
            .zip(&cx.dashboard.kpis.smart_workers.trend)
            .filter(|(month, _)| **month <= baseline.anchor)
            .filter_map(|(month, value)| value.map(|v| PlotPoint::new(x(*month), v)))
            .collect();
        self.baseline = consortium_band(baseline, x);
        self.scenario = figures
            .scenario
            .as_deref()
            .map(|scenario| consortium_band(scenario, x));
        self.others = figures
            .others
            .iter()
            .map(|(id, projection)| {
                let name = project
                    .scenarios
                    .get(id)
                    .map_or_else(|| id.to_string(), |s| s.name.clone());
                (name, consortium_band(projection, x).median)
            })
            .collect();
        let quoted_month = baseline.anchor.plus(COMPARE_AFTER[1]);
        self.quoted_month = Some(quoted_month);
        self.partners = shown
            .iter()
            .filter_map(|id| {
                let base = baseline.partner(id)?;
                let scenario = figures.scenario.as_deref().and_then(|s| s.partner(id));
                let quoted_index = usize::try_from(COMPARE_AFTER[1] - 1).ok()?;
                Some(PartnerSeries {
                    id: id.clone(),
                    name: partner_name(project, id),
                    observed: observed(project, id, baseline.anchor, x),
                    baseline: partner_band(base, &baseline.months, x),
                    scenario: scenario.map(|s| partner_band(s, &baseline.months, x)),
                    quoted: median_at(base, quoted_index)
                        .map(|b| (b, scenario.and_then(|s| median_at(s, quoted_index)))),
                })
            })
            .collect();
    }

    #[cfg(test)]
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }
}

/// The consortium's band, from the sum of the partners' starting points.
fn consortium_band(projection: &Projection, x: impl Fn(Month) -> f64) -> Band {
    let start: f64 = projection
        .partners
        .iter()
        .filter_map(|p| p.start.map(|(_, people)| people))
        .sum();
    band(
        Some((x(projection.anchor), start)),
        projection.months.iter().map(|m| x(*m)),
        projection.consortium.iter().copied(),
    )
}

fn partner_band(partner: &PartnerProjection, months: &[Month], x: impl Fn(Month) -> f64) -> Band {
    let start = partner.start.map(|(month, people)| (x(month), people));
    match &partner.band {
        Some(quantiles) => band(
            start,
            months.iter().map(|m| x(*m)),
            quantiles.iter().copied(),
        ),
        // No draws kept for this partner: its mean, without an area.
        None => Band {
            median: start
                .map(|(x0, y0)| PlotPoint::new(x0, y0))
                .into_iter()
                .chain(
                    months
                        .iter()
                        .zip(&partner.mean)
                        .map(|(m, v)| PlotPoint::new(x(*m), *v)),
                )
                .collect(),
            ..Band::default()
        },
    }
}

/// A band from `start` (the last observation) through the projected months.
fn band(
    start: Option<(f64, f64)>,
    xs: impl Iterator<Item = f64>,
    quantiles: impl Iterator<Item = Quantiles>,
) -> Band {
    let mut out = Band::default();
    if let Some((x0, y0)) = start {
        out.xs.push(x0);
        out.low.push(y0);
        out.high.push(y0);
        out.median.push(PlotPoint::new(x0, y0));
    }
    for (x, q) in xs.zip(quantiles) {
        if !(q.p10.is_finite() && q.p50.is_finite() && q.p90.is_finite()) {
            continue;
        }
        out.xs.push(x);
        out.low.push(q.p10);
        out.high.push(q.p90);
        out.median.push(PlotPoint::new(x, q.p50));
    }
    out
}

/// The partner's median (its mean when no band was kept) in month `index` of the projection.
fn median_at(partner: &PartnerProjection, index: usize) -> Option<f64> {
    match partner.band_at(index) {
        Some(q) => Some(q.p50),
        None if partner.band.is_none() => partner.mean.get(index).copied(),
        None => None,
    }
}

/// The partner's observed smart workers up to `anchor`.
fn observed(
    project: &Project,
    id: &PartnerId,
    anchor: Month,
    x: impl Fn(Month) -> f64,
) -> Vec<PlotPoint> {
    project.partners.get(id).map_or_else(Vec::new, |partner| {
        partner
            .observations
            .iter()
            .filter(|(month, _)| *month <= anchor)
            .map(|(month, o)| PlotPoint::new(x(month), o.smart_workers as f64))
            .collect()
    })
}
