//! The dashboard figures of the current revision, computed once per revision and shared with
//! the views.
//!
//! A national programme takes over 100 ms to compute: doing that on the UI thread after each
//! keystroke would make typing stutter. So a large project's figures are computed on another
//! thread while the views keep showing the previous ones for the few frames it takes; a small
//! project's are computed at once, which is quicker than a round trip to a thread.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::model::Project;

/// Partners × months above which figures are computed off the UI thread (the demo is 192;
/// computing 20,000 partner-months takes a few milliseconds).
const BACKGROUND_ABOVE: usize = 20_000;

#[derive(Default)]
pub struct DerivedCache {
    cached: Option<(u64, Arc<Dashboard>)>,
    /// The revision being computed in the background, and where its figures will arrive.
    pending: Option<(u64, Receiver<Arc<Dashboard>>)>,
}

impl DerivedCache {
    /// The figures of `project` at `revision`, or the latest ones available while a large
    /// project's are being computed (`waker` is repainted when they arrive).
    pub fn get(
        &mut self,
        project: &Arc<Project>,
        revision: u64,
        waker: &egui::Context,
    ) -> Arc<Dashboard> {
        self.take_finished();
        match &self.cached {
            Some((cached, figures)) if *cached == revision => return Arc::clone(figures),
            Some((_, figures)) if is_large(project) => {
                let stale = Arc::clone(figures);
                if self.pending.as_ref().map(|(r, _)| *r) != Some(revision) {
                    self.spawn(Arc::clone(project), revision, waker.clone());
                }
                return stale;
            }
            _ => {}
        }
        let figures = Arc::new(dashboard(project));
        self.cached = Some((revision, Arc::clone(&figures)));
        figures
    }

    /// The figures computed last, whatever their revision.
    pub fn latest(&self) -> Option<Arc<Dashboard>> {
        self.cached.as_ref().map(|(_, figures)| Arc::clone(figures))
    }

    /// The revision the cached figures belong to.
    pub fn revision(&self) -> Option<u64> {
        self.cached.as_ref().map(|(revision, _)| *revision)
    }

    /// Whether figures newer than the shown ones are being computed.
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Blocks until the figures being computed arrive (tests and the screenshot command).
    pub fn wait(&mut self) {
        if let Some((revision, receiver)) = self.pending.take()
            && let Ok(figures) = receiver.recv()
        {
            self.cached = Some((revision, figures));
        }
    }

    fn take_finished(&mut self) {
        if let Some((revision, receiver)) = &self.pending
            && let Ok(figures) = receiver.try_recv()
        {
            self.cached = Some((*revision, figures));
            self.pending = None;
        }
    }

    fn spawn(&mut self, project: Arc<Project>, revision: u64, waker: egui::Context) {
        // A computation still running for an older revision finishes unseen: its receiver
        // is dropped here.
        let (sender, receiver) = channel();
        self.pending = Some((revision, receiver));
        std::thread::spawn(move || {
            let _ = sender.send(Arc::new(dashboard(&project)));
            waker.request_repaint();
        });
    }
}

fn is_large(project: &Project) -> bool {
    project.partners.len() * project.months().count() > BACKGROUND_ABOVE
}
