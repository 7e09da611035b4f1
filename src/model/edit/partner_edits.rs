//! Edits of one partner's own data, one function per kind of edit.

use super::{Edit, EditError, StaffField, put};
use crate::model::{
    Equipment, EquipmentId, IndicatorId, IndicatorValues, MilestoneDates, MilestoneKind,
    ModuleChoice, ModuleId, Month, Observation, Observations, Partner, PartnerId, Project, Session,
    SessionId,
};

type Applied = Result<Edit, EditError>;

pub(super) fn rename(project: &mut Project, partner: PartnerId, name: String) -> Applied {
    let old = std::mem::replace(&mut partner_mut(project, &partner)?.name, name);
    Ok(Edit::RenamePartner { partner, name: old })
}

pub(super) fn set_province(project: &mut Project, partner: PartnerId, province: String) -> Applied {
    let old = std::mem::replace(&mut partner_mut(project, &partner)?.province, province);
    Ok(Edit::SetProvince {
        partner,
        province: old,
    })
}

pub(super) fn set_staff(
    project: &mut Project,
    partner: PartnerId,
    field: StaffField,
    value: i64,
) -> Applied {
    let old = std::mem::replace(field.slot(partner_mut(project, &partner)?), value);
    Ok(Edit::SetStaff {
        partner,
        field,
        value: old,
    })
}

pub(super) fn put_milestone(
    project: &mut Project,
    partner: PartnerId,
    kind: MilestoneKind,
    dates: Option<MilestoneDates>,
) -> Applied {
    let old = put(&mut partner_mut(project, &partner)?.milestones, kind, dates);
    Ok(Edit::PutMilestone {
        partner,
        kind,
        dates: old,
    })
}

pub(super) fn put_module_choice(
    project: &mut Project,
    partner: PartnerId,
    module: ModuleId,
    choice: Option<ModuleChoice>,
) -> Applied {
    let target = partner_mut(project, &partner)?;
    let old = put(&mut target.modules, module.clone(), choice);
    Ok(Edit::PutModuleChoice {
        partner,
        module,
        choice: old,
    })
}

pub(super) fn set_module_counts(
    project: &mut Project,
    partner: PartnerId,
    module: ModuleId,
    enrolled: i64,
    completed: i64,
) -> Applied {
    let choice = choice_mut(project, &partner, &module)?;
    let old_enrolled = std::mem::replace(&mut choice.enrolled, enrolled);
    let old_completed = std::mem::replace(&mut choice.completed, completed);
    Ok(Edit::SetModuleCounts {
        partner,
        module,
        enrolled: old_enrolled,
        completed: old_completed,
    })
}

pub(super) fn put_session(
    project: &mut Project,
    partner: PartnerId,
    module: ModuleId,
    session: SessionId,
    value: Option<Session>,
) -> Applied {
    let choice = choice_mut(project, &partner, &module)?;
    let old = put(&mut choice.sessions, session.clone(), value);
    Ok(Edit::PutSession {
        partner,
        module,
        session,
        value: old,
    })
}

pub(super) fn put_equipment(
    project: &mut Project,
    partner: PartnerId,
    equipment: EquipmentId,
    value: Option<Equipment>,
) -> Applied {
    let target = partner_mut(project, &partner)?;
    let old = put(&mut target.equipment, equipment.clone(), value);
    Ok(Edit::PutEquipment {
        partner,
        equipment,
        value: old,
    })
}

/// Setting a month may grow or trim the series, so the exact undo is the series as it was
/// (at most a few hundred short rows).
pub(super) fn set_observation(
    project: &mut Project,
    partner: PartnerId,
    month: Month,
    value: Option<Observation>,
) -> Applied {
    let series = &mut partner_mut(project, &partner)?.observations;
    let old = series.clone();
    series.set(month, value);
    Ok(Edit::ReplaceObservations {
        partner,
        observations: old,
    })
}

pub(super) fn replace_observations(
    project: &mut Project,
    partner: PartnerId,
    observations: Observations,
) -> Applied {
    let target = partner_mut(project, &partner)?;
    let old = std::mem::replace(&mut target.observations, observations);
    Ok(Edit::ReplaceObservations {
        partner,
        observations: old,
    })
}

pub(super) fn put_indicator_values(
    project: &mut Project,
    partner: PartnerId,
    indicator: IndicatorId,
    value: Option<IndicatorValues>,
) -> Applied {
    let target = partner_mut(project, &partner)?;
    let old = put(&mut target.indicators, indicator.clone(), value);
    Ok(Edit::PutIndicatorValues {
        partner,
        indicator,
        value: old,
    })
}

pub(super) fn partner_mut<'a>(
    project: &'a mut Project,
    partner: &PartnerId,
) -> Result<&'a mut Partner, EditError> {
    project
        .partners
        .get_mut(partner)
        .ok_or_else(|| EditError::NoSuchPartner(partner.clone()))
}

fn choice_mut<'a>(
    project: &'a mut Project,
    partner: &PartnerId,
    module: &ModuleId,
) -> Result<&'a mut ModuleChoice, EditError> {
    partner_mut(project, partner)?
        .modules
        .get_mut(module)
        .ok_or_else(|| EditError::ModuleNotChosen(module.clone()))
}
