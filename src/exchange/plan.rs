//! An import plan: what a mapped sheet would change in a project, row by row, before
//! anything is changed. The dialog shows it (rows refused and why, Comuni matched and
//! created, conflicts with their old and new values), the user resolves the conflicts, and
//! `apply::edits` turns it into one batch of edits.
//!
//! A row is taken whole or refused whole: one unreadable cell refuses its row, never half of
//! it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::cell::Grid;
use super::change::{Change, Resolution, Target, Value, current};
use super::kinds::{self, Context, Item, NewModule};
use super::mapping::Mapping;
use super::matching::{PartnerIndex, comune_key, istat_key};
use super::row::{Reason, RowError, RowReader};
use super::schema::{FieldKey, FileKind};
use super::touched::{Seen, Touched};
use super::values;
use crate::model::{PartnerId, Project, slug_unique};

/// Choices that change what a plan does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Create the Comuni the file names and the project lacks (ids from their names).
    pub create_missing: bool,
}

/// A Comune the import creates.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPartner {
    pub id: PartnerId,
    pub name: String,
    pub istat: Option<String>,
    /// The first row naming it.
    pub row: usize,
}

/// What importing a sheet would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub kind: FileKind,
    /// Data rows with anything in a mapped column.
    pub rows_read: usize,
    /// Rows taken whole, in order (1-based).
    pub rows_valid: Vec<usize>,
    /// Every reason a row was refused, in row order (a row may have several).
    pub errors: Vec<RowError>,
    /// Project Comuni the file's rows were matched to.
    pub matched: BTreeSet<PartnerId>,
    pub created: Vec<NewPartner>,
    /// Catalogue modules the import creates (with `create_missing`): area, format and
    /// audience take defaults, hours the most a Comune's imported sessions add up to.
    pub created_modules: Vec<NewModule>,
    /// Names (or codes) of Comuni the project lacks, when they are not to be created.
    pub unknown: BTreeSet<String>,
    /// Every value to set; conflicts among them carry the project's old value.
    pub changes: Vec<Change>,
}

impl Plan {
    /// Rows refused (each once).
    pub fn rows_rejected(&self) -> BTreeSet<usize> {
        self.errors.iter().map(|e| e.row).collect()
    }

    /// The changes that would replace a value the project holds, with their index for
    /// `resolve`.
    pub fn conflicts(&self) -> impl Iterator<Item = (usize, &Change)> {
        self.changes
            .iter()
            .enumerate()
            .filter(|(_, change)| change.is_conflict())
    }

    /// Keep the project's value or take the file's, for one conflict.
    pub fn resolve(&mut self, change: usize, resolution: Resolution) {
        if let Some(change) = self.changes.get_mut(change) {
            change.resolution = resolution;
        }
    }

    /// The same choice for every conflict.
    pub fn resolve_all(&mut self, resolution: Resolution) {
        for change in &mut self.changes {
            change.resolution = resolution;
        }
    }

    /// The reasons row `row` (1-based, as the sheet numbers it) was refused, for the
    /// preview to show beside the row.
    pub fn errors_of(&self, row: usize) -> impl Iterator<Item = &RowError> {
        let start = self.errors.partition_point(|e| e.row < row);
        self.errors[start..]
            .iter()
            .take_while(move |e| e.row == row)
    }

    /// Whether every row read was taken.
    pub fn all_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The plan for importing the rows of `grid` below the mapping's header into `project`.
pub fn plan(project: &Project, grid: &Grid, mapping: &Mapping, options: ImportOptions) -> Plan {
    let headers = header_texts(grid, mapping);
    let mut builder = Builder {
        project,
        options,
        partners: PartnerIndex::new(project),
        context: Context::new(project, options.create_missing),
        plan: Plan {
            kind: mapping.kind,
            rows_read: 0,
            rows_valid: Vec::new(),
            errors: Vec::new(),
            matched: BTreeSet::new(),
            created: Vec::new(),
            created_modules: Vec::new(),
            unknown: BTreeSet::new(),
            changes: Vec::new(),
        },
        touched: Touched::new(project),
        last_comune: None,
        new_choices: HashMap::new(),
        recent: HashMap::new(),
        pending: None,
        created_ids: HashSet::new(),
    };
    // A row whose only filled cells say which Comune, month or module it is about holds
    // nothing to import: a template's months still to come are skipped, not refused. A
    // list of partners is the exception, since naming a Comune is its whole content.
    let mapped: Vec<usize> = (0..mapping.columns.len())
        .filter(|c| {
            mapping.columns[*c]
                .is_some_and(|field| mapping.kind == FileKind::Partners || !is_key(field))
        })
        .collect();
    for (index, cells) in grid.rows.iter().enumerate().skip(mapping.header_row + 1) {
        if mapped
            .iter()
            .all(|c| cells.get(*c).is_none_or(values::is_blank))
        {
            continue;
        }
        builder.plan.rows_read += 1;
        let mut reader = RowReader {
            cells,
            mapping,
            headers: &headers,
            row: index + 1,
            errors: Vec::new(),
        };
        builder.row(&mut reader);
    }
    builder.finish()
}

/// Fields that say what a row is about rather than give a value.
fn is_key(field: FieldKey) -> bool {
    matches!(
        field,
        FieldKey::PartnerId
            | FieldKey::PartnerName
            | FieldKey::Istat
            | FieldKey::Month
            | FieldKey::Module
            | FieldKey::SessionId
            | FieldKey::EquipmentId
            | FieldKey::Indicator
    )
}

/// The header text of each mapped column, for messages.
fn header_texts(grid: &Grid, mapping: &Mapping) -> Vec<String> {
    let row = grid.rows.get(mapping.header_row);
    (0..mapping.columns.len())
        .map(|c| {
            row.and_then(|r| r.get(c))
                .and_then(values::text)
                .unwrap_or_else(|| {
                    mapping.columns[c]
                        .map(|f| f.header().0.to_owned())
                        .unwrap_or_default()
                })
        })
        .collect()
}

struct Builder<'p> {
    project: &'p Project,
    options: ImportOptions,
    partners: PartnerIndex,
    context: Context<'p>,
    plan: Plan,
    /// The Comuni rows named, and where each of their targets was first set.
    touched: Touched<'p>,
    /// The last entry of `recent` used: files list a Comune's rows one after another, so
    /// most rows name the same Comune as the row before and are matched without copying
    /// their cells.
    last_comune: Option<(CellsOfComune, Comune)>,
    /// Modules the import chooses for a Comune.
    new_choices: HashMap<PartnerId, BTreeSet<crate::model::ModuleId>>,
    /// The Comune each (code, ISTAT code, name) of a row was matched to or created as.
    recent: HashMap<CellsOfComune, Comune>,
    /// The Comune the current row would create, and the cells that named it.
    pending: Option<(NewPartner, CellsOfComune)>,
    created_ids: HashSet<PartnerId>,
}

type CellsOfComune = (Option<String>, Option<String>, Option<String>);

/// A Comune a row names, with its slot in `touched`.
type Comune = (PartnerId, usize);

impl Builder<'_> {
    fn row(&mut self, reader: &mut RowReader) {
        self.pending = None;
        self.context.pending_module = None;
        let Some((partner, slot)) = self.partner(reader) else {
            self.refuse(reader);
            return;
        };
        let mut attendance = None;
        let mut items = match self.plan.kind {
            FileKind::Attendance => {
                attendance = kinds::attendance::read(reader, &mut self.context, &partner);
                Vec::new()
            }
            kind => kinds::read(kind, reader, &mut self.context, &partner),
        };
        if let Some(code) = reader.text(FieldKey::Istat).and_then(|c| istat_key(&c))
            && (self.plan.kind == FileKind::Partners
                || self
                    .touched
                    .record(slot)
                    .partner
                    .is_none_or(|p| p.istat.is_none()))
        {
            items.push((Target::Istat, Value::Text(code)));
        }
        if !reader.failed() && items.is_empty() && attendance.is_none() {
            reader.fail(Reason::NothingToImport);
        }
        if !reader.failed() {
            if let Some(record) = &attendance
                && let Err(reason) = self.choose(&partner, &record.module)
            {
                reader.fail_at(FieldKey::Module, reason);
            }
            self.check_contradictions(reader, slot, &items);
            if !reader.failed() {
                self.check_modules(reader, &partner, &items);
            }
        }
        if reader.failed() {
            self.refuse(reader);
            return;
        }
        self.commit_new();
        self.context.commit_modules();
        self.note_match(&partner, slot);
        for (target, value) in items {
            self.put(slot, target, value, reader.row);
        }
        if let Some(record) = attendance {
            self.context.attendance.push(record);
        }
        self.plan.rows_valid.push(reader.row);
    }

    fn refuse(&mut self, reader: &mut RowReader) {
        self.plan.errors.append(&mut reader.errors);
    }

    fn note_match(&mut self, partner: &PartnerId, slot: usize) {
        let record = self.touched.record_mut(slot);
        if !record.matched && record.partner.is_some() {
            record.matched = true;
            self.plan.matched.insert(partner.clone());
        }
    }

    /// The Comune the row is about: by code, ISTAT code or name; created when allowed.
    fn partner(&mut self, reader: &mut RowReader) -> Option<Comune> {
        if let Some(((id, istat, name), found)) = &self.last_comune
            && reader.text_is(FieldKey::PartnerId, id.as_deref())
            && reader.text_is(FieldKey::Istat, istat.as_deref())
            && reader.text_is(FieldKey::PartnerName, name.as_deref())
        {
            return Some(found.clone());
        }
        let id = reader.text(FieldKey::PartnerId);
        let istat = reader.text(FieldKey::Istat);
        let name = reader.text(FieldKey::PartnerName);
        // Files repeat each Comune on many rows: remember what its cells matched.
        let key = (id, istat, name);
        if let Some(found) = self.recent.get(&key) {
            let found = found.clone();
            self.last_comune = Some((key, found.clone()));
            return Some(found);
        }
        let found = self.find_or_create(reader, &key.0, &key.1, &key.2)?;
        let found = (found.clone(), self.touched.slot(&found));
        match &mut self.pending {
            // Created only once the row is taken (`commit_new`).
            Some(pending) if pending.0.id == found.0 => pending.1 = key,
            _ => self.remember(key, found.clone()),
        }
        Some(found)
    }

    fn remember(&mut self, key: CellsOfComune, comune: Comune) {
        self.recent.insert(key.clone(), comune.clone());
        self.last_comune = Some((key, comune));
    }

    /// Creates the Comune the taken row named, if it was new.
    fn commit_new(&mut self) {
        if let Some((new, key)) = self.pending.take() {
            self.partners.add(&new.id, &new.name, new.istat.as_deref());
            self.created_ids.insert(new.id.clone());
            let slot = self.touched.slot(&new.id);
            self.remember(key, (new.id.clone(), slot));
            self.plan.created.push(new);
        }
    }

    fn find_or_create(
        &mut self,
        reader: &mut RowReader,
        id: &Option<String>,
        istat: &Option<String>,
        name: &Option<String>,
    ) -> Option<PartnerId> {
        // An unknown Comune is not remembered: each of its rows is listed as refused.
        if let Some(found) = id.as_deref().and_then(|id| self.partners.by_id(id)) {
            return Some(found.clone());
        }
        if let Some(found) = istat
            .as_deref()
            .and_then(|code| self.partners.by_istat(code))
        {
            return Some(found.clone());
        }
        if let Some(found) = name.as_deref().and_then(|name| self.partners.by_name(name)) {
            return Some(found.clone());
        }
        let shown = name.clone().or(istat.clone()).or(id.clone());
        let Some(shown) = shown else {
            reader.fail(Reason::NoComune);
            return None;
        };
        if !self.options.create_missing {
            self.plan.unknown.insert(shown.clone());
            let field = if name.is_some() {
                FieldKey::PartnerName
            } else if istat.is_some() {
                FieldKey::Istat
            } else {
                FieldKey::PartnerId
            };
            reader.fail_at(field, Reason::UnknownComune(shown));
            return None;
        }
        let Some(name) = name.as_deref().filter(|n| !comune_key(n).is_empty()) else {
            reader.fail_at(FieldKey::Istat, Reason::NameNeeded(shown));
            return None;
        };
        Some(self.create(name, istat.as_deref(), reader.row))
    }

    /// A new Comune for the row, created if the row is taken.
    fn create(&mut self, name: &str, istat: Option<&str>, row: usize) -> PartnerId {
        let taken = |slug: &str| {
            let id = PartnerId::new(slug);
            self.project.partners.contains_key(&id) || self.created_ids.contains(&id)
        };
        // "Comune di Bra" is `bra`, as the Comune is called.
        let bare = strip_comune_prefix(name);
        let id = PartnerId::new(slug_unique(bare, taken));
        let new = NewPartner {
            id: id.clone(),
            name: name.trim().to_owned(),
            istat: istat.and_then(istat_key),
            row,
        };
        self.pending = Some((new, (None, None, None)));
        id
    }

    /// Refuses the row when it would choose a module beyond the programme's maximum or a
    /// retired one.
    fn check_modules(&mut self, reader: &mut RowReader, partner: &PartnerId, items: &[Item]) {
        for (target, _) in items {
            let Some(module) = target.module() else {
                continue;
            };
            if let Err(reason) = self.choose(partner, module) {
                reader.fail_at(FieldKey::Module, reason);
                return;
            }
        }
    }

    fn choose(
        &mut self,
        partner: &PartnerId,
        module: &crate::model::ModuleId,
    ) -> Result<(), Reason> {
        let existing = self.project.partners.get(partner).map(|p| &p.modules);
        if existing.is_some_and(|m| m.contains_key(module)) {
            return Ok(());
        }
        let planned = self.new_choices.entry(partner.clone()).or_default();
        if planned.contains(module) {
            return Ok(());
        }
        let entry = self.project.catalogue.get(module);
        if entry.is_some_and(|m| m.retired) {
            return Err(Reason::RetiredModule(
                entry.map(|m| m.title.clone()).unwrap_or_default(),
            ));
        }
        let max = self.project.meta.max_modules_per_partner;
        if existing.map_or(0, |m| m.len()) + planned.len() >= max as usize {
            return Err(Reason::TooManyModules { max });
        }
        planned.insert(module.clone());
        Ok(())
    }

    fn check_contradictions(&self, reader: &mut RowReader, slot: usize, items: &[Item]) {
        let record = self.touched.record(slot);
        for (target, value) in items {
            let seen = &record.seen;
            let (row, earlier) = match seen.get(target) {
                None => continue,
                Some(Seen::Change(index)) => {
                    let change = &self.plan.changes[*index];
                    (change.row, Some(change.value.clone()))
                }
                // The earlier row held the project's own value.
                Some(Seen::Same(row)) => (*row, record.partner.and_then(|p| current(p, target))),
            };
            if earlier.as_ref() != Some(value) {
                reader.fail(Reason::Contradicts { row });
                return;
            }
        }
    }

    fn put(&mut self, slot: usize, target: Target, value: Value, row: usize) {
        let changes = self.plan.changes.len();
        let record = self.touched.record_mut(slot);
        if record.seen.contains_key(&target) {
            return;
        }
        let old = record.partner.and_then(|p| current(p, &target));
        let same = old.as_ref() == Some(&value);
        let seen = if same {
            Seen::Same(row)
        } else {
            Seen::Change(changes)
        };
        record.seen.insert(target.clone(), seen);
        if same {
            return;
        }
        let partner = Arc::clone(&record.id);
        self.plan.changes.push(Change {
            partner,
            target,
            value,
            old,
            row,
            resolution: Resolution::default(),
        });
    }

    fn finish(mut self) -> Plan {
        if self.plan.kind == FileKind::Attendance {
            let records = std::mem::take(&mut self.context.attendance);
            for (partner, target, value, row) in
                kinds::attendance::aggregate(records, &mut self.context)
            {
                let slot = self.touched.slot(&partner);
                self.note_match(&partner, slot);
                self.put(slot, target, value, row);
            }
        }
        self.plan.created_modules = std::mem::take(&mut self.context.created_modules);
        self.plan.errors.sort_by_key(|e| e.row);
        self.plan
    }
}

fn strip_comune_prefix(name: &str) -> &str {
    let trimmed = name.trim();
    for prefix in [
        "Comune di ",
        "COMUNE DI ",
        "comune di ",
        "Città di ",
        "Citta di ",
    ] {
        if let Some(rest) = trimmed.strip_prefix(prefix)
            && !rest.trim().is_empty()
        {
            return rest.trim();
        }
    }
    trimmed
}
