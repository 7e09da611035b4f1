//! Scenari: named what-if variations of the baseline plan. The projection engine that reads
//! them comes later; the file format already has their place.

use serde::{Deserialize, Serialize};

use super::{Cents, EquipmentKind, MilestoneKind, ModuleId, Month, PartnerId};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Applied in order on top of the baseline.
    #[serde(default)]
    pub changes: Vec<ScenarioChange>,
}

/// One change to the baseline. `partner: None` applies to every partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ScenarioChange {
    /// Move a milestone's month by `months` (negative: earlier).
    ShiftMilestone {
        partner: Option<PartnerId>,
        milestone: MilestoneKind,
        months: i32,
    },
    /// Buy more equipment, delivered in `delivered`.
    AddEquipment {
        partner: PartnerId,
        kind: EquipmentKind,
        quantity: i64,
        unit_cost: Cents,
        delivered: Month,
    },
    /// Completion rate (0–1) a module reaches.
    SetCompletionRate {
        partner: Option<PartnerId>,
        module: ModuleId,
        rate: f64,
    },
    /// Share (0–1) of smartable staff who can ever work agile.
    SetCeiling {
        partner: Option<PartnerId>,
        share: f64,
    },
    /// Average agile days per smart worker per month.
    SetAgileDays {
        partner: Option<PartnerId>,
        days: f64,
    },
}

impl ScenarioChange {
    /// The partner the change is limited to, if any.
    pub fn partner(&self) -> Option<&PartnerId> {
        match self {
            ScenarioChange::ShiftMilestone { partner, .. }
            | ScenarioChange::SetCompletionRate { partner, .. }
            | ScenarioChange::SetCeiling { partner, .. }
            | ScenarioChange::SetAgileDays { partner, .. } => partner.as_ref(),
            ScenarioChange::AddEquipment { partner, .. } => Some(partner),
        }
    }
}
