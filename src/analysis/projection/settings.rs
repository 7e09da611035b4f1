//! How a projection runs: the model's settings for the baseline, which drivers are on, how far
//! ahead, how many draws, the seed, and which partners get their own bands.

use std::collections::BTreeSet;

use crate::model::{ModelSettings, PartnerId};

/// The drivers of docs/model.md, each of which can be switched off to see its effect (and so
/// the plain Bass curve can be checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drivers {
    /// No adoption before the regolamento and the intesa sindacale.
    pub gating: bool,
    /// At most the pilot share of smartable staff before the individual agreements.
    pub pilot_cap: bool,
    /// At most the devices delivered plus the staff working on their own device.
    pub equipment_cap: bool,
    /// Training completion raises imitation q.
    pub training: bool,
}

impl Drivers {
    pub const ALL: Drivers = Drivers {
        gating: true,
        pilot_cap: true,
        equipment_cap: true,
        training: true,
    };
    pub const NONE: Drivers = Drivers {
        gating: false,
        pilot_cap: false,
        equipment_cap: false,
        training: false,
    };
}

impl Default for Drivers {
    fn default() -> Self {
        Drivers::ALL
    }
}

/// Which partners get P10/P50/P90 bands of their own (the consortium band is always there).
/// Each partner band sorts its draws every month, which at national scale costs more than the
/// whole simulation: the app asks only for the partners it shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PartnerBands {
    #[default]
    All,
    Only(BTreeSet<PartnerId>),
}

impl PartnerBands {
    pub fn includes(&self, partner: &PartnerId) -> bool {
        match self {
            PartnerBands::All => true,
            PartnerBands::Only(partners) => partners.contains(partner),
        }
    }
}

/// Which band a projection reports (docs/model.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BandKind {
    /// What will be observed: the expected count plus the noise of an observation. The
    /// wider band, and the one a figure reported next month should fall in.
    #[default]
    Observed,
    /// The expected count: the model's level without the noise of an observation.
    Expected,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionSettings {
    /// The baseline's model settings; a scenario's changes apply on top.
    pub model: ModelSettings,
    pub drivers: Drivers,
    /// Months projected after the last observed month.
    pub horizon: u32,
    /// Monte Carlo draws of (p, q) per partner.
    pub draws: usize,
    pub seed: u64,
    /// Spread (standard deviation of ln p and ln q) of the priors, for partners with too few
    /// observations to fit; also tempers the spread of fitted partners (docs/model.md).
    pub prior_spread: (f64, f64),
    /// Spread (standard deviation of ln ceiling share) of the ceiling's prior around the
    /// model's ceiling share: what the ceiling may be when the data cannot tell it; 0 takes
    /// the ceiling share as exact (docs/model.md §5).
    pub ceiling_spread: f64,
    pub partner_bands: PartnerBands,
    pub band: BandKind,
    /// The observation noise (relative sd) to assume for every partner instead of the one
    /// estimated from the residuals; `Some(0.0)`: observations are exact.
    pub noise: Option<f64>,
}

/// Standard deviation of ln ceiling share in its prior: a programme assumption, a factor
/// 1.22 either way at one sd (60% of smartable staff: 49–73%), so eight partners in ten
/// between about 47% and 77%.
pub const DEFAULT_CEILING_SPREAD: f64 = 0.2;

/// Longest projection: fifty years, as the demo's longest programme.
pub const MAX_HORIZON: u32 = 600;
/// More draws than this add nothing a plot or a table can show.
pub const MAX_DRAWS: usize = 100_000;

impl Default for ProjectionSettings {
    fn default() -> Self {
        ProjectionSettings {
            model: ModelSettings::default(),
            drivers: Drivers::ALL,
            horizon: 24,
            draws: 500,
            seed: 2025,
            prior_spread: (0.5, 0.35),
            ceiling_spread: DEFAULT_CEILING_SPREAD,
            partner_bands: PartnerBands::All,
            band: BandKind::Observed,
            noise: None,
        }
    }
}

impl ProjectionSettings {
    /// Horizon and draws within the engine's limits (at least one of each).
    pub(crate) fn horizon_months(&self) -> usize {
        self.horizon.clamp(1, MAX_HORIZON) as usize
    }

    pub(crate) fn draw_count(&self) -> usize {
        self.draws.clamp(1, MAX_DRAWS)
    }
}
