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
        Problem::UnknownEquipment { .. } => 18,
    }
}
const VARIANTS: usize = 19;

fn worded_problems() -> Vec<(Problem, &'static str, &'static str)> {
    vec![
        (
            Problem::Negative {
                field: Field::Population,
                value: -1234,
            },
            "il campo «popolazione residente» è negativo (−1.234)",
            "resident population is negative (−1,234)",
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
            "1,200 enrolled > 1,100 staff",
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
            Problem::UnknownEquipment {
                equipment: EquipmentId::from("portatili-3"),
            },
            "la dotazione «portatili-3» non è tra quelle del Comune partner",
            "purchase \"portatili-3\" is not among the partner's equipment",
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
        Field::PilotShare,
        Field::OwnDeviceShare,
        Field::TrainingEffect,
        Field::InnovationPrior,
        Field::ImitationPrior,
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
            | Field::CeilingShare
            | Field::PilotShare
            | Field::OwnDeviceShare
            | Field::TrainingEffect
            | Field::InnovationPrior
            | Field::ImitationPrior => {}
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
        34
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
    assert_eq!(
        field_label(Lang::It, Field::Smartable),
        "personale con attività smartabili"
    );
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

#[test]
fn a_finding_names_a_partner_field_as_the_editor_labels_it() {
    // "headcount" in a finding about the field labelled "Staff" sent users looking for a
    // field that does not exist: one term per concept.
    let fields = [
        (Field::Population, "partners.identity.population"),
        (Field::Headcount, "partners.identity.headcount"),
        (Field::Managers, "partners.identity.managers"),
        (Field::Smartable, "partners.identity.smartable"),
    ];
    for lang in Lang::ALL {
        for (field, label_key) in fields {
            let label = crate::i18n::tr(lang, label_key);
            let mut chars = label.chars();
            let in_a_sentence: String = chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            assert_eq!(
                field_label(lang, field),
                in_a_sentence,
                "{lang:?} {field:?}"
            );
        }
    }
}
