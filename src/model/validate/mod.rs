//! Validation: everything in a project that is wrong (an error) or suspicious (a warning),
//! each finding with a human path to the item and a machine reference to navigate to it.
//!
//! A project with only warnings is valid and opens normally. Findings come in a fixed order:
//! the project and its catalogues first, then partners in map order (by id), each partner's
//! fields in a fixed sequence (identity, staff counts, milestones, modules, equipment,
//! observations, indicators), then scenarios.
//!
//! Months outside the programme are warnings, never errors: a regolamento approved before
//! the programme, laptops ordered before kick-off or a follow-up survey after the end are
//! real events; they only fall outside the window that the figures and plots cover.

mod checker;
mod equipment;
mod milestones;
mod observations;
mod partner;
mod place;
mod problem;
mod project;
mod scenarios;
mod training;

#[cfg(test)]
mod fixture;

use std::fmt;

use super::{
    EquipmentId, IndicatorId, MilestoneKind, ModuleId, Month, PartnerId, Project, ScenarioId,
    SessionId,
};

pub use problem::{Field, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The data contradicts itself or the programme's rules.
    Error,
    /// Plausible but worth a look; the project is still valid.
    Warning,
}

/// The item a finding is about, so the app can navigate to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Project,
    Module(ModuleId),
    Indicator(IndicatorId),
    Partner(PartnerId),
    PartnerModule(PartnerId, ModuleId),
    Session(PartnerId, ModuleId, SessionId),
    Equipment(PartnerId, EquipmentId),
    Observation(PartnerId, Month),
    Milestone(PartnerId, MilestoneKind),
    PartnerIndicator(PartnerId, IndicatorId),
    Scenario(ScenarioId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// Names a person recognises: `["Bra", "Modules", "Leadership agile"]`.
    pub path: Vec<String>,
    pub target: Target,
    pub problem: Problem,
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `Bra › Modules › Leadership agile: 32 completed > 30 enrolled`
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.join(" › "), self.problem.message())
    }
}

/// Every finding of `project`, in the order described in the module documentation.
/// One linear pass; catalogue lookups are map lookups.
pub fn validate(project: &Project) -> Vec<Finding> {
    let mut checker = checker::Checker::new(project);
    project::check_project(&mut checker);
    for (id, partner) in &project.partners {
        partner::check_partner(&mut checker, id, partner);
    }
    scenarios::check_scenarios(&mut checker);
    checker.into_findings()
}

/// Whether any finding is an error (a project with only warnings is valid).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

#[cfg(test)]
mod tests {
    use super::fixture::valid_project;
    use super::*;
    use crate::model::PartnerId;

    #[test]
    fn the_reference_project_has_no_findings() {
        let findings = validate(&valid_project());
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn display_joins_the_path_and_the_message() {
        let mut project = valid_project();
        let choice = project
            .partners
            .get_mut(&PartnerId::from("bra"))
            .and_then(|bra| bra.modules.get_mut(&ModuleId::from("lead")))
            .expect("the fixture has Bra's leadership module");
        choice.enrolled = 30;
        choice.completed = 32;
        let findings = validate(&project);
        let texts: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            ["Bra › Modules › Leadership agile: 32 completed > 30 enrolled"]
        );
        assert!(has_errors(&findings));
    }

    #[test]
    fn warnings_alone_leave_the_project_valid() {
        let mut project = valid_project();
        project.meta.title.clear();
        let findings = validate(&project);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(!has_errors(&findings));
    }

    #[test]
    fn findings_follow_partner_order_then_field_order() {
        let mut project = valid_project();
        for partner in project.partners.values_mut() {
            partner.population = -1;
            partner.managers = -1;
        }
        let findings = validate(&project);
        let seen: Vec<(Target, Problem)> = findings
            .into_iter()
            .map(|f| (f.target, f.problem))
            .collect();
        let negative = |id: &str, field, value| {
            (
                Target::Partner(PartnerId::from(id)),
                Problem::Negative { field, value },
            )
        };
        assert_eq!(
            seen,
            [
                negative("alba", Field::Population, -1),
                negative("alba", Field::Managers, -1),
                negative("bra", Field::Population, -1),
                negative("bra", Field::Managers, -1),
            ]
        );
    }
}
