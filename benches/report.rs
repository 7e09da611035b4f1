//! Reports on the demo programme: one Comune's PIAO section (goal ≤ 300 ms) and the
//! consortium's monitoring report (goal ≤ 1 s), each built and written as DOCX with its
//! charts, as `cruscotto report` does.
//!
//! Run with `cargo bench --bench report`.

use std::hint::black_box;
use std::io::Cursor;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::model::PartnerId;
use cruscotto::report::{ReportOptions, consortium_report, docx::write_docx, piao_section};

fn demo(c: &mut Criterion) {
    let project = cruscotto::demo::embedded();
    let cherasco: PartnerId = project
        .partners
        .iter()
        .find(|(_, p)| p.name == "Cherasco")
        .map(|(id, _)| id.clone())
        .expect("the demo has Cherasco");
    let options = ReportOptions::default();

    let mut group = c.benchmark_group("report demo");
    group.sample_size(10);
    group.bench_function("piao section, model", |b| {
        b.iter(|| black_box(piao_section(&project, &cherasco, &options)))
    });
    group.bench_function("piao section, model and docx", |b| {
        b.iter(|| {
            let section = piao_section(&project, &cherasco, &options).unwrap();
            let mut bytes = Vec::new();
            write_docx(&section, Cursor::new(&mut bytes)).unwrap();
            black_box(bytes)
        })
    });
    group.bench_function("consortium report, model and docx", |b| {
        b.iter(|| {
            let report = consortium_report(&project, &options);
            let mut bytes = Vec::new();
            write_docx(&report, Cursor::new(&mut bytes)).unwrap();
            black_box(bytes)
        })
    });
    group.finish();
}

criterion_group!(benches, demo);
criterion_main!(benches);
