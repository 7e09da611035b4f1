//! Scenari: named what-if variations of the baseline plan, and the settings of the projection
//! model they may change. The projection engine (`analysis::projection`) reads them; the
//! formulas are in docs/model.md.

use serde::{Deserialize, Serialize};

use super::{
    Cents, EquipmentId, EquipmentKind, MilestoneKind, ModuleId, Month, PartnerId, Project,
};

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
    /// Deliver one of the partner's existing purchases in another month.
    MoveEquipment {
        partner: PartnerId,
        equipment: EquipmentId,
        delivered: Month,
    },
    /// Move every session of a module by `months` (negative: earlier), for one partner or
    /// for every partner that chose it.
    ShiftModule {
        partner: Option<PartnerId>,
        module: ModuleId,
        months: i32,
    },
    /// Set one of the projection model's settings.
    SetModelSetting {
        partner: Option<PartnerId>,
        setting: ModelSetting,
        value: f64,
    },
}

/// The projection model's settings a scenario may change one by one (the ceiling has its own
/// change, `SetCeiling`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ModelSetting {
    /// Share (0–1) of smartable staff allowed before the individual agreements.
    PilotShare,
    /// Share (0–1) of smartable staff who work on their own device.
    OwnDeviceShare,
    /// Relative rise of imitation q at full training completion (0.5: +50%).
    TrainingEffect,
    /// Innovation p used where there are too few observations to fit it.
    InnovationPrior,
    /// Imitation q used where there are too few observations to fit it.
    ImitationPrior,
}

impl ModelSetting {
    pub const ALL: [ModelSetting; 5] = [
        ModelSetting::PilotShare,
        ModelSetting::OwnDeviceShare,
        ModelSetting::TrainingEffect,
        ModelSetting::InnovationPrior,
        ModelSetting::ImitationPrior,
    ];

    /// The values the setting may take (both ends included).
    pub fn range(self) -> (f64, f64) {
        match self {
            ModelSetting::PilotShare | ModelSetting::OwnDeviceShare => (0.0, 1.0),
            ModelSetting::TrainingEffect => (0.0, MAX_TRAINING_EFFECT),
            ModelSetting::InnovationPrior => (MIN_INNOVATION, MAX_INNOVATION),
            ModelSetting::ImitationPrior => (MIN_IMITATION, MAX_IMITATION),
        }
    }

    /// English label for command-line output; the app translates through its i18n layer.
    pub fn label(self) -> &'static str {
        match self {
            ModelSetting::PilotShare => "pilot share",
            ModelSetting::OwnDeviceShare => "own-device share",
            ModelSetting::TrainingEffect => "training effect",
            ModelSetting::InnovationPrior => "innovation p (prior)",
            ModelSetting::ImitationPrior => "imitation q (prior)",
        }
    }
}

/// Bounds of the diffusion parameters, per month: calibration and draws stay inside them.
pub const MIN_INNOVATION: f64 = 0.0005;
pub const MAX_INNOVATION: f64 = 0.5;
pub const MIN_IMITATION: f64 = 0.001;
pub const MAX_IMITATION: f64 = 2.0;
/// Training can at most quadruple imitation (effect 3 = +300%).
pub const MAX_TRAINING_EFFECT: f64 = 3.0;

/// The projection model's settings for the baseline; a scenario changes them per partner or
/// for all. Sources of the defaults are in docs/model.md.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelSettings {
    /// Potential m = smartable staff × this share. The POLA floor is 60%.
    pub ceiling_share: f64,
    pub pilot_share: f64,
    pub own_device_share: f64,
    pub training_effect: f64,
    pub prior_p: f64,
    pub prior_q: f64,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            ceiling_share: 0.6,
            pilot_share: 0.05,
            own_device_share: 0.03,
            training_effect: 0.5,
            prior_p: 0.03,
            prior_q: 0.38,
        }
    }
}

impl ModelSettings {
    pub fn get(&self, setting: ModelSetting) -> f64 {
        match setting {
            ModelSetting::PilotShare => self.pilot_share,
            ModelSetting::OwnDeviceShare => self.own_device_share,
            ModelSetting::TrainingEffect => self.training_effect,
            ModelSetting::InnovationPrior => self.prior_p,
            ModelSetting::ImitationPrior => self.prior_q,
        }
    }

    pub fn set(&mut self, setting: ModelSetting, value: f64) {
        let field = match setting {
            ModelSetting::PilotShare => &mut self.pilot_share,
            ModelSetting::OwnDeviceShare => &mut self.own_device_share,
            ModelSetting::TrainingEffect => &mut self.training_effect,
            ModelSetting::InnovationPrior => &mut self.prior_p,
            ModelSetting::ImitationPrior => &mut self.prior_q,
        };
        *field = value;
    }
}

impl ScenarioChange {
    /// The partner the change is limited to, if any.
    pub fn partner(&self) -> Option<&PartnerId> {
        match self {
            ScenarioChange::ShiftMilestone { partner, .. }
            | ScenarioChange::SetCompletionRate { partner, .. }
            | ScenarioChange::SetCeiling { partner, .. }
            | ScenarioChange::SetAgileDays { partner, .. }
            | ScenarioChange::ShiftModule { partner, .. }
            | ScenarioChange::SetModelSetting { partner, .. } => partner.as_ref(),
            ScenarioChange::AddEquipment { partner, .. }
            | ScenarioChange::MoveEquipment { partner, .. } => Some(partner),
        }
    }

    /// Whether the change applies to `partner` (it names it, or names no partner).
    pub fn applies_to(&self, partner: &PartnerId) -> bool {
        self.partner().is_none_or(|p| p == partner)
    }

    /// The change in English words for command-line output, naming partners, modules and
    /// purchases as `project` names them; the app words changes through its i18n layer.
    pub fn describe(&self, project: &Project) -> String {
        let who = |partner: Option<&PartnerId>| match partner {
            None => "all partners".to_owned(),
            Some(id) => project
                .partners
                .get(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone()),
        };
        let module = |id: &ModuleId| {
            project
                .catalogue
                .get(id)
                .map_or_else(|| id.to_string(), |m| m.title.clone())
        };
        match self {
            ScenarioChange::ShiftMilestone {
                partner,
                milestone,
                months,
            } => format!(
                "{}: {} {}",
                who(partner.as_ref()),
                milestone.label(),
                shift_words(*months)
            ),
            ScenarioChange::AddEquipment {
                partner,
                kind,
                quantity,
                unit_cost,
                delivered,
            } => format!(
                "{}: +{quantity} × {} at {unit_cost} € each, delivered {delivered}",
                who(Some(partner)),
                kind.label()
            ),
            ScenarioChange::SetCompletionRate {
                partner,
                module: id,
                rate,
            } => format!(
                "{}: {} completed by {}",
                who(partner.as_ref()),
                module(id),
                percent(*rate)
            ),
            ScenarioChange::SetCeiling { partner, share } => format!(
                "{}: adoption ceiling {} of smartable staff",
                who(partner.as_ref()),
                percent(*share)
            ),
            ScenarioChange::SetAgileDays { partner, days } => format!(
                "{}: {days} agile days a month per smart worker",
                who(partner.as_ref())
            ),
            ScenarioChange::MoveEquipment {
                partner,
                equipment,
                delivered,
            } => {
                let item = project
                    .partners
                    .get(partner)
                    .and_then(|p| p.equipment.get(equipment))
                    .map_or_else(
                        || equipment.to_string(),
                        |e| format!("{} × {} ({equipment})", e.quantity, e.kind.label()),
                    );
                format!("{}: {item} delivered {delivered}", who(Some(partner)))
            }
            ScenarioChange::ShiftModule {
                partner,
                module: id,
                months,
            } => format!(
                "{}: sessions of {} {}",
                who(partner.as_ref()),
                module(id),
                shift_words(*months)
            ),
            ScenarioChange::SetModelSetting {
                partner,
                setting,
                value,
            } => {
                let value = match setting {
                    ModelSetting::PilotShare | ModelSetting::OwnDeviceShare => percent(*value),
                    ModelSetting::TrainingEffect => format!("+{}", percent(*value)),
                    ModelSetting::InnovationPrior | ModelSetting::ImitationPrior => {
                        value.to_string()
                    }
                };
                format!("{}: {} {value}", who(partner.as_ref()), setting.label())
            }
        }
    }
}

impl Scenario {
    /// Its changes in English words, one per change, in order.
    pub fn describe(&self, project: &Project) -> Vec<String> {
        self.changes.iter().map(|c| c.describe(project)).collect()
    }
}

fn shift_words(months: i32) -> String {
    let unit = if months.unsigned_abs() == 1 {
        "month"
    } else {
        "months"
    };
    match months {
        0 => "unchanged".to_owned(),
        ..0 => format!("{} {unit} earlier", months.unsigned_abs()),
        _ => format!("{months} {unit} later"),
    }
}

fn percent(share: f64) -> String {
    let value = share * 100.0;
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}%")
    } else {
        format!("{value:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Equipment, Partner};

    fn project() -> Project {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("Test", start, start.plus(11));
        let mut bra = Partner::new("Bra", "CN", start);
        bra.equipment.insert(
            "laptops-1".into(),
            Equipment {
                kind: EquipmentKind::Laptop,
                quantity: 12,
                unit_cost: Cents::from_euros(900),
                ordered: None,
                delivered: None,
            },
        );
        project.partners.insert("bra".into(), bra);
        project
    }

    #[test]
    fn changes_are_described_with_the_names_in_the_project() {
        let project = project();
        let bra = || PartnerId::from("bra");
        let words = |change: ScenarioChange| change.describe(&project);
        assert_eq!(
            words(ScenarioChange::ShiftMilestone {
                partner: None,
                milestone: MilestoneKind::UnionAgreement,
                months: -3,
            }),
            "all partners: Union agreement 3 months earlier"
        );
        assert_eq!(
            words(ScenarioChange::MoveEquipment {
                partner: bra(),
                equipment: "laptops-1".into(),
                delivered: Month::new(2025, 6).unwrap(),
            }),
            "Bra: 12 × Laptop (laptops-1) delivered 2025-06"
        );
        assert_eq!(
            words(ScenarioChange::ShiftModule {
                partner: Some(bra()),
                module: "ghost".into(),
                months: 1,
            }),
            "Bra: sessions of ghost 1 month later"
        );
        assert_eq!(
            words(ScenarioChange::SetModelSetting {
                partner: Some("cuneo".into()),
                setting: ModelSetting::TrainingEffect,
                value: 0.25,
            }),
            "cuneo: training effect +25%"
        );
        assert_eq!(
            words(ScenarioChange::SetCeiling {
                partner: None,
                share: 0.725,
            }),
            "all partners: adoption ceiling 72.5% of smartable staff"
        );
    }

    #[test]
    fn settings_read_and_write_by_name() {
        let mut settings = ModelSettings::default();
        for (i, setting) in ModelSetting::ALL.into_iter().enumerate() {
            let (min, max) = setting.range();
            assert!(min <= settings.get(setting) && settings.get(setting) <= max);
            settings.set(setting, i as f64 / 10.0);
        }
        assert_eq!(settings.pilot_share, 0.0);
        assert_eq!(settings.prior_q, 0.4);
        assert_eq!(
            settings.ceiling_share, 0.6,
            "the ceiling is not a ModelSetting"
        );
    }

    #[test]
    fn a_change_without_a_partner_applies_to_all() {
        let global = ScenarioChange::SetAgileDays {
            partner: None,
            days: 8.0,
        };
        assert!(global.applies_to(&"bra".into()));
        let moved = ScenarioChange::MoveEquipment {
            partner: "bra".into(),
            equipment: "laptops-1".into(),
            delivered: Month::new(2025, 6).unwrap(),
        };
        assert!(moved.applies_to(&"bra".into()));
        assert!(!moved.applies_to(&"alba".into()));
    }
}
