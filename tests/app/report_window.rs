//! File → "Export report…": the form chooses the report; one file goes through the save
//! dialog, several Comuni into a folder, one file each, asking before replacing any; the
//! files are written in the background with a bar counting them, and can be cancelled.

use std::path::Path;

use crate::app_support::{OPENED, Setup, harness_for, settle};
use cruscotto::app::{CruscottoApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn open_form(harness: &mut Harness<'static, CruscottoApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export report…").click();
    harness.run();
    harness.get_by_label("Export report");
}

fn export(harness: &mut Harness<'static, CruscottoApp>) {
    harness.get_by_label("Export…").click();
    harness.step();
    settle(harness);
}

fn is_docx(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    zip.by_name("word/document.xml").is_ok()
}

#[test]
fn several_comuni_go_into_the_chosen_folder_one_file_each() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(folder.path().to_owned())];
    let shown = std::sync::Arc::clone(&setup.shown);
    let mut harness = setup.harness();
    open_form(&mut harness);
    harness
        .get_by_label("PIAO agile-work section of Comuni (one file each)")
        .click();
    harness.run();
    // The list is searchable: "chera" finds Cherasco and hides Bra.
    harness.get_by_label("Find a Comune").click();
    harness.run();
    harness.get_by_label("Find a Comune").type_text("chera");
    harness.run();
    assert!(harness.query_by_label("Bra (CN)").is_none());
    harness.get_by_label("Cherasco (CN)").click();
    harness.run();
    harness.get_by_label("Find a Comune").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label("Bra (CN)").click();
    harness.run();
    harness.get_by_label("Chosen: 2");
    export(&mut harness);

    let asked = shown.lock().unwrap();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].title, "Choose the folder for the reports");
    for comune in ["Cherasco", "Bra"] {
        let file = folder
            .path()
            .join(format!("PIAO agile work - {comune}.docx"));
        assert!(is_docx(&file), "{} is a Word document", file.display());
    }
    let written = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(written, 2, "only the chosen Comuni are written");
    harness.get_by_label_contains("Reports written: 2");
}

#[test]
fn files_already_in_the_folder_are_named_and_kept_when_asked() {
    let folder = tempfile::tempdir().unwrap();
    let mine = folder.path().join("PIAO agile work - Cherasco.docx");
    std::fs::write(&mine, "my edited copy").unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(folder.path().to_owned())];
    let mut harness = setup.harness();
    open_form(&mut harness);
    harness
        .get_by_label("PIAO agile-work section of Comuni (one file each)")
        .click();
    harness.run();
    harness.get_by_label("All those shown").click();
    harness.run();
    harness.get_by_label("Chosen: 8");
    export(&mut harness);

    harness.get_by_label("Some reports are already in the folder");
    harness.get_by_label("PIAO agile work - Cherasco.docx");
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        1,
        "nothing is written before the answer"
    );
    harness.get_by_label("Keep them, write the others").click();
    harness.step();
    settle(&mut harness);
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my edited copy");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 8);
    harness.get_by_label_contains("Reports written: 7");
}

#[test]
fn the_consortium_report_goes_through_the_save_dialog_and_opens_when_asked() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // A bare name: the export adds ".docx".
    setup.answers = vec![Some(folder.path().join("consorzio"))];
    let shown = std::sync::Arc::clone(&setup.shown);
    let mut harness = setup.harness();
    open_form(&mut harness);
    harness.get_by_label("Italiano").click();
    harness.get_by_label("Open when done").click();
    harness.run();
    export(&mut harness);

    let asked = shown.lock().unwrap();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].title, "Save the report");
    let suggested = asked[0].file_name.as_deref().unwrap_or_default();
    assert!(
        suggested.starts_with("Rapporto di monitoraggio - ") && suggested.ends_with(".docx"),
        "{suggested}"
    );
    let file = folder.path().join("consorzio.docx");
    assert!(is_docx(&file));
    let document = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(document)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("monitoraggio"), "written in Italian as chosen");
    assert!(OPENED.lock().unwrap().contains(&file), "opened when done");
}

#[test]
fn a_report_that_cannot_be_written_names_the_file_and_the_reason() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    let missing = folder.path().join("no such folder").join("rapporto.docx");
    setup.answers = vec![Some(missing)];
    let mut harness = setup.harness();
    open_form(&mut harness);
    export(&mut harness);
    harness.get_by_label("The report could not be written");
    harness.get_by_label_contains("rapporto.docx could not be written");
    harness.get_by_label_contains("does not exist");
}

#[test]
fn the_bar_counts_the_files_and_cancel_stops_before_the_next_one() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // Enough Comuni that writing them all takes far longer than the frames below.
    setup.startup = Startup::Project(Box::new(cruscotto::demo::generate(
        &cruscotto::demo::DemoOptions {
            partners: 400,
            ..Default::default()
        },
    )));
    setup.answers = vec![Some(folder.path().to_owned())];
    let mut harness = harness_for(setup.app());
    open_form(&mut harness);
    harness
        .get_by_label("PIAO agile-work section of Comuni (one file each)")
        .click();
    harness.run();
    harness.get_by_label("All those shown").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.step();
    harness.step();
    assert!(
        harness
            .query_all_by_label_contains(" of 400")
            .next()
            .is_some(),
        "the bar counts the files"
    );
    // The project stays editable meanwhile: the views and menus answer.
    harness.get_by_label("Training").click();
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    settle(&mut harness);
    let written = std::fs::read_dir(folder.path()).unwrap().count();
    assert!(
        written < 400,
        "{written} files: the run went on after Cancel"
    );
    harness.get_by_label(&format!("Reports cancelled: written {written} of 400"));
}

#[test]
fn the_palette_finds_the_report_export() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness
        .input_mut()
        .events
        .push(egui::Event::Text("export rep".to_owned()));
    harness.run();
    assert_eq!(harness.state().palette_lines(), ["Export report…"]);
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Year of the targets");
}

#[test]
fn a_pdf_report_is_written_from_the_window_in_the_language_chosen() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(folder.path().join("rapporto"))];
    let mut harness = setup.harness();
    open_form(&mut harness);
    harness.get_by_label("PDF").click();
    harness.run();
    export(&mut harness);
    let bytes = std::fs::read(folder.path().join("rapporto.pdf")).expect("the PDF is written");
    let pdf = lopdf::Document::load_mem(&bytes).expect("the PDF reads back");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Monitoring report"), "{text}");
}
