//! POLA/PIAO indicator values: per Comune and indicator, a baseline, yearly targets
//! (`Obiettivo 2025` columns) and a value observed in a month. Values are stored in the unit
//! the indicator names; a "%" indicator holds percentage points, so `44,2%` is 44.2, and so
//! is 0.442, the number a percent-formatted cell of Calc or Excel holds: a number between
//! -1 and 1 written without `%` is taken as a fraction for a "%" indicator (a share below
//! one percent point must be written with its `%`).

use super::{Context, Item};
use crate::exchange::cell::Cell;
use crate::exchange::change::{Target, Value};
use crate::exchange::row::{Reason, RowReader};
use crate::exchange::schema::FieldKey;
use crate::exchange::values::{self, ValueError};

pub fn read(reader: &mut RowReader, context: &mut Context) -> Vec<Item> {
    let indicator = context.indicator(reader);
    let in_percent = indicator
        .as_ref()
        .and_then(|id| context.project.indicators.get(id))
        .is_some_and(|def| def.unit.trim() == "%");
    let value_of = |cell: &_| value_in_unit(cell, in_percent);
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

fn value_in_unit(cell: &Cell, in_percent: bool) -> Result<Option<f64>, ValueError> {
    let Some(number) = values::number(cell)? else {
        return Ok(None);
    };
    Ok(Some(match (in_percent, number.percent) {
        (true, true) => number.value,
        (true, false) if number.value.abs() <= 1.0 => points(number.value),
        (true, false) => number.value,
        (false, true) => return Err(ValueError::Percent),
        (false, false) => number.value,
    }))
}

/// A fraction as percentage points, without the binary noise of × 100 (0.442 → 44.2).
fn points(fraction: f64) -> f64 {
    let scaled = fraction * 100.0;
    (scaled * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_indicators_take_points_from_text_and_fractions_from_cells() {
        let text = |t: &str| Cell::Text(t.into());
        assert_eq!(value_in_unit(&text("44,2%"), true), Ok(Some(44.2)));
        assert_eq!(value_in_unit(&text("12,50%"), true), Ok(Some(12.5)));
        assert_eq!(value_in_unit(&Cell::Number(0.442), true), Ok(Some(44.2)));
        assert_eq!(value_in_unit(&Cell::Number(0.125), true), Ok(Some(12.5)));
        assert_eq!(value_in_unit(&Cell::Number(1.0), true), Ok(Some(100.0)));
        assert_eq!(value_in_unit(&Cell::Number(87.0), true), Ok(Some(87.0)));
        assert_eq!(value_in_unit(&Cell::Number(0.442), false), Ok(Some(0.442)));
        assert_eq!(value_in_unit(&text("1.250,5"), false), Ok(Some(1250.5)));
        assert_eq!(value_in_unit(&text("5%"), false), Err(ValueError::Percent));
    }
}
