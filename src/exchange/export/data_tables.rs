//! The tables of recorded data, one per importable kind, with the ids that make an export
//! import back exactly: partners, observations, sessions, enrolment and equipment.

use super::columns;
use super::table::{Table, Value};
use super::{TableKind, labels};
use crate::exchange::{FieldKey, FileKind};
use crate::i18n::Lang;
use crate::model::{Partner, PartnerId, Project};

/// A table with the columns of `file_kind`, in the schema's order.
pub(super) fn empty(kind: TableKind, file_kind: FileKind, lang: Lang) -> Table {
    let columns = file_kind
        .fields()
        .iter()
        .map(|&field| columns::field(field, lang))
        .collect();
    Table::new(kind, kind.title(lang), columns)
}

/// The partner's own columns, shared by every kind's rows.
pub(super) fn partner_value(field: FieldKey, id: &PartnerId, partner: &Partner) -> Option<Value> {
    Some(match field {
        FieldKey::PartnerId => Value::Text(id.to_string()),
        FieldKey::PartnerName => Value::Text(partner.name.clone()),
        FieldKey::Istat => Value::or_empty(partner.istat.clone(), Value::Text),
        _ => return None,
    })
}

/// One row of `table`: the partner's columns, then `value` for the others.
fn row(
    table: &Table,
    id: &PartnerId,
    partner: &Partner,
    value: impl Fn(FieldKey) -> Value,
) -> Vec<Value> {
    table
        .columns
        .iter()
        .map(|column| {
            let field = column.field.expect("data tables hold only schema fields");
            partner_value(field, id, partner).unwrap_or_else(|| value(field))
        })
        .collect()
}

pub fn partners(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Partners, FileKind::Partners, lang);
    for (id, partner) in &project.partners {
        let row = row(&table, id, partner, |field| match field {
            FieldKey::Province => Value::Text(partner.province.clone()),
            FieldKey::Population => Value::Integer(partner.population),
            FieldKey::Headcount => Value::Integer(partner.headcount),
            FieldKey::Managers => Value::Integer(partner.managers),
            FieldKey::Smartable => Value::Integer(partner.smartable),
            _ => Value::Empty,
        });
        table.rows.push(row);
    }
    table
}

pub fn observations(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Observations, FileKind::Observations, lang);
    for (id, partner) in &project.partners {
        for (month, observation) in partner.observations.iter() {
            let score = |score: Option<f64>| Value::or_empty(score, Value::Number);
            let row = row(&table, id, partner, |field| match field {
                FieldKey::Month => Value::Month(month),
                FieldKey::SmartWorkers => Value::Integer(observation.smart_workers),
                FieldKey::AgileDays => Value::Number(observation.agile_days),
                FieldKey::Wellbeing => score(observation.wellbeing),
                FieldKey::WorkLifeBalance => score(observation.work_life_balance),
                FieldKey::Belonging => score(observation.belonging),
                _ => Value::Empty,
            });
            table.rows.push(row);
        }
    }
    table
}

pub fn sessions(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Sessions, FileKind::Sessions, lang);
    for (id, partner) in &project.partners {
        for (module_id, choice) in &partner.modules {
            let module = labels::module(project, module_id);
            for (session_id, session) in &choice.sessions {
                let row = row(&table, id, partner, |field| match field {
                    FieldKey::Module => Value::Text(module.clone()),
                    FieldKey::SessionId => Value::Text(session_id.to_string()),
                    FieldKey::Date => Value::Date(session.date),
                    FieldKey::Hours => Value::Number(session.hours),
                    FieldKey::Attendees => Value::Integer(session.attendees),
                    _ => Value::Empty,
                });
                table.rows.push(row);
            }
        }
    }
    table
}

pub fn enrolment(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Enrolment, FileKind::Enrolment, lang);
    for (id, partner) in &project.partners {
        for (module_id, choice) in &partner.modules {
            let row = row(&table, id, partner, |field| match field {
                FieldKey::Module => Value::Text(labels::module(project, module_id)),
                FieldKey::Enrolled => Value::Integer(choice.enrolled),
                FieldKey::Completed => Value::Integer(choice.completed),
                _ => Value::Empty,
            });
            table.rows.push(row);
        }
    }
    table
}

pub fn equipment(project: &Project, lang: Lang) -> Table {
    let mut table = empty(TableKind::Equipment, FileKind::Equipment, lang);
    for (id, partner) in &project.partners {
        for (equipment_id, item) in &partner.equipment {
            let row = row(&table, id, partner, |field| match field {
                FieldKey::EquipmentId => Value::Text(equipment_id.to_string()),
                FieldKey::EquipmentKind => Value::Text(labels::equipment(item.kind, lang)),
                FieldKey::Quantity => Value::Integer(item.quantity),
                FieldKey::UnitCost => Value::Euro(item.unit_cost),
                FieldKey::Ordered => Value::or_empty(item.ordered, Value::Month),
                FieldKey::Delivered => Value::or_empty(item.delivered, Value::Month),
                _ => Value::Empty,
            });
            table.rows.push(row);
        }
    }
    table
}
