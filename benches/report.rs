//! Reports: one Comune's PIAO section (goal ≤ 300 ms) and the consortium's monitoring report
//! on the demo (goal ≤ 1 s), each built and written as DOCX and as PDF with their charts, as
//! `cruscotto report` does; and a sample of 100 sections of the national programme (7,900
//! Comuni, 24 months), from which the time for all 7,900 is extrapolated (goal ≤ 5 minutes).
//!
//! Run with `cargo bench --bench report`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::model::{PartnerId, Project};
use cruscotto::report::{
    Document, PiaoBatch, ReportFormat, ReportOptions, consortium_report, piao_section,
    render_report,
};

const FORMATS: [(ReportFormat, &str); 2] =
    [(ReportFormat::Docx, "docx"), (ReportFormat::Pdf, "pdf")];

fn written(document: &Document, format: ReportFormat) -> Vec<u8> {
    render_report(document, format).expect("the report is written")
}

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
    for (format, name) in FORMATS {
        group.bench_function(format!("piao section, model and {name}"), |b| {
            b.iter(|| {
                let section = piao_section(&project, &cherasco, &options).unwrap();
                black_box(written(&section, format))
            })
        });
        group.bench_function(format!("consortium report, model and {name}"), |b| {
            b.iter(|| black_box(written(&consortium_report(&project, &options), format)))
        });
    }
    group.finish();
}

/// Every 79th Comune of the national programme: 100 sections spread over the list.
fn sample(project: &Project) -> Vec<PartnerId> {
    project
        .partners
        .keys()
        .step_by(79)
        .take(100)
        .cloned()
        .collect()
}

fn national(c: &mut Criterion) {
    let project = generate(&DemoOptions {
        partners: 7900,
        ..DemoOptions::default()
    });
    let ids = sample(&project);
    assert_eq!(ids.len(), 100);
    let options = ReportOptions::default();
    let mut group = c.benchmark_group("report national");
    group.sample_size(10);
    for (format, name) in FORMATS {
        group.bench_function(format!("100 of 7900 sections, model and {name}"), |b| {
            b.iter(|| {
                // As the window writes several Comuni: one projection for the batch.
                let batch = PiaoBatch::new(&project, ids.iter().cloned(), options.clone());
                for id in &ids {
                    let section = batch.section(&project, id).unwrap();
                    black_box(written(&section, format));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, demo, national);
criterion_main!(benches);
