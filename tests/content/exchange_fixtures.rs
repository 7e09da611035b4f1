//! The spreadsheets LibreOffice Calc wrote (tests/fixtures/exchange, made by its
//! make_fixtures.sh) read back with exactly the cells Calc holds: dates as dates, numbers
//! as numbers, `#DIV/0!` as an error, merged headers repeated, rows where Calc shows them.

use std::path::PathBuf;

use cruscotto::exchange::{Cell, Grid, ReadOptions, Workbook, read_path};
use jiff::civil::date;

fn fixture(name: &str) -> Workbook {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name);
    read_path(&path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn t(text: &str) -> Cell {
    Cell::Text(text.into())
}

fn n(value: f64) -> Cell {
    Cell::Number(value)
}

fn d(year: i16, month: i8, day: i8) -> Cell {
    Cell::Date(date(year, month, day))
}

const E: Cell = Cell::Empty;

fn row(cells: &[Cell]) -> Vec<Cell> {
    cells.to_vec()
}

fn only_sheet(name: &str) -> Grid {
    let mut book = fixture(name);
    assert_eq!(book.sheets.len(), 1, "{name}");
    book.sheets.remove(0)
}

fn observations_typed() -> Vec<Vec<Cell>> {
    let title = t("Rilevazione mensile del lavoro agile - Comuni del consorzio");
    let header = [
        t("Comune"),
        t("Codice ISTAT"),
        E,
        t("Mese"),
        t("Dipendenti in lavoro agile"),
        t("Giornate agili medie"),
        t("Benessere (1-5)"),
        t("Note"),
    ];
    vec![
        row(&[title]),
        vec![],
        row(&header),
        row(&[
            t("Bra"),
            n(4029.0),
            E,
            d(2025, 1, 1),
            n(42.0),
            n(6.5),
            n(3.8),
        ]),
        row(&[
            t("Bra"),
            n(4029.0),
            E,
            d(2025, 2, 1),
            n(45.0),
            n(7.0),
            n(3.9),
        ]),
        row(&[
            t("Alba"),
            n(4003.0),
            E,
            d(2025, 1, 1),
            n(38.0),
            n(5.25),
            n(4.1),
        ]),
        row(&[
            t("Alba"),
            n(4003.0),
            E,
            d(2025, 2, 1),
            n(40.0),
            Cell::Error("#DIV/0!".into()),
            n(4.0),
            t("dato da ricalcolare"),
        ]),
        row(&[
            t("Saluzzo"),
            n(4203.0),
            E,
            d(2025, 3, 1),
            n(21.0),
            n(4.5),
            n(3.5),
        ]),
        row(&[
            t("Comune di Cuneo"),
            n(4078.0),
            E,
            d(2025, 3, 1),
            n(57.0),
            n(8.0),
            n(4.2),
            t("nota con \"virgolette\"; e punto e virgola"),
        ]),
    ]
}

#[test]
fn observations_keep_dates_numbers_the_error_cell_and_the_rows_calc_shows() {
    for file in ["osservazioni.xlsx", "osservazioni.ods"] {
        let sheet = only_sheet(file);
        assert_eq!(sheet.name, "osservazioni", "{file}");
        assert_eq!(sheet.rows, observations_typed(), "{file}");
    }
}

#[test]
fn the_windows_1252_csv_reads_as_calc_shows_it() {
    let sheet = only_sheet("osservazioni.csv");
    assert_eq!(sheet.rows.len(), 9);
    assert_eq!(sheet.rows[1], vec![]);
    assert_eq!(
        sheet.rows[6],
        row(&[
            t("Alba"),
            t("4003"),
            E,
            t("01/02/2025"),
            t("40"),
            t("#DIV/0!"),
            t("4"),
            t("dato da ricalcolare")
        ])
    );
    assert_eq!(sheet.cell(8, 3), &t("2025-03-01"));
    assert_eq!(
        sheet.cell(8, 7),
        &t("nota con \"virgolette\"; e punto e virgola")
    );
    let purchases = only_sheet("acquisti.csv");
    assert_eq!(purchases.rows[0][3], t("Q.tà"));
    assert_eq!(
        purchases.rows[1],
        row(&[
            t("Bra"),
            t("portatili-1"),
            t("Portatile"),
            t("34"),
            t("1049,9"),
            t("15/10/2025"),
            t("20/01/2026")
        ])
    );
    let staff = only_sheet("personale.csv");
    assert_eq!(staff.rows[0][6], t("Dipendenti con attività smartabili"));
    assert_eq!(staff.rows[5][..2], [t("Fossano"), t("004089")]);
    let euro = only_sheet("programma-Acquisti.csv");
    assert_eq!(
        euro.rows[1][4..],
        [t("1.049,90 €"), t("feb 2026"), t("apr 2026")]
    );
    assert_eq!(euro.rows[2][4..], [t("412,50 €"), t("feb 2026")]);
}

#[test]
fn attendance_purchases_staff_and_indicators_are_typed_cells() {
    let module = "Benessere organizzativo e conciliazione vita-lavoro";
    let tools = "Strumenti digitali di collaborazione";
    for extension in ["xlsx", "ods"] {
        let attendance = only_sheet(&format!("presenze.{extension}"));
        assert_eq!(attendance.rows.len(), 7);
        assert_eq!(
            attendance.rows[2],
            row(&[
                t("Bra"),
                t(module),
                d(2025, 1, 15),
                t("Bianchi Luca"),
                n(2.5),
                n(4.0),
                t("non completato")
            ])
        );
        assert_eq!(
            attendance.rows[6],
            row(&[
                t("Alba"),
                t(tools),
                d(2025, 2, 3),
                t("D'Angelo Paolo"),
                n(0.0),
                n(3.0),
                t("non completato")
            ])
        );
        let purchases = only_sheet(&format!("acquisti.{extension}"));
        assert_eq!(
            purchases.rows[1],
            row(&[
                t("Bra"),
                t("portatili-1"),
                t("Portatile"),
                n(34.0),
                n(1049.9),
                d(2025, 10, 15),
                d(2026, 1, 20)
            ])
        );
        assert_eq!(
            purchases.rows[3],
            row(&[
                t("Saluzzo"),
                t("portatili-1"),
                t("Portatile"),
                n(12.0),
                n(989.0),
                d(2025, 11, 3)
            ])
        );
        let staff = only_sheet(&format!("personale.{extension}"));
        assert_eq!(
            staff.rows[1],
            row(&[
                t("Bra"),
                t("004029"),
                t("CN"),
                n(29800.0),
                n(187.0),
                n(8.0),
                n(95.0)
            ])
        );
        let indicators = only_sheet(&format!("indicatori.{extension}"));
        assert_eq!(
            indicators.rows[1],
            row(&[
                t("Bra"),
                t("% lavoratori agili effettivi sul personale smartabile"),
                n(0.125),
                d(2025, 1, 1),
                n(0.442)
            ])
        );
        assert_eq!(
            indicators.rows[4],
            row(&[
                t("Alba"),
                t("CO2 evitata nel mese (kg)"),
                E,
                d(2025, 2, 1),
                n(1250.5)
            ])
        );
    }
}

#[test]
fn a_workbook_gives_every_sheet_in_order_with_merged_headers_repeated() {
    for file in ["programma.xlsx", "programma.ods"] {
        let book = fixture(file);
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Rilevazioni", "Presenze", "Note", "Acquisti"],
            "{file}"
        );
        let observations = &book.sheets[0];
        assert_eq!(
            observations.rows[1],
            row(&[
                t("Comune"),
                t("Mese"),
                E,
                t("Lavoro agile"),
                t("Lavoro agile"),
                t("Verificato")
            ]),
            "{file}"
        );
        assert_eq!(
            observations.rows[2],
            row(&[
                t("Comune"),
                t("Mese"),
                E,
                t("Dipendenti in lavoro agile"),
                t("Giornate agili medie"),
                t("Verificato")
            ]),
            "{file}"
        );
        assert_eq!(
            observations.rows[5],
            row(&[
                t("Dronero"),
                d(2025, 4, 1),
                E,
                n(9.0),
                n(2.5),
                Cell::Bool(true)
            ]),
            "{file}"
        );
        assert_eq!(observations.cell(4, 5), &Cell::Bool(false));
        let attendance = &book.sheets[1];
        for r in 1..=3 {
            assert_eq!(attendance.cell(r, 0), &t("Roddi"), "{file} row {}", r + 1);
        }
        assert_eq!(attendance.cell(2, 4), &n(1.5));
        assert!(book.sheets[2].rows.is_empty(), "{file}");
        assert_eq!(
            book.sheets[3].rows[2],
            row(&[
                t("Cuneo"),
                t("tablet-1"),
                t("Tablet"),
                n(5.0),
                n(412.5),
                d(2026, 2, 1)
            ]),
            "{file}"
        );
    }
}

#[test]
fn a_workbook_named_as_csv_is_still_read_by_its_content() {
    let source =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exchange/programma.ods");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let renamed = dir.path().join("dati.csv");
    std::fs::copy(source, &renamed).expect("a copy");
    let book = read_path(&renamed, &ReadOptions::default()).expect("read by content");
    assert_eq!(book.sheets.len(), 4);
    assert_eq!(book.sheets[3].cell(1, 4), &n(1049.9));
}
