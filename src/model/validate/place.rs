//! Where a finding is, borrowed from the project while checking; turned into an owned
//! `Target` and a human path only when a finding is reported, so a clean project of national
//! size allocates nothing per item.

use super::Target;
use crate::model::{
    EquipmentId, IndicatorId, MilestoneKind, ModuleId, Month, PartnerId, Project, ScenarioId,
    SessionId,
};

#[derive(Debug, Clone, Copy)]
pub(super) enum Place<'a> {
    Project,
    Module(&'a ModuleId),
    Indicator(&'a IndicatorId),
    Partner(&'a PartnerId),
    PartnerModule(&'a PartnerId, &'a ModuleId),
    Session(&'a PartnerId, &'a ModuleId, &'a SessionId),
    Equipment(&'a PartnerId, &'a EquipmentId),
    Observation(&'a PartnerId, Month),
    Milestone(&'a PartnerId, MilestoneKind),
    PartnerIndicator(&'a PartnerId, &'a IndicatorId),
    /// A scenario, or one of its changes by position (changes have no ids of their own).
    Scenario(&'a ScenarioId, Option<usize>),
}

impl Place<'_> {
    pub(super) fn target(self) -> Target {
        match self {
            Place::Project => Target::Project,
            Place::Module(id) => Target::Module(id.clone()),
            Place::Indicator(id) => Target::Indicator(id.clone()),
            Place::Partner(p) => Target::Partner(p.clone()),
            Place::PartnerModule(p, m) => Target::PartnerModule(p.clone(), m.clone()),
            Place::Session(p, m, s) => Target::Session(p.clone(), m.clone(), s.clone()),
            Place::Equipment(p, e) => Target::Equipment(p.clone(), e.clone()),
            Place::Observation(p, month) => Target::Observation(p.clone(), month),
            Place::Milestone(p, kind) => Target::Milestone(p.clone(), kind),
            Place::PartnerIndicator(p, i) => Target::PartnerIndicator(p.clone(), i.clone()),
            Place::Scenario(s, _) => Target::Scenario(s.clone()),
        }
    }

    /// Names as people know them (partner name, module title), falling back to the id where
    /// a name is empty or the item does not exist.
    pub(super) fn path(self, project: &Project) -> Vec<String> {
        match self {
            Place::Project => vec![named(&project.meta.title, "Project")],
            Place::Module(id) => vec!["Catalogue".to_owned(), module_name(project, id)],
            Place::Indicator(id) => vec!["Indicators".to_owned(), indicator_name(project, id)],
            Place::Partner(p) => vec![partner_name(project, p)],
            Place::PartnerModule(p, m) => {
                vec![
                    partner_name(project, p),
                    "Modules".to_owned(),
                    module_name(project, m),
                ]
            }
            Place::Session(p, m, s) => {
                let date = project
                    .partners
                    .get(p)
                    .and_then(|partner| partner.modules.get(m))
                    .and_then(|choice| choice.sessions.get(s))
                    .map_or_else(|| s.to_string(), |session| session.date.to_string());
                vec![
                    partner_name(project, p),
                    "Modules".to_owned(),
                    module_name(project, m),
                    "Sessions".to_owned(),
                    date,
                ]
            }
            Place::Equipment(p, e) => {
                let item = project
                    .partners
                    .get(p)
                    .and_then(|partner| partner.equipment.get(e))
                    .map_or_else(
                        || e.to_string(),
                        |item| format!("{} ({e})", item.kind.label()),
                    );
                vec![partner_name(project, p), "Equipment".to_owned(), item]
            }
            Place::Observation(p, month) => vec![
                partner_name(project, p),
                "Observations".to_owned(),
                month.to_string(),
            ],
            Place::Milestone(p, kind) => vec![
                partner_name(project, p),
                "Milestones".to_owned(),
                kind.label().to_owned(),
            ],
            Place::PartnerIndicator(p, i) => vec![
                partner_name(project, p),
                "Indicators".to_owned(),
                indicator_name(project, i),
            ],
            Place::Scenario(s, change) => {
                let name = project.scenarios.get(s).map_or_else(
                    || s.to_string(),
                    |scenario| named(&scenario.name, s.as_str()),
                );
                let mut path = vec!["Scenarios".to_owned(), name];
                if let Some(index) = change {
                    path.push(format!("Change {}", index + 1));
                }
                path
            }
        }
    }
}

fn named(name: &str, fallback: &str) -> String {
    if name.trim().is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

fn partner_name(project: &Project, id: &PartnerId) -> String {
    project
        .partners
        .get(id)
        .map_or_else(|| id.to_string(), |p| named(&p.name, id.as_str()))
}

fn module_name(project: &Project, id: &ModuleId) -> String {
    project
        .catalogue
        .get(id)
        .map_or_else(|| id.to_string(), |m| named(&m.title, id.as_str()))
}

fn indicator_name(project: &Project, id: &IndicatorId) -> String {
    project
        .indicators
        .get(id)
        .map_or_else(|| id.to_string(), |i| named(&i.name, id.as_str()))
}
