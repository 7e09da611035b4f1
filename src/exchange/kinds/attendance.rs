//! The registro presenze: one row per person and session, aggregated into the model's
//! sessions and each module's enrolment and completion.
//!
//! The rule (docs/exchange.md):
//! - a session is a distinct Comune + module + date; its hours are the largest hours planned
//!   of its rows (the largest hours present when none are planned, the module's catalogue
//!   hours when neither is given); its attendees are the distinct persons with hours present
//!   above zero (a person listed without hours present counts as present);
//! - enrolled is the number of distinct persons per Comune + module;
//! - a person completed the module when any row of theirs says so in the outcome column
//!   (`completato`, `sì`, …), or, when no row gives an outcome, when the hours they were
//!   present reach `COMPLETION_SHARE` of the module's hours (the catalogue's planned hours,
//!   or the sum of the sessions' hours when the catalogue has none). An outcome that says
//!   no (`non completato`, `ritirato`) is not completed whatever the hours.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::Context;
use crate::exchange::change::{Target, Value};
use crate::exchange::normalise::normalise;
use crate::exchange::row::{Reason, RowReader};
use crate::exchange::schema::FieldKey;
use crate::exchange::values;
use crate::model::{ModuleId, PartnerId, Session};

/// Share of a module's hours a person must attend to complete it when the register gives
/// no outcome: the usual 75% attendance for a certificate in Italian public training.
pub const COMPLETION_SHARE: f64 = 0.75;

/// One row of the register, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub partner: PartnerId,
    pub module: ModuleId,
    pub date: Date,
    /// The person's name, normalised (case, accents, spaces).
    pub person: String,
    pub present: Option<f64>,
    pub planned: Option<f64>,
    pub outcome: Option<bool>,
    pub row: usize,
}

/// The row as a record, or `None` (with the reasons recorded) when it cannot be read.
pub fn read(reader: &mut RowReader, context: &mut Context, partner: &PartnerId) -> Option<Record> {
    let module = context.module(reader);
    let date = reader.require(FieldKey::Date, values::date);
    let person = reader.text(FieldKey::Person).map(|p| normalise(&p));
    if person.as_deref().is_none_or(str::is_empty) {
        reader.fail_at(FieldKey::Person, Reason::Missing(FieldKey::Person));
    }
    let present = reader.get(FieldKey::HoursPresent, values::non_negative);
    let planned = reader.get(FieldKey::HoursPlanned, values::non_negative);
    let outcome = reader.get(FieldKey::Outcome, values::yes_no);
    if reader.failed() {
        return None;
    }
    Some(Record {
        partner: partner.clone(),
        module: module?,
        date: date?,
        person: person?,
        present,
        planned,
        outcome,
        row: reader.row,
    })
}

type Aggregated = (PartnerId, Target, Value, usize);

/// Sessions and module counts from the register's rows, by the rule above.
pub fn aggregate(records: Vec<Record>, context: &mut Context) -> Vec<Aggregated> {
    let mut sessions: BTreeMap<(PartnerId, ModuleId, Date), Vec<&Record>> = BTreeMap::new();
    for record in &records {
        sessions
            .entry((record.partner.clone(), record.module.clone(), record.date))
            .or_default()
            .push(record);
    }
    let mut out = Vec::new();
    let mut module_hours: BTreeMap<(PartnerId, ModuleId), f64> = BTreeMap::new();
    for ((partner, module, date), rows) in &sessions {
        let catalogue_hours = context
            .project
            .catalogue
            .get(module)
            .map_or(0.0, |m| m.hours);
        let largest =
            |pick: fn(&Record) -> Option<f64>| rows.iter().filter_map(|r| pick(r)).reduce(f64::max);
        let hours = largest(|r| r.planned)
            .or(largest(|r| r.present))
            .unwrap_or(catalogue_hours);
        let attendees: BTreeSet<&str> = rows
            .iter()
            .filter(|r| r.present.is_none_or(|h| h > 0.0))
            .map(|r| r.person.as_str())
            .collect();
        *module_hours
            .entry((partner.clone(), module.clone()))
            .or_default() += hours;
        let id = context.session_on(partner, module, *date);
        let row = rows.iter().map(|r| r.row).min().unwrap_or_default();
        let session = Session {
            date: *date,
            hours,
            attendees: attendees.len() as i64,
        };
        out.push((
            partner.clone(),
            Target::session(module.clone(), id),
            Value::Session(session),
            row,
        ));
    }
    out.extend(counts(&records, &module_hours, context));
    out
}

/// Enrolled and completed per Comune and module.
fn counts(
    records: &[Record],
    module_hours: &BTreeMap<(PartnerId, ModuleId), f64>,
    context: &Context,
) -> Vec<Aggregated> {
    #[derive(Default)]
    struct Person {
        hours: f64,
        said_yes: bool,
        said_no: bool,
    }
    let mut people: BTreeMap<(PartnerId, ModuleId), BTreeMap<&str, Person>> = BTreeMap::new();
    let mut first_row: BTreeMap<(PartnerId, ModuleId), usize> = BTreeMap::new();
    for record in records {
        let key = (record.partner.clone(), record.module.clone());
        let row = first_row.entry(key.clone()).or_insert(record.row);
        *row = (*row).min(record.row);
        let person = people
            .entry(key)
            .or_default()
            .entry(record.person.as_str())
            .or_default();
        person.hours += record.present.unwrap_or(0.0);
        match record.outcome {
            Some(true) => person.said_yes = true,
            Some(false) => person.said_no = true,
            None => {}
        }
    }
    people
        .into_iter()
        .map(|((partner, module), persons)| {
            let catalogue_hours = context
                .project
                .catalogue
                .get(&module)
                .map_or(0.0, |m| m.hours);
            let planned = if catalogue_hours > 0.0 {
                catalogue_hours
            } else {
                module_hours
                    .get(&(partner.clone(), module.clone()))
                    .copied()
                    .unwrap_or(0.0)
            };
            let completed = persons
                .values()
                .filter(|p| {
                    p.said_yes
                        || (!p.said_no
                            && planned > 0.0
                            && p.hours + 1e-9 >= COMPLETION_SHARE * planned)
                })
                .count() as i64;
            let row = first_row[&(partner.clone(), module.clone())];
            (
                partner,
                Target::ModuleCounts(module),
                Value::Counts {
                    enrolled: persons.len() as i64,
                    completed,
                },
                row,
            )
        })
        .collect()
}
