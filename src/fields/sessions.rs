//! The attendance register (registro presenze) of one chosen module: each session's date,
//! hours and attendees, and the person-hours they make.

use crate::model::validate::{Field, Target};
use crate::model::{Edit, ModuleChoice, ModuleId, PartnerId, Session, SessionId};

use super::{Column, Kind, Sheet, Value};

pub fn columns() -> Vec<Column<Session>> {
    vec![
        Column::required(
            "partner_data.sessions.date",
            |session: &Session| session.date,
            |session, date| session.date = date,
        )
        .checked_as(Field::SessionDate)
        .hint("partner_data.sessions.date_hint"),
        Column::required(
            "partner_data.sessions.hours",
            |session: &Session| session.hours,
            |session, hours| session.hours = hours,
        )
        .checked_as(Field::Hours),
        Column::required(
            "partner_data.sessions.attendees",
            |session: &Session| session.attendees,
            |session, attendees| session.attendees = attendees,
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
pub struct SessionsSheet<'a> {
    partner: &'a PartnerId,
    module: &'a ModuleId,
    rows: Vec<(&'a SessionId, &'a Session)>,
    columns: Vec<Column<Session>>,
}

impl<'a> SessionsSheet<'a> {
    pub fn new(
        partner: &'a PartnerId,
        module: &'a ModuleId,
        choice: &'a ModuleChoice,
    ) -> SessionsSheet<'a> {
        let mut rows: Vec<_> = choice.sessions.iter().collect();
        rows.sort_by_key(|(id, session)| (session.date, *id));
        SessionsSheet {
            partner,
            module,
            rows,
            columns: columns(),
        }
    }

    fn put_value(&self, row: usize, value: Option<Session>) -> Edit {
        Edit::PutSession {
            partner: self.partner.clone(),
            module: self.module.clone(),
            session: self.rows[row].0.clone(),
            value,
        }
    }
}

impl Sheet for SessionsSheet<'_> {
    type Item = Session;

    fn columns(&self) -> &[Column<Session>] {
        &self.columns
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn item(&self, row: usize) -> Session {
        self.rows[row].1.clone()
    }

    fn put(&self, row: usize, item: Session) -> Edit {
        self.put_value(row, Some(item))
    }

    fn delete(&self, row: usize) -> Option<Edit> {
        Some(self.put_value(row, None))
    }

    fn target(&self, row: usize) -> Target {
        let session = self.rows[row].0.clone();
        Target::Session(self.partner.clone(), self.module.clone(), session)
    }
}
