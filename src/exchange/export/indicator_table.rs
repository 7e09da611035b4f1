//! Indicator values: for each partner and indicator, one row with the baseline and the yearly
//! targets ("Obiettivo 2026" columns), when it has any, then one row per observed month.

use std::collections::BTreeSet;

use super::columns;
use super::data_tables::{empty, partner_value};
use super::labels;
use super::table::Value;
use super::{Table, TableKind};
use crate::exchange::{FieldKey, FileKind};
use crate::i18n::Lang;
use crate::model::Project;

pub fn indicators(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Indicators, FileKind::Indicators, lang);
    let years: BTreeSet<i32> = project
        .partners
        .values()
        .flat_map(|p| p.indicators.values())
        .flat_map(|values| values.targets.keys().copied())
        .collect();
    let after_baseline = table.column_of(FieldKey::Baseline).map_or(0, |c| c + 1);
    for (offset, &year) in years.iter().enumerate() {
        let column = columns::field(FieldKey::Target(year), lang);
        table.columns.insert(after_baseline + offset, column);
    }
    let fields: Vec<FieldKey> = table
        .columns
        .iter()
        .map(|c| c.field.expect("indicator columns are schema fields"))
        .collect();
    for (id, partner) in &project.partners {
        for (indicator_id, values) in &partner.indicators {
            let name = labels::indicator(project, indicator_id);
            // A "%" indicator holds percentage points; a sheet holds a percentage as the
            // fraction a percent-formatted cell shows (44,2% is 0.442), which the importer
            // reads back as points because it is at most 1. Beyond 100% the fraction would
            // read as points, so such a value is written in points, as a plain number.
            let in_percent = project
                .indicators
                .get(indicator_id)
                .is_some_and(|def| def.unit.trim() == "%");
            let number = |value: f64| {
                if in_percent && value.abs() <= 100.0 {
                    Value::Percent(value / 100.0)
                } else {
                    Value::Number(value)
                }
            };
            let cell =
                |field: FieldKey, plan: bool, observed: Option<(crate::model::Month, f64)>| {
                    if let Some(value) = partner_value(field, id, partner) {
                        return value;
                    }
                    match field {
                        FieldKey::Indicator => Value::Text(name.clone()),
                        FieldKey::Baseline if plan => Value::or_empty(values.baseline, number),
                        FieldKey::Target(year) if plan => {
                            Value::or_empty(values.targets.get(&year).copied(), number)
                        }
                        FieldKey::Month => Value::or_empty(observed.map(|o| o.0), Value::Month),
                        FieldKey::Value => Value::or_empty(observed.map(|o| o.1), number),
                        _ => Value::Empty,
                    }
                };
            // A plan row with nothing in it would import as a row without values.
            let planned = values.baseline.is_some() || !values.targets.is_empty();
            if planned || values.observed.is_empty() {
                table
                    .rows
                    .push(fields.iter().map(|&f| cell(f, true, None)).collect());
            }
            for (&month, &value) in &values.observed {
                let row = fields
                    .iter()
                    .map(|&f| cell(f, false, Some((month, value))))
                    .collect();
                table.rows.push(row);
            }
        }
    }
    table
}
