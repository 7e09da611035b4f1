//! Validation findings in the interface language: where the item is, named from the project
//! as it is now, and what is wrong, with numbers and months written the language's way.
//!
//! The place is rebuilt from `Finding::target` rather than from the English path, so a
//! partner renamed after validation shows its new name; the path is the fallback when the
//! item has since been deleted.

use std::borrow::Cow;

use super::{Lang, format, plural, tr, tr_args};
use crate::model::validate::{Field, Finding, Problem, Severity, Target};
use crate::model::{
    EquipmentKind, IndicatorId, MilestoneKind, ModuleId, Month, PartnerId, Project,
};

/// Separates the steps of a place, as in the command line's output.
const STEP: &str = " › ";

/// `Bra › Moduli › Leadership agile: 32 completati > 30 iscritti`
pub fn describe(lang: Lang, project: &Project, finding: &Finding) -> String {
    format!(
        "{}: {}",
        place(lang, project, finding),
        message(lang, &finding.problem)
    )
}

/// Where the finding is: `Bra › Moduli › Leadership agile`.
pub fn place(lang: Lang, project: &Project, finding: &Finding) -> String {
    place_steps(lang, project, finding).join(STEP)
}

pub fn severity_label(lang: Lang, severity: Severity) -> Cow<'static, str> {
    match severity {
        Severity::Error => tr(lang, "findings.severity.error"),
        Severity::Warning => tr(lang, "findings.severity.warning"),
    }
}

pub fn milestone_label(lang: Lang, kind: MilestoneKind) -> Cow<'static, str> {
    let key = match kind {
        MilestoneKind::Mapping => "milestone.mapping",
        MilestoneKind::Regolamento => "milestone.regolamento",
        MilestoneKind::UnionAgreement => "milestone.union_agreement",
        MilestoneKind::IndividualAgreements => "milestone.individual_agreements",
        MilestoneKind::EquipmentDelivered => "milestone.equipment_delivered",
        MilestoneKind::PilotStart => "milestone.pilot_start",
        MilestoneKind::Regime => "milestone.regime",
    };
    tr(lang, key)
}

/// A module area's name (the keys are the overview's, which named the areas first).
pub fn area_label(lang: Lang, area: crate::model::ModuleArea) -> Cow<'static, str> {
    use crate::model::ModuleArea;
    let key = match area {
        ModuleArea::Organisation => "overview.area.organisation",
        ModuleArea::DigitalSkills => "overview.area.digital_skills",
        ModuleArea::Leadership => "overview.area.leadership",
        ModuleArea::Rules => "overview.area.rules",
        ModuleArea::IndustrialRelations => "overview.area.industrial_relations",
        ModuleArea::TechnologyAndSecurity => "overview.area.technology_and_security",
        ModuleArea::Wellbeing => "overview.area.wellbeing",
        ModuleArea::ServicesToCitizens => "overview.area.services_to_citizens",
        ModuleArea::MonitoringAndEvaluation => "overview.area.monitoring_and_evaluation",
    };
    tr(lang, key)
}

pub fn equipment_label(lang: Lang, kind: EquipmentKind) -> Cow<'static, str> {
    let key = match kind {
        EquipmentKind::Laptop => "findings.equipment.laptop",
        EquipmentKind::Tablet => "findings.equipment.tablet",
        EquipmentKind::VpnLicence => "findings.equipment.vpn_licence",
        EquipmentKind::Softphone => "findings.equipment.softphone",
        EquipmentKind::CollaborationLicence => "findings.equipment.collaboration_licence",
        EquipmentKind::CloudLicence => "findings.equipment.cloud_licence",
        EquipmentKind::DigitalSignature => "findings.equipment.digital_signature",
    };
    tr(lang, key)
}

/// The field's name, lower case, for use inside a sentence.
pub fn field_label(lang: Lang, field: Field) -> Cow<'static, str> {
    let key = match field {
        Field::Title => "findings.field.title",
        Field::Name => "findings.field.name",
        Field::Population => "findings.field.population",
        Field::Headcount => "findings.field.headcount",
        Field::Managers => "findings.field.managers",
        Field::Smartable => "findings.field.smartable",
        Field::Enrolled => "findings.field.enrolled",
        Field::Completed => "findings.field.completed",
        Field::Attendees => "findings.field.attendees",
        Field::Hours => "findings.field.hours",
        Field::SessionDate => "findings.field.session_date",
        Field::Quantity => "findings.field.quantity",
        Field::UnitCost => "findings.field.unit_cost",
        Field::Ordered => "findings.field.ordered",
        Field::Delivered => "findings.field.delivered",
        Field::ObservationMonth => "findings.field.observation_month",
        Field::SmartWorkers => "findings.field.smart_workers",
        Field::AgileDays => "findings.field.agile_days",
        Field::Wellbeing => "findings.field.wellbeing",
        Field::WorkLifeBalance => "findings.field.work_life_balance",
        Field::Belonging => "findings.field.belonging",
        Field::PlannedMonth => "findings.field.planned_month",
        Field::ActualMonth => "findings.field.actual_month",
        Field::Baseline => "findings.field.baseline",
        Field::YearTarget => "findings.field.year_target",
        Field::ObservedValue => "findings.field.observed_value",
        Field::ObservedMonth => "findings.field.observed_month",
        Field::CompletionRate => "findings.field.completion_rate",
        Field::CeilingShare => "findings.field.ceiling_share",
        Field::PilotShare => "findings.field.pilot_share",
        Field::OwnDeviceShare => "findings.field.own_device_share",
        Field::TrainingEffect => "findings.field.training_effect",
        Field::InnovationPrior => "findings.field.innovation_prior",
        Field::ImitationPrior => "findings.field.imitation_prior",
    };
    tr(lang, key)
}

/// What is wrong: `32 completati > 30 iscritti`.
pub fn message(lang: Lang, problem: &Problem) -> String {
    let field = |field: Field| field_label(lang, field);
    let month = |month: Month| format::month(lang, month);
    match problem {
        Problem::Negative { field: f, value } => tr_args(
            lang,
            "findings.problem.negative",
            &[
                ("field", &field(*f)),
                ("value", &format::integer(lang, *value)),
            ],
        ),
        Problem::NegativeAmount { field: f, value } => tr_args(
            lang,
            "findings.problem.negative_amount",
            &[
                ("field", &field(*f)),
                ("amount", &format::money(lang, *value)),
            ],
        ),
        Problem::Exceeds {
            field: f,
            value,
            limit_field,
            limit,
        } => tr_args(
            lang,
            "findings.problem.exceeds",
            &[
                ("value", &format::integer(lang, *value)),
                ("field", &field(*f)),
                ("limit", &format::integer(lang, *limit)),
                ("limit_field", &field(*limit_field)),
            ],
        ),
        Problem::NotPositive { field: f, value } => tr_args(
            lang,
            "findings.problem.not_positive",
            &[("field", &field(*f)), ("value", &figure(lang, *f, *value))],
        ),
        Problem::NotFinite { field: f } => tr_args(
            lang,
            "findings.problem.not_finite",
            &[("field", &field(*f))],
        ),
        Problem::OutOfRange {
            field: f,
            value,
            min,
            max,
        } => tr_args(
            lang,
            "findings.problem.out_of_range",
            &[
                ("field", &field(*f)),
                ("value", &figure(lang, *f, *value)),
                ("min", &figure(lang, *f, *min)),
                ("max", &figure(lang, *f, *max)),
            ],
        ),
        Problem::MostlyRemote { days, max } => tr_args(
            lang,
            "findings.problem.mostly_remote",
            &[("days", &number(lang, *days)), ("max", &number(lang, *max))],
        ),
        Problem::TooManyModules { chosen, max } => plural(
            lang,
            "findings.problem.too_many_modules",
            count(*chosen),
            &[("max", &format::integer(lang, i64::from(*max)))],
        ),
        Problem::UnknownModule { module } => tr_args(
            lang,
            "findings.problem.unknown_module",
            &[("module", module.as_str())],
        ),
        Problem::UnknownIndicator { indicator } => tr_args(
            lang,
            "findings.problem.unknown_indicator",
            &[("indicator", indicator.as_str())],
        ),
        Problem::UnknownPartner { partner } => tr_args(
            lang,
            "findings.problem.unknown_partner",
            &[("partner", partner.as_str())],
        ),
        Problem::UnknownEquipment { equipment } => tr_args(
            lang,
            "findings.problem.unknown_equipment",
            &[("equipment", equipment.as_str())],
        ),
        Problem::RetiredModule => tr(lang, "findings.problem.retired_module").into_owned(),
        Problem::EndBeforeStart { start, end } => tr_args(
            lang,
            "findings.problem.end_before_start",
            &[("start", &month(*start)), ("end", &month(*end))],
        ),
        Problem::OutsideProgramme {
            field: f,
            month: m,
            start,
            end,
        } => tr_args(
            lang,
            "findings.problem.outside_programme",
            &[
                ("field", &field(*f)),
                ("month", &month(*m)),
                ("start", &month(*start)),
                ("end", &month(*end)),
            ],
        ),
        Problem::DeliveredBeforeOrdered { ordered, delivered } => tr_args(
            lang,
            "findings.problem.delivered_before_ordered",
            &[
                ("ordered", &month(*ordered)),
                ("delivered", &month(*delivered)),
            ],
        ),
        Problem::MilestoneOrder {
            before,
            before_month,
            after,
            after_month,
        } => tr_args(
            lang,
            "findings.problem.milestone_order",
            &[
                ("after", &milestone_label(lang, *after)),
                ("after_month", &month(*after_month)),
                ("before", &milestone_label(lang, *before)),
                ("before_month", &month(*before_month)),
            ],
        ),
        Problem::MalformedId { id } => {
            tr_args(lang, "findings.problem.malformed_id", &[("id", id)])
        }
        Problem::Empty { field: f } => {
            tr_args(lang, "findings.problem.empty", &[("field", &field(*f))])
        }
    }
}

/// Shares (0–1) read best as percentages; other figures as plain numbers.
fn figure(lang: Lang, field: Field, value: f64) -> String {
    match field {
        Field::CompletionRate
        | Field::CeilingShare
        | Field::PilotShare
        | Field::OwnDeviceShare
        | Field::TrainingEffect => {
            let percent = value * 100.0;
            format::percent(lang, percent, digits(percent))
        }
        _ => number(lang, value),
    }
}

/// A figure with as many decimals as it needs, up to two: `12`, `10,5`, `0,25`.
fn number(lang: Lang, value: f64) -> String {
    format::decimal(lang, value, digits(value))
}

fn digits(value: f64) -> usize {
    (0..2)
        .find(|&digits| {
            let scaled = value * 10f64.powi(digits as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(2)
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn place_steps(lang: Lang, project: &Project, finding: &Finding) -> Vec<String> {
    let steps = Steps {
        project,
        path: &finding.path,
    };
    let word = |key: &str| tr(lang, key).into_owned();
    match &finding.target {
        Target::Project => vec![named(&project.meta.title, || {
            word("findings.place.project")
        })],
        Target::Module(m) => vec![word("findings.place.catalogue"), steps.module(m, 1)],
        Target::Indicator(i) => vec![word("findings.place.indicators"), steps.indicator(i, 1)],
        Target::Partner(p) => vec![steps.partner(p)],
        Target::PartnerModule(p, m) => vec![
            steps.partner(p),
            word("findings.place.modules"),
            steps.module(m, 2),
        ],
        Target::Session(p, m, s) => {
            let date = project
                .partners
                .get(p)
                .and_then(|partner| partner.modules.get(m))
                .and_then(|choice| choice.sessions.get(s))
                .map(|session| session.date)
                .or_else(|| finding.path.get(4).and_then(|text| text.parse().ok()))
                .map_or_else(|| steps.segment(4, s.as_str()), |d| date(lang, d));
            vec![
                steps.partner(p),
                word("findings.place.modules"),
                steps.module(m, 2),
                word("findings.place.sessions"),
                date,
            ]
        }
        Target::Equipment(p, e) => {
            let item = project
                .partners
                .get(p)
                .and_then(|partner| partner.equipment.get(e))
                .map_or_else(
                    || steps.segment(2, e.as_str()),
                    |item| {
                        let kind = equipment_label(lang, item.kind);
                        let args = [("kind", kind.as_ref()), ("id", e.as_str())];
                        tr_args(lang, "findings.place.equipment_item", &args)
                    },
                );
            vec![steps.partner(p), word("findings.place.equipment"), item]
        }
        Target::Observation(p, m) => vec![
            steps.partner(p),
            word("findings.place.observations"),
            format::month(lang, *m),
        ],
        Target::Milestone(p, kind) => vec![
            steps.partner(p),
            word("findings.place.milestones"),
            milestone_label(lang, *kind).into_owned(),
        ],
        Target::PartnerIndicator(p, i) => vec![
            steps.partner(p),
            word("findings.place.indicators"),
            steps.indicator(i, 2),
        ],
        Target::Scenario(s) => {
            let name = project.scenarios.get(s).map_or_else(
                || steps.segment(1, s.as_str()),
                |scenario| named(&scenario.name, || s.to_string()),
            );
            let mut place = vec![word("findings.place.scenarios"), name];
            // The target names the scenario only; which change it is survives in the path.
            if let Some(number) = finding
                .path
                .get(2)
                .and_then(|step| step.strip_prefix("Change "))
            {
                let args = [("number", number)];
                place.push(tr_args(lang, "findings.place.change", &args));
            }
            place
        }
    }
}

/// Names looked up in the project, falling back to the finding's path, then to the id.
struct Steps<'a> {
    project: &'a Project,
    path: &'a [String],
}

impl Steps<'_> {
    fn segment(&self, index: usize, id: &str) -> String {
        self.path
            .get(index)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }

    /// Partners are always the first step of their places.
    fn partner(&self, id: &PartnerId) -> String {
        self.project.partners.get(id).map_or_else(
            || self.segment(0, id.as_str()),
            |partner| named(&partner.name, || id.to_string()),
        )
    }

    fn module(&self, id: &ModuleId, index: usize) -> String {
        self.project.catalogue.get(id).map_or_else(
            || self.segment(index, id.as_str()),
            |module| named(&module.title, || id.to_string()),
        )
    }

    fn indicator(&self, id: &IndicatorId, index: usize) -> String {
        self.project.indicators.get(id).map_or_else(
            || self.segment(index, id.as_str()),
            |indicator| named(&indicator.name, || id.to_string()),
        )
    }
}

/// An item's own name, or `fallback` when the name is blank (as validation's paths do).
fn named(name: &str, fallback: impl FnOnce() -> String) -> String {
    if name.trim().is_empty() {
        fallback()
    } else {
        name.to_owned()
    }
}

/// `10 mar 2025` / `10 Mar 2025`, built on the month names of `format::month`.
fn date(lang: Lang, date: jiff::civil::Date) -> String {
    format!(
        "{} {}",
        date.day(),
        format::month(lang, Month::of_date(date))
    )
}

#[cfg(test)]
mod tests;
