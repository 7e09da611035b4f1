//! Realistic projects for the store's tests and benchmark, built here so they depend on nothing
//! but the model (the demo generator is a separate piece of work).
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cruscotto::model::{
    Audience, Cents, Equipment, EquipmentId, EquipmentKind, IndicatorBlock, IndicatorDef,
    IndicatorId, IndicatorValues, MilestoneDates, MilestoneKind, Module, ModuleArea, ModuleChoice,
    ModuleFormat, ModuleId, Month, Observation, Observations, Partner, PartnerId, Project,
    Scenario, ScenarioChange, ScenarioId, Session, SessionId,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub fn month(year: i32, month: u32) -> Month {
    Month::new(year, month).expect("a valid month in the test's own data")
}

const PROVINCES: [&str; 8] = ["CN", "TO", "AT", "AL", "BI", "NO", "VC", "VB"];
const PLACES: [&str; 8] = [
    "Bra",
    "Mondovì",
    "Cantù",
    "Saluzzo",
    "Alba",
    "Fossano",
    "Cherasco",
    "Savigliano",
];
const CATALOGUE_SIZE: usize = 20;
const INDICATORS: usize = 10;
const MODULES_PER_PARTNER: usize = 9;

/// A consortium of `partners` Comuni observed for `months` months from January 2025, every
/// field filled: 20 catalogue modules, 10 indicators, 9 chosen modules with ~3 sessions
/// each, ~6 equipment lines, monthly observations with a few gaps and survey scores, and
/// scenarios using every kind of change. The same arguments always give the same project.
pub fn programme(partners: usize, months: usize, seed: u64) -> Project {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let start = month(2025, 1);
    let end = start.plus(months.max(1) as i32 - 1);
    let mut project = Project::new("Lavoro agile nei Comuni", start, end);
    project.meta.programme_code = "PON-GOV-2025-017".to_owned();
    project.indicators = indicator_catalogue();
    project.catalogue = module_catalogue(&project.indicators);
    for n in 0..partners {
        let id = PartnerId::new(format!("p-{n:04}"));
        let partner = partner(&mut rng, n, &project, months);
        project.partners.insert(id, partner);
    }
    project.scenarios = scenarios(&project);
    project
}

fn indicator_catalogue() -> BTreeMap<IndicatorId, IndicatorDef> {
    (0..INDICATORS)
        .map(|i| {
            let block = IndicatorBlock::ALL[i % IndicatorBlock::ALL.len()];
            let unit = ["%", "€", "km", "kg CO2", "h", "score"][i % 6];
            let def = IndicatorDef {
                name: format!("Indicatore {i} ({block:?})"),
                block,
                unit: unit.to_owned(),
                higher_is_better: i % 3 != 1,
            };
            (IndicatorId::new(format!("i-{i:02}")), def)
        })
        .collect()
}

fn module_catalogue(
    indicators: &BTreeMap<IndicatorId, IndicatorDef>,
) -> BTreeMap<ModuleId, Module> {
    let ids: Vec<&IndicatorId> = indicators.keys().collect();
    (0..CATALOGUE_SIZE)
        .map(|i| {
            let area = ModuleArea::ALL[i % ModuleArea::ALL.len()];
            let module = Module {
                title: format!("{} — modulo {i}", area.label()),
                area,
                format: ModuleFormat::ALL[i % ModuleFormat::ALL.len()],
                hours: [6.0, 8.0, 12.0, 16.5][i % 4],
                audience: Audience::ALL[i % Audience::ALL.len()],
                indicators: BTreeSet::from([
                    ids[i % ids.len()].clone(),
                    ids[(i * 3 + 1) % ids.len()].clone(),
                ]),
                retired: i == CATALOGUE_SIZE - 1,
            };
            (ModuleId::new(format!("m-{i:02}")), module)
        })
        .collect()
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

fn partner(rng: &mut ChaCha8Rng, n: usize, project: &Project, months: usize) -> Partner {
    let start = project.meta.start;
    let place = PLACES[n % PLACES.len()];
    let mut partner = Partner::new(
        format!("Comune di {place} {n}"),
        PROVINCES[n % PROVINCES.len()],
        start,
    );
    let population = (1_500.0 * 40f64.powf(rng.random::<f64>())) as i64;
    partner.population = population;
    partner.headcount = (population as f64 * rng.random_range(5.7..11.0) / 1000.0).max(4.0) as i64;
    partner.managers = (partner.headcount / 12).max(1);
    partner.smartable = partner.headcount * rng.random_range(35..65) / 100;

    let span = months.max(1) as i32;
    let mut planned = rng.random_range(0..3);
    for kind in MilestoneKind::ALL {
        planned += rng.random_range(1..4);
        let plan = start.plus(planned.min(span - 1));
        let delay = rng.random_range(0..3);
        let actual = (planned + delay < span * 2 / 3).then(|| start.plus(planned + delay));
        partner.milestones.insert(
            kind,
            MilestoneDates {
                planned: Some(plan),
                actual,
            },
        );
    }

    let first = rng.random_range(0..CATALOGUE_SIZE);
    for k in 0..MODULES_PER_PARTNER {
        let id = ModuleId::new(format!("m-{:02}", (first + k * 2) % CATALOGUE_SIZE));
        let enrolled = rng.random_range(1..=partner.headcount.max(1));
        let completed = enrolled * rng.random_range(50..=100) / 100;
        let sessions = (0..rng.random_range(2..5))
            .map(|s| {
                let when = start.plus(rng.random_range(0..span));
                let session = Session {
                    date: jiff::civil::date(
                        when.year() as i16,
                        when.month() as i8,
                        rng.random_range(1..29),
                    ),
                    hours: [2.0, 2.5, 3.0, 4.0][s % 4],
                    attendees: rng.random_range(1..=enrolled),
                };
                (SessionId::new(format!("s-{}", s + 1)), session)
            })
            .collect();
        partner.modules.insert(
            id,
            ModuleChoice {
                enrolled,
                completed,
                sessions,
            },
        );
    }

    for (e, kind) in EquipmentKind::ALL
        .into_iter()
        .enumerate()
        .skip(n % 2)
        .take(6)
    {
        let ordered = start.plus(rng.random_range(0..span));
        let equipment = Equipment {
            kind,
            quantity: rng.random_range(1..=partner.smartable.max(1)),
            unit_cost: Cents([98_900, 45_000, 3_500, 2_400, 4_800, 7_200, 6_000][e]),
            ordered: Some(ordered),
            delivered: rng
                .random_bool(0.8)
                .then(|| ordered.plus(rng.random_range(0..3))),
        };
        partner
            .equipment
            .insert(EquipmentId::new(format!("e-{e}")), equipment);
    }

    // An S-shaped adoption curve with noise, a few unobserved months and a survey every
    // quarter.
    let ceiling = partner.smartable as f64 * rng.random_range(0.4..0.9);
    let midpoint = rng.random_range(6.0..(span as f64).max(7.0));
    partner.observations = Observations {
        start,
        months: (0..months)
            .map(|m| {
                if m > 0 && rng.random_bool(0.04) {
                    return None;
                }
                let share = 1.0 / (1.0 + (-(m as f64 - midpoint) / 3.0).exp());
                let mut observation = Observation::new(
                    (ceiling * share).round() as i64,
                    round_to(rng.random_range(2.0..10.0), 1),
                );
                if m % 3 == 2 {
                    observation.wellbeing = Some(round_to(rng.random_range(2.5..4.8), 1));
                    observation.work_life_balance = Some(round_to(rng.random_range(2.5..4.8), 1));
                    observation.belonging = rng
                        .random_bool(0.7)
                        .then(|| round_to(rng.random_range(2.5..4.8), 1));
                }
                Some(observation)
            })
            .collect(),
    };

    for id in project.indicators.keys() {
        let baseline = round_to(rng.random_range(10.0..100.0), 1);
        let years = project.meta.start.year()..=project.meta.end.year();
        let values = IndicatorValues {
            baseline: Some(baseline),
            targets: years
                .enumerate()
                .map(|(i, year)| (year, round_to(baseline * (1.0 + 0.1 * (i + 1) as f64), 1)))
                .collect(),
            observed: (0..months)
                .step_by(6)
                .map(|m| {
                    (
                        start.plus(m as i32),
                        round_to(baseline * rng.random_range(0.9..1.3), 2),
                    )
                })
                .collect(),
        };
        partner.indicators.insert(id.clone(), values);
    }
    partner
}

fn scenarios(project: &Project) -> BTreeMap<ScenarioId, Scenario> {
    let first = project.partners.keys().next().cloned();
    let mut changes = vec![
        ScenarioChange::SetCompletionRate {
            partner: None,
            module: ModuleId::new("m-00"),
            rate: 0.85,
        },
        ScenarioChange::SetCeiling {
            partner: first.clone(),
            share: 0.6,
        },
        ScenarioChange::SetAgileDays {
            partner: None,
            days: 8.0,
        },
        ScenarioChange::ShiftMilestone {
            partner: first.clone(),
            milestone: MilestoneKind::PilotStart,
            months: -3,
        },
    ];
    if let Some(partner) = first {
        changes.push(ScenarioChange::AddEquipment {
            partner,
            kind: EquipmentKind::Laptop,
            quantity: 20,
            unit_cost: Cents(98_900),
            delivered: project.meta.start.plus(8),
        });
    }
    BTreeMap::from([
        (
            ScenarioId::new("anticipo"),
            Scenario {
                name: "Formazione anticipata".to_owned(),
                description: "Tutti i moduli tre mesi prima".to_owned(),
                changes,
            },
        ),
        (
            ScenarioId::new("base"),
            Scenario {
                name: "Base".to_owned(),
                description: String::new(),
                changes: Vec::new(),
            },
        ),
    ])
}

/// The names in `dir`, sorted, to check that nothing stray was left behind.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the test's folder is readable")
        .map(|entry| {
            entry
                .expect("a readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Writes `bytes` to `name` inside `dir` and returns the path.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("the test can write its own folder");
    path
}
