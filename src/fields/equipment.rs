//! The equipment table (dotazioni): kind, quantity, unit cost, order and delivery months,
//! and each item's total.

use crate::model::validate::{Field, Target};
use crate::model::{Edit, Equipment, EquipmentId, Partner, PartnerId};

use super::{Column, Kind, Sheet, Value};

pub fn columns() -> Vec<Column<Equipment>> {
    vec![
        Column::required(
            "partner_data.equipment.kind",
            |item: &Equipment| item.kind,
            |item, kind| item.kind = kind,
        ),
        Column::required(
            "partner_data.equipment.quantity",
            |item: &Equipment| item.quantity,
            |item, quantity| item.quantity = quantity,
        )
        .checked_as(Field::Quantity),
        Column::required(
            "partner_data.equipment.unit_cost",
            |item: &Equipment| item.unit_cost,
            |item, cost| item.unit_cost = cost,
        )
        .checked_as(Field::UnitCost),
        Column::optional(
            "partner_data.equipment.ordered",
            |item: &Equipment| item.ordered,
            |item, month| item.ordered = month,
        )
        .checked_as(Field::Ordered),
        Column::optional(
            "partner_data.equipment.delivered",
            |item: &Equipment| item.delivered,
            |item, month| item.delivered = month,
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
pub struct EquipmentSheet<'a> {
    partner: &'a PartnerId,
    rows: Vec<(&'a EquipmentId, &'a Equipment)>,
    columns: Vec<Column<Equipment>>,
}

impl<'a> EquipmentSheet<'a> {
    pub fn new(id: &'a PartnerId, partner: &'a Partner) -> EquipmentSheet<'a> {
        let mut rows: Vec<_> = partner.equipment.iter().collect();
        rows.sort_by_key(|(id, item)| (item.ordered.is_none(), item.ordered, *id));
        EquipmentSheet {
            partner: id,
            rows,
            columns: columns(),
        }
    }

    fn id(&self, row: usize) -> &EquipmentId {
        self.rows[row].0
    }

    fn put_value(&self, row: usize, value: Option<Equipment>) -> Edit {
        Edit::PutEquipment {
            partner: self.partner.clone(),
            equipment: self.id(row).clone(),
            value,
        }
    }
}

impl Sheet for EquipmentSheet<'_> {
    type Item = Equipment;

    fn columns(&self) -> &[Column<Equipment>] {
        &self.columns
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn item(&self, row: usize) -> Equipment {
        self.rows[row].1.clone()
    }

    fn put(&self, row: usize, item: Equipment) -> Edit {
        self.put_value(row, Some(item))
    }

    fn delete(&self, row: usize) -> Option<Edit> {
        Some(self.put_value(row, None))
    }

    fn target(&self, row: usize) -> Target {
        Target::Equipment(self.partner.clone(), self.id(row).clone())
    }
}
