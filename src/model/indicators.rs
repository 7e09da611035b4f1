//! Indicatori POLA/PIAO: the monitoring indicators of the national guidelines on agile work
//! (Piano Organizzativo del Lavoro Agile, now part of the PIAO).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Month;

/// An indicator of the project's indicator catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub name: String,
    pub block: IndicatorBlock,
    /// Unit of measure as users write it: "%", "€", "km", "kg CO2", "h", "score".
    pub unit: String,
    pub higher_is_better: bool,
}

/// The blocks of the POLA guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum IndicatorBlock {
    /// Salute organizzativa.
    OrganisationalHealth,
    /// Salute professionale.
    ProfessionalHealth,
    /// Salute digitale.
    DigitalHealth,
    /// Salute economico-finanziaria.
    EconomicHealth,
    Efficiency,
    Effectiveness,
    /// Impatti: km, CO2 and hours saved.
    Impacts,
}

impl IndicatorBlock {
    pub const ALL: [IndicatorBlock; 7] = [
        IndicatorBlock::OrganisationalHealth,
        IndicatorBlock::ProfessionalHealth,
        IndicatorBlock::DigitalHealth,
        IndicatorBlock::EconomicHealth,
        IndicatorBlock::Efficiency,
        IndicatorBlock::Effectiveness,
        IndicatorBlock::Impacts,
    ];
}

/// A partner's values for one indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValues {
    #[serde(default)]
    pub baseline: Option<f64>,
    /// Target per calendar year.
    #[serde(default)]
    pub targets: BTreeMap<i32, f64>,
    /// Observed value per month of measurement.
    #[serde(default)]
    pub observed: BTreeMap<Month, f64>,
}
