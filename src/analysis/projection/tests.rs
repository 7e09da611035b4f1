//! The engine end to end on hand-checked cases: each driver in isolation, the closed form,
//! scenarios moving the start, and the Monte Carlo's reproducibility and ordering.

use super::*;
use crate::analysis::fixture::{
    choice, dates, equipment, month, observe, partner, project as programme,
};
use crate::model::{EquipmentKind, MilestoneKind, Partner, ScenarioChange, ScenarioId};

const SMARTABLE: i64 = 1000;
/// Potential with the default ceiling of 60%.
const M: f64 = 600.0;
const P: f64 = 0.03;
const Q: f64 = 0.38;

/// A three-year programme (2025–2027) with one partner and nothing observed, so the whole
/// programme is projected from January 2025.
fn one_partner(edit: impl FnOnce(&mut Partner)) -> Project {
    let mut project = programme("2025-01", "2027-12");
    let mut bra = partner("Bra", 2000, 100, SMARTABLE);
    edit(&mut bra);
    project.partners.insert("bra".into(), bra);
    project
}

/// Every draw at the priors and observations taken as exact, so each band is a single
/// hand-computable path.
fn exact(drivers: Drivers) -> ProjectionSettings {
    ProjectionSettings {
        drivers,
        horizon: 36,
        draws: 20,
        prior_spread: (0.0, 0.0),
        ceiling_spread: 0.0,
        noise: Some(0.0),
        ..ProjectionSettings::default()
    }
}

/// The partner's P50 path; asserts every draw agreed.
fn p50_path(project: &Project, settings: &ProjectionSettings) -> Vec<f64> {
    let projection = super::project(project, None, settings);
    let bra = &projection.partners[0];
    bra.band
        .as_ref()
        .expect("bands are on by default")
        .iter()
        .map(|q| {
            assert_eq!((q.p10, q.p90), (q.p50, q.p50));
            q.p50
        })
        .collect()
}

/// How close the engine comes to a closed form: the kernel runs each draw's months in single
/// precision (see `kernel`), about 10⁻⁷ per step.
const SINGLE: f64 = 1e-5;

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    if expected == 0.0 {
        actual.abs() <= tolerance
    } else {
        ((actual - expected) / expected).abs() <= tolerance
    }
}

#[test]
fn without_drivers_the_engine_is_the_closed_form_bass_curve() {
    for (p, q) in [(P, Q), (0.01, 0.9), (0.2, 0.05)] {
        let mut settings = exact(Drivers::NONE);
        settings.model.prior_p = p;
        settings.model.prior_q = q;
        let path = p50_path(&one_partner(|_| {}), &settings);
        assert_eq!(path.len(), 36);
        for (k, value) in path.iter().enumerate() {
            let t = k as f64 + 1.0;
            let closed = (1.0 - (-(p + q) * t).exp()) / (1.0 + q / p * (-(p + q) * t).exp());
            assert!(
                close(value / M, closed, SINGLE),
                "p {p} q {q} month {t}: {} vs {closed}",
                value / M
            );
        }
    }
}

fn milestones(bra: &mut Partner, entries: &[(MilestoneKind, &str)]) {
    for &(kind, when) in entries {
        bra.milestones.insert(kind, dates(Some(when), Some(when)));
    }
}

#[test]
fn gating_holds_adoption_until_regolamento_and_union_agreement() {
    let gating = Drivers {
        gating: true,
        ..Drivers::NONE
    };
    let project = one_partner(|bra| {
        milestones(
            bra,
            &[
                (MilestoneKind::Regolamento, "2025-05"),
                (MilestoneKind::UnionAgreement, "2025-07"),
            ],
        );
    });
    let path = p50_path(&project, &exact(gating));
    assert!(path[..6].iter().all(|&v| v == 0.0), "{:?}", &path[..7]);
    // July is the first month of diffusion: F(1), then F(2) in August.
    assert!(close(path[6], M * cumulative(P, Q, 1.0), SINGLE));
    assert!(close(path[7], M * cumulative(P, Q, 2.0), SINGLE));
    // Without the union agreement the gate never opens.
    let no_union = one_partner(|bra| {
        milestones(bra, &[(MilestoneKind::Regolamento, "2025-05")]);
    });
    assert!(
        p50_path(&no_union, &exact(gating))
            .iter()
            .all(|&v| v == 0.0)
    );
}

#[test]
fn before_individual_agreements_only_a_pilot_group() {
    let pilot = Drivers {
        pilot_cap: true,
        ..Drivers::NONE
    };
    let project = one_partner(|bra| {
        milestones(bra, &[(MilestoneKind::IndividualAgreements, "2025-10")]);
    });
    let path = p50_path(&project, &exact(pilot));
    // Pilot share 5% of 1,000 smartable: 50 people until September.
    assert!(
        close(path[0], M * cumulative(P, Q, 1.0), SINGLE),
        "18.6 < 50"
    );
    assert_eq!(path[2], 50.0, "F(3)·600 ≈ 68 is held at 50");
    assert_eq!(path[8], 50.0);
    // October: the cap lifts and diffusion goes on from the 50 working agile.
    assert!(close(path[9], M * step(P, Q, 50.0 / M), SINGLE));
    assert!(close(
        path[10],
        M * step(P, Q, step(P, Q, 50.0 / M)),
        SINGLE
    ));
}

#[test]
fn adopters_never_exceed_devices_plus_own_devices() {
    let equipped = Drivers {
        equipment_cap: true,
        ..Drivers::NONE
    };
    let project = one_partner(|bra| {
        bra.equipment.insert(
            "pc-1".into(),
            equipment(EquipmentKind::Laptop, 100, 900, None, Some("2025-03")),
        );
        // Licences are not devices.
        bra.equipment.insert(
            "vpn-1".into(),
            equipment(EquipmentKind::VpnLicence, 500, 40, None, Some("2025-01")),
        );
    });
    let path = p50_path(&project, &exact(equipped));
    // Own devices: 3% of 1,000 = 30 people before the laptops arrive.
    assert!(
        close(path[0], M * cumulative(P, Q, 1.0), SINGLE),
        "18.6 < 30"
    );
    assert_eq!(path[1], 30.0, "F(2)·600 ≈ 51 is held at 30");
    // March: 100 laptops + 30 own devices; diffusion resumes from 30.
    assert!(close(path[2], M * step(P, Q, 30.0 / M), SINGLE));
    let later: Vec<f64> = path[3..].to_vec();
    assert!(later.iter().all(|&v| v <= 130.0));
    assert_eq!(*later.last().unwrap(), 130.0);
}

#[test]
fn training_completion_raises_imitation_by_the_training_effect() {
    let training = Drivers {
        training: true,
        ..Drivers::NONE
    };
    let trained = one_partner(|bra| {
        // 10 enrolled, 6 completed, all sessions in December 2024: 60% completion all along.
        bra.modules
            .insert("lead".into(), choice(10, 6, &[("2024-12-02", 3.0, 10)]));
    });
    let path = p50_path(&trained, &exact(training));
    // q × (1 + 0.5 × 0.6) = 0.494.
    for (k, value) in path.iter().enumerate() {
        assert!(close(
            value / M,
            cumulative(P, Q * 1.3, k as f64 + 1.0),
            SINGLE
        ));
    }
    let untrained = p50_path(&one_partner(|_| {}), &exact(training));
    assert!(
        path[5] > untrained[5] * 1.1,
        "{} vs {}",
        path[5],
        untrained[5]
    );
}

#[test]
fn a_projection_starts_from_the_last_observation_and_keeps_it() {
    // Observed 80 in June 2025, more than the own devices (30) allow: they keep working agile.
    let project = one_partner(|bra| {
        observe(bra, "2025-06", 80, 6.0);
    });
    let equipped = Drivers {
        equipment_cap: true,
        ..Drivers::NONE
    };
    let projection = super::project(&project, None, &exact(equipped));
    assert_eq!(projection.anchor, month("2025-06"));
    assert_eq!(projection.months[0], month("2025-07"));
    let bra = &projection.partners[0];
    assert_eq!(bra.start, Some((month("2025-06"), 80.0)));
    assert_eq!(bra.fit.source, FitSource::Priors);
    assert!(bra.band.as_ref().unwrap().iter().all(|q| q.p50 == 80.0));
    // Without caps it grows from 80 along the Bass step.
    let free = super::project(&project, None, &exact(Drivers::NONE));
    assert!(close(
        free.partners[0].mean[0],
        M * step(P, Q, 80.0 / M),
        SINGLE
    ));
    assert_eq!(free.partners[0].agile_days, 6.0);
}

/// A partner that opened in March 2025, with 300 laptops (a cap of 330 with own devices),
/// and has observed 22 months of adoption by the model itself.
fn observed_partner() -> Project {
    one_partner(|bra| {
        milestones(
            bra,
            &[
                (MilestoneKind::Regolamento, "2025-02"),
                (MilestoneKind::UnionAgreement, "2025-03"),
                (MilestoneKind::IndividualAgreements, "2025-03"),
            ],
        );
        bra.equipment.insert(
            "pc-1".into(),
            equipment(EquipmentKind::Laptop, 300, 900, None, Some("2025-01")),
        );
        let mut share = 0.0;
        for t in 0..22 {
            share = step(0.02, 0.3, share).min(330.0 / M);
            let when = month("2025-03").plus(t);
            observe(bra, &when.to_string(), (M * share).round() as i64, 7.0);
        }
    })
}

#[test]
fn a_scenario_moving_the_gate_past_the_last_observation_restarts_from_nobody() {
    let project = observed_partner();
    let settings = exact(Drivers::ALL);
    let baseline = super::project(&project, None, &settings);
    assert_eq!(baseline.partners[0].fit.source, FitSource::Fitted);
    let fit = baseline.partners[0].fit;
    assert!(close(fit.p, 0.02, 0.1) && close(fit.q, 0.3, 0.1), "{fit:?}");
    let late = Scenario {
        name: "Late union agreement".to_owned(),
        description: String::new(),
        changes: vec![ScenarioChange::ShiftMilestone {
            partner: None,
            milestone: MilestoneKind::UnionAgreement,
            months: 24,
        }],
    };
    let moved = super::project(&project, Some(&late), &settings);
    let bra = &moved.partners[0];
    // Gate in March 2027: nobody before, diffusion from then on.
    assert_eq!(bra.start, Some((month("2026-12"), 0.0)));
    assert_eq!(bra.mean[0], 0.0, "January 2027");
    assert_eq!(bra.mean[1], 0.0, "February 2027");
    assert!(bra.mean[2] > 0.0, "March 2027");
    assert!(bra.mean[2] < baseline.partners[0].mean[2]);
}

#[test]
fn a_scenario_changing_only_the_future_starts_from_the_observation() {
    let project = observed_partner();
    let settings = exact(Drivers::ALL);
    let laptops = Scenario {
        name: "Laptops".to_owned(),
        description: String::new(),
        changes: vec![ScenarioChange::AddEquipment {
            partner: "bra".into(),
            kind: EquipmentKind::Laptop,
            quantity: 200,
            unit_cost: Cents::from_euros(1000),
            delivered: month("2027-06"),
        }],
    };
    let baseline = super::project(&project, None, &settings);
    let scenario = super::project(&project, Some(&laptops), &settings);
    assert_eq!(baseline.partners[0].start, scenario.partners[0].start);
    let comparison = compare(&baseline, &scenario, &[month("2027-05"), month("2027-07")]);
    let [before, after] = [comparison.months[0], comparison.months[1]];
    assert_eq!(before.adopters.baseline, before.adopters.scenario);
    assert!(after.adopters.scenario.p50 > after.adopters.baseline.p50);
    assert_eq!(
        comparison.equipment_cost.difference(),
        Cents::from_euros(200_000)
    );
}

#[test]
fn rules_are_flagged_per_partner() {
    let project = one_partner(|_| {});
    let plan = Scenario {
        name: "Remote".to_owned(),
        description: String::new(),
        changes: vec![
            ScenarioChange::SetAgileDays {
                partner: None,
                days: 12.0,
            },
            ScenarioChange::SetCeiling {
                partner: Some("bra".into()),
                share: 0.45,
            },
        ],
    };
    let projection = super::project(&project, Some(&plan), &exact(Drivers::NONE));
    let rules: Vec<(Rule, f64)> = projection
        .warnings
        .iter()
        .map(|w| (w.rule, w.value))
        .collect();
    assert_eq!(
        rules,
        [(Rule::MostlyRemote, 12.0), (Rule::BelowPolaFloor, 0.45)]
    );
    assert!(
        super::project(&project, None, &exact(Drivers::NONE))
            .warnings
            .is_empty()
    );
}

fn demo_settings(seed: u64) -> ProjectionSettings {
    ProjectionSettings {
        draws: 200,
        seed,
        ..ProjectionSettings::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_bands_and_another_seed_others() {
    let demo = crate::demo::embedded();
    let first = super::project(&demo, None, &demo_settings(7));
    let again = super::project(&demo, None, &demo_settings(7));
    assert_eq!(first, again);
    let other = super::project(&demo, None, &demo_settings(8));
    assert_ne!(first.consortium, other.consortium);
    assert_eq!(first.partners.len(), demo.partners.len());
}

#[test]
fn bands_are_ordered_and_spread_for_every_partner_and_month() {
    let demo = crate::demo::embedded();
    let projection = super::project(&demo, None, &demo_settings(7));
    let ordered = |q: &Quantiles| q.p10 <= q.p50 && q.p50 <= q.p90 && q.p10 >= 0.0;
    assert!(projection.consortium.iter().all(ordered));
    for partner in &projection.partners {
        let band = partner.band.as_ref().unwrap();
        assert_eq!(band.len(), 24);
        assert!(band.iter().all(ordered), "{}", partner.id);
    }
    // The expected count never exceeds the potential when the ceiling is exact, nor the
    // smartable staff when it is drawn; what will be observed, with its noise, may.
    let expected = ProjectionSettings {
        band: BandKind::Expected,
        ..demo_settings(7)
    };
    let exact_ceiling = ProjectionSettings {
        ceiling_spread: 0.0,
        ..expected.clone()
    };
    for partner in &super::project(&demo, None, &exact_ceiling).partners {
        let band = partner.band.as_ref().unwrap();
        assert!(band.iter().all(|q| q.p90 <= partner.potential + 1e-9));
    }
    for partner in &super::project(&demo, None, &expected).partners {
        let band = partner.band.as_ref().unwrap();
        let smartable = partner.potential / partner.ceiling_share;
        assert!(band.iter().all(|q| q.p90 <= smartable + 1e-9));
    }
    let last = projection.consortium.last().unwrap();
    // The consortium's median lies between the sums of the partners' P10 and P90.
    let sum = |f: fn(&Quantiles) -> f64| {
        projection
            .partners
            .iter()
            .map(|p| f(p.band.as_ref().unwrap().last().unwrap()))
            .sum::<f64>()
    };
    assert!(sum(|q| q.p10) <= last.p50 && last.p50 <= sum(|q| q.p90));
    // The demo's partners end the programme held by their devices; without that cap each
    // diffuses on towards its potential and the draws disagree.
    let uncapped = ProjectionSettings {
        drivers: Drivers {
            equipment_cap: false,
            ..Drivers::ALL
        },
        ..demo_settings(7)
    };
    let projection = super::project(&demo, None, &uncapped);
    let first = projection.consortium[0];
    assert!(ordered(&first) && first.p90 > first.p10 + 1.0, "{first:?}");
    let spread = projection
        .partners
        .iter()
        .filter(|partner| {
            let band = partner.band.as_ref().unwrap();
            assert!(band.iter().all(ordered), "{}", partner.id);
            band[0].p90 > band[0].p10
        })
        .count();
    assert!(spread >= 4, "{spread} partners with a spread");
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let demo = crate::demo::embedded();
    let settings = ProjectionSettings {
        horizon: 12,
        draws: 300,
        ..demo_settings(3)
    };
    let calibration = calibrate(&demo, &settings);
    let frame = Frame {
        anchor: anchor(&demo),
        horizon: 12,
        draws: 300,
        seed: 3,
        band: settings.band,
    };
    let scenario = demo.scenarios.values().next();
    let on =
        |threads| partners::project_on(&demo, scenario, &settings, &calibration, &frame, threads);
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(3));
    assert_eq!(
        one,
        project_calibrated(&demo, scenario, &settings, &calibration)
    );
}

#[test]
fn the_vector_copies_project_the_same_bits_as_the_portable_loops() {
    let demo = crate::demo::embedded();
    let settings = demo_settings(5);
    let calibration = calibrate(&demo, &settings);
    let frame = Frame {
        anchor: anchor(&demo),
        horizon: settings.horizon as usize,
        draws: settings.draws,
        seed: 5,
        band: settings.band,
    };
    for scenario in [None, demo.scenarios.values().nth(1)] {
        // One thread: the switch holds for this thread only.
        let on = || partners::project_on(&demo, scenario, &settings, &calibration, &frame, 1);
        let picked = on();
        super::kernel::PORTABLE_ONLY.set(true);
        let portable = on();
        super::kernel::PORTABLE_ONLY.set(false);
        assert_eq!(picked, portable);
        assert!(picked.consortium.iter().any(|q| q.p90 > q.p10));
    }
}

#[test]
fn the_demo_is_calibrated_from_its_observations() {
    let demo = crate::demo::embedded();
    let calibration = calibrate(&demo, &ProjectionSettings::default());
    let fitted = calibration
        .fits()
        .values()
        .filter(|f| f.source == FitSource::Fitted)
        .count();
    assert!(fitted >= 6, "{:?}", calibration.fits());
    for fit in calibration.fits().values() {
        assert!((crate::model::MIN_INNOVATION..=crate::model::MAX_INNOVATION).contains(&fit.p));
        assert!((crate::model::MIN_IMITATION..=crate::model::MAX_IMITATION).contains(&fit.q));
    }
    assert!(calibration.matches(&ProjectionSettings::default()));
    let other = ProjectionSettings {
        drivers: Drivers::NONE,
        ..ProjectionSettings::default()
    };
    assert!(!calibration.matches(&other));
}

#[test]
fn demo_scenarios_move_adoption_the_way_their_changes_say() {
    let demo = crate::demo::embedded();
    let settings = demo_settings(11);
    let calibration = calibrate(&demo, &settings);
    let baseline = project_calibrated(&demo, None, &settings, &calibration);
    let compared = |id: &str| {
        let scenario = &demo.scenarios[&ScenarioId::new(id)];
        let projected = project_calibrated(&demo, Some(scenario), &settings, &calibration);
        let comparison = compare(&baseline, &projected, &projected.months);
        assert_eq!(comparison.months.len(), 24);
        comparison
    };
    let differences = |comparison: &Comparison| -> Vec<f64> {
        comparison
            .months
            .iter()
            .map(|m| m.adopters.scenario.p50 - m.adopters.baseline.p50)
            .collect()
    };

    // Twenty laptops and a 70% ceiling for Cuneo raise it for good, at their price.
    let laptops = compared("portatili-extra");
    assert!(
        differences(&laptops).iter().all(|d| *d > 0.5),
        "{laptops:?}"
    );
    assert_eq!(
        laptops.equipment_cost.difference(),
        Cents::from_euros(20_000)
    );

    // The joint tender six months late: fewer smart workers while its laptops are awaited,
    // never more, and the same once they have come and diffusion has caught up.
    // Never more: to the rounding of single precision, a thousandth of a person.
    let late = differences(&compared("gara-in-ritardo"));
    assert!(late.iter().all(|d| *d <= 1e-3), "{late:?}");
    assert!(late[..6].iter().all(|d| *d < -1.0), "{late:?}");
    assert!(late[23].abs() < 1.0, "{late:?}");

    // An earlier regolamento changes nothing where devices have been the bottleneck.
    let early = differences(&compared("regolamento-anticipato"));
    assert!(early.iter().all(|d| d.abs() < 1e-3), "{early:?}");
}

#[test]
fn partners_with_uncertain_timing_give_the_same_consortium_with_or_without_their_bands() {
    let demo = crate::demo::embedded();
    let calibration = calibrate(&demo, &demo_settings(4));
    let with = project_calibrated(&demo, None, &demo_settings(4), &calibration);
    let without = project_calibrated(
        &demo,
        None,
        &ProjectionSettings {
            partner_bands: PartnerBands::Only(Default::default()),
            ..demo_settings(4)
        },
        &calibration,
    );
    // To rounding: a partner's mean is summed by groups without its band.
    let near = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
    for (a, b) in with.consortium.iter().zip(&without.consortium) {
        assert!(near(a.p10, b.p10) && near(a.p50, b.p50) && near(a.p90, b.p90));
    }
    for (a, b) in with.partners.iter().zip(&without.partners) {
        for (x, y) in a.mean.iter().zip(&b.mean) {
            assert!(near(*x, *y), "{}: {x} {y}", a.id);
        }
    }
    // The demo's programme has tappe and deliveries ahead: their timing spreads the bands.
    let timing = timing::learn(&demo, EXPECTED_LEAD_MONTHS);
    assert!(timing.uncertain(), "{timing:?}");
}

#[test]
fn the_demo_comparison_two_years_ahead_has_bands_not_single_numbers() {
    let demo = crate::demo::embedded();
    let settings = ProjectionSettings::default();
    let calibration = calibrate(&demo, &settings);
    let baseline = project_calibrated(&demo, None, &settings, &calibration);
    let last = *baseline.months.last().unwrap();
    for scenario in demo.scenarios.values() {
        let projected = project_calibrated(&demo, Some(scenario), &settings, &calibration);
        let comparison = compare(&baseline, &projected, &[last]);
        let adopters = comparison.months[0].adopters;
        for band in [adopters.baseline, adopters.scenario] {
            // At least a few people either side of the median: the demo's partners observe
            // their figures with a noise of a few percent.
            assert!(band.p90 - band.p10 > 10.0, "{}: {band:?}", scenario.name);
        }
    }
}
