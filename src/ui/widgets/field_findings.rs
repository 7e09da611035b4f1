//! Validation findings next to the fields they concern. The project's findings are computed
//! once per revision; an editor indexes those of the item it shows once per revision too,
//! so a national project's thousands of findings are not scanned per field per frame.

use crate::i18n::{Lang, findings};
use crate::model::validate::{Field, Finding, Target};

#[derive(Debug, Default)]
pub struct FieldFindings {
    key: Option<(u64, String)>,
    /// Indices into the project's findings of those `belongs` kept.
    indices: Vec<usize>,
}

impl FieldFindings {
    /// Re-indexes when the revision or the item (`scope`, e.g. a partner id) changes.
    pub fn refresh(
        &mut self,
        revision: u64,
        scope: &str,
        all: &[Finding],
        belongs: impl Fn(&Target) -> bool,
    ) {
        if self
            .key
            .as_ref()
            .is_some_and(|(r, s)| *r == revision && s == scope)
        {
            return;
        }
        self.key = Some((revision, scope.to_owned()));
        self.indices = (all.iter().enumerate())
            .filter(|(_, finding)| belongs(&finding.target))
            .map(|(index, _)| index)
            .collect();
    }

    /// The indexed findings.
    pub fn all<'a>(&'a self, all: &'a [Finding]) -> impl Iterator<Item = &'a Finding> + 'a {
        self.indices.iter().filter_map(|&index| all.get(index))
    }

    /// The first finding on `target` about `field`, worded for the user.
    pub fn message(
        &self,
        all: &[Finding],
        lang: Lang,
        target: &Target,
        field: Field,
    ) -> Option<String> {
        self.all(all)
            .find(|f| &f.target == target && f.problem.field() == Some(field))
            .map(|f| findings::message(lang, &f.problem))
    }

    /// The findings on `target` that name no field (shown above the item's fields).
    pub fn item_messages<'a>(
        &'a self,
        all: &'a [Finding],
        lang: Lang,
        target: &'a Target,
    ) -> impl Iterator<Item = String> + 'a {
        self.all(all)
            .filter(move |f| &f.target == target && f.problem.field().is_none())
            .map(move |f| findings::message(lang, &f.problem))
    }
}
