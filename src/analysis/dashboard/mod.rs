//! Everything the overview dashboard shows, derived in one pass per model revision so the
//! views only borrow it (nothing is recomputed per frame).
//!
//! Percentages here are 0–100 (what the views print and plot); the other analysis modules
//! keep 0–1 ratios.
//!
//! KPI history. The figures are consortium totals month by month over the programme, up to
//! the KPI month: `as_of`, clamped into the programme when it falls outside (observations
//! outside the programme count in no figure). A project without partners has no KPI values.
//! - **staff**, **smartable**: the current Σ headcount and Σ smartable in every month, since
//!   the model keeps no history of staff figures.
//! - **smart workers**: Σ over the partners observed in the month (`None` when nobody
//!   reported); **adoption**: `analysis::consortium_adoption`'s share of smartable staff.
//! - **completion**: attendance registers date sessions, not completions, so a month's
//!   completions are estimated: each module choice's completed staff count in proportion to
//!   the share of its session hours held by the end of the month. Estimated completed by m =
//!   Σ over choices of completed × (hours of its sessions held by m / hours of all its
//!   sessions), over Σ enrolled (everyone enrolls at the start). Sessions before the
//!   programme count in its first month; a choice without session hours counts in no month.
//!   The value at the KPI month is the recorded Σ completed / Σ enrolled (as in the summary
//!   and the training chart), so the sparkline ends where the card's figure is.
//! - **hours per employee**: Σ hours × attendees of the sessions held by the month (sessions
//!   before the programme in its first month) / Σ headcount.
//! - **coverage**: over the partners observed in the month, Σ devices
//!   (`EquipmentKind::is_device`) delivered by the month / Σ smart workers; the same partners
//!   on both sides, as for adoption.
//! - **spend**: Σ quantity × unit cost of the acquisitions ordered by the month; an
//!   acquisition without an order month counts from its delivery, one with neither from the
//!   first month (it is recorded, so its cost is committed, as in the summary's spend).
//!   Orders before the programme count in its first month.
//!
//! The adoption band takes the partners whose adoption is known in the month (observed, with
//! smartable staff). Percentiles interpolate linearly between order statistics, the
//! definition of numpy's default, R's type 7 and spreadsheets' PERCENTILE.INC: for n sorted
//! values x₀ ≤ … ≤ xₙ₋₁, Pₚ = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) with h = (n − 1)·p.

mod adoption_view;
mod compute;
mod kpis;
mod milestone_grid;

pub use compute::dashboard;

use std::collections::BTreeMap;

use crate::analysis::{Summary, Training};
use crate::model::validate::Finding;
use crate::model::{MilestoneKind, Month, PartnerId};

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// "Today" for the figures: `analysis::default_as_of`.
    pub as_of: Month,
    /// Whether any partner has observed a month; when none has, `as_of` is the programme's
    /// end, a month to come, and "figures as of" it would mislead.
    pub anything_observed: bool,
    /// Every month of the programme, `meta.start ..= meta.end`; every monthly series below
    /// has one element per month in this order.
    pub months: Vec<Month>,
    pub summary: Summary,
    pub kpis: Kpis,
    pub adoption: AdoptionView,
    pub training: Training,
    pub milestones: MilestoneGrid,
    /// `validate(project)`, errors first, then warnings, each in path order.
    pub findings: Vec<Finding>,
    /// Partner ids sorted by name (case-insensitive), then id: the order every list uses.
    pub partner_order: Vec<PartnerId>,
}

/// One consortium figure with its history, for a KPI card.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kpi {
    /// The value at `as_of` (the KPI month: see the module documentation).
    pub value: Option<f64>,
    /// The value a month before `as_of`, for the "+x vs previous month" delta; `None` when
    /// `as_of` is the programme's first month.
    pub previous: Option<f64>,
    /// The value in every month of the programme up to `as_of` (later months `None`),
    /// for a sparkline.
    pub trend: Vec<Option<f64>>,
}

/// Consortium KPIs. Units: people for counts, percent 0–100 for shares, hours, euros.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kpis {
    pub staff: Kpi,
    pub smartable: Kpi,
    pub smart_workers: Kpi,
    /// Σ smart workers / Σ smartable of the partners observed, percent.
    pub adoption: Kpi,
    /// Σ completed / Σ enrolled, percent; the trend estimates completion by a month from the
    /// share of each choice's session hours held by then (completion comes from attendance).
    pub completion: Kpi,
    /// Σ hours × attendees of sessions held by the month / headcount.
    pub hours_per_employee: Kpi,
    /// Devices delivered by the month / smart workers in the month, percent.
    pub coverage: Kpi,
    /// Σ quantity × unit cost of equipment ordered by the month, in euros.
    pub spend: Kpi,
}

/// Adoption over time as plotted: percent of smartable staff, per month of the programme.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AdoptionView {
    pub consortium: Vec<Option<f64>>,
    /// P10, P50 and P90 across the partners observed in each month with smartable staff
    /// (`None` with fewer than 3 of them): what the plot draws instead of thousands of
    /// lines. Percentile definition in the module documentation.
    pub band: Vec<Option<Band>>,
    pub partners: BTreeMap<PartnerId, Vec<Option<f64>>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Partners × milestones, in `partner_order`; columns in `MilestoneKind::ALL` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MilestoneGrid {
    pub rows: Vec<MilestoneRow>,
    /// Late milestones across all partners at `as_of`.
    pub late: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    pub partner: PartnerId,
    pub name: String,
    pub cells: Vec<MilestoneCell>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MilestoneCell {
    pub kind: MilestoneKind,
    pub planned: Option<Month>,
    pub actual: Option<Month>,
    /// `MilestoneDates::is_late` at `as_of` with the dates as known then
    /// (`analysis::late_milestones`): an actual month after `as_of` has not happened yet.
    pub late: bool,
}
