//! Edits that must respect the programme's rules about modules at the moment they are made.

use super::partner_edits::partner_mut;
use super::{Edit, EditError};
use crate::model::{ModuleChoice, ModuleId, PartnerId, Project};

/// A new choice starts with nobody enrolled; refused beyond the maximum, for an unknown or
/// retired module. Choosing a module already chosen changes nothing and undoes to itself.
pub(super) fn choose_module(
    project: &mut Project,
    partner: PartnerId,
    module: ModuleId,
) -> Result<Edit, EditError> {
    let max = project.meta.max_modules_per_partner;
    let retired = match project.catalogue.get(&module) {
        Some(entry) => entry.retired,
        None => return Err(EditError::NoSuchModule(module)),
    };
    let target = partner_mut(project, &partner)?;
    if let Some(existing) = target.modules.get(&module) {
        let choice = Some(existing.clone());
        return Ok(Edit::PutModuleChoice {
            partner,
            module,
            choice,
        });
    }
    if retired {
        return Err(EditError::RetiredModule(module));
    }
    if target.modules.len() >= max as usize {
        return Err(EditError::TooManyModules { max });
    }
    target
        .modules
        .insert(module.clone(), ModuleChoice::default());
    Ok(Edit::PutModuleChoice {
        partner,
        module,
        choice: None,
    })
}

pub(super) fn remove_module(project: &mut Project, module: ModuleId) -> Result<Edit, EditError> {
    let partners = project
        .partners
        .values()
        .filter(|p| p.modules.contains_key(&module))
        .count();
    if partners > 0 {
        return Err(EditError::ModuleInUse { module, partners });
    }
    match project.catalogue.remove(&module) {
        Some(old) => Ok(Edit::PutModule {
            module,
            value: Some(old),
        }),
        None => Err(EditError::NoSuchModule(module)),
    }
}
