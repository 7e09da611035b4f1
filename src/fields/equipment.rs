//! The equipment table (dotazioni): kind, quantity, unit cost, order and delivery months,
//! and each item's total.

use crate::model::validate::{Field, Target};
use crate::model::{Edit, Equipment, EquipmentId, Partner, PartnerId};

use super::column::field_column;
use super::keyed::KeyedSheet;
use super::{Column, Kind, Value};

pub fn columns() -> Vec<Column<Equipment>> {
    vec![
        field_column!(required, "partner_data.equipment.kind", Equipment, kind),
        field_column!(
            required,
            "partner_data.equipment.quantity",
            Equipment,
            quantity
        )
        .checked_as(Field::Quantity),
        field_column!(
            required,
            "partner_data.equipment.unit_cost",
            Equipment,
            unit_cost
        )
        .checked_as(Field::UnitCost),
        field_column!(
            optional,
            "partner_data.equipment.ordered",
            Equipment,
            ordered
        )
        .checked_as(Field::Ordered),
        field_column!(
            optional,
            "partner_data.equipment.delivered",
            Equipment,
            delivered
        )
        .checked_as(Field::Delivered),
        // "—" when quantity × unit cost does not fit.
        Column::new(
            "partner_data.equipment.total",
            Kind::Money,
            |item: &Equipment| {
                (item.unit_cost.times(item.quantity)).map_or(Value::Empty, Value::Money)
            },
        ),
    ]
}

/// One partner's equipment in the order a person reads a purchase log: by order month,
/// items not ordered yet (a new one) last.
pub type EquipmentSheet<'a> = KeyedSheet<'a, EquipmentId, Equipment>;

impl<'a> EquipmentSheet<'a> {
    pub fn new(partner: &'a PartnerId, items: &'a Partner) -> EquipmentSheet<'a> {
        let mut rows: Vec<_> = items.equipment.iter().collect();
        rows.sort_by_key(|(id, item)| (item.ordered.is_none(), item.ordered, *id));
        let put = |equipment: &EquipmentId, value| Edit::PutEquipment {
            partner: partner.clone(),
            equipment: equipment.clone(),
            value,
        };
        let target =
            |equipment: &EquipmentId| Target::Equipment(partner.clone(), equipment.clone());
        KeyedSheet::keyed(rows, columns(), put, target)
    }
}
