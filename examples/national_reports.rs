//! Writes the PIAO section of every Comune of a generated national programme (7,900 Comuni by
//! default) into a temporary folder, through the same code as File → Export report… with
//! several Comuni, and says how long it took:
//! `cargo run --release --example national_reports -- [docx|pdf] [PARTNERS]`.

use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::time::Instant;

use cruscotto::app::report_files::{ReportRun, partner_targets, write_reports};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::i18n::Lang;
use cruscotto::model::PartnerId;
use cruscotto::report::{ReportFormat, ReportOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args.first().map(String::as_str) {
        Some("pdf") => ReportFormat::Pdf,
        _ => ReportFormat::Docx,
    };
    let partners = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(7900);
    let project = generate(&DemoOptions {
        partners,
        ..DemoOptions::default()
    });
    let folder = tempfile::tempdir().expect("a temporary folder");
    let ids: Vec<PartnerId> = project.partners.keys().cloned().collect();
    let targets = partner_targets(&project, &ids, folder.path(), Lang::It, format);
    let start = Instant::now();
    let run = write_reports(
        &project,
        &targets,
        &ReportOptions::default(),
        format,
        Lang::It,
        &AtomicBool::new(false),
        &AtomicUsize::new(0),
    );
    let elapsed = start.elapsed();
    match run {
        ReportRun::Written(files) => {
            let bytes: u64 = files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "{} sections as {:?} in {:.1} s ({:.1} ms each), {:.0} MB",
                files.len(),
                format,
                elapsed.as_secs_f64(),
                elapsed.as_secs_f64() * 1000.0 / files.len().max(1) as f64,
                bytes as f64 / 1e6
            );
        }
        other => {
            eprintln!("not every section was written: {other:?}");
            std::process::exit(1);
        }
    }
}
