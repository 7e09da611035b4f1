//! The rilevazione mensile: one row per Comune and month. A column left out or a cell left
//! empty keeps what the project has for that month (agile days, survey scores), so a file
//! with smart workers only does not wipe the rest.

use super::{Context, Item, count};
use crate::exchange::change::{Target, Value};
use crate::exchange::row::RowReader;
use crate::exchange::schema::FieldKey;
use crate::exchange::values;
use crate::model::{Observation, PartnerId};

pub fn read(reader: &mut RowReader, context: &mut Context, partner: &PartnerId) -> Vec<Item> {
    let month = reader.require(FieldKey::Month, values::month);
    let smart_workers = count(reader, FieldKey::SmartWorkers);
    let agile_days = reader.get(FieldKey::AgileDays, values::non_negative);
    let wellbeing = reader.get(FieldKey::Wellbeing, values::score);
    let work_life_balance = reader.get(FieldKey::WorkLifeBalance, values::score);
    let belonging = reader.get(FieldKey::Belonging, values::score);
    let Some(month) = month else {
        return Vec::new();
    };
    let old = context
        .partner(partner)
        .and_then(|p| p.observations.get(month))
        .copied();
    let Some(smart_workers) = smart_workers.or(old.map(|o| o.smart_workers)) else {
        if !reader.failed() {
            reader.fail_at(
                FieldKey::SmartWorkers,
                crate::exchange::row::Reason::Missing(FieldKey::SmartWorkers),
            );
        }
        return Vec::new();
    };
    let observation = Observation {
        smart_workers,
        agile_days: agile_days.or(old.map(|o| o.agile_days)).unwrap_or(0.0),
        wellbeing: wellbeing.or(old.and_then(|o| o.wellbeing)),
        work_life_balance: work_life_balance.or(old.and_then(|o| o.work_life_balance)),
        belonging: belonging.or(old.and_then(|o| o.belonging)),
    };
    vec![(Target::Observation(month), Value::Observation(observation))]
}
