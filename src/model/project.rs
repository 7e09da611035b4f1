//! The whole programme: metadata, catalogues, partners and scenarios.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Deck, IndicatorDef, IndicatorId, Module, ModuleId, Month, Partner, PartnerId, Scenario,
    ScenarioId,
};

/// The programme's rule: each partner chooses 9 modules from the catalogue.
pub const DEFAULT_MAX_MODULES: u32 = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub meta: ProjectMeta,
    /// The module catalogue (moduli aziendali).
    #[serde(default)]
    pub catalogue: BTreeMap<ModuleId, Module>,
    /// The POLA/PIAO indicator catalogue.
    #[serde(default)]
    pub indicators: BTreeMap<IndicatorId, IndicatorDef>,
    #[serde(default)]
    pub partners: BTreeMap<PartnerId, Partner>,
    #[serde(default)]
    pub scenarios: BTreeMap<ScenarioId, Scenario>,
    /// The workshop deck (since format 2; older files open with the default deck).
    #[serde(default)]
    pub deck: Deck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectMeta {
    pub title: String,
    /// The funding programme's code for the project (e.g. a PON Governance CUP).
    #[serde(default)]
    pub programme_code: String,
    pub start: Month,
    pub end: Month,
    #[serde(default = "default_max_modules")]
    pub max_modules_per_partner: u32,
    /// The language names and descriptions in this project are written in.
    pub language: Language,
}

fn default_max_modules() -> u32 {
    DEFAULT_MAX_MODULES
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Language {
    Italian,
    English,
}

impl Project {
    /// An empty programme running from `start` to `end`, with the default deck.
    pub fn new(title: impl Into<String>, start: Month, end: Month) -> Project {
        let mut project = Project {
            meta: ProjectMeta {
                title: title.into(),
                programme_code: String::new(),
                start,
                end,
                max_modules_per_partner: DEFAULT_MAX_MODULES,
                language: Language::Italian,
            },
            catalogue: BTreeMap::new(),
            indicators: BTreeMap::new(),
            partners: BTreeMap::new(),
            scenarios: BTreeMap::new(),
            deck: Deck::default(),
        };
        project.deck = Deck::default_for(&project);
        project
    }

    /// Every month of the programme, first to last.
    pub fn months(&self) -> impl Iterator<Item = Month> {
        self.meta.start.through(self.meta.end)
    }

    /// The last month any partner has observed, the programme's "today" for figures.
    pub fn last_observed_month(&self) -> Option<Month> {
        self.partners
            .values()
            .filter_map(|p| p.observations.last().map(|(m, _)| m))
            .max()
    }
}
