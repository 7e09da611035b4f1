//! File work off the UI thread: loading, saving and autosaving. Each job runs on its own
//! thread and reports back through a channel; the thread wakes the UI when it is done, so
//! nothing polls while nothing happens.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crate::model::Project;
use crate::store::{self, LoadError, SaveError};

/// Why a file is being loaded: it decides what the app does with the result.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadPurpose {
    /// Open it as the document.
    Open,
    /// Replace the document's content with this recovery file, keeping the document's path.
    Restore { project_path: Option<PathBuf> },
}

#[derive(Debug)]
pub enum JobResult {
    Loaded {
        path: PathBuf,
        purpose: LoadPurpose,
        result: Result<Project, LoadError>,
    },
    Saved {
        path: PathBuf,
        revision: u64,
        result: Result<(), SaveError>,
    },
    Autosaved {
        revision: u64,
        result: Result<(), SaveError>,
    },
}

/// What is running, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Load,
    Save,
    Autosave,
}

pub struct Jobs {
    sender: Sender<(JobKind, JobResult)>,
    receiver: Receiver<(JobKind, JobResult)>,
    running: Vec<JobKind>,
    /// Woken when a job finishes; `None` before the first frame.
    waker: Option<egui::Context>,
}

impl Default for Jobs {
    fn default() -> Jobs {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            running: Vec::new(),
            waker: None,
        }
    }
}

impl Jobs {
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    pub fn running(&self) -> &[JobKind] {
        &self.running
    }

    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running.contains(&kind)
    }

    pub fn load(&mut self, path: PathBuf, purpose: LoadPurpose) {
        self.spawn(JobKind::Load, move || {
            let result = store::load(&path);
            if result.is_ok() && purpose == LoadPurpose::Open {
                store::sweep_stale_temp_files(&path, store::STALE_AFTER);
            }
            JobResult::Loaded {
                path,
                purpose,
                result,
            }
        });
    }

    pub fn save(&mut self, project: Arc<Project>, path: PathBuf, revision: u64) {
        self.spawn(JobKind::Save, move || {
            let result = store::save(&path, &project);
            JobResult::Saved {
                path,
                revision,
                result,
            }
        });
    }

    pub fn autosave(&mut self, project: Arc<Project>, recovery: PathBuf, revision: u64) {
        self.spawn(JobKind::Autosave, move || JobResult::Autosaved {
            revision,
            result: store::write_recovery(&recovery, &project),
        });
    }

    /// The results that arrived since the last call.
    pub fn finished(&mut self) -> Vec<JobResult> {
        let mut results = Vec::new();
        while let Ok((kind, result)) = self.receiver.try_recv() {
            self.forget(kind);
            results.push(result);
        }
        results
    }

    /// Blocks until a running job finishes (for tests and the screenshot command), or
    /// returns `None` when nothing runs or it takes longer than `timeout`.
    pub fn wait(&mut self, timeout: Duration) -> Option<JobResult> {
        if self.running.is_empty() {
            return None;
        }
        let (kind, result) = self.receiver.recv_timeout(timeout).ok()?;
        self.forget(kind);
        Some(result)
    }

    fn forget(&mut self, kind: JobKind) {
        if let Some(index) = self.running.iter().position(|k| *k == kind) {
            self.running.remove(index);
        }
    }

    fn spawn(&mut self, kind: JobKind, work: impl FnOnce() -> JobResult + Send + 'static) {
        self.running.push(kind);
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let result = work();
            // The receiver only goes away when the app closes; nothing is left to tell.
            let _ = sender.send((kind, result));
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        });
    }
}
