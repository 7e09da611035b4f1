//! Dotazioni: equipment bought so staff can work remotely.

use serde::{Deserialize, Serialize};

use super::{Cents, Month};

/// One acquisition: a quantity of one kind of equipment, ordered and delivered together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equipment {
    pub kind: EquipmentKind,
    pub quantity: i64,
    pub unit_cost: Cents,
    #[serde(default)]
    pub ordered: Option<Month>,
    #[serde(default)]
    pub delivered: Option<Month>,
}

impl Equipment {
    pub fn total_cost(&self) -> Cents {
        self.unit_cost * self.quantity
    }

    pub fn delivered_by(&self, month: Month) -> bool {
        self.delivered.is_some_and(|delivered| delivered <= month)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EquipmentKind {
    Laptop,
    Tablet,
    VpnLicence,
    Softphone,
    CollaborationLicence,
    CloudLicence,
    DigitalSignature,
}

impl EquipmentKind {
    pub const ALL: [EquipmentKind; 7] = [
        EquipmentKind::Laptop,
        EquipmentKind::Tablet,
        EquipmentKind::VpnLicence,
        EquipmentKind::Softphone,
        EquipmentKind::CollaborationLicence,
        EquipmentKind::CloudLicence,
        EquipmentKind::DigitalSignature,
    ];

    /// A device one person works on; coverage counts devices per smart worker.
    pub fn is_device(self) -> bool {
        matches!(self, EquipmentKind::Laptop | EquipmentKind::Tablet)
    }

    /// English label for command-line output; the app translates through its i18n layer.
    pub fn label(self) -> &'static str {
        match self {
            EquipmentKind::Laptop => "Laptop",
            EquipmentKind::Tablet => "Tablet",
            EquipmentKind::VpnLicence => "VPN licence",
            EquipmentKind::Softphone => "Softphone",
            EquipmentKind::CollaborationLicence => "Collaboration licence",
            EquipmentKind::CloudLicence => "Cloud licence",
            EquipmentKind::DigitalSignature => "Digital signature",
        }
    }
}
