//! The attendance register (registro presenze) of one chosen module: each session's date,
//! hours and attendees, and the person-hours they make.

use crate::model::validate::{Field, Target};
use crate::model::{Edit, ModuleChoice, ModuleId, PartnerId, Session, SessionId};

use super::column::field_column;
use super::keyed::KeyedSheet;
use super::{Column, Kind, Value};

pub fn columns() -> Vec<Column<Session>> {
    vec![
        field_column!(required, "partner_data.sessions.date", Session, date)
            .checked_as(Field::SessionDate)
            .hint("partner_data.sessions.date_hint"),
        field_column!(required, "partner_data.sessions.hours", Session, hours)
            .checked_as(Field::Hours),
        field_column!(
            required,
            "partner_data.sessions.attendees",
            Session,
            attendees
        )
        .checked_as(Field::Attendees),
        Column::new(
            "partner_data.modules.person_hours",
            Kind::Decimal,
            |s: &Session| Value::Decimal(s.hours * s.attendees as f64),
        )
        .digits(1),
    ]
}

/// One module's sessions by date.
pub type SessionsSheet<'a> = KeyedSheet<'a, SessionId, Session>;

impl<'a> SessionsSheet<'a> {
    pub fn new(
        partner: &'a PartnerId,
        module: &'a ModuleId,
        choice: &'a ModuleChoice,
    ) -> SessionsSheet<'a> {
        let mut rows: Vec<_> = choice.sessions.iter().collect();
        rows.sort_by_key(|(id, session)| (session.date, *id));
        let put = |session: &SessionId, value| Edit::PutSession {
            partner: partner.clone(),
            module: module.clone(),
            session: session.clone(),
            value,
        };
        let target =
            |session: &SessionId| Target::Session(partner.clone(), module.clone(), session.clone());
        KeyedSheet::keyed(rows, columns(), put, target)
    }
}
