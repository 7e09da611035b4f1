//! A Comune partner and everything the programme records about it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Equipment, EquipmentId, IndicatorId, IndicatorValues, MilestoneDates, MilestoneKind, ModuleId,
    Month, Observations, SessionId,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    /// Province code as on Italian number plates ("CN", "TO").
    pub province: String,
    /// The Comune's ISTAT code (six digits, `004029`), when known: spreadsheets from the
    /// offices often name Comuni by it. Older files have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub istat: Option<String>,
    pub population: i64,
    /// All staff (dipendenti) of the Comune.
    pub headcount: i64,
    /// Dirigenti and posizioni organizzative.
    pub managers: i64,
    /// Staff whose activities can be done remotely (attività smartabili).
    pub smartable: i64,
    #[serde(default)]
    pub milestones: BTreeMap<MilestoneKind, MilestoneDates>,
    /// The modules this partner chose from the catalogue.
    #[serde(default)]
    pub modules: BTreeMap<ModuleId, ModuleChoice>,
    #[serde(default)]
    pub equipment: BTreeMap<EquipmentId, Equipment>,
    pub observations: Observations,
    #[serde(default)]
    pub indicators: BTreeMap<IndicatorId, IndicatorValues>,
}

impl Partner {
    /// A partner with its staff figures and nothing recorded yet.
    pub fn new(name: impl Into<String>, province: impl Into<String>, start: Month) -> Partner {
        Partner {
            name: name.into(),
            province: province.into(),
            istat: None,
            population: 0,
            headcount: 0,
            managers: 0,
            smartable: 0,
            milestones: BTreeMap::new(),
            modules: BTreeMap::new(),
            equipment: BTreeMap::new(),
            observations: Observations::empty(start),
            indicators: BTreeMap::new(),
        }
    }

    pub fn milestone(&self, kind: MilestoneKind) -> MilestoneDates {
        self.milestones.get(&kind).copied().unwrap_or_default()
    }
}

/// A module chosen by a partner: who enrolled, who completed, and its dated sessions
/// (the registro presenze).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleChoice {
    pub enrolled: i64,
    pub completed: i64,
    #[serde(default)]
    pub sessions: BTreeMap<SessionId, Session>,
}

impl ModuleChoice {
    /// Person-hours of training delivered: hours × attendees over all sessions.
    pub fn person_hours(&self) -> f64 {
        self.sessions
            .values()
            .map(|s| s.hours * s.attendees as f64)
            .sum()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub date: jiff::civil::Date,
    pub hours: f64,
    pub attendees: i64,
}
