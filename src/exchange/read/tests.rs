use std::sync::atomic::AtomicBool;

use super::*;
use crate::exchange::{Cell, Grid};
use crate::i18n::Lang;

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn read(name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    read_bytes(name, bytes, &ReadOptions::default())
}

fn only_sheet(name: &str, bytes: &[u8]) -> Grid {
    let mut book = read(name, bytes).expect("readable");
    assert_eq!(book.sheets.len(), 1);
    book.sheets.remove(0)
}

#[test]
fn semicolon_csv_with_crlf_quotes_and_a_newline_in_a_field() {
    let grid = only_sheet(
        "dati.csv",
        b"Comune;Note\r\nBra;\"detto \"\"ok\"\"; su\r\ndue righe\"\r\nAlba;\r\n",
    );
    assert_eq!(grid.name, "dati");
    assert_eq!(
        grid.rows,
        vec![
            vec![text("Comune"), text("Note")],
            vec![text("Bra"), text("detto \"ok\"; su\r\ndue righe")],
            vec![text("Alba")],
        ]
    );
}

#[test]
fn the_delimiter_is_sniffed_outside_quotes() {
    let grid = only_sheet("x.csv", b"\"a;b\",c,d\n\"e;f\",g,h\n");
    assert_eq!(grid.rows[0], vec![text("a;b"), text("c"), text("d")]);
    let grid = only_sheet("x.csv", b"a\tb;c\td\n1\t2;3\t4\n");
    assert_eq!(grid.rows[1], vec![text("1"), text("2;3"), text("4")]);
    let grid = only_sheet("x.csv", b"Comune;Costo\nBra;1.049,90\n");
    assert_eq!(grid.rows[1], vec![text("Bra"), text("1.049,90")]);
}

#[test]
fn excel_s_sep_line_names_the_delimiter_and_is_not_a_row() {
    let grid = only_sheet("x.csv", b"sep=,\r\nComune,Valore\r\nBra,\"1,5\"\r\n");
    assert_eq!(grid.rows[0], vec![text("Comune"), text("Valore")]);
    assert_eq!(grid.rows[1], vec![text("Bra"), text("1,5")]);
}

#[test]
fn decimal_commas_do_not_pass_for_delimiters() {
    let grid = only_sheet(
        "x.csv",
        b"Comune;Giornate;Benessere\nBra;6,5;3,8\nAlba;7;4,1\n",
    );
    assert_eq!(grid.rows[1], vec![text("Bra"), text("6,5"), text("3,8")]);
}

#[test]
fn blank_lines_keep_the_row_numbers_a_spreadsheet_shows() {
    let grid = only_sheet("x.csv", b"titolo\n\nComune;Mese\nBra;gen 2025\n");
    assert_eq!(grid.rows.len(), 4);
    assert!(grid.rows[1].is_empty(), "{:?}", grid.rows);
    assert_eq!(grid.cell(3, 1), &text("gen 2025"));
}

#[test]
fn encodings_utf8_bom_windows_1252_and_utf16() {
    let grid = only_sheet("x.csv", "\u{feff}Quantità;Città\n".as_bytes());
    assert_eq!(grid.rows[0], vec![text("Quantità"), text("Città")]);
    let grid = only_sheet("x.csv", b"Quantit\xe0;Costo\n3;\x80 1.049,90\n");
    assert_eq!(grid.rows[0], vec![text("Quantità"), text("Costo")]);
    assert_eq!(grid.rows[1], vec![text("3"), text("€ 1.049,90")]);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Comune\tMese\r\nBra\t01/2025\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let grid = only_sheet("x.txt", &utf16);
    assert_eq!(grid.rows[1], vec![text("Bra"), text("01/2025")]);
}

#[test]
fn binary_files_are_refused_with_what_the_name_promised() {
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let error = read("dati.csv", &noise).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::NotASpreadsheet {
            expected: Some(Format::Csv)
        }
    );
    assert!(
        error
            .message(Lang::It)
            .starts_with("dati.csv: il nome dice CSV")
    );
    assert_eq!(
        read("x.xls", OLE_MAGIC).unwrap_err().kind,
        ReadErrorKind::LegacyExcel
    );
    assert_eq!(read("x.csv", b"").unwrap_err().kind, ReadErrorKind::Empty);
}

#[test]
fn limits_refuse_instead_of_filling_memory() {
    let options = ReadOptions {
        limits: Limits {
            max_rows: 10,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let many = "a;b\n".repeat(11);
    let error = read_bytes("x.csv", many.as_bytes(), &options).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::TooManyRows {
            sheet: "x".to_owned(),
            limit: 10
        }
    );
    assert_eq!(
        error.message(Lang::En),
        "x.csv, sheet \"x\": the sheet has more than 10 rows"
    );
    let options = ReadOptions {
        limits: Limits {
            max_file_bytes: 8,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let error = read_bytes("x.csv", many.as_bytes(), &options).unwrap_err();
    assert_eq!(error.kind, ReadErrorKind::TooLarge { size: 44, limit: 8 });
}

#[test]
fn a_raised_cancel_flag_stops_the_read() {
    let cancel = AtomicBool::new(true);
    let options = ReadOptions {
        cancel: Some(&cancel),
        ..ReadOptions::default()
    };
    let error = read_bytes("x.csv", b"a;b\n", &options).unwrap_err();
    assert_eq!(error.kind, ReadErrorKind::Cancelled);
    assert_eq!(error.message(Lang::It), "x.csv: lettura annullata");
}

#[test]
fn every_error_reads_in_italian_and_in_english() {
    let kinds = [
        ReadErrorKind::NotFound,
        ReadErrorKind::NotAFile,
        ReadErrorKind::Io {
            detail: "permission denied".into(),
        },
        ReadErrorKind::Empty,
        ReadErrorKind::TooLarge {
            size: 300 << 20,
            limit: 256 << 20,
        },
        ReadErrorKind::NotASpreadsheet { expected: None },
        ReadErrorKind::NotASpreadsheet {
            expected: Some(Format::Xlsx),
        },
        ReadErrorKind::LegacyExcel,
        ReadErrorKind::UnknownArchive,
        ReadErrorKind::ArchiveTooLarge {
            declared: 5 << 30,
            limit: 1 << 30,
        },
        ReadErrorKind::ArchiveRatio {
            entry: "content.xml".into(),
            ratio: 1000,
            limit: 200,
        },
        ReadErrorKind::TooManyEntries {
            entries: 20_000,
            limit: 10_000,
        },
        ReadErrorKind::TooManyRows {
            sheet: "Foglio1".into(),
            limit: 2_000_000,
        },
        ReadErrorKind::TooManyColumns {
            sheet: "Foglio1".into(),
            row: 3,
            limit: 16_384,
        },
        ReadErrorKind::TooManyCells { limit: 20_000_000 },
        ReadErrorKind::TooMuchText { limit: 512 << 20 },
        ReadErrorKind::Damaged {
            format: Format::Ods,
            sheet: Some("Foglio1".into()),
            row: Some(12),
            detail: "unexpected end of file".into(),
        },
        ReadErrorKind::Encrypted,
        ReadErrorKind::Cancelled,
        ReadErrorKind::ReaderFailed {
            format: Format::Xlsx,
            detail: "index out of bounds".into(),
        },
    ];
    for kind in kinds {
        let error = ReadError::new("dati.xlsx", kind);
        let italian = error.message(Lang::It);
        let english = error.message(Lang::En);
        for text in [&italian, &english] {
            assert!(text.starts_with("dati.xlsx"), "{text}");
            assert!(
                !text.contains("exchange_read.") && !text.contains("%{"),
                "{text}"
            );
        }
        assert_ne!(italian, english);
        assert_eq!(error.to_string(), english);
    }
    let damaged = ReadError::new(
        "dati.ods",
        ReadErrorKind::Damaged {
            format: Format::Ods,
            sheet: Some("Foglio1".into()),
            row: Some(1200),
            detail: "unexpected end of file".into(),
        },
    );
    assert_eq!(
        damaged.message(Lang::It),
        "dati.ods, foglio \"Foglio1\", riga 1.200: il file ODS è danneggiato o incompleto (unexpected end of file)"
    );
}

#[test]
fn spreadsheet_dates_times_and_durations_become_cells() {
    use super::values::from_data;
    use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
    use jiff::civil::date;
    let serial = |value, kind| Data::DateTime(ExcelDateTime::new(value, kind, false));
    assert_eq!(
        from_data(&serial(45658.0, ExcelDateTimeType::DateTime)),
        Cell::Date(date(2025, 1, 1))
    );
    assert_eq!(
        from_data(&serial(45658.5, ExcelDateTimeType::DateTime)),
        Cell::DateTime(date(2025, 1, 1).at(12, 0, 0, 0))
    );
    // Hours written as a time (2:30) or a duration ([h]:mm) keep the hours and minutes.
    assert_eq!(
        from_data(&serial(2.5 / 24.0, ExcelDateTimeType::DateTime)),
        text("2:30")
    );
    assert_eq!(
        from_data(&serial(30.0 / 24.0, ExcelDateTimeType::TimeDelta)),
        text("30:00")
    );
    assert_eq!(
        from_data(&Data::DateTimeIso("2025-03-10".into())),
        Cell::Date(date(2025, 3, 10))
    );
    assert_eq!(
        from_data(&Data::DateTimeIso("2025-03-10T09:30:00".into())),
        Cell::DateTime(date(2025, 3, 10).at(9, 30, 0, 0))
    );
    assert_eq!(
        from_data(&Data::DurationIso("PT01H30M00S".into())),
        text("1:30")
    );
    assert_eq!(from_data(&Data::String(String::new())), Cell::Empty);
    assert_eq!(
        from_data(&Data::Error(calamine::CellErrorType::Div0)),
        Cell::Error("#DIV/0!".into())
    );
}

/// Found by the fuzz run: calamine reads an ODS sheet until its end tag, and at the end of
/// the file instead it asked for the next event forever (a hang, not a panic).
#[test]
fn an_ods_file_cut_inside_a_sheet_is_damaged_not_a_hang() {
    use std::io::{Cursor, Read, Write};

    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/exchange/osservazioni.ods"
    );
    let original = std::fs::read(fixture).expect("the fixture");
    let mut archive = zip::ZipArchive::new(Cursor::new(&original)).expect("a zip archive");
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("readable");
        entries.push((entry.name().expect("a name").into_owned(), data));
    }
    let content = &entries
        .iter()
        .find(|(name, _)| name == "content.xml")
        .unwrap()
        .1;
    let find = |needle: &str| {
        content
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .expect(needle)
    };
    let sheet_start = find("<table:table ");
    let sheet_end = find("</table:table>");
    let after_start_tag = sheet_start + find_from(content, sheet_start, b">") + 1;
    for cut in [
        after_start_tag,
        (after_start_tag + sheet_end) / 2,
        sheet_end,
    ] {
        let cut_entries: Vec<(String, Vec<u8>)> = entries
            .iter()
            .map(|(name, data)| {
                let data = if name == "content.xml" {
                    data[..cut].to_vec()
                } else {
                    data.clone()
                };
                (name.clone(), data)
            })
            .collect();
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in &cut_entries {
            writer
                .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data).unwrap();
        }
        let bytes = writer.finish().unwrap().into_inner();
        let error = read("osservazioni.ods", &bytes).expect_err("a cut file");
        assert!(
            matches!(
                error.kind,
                ReadErrorKind::Damaged {
                    format: Format::Ods,
                    ..
                }
            ),
            "cut at {cut}: {error:?}"
        );
    }
    // The whole file still reads.
    assert!(!only_sheet("osservazioni.ods", &original).rows.is_empty());
}

fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> usize {
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the needle")
}
