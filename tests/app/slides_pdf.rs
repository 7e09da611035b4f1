//! File → "Presentation as PDF…": the dialog's path gets the deck as one PDF, written in
//! the background, one page per presented slide.

use crate::app_support::{Setup, settle};
use egui_kittest::kittest::Queryable;

#[test]
fn the_file_menu_writes_the_deck_as_one_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // A bare name: the export adds ".pdf".
    setup.answers = vec![Some(folder.path().join("workshop"))];
    let shown = std::sync::Arc::clone(&setup.shown);
    let mut harness = setup.harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Presentation as PDF…").click();
    // The status bar's spinner repaints while the PDF is written: step, then settle.
    harness.step();
    settle(&mut harness);
    let asked = shown.lock().unwrap();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].filter_name, "PDF document");
    let pdf = folder.path().join("workshop.pdf");
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF reads back");
    let project = harness.state().project();
    let presented = project
        .deck
        .slides
        .iter()
        .filter(|slide| slide.is_presented(project))
        .count();
    assert_eq!(document.get_pages().len(), presented);
    harness.get_by_label_contains("workshop.pdf");
}
