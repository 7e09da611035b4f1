//! The catalogue of modules (moduli aziendali): training or consulting units from which each
//! partner picks up to the project's maximum (9 in the programme).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::IndicatorId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub title: String,
    pub area: ModuleArea,
    pub format: ModuleFormat,
    /// Planned hours of one run of the module for one partner.
    pub hours: f64,
    pub audience: Audience,
    /// The POLA/PIAO indicators the module is meant to move.
    #[serde(default)]
    pub indicators: BTreeSet<IndicatorId>,
    /// A retired module stays in the catalogue so past choices keep their meaning, but is
    /// no longer offered.
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ModuleArea {
    Organisation,
    DigitalSkills,
    /// Leadership and management by objectives.
    Leadership,
    /// Rules and the smart-working regolamento.
    Rules,
    IndustrialRelations,
    TechnologyAndSecurity,
    /// Wellbeing and work-life balance.
    Wellbeing,
    ServicesToCitizens,
    MonitoringAndEvaluation,
}

impl ModuleArea {
    pub const ALL: [ModuleArea; 9] = [
        ModuleArea::Organisation,
        ModuleArea::DigitalSkills,
        ModuleArea::Leadership,
        ModuleArea::Rules,
        ModuleArea::IndustrialRelations,
        ModuleArea::TechnologyAndSecurity,
        ModuleArea::Wellbeing,
        ModuleArea::ServicesToCitizens,
        ModuleArea::MonitoringAndEvaluation,
    ];

    /// English label for command-line output; the app translates through its i18n layer.
    pub fn label(self) -> &'static str {
        match self {
            ModuleArea::Organisation => "Organisation",
            ModuleArea::DigitalSkills => "Digital skills",
            ModuleArea::Leadership => "Leadership and management by objectives",
            ModuleArea::Rules => "Rules and regolamento",
            ModuleArea::IndustrialRelations => "Industrial relations",
            ModuleArea::TechnologyAndSecurity => "Technology and security",
            ModuleArea::Wellbeing => "Wellbeing and work-life balance",
            ModuleArea::ServicesToCitizens => "Services to citizens",
            ModuleArea::MonitoringAndEvaluation => "Monitoring and evaluation",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ModuleFormat {
    Classroom,
    Online,
    /// Consulting or coaching.
    Coaching,
    Lab,
}

impl ModuleFormat {
    pub const ALL: [ModuleFormat; 4] = [
        ModuleFormat::Classroom,
        ModuleFormat::Online,
        ModuleFormat::Coaching,
        ModuleFormat::Lab,
    ];
}

/// Who a module is for: managers (dirigenti and posizioni organizzative), staff, or everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Audience {
    Managers,
    Staff,
    All,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Managers, Audience::Staff, Audience::All];
}
