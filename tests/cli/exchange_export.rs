//! `cruscotto export` and `cruscotto template` as a coordinator uses them: files that open as
//! typed sheets, CSV in the Italian office's style, one template per Comune, and a template
//! filled and saved by LibreOffice Calc that keeps its structure (read here with calamine;
//! the file was made by tests/fixtures/exchange_export/check_with_libreoffice.sh).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};
use cruscotto::exchange::FieldKey;
use cruscotto::exchange::FileKind;
use cruscotto::exchange::export::header;
use cruscotto::i18n::Lang;
use cruscotto::model::Month;

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8 here")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange_export")
        .join(name)
}

/// Every sheet of a workbook: name and cells.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut workbook = open_workbook_auto(path).expect("a readable workbook");
    let names = workbook.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).expect("a readable sheet");
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

fn sheet<'a>(sheets: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    &sheets
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
        .1
}

fn headers(kind: FileKind, lang: Lang) -> Vec<String> {
    kind.fields().iter().map(|&f| header(f, lang)).collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(|cell| cell.to_string()).collect()
}

/// A date cell as a date: an XLSX serial or an ODS ISO date.
fn date_of(cell: &Data) -> Option<jiff::civil::Date> {
    match cell {
        Data::DateTime(serial) => {
            let days = serial.as_f64().floor() as i64;
            jiff::civil::date(1899, 12, 30)
                .checked_add(jiff::Span::new().days(days))
                .ok()
        }
        Data::DateTimeIso(text) => text.get(..10)?.parse().ok(),
        _ => None,
    }
}

fn number_of(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(x) => Some(*x),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

#[test]
fn an_xlsx_export_has_a_typed_sheet_per_table_with_the_demo_figures() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("programma.xlsx");
    let output = cruscotto(&["export", "--out", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let book = sheets(&out);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Partner",
            "Rilevazioni mensili",
            "Sessioni",
            "Iscrizioni",
            "Dotazioni",
            "Indicatori",
            "Riepilogo",
            "Proiezione"
        ]
    );
    let observations = sheet(&book, "Rilevazioni mensili");
    assert_eq!(
        texts(&observations[0]),
        headers(FileKind::Observations, Lang::It)
    );
    let demo = cruscotto::demo::embedded();
    let expected: Vec<(String, Month, i64, f64)> = demo
        .partners
        .iter()
        .flat_map(|(id, p)| {
            p.observations
                .iter()
                .map(move |(m, o)| (id.to_string(), m, o.smart_workers, o.agile_days))
        })
        .collect();
    assert_eq!(observations.len() - 1, expected.len());
    for (row, (id, month, workers, days)) in observations[1..].iter().zip(&expected) {
        assert_eq!(row[0].to_string(), *id);
        assert_eq!(date_of(&row[3]), Some(month.first_day()), "{row:?}");
        assert_eq!(number_of(&row[4]), Some(*workers as f64));
        assert_eq!(number_of(&row[5]), Some(*days));
    }
    let equipment = sheet(&book, "Dotazioni");
    let cost = equipment[0]
        .iter()
        .position(|c| *c == "Costo unitario")
        .unwrap();
    let first = demo
        .partners
        .values()
        .flat_map(|p| p.equipment.values())
        .next()
        .unwrap();
    assert_eq!(
        number_of(&equipment[1][cost]),
        Some(first.unit_cost.euros())
    );
    let summary = sheet(&book, "Riepilogo");
    assert_eq!(
        summary.len(),
        demo.partners.len() + 2,
        "partners and consortium"
    );
    assert_eq!(summary.last().unwrap()[1].to_string(), "Consorzio");
}

#[test]
fn an_english_export_has_english_sheets_and_headers() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("programme.xlsx");
    let output = cruscotto(&[
        "export",
        "--out",
        arg(&out),
        "--table",
        "sessions",
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let book = sheets(&out);
    assert_eq!(book.len(), 1);
    assert_eq!(book[0].0, "Sessions");
    assert_eq!(texts(&book[0].1[0]), headers(FileKind::Sessions, Lang::En));
    assert!(
        date_of(&book[0].1[1][5]).is_some(),
        "session dates are dates"
    );
}

#[test]
fn an_italian_csv_has_semicolons_decimal_commas_and_a_byte_order_mark() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("rilevazioni.csv");
    let output = cruscotto(&["export", "--out", arg(&out), "--table", "observations"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        headers(FileKind::Observations, Lang::It).join(";")
    );
    let demo = cruscotto::demo::embedded();
    let (id, partner) = demo.partners.iter().next().unwrap();
    let (month, observation) = partner
        .observations
        .iter()
        .find(|(_, o)| o.agile_days.fract() != 0.0)
        .expect("the demo has a fractional agile-day figure");
    let days = observation.agile_days.to_string().replace('.', ",");
    let expected = format!(
        "{id};{};;01/{:02}/{};{};{days};",
        partner.name,
        month.month(),
        month.year(),
        observation.smart_workers
    );
    assert!(
        text.lines().any(|line| line.starts_with(&expected)),
        "no line starting {expected}"
    );
}

#[test]
fn an_english_csv_has_commas_decimal_points_and_iso_dates() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("equipment.csv");
    let output = cruscotto(&[
        "export",
        "--out",
        arg(&out),
        "--table",
        "equipment",
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    let header_line = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header_line,
        headers(FileKind::Equipment, Lang::En).join(",")
    );
    let demo = cruscotto::demo::embedded();
    let (id, partner) = demo.partners.iter().next().unwrap();
    let (code, item) = partner.equipment.iter().next().unwrap();
    let ordered = item.ordered.map_or(String::new(), |m| format!("{m}-01"));
    let needle = format!(
        "{id},{},,{code},{},{},{},{ordered},",
        partner.name,
        item.kind.label(),
        item.quantity,
        item.unit_cost
    );
    assert!(text.contains(&needle), "no {needle} in\n{text}");
}

#[test]
fn every_table_as_csv_goes_into_a_folder_one_file_each() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("tabelle");
    let output = cruscotto(&["export", "--out", arg(&out), "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "enrolment.csv",
            "equipment.csv",
            "indicators.csv",
            "observations.csv",
            "partners.csv",
            "projection.csv",
            "sessions.csv",
            "summary.csv"
        ]
    );
    let projection = std::fs::read_to_string(out.join("projection.csv")).unwrap();
    assert!(projection.lines().count() > 2, "{projection}");
    assert!(projection.contains(";Consorzio;"), "consortium rows");
}

#[test]
fn export_errors_name_the_problem_and_set_the_exit_status() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("x.xlsx");
    let output = cruscotto(&["export", "--out", arg(&out), "--table", "invoices"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("partners"), "{}", stderr(&output));

    let missing = folder.path().join("missing.ron");
    let output = cruscotto(&["export", arg(&missing), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(2));

    let output = cruscotto(&["export", "--out", arg(&out), "--scenario", "nessuno"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nessuno"), "{}", stderr(&output));

    let unwritable = folder.path().join("no/such/folder/x.xlsx");
    let output = cruscotto(&["export", "--out", arg(&unwritable), "--table", "partners"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("errore:"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn templates_for_every_comune_are_named_after_them() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("modelli");
    let output = cruscotto(&["template", "--out", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let demo = cruscotto::demo::embedded();
    for partner in demo.partners.values() {
        let file = out.join(format!("{}.xlsx", partner.name));
        assert!(file.exists(), "no {}", file.display());
    }
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        demo.partners.len()
    );
}

#[test]
fn a_template_lists_the_programme_months_and_the_comunes_modules() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("bra.xlsx");
    let output = cruscotto(&["template", "--partner", "Bra", "--out", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let demo = cruscotto::demo::embedded();
    let bra = &demo.partners[&"bra".into()];
    let book = sheets(&out);
    let observations = sheet(&book, "Rilevazioni mensili");
    assert_eq!(
        texts(&observations[0]),
        headers(FileKind::Observations, Lang::It)
    );
    let months: Vec<_> = observations[1..]
        .iter()
        .map(|row| date_of(&row[3]).expect("months are dates"))
        .collect();
    let expected: Vec<_> = demo.months().map(Month::first_day).collect();
    assert_eq!(months, expected);
    assert!(
        observations[1..]
            .iter()
            .all(|row| row[1] == "Bra" && row[4] == Data::Empty)
    );
    let enrolment = sheet(&book, "Iscrizioni");
    let modules: Vec<String> = enrolment[1..].iter().map(|r| r[3].to_string()).collect();
    let chosen: Vec<String> = bra
        .modules
        .keys()
        .map(|id| demo.catalogue[id].title.clone())
        .collect();
    assert_eq!(modules, chosen);
    assert!(book.iter().any(|(name, _)| name == "Istruzioni"));
}

#[test]
fn a_template_for_an_unknown_partner_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("x.xlsx");
    let output = cruscotto(&["template", "--partner", "atlantide", "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("atlantide"), "{}", stderr(&output));
    assert!(!out.exists());
}

/// The values check_with_libreoffice.py typed: sheet, column, row, kind, value.
fn typed_values() -> Vec<(String, usize, usize, String, String)> {
    let text = std::fs::read_to_string(fixture("filled_values.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let parts: Vec<&str> = line.split(';').collect();
            (
                parts[0].to_owned(),
                parts[1].parse().unwrap(),
                parts[2].parse().unwrap(),
                parts[3].to_owned(),
                parts[4].to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_template_filled_and_saved_by_libreoffice_keeps_its_structure_and_values() {
    let folder = tempfile::tempdir().unwrap();
    let fresh = folder.path().join("bra.xlsx");
    let output = cruscotto(&["template", "--partner", "bra", "--out", arg(&fresh)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ours = sheets(&fresh);
    for saved in [
        "template_filled_by_libreoffice.xlsx",
        "template_filled_by_libreoffice.ods",
    ] {
        let theirs = sheets(&fixture(saved));
        let names = |book: &[(String, Vec<Vec<Data>>)]| -> Vec<String> {
            book.iter().map(|(n, _)| n.clone()).collect()
        };
        assert_eq!(names(&theirs), names(&ours), "{saved}");
        for kind in [
            FileKind::Observations,
            FileKind::Sessions,
            FileKind::Enrolment,
            FileKind::Equipment,
        ] {
            let title = cruscotto::exchange::export::TableKind::ALL
                .into_iter()
                .find(|t| t.file_kind() == Some(kind))
                .unwrap()
                .title(Lang::It);
            let (a, b) = (sheet(&ours, &title), sheet(&theirs, &title));
            assert_eq!(texts(&b[0]), headers(kind, Lang::It), "{saved} {title}");
            // Pre-filled key columns (partner, month, module) are unchanged.
            let keys: Vec<usize> = kind
                .fields()
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    matches!(
                        f,
                        FieldKey::PartnerId | FieldKey::PartnerName | FieldKey::Module
                    )
                })
                .map(|(i, _)| i)
                .collect();
            for (row_a, row_b) in a.iter().zip(b) {
                for &c in &keys {
                    assert_eq!(
                        row_a[c].to_string(),
                        row_b[c].to_string(),
                        "{saved} {title}"
                    );
                }
            }
            if kind == FileKind::Observations {
                for (row_a, row_b) in a[1..].iter().zip(&b[1..]) {
                    assert_eq!(date_of(&row_a[3]), date_of(&row_b[3]), "{saved}");
                }
            }
        }
        let values = typed_values();
        assert!(values.len() >= 10);
        for (title, col, row, kind, value) in values {
            let cell = &sheet(&theirs, &title)[row][col];
            match kind.as_str() {
                "number" => assert_eq!(number_of(cell), Some(value.parse().unwrap()), "{saved}"),
                "date" => assert_eq!(date_of(cell), Some(value.parse().unwrap()), "{saved}"),
                _ => assert_eq!(cell.to_string(), value, "{saved}"),
            }
        }
    }
}

#[test]
fn a_template_filled_by_libreoffice_merges_into_the_project_with_cruscotto_import() {
    let folder = tempfile::tempdir().unwrap();
    let mut current = folder.path().join("demo.ron");
    let output = cruscotto(&["demo", "--out", arg(&current)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let filled = fixture("template_filled_by_libreoffice.xlsx");
    let sheets = ["Rilevazioni mensili", "Sessioni", "Iscrizioni", "Dotazioni"];
    for (step, name) in sheets.into_iter().enumerate() {
        let next = folder.path().join(format!("step{step}.ron"));
        let output = cruscotto(&[
            "import",
            "--from",
            arg(&filled),
            "--into",
            arg(&current),
            "--out",
            arg(&next),
            "--sheet",
            name,
            "--apply-valid",
        ]);
        // The rows nobody filled are refused for lack of values; the filled ones land.
        assert!(
            output.status.code() == Some(0) || output.status.code() == Some(1),
            "{name}: {}",
            stderr(&output)
        );
        assert!(next.exists(), "{name}: nothing written");
        current = next;
    }
    let project = cruscotto::store::load(&current).unwrap();
    let bra = &project.partners[&"bra".into()];
    let typed = typed_values();
    let number = |sheet: &str, col: usize, row: usize| -> f64 {
        let (.., value) = typed
            .iter()
            .find(|(s, c, r, ..)| s == sheet && *c == col && *r == row)
            .unwrap_or_else(|| panic!("no value typed at {sheet} {col},{row}"));
        value.parse().unwrap()
    };
    let first_month = project.meta.start;
    let observation = bra.observations.get(first_month).unwrap();
    assert_eq!(
        observation.smart_workers as f64,
        number("Rilevazioni mensili", 4, 1)
    );
    assert_eq!(observation.agile_days, number("Rilevazioni mensili", 5, 1));
    assert_eq!(
        observation.wellbeing,
        Some(number("Rilevazioni mensili", 6, 1))
    );
    let first_module = bra.modules.keys().next().unwrap();
    let choice = &bra.modules[first_module];
    assert_eq!(choice.enrolled as f64, number("Iscrizioni", 4, 1));
    assert_eq!(choice.completed as f64, number("Iscrizioni", 5, 1));
    let session = choice
        .sessions
        .values()
        .find(|s| s.date == jiff::civil::date(2025, 3, 15))
        .expect("the session typed in Calc");
    assert_eq!(session.hours, number("Sessioni", 6, 1));
    assert_eq!(session.attendees as f64, number("Sessioni", 7, 1));
    let bought = bra
        .equipment
        .values()
        .find(|e| e.quantity as f64 == number("Dotazioni", 5, 1))
        .expect("the purchase typed in Calc");
    assert_eq!(bought.kind, cruscotto::model::EquipmentKind::Laptop);
    assert_eq!(bought.unit_cost.euros(), number("Dotazioni", 6, 1));
    assert_eq!(bought.ordered, Month::new(2025, 2));
    assert_eq!(bought.delivered, Month::new(2025, 4));
}

#[test]
fn each_exported_table_of_the_demo_imports_back_with_every_row_taken() {
    let folder = tempfile::tempdir().unwrap();
    let demo = folder.path().join("demo.ron");
    assert!(cruscotto(&["demo", "--out", arg(&demo)]).status.success());
    let before = cruscotto::store::load(&demo).unwrap();
    let kinds = [
        "partners",
        "observations",
        "sessions",
        "enrolment",
        "equipment",
        "indicators",
    ];
    for (kind, extension) in kinds.iter().flat_map(|k| [(k, "xlsx"), (k, "csv")]) {
        let file = folder.path().join(format!("{kind}.{extension}"));
        let output = cruscotto(&["export", arg(&demo), "--table", kind, "--out", arg(&file)]);
        assert!(output.status.success(), "{}", stderr(&output));
        let again = folder.path().join(format!("{kind}-{extension}.ron"));
        let output = cruscotto(&[
            "import",
            "--from",
            arg(&file),
            "--into",
            arg(&demo),
            "--out",
            arg(&again),
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{kind}.{extension}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            stderr(&output)
        );
        let after = cruscotto::store::load(&again).unwrap();
        assert!(after == before, "{kind}.{extension} changed the project");
    }
}
