//! What a reader of an export sees: each value's text in CSV, values a sheet cannot hold kept
//! as text, the indicator table's layout.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::*;
use crate::analysis::fixture::{month, partner, project};
use crate::model::{Cents, IndicatorValues};

#[test]
fn csv_values_follow_the_language() {
    let it = CsvStyle::for_lang(Lang::It);
    let en = CsvStyle::for_lang(Lang::En);
    let march = Value::Month(month("2025-03"));
    let cases = [
        (Value::Euro(Cents(104_990)), "1049,90", "1049.90"),
        (Value::Euro(Cents(-5)), "-0,05", "-0.05"),
        (Value::Number(4.25), "4,25", "4.25"),
        (Value::Number(-0.0), "0", "0"),
        (Value::Number(f64::NAN), "", ""),
        (Value::Percent(0.3776), "37,76%", "37.76%"),
        (Value::Integer(-12), "-12", "-12"),
        (march, "01/03/2025", "2025-03-01"),
        (
            Value::Date(jiff::civil::date(2025, 11, 7)),
            "07/11/2025",
            "2025-11-07",
        ),
        (Value::Empty, "", ""),
    ];
    for (value, italian, english) in cases {
        assert_eq!(it.text(&value), italian, "{value:?}");
        assert_eq!(en.text(&value), english, "{value:?}");
    }
    assert_eq!((it.delimiter, en.delimiter), (b';', b','));
}

#[test]
fn a_sheet_keeps_as_text_what_a_number_cell_would_change() {
    let mut table = Table::new(
        TableKind::Partners,
        "Prova",
        vec![
            columns::field(FieldKey::Population, Lang::It),
            columns::field(FieldKey::Date, Lang::It),
            columns::field(FieldKey::UnitCost, Lang::It),
        ],
    );
    table.rows.push(vec![
        Value::Integer(i64::MAX),
        Value::Date(jiff::civil::date(1850, 1, 2)),
        Value::Euro(Cents(129_990)),
    ]);
    table.rows.push(vec![
        Value::Integer(9_007_199_254_740_992),
        Value::Date(jiff::civil::date(2025, 1, 2)),
        Value::Euro(Cents(i64::MIN)),
    ]);
    let bytes = write_xlsx_to_buffer(&[table], Lang::It).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Prova").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[1][0], Data::String(i64::MAX.to_string()));
    assert_eq!(rows[1][1], Data::String("1850-01-02".to_owned()));
    assert_eq!(rows[1][2], Data::Float(1299.9));
    assert_eq!(rows[2][0], Data::Float(9_007_199_254_740_992.0));
    assert!(matches!(rows[2][1], Data::DateTime(_)), "{:?}", rows[2][1]);
    assert_eq!(rows[2][2], Data::String(Cents(i64::MIN).to_string()));
}

#[test]
fn indicators_have_a_plan_row_then_a_row_per_observed_month() {
    let mut p = project("2025-01", "2026-12");
    let mut bra = partner("Bra", 100, 10, 50);
    let mut values = IndicatorValues {
        baseline: Some(12.5),
        ..IndicatorValues::default()
    };
    values.targets.insert(2026, 30.0);
    values.targets.insert(2025, 20.0);
    values.observed.insert(month("2025-06"), 15.0);
    bra.indicators.insert("km".into(), values);
    p.partners.insert("bra".into(), bra);
    let table = table(&p, TableKind::Indicators, Lang::It, None);
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Codice partner",
            "Comune",
            "Codice ISTAT",
            "Indicatore",
            "Valore di partenza",
            "Obiettivo 2025",
            "Obiettivo 2026",
            "Mese",
            "Valore"
        ]
    );
    let text = |s: &str| Value::Text(s.to_owned());
    assert_eq!(
        table.rows,
        [
            vec![
                text("bra"),
                text("Bra"),
                Value::Empty,
                text("km"),
                Value::Number(12.5),
                Value::Number(20.0),
                Value::Number(30.0),
                Value::Empty,
                Value::Empty
            ],
            vec![
                text("bra"),
                text("Bra"),
                Value::Empty,
                text("km"),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Month(month("2025-06")),
                Value::Number(15.0)
            ],
        ]
    );
}

#[test]
fn a_table_longer_than_a_sheet_is_refused_with_a_reason() {
    let mut table = projection_table::empty(Lang::En);
    table.rows = vec![vec![Value::Empty; 7]; xlsx::MAX_SHEET_ROWS];
    let error = write_xlsx_to_buffer(&[table], Lang::En).unwrap_err();
    assert!(matches!(error, ExportError::TooManyRows { .. }));
    assert!(
        error.message(Lang::En).contains("CSV"),
        "{}",
        error.message(Lang::En)
    );
}
