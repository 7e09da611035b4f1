//! The overview's figures, one row per partner and the consortium's row last, as
//! `cruscotto summary` prints them (`analysis::summary`).

use super::columns::{self, figure};
use super::table::{ColumnType, Value};
use super::{Table, TableKind};
use crate::analysis::{SummaryRow, summarize};
use crate::exchange::FieldKey;
use crate::i18n::{Lang, tr};
use crate::model::Project;

pub fn summary(project: &Project, lang: Lang) -> Table {
    let columns = vec![
        columns::field(FieldKey::PartnerId, lang),
        columns::field(FieldKey::PartnerName, lang),
        columns::field(FieldKey::Headcount, lang),
        columns::field(FieldKey::Smartable, lang),
        figure("smart_workers", ColumnType::Integer, lang),
        figure("last_month", ColumnType::Month, lang),
        figure("adoption", ColumnType::Percent, lang),
        figure("enrolled", ColumnType::Integer, lang),
        figure("completed", ColumnType::Integer, lang),
        figure("completion", ColumnType::Percent, lang),
        figure("training_hours", ColumnType::Number, lang),
        figure("devices", ColumnType::Integer, lang),
        figure("spend", ColumnType::Euro, lang),
        figure("milestones_reached", ColumnType::Integer, lang),
        figure("milestones_total", ColumnType::Integer, lang),
    ];
    let mut table = Table::new(TableKind::Summary, TableKind::Summary.title(lang), columns);
    let summary = summarize(project);
    for row in &summary.partners {
        table.rows.push(values(row, row.name.clone()));
    }
    let consortium = tr(lang, "export.consortium").into_owned();
    table.rows.push(values(&summary.consortium, consortium));
    table
}

fn values(row: &SummaryRow, name: String) -> Vec<Value> {
    let count = |n: usize| Value::Integer(i64::try_from(n).unwrap_or(i64::MAX));
    vec![
        Value::or_empty(row.id.as_ref(), |id| Value::Text(id.to_string())),
        Value::Text(name),
        Value::Integer(row.headcount),
        Value::Integer(row.smartable),
        Value::or_empty(row.smart_workers, Value::Integer),
        Value::or_empty(row.last_month, Value::Month),
        Value::or_empty(row.adoption, Value::Percent),
        Value::Integer(row.enrolled),
        Value::Integer(row.completed),
        Value::or_empty(row.completion, Value::Percent),
        Value::or_empty(row.training_hours_per_employee, Value::Number),
        Value::Integer(row.devices),
        Value::Euro(row.spend),
        count(row.milestones_reached),
        count(row.milestones_total),
    ]
}
