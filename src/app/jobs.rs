//! File work off the UI thread: loading, saving and autosaving, each a `Task` that always
//! answers: its result, or a failure when the worker panicked or vanished (so a save never
//! shows as running forever).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::work::{Poll, Task, WorkFailure};
use crate::model::Project;
use crate::store::{self, LoadError, SaveError};

/// Why a file is being loaded: it decides what the app does with the result.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadPurpose {
    /// Open it as the document.
    Open,
    /// Replace the document's content with this recovery file, keeping the document's path.
    Restore { project_path: Option<PathBuf> },
    /// Open the backup of `original` (which could not be read) as unsaved changes to it.
    Backup { original: PathBuf },
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
        recovery: PathBuf,
        result: Result<(), SaveError>,
    },
    /// The worker panicked or vanished before answering.
    Failed {
        kind: JobKind,
        path: PathBuf,
        failure: WorkFailure,
    },
}

/// What is running, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Load,
    Save,
    Autosave,
}

/// How a project is written: `store::save` in the app, something that fails in tests.
pub type SaveFn = fn(&Path, &Project) -> Result<(), SaveError>;

struct Running {
    kind: JobKind,
    path: PathBuf,
    task: Task<JobResult>,
}

pub struct Jobs {
    running: Vec<Running>,
    save_fn: SaveFn,
    /// Woken when a job finishes; `None` before the first frame.
    waker: Option<egui::Context>,
}

impl Default for Jobs {
    fn default() -> Jobs {
        Jobs::new(store::save)
    }
}

impl Jobs {
    pub fn new(save_fn: SaveFn) -> Jobs {
        Jobs {
            running: Vec::new(),
            save_fn,
            waker: None,
        }
    }

    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    /// The context to wake when background work ends, once the first frame has run.
    pub fn waker(&self) -> Option<egui::Context> {
        self.waker.clone()
    }

    pub fn running(&self) -> Vec<JobKind> {
        self.running.iter().map(|r| r.kind).collect()
    }

    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running.iter().any(|r| r.kind == kind)
    }

    pub fn load(&mut self, path: PathBuf, purpose: LoadPurpose) {
        let worker_path = path.clone();
        self.spawn(JobKind::Load, path, move || {
            let path = worker_path;
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
        let save = self.save_fn;
        let worker_path = path.clone();
        self.spawn(JobKind::Save, path, move || JobResult::Saved {
            result: save(&worker_path, &project),
            path: worker_path,
            revision,
        });
    }

    pub fn autosave(&mut self, project: Arc<Project>, recovery: PathBuf, revision: u64) {
        let worker_path = recovery.clone();
        self.spawn(JobKind::Autosave, recovery, move || JobResult::Autosaved {
            revision,
            result: store::write_recovery(&worker_path, &project),
            recovery: worker_path,
        });
    }

    /// The results that arrived since the last call.
    pub fn finished(&mut self) -> Vec<JobResult> {
        let mut results = Vec::new();
        let mut index = 0;
        while index < self.running.len() {
            match self.running[index].task.poll() {
                Poll::Running => index += 1,
                outcome => results.push(Self::answer(self.running.remove(index), outcome)),
            }
        }
        results
    }

    /// Blocks until a running job finishes (for tests and the screenshot command), or
    /// returns `None` when nothing runs or it takes longer than `timeout`.
    pub fn wait(&mut self, timeout: Duration) -> Option<JobResult> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(result) = self.finished().into_iter().next() {
                return Some(result);
            }
            if self.running.is_empty() || Instant::now() >= deadline {
                return None;
            }
            let slice = Duration::from_millis(5).min(deadline - Instant::now());
            match self.running[0].task.wait(slice) {
                Poll::Running => {}
                outcome => return Some(Self::answer(self.running.remove(0), outcome)),
            }
        }
    }

    fn answer(running: Running, outcome: Poll<JobResult>) -> JobResult {
        match outcome {
            Poll::Done(result) => result,
            Poll::Failed(failure) => JobResult::Failed {
                kind: running.kind,
                path: running.path,
                failure,
            },
            Poll::Running => unreachable!("only ended tasks are answered"),
        }
    }

    fn spawn(
        &mut self,
        kind: JobKind,
        path: PathBuf,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        let name = format!("{kind:?}").to_lowercase();
        let task = Task::spawn(&name, self.waker.clone(), move |_| work());
        self.running.push(Running { kind, path, task });
    }
}
