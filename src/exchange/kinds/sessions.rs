//! Dated sessions of a module: one row per session. Without a session code, a session is
//! the module's session on that date (see `Context::session_on`). Hours left empty are the
//! module's planned hours; attendees left empty are none.

use super::{Context, Item, code, count};
use crate::exchange::change::{Target, Value};
use crate::exchange::row::RowReader;
use crate::exchange::schema::FieldKey;
use crate::exchange::values;
use crate::model::{PartnerId, Session, SessionId};

pub fn read(reader: &mut RowReader, context: &mut Context, partner: &PartnerId) -> Vec<Item> {
    let module = context.module(reader);
    let date = reader.require(FieldKey::Date, values::date);
    let hours = reader.get(FieldKey::Hours, values::non_negative);
    let attendees = count(reader, FieldKey::Attendees);
    let (Some(module), Some(date)) = (module, date) else {
        return Vec::new();
    };
    if reader.failed() {
        return Vec::new();
    }
    let id = match reader.text(FieldKey::SessionId) {
        Some(text) => {
            let id = SessionId::new(code(&text));
            context.note_session(partner, &module, &id);
            id
        }
        None => context.session_on(partner, &module, date),
    };
    let planned = context
        .project
        .catalogue
        .get(&module)
        .map_or(0.0, |m| m.hours);
    let session = Session {
        date,
        hours: hours.unwrap_or(planned),
        attendees: attendees.unwrap_or(0),
    };
    vec![(Target::session(module, id), Value::Session(session))]
}
