//! The open project with its file, its revision counter and its undo history.
//!
//! The project sits behind an `Arc` so a save or an autosave can write a snapshot on another
//! thread without copying it; an edit made meanwhile copies it once (`Arc::make_mut`).

use std::path::PathBuf;
use std::sync::Arc;

use super::history::{History, Step};
use crate::model::{Edit, EditError, Project};

#[derive(Debug)]
pub struct Document {
    project: Arc<Project>,
    /// Where the project is saved; `None` for the demo and new projects.
    pub path: Option<PathBuf>,
    /// Bumped by every change: drives the dirty flag, autosave and the cached figures.
    revision: u64,
    /// The revision that matches the file on disk.
    saved_revision: u64,
    history: History,
}

/// Revisions are unique across documents, so a cache keyed on a revision never mistakes a
/// newly opened project for the previous one.
fn next_revision() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document whose project matches `path` on disk (or is untitled and unchanged).
    pub fn new(project: Project, path: Option<PathBuf>) -> Document {
        let revision = next_revision();
        Document {
            project: Arc::new(project),
            path,
            revision,
            saved_revision: revision,
            history: History::default(),
        }
    }

    /// A document holding unsaved content (a restored recovery file): dirty from the start.
    pub fn unsaved(project: Project, path: Option<PathBuf>) -> Document {
        let mut document = Document::new(project, path);
        document.saved_revision = 0;
        document
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as shared with background work (figures, saves).
    pub fn shared(&self) -> &Arc<Project> {
        &self.project
    }

    /// A cheap handle on the current project, for writing it on another thread.
    pub fn snapshot(&self) -> Arc<Project> {
        Arc::clone(&self.project)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// What a save writes: the project and its revision. The gesture in progress ends here,
    /// so undo can come back to exactly what is on disk.
    pub fn begin_save(&mut self) -> (Arc<Project>, u64) {
        self.history.seal();
        (self.snapshot(), self.revision)
    }

    /// Records that `revision` of the project was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf, revision: u64) {
        self.path = Some(path);
        self.saved_revision = revision;
    }

    /// Applies an edit as one undoable change (merged with the gesture in progress).
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let key = edit.key();
        let inverse = edit.apply(Arc::make_mut(&mut self.project))?;
        let before = self.revision;
        self.bump();
        self.history.record(key, inverse, before, self.revision);
        Ok(())
    }

    /// Ends the gesture in progress (the app calls it when no widget is being edited).
    pub fn seal_gesture(&mut self) {
        self.history.seal();
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn undo(&mut self) -> bool {
        match self.history.take_undo() {
            Some(step) => {
                let redo = self.replay(step);
                self.history.push_redo(redo);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.history.take_redo() {
            Some(step) => {
                let undo = self.replay(step);
                self.history.push_undo(undo);
                true
            }
            None => false,
        }
    }

    /// Applies a step's inverses, last first, and returns the step that reverses it.
    fn replay(&mut self, step: Step) -> Step {
        let project = Arc::make_mut(&mut self.project);
        let count = step.inverses.len();
        let mut inverses: Vec<Edit> = step
            .inverses
            .into_iter()
            .rev()
            // An inverse applies to the state its edit produced, which undo restores exactly,
            // so it cannot miss its target; if it ever did, skipping it beats a panic.
            .filter_map(|edit| edit.apply(project).ok())
            .collect();
        inverses.reverse();
        if inverses.len() == count {
            self.revision = step.before;
        } else {
            // Not exactly the earlier content: it needs a revision of its own.
            self.bump();
        }
        Step {
            inverses,
            before: step.after,
            after: self.revision,
        }
    }

    fn bump(&mut self) {
        self.revision = next_revision();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Month;

    fn document() -> Document {
        let start = Month::new(2025, 1).unwrap();
        let end = Month::new(2026, 12).unwrap();
        Document::new(Project::new("Lavoro agile", start, end), None)
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_track_dirtiness() {
        let mut document = document();
        assert!(!document.is_dirty());
        document.apply(Edit::SetTitle("Uno".into())).unwrap();
        document.seal_gesture();
        document.apply(Edit::SetTitle("Due".into())).unwrap();
        assert!(document.is_dirty());
        assert!(document.undo());
        assert_eq!(document.project().meta.title, "Uno");
        assert!(document.undo());
        assert_eq!(document.project().meta.title, "Lavoro agile");
        assert!(!document.undo());
        assert!(document.redo());
        assert!(document.redo());
        assert_eq!(document.project().meta.title, "Due");
        assert!(!document.redo());
    }

    #[test]
    fn undoing_back_to_the_saved_state_is_clean_and_redo_is_dirty_again() {
        let mut document = document();
        document.apply(Edit::SetTitle("Salvato".into())).unwrap();
        let (_, saved) = document.begin_save();
        document.mark_saved(PathBuf::from("/tmp/p.ron"), saved);
        document.apply(Edit::SetTitle("Modificato".into())).unwrap();
        assert!(document.is_dirty());
        document.undo();
        assert!(!document.is_dirty());
        assert_eq!(document.revision(), saved);
        document.redo();
        assert!(document.is_dirty());
        document.undo();
        document.undo();
        assert!(
            document.is_dirty(),
            "before the save is not what is on disk"
        );
    }

    #[test]
    fn typing_in_one_field_undoes_in_one_step() {
        let mut document = document();
        for title in ["L", "La", "Lab"] {
            document.apply(Edit::SetTitle(title.into())).unwrap();
        }
        document.undo();
        assert_eq!(document.project().meta.title, "Lavoro agile");
    }

    #[test]
    fn saving_clears_dirty_and_a_snapshot_survives_later_edits() {
        let mut document = document();
        document.apply(Edit::SetTitle("Salvato".into())).unwrap();
        let snapshot = document.snapshot();
        document.mark_saved(PathBuf::from("/tmp/p.ron"), document.revision());
        assert!(!document.is_dirty());
        document.apply(Edit::SetTitle("Dopo".into())).unwrap();
        assert_eq!(snapshot.meta.title, "Salvato");
        assert!(document.is_dirty());
    }
}
