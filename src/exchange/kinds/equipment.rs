//! Purchases of equipment: one row per purchase. A row with a purchase code is that
//! purchase; without one, the same Comune, kind, month ordered and unit cost make the same
//! purchase (see `Context::purchase`).

use super::{Context, Item, code, count};
use crate::exchange::change::{Target, Value};
use crate::exchange::normalise::normalise;
use crate::exchange::row::{Reason, RowReader};
use crate::exchange::schema::FieldKey;
use crate::exchange::values;
use crate::i18n::{Lang, findings::equipment_label};
use crate::model::{Equipment, EquipmentId, EquipmentKind, PartnerId};

pub fn read(reader: &mut RowReader, context: &mut Context, partner: &PartnerId) -> Vec<Item> {
    let kind = match reader.text(FieldKey::EquipmentKind) {
        Some(text) => match equipment_kind(&text) {
            Some(kind) => Some(kind),
            None => {
                reader.fail_at(FieldKey::EquipmentKind, Reason::UnknownEquipmentKind(text));
                None
            }
        },
        None => {
            reader.fail_at(
                FieldKey::EquipmentKind,
                Reason::Missing(FieldKey::EquipmentKind),
            );
            None
        }
    };
    let quantity = count(reader, FieldKey::Quantity);
    if quantity.is_none() && !reader.has(FieldKey::Quantity) {
        reader.fail_at(FieldKey::Quantity, Reason::Missing(FieldKey::Quantity));
    }
    let unit_cost = reader.require(FieldKey::UnitCost, values::money);
    let ordered = reader.get(FieldKey::Ordered, values::month);
    let delivered = reader.get(FieldKey::Delivered, values::month);
    let (Some(kind), Some(quantity), Some(unit_cost)) = (kind, quantity, unit_cost) else {
        return Vec::new();
    };
    if reader.failed() {
        return Vec::new();
    }
    let id = match reader.text(FieldKey::EquipmentId) {
        Some(text) => {
            let id = EquipmentId::new(code(&text));
            context.note_purchase(partner, &id);
            id
        }
        None => context.purchase(partner, kind, ordered, unit_cost),
    };
    let equipment = Equipment {
        kind,
        quantity,
        unit_cost,
        ordered,
        delivered,
    };
    vec![(Target::Equipment(id), Value::Equipment(equipment))]
}

/// A kind of equipment by its name in either language or a word offices use for it.
pub fn equipment_kind(text: &str) -> Option<EquipmentKind> {
    let wanted = normalise(text);
    EquipmentKind::ALL.into_iter().find(|kind| {
        Lang::ALL
            .iter()
            .any(|lang| normalise(&equipment_label(*lang, *kind)) == wanted)
            || normalise(kind.label()) == wanted
            || more_names(*kind).iter().any(|name| *name == wanted)
    })
}

fn more_names(kind: EquipmentKind) -> &'static [&'static str] {
    match kind {
        EquipmentKind::Laptop => &[
            "pc portatile",
            "portatile",
            "notebook",
            "computer portatile",
            "laptop",
            "pc portatili",
            "portatili",
        ],
        EquipmentKind::Tablet => &["tablet", "tablets"],
        EquipmentKind::VpnLicence => &["vpn", "licenza vpn", "licenze vpn", "vpn licence"],
        EquipmentKind::Softphone => &["softphone", "telefono software", "voip"],
        EquipmentKind::CollaborationLicence => &[
            "licenza collaborazione",
            "licenze collaborazione",
            "collaborazione",
            "collaboration",
        ],
        EquipmentKind::CloudLicence => &["licenza cloud", "licenze cloud", "cloud"],
        EquipmentKind::DigitalSignature => &["firma digitale", "firme digitali", "firma"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_their_labels_and_office_words() {
        assert_eq!(equipment_kind("Portatile"), Some(EquipmentKind::Laptop));
        assert_eq!(equipment_kind("PC portatile"), Some(EquipmentKind::Laptop));
        assert_eq!(equipment_kind("Laptop"), Some(EquipmentKind::Laptop));
        assert_eq!(
            equipment_kind("Firma digitale"),
            Some(EquipmentKind::DigitalSignature)
        );
        assert_eq!(equipment_kind("VPN"), Some(EquipmentKind::VpnLicence));
        assert_eq!(equipment_kind("Scrivania"), None);
    }
}
