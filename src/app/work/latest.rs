//! Work where only the newest request matters, such as the figures of the project as it is
//! now: while one computation runs, newer requests replace each other instead of queuing,
//! and the next one starts when the running one ends. The last good result stays available
//! meanwhile; a failure is kept (with what it was for) until the user retries.

use std::time::Duration;

use super::task::{Poll, Progress, Task, WorkFailure};

/// A computation, built when it starts (so it can reuse whatever is cached by then).
pub type Job<T> = Box<dyn FnOnce(&Progress) -> T + Send>;

/// Where a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On the UI thread, at once: quicker than a thread for small work.
    Here,
    /// On a thread of its own.
    Background,
}

pub struct Latest<K, T> {
    name: &'static str,
    waker: Option<egui::Context>,
    wanted: Option<K>,
    running: Option<(K, Task<T>)>,
    done: Option<(K, T)>,
    failure: Option<(K, WorkFailure)>,
    /// Computations started so far (tests count them).
    started: u64,
}

impl<K: Clone + PartialEq, T: Send + 'static> Latest<K, T> {
    /// `name` names the worker threads.
    pub fn new(name: &'static str) -> Latest<K, T> {
        Latest {
            name,
            waker: None,
            wanted: None,
            running: None,
            done: None,
            failure: None,
            started: 0,
        }
    }

    /// Repaints `ctx` when background work ends.
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    /// Asks for the result of `key`, superseding any earlier request not yet started.
    pub fn want(&mut self, key: K) {
        self.wanted = Some(key);
    }

    /// Takes in finished work, then starts the wanted job if it is neither the result at
    /// hand, nor running, nor the one that failed. `make` builds the job and says where it
    /// runs. Returns whether a new result arrived.
    pub fn pump(&mut self, make: impl FnOnce(&K, Option<&T>) -> (Place, Job<T>)) -> bool {
        let mut arrived = self.take_finished();
        let Some(wanted) = self.wanted.clone() else {
            return arrived;
        };
        let settled = self.done.as_ref().is_some_and(|(k, _)| *k == wanted)
            || self.failure.as_ref().is_some_and(|(k, _)| *k == wanted);
        if settled || self.running.is_some() {
            return arrived;
        }
        let (place, job) = make(&wanted, self.done.as_ref().map(|(_, t)| t));
        self.started += 1;
        match place {
            Place::Here => {
                let progress = Progress::new();
                let outcome = WorkFailure::catch(|| job(&progress));
                self.settle(wanted, outcome);
                arrived = true;
            }
            Place::Background => {
                let task = Task::spawn(self.name, self.waker.clone(), job);
                self.running = Some((wanted, task));
            }
        }
        arrived
    }

    /// The latest good result and what it was computed for.
    pub fn latest(&self) -> Option<(&K, &T)> {
        self.done.as_ref().map(|(k, t)| (k, t))
    }

    pub fn latest_mut(&mut self) -> Option<(&K, &mut T)> {
        self.done.as_mut().map(|(k, t)| (&*k, t))
    }

    /// Whether the latest result is the one wanted.
    pub fn is_current(&self) -> bool {
        self.wanted.is_some() && self.done.as_ref().map(|(k, _)| k) == self.wanted.as_ref()
    }

    /// Whether work is running or waiting to start.
    pub fn is_working(&self) -> bool {
        self.running.is_some()
            || (!self.is_current() && !self.has_failed() && self.wanted.is_some())
    }

    /// The running work's progress, when it tells.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref().and_then(|(_, task)| task.progress())
    }

    /// Why the work wanted now failed.
    pub fn failure(&self) -> Option<&WorkFailure> {
        match (&self.failure, &self.wanted) {
            (Some((k, failure)), Some(wanted)) if k == wanted => Some(failure),
            _ => None,
        }
    }

    fn has_failed(&self) -> bool {
        self.failure().is_some()
    }

    /// Forgets the failure, so the next `pump` tries again.
    pub fn retry(&mut self) {
        self.failure = None;
    }

    /// Blocks until the running work ends (tests and the screenshot command); it then
    /// starts nothing new: call `pump` for that.
    pub fn wait(&mut self) {
        if let Some((key, mut task)) = self.running.take() {
            match task.wait(Duration::from_secs(600)) {
                Poll::Done(value) => {
                    self.settle(key, Ok(value));
                }
                Poll::Failed(failure) => {
                    self.settle(key, Err(failure));
                }
                Poll::Running => self.running = Some((key, task)),
            }
        }
    }

    /// How many computations were started (tests).
    pub fn started(&self) -> u64 {
        self.started
    }

    fn take_finished(&mut self) -> bool {
        let Some((key, task)) = &mut self.running else {
            return false;
        };
        let outcome = match task.poll() {
            Poll::Running => return false,
            Poll::Done(value) => Ok(value),
            Poll::Failed(failure) => Err(failure),
        };
        let key = key.clone();
        self.running = None;
        self.settle(key, outcome)
    }

    fn settle(&mut self, key: K, outcome: Result<T, WorkFailure>) -> bool {
        match outcome {
            Ok(value) => {
                self.done = Some((key, value));
                self.failure = None;
                true
            }
            Err(failure) => {
                self.failure = Some((key, failure));
                false
            }
        }
    }
}

#[cfg(test)]
#[path = "latest_tests.rs"]
mod tests;
