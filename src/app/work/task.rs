//! One piece of work on its own thread, with a progress value and an answer that always
//! comes: the result, or a failure when the work panicked or its thread went away. Nothing
//! polls while nothing happens: the thread wakes the UI when it ends.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

/// How far a piece of work has come, from 0 to 1; written by the worker, read by the UI.
#[derive(Debug, Clone, Default)]
pub struct Progress(Arc<AtomicU32>);

/// The bits of an f32 no worker writes: "no progress value" (work that cannot tell).
const UNKNOWN: u32 = u32::MAX;

impl Progress {
    pub fn new() -> Progress {
        Progress(Arc::new(AtomicU32::new(UNKNOWN)))
    }

    /// Records `fraction` of the work done (clamped to 0..=1).
    pub fn set(&self, fraction: f32) {
        let fraction = if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 1.0)
        };
        self.0.store(fraction.to_bits(), Ordering::Relaxed);
    }

    /// The fraction done, when the work has told.
    pub fn get(&self) -> Option<f32> {
        match self.0.load(Ordering::Relaxed) {
            UNKNOWN => None,
            bits => Some(f32::from_bits(bits)),
        }
    }
}

/// Why work ended without a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkFailure {
    /// The work panicked; the panic's message.
    Panicked(String),
    /// The thread ended (or could not start) without answering.
    Vanished,
}

impl WorkFailure {
    fn from_panic(payload: Box<dyn std::any::Any + Send>) -> WorkFailure {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        WorkFailure::Panicked(message)
    }

    /// Runs `work` here, turning a panic into a failure.
    pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, WorkFailure> {
        catch_unwind(AssertUnwindSafe(work)).map_err(WorkFailure::from_panic)
    }
}

/// What a task says when asked.
#[derive(Debug)]
pub enum Poll<T> {
    Running,
    Done(T),
    Failed(WorkFailure),
}

/// Work running on its own thread.
pub struct Task<T> {
    receiver: Receiver<Result<T, WorkFailure>>,
    progress: Progress,
    /// The answer `wait_done` received, kept for the next `poll`.
    arrived: Option<Result<T, WorkFailure>>,
}

impl<T: Send + 'static> Task<T> {
    /// Starts `work` on a thread named `name`; `waker` is repainted when it ends.
    pub fn spawn(
        name: &str,
        waker: Option<egui::Context>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Task<T> {
        let (sender, receiver) = channel();
        let progress = Progress::new();
        let worker_progress = progress.clone();
        // A thread that cannot start drops `sender` with the closure: the task reads as
        // vanished, not as running forever.
        let _ = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let outcome = WorkFailure::catch(|| work(&worker_progress));
                // The receiver is gone only when nobody waits for the answer any more.
                let _ = sender.send(outcome);
                if let Some(ctx) = waker {
                    ctx.request_repaint();
                }
            });
        Task {
            receiver,
            progress,
            arrived: None,
        }
    }
}

impl<T> Task<T> {
    /// Whether the work has ended, and how.
    pub fn poll(&mut self) -> Poll<T> {
        if let Some(outcome) = self.arrived.take() {
            return outcome.into();
        }
        match self.receiver.try_recv() {
            Ok(outcome) => outcome.into(),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Failed(WorkFailure::Vanished),
        }
    }

    /// Blocks until the work ends or `timeout` passes (tests and the screenshot command).
    pub fn wait(&mut self, timeout: Duration) -> Poll<T> {
        match self.receiver.recv_timeout(timeout) {
            Ok(outcome) => outcome.into(),
            Err(RecvTimeoutError::Timeout) => Poll::Running,
            Err(RecvTimeoutError::Disconnected) => Poll::Failed(WorkFailure::Vanished),
        }
    }

    /// Blocks until the work ends or `timeout` passes, leaving the answer for the next
    /// `poll` (where the answer is handled in the frame, not by the one waiting).
    pub fn wait_done(&mut self, timeout: Duration) {
        if self.arrived.is_none() {
            self.arrived = match self.receiver.recv_timeout(timeout) {
                Ok(outcome) => Some(outcome),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Err(WorkFailure::Vanished)),
            };
        }
    }

    pub fn progress(&self) -> Option<f32> {
        self.progress.get()
    }
}

impl<T> From<Result<T, WorkFailure>> for Poll<T> {
    fn from(outcome: Result<T, WorkFailure>) -> Poll<T> {
        match outcome {
            Ok(value) => Poll::Done(value),
            Err(failure) => Poll::Failed(failure),
        }
    }
}
