//! Save and load of a national-scale project: every Comune in Italy (7,900 partners) over 60
//! months. Goals on the 2-core reference machine: each at most 1 s, file at most 60 MB.
//!
//! Run with `cargo bench --bench store`; the file sizes are printed before the timings.

#[path = "../tests/store/store_support/mod.rs"]
mod store_support;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::model::Project;
use cruscotto::store;

const PARTNERS: usize = 7_900;
const MONTHS: u32 = 60;

fn report_size(label: &str, path: &Path, project: &Project) {
    let bytes = std::fs::metadata(path)
        .expect("the file was just saved")
        .len();
    let sessions: usize = project
        .partners
        .values()
        .flat_map(|p| p.modules.values())
        .map(|m| m.sessions.len())
        .sum();
    eprintln!(
        "{label}: {:.1} MB ({bytes} bytes), {} partners, {sessions} sessions",
        bytes as f64 / 1_000_000.0,
        project.partners.len(),
    );
}

fn national(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("national.ron");

    // The demo generator's consortium is what users will open; the store's own generator fills
    // every optional field, as a heavier check of the size goal.
    let dense = store_support::programme(PARTNERS, MONTHS as usize, 1);
    let dense_path = dir.path().join("dense.ron");
    store::save(&dense_path, &dense).expect("save the dense project");
    report_size("store_support::programme 7900×60", &dense_path, &dense);
    drop(dense);

    let project = generate(&DemoOptions {
        partners: PARTNERS,
        months: MONTHS,
        seed: 2025,
    });
    store::save(&path, &project).expect("save the national project");
    report_size("demo::generate 7900×60", &path, &project);

    let mut group = c.benchmark_group("national 7900x60");
    group.sample_size(10);
    group.bench_function("save", |b| {
        b.iter(|| store::save(&path, black_box(&project)).expect("save"))
    });
    group.bench_function("load", |b| {
        b.iter(|| black_box(store::load(&path).expect("load")))
    });
    group.bench_function("load dense", |b| {
        b.iter(|| black_box(store::load(&dense_path).expect("load")))
    });
    group.finish();
}

criterion_group!(benches, national);
criterion_main!(benches);
