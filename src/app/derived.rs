//! The dashboard figures of the current revision, computed once and shared with the views.

use std::sync::Arc;

use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::model::Project;

#[derive(Default)]
pub struct DerivedCache {
    cached: Option<(u64, Arc<Dashboard>)>,
}

impl DerivedCache {
    /// The figures of `project` at `revision`, computing them only when the revision changed.
    pub fn get(&mut self, project: &Project, revision: u64) -> Arc<Dashboard> {
        match &self.cached {
            Some((cached_revision, figures)) if *cached_revision == revision => Arc::clone(figures),
            _ => {
                let figures = Arc::new(dashboard(project));
                self.cached = Some((revision, Arc::clone(&figures)));
                figures
            }
        }
    }

    /// The revision the cached figures belong to (tests check nothing is recomputed needlessly).
    pub fn revision(&self) -> Option<u64> {
        self.cached.as_ref().map(|(revision, _)| *revision)
    }
}
