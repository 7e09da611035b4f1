//! Staff figures of each Comune: population, headcount, managers, smartable staff, province.

use super::{Item, count};
use crate::exchange::change::{Target, Value};
use crate::exchange::row::RowReader;
use crate::exchange::schema::FieldKey;
use crate::model::edit::StaffField;

pub fn read(reader: &mut RowReader) -> Vec<Item> {
    let mut items = Vec::new();
    for (field, staff) in [
        (FieldKey::Population, StaffField::Population),
        (FieldKey::Headcount, StaffField::Headcount),
        (FieldKey::Managers, StaffField::Managers),
        (FieldKey::Smartable, StaffField::Smartable),
    ] {
        if let Some(value) = count(reader, field) {
            items.push((Target::Staff(staff), Value::Count(value)));
        }
    }
    if let Some(province) = reader.text(FieldKey::Province) {
        items.push((Target::Province, Value::Text(province.to_uppercase())));
    }
    items
}
