//! Importing spreadsheets in the window: the dialog on a CSV as an Italian office writes it,
//! a column mapped by hand, a refused row explained beside its number, the valid rows
//! applied as one step that Ctrl+Z takes back whole; and filled templates dropped together.

use std::path::PathBuf;

use crate::app_support::{Setup, drop_files, settle};
use cruscotto::model::{Month, PartnerId, Project};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The demo's last two observed months: the file's rows replace what the project holds.
fn last_months(project: &Project) -> (Month, Month) {
    let last = project
        .last_observed_month()
        .expect("the demo has observations");
    (last.plus(-1), last)
}

fn observation(project: &Project, partner: &str, month: Month) -> Option<(i64, f64)> {
    project.partners[&PartnerId::from(partner)]
        .observations
        .get(month)
        .map(|o| (o.smart_workers, o.agile_days))
}

fn italian_month(month: Month) -> String {
    format!("{:02}/{}", month.month(), month.year())
}

fn open_import(harness: &mut Harness<'static, cruscotto::app::CruscottoApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.step();
    settle(harness);
}

#[test]
fn a_csv_is_mapped_by_hand_its_bad_row_explained_and_its_valid_rows_undone_whole() {
    let folder = tempfile::tempdir().unwrap();
    let demo = cruscotto::demo::embedded();
    let (first, second) = last_months(&demo);
    // Windows-1252 would do too; the dialog reads what the reader gives.
    let csv = format!(
        "Comune;Mese;Dipendenti in lavoro agile;Giorni smart\r\n\
         Comune di Bra;{};61;7,5\r\n\
         ALBA;{};44;6\r\n\
         Cuneo;13/2026;80;5\r\n",
        italian_month(first),
        italian_month(second),
    );
    let path = folder.path().join("rilevazioni.csv");
    std::fs::write(&path, csv).unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(path.clone())];
    let mut harness = setup.harness();
    let before = harness.state().project().clone();

    open_import(&mut harness);
    harness.get_by_label("Import data from spreadsheets");
    // "Giorni smart" is no header Cruscotto knows: the column is ignored until mapped.
    harness
        .get_by_label("Column D (Giorni smart) read as")
        .click();
    harness.run();
    harness.get_by_label("Average agile days").click();
    harness.run();
    // The file's figures differ from the project's: listed, and taken unless kept.
    harness.get_by_label_contains("Values already in the project that the files change");
    // The bad month is refused, with the row, the column, the value and why.
    // Beside the row in the preview, and in the list of refused rows.
    assert_eq!(
        harness
            .get_all_by_label_contains("Row 4, column B (Mese), “13/2026”")
            .count(),
        2
    );
    harness.get_by_label("Import the 2 valid rows").click();
    harness.run();

    let after = harness.state().project().clone();
    assert_eq!(observation(&after, "bra", first), Some((61, 7.5)));
    assert_eq!(observation(&after, "alba", second), Some((44, 6.0)));
    assert!(
        harness
            .query_by_label("Import data from spreadsheets")
            .is_none()
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project(),
        &before,
        "one undo takes the whole import back"
    );
}

#[test]
fn cancelling_the_import_leaves_the_project_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("personale.csv");
    std::fs::write(&path, "Comune;Dipendenti\nBra;999\n").unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(path)];
    let mut harness = setup.harness();
    let before = harness.state().project().clone();

    open_import(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Import data from spreadsheets")
            .is_none()
    );
    assert_eq!(harness.state().project(), &before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_explained_and_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("finto.xlsx");
    std::fs::write(&path, b"PK\x03\x04 not really a zip").unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let before = harness.state().project().clone();

    drop_files(&mut harness, &[path]);
    harness.get_by_label("The data could not be imported");
    assert_eq!(harness.state().project(), &before);
}

/// Bra's data-collection template filled in LibreOffice Calc and saved by it as XLSX and
/// as ODS (tests/fixtures/exchange_export/check_with_libreoffice.sh): two files a Comune
/// could send back, dropped together.
fn filled_templates() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exchange_export");
    vec![
        dir.join("template_filled_by_libreoffice.xlsx"),
        dir.join("template_filled_by_libreoffice.ods"),
    ]
}

#[test]
fn filled_templates_dropped_together_list_their_conflicts_and_overwrite_on_request() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    let before = harness.state().project().clone();
    let january = Month::new(2025, 1).unwrap();
    // The figures Calc typed in the template's first month (filled_values.csv).
    let filled = (12, 4.5);
    assert_ne!(observation(&before, "bra", january), Some(filled));

    drop_files(&mut harness, &filled_templates());
    harness.get_by_label("Import data from spreadsheets");
    harness.get_by_label_contains("Values already in the project that the files change");
    harness.get_by_label("Keep every project value").click();
    harness.run();
    harness.get_by_label("Take every file value").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();

    let after = harness.state().project().clone();
    assert_eq!(observation(&after, "bra", january), Some(filled));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project(), &before);
}
