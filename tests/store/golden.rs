//! The golden format-1 file must load, with this content, in every future version.

use std::path::Path;

use cruscotto::model::{
    Audience, Cents, EquipmentId, EquipmentKind, IndicatorBlock, IndicatorId, Language,
    MilestoneKind, ModuleArea, ModuleFormat, ModuleId, Month, PartnerId, ScenarioChange,
    ScenarioId, SessionId,
};
use cruscotto::store;

fn month(year: i32, month: u32) -> Month {
    Month::new(year, month).unwrap()
}

fn golden() -> cruscotto::model::Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/project_v1.ron");
    store::load(&path).unwrap_or_else(|e| panic!("the golden v1 file must load: {e}"))
}

#[test]
fn golden_v1_meta_and_catalogues() {
    let project = golden();
    assert_eq!(project.meta.title, "Lavoro agile nei Comuni del Roero");
    assert_eq!(project.meta.programme_code, "PON-GOV-2025-017");
    assert_eq!(project.meta.start, month(2025, 1));
    assert_eq!(project.meta.end, month(2026, 12));
    assert_eq!(project.meta.max_modules_per_partner, 9);
    assert_eq!(project.meta.language, Language::Italian);

    assert_eq!(project.catalogue.len(), 4);
    let leadership = &project.catalogue[&ModuleId::new("m-leadership")];
    assert_eq!(leadership.area, ModuleArea::Leadership);
    assert_eq!(leadership.format, ModuleFormat::Classroom);
    assert_eq!(leadership.audience, Audience::Managers);
    assert_eq!(leadership.hours, 12.0);
    assert!(
        leadership
            .indicators
            .contains(&IndicatorId::new("i-digitale"))
    );
    assert!(project.catalogue[&ModuleId::new("m-regolamento")].retired);
    // Fields left out take their defaults.
    let tools = &project.catalogue[&ModuleId::new("m-strumenti")];
    assert!(tools.indicators.is_empty() && !tools.retired);
    assert_eq!(tools.format, ModuleFormat::Online);

    assert_eq!(project.indicators.len(), 7);
    let costs = &project.indicators[&IndicatorId::new("i-costi")];
    assert_eq!(costs.block, IndicatorBlock::EconomicHealth);
    assert_eq!(costs.unit, "€");
    assert!(!costs.higher_is_better);
}

#[test]
fn golden_v1_partner_details() {
    let project = golden();
    assert_eq!(project.partners.len(), 2);
    let bra = &project.partners[&PartnerId::new("bra")];
    assert_eq!(bra.name, "Comune di Bra");
    assert_eq!(
        (bra.population, bra.headcount, bra.managers, bra.smartable),
        (29871, 182, 14, 96)
    );

    assert_eq!(bra.milestones.len(), MilestoneKind::ALL.len());
    let regolamento = bra.milestone(MilestoneKind::Regolamento);
    assert_eq!(regolamento.planned, Some(month(2025, 4)));
    assert_eq!(regolamento.actual, Some(month(2025, 5)));
    assert_eq!(bra.milestone(MilestoneKind::Regime).actual, None);

    let leadership = &bra.modules[&ModuleId::new("m-leadership")];
    assert_eq!((leadership.enrolled, leadership.completed), (14, 12));
    assert_eq!(leadership.sessions.len(), 3);
    let second = &leadership.sessions[&SessionId::new("s-2")];
    assert_eq!(second.date, jiff::civil::date(2025, 4, 22));
    assert_eq!(second.attendees, 13);
    // 4 h × (14 + 13 + 12) attendees.
    assert_eq!(leadership.person_hours(), 156.0);

    let laptops = &bra.equipment[&EquipmentId::new("e-laptop")];
    assert_eq!(laptops.kind, EquipmentKind::Laptop);
    assert_eq!(laptops.total_cost(), Cents(3_956_000));
    assert_eq!(laptops.delivered, Some(month(2025, 6)));
    assert_eq!(bra.equipment[&EquipmentId::new("e-vpn")].ordered, None);

    let observations = &bra.observations;
    assert_eq!(observations.start, month(2025, 7));
    assert_eq!(observations.months.len(), 4);
    assert_eq!(
        observations.get(month(2025, 9)),
        None,
        "the gap stays a gap"
    );
    let october = observations.get(month(2025, 10)).unwrap();
    assert_eq!(october.smart_workers, 23);
    assert_eq!(october.agile_days, 4.5);
    assert_eq!(
        (
            october.wellbeing,
            october.work_life_balance,
            october.belonging
        ),
        (Some(3.6), None, Some(3.7))
    );

    let wellbeing = &bra.indicators[&IndicatorId::new("i-benessere")];
    assert_eq!(wellbeing.baseline, Some(3.2));
    assert_eq!(wellbeing.targets.get(&2026), Some(&3.8));
    assert_eq!(wellbeing.observed.get(&month(2025, 10)), Some(&3.6));
    assert_eq!(bra.indicators[&IndicatorId::new("i-co2")].baseline, None);

    let canale = &project.partners[&PartnerId::new("canale")];
    assert!(canale.modules.is_empty() && canale.indicators.is_empty());
    assert!(canale.observations.is_empty());
    let tablets = &canale.equipment[&EquipmentId::new("e-tablet")];
    assert_eq!(
        (tablets.kind, tablets.ordered, tablets.delivered),
        (EquipmentKind::Tablet, None, None)
    );
    let kinds: std::collections::BTreeSet<EquipmentKind> = project
        .partners
        .values()
        .flat_map(|p| p.equipment.values().map(|e| e.kind))
        .collect();
    assert_eq!(
        kinds.len(),
        EquipmentKind::ALL.len(),
        "every kind of equipment appears"
    );
}

#[test]
fn golden_v1_scenarios() {
    let project = golden();
    let early = &project.scenarios[&ScenarioId::new("anticipo")];
    assert_eq!(early.name, "Formazione anticipata");
    assert_eq!(early.changes.len(), 5);
    assert_eq!(
        early.changes[0],
        ScenarioChange::ShiftMilestone {
            partner: Some(PartnerId::new("bra")),
            milestone: MilestoneKind::PilotStart,
            months: -3,
        }
    );
    assert_eq!(
        early.changes[1],
        ScenarioChange::AddEquipment {
            partner: PartnerId::new("bra"),
            kind: EquipmentKind::Tablet,
            quantity: 20,
            unit_cost: Cents(45_000),
            delivered: month(2025, 9),
        }
    );
    assert!(
        matches!(early.changes[2], ScenarioChange::SetCompletionRate { partner: None, rate, .. } if rate == 0.9)
    );
    assert!(matches!(early.changes[3], ScenarioChange::SetCeiling { share, .. } if share == 0.6));
    assert!(
        matches!(early.changes[4], ScenarioChange::SetAgileDays { partner: None, days } if days == 8.0)
    );
    let empty = &project.scenarios[&ScenarioId::new("vuoto")];
    assert!(empty.description.is_empty() && empty.changes.is_empty());
}

#[test]
fn golden_v1_opens_with_the_default_deck_and_saves_it_as_format_2() {
    let project = golden();
    let ids: Vec<&str> = project.deck.slides.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "title",
            "kpis",
            "adoption",
            "training",
            "milestones",
            "comune-bra",
            "comune-canale",
            "scenario-anticipo",
            "scenario-vuoto",
            "findings",
        ]
    );
    assert!(project.deck.slides.iter().all(|s| !s.hidden));
    let text = store::to_ron_string(&project);
    assert!(text.starts_with("(\n  format: 2,\n"), "{text}");
    assert!(text.contains("kind: Comune(partner: \"bra\")"), "{text}");
    // A deck in a format-1 file is something that format never had.
    let v1 = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/project_v1.ron"),
    )
    .unwrap();
    let with_deck = v1.replacen(
        "    scenarios: {",
        "    deck: (slides: []),\n    scenarios: {",
        1,
    );
    assert_ne!(with_deck, v1);
    assert!(store::parse(with_deck.as_bytes(), Path::new("v1.ron")).is_err());
}

#[test]
fn golden_v1_survives_a_save_and_load() {
    let project = golden();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("golden.ron");
    store::save(&path, &project).unwrap();
    assert_eq!(store::load(&path).unwrap(), project);
}
