//! The projection engine at national scale (7,900 Comuni, 60 months observed, 60 months
//! projected, 1,000 draws) and on the demo, where one recompute is what a scenario slider's
//! step costs.
//!
//! Run with `cargo bench --bench projection`.

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::analysis::projection::{self, Drivers, PartnerBands, ProjectionSettings, compare};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::model::{Scenario, ScenarioChange};

fn national(c: &mut Criterion) {
    let project = generate(&DemoOptions {
        partners: 7_900,
        months: 60,
        seed: 2025,
    });
    let settings = ProjectionSettings {
        draws: 1_000,
        horizon: 60,
        ..ProjectionSettings::default()
    };
    let consortium_only = ProjectionSettings {
        partner_bands: PartnerBands::Only(BTreeSet::new()),
        ..settings.clone()
    };
    // The app at national scale asks for the bands of the partners it shows.
    let shown = ProjectionSettings {
        partner_bands: PartnerBands::Only(project.partners.keys().take(12).cloned().collect()),
        ..settings.clone()
    };
    // Every driver off: nothing caps or holds a partner, so all 474 million cells diffuse.
    let plain = ProjectionSettings {
        drivers: Drivers::NONE,
        ..consortium_only.clone()
    };
    let calibration = projection::calibrate(&project, &settings);
    let plain_calibration = projection::calibrate(&project, &plain);

    let mut group = c.benchmark_group("national 7900x60, 1000 draws x 60 months");
    group.sample_size(10);
    group.bench_function("calibrate", |b| {
        b.iter(|| black_box(projection::calibrate(black_box(&project), &settings)))
    });
    group.bench_function("monte carlo, consortium band", |b| {
        b.iter(|| {
            black_box(projection::project_calibrated(
                black_box(&project),
                None,
                &consortium_only,
                &calibration,
            ))
        })
    });
    group.bench_function(
        "monte carlo, consortium + 12 partners' bands (the app)",
        |b| {
            b.iter(|| {
                black_box(projection::project_calibrated(
                    black_box(&project),
                    None,
                    &shown,
                    &calibration,
                ))
            })
        },
    );
    group.bench_function("monte carlo, every partner's band", |b| {
        b.iter(|| {
            black_box(projection::project_calibrated(
                black_box(&project),
                None,
                &settings,
                &calibration,
            ))
        })
    });
    group.bench_function("monte carlo, drivers off (every cell diffuses)", |b| {
        b.iter(|| {
            black_box(projection::project_calibrated(
                black_box(&project),
                None,
                &plain,
                &plain_calibration,
            ))
        })
    });
    group.finish();
}

/// The demo (8 partners, 500 draws, 24 months ahead) with one more change to its laptops
/// scenario, as a slider's step makes: recompute and compare with the baseline.
fn slider_step(c: &mut Criterion) {
    let project = cruscotto::demo::embedded();
    let settings = ProjectionSettings::default();
    let calibration = projection::calibrate(&project, &settings);
    let baseline = projection::project_calibrated(&project, None, &settings, &calibration);
    let mut scenario: Scenario = project
        .scenarios
        .values()
        .next()
        .cloned()
        .expect("the demo has scenarios");
    scenario.changes.push(ScenarioChange::SetCeiling {
        partner: None,
        share: 0.7,
    });
    let at = [baseline.months[5], baseline.months[11], baseline.months[23]];

    let mut group = c.benchmark_group("demo 8 partners, 500 draws");
    group.bench_function("slider step: scenario recompute + comparison", |b| {
        b.iter(|| {
            let projected = projection::project_calibrated(
                black_box(&project),
                Some(&scenario),
                &settings,
                &calibration,
            );
            black_box(compare(&baseline, &projected, &at))
        })
    });
    group.bench_function("project with calibration", |b| {
        b.iter(|| black_box(projection::project(black_box(&project), None, &settings)))
    });
    group.finish();
}

criterion_group!(benches, national, slider_step);
criterion_main!(benches);
