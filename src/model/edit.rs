//! Every change to a project as a value. `apply` changes the project and returns the edit
//! that undoes it, so the app's undo history stores inverses, never copies of the project
//! (a national programme is tens of MB).

use super::{PartnerId, Project};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetTitle(String),
    RenamePartner { partner: PartnerId, name: String },
}

/// Which value an edit changes: consecutive edits of the same value within one gesture
/// (keystrokes in one text field, one slider drag) merge into one undo step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EditKey {
    Title,
    PartnerName(PartnerId),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no partner with id `{0}`")]
    NoSuchPartner(PartnerId),
}

impl Edit {
    /// Applies the edit; on success returns its inverse. On error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => {
                let old = std::mem::replace(&mut project.meta.title, title);
                Ok(Edit::SetTitle(old))
            }
            Edit::RenamePartner { partner, name } => {
                let target = project
                    .partners
                    .get_mut(&partner)
                    .ok_or_else(|| EditError::NoSuchPartner(partner.clone()))?;
                let old = std::mem::replace(&mut target.name, name);
                Ok(Edit::RenamePartner { partner, name: old })
            }
        }
    }

    pub fn key(&self) -> EditKey {
        match self {
            Edit::SetTitle(_) => EditKey::Title,
            Edit::RenamePartner { partner, .. } => EditKey::PartnerName(partner.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, Partner};

    fn project() -> Project {
        let start = Month::new(2025, 1).unwrap();
        let end = Month::new(2026, 12).unwrap();
        let mut project = Project::new("Lavoro agile", start, end);
        project
            .partners
            .insert(PartnerId::new("bra"), Partner::new("Bra", "CN", start));
        project
    }

    #[test]
    fn applying_the_inverse_restores_the_project() {
        let original = project();
        for edit in [
            Edit::SetTitle("Nuovo titolo".into()),
            Edit::RenamePartner {
                partner: PartnerId::new("bra"),
                name: "Città di Bra".into(),
            },
        ] {
            let mut changed = original.clone();
            let inverse = edit.apply(&mut changed).unwrap();
            assert_ne!(changed, original);
            inverse.apply(&mut changed).unwrap();
            assert_eq!(changed, original);
        }
    }

    #[test]
    fn renaming_a_missing_partner_changes_nothing() {
        let mut changed = project();
        let edit = Edit::RenamePartner {
            partner: PartnerId::new("alba"),
            name: "Alba".into(),
        };
        assert_eq!(
            edit.apply(&mut changed),
            Err(EditError::NoSuchPartner(PartnerId::new("alba")))
        );
        assert_eq!(changed, project());
    }
}
