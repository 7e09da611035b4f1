//! Reading one data row of each kind of file into the values it sets on its Comune.

pub mod attendance;
mod enrolment;
mod equipment;
mod indicators;
mod observations;
mod partners;
mod sessions;

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use super::change::{Target, Value};
use super::matching::{IndicatorIndex, ModuleIndex};
use super::normalise::squeeze;
use super::row::{Reason, RowReader};
use super::schema::{FieldKey, FileKind};
use super::values;
use crate::model::{
    Cents, EquipmentId, EquipmentKind, IndicatorId, ModuleId, Month, Partner, PartnerId, Project,
    SessionId,
};

/// One value a row sets on its Comune.
pub type Item = (Target, Value);

/// What reading rows needs beyond the row: the project's catalogues, and the purchases and
/// sessions earlier rows of the file named, so the same one is recognised again.
pub struct Context<'p> {
    pub project: &'p Project,
    pub modules: ModuleIndex,
    pub indicators: IndicatorIndex,
    purchases: HashMap<PurchaseKey, EquipmentId>,
    purchase_ids: HashSet<(PartnerId, EquipmentId)>,
    sessions: HashMap<(PartnerId, ModuleId, Date), SessionId>,
    session_ids: HashSet<(PartnerId, ModuleId, SessionId)>,
    /// Rows of an attendance register taken so far.
    pub attendance: Vec<attendance::Record>,
    /// Whether unknown modules are created.
    pub create_missing: bool,
    /// The module the current row would create.
    pub pending_module: Option<NewModule>,
    pub created_modules: Vec<NewModule>,
    created_module_ids: HashSet<ModuleId>,
}

/// A catalogue module the import creates, from a title the project lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct NewModule {
    pub id: ModuleId,
    pub title: String,
    /// The first row naming it.
    pub row: usize,
}

/// A purchase without a code is the same purchase when these agree.
type PurchaseKey = (PartnerId, EquipmentKind, Option<Month>, Cents);

impl<'p> Context<'p> {
    pub fn new(project: &'p Project, create_missing: bool) -> Context<'p> {
        Context {
            project,
            modules: ModuleIndex::new(project),
            indicators: IndicatorIndex::new(project),
            purchases: HashMap::new(),
            purchase_ids: HashSet::new(),
            sessions: HashMap::new(),
            session_ids: HashSet::new(),
            attendance: Vec::new(),
            create_missing,
            pending_module: None,
            created_modules: Vec::new(),
            created_module_ids: HashSet::new(),
        }
    }

    pub fn partner(&self, id: &PartnerId) -> Option<&'p Partner> {
        self.project.partners.get(id)
    }

    /// The catalogue module the row names, recording why not. With `create_missing`, an
    /// unknown title gives a new module, created if the row is taken (`commit_modules`).
    pub fn module(&mut self, reader: &mut RowReader) -> Option<ModuleId> {
        let text = reader.text(FieldKey::Module);
        let Some(text) = text else {
            reader.fail_at(FieldKey::Module, Reason::Missing(FieldKey::Module));
            return None;
        };
        if let Some(module) = self.modules.find(&text) {
            return Some(module.clone());
        }
        if !self.create_missing || squeeze(&text).is_empty() {
            reader.fail_at(FieldKey::Module, Reason::UnknownModule(text));
            return None;
        }
        let taken = |slug: &str| {
            let id = ModuleId::new(slug);
            self.project.catalogue.contains_key(&id) || self.created_module_ids.contains(&id)
        };
        let id = ModuleId::new(crate::model::slug_unique(&text, taken));
        self.pending_module = Some(NewModule {
            id: id.clone(),
            title: text,
            row: reader.row,
        });
        Some(id)
    }

    /// Creates the module the taken row named, if it was new.
    pub fn commit_modules(&mut self) {
        if let Some(new) = self.pending_module.take() {
            self.modules.add(&new.id, &new.title);
            self.created_module_ids.insert(new.id.clone());
            self.created_modules.push(new);
        }
    }

    /// The session of `module` held on `date`: an existing one of that day, one an earlier
    /// row made, or a new id `s-2025-03-15` (made unique).
    pub fn session_on(&mut self, partner: &PartnerId, module: &ModuleId, date: Date) -> SessionId {
        let key = (partner.clone(), module.clone(), date);
        if let Some(id) = self.sessions.get(&key) {
            return id.clone();
        }
        let existing = self
            .partner(partner)
            .and_then(|p| p.modules.get(module))
            .map(|choice| &choice.sessions);
        if let Some((id, _)) = existing.and_then(|s| s.iter().find(|(_, s)| s.date == date)) {
            self.sessions.insert(key, id.clone());
            return id.clone();
        }
        let taken = |slug: &str| {
            existing.is_some_and(|s| s.contains_key(&SessionId::new(slug)))
                || self.session_ids.contains(&(
                    partner.clone(),
                    module.clone(),
                    SessionId::new(slug),
                ))
        };
        let id = SessionId::new(crate::model::slug_unique(&format!("s-{date}"), taken));
        self.session_ids
            .insert((partner.clone(), module.clone(), id.clone()));
        self.sessions.insert(key, id.clone());
        id
    }

    /// A session code written in the file.
    pub fn note_session(&mut self, partner: &PartnerId, module: &ModuleId, id: &SessionId) {
        self.session_ids
            .insert((partner.clone(), module.clone(), id.clone()));
    }

    /// The purchase a row without a code describes: an existing one with the same kind,
    /// month ordered and unit cost, one an earlier row described, or a new id.
    pub fn purchase(
        &mut self,
        partner: &PartnerId,
        kind: EquipmentKind,
        ordered: Option<Month>,
        unit_cost: Cents,
    ) -> EquipmentId {
        let key = (partner.clone(), kind, ordered, unit_cost);
        if let Some(id) = self.purchases.get(&key) {
            return id.clone();
        }
        let existing = self.partner(partner).map(|p| &p.equipment);
        let same = existing.and_then(|all| {
            all.iter()
                .find(|(_, e)| e.kind == kind && e.ordered == ordered && e.unit_cost == unit_cost)
        });
        let id = match same {
            Some((id, _)) => id.clone(),
            None => {
                let base = match ordered {
                    Some(month) => format!("{}-{month}", kind.label()),
                    None => kind.label().to_owned(),
                };
                let taken = |slug: &str| {
                    existing.is_some_and(|e| e.contains_key(&EquipmentId::new(slug)))
                        || self
                            .purchase_ids
                            .contains(&(partner.clone(), EquipmentId::new(slug)))
                };
                EquipmentId::new(crate::model::slug_unique(&base, taken))
            }
        };
        self.purchase_ids.insert((partner.clone(), id.clone()));
        self.purchases.insert(key, id.clone());
        id
    }

    /// A purchase code written in the file.
    pub fn note_purchase(&mut self, partner: &PartnerId, id: &EquipmentId) {
        self.purchase_ids.insert((partner.clone(), id.clone()));
    }

    /// The indicator the row names, recording why not.
    pub fn indicator(&self, reader: &mut RowReader) -> Option<IndicatorId> {
        let Some(text) = reader.text(FieldKey::Indicator) else {
            reader.fail_at(FieldKey::Indicator, Reason::Missing(FieldKey::Indicator));
            return None;
        };
        match self.indicators.find(&text) {
            Some(id) => Some(id.clone()),
            None => {
                reader.fail_at(FieldKey::Indicator, Reason::UnknownIndicator(text));
                None
            }
        }
    }
}

/// The values of one row of `kind` (not the attendance register, which is aggregated).
pub fn read(
    kind: FileKind,
    reader: &mut RowReader,
    context: &mut Context,
    partner: &PartnerId,
) -> Vec<Item> {
    match kind {
        FileKind::Partners => partners::read(reader),
        FileKind::Observations => observations::read(reader, context, partner),
        FileKind::Sessions => sessions::read(reader, context, partner),
        FileKind::Enrolment => enrolment::read(reader, context, partner),
        FileKind::Equipment => equipment::read(reader, context, partner),
        FileKind::Indicators => indicators::read(reader, context),
        FileKind::Attendance => Vec::new(),
    }
}

/// A code written in a cell as an id: kept when well formed, otherwise made one.
pub fn code(text: &str) -> String {
    let text = text.trim();
    if crate::model::is_well_formed(text) {
        text.to_owned()
    } else {
        crate::model::slug_unique(text, |_| false)
    }
}

/// A whole number of people or items, read as a count.
pub fn count(reader: &mut RowReader, field: FieldKey) -> Option<i64> {
    reader.get(field, values::count)
}
