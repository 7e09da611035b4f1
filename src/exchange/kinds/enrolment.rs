//! Enrolled and completed per Comune and module. A count left empty keeps the project's.

use super::{Context, Item, count};
use crate::exchange::change::{Target, Value};
use crate::exchange::row::{Reason, RowReader};
use crate::exchange::schema::FieldKey;
use crate::model::PartnerId;

pub fn read(reader: &mut RowReader, context: &mut Context, partner: &PartnerId) -> Vec<Item> {
    let module = context.module(reader);
    let enrolled = count(reader, FieldKey::Enrolled);
    let completed = count(reader, FieldKey::Completed);
    let Some(module) = module else {
        return Vec::new();
    };
    if enrolled.is_none() && completed.is_none() {
        return Vec::new();
    }
    let old = context
        .partner(partner)
        .and_then(|p| p.modules.get(&module))
        .map(|c| (c.enrolled, c.completed))
        .unwrap_or_default();
    let enrolled = enrolled.unwrap_or(old.0);
    let completed = completed.unwrap_or(old.1);
    if completed > enrolled {
        reader.fail_at(FieldKey::Completed, Reason::CompletedAboveEnrolled);
        return Vec::new();
    }
    vec![(
        Target::ModuleCounts(module),
        Value::Counts {
            enrolled,
            completed,
        },
    )]
}
