//! The monthly observations (rilevazioni mensili), one row per month of the programme:
//! smart workers, average agile days, the optional survey scores, and the share of the
//! smartable staff. A month not observed yet has no observation (`None`); a value typed
//! into it records the month, its other figures starting at zero.

use crate::i18n::{Lang, format};
use crate::model::validate::{Field, Target};
use crate::model::{Edit, Month, Observation, Partner, PartnerId};

use super::{Column, Kind, Sheet, Value};

type Row = Option<Observation>;

/// A month not observed yet gets this observation when one of its cells is typed into.
fn blank() -> Observation {
    Observation::new(0, 0.0)
}

/// A survey score, which may be left empty; typing one into a month not observed yet
/// records the month.
fn score(
    label: &'static str,
    field: Field,
    get: fn(&Observation) -> Option<f64>,
    set: fn(&mut Observation, Option<f64>),
) -> Column<Row> {
    Column::optional(
        label,
        move |row: &Row| row.and_then(|o| get(&o)),
        move |row, value| {
            if row.is_some() || value.is_some() {
                set(row.get_or_insert_with(blank), value);
            }
        },
    )
    .checked_as(field)
    .hint("partner_data.observations.scores_hint")
    .blank("")
}

/// The columns; the share is of `smartable` staff.
pub fn columns(smartable: i64) -> Vec<Column<Row>> {
    vec![
        Column::filled(
            "partner_data.observations.smart_workers",
            |row: &Row| row.map(|o| o.smart_workers),
            |row, value| row.get_or_insert_with(blank).smart_workers = value,
        )
        .checked_as(Field::SmartWorkers)
        .blank(""),
        Column::filled(
            "partner_data.observations.agile_days",
            |row: &Row| row.map(|o| o.agile_days),
            |row, value| row.get_or_insert_with(blank).agile_days = value,
        )
        .checked_as(Field::AgileDays)
        .hint("partner_data.observations.agile_days_hint")
        .blank(""),
        score(
            "partner_data.observations.wellbeing",
            Field::Wellbeing,
            |o| o.wellbeing,
            |o, value| o.wellbeing = value,
        ),
        score(
            "partner_data.observations.work_life_balance",
            Field::WorkLifeBalance,
            |o| o.work_life_balance,
            |o, value| o.work_life_balance = value,
        ),
        score(
            "partner_data.observations.belonging",
            Field::Belonging,
            |o| o.belonging,
            |o, value| o.belonging = value,
        ),
        Column::new(
            "partner_data.observations.share",
            Kind::Percent,
            move |row: &Row| {
                row.filter(|_| smartable > 0).map_or(Value::Empty, |o| {
                    Value::Decimal(o.smart_workers as f64 / smartable as f64 * 100.0)
                })
            },
        )
        .hint("partner_data.observations.share_hint")
        .blank(""),
    ]
}

/// Every month of the programme, observed or not.
pub struct ObservationsSheet<'a> {
    partner_id: &'a PartnerId,
    partner: &'a Partner,
    start: Month,
    months: usize,
    columns: Vec<Column<Row>>,
}

impl<'a> ObservationsSheet<'a> {
    pub fn new(
        id: &'a PartnerId,
        partner: &'a Partner,
        start: Month,
        months: usize,
    ) -> ObservationsSheet<'a> {
        ObservationsSheet {
            partner_id: id,
            partner,
            start,
            months,
            columns: columns(partner.smartable),
        }
    }

    pub fn month(&self, row: usize) -> Month {
        self.start.plus(row as i32)
    }

    fn set(&self, row: usize, value: Option<Observation>) -> Edit {
        Edit::SetObservation {
            partner: self.partner_id.clone(),
            month: self.month(row),
            value,
        }
    }
}

impl Sheet for ObservationsSheet<'_> {
    type Item = Row;

    fn columns(&self) -> &[Column<Row>] {
        &self.columns
    }

    fn len(&self) -> usize {
        self.months
    }

    fn item(&self, row: usize) -> Row {
        self.partner.observations.get(self.month(row)).copied()
    }

    fn put(&self, row: usize, item: Row) -> Edit {
        self.set(row, item)
    }

    fn delete(&self, row: usize) -> Option<Edit> {
        self.item(row).is_some().then(|| self.set(row, None))
    }

    fn target(&self, row: usize) -> Target {
        Target::Observation(self.partner_id.clone(), self.month(row))
    }

    fn row_name(&self, lang: Lang, row: usize) -> String {
        format::month(lang, self.month(row))
    }
}
