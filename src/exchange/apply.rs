//! A plan made into edits: one `PutPartner` per Comune it touches (the Comune as it will
//! be, all its imported values in), so the whole import is one batch, one undo step, and an
//! undo puts every Comune back exactly as it was.
//!
//! The whole list is built before anything is applied; when the project no longer fits the
//! plan (a Comune deleted since, a module choice that would now pass the maximum), nothing
//! is applied and the error says why.

use std::collections::BTreeMap;

use super::change::{Change, write};
use super::kinds::NewModule;
use super::plan::Plan;
use crate::model::{
    Audience, Edit, Module, ModuleArea, ModuleFormat, ModuleId, Partner, PartnerId, Project,
};

/// Why a plan can no longer be applied to the project.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the Comune `{0}` is no longer in the project: plan the import again")]
    PartnerGone(PartnerId),
    #[error("the Comune `{partner}` would choose more than {max} modules with `{module}`")]
    TooManyModules {
        partner: PartnerId,
        module: ModuleId,
        max: u32,
    },
    #[error("the Comune `{0}` was created since the import was planned: plan it again")]
    PartnerExists(PartnerId),
    #[error("the module `{0}` was created since the import was planned: plan it again")]
    ModuleExists(ModuleId),
}

/// The edits that carry out `plan` on `project`: the valid rows, conflicts as resolved.
pub fn edits(plan: &Plan, project: &Project) -> Result<Vec<Edit>, ApplyError> {
    let mut partners: BTreeMap<PartnerId, Partner> = BTreeMap::new();
    for created in &plan.created {
        if project.partners.contains_key(&created.id) {
            return Err(ApplyError::PartnerExists(created.id.clone()));
        }
        let mut partner = Partner::new(created.name.clone(), "", project.meta.start);
        partner.istat = created.istat.clone();
        partners.insert(created.id.clone(), partner);
    }
    let mut by_partner: BTreeMap<&PartnerId, Vec<&Change>> = BTreeMap::new();
    for change in plan.changes.iter().filter(|c| c.applies()) {
        by_partner.entry(&change.partner).or_default().push(change);
    }
    let max = project.meta.max_modules_per_partner as usize;
    for (id, changes) in by_partner {
        let partner = match partners.entry(id.clone()) {
            std::collections::btree_map::Entry::Occupied(created) => created.into_mut(),
            std::collections::btree_map::Entry::Vacant(slot) => {
                let current = project
                    .partners
                    .get(id)
                    .ok_or_else(|| ApplyError::PartnerGone(id.clone()))?;
                slot.insert(current.clone())
            }
        };
        for change in changes {
            if let Some(module) = change.target.module()
                && !partner.modules.contains_key(module)
                && partner.modules.len() >= max
            {
                return Err(ApplyError::TooManyModules {
                    partner: id.clone(),
                    module: module.clone(),
                    max: max as u32,
                });
            }
            write(partner, &change.target, &change.value);
        }
    }
    let mut batch = Vec::with_capacity(plan.created_modules.len() + partners.len());
    for new in &plan.created_modules {
        if project.catalogue.contains_key(&new.id) {
            return Err(ApplyError::ModuleExists(new.id.clone()));
        }
        batch.push(Edit::PutModule {
            module: new.id.clone(),
            value: Some(new_module(new, &partners)),
        });
    }
    batch.extend(
        partners
            .into_iter()
            .map(|(partner, value)| Edit::PutPartner {
                partner,
                value: Some(Box::new(value)),
            }),
    );
    Ok(batch)
}

/// A module the file named and the catalogue lacked: defaults for what a register does
/// not say, and as hours the most any Comune's sessions of it add up to (0, for the user to
/// fill in, when the file has no sessions).
fn new_module(new: &NewModule, partners: &BTreeMap<PartnerId, Partner>) -> Module {
    let hours = partners
        .values()
        .filter_map(|p| p.modules.get(&new.id))
        .map(|choice| choice.sessions.values().map(|s| s.hours).sum::<f64>())
        .fold(0.0, f64::max);
    Module {
        title: new.title.clone(),
        area: ModuleArea::Organisation,
        format: ModuleFormat::Classroom,
        hours,
        audience: Audience::All,
        indicators: Default::default(),
        retired: false,
    }
}

/// Applies `edits` to `project` as the app's batch does: all or nothing. Used by the
/// command line, which has no undo history; the window sends the edits as one batch request.
pub fn apply_all(
    project: &mut Project,
    edits: Vec<Edit>,
) -> Result<Vec<Edit>, crate::model::EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(project);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}
