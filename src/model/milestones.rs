//! Tappe: the milestones every partner passes on its way to smart working as a regime.

use serde::{Deserialize, Serialize};

use super::Month;

/// The milestones in the programme's usual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MilestoneKind {
    /// Mappatura delle attività smartabili: which activities can be done remotely.
    Mapping,
    /// Regolamento approved by the Giunta.
    Regolamento,
    /// Intesa sindacale: agreement with the unions.
    UnionAgreement,
    /// Accordi individuali signed with the first employees.
    IndividualAgreements,
    /// Dotazioni consegnate: equipment delivered to staff.
    EquipmentDelivered,
    /// Avvio pilota: the pilot starts.
    PilotStart,
    /// Regime: smart working is an ordinary, permanent way of working.
    Regime,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 7] = [
        MilestoneKind::Mapping,
        MilestoneKind::Regolamento,
        MilestoneKind::UnionAgreement,
        MilestoneKind::IndividualAgreements,
        MilestoneKind::EquipmentDelivered,
        MilestoneKind::PilotStart,
        MilestoneKind::Regime,
    ];

    /// Pairs (before, after) whose actual months are implausible when `after` comes first.
    /// Not a total order: the regolamento and the union agreement may come either way round,
    /// and equipment may arrive after the pilot has started.
    pub const PRECEDENCE: [(MilestoneKind, MilestoneKind); 8] = [
        (MilestoneKind::Mapping, MilestoneKind::Regolamento),
        (MilestoneKind::Mapping, MilestoneKind::PilotStart),
        (
            MilestoneKind::Regolamento,
            MilestoneKind::IndividualAgreements,
        ),
        (
            MilestoneKind::UnionAgreement,
            MilestoneKind::IndividualAgreements,
        ),
        (MilestoneKind::IndividualAgreements, MilestoneKind::Regime),
        (MilestoneKind::PilotStart, MilestoneKind::Regime),
        (MilestoneKind::EquipmentDelivered, MilestoneKind::Regime),
        (MilestoneKind::Regolamento, MilestoneKind::Regime),
    ];

    /// English label for command-line output; the app translates through its i18n layer.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Mapping => "Mapping of smartable activities",
            MilestoneKind::Regolamento => "Regolamento",
            MilestoneKind::UnionAgreement => "Union agreement",
            MilestoneKind::IndividualAgreements => "Individual agreements",
            MilestoneKind::EquipmentDelivered => "Equipment delivered",
            MilestoneKind::PilotStart => "Pilot start",
            MilestoneKind::Regime => "Regime",
        }
    }
}

/// When a milestone was planned and when it actually happened (if it has).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneDates {
    #[serde(default)]
    pub planned: Option<Month>,
    #[serde(default)]
    pub actual: Option<Month>,
}

impl MilestoneDates {
    /// Reached by the end of `month`.
    pub fn reached_by(&self, month: Month) -> bool {
        self.actual.is_some_and(|actual| actual <= month)
    }

    /// Late at `today`: planned before it and not reached by it, or reached after the plan.
    pub fn is_late(&self, today: Month) -> bool {
        match (self.planned, self.actual) {
            (Some(planned), Some(actual)) => actual > planned,
            (Some(planned), None) => planned < today,
            (None, _) => false,
        }
    }
}
