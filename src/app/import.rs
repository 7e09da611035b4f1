//! Importing spreadsheets in the window: the files are read on a worker (with progress and
//! Cancel), the dialog shows the plan, and Apply sends every included sheet's edits as one
//! batch, one undo step. Cancel at any point leaves the project as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::CruscottoApp;
use super::prompts::Prompt;
use super::work::{Poll, Task};
use crate::exchange::Workbook;
use crate::exchange::read::{ReadOptions, read_path};
use crate::exchange::session::ImportSession;
use crate::i18n::{tr, tr_args};
use crate::ui::Request;
use crate::ui::import::{ImportAction, import_dialog, reading_dialog};

/// What reading the files gave: each file's workbook, or the message of why not.
type ReadOutcome = Vec<(PathBuf, Result<Workbook, String>)>;

pub(super) enum ImportState {
    Reading {
        files: Vec<PathBuf>,
        task: Task<ReadOutcome>,
        cancel: Arc<AtomicBool>,
    },
    Open {
        session: Box<ImportSession>,
        selected: usize,
    },
}

/// The extensions offered and accepted as spreadsheets.
pub const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "ods", "csv", "txt"];

/// Whether a dropped or chosen file is a spreadsheet to import (by its name; the reader
/// then checks what it really holds).
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        SPREADSHEET_EXTENSIONS
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

impl CruscottoApp {
    pub(super) fn import_is_reading(&self) -> bool {
        matches!(self.import, Some(ImportState::Reading { .. }))
    }

    /// Blocks until the files being read and the export being written are done; their
    /// outcome is taken on the next frame (tests, and the screenshot command).
    pub(super) fn wait_for_import_and_export(&mut self) {
        if let Some(ImportState::Reading { task, .. }) = &mut self.import {
            task.wait_done(Duration::from_secs(60));
        }
        if let Some(export) = &mut self.export {
            export.wait_done(Duration::from_secs(60));
        }
    }

    /// Starts reading `files` for an import; the dialog opens when they are read.
    pub(super) fn start_import(&mut self, files: Vec<PathBuf>) {
        if files.is_empty() || self.import.is_some() {
            return;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_cancel = Arc::clone(&cancel);
        let worker_files = files.clone();
        let lang = self.lang;
        // No waker: the reading notice repaints every 100 ms to move its bar anyway.
        let task = Task::spawn("import-read", None, move |progress| {
            let count = worker_files.len().max(1) as f32;
            let mut outcome = Vec::new();
            for (index, path) in worker_files.into_iter().enumerate() {
                if worker_cancel.load(Ordering::Relaxed) {
                    break;
                }
                let base = index as f32 / count;
                let report = |fraction: f32| progress.set(base + fraction / count);
                let options = ReadOptions {
                    cancel: Some(&worker_cancel),
                    progress: Some(&report),
                    ..ReadOptions::default()
                };
                let read = read_path(&path, &options).map_err(|e| e.message(lang));
                outcome.push((path, read));
            }
            outcome
        });
        self.import = Some(ImportState::Reading {
            files,
            task,
            cancel,
        });
    }

    /// Draws the import in progress, if any, and carries out what the user chose.
    pub(super) fn import_frame(&mut self, ctx: &egui::Context) {
        let Some(state) = self.import.take() else {
            return;
        };
        self.import = match state {
            ImportState::Reading {
                files,
                mut task,
                cancel,
            } => match task.poll() {
                Poll::Running => {
                    if reading_dialog(ctx, self.lang, &files, task.progress()) {
                        cancel.store(true, Ordering::Relaxed);
                        self.status = Some(tr(self.lang, "import.cancelled").into_owned());
                        None
                    } else {
                        // The worker wakes the window when it ends; the bar moves meanwhile.
                        ctx.request_repaint_after(Duration::from_millis(100));
                        Some(ImportState::Reading {
                            files,
                            task,
                            cancel,
                        })
                    }
                }
                Poll::Done(_) if cancel.load(Ordering::Relaxed) => None,
                Poll::Done(outcome) => self.files_read(outcome),
                Poll::Failed(failure) => {
                    self.prompt = Some(Prompt::Error {
                        title_key: "import.error_title",
                        message: super::failures::describe(self.lang, &failure),
                    });
                    None
                }
            },
            ImportState::Open {
                mut session,
                mut selected,
            } => {
                let actions = import_dialog(ctx, self.lang, self.doc.project(), &session, selected);
                let mut open = true;
                for action in actions {
                    if !self.take_import_action(&mut session, &mut selected, action) {
                        open = false;
                        break;
                    }
                }
                open.then_some(ImportState::Open { session, selected })
            }
        };
    }

    fn files_read(&mut self, outcome: ReadOutcome) -> Option<ImportState> {
        let mut workbooks = Vec::new();
        let mut failures = Vec::new();
        for (path, read) in outcome {
            match read {
                Ok(workbook) => workbooks.push((path, workbook)),
                // The reader's message names the file already.
                Err(message) => failures.push(message),
            }
        }
        if !failures.is_empty() {
            self.prompt = Some(Prompt::Error {
                title_key: "import.error_title",
                message: failures.join("\n"),
            });
        }
        if workbooks.is_empty() {
            return None;
        }
        let session = ImportSession::new(
            workbooks,
            self.doc.project(),
            &self.settings.import_mappings,
        );
        if session.sources.is_empty() {
            self.prompt = Some(Prompt::Error {
                title_key: "import.error_title",
                message: tr(self.lang, "import.no_data").into_owned(),
            });
            return None;
        }
        let selected = session.sources.iter().position(|s| s.included).unwrap_or(0);
        Some(ImportState::Open {
            session: Box::new(session),
            selected,
        })
    }

    /// Carries out one choice of the dialog; false when the dialog closes.
    fn take_import_action(
        &mut self,
        session: &mut ImportSession,
        selected: &mut usize,
        action: ImportAction,
    ) -> bool {
        let project = self.doc.project();
        match action {
            ImportAction::Select(index) => *selected = index,
            ImportAction::Include(index, included) => session.include(index, included, project),
            ImportAction::SetKind(index, kind) => session.set_kind(index, kind, project),
            ImportAction::SetField {
                source,
                column,
                field,
            } => session.set_field(source, column, field, project),
            ImportAction::CreateMissing(create) => session.set_create_missing(create, project),
            ImportAction::Resolve {
                source,
                change,
                resolution,
            } => session.resolve(source, change, resolution),
            ImportAction::ResolveAll(resolution) => session.resolve_all(resolution),
            ImportAction::Cancel => {
                self.status = Some(tr(self.lang, "import.cancelled").into_owned());
                return false;
            }
            ImportAction::Apply { .. } => return !self.apply_import(session),
        }
        true
    }

    /// Applies the import as one batch; true when it was applied (the dialog closes).
    fn apply_import(&mut self, session: &ImportSession) -> bool {
        match session.edits(self.doc.project()) {
            Ok(edits) => {
                let totals = session.totals();
                session.remember(&mut self.settings.import_mappings);
                let before = self.doc.revision();
                if !edits.is_empty() {
                    self.apply_request(Request::Batch(edits));
                }
                if self.doc.revision() != before || totals.rows_valid == 0 {
                    self.status = Some(tr_args(
                        self.lang,
                        "import.applied",
                        &[("rows", &totals.rows_valid.to_string())],
                    ));
                }
                true
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title_key: "import.error_title",
                    message: error.to_string(),
                });
                false
            }
        }
    }
}
