//! An import as the window runs it: one or more files (a dropped handful of filled
//! templates, or one spreadsheet), each sheet with data a source with its own mapping and
//! plan, the user's choices between them, and in the end one list of edits for all.
//!
//! A workbook whose sheets' headers Cruscotto recognises (an export of every table, a
//! filled template) has every such sheet included and the others left out; otherwise its
//! sheets with data are listed, the first included, and the user picks others or maps the
//! columns by hand.

use std::path::PathBuf;
use std::sync::Arc;

use super::apply::{self, ApplyError};
use super::cell::Workbook;
use super::change::Resolution;
use super::header::find_header;
use super::import::{PrepareError, Prepared, prepare};
use super::mapping::{Mapping, MappingMemory};
use super::plan::{ImportOptions, Plan, plan};
use super::schema::{FieldKey, FileKind};
use crate::model::{Edit, Project};

/// One sheet of one file, as the dialog lists it.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub workbook: Arc<Workbook>,
    /// Index of the sheet in `workbook`.
    pub sheet: usize,
    /// Whether applying takes this sheet's rows.
    pub included: bool,
    /// The sheet's header and mapping, or why it has none yet (the user may pick a kind).
    pub prepared: Result<Prepared, PrepareError>,
    /// What importing the sheet would do; `None` until it has a mapping.
    pub plan: Option<Plan>,
}

impl Source {
    /// The file's name, and the sheet's when the file has several.
    pub fn title(&self) -> String {
        let file = self
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string());
        if self.workbook.sheets.len() > 1 {
            format!("{file} · {}", self.workbook.sheets[self.sheet].name)
        } else {
            file
        }
    }

    pub fn kind(&self) -> Option<FileKind> {
        self.prepared.as_ref().ok().map(|p| p.mapping.kind)
    }
}

/// Sums over the included sources, for the dialog's summary and its buttons.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub rows_read: usize,
    pub rows_valid: usize,
    pub rows_rejected: usize,
    pub conflicts: usize,
    pub unknown_comuni: usize,
    pub created_comuni: usize,
    /// Included sheets that cannot be imported as they are (no mapping).
    pub unmapped: usize,
}

#[derive(Debug, Clone)]
pub struct ImportSession {
    pub sources: Vec<Source>,
    pub options: ImportOptions,
}

impl ImportSession {
    /// Every sheet with data of every file, prepared with the remembered mappings.
    pub fn new(
        files: Vec<(PathBuf, Workbook)>,
        project: &Project,
        memory: &MappingMemory,
    ) -> ImportSession {
        let mut sources = Vec::new();
        for (path, workbook) in files {
            let workbook = Arc::new(workbook);
            let first = sources.len();
            for (index, grid) in workbook.sheets.iter().enumerate() {
                if find_header(grid).is_none() {
                    continue;
                }
                let prepared = prepare(&workbook, Some(&grid.name), None, Some(memory))
                    .map(|p| Prepared { sheet: index, ..p });
                sources.push(Source {
                    path: path.clone(),
                    workbook: Arc::clone(&workbook),
                    sheet: index,
                    included: prepared.is_ok(),
                    prepared,
                    plan: None,
                });
            }
            let recognised = sources[first..].iter().any(|s| s.included);
            if recognised {
                // A template's instructions and lists are not data: not even listed.
                let mut index = 0;
                sources.retain(|s: &Source| {
                    index += 1;
                    index <= first || s.included
                });
            } else if let Some(source) = sources.get_mut(first) {
                // Nothing recognised: the first sheet with data waits for the user's mapping.
                source.included = true;
            }
        }
        let mut session = ImportSession {
            sources,
            options: ImportOptions::default(),
        };
        for index in 0..session.sources.len() {
            session.replan(index, project);
        }
        session
    }

    fn replan(&mut self, index: usize, project: &Project) {
        let options = self.options;
        let Some(source) = self.sources.get_mut(index) else {
            return;
        };
        source.plan = match &source.prepared {
            Ok(prepared) if source.included => Some(plan(
                project,
                &source.workbook.sheets[source.sheet],
                &prepared.mapping,
                options,
            )),
            _ => None,
        };
    }

    /// Takes or leaves a sheet.
    pub fn include(&mut self, index: usize, included: bool, project: &Project) {
        if let Some(source) = self.sources.get_mut(index) {
            source.included = included;
            self.replan(index, project);
        }
    }

    /// Reads a sheet as another kind of file: its columns guessed again for that kind.
    pub fn set_kind(&mut self, index: usize, kind: FileKind, project: &Project) {
        let Some(source) = self.sources.get_mut(index) else {
            return;
        };
        let grid = &source.workbook.sheets[source.sheet];
        let Some(header) = find_header(grid) else {
            return;
        };
        let mapping = Mapping::guess(&header, Some(kind)).unwrap_or_else(|| Mapping {
            kind,
            header_row: header.row,
            columns: vec![None; header.columns.len()],
        });
        source.prepared = Ok(Prepared {
            sheet: source.sheet,
            header,
            mapping,
            recalled: false,
        });
        self.replan(index, project);
    }

    /// Gives column `column` of a sheet another meaning (`None`: ignored).
    pub fn set_field(
        &mut self,
        index: usize,
        column: usize,
        field: Option<FieldKey>,
        project: &Project,
    ) {
        let Some(Ok(prepared)) = self.sources.get_mut(index).map(|s| s.prepared.as_mut()) else {
            return;
        };
        prepared.mapping.set(column, field);
        prepared.recalled = false;
        self.replan(index, project);
    }

    /// Creates the Comuni the files name and the project lacks, or refuses their rows.
    pub fn set_create_missing(&mut self, create: bool, project: &Project) {
        self.options.create_missing = create;
        for index in 0..self.sources.len() {
            self.replan(index, project);
        }
    }

    /// Keep or overwrite one conflict (`change` indexes the source plan's changes).
    pub fn resolve(&mut self, index: usize, change: usize, resolution: Resolution) {
        if let Some(plan) = self.sources.get_mut(index).and_then(|s| s.plan.as_mut()) {
            plan.resolve(change, resolution);
        }
    }

    /// The same choice for every conflict of every sheet.
    pub fn resolve_all(&mut self, resolution: Resolution) {
        for plan in self.sources.iter_mut().filter_map(|s| s.plan.as_mut()) {
            plan.resolve_all(resolution);
        }
    }

    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.sources
            .iter()
            .filter(|s| s.included)
            .filter_map(|s| s.plan.as_ref())
    }

    pub fn totals(&self) -> Totals {
        let mut totals = Totals::default();
        for source in self.sources.iter().filter(|s| s.included) {
            let Some(plan) = &source.plan else {
                totals.unmapped += 1;
                continue;
            };
            totals.rows_read += plan.rows_read;
            totals.rows_valid += plan.rows_valid.len();
            totals.rows_rejected += plan.rows_rejected().len();
            totals.conflicts += plan.conflicts().count();
            totals.unknown_comuni += plan.unknown.len();
            totals.created_comuni += plan.created.len();
        }
        totals
    }

    /// The edits of every included sheet, in order, each planned on the project as the
    /// sheets before it leave it: one batch, all or nothing.
    pub fn edits(&self, project: &Project) -> Result<Vec<Edit>, SessionError> {
        let mut after = project.clone();
        let mut all = Vec::new();
        for plan in self.plans() {
            let edits = apply::edits(plan, &after).map_err(SessionError::Apply)?;
            for edit in &edits {
                edit.clone()
                    .apply(&mut after)
                    .map_err(|e| SessionError::Refused(e.to_string()))?;
            }
            all.extend(edits);
        }
        Ok(all)
    }

    /// Keeps the mapping of every included sheet for the next file with the same headers.
    pub fn remember(&self, memory: &mut MappingMemory) {
        for source in self.sources.iter().filter(|s| s.included) {
            if let Ok(prepared) = &source.prepared {
                memory.remember(&prepared.header, &prepared.mapping);
            }
        }
    }
}

/// Why the import cannot be applied as planned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Apply(ApplyError),
    #[error("the project refused the import: {0}")]
    Refused(String),
}
