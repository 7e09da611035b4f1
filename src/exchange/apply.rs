//! A plan made into edits: one `PutPartner` per Comune it touches (the Comune as it will
//! be, all its imported values in), so the whole import is one batch, one undo step, and an
//! undo puts every Comune back exactly as it was.
//!
//! The whole list is built before anything is applied; when the project no longer fits the
//! plan (a Comune deleted since, a module choice that would now pass the maximum), nothing
//! is applied and the error says why.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

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
    let by_partner = check(plan, project)?;
    let mut partners = created_partners(plan, project);
    for (id, changes) in by_partner {
        // `check` made sure every Comune changed is created or in the project.
        if !partners.contains_key(id)
            && let Some(current) = project.partners.get(id)
        {
            partners.insert(id.clone(), current.clone());
        }
        if let Some(partner) = partners.get_mut(id) {
            for change in changes {
                write(partner, &change.target, &change.value);
            }
        }
    }
    let mut batch = Vec::with_capacity(plan.created_modules.len() + partners.len());
    for new in &plan.created_modules {
        batch.push(Edit::PutModule {
            module: new.id.clone(),
            value: Some(new_module(new, partners.values())),
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

/// Carries out `plan` on `project` as `edits` and `apply_all` do, changing each Comune in
/// place: for the command line, which keeps no undo history and so needs neither a copy of
/// every Comune the plan touches nor the Comuni as they were. Nothing is changed when the
/// plan no longer fits the project.
pub fn apply_in_place(plan: &Plan, project: &mut Project) -> Result<(), ApplyError> {
    let by_partner = check(plan, project)?;
    let created = created_partners(plan, project);
    project.partners.extend(created);
    let mut touched: BTreeSet<&PartnerId> = plan.created.iter().map(|c| &c.id).collect();
    for (id, changes) in by_partner {
        if let Some(partner) = project.partners.get_mut(id) {
            for change in changes {
                write(partner, &change.target, &change.value);
            }
        }
        touched.insert(id);
    }
    if !plan.created_modules.is_empty() {
        for new in &plan.created_modules {
            let partners = touched.iter().filter_map(|id| project.partners.get(*id));
            let module = new_module(new, partners);
            project.catalogue.insert(new.id.clone(), module);
        }
    }
    Ok(())
}

/// Whether `plan` still fits `project`: the first reason it does not, in the order the
/// Comuni are named (created ones first, then by id), then the modules.
/// When it fits, the changes that apply, by Comune.
fn check<'a>(plan: &'a Plan, project: &Project) -> Result<ByPartner<'a>, ApplyError> {
    for created in &plan.created {
        if project.partners.contains_key(&created.id) {
            return Err(ApplyError::PartnerExists(created.id.clone()));
        }
    }
    let created: BTreeSet<&PartnerId> = plan.created.iter().map(|c| &c.id).collect();
    let by_partner = by_partner(plan);
    let max = project.meta.max_modules_per_partner as usize;
    for (&id, changes) in &by_partner {
        let chosen = match project.partners.get(id) {
            _ if created.contains(id) => None,
            Some(partner) => Some(&partner.modules),
            None => return Err(ApplyError::PartnerGone(id.clone())),
        };
        // The modules the changes choose, in order, beyond those the Comune has.
        let mut added: Vec<&ModuleId> = Vec::new();
        for module in changes.iter().filter_map(|change| change.target.module()) {
            if chosen.is_some_and(|m| m.contains_key(module)) || added.contains(&module) {
                continue;
            }
            if chosen.map_or(0, |m| m.len()) + added.len() >= max {
                return Err(ApplyError::TooManyModules {
                    partner: id.clone(),
                    module: module.clone(),
                    max: max as u32,
                });
            }
            added.push(module);
        }
    }
    for new in &plan.created_modules {
        if project.catalogue.contains_key(&new.id) {
            return Err(ApplyError::ModuleExists(new.id.clone()));
        }
    }
    Ok(by_partner)
}

type ByPartner<'a> = BTreeMap<&'a PartnerId, Vec<&'a Change>>;

/// The changes that apply, by Comune, each Comune's in the plan's order. A file lists a
/// Comune's rows one after another, so its changes come in runs sharing one id: a run is
/// filed at once, not change by change.
fn by_partner(plan: &Plan) -> ByPartner<'_> {
    let mut groups: ByPartner = BTreeMap::new();
    let mut run: Vec<&Change> = Vec::new();
    for change in plan.changes.iter().filter(|c| c.applies()) {
        if let Some(last) = run.last()
            && !Arc::ptr_eq(&last.partner, &change.partner)
        {
            groups.entry(&*last.partner).or_default().append(&mut run);
        }
        run.push(change);
    }
    if let Some(last) = run.last() {
        groups.entry(&*last.partner).or_default().append(&mut run);
    }
    groups
}

/// The Comuni the plan creates, as they are before any of its values is written.
fn created_partners(plan: &Plan, project: &Project) -> BTreeMap<PartnerId, Partner> {
    plan.created
        .iter()
        .map(|created| {
            let mut partner = Partner::new(created.name.clone(), "", project.meta.start);
            partner.istat = created.istat.clone();
            (created.id.clone(), partner)
        })
        .collect()
}

/// A module the file named and the catalogue lacked: defaults for what a register does
/// not say, and as hours the most any Comune's sessions of it add up to (0, for the user to
/// fill in, when the file has no sessions).
fn new_module<'a>(new: &NewModule, partners: impl Iterator<Item = &'a Partner>) -> Module {
    let hours = partners
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
