//! Undo and redo as stacks of inverse edits. Edits of the same value inside one gesture
//! (the keystrokes of one text field, one slider drag) merge into one step, so Ctrl+Z undoes
//! what the user thinks of as one change.

use crate::model::{Edit, EditKey};

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The key of the gesture still in progress: the next edit with this key joins the top
    /// step instead of starting a new one.
    open: Option<EditKey>,
}

/// One undo step: the inverses of its edits, in the order they were applied, and the
/// document revisions on either side of it. Applying the inverses turns the project at
/// `after` back into the project at `before`, so undo can give back the old revision: a
/// revision then always names the same content, and undoing to the saved one is clean.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub inverses: Vec<Edit>,
    pub before: u64,
    pub after: u64,
}

impl History {
    /// Records that an edit with `key` took the document from revision `before` to `after`,
    /// with `inverse` to undo it.
    pub fn record(&mut self, key: EditKey, inverse: Edit, before: u64, after: u64) {
        self.redo.clear();
        if self.open.as_ref() == Some(&key)
            && let Some(step) = self.undo.last_mut()
        {
            // Undoing the step must restore the value from before the gesture: the first
            // inverse does that, so later inverses of the same value add nothing.
            step.after = after;
            return;
        }
        self.undo.push(Step {
            inverses: vec![inverse],
            before,
            after,
        });
        self.open = Some(key);
    }

    /// Records a batch (a paste) as one step of its own, with `inverses` in the order their
    /// edits were applied; the next edit starts a new step.
    pub fn record_batch(&mut self, inverses: Vec<Edit>, before: u64, after: u64) {
        self.redo.clear();
        self.undo.push(Step {
            inverses,
            before,
            after,
        });
        self.open = None;
    }

    /// Ends the gesture in progress: the next edit starts a new step.
    pub fn seal(&mut self) {
        self.open = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn take_undo(&mut self) -> Option<Step> {
        self.open = None;
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<Step> {
        self.open = None;
        self.redo.pop()
    }

    /// Stores the step that redoes an undone one (the inverses of the undo).
    pub fn push_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Stores the step that undoes a redone one, keeping the redo stack.
    pub fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Edit {
        Edit::SetTitle(text.into())
    }

    #[test]
    fn one_gesture_is_one_step_and_keeps_the_first_inverse() {
        let mut history = History::default();
        history.record(EditKey::Title, title("A"), 1, 2);
        history.record(EditKey::Title, title("AB"), 2, 3);
        history.record(EditKey::Title, title("ABC"), 3, 4);
        let step = history.take_undo().unwrap();
        assert_eq!(step.inverses, vec![title("A")]);
        assert_eq!((step.before, step.after), (1, 4));
        assert!(!history.can_undo());
    }

    #[test]
    fn sealing_starts_a_new_step() {
        let mut history = History::default();
        history.record(EditKey::Title, title("A"), 1, 2);
        history.seal();
        history.record(EditKey::Title, title("B"), 2, 3);
        assert_eq!(history.take_undo().unwrap().inverses, vec![title("B")]);
        assert_eq!(history.take_undo().unwrap().inverses, vec![title("A")]);
    }

    #[test]
    fn another_value_starts_a_new_step_and_a_new_edit_drops_redo() {
        let mut history = History::default();
        history.record(EditKey::Title, title("A"), 1, 2);
        let partner = crate::model::PartnerId::new("bra");
        let rename = Edit::RenamePartner {
            partner: partner.clone(),
            name: "Bra".into(),
        };
        history.record(EditKey::PartnerName(partner), rename.clone(), 2, 3);
        let step = history.take_undo().unwrap();
        assert_eq!(step.inverses, vec![rename]);
        history.push_redo(step);
        assert!(history.can_redo());
        history.record(EditKey::Title, title("C"), 2, 4);
        assert!(!history.can_redo());
    }
}
