//! The dashboard figures of the current revision, computed once per revision and shared with
//! the views.
//!
//! A national programme takes over 100 ms to compute: doing that on the UI thread after each
//! keystroke would make typing stutter. So a large project's figures are computed on another
//! thread while the views keep showing the previous ones; keystrokes made meanwhile replace
//! each other, and only the last is computed next (`work::Latest`). A small project's are
//! computed at once, which is quicker than a round trip to a thread.

use std::sync::Arc;

use super::work::{Latest, Place, WorkFailure};
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::model::Project;

/// Partners × months above which figures are computed off the UI thread (the demo is 192;
/// computing 20,000 partner-months takes a few milliseconds).
const BACKGROUND_ABOVE: usize = 20_000;

/// How the figures are computed: `dashboard` in the app, something that fails in tests.
pub type DashboardFn = fn(&Project) -> Dashboard;

pub struct DerivedCache {
    slot: Latest<u64, Arc<Dashboard>>,
    compute: DashboardFn,
}

impl Default for DerivedCache {
    fn default() -> DerivedCache {
        DerivedCache::new(dashboard)
    }
}

impl DerivedCache {
    pub fn new(compute: DashboardFn) -> DerivedCache {
        DerivedCache {
            slot: Latest::new("figures"),
            compute,
        }
    }

    /// The figures of `project` at `revision`, or the latest ones available while a large
    /// project's are being computed (`waker` is repainted when they arrive).
    pub fn get(
        &mut self,
        project: &Arc<Project>,
        revision: u64,
        waker: &egui::Context,
    ) -> Arc<Dashboard> {
        self.slot.set_waker(waker);
        self.slot.want(revision);
        let compute = self.compute;
        self.slot.pump(|_, previous| {
            // The first figures are computed at once: there is nothing older to show.
            let place = if previous.is_some() && is_large(project) {
                Place::Background
            } else {
                Place::Here
            };
            let project = Arc::clone(project);
            (place, Box::new(move |_| Arc::new(compute(&project))))
        });
        match self.slot.latest() {
            Some((_, figures)) => Arc::clone(figures),
            // Only when the very first computation failed: the views show an empty programme
            // of the same span under the failure's banner, rather than nothing at all.
            None => Arc::new(dashboard(&empty_like(project))),
        }
    }

    /// The figures computed last, whatever their revision.
    pub fn latest(&self) -> Option<Arc<Dashboard>> {
        self.slot.latest().map(|(_, figures)| Arc::clone(figures))
    }

    /// The revision the cached figures belong to.
    pub fn revision(&self) -> Option<u64> {
        self.slot.latest().map(|(revision, _)| *revision)
    }

    /// Whether figures newer than the shown ones are being computed.
    pub fn is_updating(&self) -> bool {
        self.slot.is_working()
    }

    /// Why the figures of the current revision could not be computed.
    pub fn failure(&self) -> Option<&WorkFailure> {
        self.slot.failure()
    }

    /// Tries the failed computation again on the next frame.
    pub fn retry(&mut self) {
        self.slot.retry();
    }

    /// Blocks until the figures being computed arrive (tests and the screenshot command).
    pub fn wait(&mut self) {
        self.slot.wait();
    }

    /// How many computations were started (tests).
    pub fn started(&self) -> u64 {
        self.slot.started()
    }
}

fn is_large(project: &Project) -> bool {
    project.partners.len() * project.months().count() > BACKGROUND_ABOVE
}

fn empty_like(project: &Project) -> Project {
    Project::new(
        project.meta.title.clone(),
        project.meta.start,
        project.meta.end,
    )
}
