//! The POLA/PIAO indicators of one partner, one row per indicator of the project's
//! catalogue (by dimension, then name), then the values the partner keeps for indicators
//! the catalogue no longer has: the baseline and a target for each year of the programme.

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::model::validate::{Field, Target};
use crate::model::{Edit, IndicatorDef, IndicatorId, IndicatorValues, Partner, PartnerId};

use super::{Column, Sheet, Value};

/// One row: a catalogue indicator, or values kept for an indicator the catalogue no
/// longer has (`def` is `None`).
pub struct IndicatorRow<'a> {
    pub id: &'a IndicatorId,
    pub def: Option<&'a IndicatorDef>,
    pub values: Option<&'a IndicatorValues>,
}

impl IndicatorRow<'_> {
    /// The indicator's name, or its id when the name is blank or unknown.
    pub fn name(&self) -> &str {
        self.def
            .map(|def| def.name.as_str())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or(self.id.as_str())
    }
}

/// The baseline, then one target per year.
pub fn columns(years: &[i32]) -> Vec<Column<IndicatorValues>> {
    let mut columns = vec![
        Column::optional(
            "partner_data.indicators.baseline",
            |values: &IndicatorValues| values.baseline,
            |values, baseline| values.baseline = baseline,
        )
        .checked_as(Field::Baseline),
    ];
    columns.extend(years.iter().map(|&year| {
        let mut column = Column::optional(
            "partner_data.indicators.target_year",
            move |values: &IndicatorValues| values.targets.get(&year).copied(),
            move |values, target| match target {
                Some(target) => {
                    values.targets.insert(year, target);
                }
                None => {
                    values.targets.remove(&year);
                }
            },
        )
        .checked_as(Field::YearTarget)
        // The finding does not say which year: it reports targets that are not numbers.
        .flags(|value| matches!(value, Value::Decimal(v) if !v.is_finite()));
        column.label_arg = Some(("year", year.to_string()));
        column
    }));
    columns
}

pub struct IndicatorsSheet<'a> {
    partner: &'a PartnerId,
    pub rows: Vec<IndicatorRow<'a>>,
    columns: Vec<Column<IndicatorValues>>,
}

impl<'a> IndicatorsSheet<'a> {
    pub fn new(
        id: &'a PartnerId,
        partner: &'a Partner,
        catalogue: &'a BTreeMap<IndicatorId, IndicatorDef>,
        years: &[i32],
    ) -> IndicatorsSheet<'a> {
        let mut rows: Vec<IndicatorRow<'a>> = (catalogue.iter())
            .map(|(id, def)| IndicatorRow {
                id,
                def: Some(def),
                values: partner.indicators.get(id),
            })
            .collect();
        rows.sort_by_cached_key(|row| {
            let def = row.def.expect("catalogue rows have a definition");
            (def.block, def.name.to_lowercase(), row.id.clone())
        });
        rows.extend(
            (partner.indicators.iter())
                .filter(|(id, _)| !catalogue.contains_key(*id))
                .map(|(id, values)| IndicatorRow {
                    id,
                    def: None,
                    values: Some(values),
                }),
        );
        IndicatorsSheet {
            partner: id,
            rows,
            columns: columns(years),
        }
    }

    pub fn put_values(&self, row: usize, value: Option<IndicatorValues>) -> Edit {
        Edit::PutIndicatorValues {
            partner: self.partner.clone(),
            indicator: self.rows[row].id.clone(),
            value,
        }
    }
}

impl Sheet for IndicatorsSheet<'_> {
    type Item = IndicatorValues;

    fn columns(&self) -> &[Column<IndicatorValues>] {
        &self.columns
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn item(&self, row: usize) -> IndicatorValues {
        self.rows[row].values.cloned().unwrap_or_default()
    }

    fn put(&self, row: usize, item: IndicatorValues) -> Edit {
        self.put_values(row, Some(item))
    }

    /// Only the values of an indicator the catalogue no longer has can go.
    fn delete(&self, row: usize) -> Option<Edit> {
        self.rows[row]
            .def
            .is_none()
            .then(|| self.put_values(row, None))
    }

    fn target(&self, row: usize) -> Target {
        Target::PartnerIndicator(self.partner.clone(), self.rows[row].id.clone())
    }

    fn row_name(&self, _: Lang, row: usize) -> String {
        self.rows[row].name().to_owned()
    }
}
