//! Every change to a project as a value. `apply` changes the project and returns the edit
//! that undoes it, so the app's undo history stores inverses, never copies of the project
//! (a national programme is tens of MB).
//!
//! Items are inserted, replaced and removed with one `Put…` edit each (`Some` puts, `None`
//! removes), so an edit and its inverse are the same kind of value. The programme's rules
//! that must hold at the moment of a user's choice (at most N modules per partner, no module
//! in use vanishing from the catalogue) are checked by `ChooseModule` and `RemoveModule`;
//! inverses never fail on them, so undo always works.

mod catalogue_edits;
mod deck_edits;
mod partner_edits;
#[cfg(test)]
mod tests;

use super::{
    Deck, Equipment, EquipmentId, IndicatorId, IndicatorValues, MilestoneDates, MilestoneKind,
    Module, ModuleChoice, ModuleId, Month, Observation, Observations, Partner, PartnerId, Project,
    Scenario, ScenarioId, Session, SessionId, Slide, SlideId, SlideKind,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetTitle(String),
    /// The most modules one partner may choose (the programme says 9).
    SetMaxModules(u32),
    RenamePartner {
        partner: PartnerId,
        name: String,
    },
    SetProvince {
        partner: PartnerId,
        province: String,
    },
    SetStaff {
        partner: PartnerId,
        field: StaffField,
        value: i64,
    },
    /// Sets or (`None`) clears a milestone's planned and actual months.
    PutMilestone {
        partner: PartnerId,
        kind: MilestoneKind,
        dates: Option<MilestoneDates>,
    },
    /// Adds, replaces or (`None`) removes a whole partner with all its data.
    PutPartner {
        partner: PartnerId,
        value: Option<Box<Partner>>,
    },
    /// Adds a module to a partner's choices, refused beyond the project's maximum and for
    /// retired or unknown modules.
    ChooseModule {
        partner: PartnerId,
        module: ModuleId,
    },
    /// Sets or (`None`) drops a partner's choice of a module as it is, sessions included.
    PutModuleChoice {
        partner: PartnerId,
        module: ModuleId,
        choice: Option<ModuleChoice>,
    },
    SetModuleCounts {
        partner: PartnerId,
        module: ModuleId,
        enrolled: i64,
        completed: i64,
    },
    PutSession {
        partner: PartnerId,
        module: ModuleId,
        session: SessionId,
        value: Option<Session>,
    },
    PutEquipment {
        partner: PartnerId,
        equipment: EquipmentId,
        value: Option<Equipment>,
    },
    SetObservation {
        partner: PartnerId,
        month: Month,
        value: Option<Observation>,
    },
    /// A partner's whole observation series: the inverse of `SetObservation`, which may grow
    /// or trim the series.
    ReplaceObservations {
        partner: PartnerId,
        observations: Observations,
    },
    PutIndicatorValues {
        partner: PartnerId,
        indicator: IndicatorId,
        value: Option<IndicatorValues>,
    },
    /// Adds, changes (retires) or removes a catalogue module as it is.
    PutModule {
        module: ModuleId,
        value: Option<Module>,
    },
    /// Removes a catalogue module, refused while a partner has chosen it (retire it instead).
    RemoveModule {
        module: ModuleId,
    },
    PutScenario {
        scenario: ScenarioId,
        value: Option<Scenario>,
    },
    /// Replaces the whole project (a restored recovery copy), undone by the project it
    /// replaced: one step back to the file as saved.
    ReplaceProject(Box<Project>),
    /// Puts a slide into the deck at a position (clamped to the end): a duplicate, or an
    /// undone removal. Refused when the slide's id is taken.
    InsertSlide {
        at: usize,
        slide: Slide,
    },
    RemoveSlide {
        slide: SlideId,
    },
    /// Moves a slide to a position in the showing order (clamped to the last).
    MoveSlide {
        slide: SlideId,
        to: usize,
    },
    SetSlideHidden {
        slide: SlideId,
        hidden: bool,
    },
    /// What a slide shows: which Comune or scenario, or another kind altogether.
    SetSlideKind {
        slide: SlideId,
        kind: SlideKind,
    },
    SetSlideNotes {
        slide: SlideId,
        notes: String,
    },
    /// Replaces the whole deck (back to the default deck of the project as it is now).
    ReplaceDeck(Deck),
}

/// The staff figures of a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StaffField {
    Population,
    Headcount,
    Managers,
    Smartable,
}

impl StaffField {
    pub const ALL: [StaffField; 4] = [
        StaffField::Population,
        StaffField::Headcount,
        StaffField::Managers,
        StaffField::Smartable,
    ];

    pub fn get(self, partner: &Partner) -> i64 {
        match self {
            StaffField::Population => partner.population,
            StaffField::Headcount => partner.headcount,
            StaffField::Managers => partner.managers,
            StaffField::Smartable => partner.smartable,
        }
    }

    fn slot(self, partner: &mut Partner) -> &mut i64 {
        match self {
            StaffField::Population => &mut partner.population,
            StaffField::Headcount => &mut partner.headcount,
            StaffField::Managers => &mut partner.managers,
            StaffField::Smartable => &mut partner.smartable,
        }
    }
}

/// Which value an edit changes: consecutive edits of the same value within one gesture
/// (keystrokes in one text field, one slider drag) merge into one undo step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EditKey {
    Title,
    MaxModules,
    PartnerName(PartnerId),
    Province(PartnerId),
    Staff(PartnerId, StaffField),
    Milestone(PartnerId, MilestoneKind),
    Partner(PartnerId),
    ModuleChoice(PartnerId, ModuleId),
    ModuleCounts(PartnerId, ModuleId),
    Session(PartnerId, ModuleId, SessionId),
    Equipment(PartnerId, EquipmentId),
    Observation(PartnerId, Month),
    Observations(PartnerId),
    IndicatorValues(PartnerId, IndicatorId),
    Module(ModuleId),
    Scenario(ScenarioId),
    Project,
    /// Slides coming and going, and their order.
    DeckOrder,
    SlideHidden(SlideId),
    SlideKind(SlideId),
    SlideNotes(SlideId),
    Deck,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no partner with id `{0}`")]
    NoSuchPartner(PartnerId),
    #[error("no module with id `{0}` in the catalogue")]
    NoSuchModule(ModuleId),
    #[error("the partner has not chosen module `{0}`")]
    ModuleNotChosen(ModuleId),
    #[error("module `{0}` is retired and can no longer be chosen")]
    RetiredModule(ModuleId),
    #[error("a partner may choose at most {max} modules")]
    TooManyModules { max: u32 },
    #[error("module `{module}` is chosen by {partners} partner(s): retire it instead")]
    ModuleInUse { module: ModuleId, partners: usize },
    #[error("no slide with id `{0}` in the deck")]
    NoSuchSlide(SlideId),
    #[error("the deck already has a slide with id `{0}`")]
    SlideExists(SlideId),
}

impl Edit {
    /// Applies the edit; on success returns its inverse. On error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => {
                let old = std::mem::replace(&mut project.meta.title, title);
                Ok(Edit::SetTitle(old))
            }
            Edit::SetMaxModules(max) => {
                let old = std::mem::replace(&mut project.meta.max_modules_per_partner, max);
                Ok(Edit::SetMaxModules(old))
            }
            Edit::PutPartner { partner, value } => {
                let old = match value {
                    Some(value) => project.partners.insert(partner.clone(), *value),
                    None => project.partners.remove(&partner),
                };
                Ok(Edit::PutPartner {
                    partner,
                    value: old.map(Box::new),
                })
            }
            Edit::ChooseModule { partner, module } => {
                catalogue_edits::choose_module(project, partner, module)
            }
            Edit::PutModule { module, value } => {
                let old = put(&mut project.catalogue, module.clone(), value);
                Ok(Edit::PutModule { module, value: old })
            }
            Edit::RemoveModule { module } => catalogue_edits::remove_module(project, module),
            Edit::PutScenario { scenario, value } => {
                let old = put(&mut project.scenarios, scenario.clone(), value);
                Ok(Edit::PutScenario {
                    scenario,
                    value: old,
                })
            }
            Edit::RenamePartner { partner, name } => partner_edits::rename(project, partner, name),
            Edit::SetProvince { partner, province } => {
                partner_edits::set_province(project, partner, province)
            }
            Edit::SetStaff {
                partner,
                field,
                value,
            } => partner_edits::set_staff(project, partner, field, value),
            Edit::PutMilestone {
                partner,
                kind,
                dates,
            } => partner_edits::put_milestone(project, partner, kind, dates),
            Edit::PutModuleChoice {
                partner,
                module,
                choice,
            } => partner_edits::put_module_choice(project, partner, module, choice),
            Edit::SetModuleCounts {
                partner,
                module,
                enrolled,
                completed,
            } => partner_edits::set_module_counts(project, partner, module, enrolled, completed),
            Edit::PutSession {
                partner,
                module,
                session,
                value,
            } => partner_edits::put_session(project, partner, module, session, value),
            Edit::PutEquipment {
                partner,
                equipment,
                value,
            } => partner_edits::put_equipment(project, partner, equipment, value),
            Edit::SetObservation {
                partner,
                month,
                value,
            } => partner_edits::set_observation(project, partner, month, value),
            Edit::ReplaceObservations {
                partner,
                observations,
            } => partner_edits::replace_observations(project, partner, observations),
            Edit::PutIndicatorValues {
                partner,
                indicator,
                value,
            } => partner_edits::put_indicator_values(project, partner, indicator, value),
            Edit::ReplaceProject(replacement) => {
                let old = std::mem::replace(project, *replacement);
                Ok(Edit::ReplaceProject(Box::new(old)))
            }
            Edit::InsertSlide { at, slide } => deck_edits::insert_slide(project, at, slide),
            Edit::RemoveSlide { slide } => deck_edits::remove_slide(project, slide),
            Edit::MoveSlide { slide, to } => deck_edits::move_slide(project, slide, to),
            Edit::SetSlideHidden { slide, hidden } => {
                deck_edits::set_hidden(project, slide, hidden)
            }
            Edit::SetSlideKind { slide, kind } => deck_edits::set_kind(project, slide, kind),
            Edit::SetSlideNotes { slide, notes } => deck_edits::set_notes(project, slide, notes),
            Edit::ReplaceDeck(deck) => {
                let old = std::mem::replace(&mut project.deck, deck);
                Ok(Edit::ReplaceDeck(old))
            }
        }
    }

    pub fn key(&self) -> EditKey {
        match self {
            Edit::SetTitle(_) => EditKey::Title,
            Edit::SetMaxModules(_) => EditKey::MaxModules,
            Edit::RenamePartner { partner, .. } => EditKey::PartnerName(partner.clone()),
            Edit::SetProvince { partner, .. } => EditKey::Province(partner.clone()),
            Edit::SetStaff { partner, field, .. } => EditKey::Staff(partner.clone(), *field),
            Edit::PutMilestone { partner, kind, .. } => EditKey::Milestone(partner.clone(), *kind),
            Edit::PutPartner { partner, .. } => EditKey::Partner(partner.clone()),
            Edit::ChooseModule { partner, module }
            | Edit::PutModuleChoice {
                partner, module, ..
            } => EditKey::ModuleChoice(partner.clone(), module.clone()),
            Edit::SetModuleCounts {
                partner, module, ..
            } => EditKey::ModuleCounts(partner.clone(), module.clone()),
            Edit::PutSession {
                partner,
                module,
                session,
                ..
            } => EditKey::Session(partner.clone(), module.clone(), session.clone()),
            Edit::PutEquipment {
                partner, equipment, ..
            } => EditKey::Equipment(partner.clone(), equipment.clone()),
            Edit::SetObservation { partner, month, .. } => {
                EditKey::Observation(partner.clone(), *month)
            }
            Edit::ReplaceObservations { partner, .. } => EditKey::Observations(partner.clone()),
            Edit::PutIndicatorValues {
                partner, indicator, ..
            } => EditKey::IndicatorValues(partner.clone(), indicator.clone()),
            Edit::PutModule { module, .. } | Edit::RemoveModule { module } => {
                EditKey::Module(module.clone())
            }
            Edit::PutScenario { scenario, .. } => EditKey::Scenario(scenario.clone()),
            Edit::ReplaceProject(_) => EditKey::Project,
            Edit::InsertSlide { .. } | Edit::RemoveSlide { .. } | Edit::MoveSlide { .. } => {
                EditKey::DeckOrder
            }
            Edit::SetSlideHidden { slide, .. } => EditKey::SlideHidden(slide.clone()),
            Edit::SetSlideKind { slide, .. } => EditKey::SlideKind(slide.clone()),
            Edit::SetSlideNotes { slide, .. } => EditKey::SlideNotes(slide.clone()),
            Edit::ReplaceDeck(_) => EditKey::Deck,
        }
    }
}

impl Edit {
    /// Whether the edit changes nothing but the project's scenarios (or its deck): what calibration and
    /// the baseline projection read is then unchanged, so they can be reused.
    pub fn touches_only_scenarios(&self) -> bool {
        match self {
            Edit::PutScenario { .. } => true,
            // Listed one by one, so a new kind of edit has to be decided on here.
            Edit::SetTitle(_)
            | Edit::SetMaxModules(_)
            | Edit::RenamePartner { .. }
            | Edit::SetProvince { .. }
            | Edit::SetStaff { .. }
            | Edit::PutMilestone { .. }
            | Edit::PutPartner { .. }
            | Edit::ChooseModule { .. }
            | Edit::PutModuleChoice { .. }
            | Edit::SetModuleCounts { .. }
            | Edit::PutSession { .. }
            | Edit::PutEquipment { .. }
            | Edit::SetObservation { .. }
            | Edit::ReplaceObservations { .. }
            | Edit::PutIndicatorValues { .. }
            | Edit::PutModule { .. }
            | Edit::RemoveModule { .. }
            | Edit::ReplaceProject(_) => false,
            // No projection reads the deck.
            Edit::InsertSlide { .. }
            | Edit::RemoveSlide { .. }
            | Edit::MoveSlide { .. }
            | Edit::SetSlideHidden { .. }
            | Edit::SetSlideKind { .. }
            | Edit::SetSlideNotes { .. }
            | Edit::ReplaceDeck(_) => true,
        }
    }

    /// Whether the edit changes nothing but the workshop deck, which no figure reads.
    pub fn touches_only_deck(&self) -> bool {
        matches!(
            self,
            Edit::InsertSlide { .. }
                | Edit::RemoveSlide { .. }
                | Edit::MoveSlide { .. }
                | Edit::SetSlideHidden { .. }
                | Edit::SetSlideKind { .. }
                | Edit::SetSlideNotes { .. }
                | Edit::ReplaceDeck(_)
        )
    }
}

/// Inserts (`Some`) or removes (`None`) `key`, returning what was there.
fn put<K: Ord, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    key: K,
    value: Option<V>,
) -> Option<V> {
    match value {
        Some(value) => map.insert(key, value),
        None => map.remove(&key),
    }
}
