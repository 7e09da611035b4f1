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

    /// Applies `edits` (a paste) as one undo step, all or nothing: when one is refused, the
    /// ones applied before it are undone by their inverses, so the project is left as it
    /// was (no copy of a national project is made to check first) and the error says why.
    pub fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        let project = Arc::make_mut(&mut self.project);
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match edit.apply(project) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    for inverse in inverses.into_iter().rev() {
                        // The inverse of an edit just applied finds what it changed.
                        let _ = inverse.apply(project);
                    }
                    return Err(error);
                }
            }
        }
        let before = self.revision;
        self.bump();
        self.history.record_batch(inverses, before, self.revision);
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

    /// The demo, with Bra's equipment three single laptops at no cost yet.
    fn with_three_purchases() -> Project {
        let mut project = crate::demo::embedded();
        let bra = (project.partners)
            .get_mut(&crate::model::PartnerId::from("bra"))
            .unwrap();
        let laptop = crate::model::Equipment {
            kind: crate::model::EquipmentKind::Laptop,
            quantity: 1,
            unit_cost: crate::model::Cents(0),
            ordered: None,
            delivered: None,
        };
        bra.equipment = ["a", "b", "c"].map(|id| (id.into(), laptop.clone())).into();
        project
    }

    fn bra_equipment(document: &Document) -> Vec<(i64, i64)> {
        let bra = &document.project().partners[&crate::model::PartnerId::from("bra")];
        (bra.equipment.values())
            .map(|item| (item.quantity, item.unit_cost.0))
            .collect()
    }

    /// The edits of pasting a 3 × 4 block into Bra's equipment from its quantity column.
    fn pasted_block(document: &Document) -> Vec<Edit> {
        let id = crate::model::PartnerId::from("bra");
        let bra = &document.project().partners[&id];
        let sheet = crate::fields::equipment::EquipmentSheet::new(&id, bra);
        let text =
            "20\t100\tgen 2025\tfeb 2025\n21\t200\tgen 2025\t\n22\t300\tmar 2025\tmar 2025\n";
        let plan = crate::fields::paste::plan(&sheet, crate::i18n::Lang::It, 0, 1, text);
        assert_eq!(
            (plan.landed, plan.refused.len(), plan.edits.len()),
            (12, 0, 3)
        );
        plan.edits
    }

    #[test]
    fn a_pasted_block_is_one_undo_step() {
        let mut document = Document::new(with_three_purchases(), None);
        let before = bra_equipment(&document);
        document.apply(Edit::SetTitle("Prima".into())).unwrap();
        document.seal_gesture();
        let edits = pasted_block(&document);
        document.apply_batch(edits).unwrap();
        let pasted = bra_equipment(&document);
        assert_eq!(
            (pasted.iter())
                .filter(|(q, _)| (20..=22).contains(q))
                .count(),
            3
        );
        // One Ctrl+Z undoes all twelve cells, and only them.
        assert!(document.undo());
        assert_eq!(bra_equipment(&document), before);
        assert_eq!(document.project().meta.title, "Prima");
        assert!(document.redo());
        assert_eq!(bra_equipment(&document), pasted);
    }

    #[test]
    fn a_batch_with_a_refused_edit_changes_nothing() {
        let mut document = Document::new(with_three_purchases(), None);
        let before = bra_equipment(&document);
        let revision = document.revision();
        let mut edits = pasted_block(&document);
        // A partner deleted meanwhile: its edit is refused after the others applied.
        edits.push(Edit::RenamePartner {
            partner: crate::model::PartnerId::from("nessuno"),
            name: "Nessuno".into(),
        });
        assert!(document.apply_batch(edits).is_err());
        assert_eq!(bra_equipment(&document), before);
        assert_eq!(document.revision(), revision);
        assert!(!document.can_undo() && !document.is_dirty());
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
