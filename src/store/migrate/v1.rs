//! Format 1: the project without a deck. Its top level is frozen here; the items below it
//! (partners, modules, scenarios) are read with today's types, which format 2 left as they
//! were. A format-1 file opens with the default deck of its own project.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    Deck, IndicatorDef, IndicatorId, Module, ModuleId, Partner, PartnerId, Project, ProjectMeta,
    Scenario, ScenarioId,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Project")]
pub(super) struct ProjectV1 {
    meta: ProjectMeta,
    #[serde(default)]
    catalogue: BTreeMap<ModuleId, Module>,
    #[serde(default)]
    indicators: BTreeMap<IndicatorId, IndicatorDef>,
    #[serde(default)]
    partners: BTreeMap<PartnerId, Partner>,
    #[serde(default)]
    scenarios: BTreeMap<ScenarioId, Scenario>,
}

pub(super) fn upgrade(v1: ProjectV1) -> Project {
    let mut project = Project {
        meta: v1.meta,
        catalogue: v1.catalogue,
        indicators: v1.indicators,
        partners: v1.partners,
        scenarios: v1.scenarios,
        deck: Deck::default(),
    };
    project.deck = Deck::default_for(&project);
    project
}
