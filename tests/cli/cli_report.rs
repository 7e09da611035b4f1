//! `cruscotto report`: the real binary writes a DOCX a word processor opens and a PDF, and refuses
//! what it cannot do with a clear message.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8 here")
}

/// The text of word/document.xml in the DOCX at `path`.
fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("the report was written");
    let mut archive = zip::ZipArchive::new(file).expect("a DOCX is a zip");
    let mut text = String::new();
    archive
        .by_name("word/document.xml")
        .expect("a DOCX has its document part")
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn a_comunes_piao_section_is_written_in_italian_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cherasco.docx");
    let output = cruscotto(&["report", "--partner", "Cherasco", "--out", path_arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let xml = document_xml(&out);
    assert!(xml.contains("Organizzazione del lavoro agile — Comune di Cherasco"));
    assert!(xml.contains("4. Programma di sviluppo"));
    assert!(xml.contains("<w:pStyle w:val=\"Heading1\" />"));
}

#[test]
fn without_a_partner_the_consortium_report_is_written_in_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("consortium.docx");
    let output = cruscotto(&[
        "report",
        "--lang",
        "en",
        "--format",
        "docx",
        "--out",
        path_arg(&out),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let xml = document_xml(&out);
    assert!(xml.contains("Monitoring report"));
    assert!(xml.contains("2. The Comuni side by side"));
}

#[test]
fn a_scenario_is_named_in_the_development_programme() {
    let project = cruscotto::demo::embedded();
    let scenario = project
        .scenarios
        .values()
        .next()
        .expect("the demo has scenarios");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bra.docx");
    let output = cruscotto(&[
        "report",
        "--partner",
        "Bra",
        "--scenario",
        &scenario.name,
        "--year",
        "2026",
        "--out",
        path_arg(&out),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let xml = document_xml(&out);
    assert!(xml.contains(&format!("lo scenario «{}»", scenario.name)));
    assert!(xml.contains("Obiettivo 2026"));
}

#[test]
fn unknown_partners_and_scenarios_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.docx");
    let partner = cruscotto(&["report", "--partner", "Atlantide", "--out", path_arg(&out)]);
    assert_eq!(partner.status.code(), Some(2));
    assert!(stderr(&partner).contains("no partner \"Atlantide\""));
    let scenario = cruscotto(&["report", "--scenario", "nessuno", "--out", path_arg(&out)]);
    assert_eq!(scenario.status.code(), Some(2));
    assert!(stderr(&scenario).contains("no scenario \"nessuno\""));
    assert!(
        !out.exists(),
        "nothing is written when the report is refused"
    );
}

#[test]
fn an_unwritable_destination_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-folder").join("report.docx");
    let output = cruscotto(&["report", "--out", path_arg(&out)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_pdf_report_is_written_with_the_comunes_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cherasco.pdf");
    let output = cruscotto(&[
        "report",
        "--partner",
        "Cherasco",
        "--format",
        "pdf",
        "--lang",
        "en",
        "--out",
        path_arg(&out),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    let pdf = lopdf::Document::load_mem(&bytes).expect("the PDF reads back");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Organisation of agile work — Comune of Cherasco"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Page 1 of {}", pages.len())),
        "{text}"
    );
}
