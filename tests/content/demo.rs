//! The demo programme: the checked-in file is the generator's output, the generator is
//! deterministic, and what it generates looks like a real consortium and validates.
//!
//! After changing the generator, rewrite the checked-in demo with
//! `CRUSCOTTO_WRITE_DEMO=1 cargo test --test content demo`, then run the tests again.

use std::collections::HashSet;
use std::path::PathBuf;

use cruscotto::demo::{DemoOptions, embedded, generate};
use cruscotto::model::validate::{Severity, validate};
use cruscotto::model::{
    Audience, IndicatorId, Language, MilestoneKind, Month, PartnerId, Project, SURVEY_SCALE,
    is_well_formed,
};
use cruscotto::store::to_ron_string;

const WRITE_VAR: &str = "CRUSCOTTO_WRITE_DEMO";

fn demo_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/demo.ron")
}

fn month(year: i32, month: u32) -> Month {
    Month::new(year, month).expect("a valid month")
}

/// Smart workers of the whole consortium as a share of its headcount, month by month.
fn consortium_share(project: &Project) -> Vec<f64> {
    let headcount: i64 = project.partners.values().map(|p| p.headcount).sum();
    project
        .months()
        .map(|m| {
            let workers: i64 = project
                .partners
                .values()
                .filter_map(|p| p.observations.get(m))
                .map(|o| o.smart_workers)
                .sum();
            workers as f64 / headcount as f64
        })
        .collect()
}

#[test]
fn checked_in_demo_is_the_generators_output() {
    let expected = to_ron_string(&generate(&DemoOptions::default()));
    if std::env::var_os(WRITE_VAR).is_some() {
        std::fs::write(demo_path(), &expected).expect("saves/demo.ron is writable");
        return;
    }
    let checked_in = std::fs::read_to_string(demo_path()).unwrap_or_default();
    assert!(
        checked_in == expected,
        "saves/demo.ron differs from the generator's output; rewrite it with \
         `{WRITE_VAR}=1 cargo test --test content demo`"
    );
}

#[test]
fn embedded_demo_loads_as_the_default_generation() {
    if std::env::var_os(WRITE_VAR).is_some() {
        // The binary embeds the file as it was at compile time; the next run checks it.
        return;
    }
    assert_eq!(embedded(), generate(&DemoOptions::default()));
}

#[test]
fn generation_is_deterministic_per_seed_and_differs_across_seeds() {
    let options = DemoOptions {
        partners: 12,
        months: 30,
        seed: 42,
    };
    let first = generate(&options);
    assert_eq!(first, generate(&options));
    let other = generate(&DemoOptions {
        seed: 43,
        ..options
    });
    assert_ne!(first, other);
    // The real Comuni are the same whatever the seed; what happens in them is not.
    let cuneo = PartnerId::from("cuneo");
    assert_eq!(
        first.partners[&cuneo].population,
        other.partners[&cuneo].population
    );
    assert_ne!(first.partners[&cuneo], other.partners[&cuneo]);
}

#[test]
fn default_demo_is_an_italian_consortium_of_eight_comuni_of_mixed_size() {
    let project = generate(&DemoOptions::default());
    assert_eq!(project.meta.language, Language::Italian);
    assert!(project.meta.title.contains("Lavoro agile"));
    assert!(!project.meta.programme_code.is_empty());
    assert_eq!(
        (project.meta.start, project.meta.end),
        (month(2025, 1), month(2026, 12))
    );
    assert_eq!(project.meta.max_modules_per_partner, 9);
    assert!((18..=24).contains(&project.catalogue.len()));
    assert!((10..=12).contains(&project.indicators.len()));

    assert_eq!(project.partners.len(), 8);
    let populations: Vec<i64> = project.partners.values().map(|p| p.population).collect();
    assert!(populations.iter().min() < Some(&3_000), "{populations:?}");
    assert!(populations.iter().max() > Some(&40_000), "{populations:?}");
    let names: Vec<&str> = project.partners.values().map(|p| p.name.as_str()).collect();
    assert!(
        names.contains(&"Cuneo") && names.contains(&"Roddi"),
        "{names:?}"
    );
    for partner in project.partners.values() {
        assert_eq!(partner.province, "CN");
        assert_eq!(partner.modules.len(), 9, "{}", partner.name);
        assert_eq!(partner.observations.start, month(2025, 1));
        assert_eq!(partner.observations.months.len(), 24, "{}", partner.name);
        assert!(partner.observations.months.iter().all(Option::is_some));
        // Between 5.7 and 11 staff per 1,000 inhabitants, give or take the 10% spread.
        let per_thousand = partner.headcount as f64 * 1_000.0 / partner.population as f64;
        assert!(
            (5.0..=12.2).contains(&per_thousand),
            "{}: {per_thousand}",
            partner.name
        );
    }
    // Small Comuni employ more staff per inhabitant than the capoluogo.
    let per_capita = |name: &str| {
        let p = project
            .partners
            .values()
            .find(|p| p.name == name)
            .expect(name);
        p.headcount as f64 / p.population as f64
    };
    assert!(per_capita("Roddi") > per_capita("Cuneo"));
}

#[test]
fn default_adoption_rises_in_an_s_shape_to_a_plausible_share() {
    let project = generate(&DemoOptions::default());
    let share = consortium_share(&project);
    // Nobody works agile before the first regolamento and union agreement.
    assert_eq!(share[0], 0.0);
    let last = *share.last().expect("24 months");
    // National share of public employees in smart working ≈ 16–17%; a programme's members
    // after two years: 10–30% of their headcount.
    assert!(
        (0.10..=0.30).contains(&last),
        "consortium share at month 24: {last}"
    );

    // S-shaped: of the rise from the first adopter to month 24, the middle third of that
    // span gains more than its start and its end.
    let first = share
        .iter()
        .position(|&s| s > 0.0)
        .expect("adoption starts");
    let span = share.len() - 1 - first;
    let gain = |from: usize, to: usize| share[to] - share[from];
    let (a, b) = (first + span / 3, first + 2 * span / 3);
    let (early, middle, late) = (gain(first, a), gain(a, b), gain(b, share.len() - 1));
    assert!(
        middle > early && middle > late,
        "{early} {middle} {late}: {share:?}"
    );

    // Each partner: none before its regolamento and union agreement, some by the end, and
    // small Comuni lower than the large ones.
    let mut small = (0, 0);
    let mut large = (0, 0);
    for partner in project.partners.values() {
        for (m, observation) in partner.observations.iter() {
            let allowed = partner.milestone(MilestoneKind::Regolamento).reached_by(m)
                && partner
                    .milestone(MilestoneKind::UnionAgreement)
                    .reached_by(m);
            if !allowed {
                assert_eq!(observation.smart_workers, 0, "{} {m}", partner.name);
            }
        }
        let (_, last) = partner.observations.last().expect("observed");
        assert!(last.smart_workers > 0, "{}", partner.name);
        let bucket = if partner.population < 10_000 {
            &mut small
        } else {
            &mut large
        };
        bucket.0 += last.smart_workers;
        bucket.1 += partner.headcount;
    }
    let rate = |(workers, headcount): (i64, i64)| workers as f64 / headcount as f64;
    assert!(rate(small) < rate(large), "small {small:?} large {large:?}");
}

#[test]
fn indicators_agree_with_what_partners_did() {
    let project = generate(&DemoOptions::default());
    for partner in project.partners.values() {
        let values = |id: &str| &partner.indicators[&IndicatorId::from(id)];
        let observed_months: Vec<Month> = values("lavoratori-agili")
            .observed
            .keys()
            .copied()
            .collect();
        // Measured once a year, in December of both years.
        assert_eq!(observed_months, [month(2025, 12), month(2026, 12)]);
        for m in observed_months {
            let observation = partner.observations.get(m).expect("observed every month");
            let share = observation.smart_workers as f64 / partner.smartable as f64 * 100.0;
            let reported = values("lavoratori-agili").observed[&m];
            assert!(
                (reported - share).abs() <= 0.05,
                "{} {m}: {reported} vs {share}",
                partner.name
            );
            // CO2 follows the km saved at ≈ 0.14 kg per km, within rounding to whole units.
            let km = values("km-risparmiati").observed[&m];
            let co2 = values("co2-evitata").observed[&m];
            assert!(
                (co2 - km * 0.14).abs() <= 1.0,
                "{} {m}: {co2} kg for {km} km",
                partner.name
            );
            if observation.smart_workers == 0 {
                assert_eq!(km, 0.0, "{} {m}", partner.name);
            }
        }
        // Processing times are to fall: lower is better and the targets go down.
        let days = values("tempi-pratiche");
        let baseline = days.baseline.expect("a baseline");
        assert!(
            days.targets.values().all(|&t| t < baseline),
            "{}",
            partner.name
        );
    }
    assert!(!project.indicators[&IndicatorId::from("tempi-pratiche")].higher_is_better);
}

#[test]
fn default_demo_validates_with_few_warnings() {
    let project = generate(&DemoOptions::default());
    let findings = validate(&project);
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(findings.len() <= 5, "{findings:#?}");
    assert_invariants(&project);
}

#[test]
fn other_seeds_and_lengths_keep_the_invariants() {
    for (partners, months, seed) in [(3, 24, 1), (8, 12, 2), (20, 36, 3), (1, 1, 4), (0, 6, 5)] {
        let project = generate(&DemoOptions {
            partners,
            months,
            seed,
        });
        assert_eq!(project.partners.len(), partners);
        assert_eq!(project.months().count(), months as usize);
        assert_invariants(&project);
        let errors: Vec<String> = validate(&project)
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.is_empty(),
            "{partners}×{months} seed {seed}: {errors:#?}"
        );
    }
}

#[test]
fn hundreds_of_partners_over_five_years_are_unique_and_valid() {
    let project = generate(&DemoOptions {
        partners: 300,
        months: 60,
        seed: 7,
    });
    assert_eq!(project.partners.len(), 300);
    assert_eq!(project.meta.end, month(2029, 12));
    let names: HashSet<&str> = project.partners.values().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 300, "names are unique");
    assert!(
        project
            .partners
            .keys()
            .all(|id| is_well_formed(id.as_str()))
    );
    // Sizes like Italy's: mostly small Comuni, a long tail of towns.
    let small = project
        .partners
        .values()
        .filter(|p| p.population < 5_000)
        .count();
    assert!(
        (150..=250).contains(&small),
        "{small} of 300 under 5,000 inhabitants"
    );
    assert!(project.partners.values().any(|p| p.population > 50_000));
    assert_invariants(&project);
    let findings = validate(&project);
    assert!(!findings.iter().any(|f| f.severity == Severity::Error));
}

/// What must hold in any generated project, checked directly on the data.
fn assert_invariants(project: &Project) {
    let (start, end) = (project.meta.start, project.meta.end);
    let inside = |m: Month| start <= m && m <= end;
    for (id, partner) in &project.partners {
        let who = &partner.name;
        assert!(is_well_formed(id.as_str()), "{id}");
        assert!(partner.population > 0, "{who}");
        assert!(
            1 <= partner.managers && partner.managers <= partner.headcount,
            "{who}"
        );
        assert!(
            1 <= partner.smartable && partner.smartable <= partner.headcount,
            "{who}"
        );

        for kind in MilestoneKind::ALL {
            let dates = partner.milestone(kind);
            assert!(dates.planned.is_some_and(inside), "{who} {kind:?} planned");
            assert!(dates.actual.is_none_or(inside), "{who} {kind:?} actual");
        }
        for (before, after) in MilestoneKind::PRECEDENCE {
            if let Some(after_month) = partner.milestone(after).actual {
                let before_month = partner.milestone(before).actual;
                assert!(
                    before_month.is_some_and(|b| b <= after_month),
                    "{who}: {after:?} in {after_month} before {before:?} {before_month:?}"
                );
            }
        }

        let max_modules = project.meta.max_modules_per_partner as usize;
        assert!(partner.modules.len() <= max_modules, "{who}");
        assert_eq!(
            partner.modules.len(),
            max_modules.min(project.catalogue.len()),
            "{who} chooses a full set"
        );
        for (module_id, choice) in &partner.modules {
            let module = &project.catalogue[module_id];
            let limit = match module.audience {
                Audience::Managers => partner.managers,
                Audience::Staff | Audience::All => partner.headcount,
            };
            assert!(
                1 <= choice.enrolled && choice.enrolled <= limit,
                "{who} {module_id}"
            );
            assert!(0 <= choice.completed && choice.completed <= choice.enrolled);
            assert!(
                (2..=5).contains(&choice.sessions.len()),
                "{who} {module_id}: {} sessions",
                choice.sessions.len()
            );
            let mut dates = HashSet::new();
            for session in choice.sessions.values() {
                assert!(inside(Month::of_date(session.date)), "{who} {module_id}");
                assert!(
                    dates.insert(session.date),
                    "{who} {module_id}: two sessions a day"
                );
                let weekday = session.date.weekday().to_monday_one_offset();
                assert!(weekday <= 5, "{who} {module_id} on {}", session.date);
                assert!((2.0..=4.0).contains(&session.hours));
                assert!(1 <= session.attendees && session.attendees <= choice.enrolled);
            }
            // Sessions add up to the module's hours (at most five sessions of four hours)
            // when the programme has room for them.
            let hours: f64 = choice.sessions.values().map(|s| s.hours).sum();
            assert!(hours <= module.hours, "{who} {module_id}");
            if project.months().count() >= 12 {
                assert_eq!(hours, module.hours.min(20.0), "{who} {module_id}");
            }
        }

        let mut devices = Vec::new();
        for (equipment_id, equipment) in &partner.equipment {
            assert!(
                equipment.quantity > 0 && equipment.unit_cost.0 > 0,
                "{equipment_id}"
            );
            let ordered = equipment.ordered.expect("every order has a month");
            assert!(inside(ordered), "{who} {equipment_id}");
            if let Some(delivered) = equipment.delivered {
                assert!(inside(delivered), "{who} {equipment_id}");
                assert!(
                    (1..=4).contains(&delivered.months_since(ordered)),
                    "{equipment_id}"
                );
            }
            if equipment.kind.is_device() {
                devices.push(equipment);
            }
        }

        assert_eq!(partner.observations.start, start);
        assert_eq!(partner.observations.months.len(), project.months().count());
        let own_devices = partner.smartable / 10 + 1;
        for (m, observation) in partner.observations.iter() {
            assert!(0 <= observation.smart_workers, "{who} {m}");
            assert!(observation.smart_workers <= partner.smartable, "{who} {m}");
            if partner
                .milestone(MilestoneKind::IndividualAgreements)
                .reached_by(m)
            {
                let delivered: i64 = devices
                    .iter()
                    .filter(|e| e.delivered_by(m))
                    .map(|e| e.quantity)
                    .sum();
                assert!(
                    observation.smart_workers <= delivered + own_devices,
                    "{who} {m}"
                );
            }
            if observation.smart_workers > 0 {
                assert!((4.0..=9.0).contains(&observation.agile_days), "{who} {m}");
            }
            let quarter_end = m.month() % 3 == 0;
            for (name, score) in observation.survey_scores() {
                assert_eq!(score.is_some(), quarter_end, "{who} {m} {name}");
                assert!(
                    score.is_none_or(|s| SURVEY_SCALE.contains(&s)),
                    "{who} {m} {name}"
                );
            }
        }

        assert_eq!(partner.indicators.len(), project.indicators.len(), "{who}");
        for (indicator_id, values) in &partner.indicators {
            assert!(project.indicators.contains_key(indicator_id));
            assert!(
                values.baseline.is_some_and(f64::is_finite),
                "{who} {indicator_id}"
            );
            let years: Vec<i32> = values.targets.keys().copied().collect();
            assert_eq!(years, (start.year()..=end.year()).collect::<Vec<_>>());
            assert!(values.observed.keys().all(|m| inside(*m)));
            assert!(values.observed.values().all(|v| v.is_finite() && *v >= 0.0));
        }
    }
    for module in project.catalogue.values() {
        assert!(
            module
                .indicators
                .iter()
                .all(|i| project.indicators.contains_key(i))
        );
    }
    for scenario in project.scenarios.values() {
        for change in &scenario.changes {
            assert!(
                change
                    .partner()
                    .is_none_or(|p| project.partners.contains_key(p))
            );
        }
    }
}
