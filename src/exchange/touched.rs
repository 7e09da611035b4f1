//! The Comuni a plan touches, each given a slot when first named, with what earlier rows set
//! on it. A million-row file names a few thousand Comuni: each row reaches its Comune's
//! record by slot, without hashing or copying the Comune's id again.

use std::collections::HashMap;
use std::sync::Arc;

use super::change::Target;
use crate::model::{Partner, PartnerId, Project};

/// What an earlier row set: a change, or (at this row) the value the project already had.
pub enum Seen {
    Change(usize),
    Same(usize),
}

/// One Comune a plan touches.
pub struct Record<'p> {
    /// Its id, shared by the plan's changes to it.
    pub id: Arc<PartnerId>,
    /// The Comune as the project holds it; `None` for one the import creates.
    pub partner: Option<&'p Partner>,
    /// Where each of its targets was first set.
    pub seen: HashMap<Target, Seen>,
    /// Whether a taken row was matched to it (it is in `Plan::matched`).
    pub matched: bool,
}

pub struct Touched<'p> {
    project: &'p Project,
    slots: HashMap<PartnerId, usize>,
    records: Vec<Record<'p>>,
}

impl<'p> Touched<'p> {
    pub fn new(project: &'p Project) -> Touched<'p> {
        Touched {
            project,
            slots: HashMap::new(),
            records: Vec::new(),
        }
    }

    /// The slot of `partner`, given on first sight.
    pub fn slot(&mut self, partner: &PartnerId) -> usize {
        if let Some(&slot) = self.slots.get(partner) {
            return slot;
        }
        let slot = self.records.len();
        self.records.push(Record {
            id: Arc::new(partner.clone()),
            partner: self.project.partners.get(partner),
            seen: HashMap::new(),
            matched: false,
        });
        self.slots.insert(partner.clone(), slot);
        slot
    }

    pub fn record(&self, slot: usize) -> &Record<'p> {
        &self.records[slot]
    }

    pub fn record_mut(&mut self, slot: usize) -> &mut Record<'p> {
        &mut self.records[slot]
    }
}
