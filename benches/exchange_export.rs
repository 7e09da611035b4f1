//! Export of a national-scale project (7,900 Comuni × 60 months) to XLSX: every table of
//! recorded data and the summary in one workbook, plus the projection bands of every
//! partner computed beforehand (as the window has them). Goal: ≤ 5 s on the project's
//! 2-core machine, memory under 1 GB (measured on the CLI with `/usr/bin/time -v`, see
//! docs/exchange_export.md).
//!
//! Run with `cargo bench --bench exchange_export`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::analysis::projection::{ProjectionSettings, project};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::exchange::export::{TableKind, tables, write_csv, write_xlsx};
use cruscotto::i18n::Lang;

fn national(c: &mut Criterion) {
    let national = generate(&DemoOptions {
        partners: 7_900,
        months: 60,
        seed: 2025,
    });
    let bands = project(&national, None, &ProjectionSettings::default());
    let folder = tempfile::tempdir().expect("a temporary folder");
    let xlsx = folder.path().join("national.xlsx");

    let mut group = c.benchmark_group("export national 7900x60");
    group.sample_size(10);
    group.bench_function("tables", |b| {
        b.iter(|| {
            black_box(tables(
                &national,
                &TableKind::ALL,
                Lang::It,
                Some((&bands, None)),
            ))
        })
    });
    group.bench_function("tables and xlsx", |b| {
        b.iter(|| {
            let all = tables(&national, &TableKind::ALL, Lang::It, Some((&bands, None)));
            write_xlsx(&all, &xlsx, Lang::It).expect("the workbook is written");
        })
    });
    let observations = tables(&national, &[TableKind::Observations], Lang::It, None);
    let csv = folder.path().join("observations.csv");
    group.bench_function("observations csv", |b| {
        b.iter(|| write_csv(&observations[0], &csv, Lang::It).expect("the CSV is written"))
    });
    group.finish();
}

criterion_group!(benches, national);
criterion_main!(benches);
