//! POLA/PIAO indicator values: per Comune and indicator, a baseline, yearly targets
//! (`Obiettivo 2025` columns) and a value observed in a month. Values are stored in the unit
//! the indicator names, so `44,2%` is 44.2 (a "%" indicator holds percentage points).

use super::{Context, Item};
use crate::exchange::change::{Target, Value};
use crate::exchange::row::{Reason, RowReader};
use crate::exchange::schema::FieldKey;
use crate::exchange::values;

pub fn read(reader: &mut RowReader, context: &mut Context) -> Vec<Item> {
    let indicator = context.indicator(reader);
    let value_of = |cell: &_| values::number(cell).map(|n| n.map(|n| n.value));
    let baseline = reader.get(FieldKey::Baseline, value_of);
    let targets: Vec<(i32, f64)> = reader
        .mapping
        .columns
        .clone()
        .into_iter()
        .flatten()
        .filter_map(|field| match field {
            FieldKey::Target(year) => reader.get(field, value_of).map(|v| (year, v)),
            _ => None,
        })
        .collect();
    let month = reader.get(FieldKey::Month, values::month);
    let observed = reader.get(FieldKey::Value, value_of);
    let Some(indicator) = indicator else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if let Some(baseline) = baseline {
        items.push((Target::Baseline(indicator.clone()), Value::Number(baseline)));
    }
    for (year, target) in targets {
        items.push((
            Target::IndicatorTarget(indicator.clone(), year),
            Value::Number(target),
        ));
    }
    match (month, observed) {
        (Some(month), Some(value)) => {
            items.push((Target::Observed(indicator, month), Value::Number(value)));
        }
        (None, Some(_)) if !reader.has(FieldKey::Month) => {
            reader.fail_at(FieldKey::Month, Reason::Missing(FieldKey::Month));
        }
        (Some(_), None) if !reader.has(FieldKey::Value) => {
            reader.fail_at(FieldKey::Value, Reason::Missing(FieldKey::Value));
        }
        _ => {}
    }
    items
}
