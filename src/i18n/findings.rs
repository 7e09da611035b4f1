//! Validation findings in the interface language: where the item is, named from the project
//! as it is now, and what is wrong, with numbers and months written the language's way.
//!
//! The place is rebuilt from `Finding::target` rather than from the English path, so a
//! partner renamed after validation shows its new name; the path is the fallback when the
//! item has since been deleted.

use std::borrow::Cow;

use super::{Lang, format, tr, tr_args};
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
        Problem::TooManyModules { chosen, max } => tr_args(
            lang,
            "findings.problem.too_many_modules",
            &[
                ("chosen", &format::integer(lang, count(*chosen))),
                ("max", &format::integer(lang, i64::from(*max))),
            ],
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
        Field::CompletionRate | Field::CeilingShare => {
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
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, equipment, module, month, partner, project};
    use crate::model::validate::validate;
    use crate::model::{
        Cents, Edit, EquipmentId, IndicatorBlock, IndicatorDef, ModuleArea, Scenario, ScenarioId,
        SessionId,
    };

    /// Bra, with one module where more staff completed than enrolled.
    fn programme() -> Project {
        let mut project = project("2025-01", "2025-12");
        project.catalogue.insert(
            "rules".into(),
            module("Il regolamento sul lavoro agile", ModuleArea::Rules, 6.0),
        );
        project.indicators.insert(
            "hours-saved".into(),
            IndicatorDef {
                name: "Ore risparmiate".to_owned(),
                block: IndicatorBlock::Impacts,
                unit: "h".to_owned(),
                higher_is_better: true,
            },
        );
        let mut bra = partner("Bra", 100, 10, 60);
        bra.modules
            .insert("rules".into(), choice(30, 32, &[("2025-03-10", 4.0, 28)]));
        bra.equipment.insert(
            "eq-1".into(),
            equipment(EquipmentKind::Laptop, 20, 1000, Some("2025-03"), None),
        );
        project.partners.insert("bra".into(), bra);
        project.scenarios.insert(
            "early".into(),
            Scenario {
                name: "Formazione anticipata".to_owned(),
                description: String::new(),
                changes: Vec::new(),
            },
        );
        project
    }

    fn finding(target: Target, path: &[&str], problem: Problem) -> Finding {
        Finding {
            severity: Severity::Error,
            path: path.iter().map(|step| (*step).to_owned()).collect(),
            target,
            problem,
        }
    }

    fn bra() -> PartnerId {
        PartnerId::from("bra")
    }

    fn rules() -> ModuleId {
        ModuleId::from("rules")
    }

    #[test]
    fn the_module_finding_reads_naturally_in_both_languages() {
        let project = programme();
        let findings = validate(&project);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            describe(Lang::It, &project, &findings[0]),
            "Bra › Moduli › Il regolamento sul lavoro agile: 32 completati > 30 iscritti"
        );
        assert_eq!(
            describe(Lang::En, &project, &findings[0]),
            "Bra › Modules › Il regolamento sul lavoro agile: 32 completed > 30 enrolled"
        );
    }

    #[test]
    fn the_place_follows_a_renamed_partner() {
        let mut project = programme();
        let findings = validate(&project);
        let rename = Edit::RenamePartner {
            partner: bra(),
            name: "Città di Bra".to_owned(),
        };
        rename.apply(&mut project).expect("Bra exists");
        assert_eq!(
            place(Lang::It, &project, &findings[0]),
            "Città di Bra › Moduli › Il regolamento sul lavoro agile"
        );
    }

    #[test]
    fn deleted_items_are_named_from_the_path() {
        let findings = validate(&programme());
        let mut project = programme();
        project.partners.clear();
        project.catalogue.clear();
        assert_eq!(
            place(Lang::It, &project, &findings[0]),
            "Bra › Moduli › Il regolamento sul lavoro agile"
        );

        // A deleted session still shows its date, in the language's way.
        let session = finding(
            Target::Session(bra(), rules(), SessionId::from("s9")),
            &["Bra", "Modules", "Regolamento", "Sessions", "2025-03-10"],
            Problem::RetiredModule,
        );
        assert_eq!(
            place(Lang::It, &project, &session),
            "Bra › Moduli › Regolamento › Sessioni › 10 mar 2025"
        );
        // Nothing left to name it by: the ids.
        let bare = finding(
            Target::PartnerModule(PartnerId::from("cuneo"), ModuleId::from("ghost")),
            &[],
            Problem::RetiredModule,
        );
        assert_eq!(place(Lang::En, &project, &bare), "cuneo › Modules › ghost");
    }

    #[test]
    fn every_kind_of_place_is_named_from_the_project() {
        let project = programme();
        let july = month("2025-07");
        let cases = [
            (Target::Project, "Test programme", "Test programme"),
            (
                Target::Module(rules()),
                "Catalogo moduli › Il regolamento sul lavoro agile",
                "Catalogue › Il regolamento sul lavoro agile",
            ),
            (
                Target::Indicator(IndicatorId::from("hours-saved")),
                "Indicatori › Ore risparmiate",
                "Indicators › Ore risparmiate",
            ),
            (Target::Partner(bra()), "Bra", "Bra"),
            (
                Target::Session(bra(), rules(), SessionId::from("s1")),
                "Bra › Moduli › Il regolamento sul lavoro agile › Sessioni › 10 mar 2025",
                "Bra › Modules › Il regolamento sul lavoro agile › Sessions › 10 Mar 2025",
            ),
            (
                Target::Equipment(bra(), EquipmentId::from("eq-1")),
                "Bra › Dotazioni › Portatile (eq-1)",
                "Bra › Equipment › Laptop (eq-1)",
            ),
            (
                Target::Observation(bra(), july),
                "Bra › Rilevazioni › lug 2025",
                "Bra › Observations › Jul 2025",
            ),
            (
                Target::Milestone(bra(), MilestoneKind::UnionAgreement),
                "Bra › Tappe › Intesa sindacale",
                "Bra › Milestones › Union agreement",
            ),
            (
                Target::PartnerIndicator(bra(), IndicatorId::from("hours-saved")),
                "Bra › Indicatori › Ore risparmiate",
                "Bra › Indicators › Ore risparmiate",
            ),
            (
                Target::Scenario(ScenarioId::from("early")),
                "Scenari › Formazione anticipata",
                "Scenarios › Formazione anticipata",
            ),
        ];
        for (target, italian, english) in cases {
            let finding = finding(target, &["stale"], Problem::RetiredModule);
            assert_eq!(place(Lang::It, &project, &finding), italian);
            assert_eq!(place(Lang::En, &project, &finding), english);
        }
    }

    #[test]
    fn an_untitled_project_and_a_scenario_change_are_named_in_the_language() {
        let mut project = programme();
        project.meta.title.clear();
        let untitled = finding(Target::Project, &["Project"], Problem::RetiredModule);
        assert_eq!(place(Lang::It, &project, &untitled), "Progetto");
        let change = finding(
            Target::Scenario(ScenarioId::from("early")),
            &["Scenarios", "Early training", "Change 4"],
            Problem::RetiredModule,
        );
        assert_eq!(
            place(Lang::It, &project, &change),
            "Scenari › Formazione anticipata › Modifica 4"
        );
        assert_eq!(
            place(Lang::En, &project, &change),
            "Scenarios › Formazione anticipata › Change 4"
        );
    }

    /// Every variant's position, so a new variant fails to compile here until it is worded.
    fn variant(problem: &Problem) -> usize {
        match problem {
            Problem::Negative { .. } => 0,
            Problem::NegativeAmount { .. } => 1,
            Problem::Exceeds { .. } => 2,
            Problem::NotPositive { .. } => 3,
            Problem::NotFinite { .. } => 4,
            Problem::OutOfRange { .. } => 5,
            Problem::MostlyRemote { .. } => 6,
            Problem::TooManyModules { .. } => 7,
            Problem::UnknownModule { .. } => 8,
            Problem::UnknownIndicator { .. } => 9,
            Problem::UnknownPartner { .. } => 10,
            Problem::RetiredModule => 11,
            Problem::EndBeforeStart { .. } => 12,
            Problem::OutsideProgramme { .. } => 13,
            Problem::DeliveredBeforeOrdered { .. } => 14,
            Problem::MilestoneOrder { .. } => 15,
            Problem::MalformedId { .. } => 16,
            Problem::Empty { .. } => 17,
        }
    }
    const VARIANTS: usize = 18;

    fn worded_problems() -> Vec<(Problem, &'static str, &'static str)> {
        vec![
            (
                Problem::Negative {
                    field: Field::Population,
                    value: -1234,
                },
                "il campo «popolazione» è negativo (−1.234)",
                "population is negative (−1,234)",
            ),
            (
                Problem::NegativeAmount {
                    field: Field::UnitCost,
                    value: Cents(-150_050),
                },
                "il campo «costo unitario» è negativo (−€ 1.500,50)",
                "unit cost is negative (−€1,500.50)",
            ),
            (
                Problem::Exceeds {
                    field: Field::Enrolled,
                    value: 1200,
                    limit_field: Field::Headcount,
                    limit: 1100,
                },
                "1.200 iscritti > 1.100 dipendenti",
                "1,200 enrolled > 1,100 headcount",
            ),
            (
                Problem::NotPositive {
                    field: Field::Hours,
                    value: 0.0,
                },
                "il campo «ore» deve essere maggiore di 0 (trovato 0)",
                "hours must be more than 0, found 0",
            ),
            (
                Problem::NotFinite {
                    field: Field::Baseline,
                },
                "il campo «valore di partenza» non contiene un numero valido",
                "baseline is not a finite number",
            ),
            (
                Problem::OutOfRange {
                    field: Field::Wellbeing,
                    value: 5.5,
                    min: 1.0,
                    max: 5.0,
                },
                "il campo «punteggio di benessere» vale 5,5, fuori dall'intervallo 1–5",
                "wellbeing score 5.5 outside 1–5",
            ),
            (
                Problem::MostlyRemote {
                    days: 12.5,
                    max: 10.0,
                },
                "12,5 giorni di lavoro agile al mese: il lavoro in presenza deve restare \
                 prevalente (al massimo 10)",
                "12.5 agile days a month: in-person work must prevail (at most 10)",
            ),
            (
                Problem::TooManyModules { chosen: 11, max: 9 },
                "11 moduli scelti, oltre il massimo di 9",
                "11 modules chosen, more than the maximum of 9",
            ),
            (
                Problem::UnknownModule {
                    module: ModuleId::from("ghost"),
                },
                "il modulo «ghost» non è nel catalogo",
                "module \"ghost\" is not in the catalogue",
            ),
            (
                Problem::UnknownIndicator {
                    indicator: IndicatorId::from("co2"),
                },
                "l'indicatore «co2» non è nel catalogo degli indicatori",
                "indicator \"co2\" is not in the indicator catalogue",
            ),
            (
                Problem::UnknownPartner {
                    partner: PartnerId::from("cuneo"),
                },
                "il Comune partner «cuneo» non esiste",
                "partner \"cuneo\" does not exist",
            ),
            (
                Problem::RetiredModule,
                "il modulo è stato ritirato dal catalogo",
                "the module is retired from the catalogue",
            ),
            (
                Problem::EndBeforeStart {
                    start: month("2025-03"),
                    end: month("2024-12"),
                },
                "il programma termina (dic 2024) prima di iniziare (mar 2025)",
                "the programme ends (Dec 2024) before it starts (Mar 2025)",
            ),
            (
                Problem::OutsideProgramme {
                    field: Field::PlannedMonth,
                    month: month("2026-02"),
                    start: month("2025-01"),
                    end: month("2025-12"),
                },
                "mese previsto (feb 2026) fuori dal periodo del programma (da gen 2025 a dic 2025)",
                "planned month Feb 2026 is outside the programme (Jan 2025 to Dec 2025)",
            ),
            (
                Problem::DeliveredBeforeOrdered {
                    ordered: month("2025-03"),
                    delivered: month("2025-02"),
                },
                "consegna (feb 2025) precedente all'ordine (mar 2025)",
                "delivered Feb 2025, before it was ordered (Mar 2025)",
            ),
            (
                Problem::MilestoneOrder {
                    before: MilestoneKind::PilotStart,
                    before_month: month("2025-07"),
                    after: MilestoneKind::Regime,
                    after_month: month("2025-06"),
                },
                "tappa «Regime» (giu 2025) raggiunta prima della tappa «Avvio pilota» (lug 2025)",
                "Regime (Jun 2025) came before Pilot start (Jul 2025)",
            ),
            (
                Problem::MalformedId {
                    id: "eq#2".to_owned(),
                },
                "l'identificativo «eq#2» deve contenere solo lettere, cifre, - e _",
                "id \"eq#2\" should use only letters, digits, - and _",
            ),
            (
                Problem::Empty { field: Field::Name },
                "il campo «nome» è vuoto",
                "name is empty",
            ),
        ]
    }

    #[test]
    fn every_problem_is_worded_in_both_languages_with_its_values() {
        let cases = worded_problems();
        let mut covered = [false; VARIANTS];
        for (problem, italian, english) in &cases {
            covered[variant(problem)] = true;
            assert_eq!(message(Lang::It, problem), *italian);
            assert_eq!(message(Lang::En, problem), *english);
        }
        assert!(
            covered.iter().all(|&c| c),
            "variants not worded: {covered:?}"
        );
    }

    #[test]
    fn shares_read_as_percentages() {
        let problem = Problem::OutOfRange {
            field: Field::CompletionRate,
            value: 1.2,
            min: 0.0,
            max: 1.0,
        };
        assert_eq!(
            message(Lang::It, &problem),
            "il campo «tasso di completamento» vale 120%, fuori dall'intervallo 0%–100%"
        );
        assert_eq!(
            message(Lang::En, &problem),
            "completion rate 120% outside 0%–100%"
        );
    }

    /// Every field, guarded by a match so a new field fails to compile here until it is listed.
    fn all_fields() -> Vec<Field> {
        let fields = vec![
            Field::Title,
            Field::Name,
            Field::Population,
            Field::Headcount,
            Field::Managers,
            Field::Smartable,
            Field::Enrolled,
            Field::Completed,
            Field::Attendees,
            Field::Hours,
            Field::SessionDate,
            Field::Quantity,
            Field::UnitCost,
            Field::Ordered,
            Field::Delivered,
            Field::ObservationMonth,
            Field::SmartWorkers,
            Field::AgileDays,
            Field::Wellbeing,
            Field::WorkLifeBalance,
            Field::Belonging,
            Field::PlannedMonth,
            Field::ActualMonth,
            Field::Baseline,
            Field::YearTarget,
            Field::ObservedValue,
            Field::ObservedMonth,
            Field::CompletionRate,
            Field::CeilingShare,
        ];
        for field in &fields {
            match field {
                Field::Title
                | Field::Name
                | Field::Population
                | Field::Headcount
                | Field::Managers
                | Field::Smartable
                | Field::Enrolled
                | Field::Completed
                | Field::Attendees
                | Field::Hours
                | Field::SessionDate
                | Field::Quantity
                | Field::UnitCost
                | Field::Ordered
                | Field::Delivered
                | Field::ObservationMonth
                | Field::SmartWorkers
                | Field::AgileDays
                | Field::Wellbeing
                | Field::WorkLifeBalance
                | Field::Belonging
                | Field::PlannedMonth
                | Field::ActualMonth
                | Field::Baseline
                | Field::YearTarget
                | Field::ObservedValue
                | Field::ObservedMonth
                | Field::CompletionRate
                | Field::CeilingShare => {}
            }
        }
        fields
    }

    #[test]
    fn every_field_has_its_own_label_in_both_languages() {
        let fields = all_fields();
        assert_eq!(
            fields
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            29
        );
        for lang in Lang::ALL {
            let labels: Vec<String> = fields
                .iter()
                .map(|&f| field_label(lang, f).into_owned())
                .collect();
            for (field, label) in fields.iter().zip(&labels) {
                assert!(!label.starts_with("findings."), "{field:?} in {lang:?}");
                let empty = message(lang, &Problem::Empty { field: *field });
                assert!(
                    empty.contains(label.as_str()) && !empty.contains("%{"),
                    "{empty}"
                );
            }
            let distinct: std::collections::BTreeSet<&String> = labels.iter().collect();
            assert_eq!(distinct.len(), labels.len(), "{lang:?}: {labels:?}");
        }
        assert_eq!(field_label(Lang::It, Field::Smartable), "smartabili");
        assert_eq!(
            field_label(Lang::En, Field::Smartable),
            Field::Smartable.label()
        );
    }

    #[test]
    fn milestones_equipment_and_severities_have_labels_in_both_languages() {
        let italian: Vec<Cow<'static, str>> = MilestoneKind::ALL
            .iter()
            .map(|&kind| milestone_label(Lang::It, kind))
            .collect();
        assert_eq!(
            italian,
            [
                "Mappatura attività smartabili",
                "Regolamento",
                "Intesa sindacale",
                "Accordi individuali",
                "Dotazioni consegnate",
                "Avvio pilota",
                "Regime"
            ]
        );
        for kind in MilestoneKind::ALL {
            assert_eq!(milestone_label(Lang::En, kind), kind.label());
        }
        for kind in EquipmentKind::ALL {
            assert_eq!(equipment_label(Lang::En, kind), kind.label());
            assert!(!equipment_label(Lang::It, kind).starts_with("findings."));
        }
        assert_eq!(
            equipment_label(Lang::It, EquipmentKind::VpnLicence),
            "Licenza VPN"
        );
        assert_eq!(severity_label(Lang::It, Severity::Error), "Errore");
        assert_eq!(severity_label(Lang::It, Severity::Warning), "Avviso");
        assert_eq!(severity_label(Lang::En, Severity::Error), "Error");
        assert_eq!(severity_label(Lang::En, Severity::Warning), "Warning");
    }
}
