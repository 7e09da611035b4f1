//! Validation and derived figures of a national-scale project (7,900 Comuni × 60 months):
//! the app recomputes them after every edit, so they must stay well inside a frame budget.
//!
//! Run with `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::analysis;
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::model::validate;

fn national(c: &mut Criterion) {
    let project = generate(&DemoOptions {
        partners: 7_900,
        months: 60,
        seed: 2025,
    });
    let as_of = analysis::default_as_of(&project);

    let mut group = c.benchmark_group("national 7900x60");
    group.sample_size(20);
    group.bench_function("validate", |b| {
        b.iter(|| black_box(validate::validate(black_box(&project))))
    });
    group.bench_function("summarize", |b| {
        b.iter(|| black_box(analysis::summarize(black_box(&project))))
    });
    group.bench_function("adoption", |b| {
        b.iter(|| black_box(analysis::adoption(black_box(&project))))
    });
    group.bench_function("training", |b| {
        b.iter(|| black_box(analysis::training(black_box(&project))))
    });
    group.bench_function("equipment and milestones", |b| {
        b.iter(|| {
            black_box(analysis::equipment(black_box(&project), as_of));
            black_box(analysis::milestones(black_box(&project), as_of));
        })
    });
    group.bench_function("dashboard", |b| {
        b.iter(|| black_box(analysis::dashboard::dashboard(black_box(&project))))
    });
    group.finish();
}

criterion_group!(benches, national);
criterion_main!(benches);
