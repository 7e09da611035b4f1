//! Spreadsheets from outside that try to hurt: zip bombs, repetition bombs, huge files,
//! truncated archives, files that are not what their name says. Each gets a clear error or
//! a bounded read that a Cancel button stops, never a panic, a hang or exhausted memory.

use std::io::{Cursor, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use cruscotto::app::work::{Poll, Task};
use cruscotto::exchange::read::{
    Format, Limits, ReadErrorKind, ReadOptions, read_bytes, read_path,
};
use cruscotto::i18n::Lang;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

fn zip(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        writer.start_file(*name, options).expect("an entry");
        writer.write_all(data).expect("written");
    }
    writer.finish().expect("an archive").into_inner()
}

fn ods(content: &str) -> Vec<u8> {
    zip(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", MANIFEST),
            ("content.xml", content.as_bytes()),
        ],
        CompressionMethod::Stored,
    )
}

const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

fn ods_table(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Foglio1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name);
    std::fs::read(path).expect("a fixture")
}

#[test]
fn a_zip_bomb_is_refused_from_its_declared_sizes_before_anything_inflates() {
    let zeros = vec![0u8; 8 << 20];
    let bomb = zip(
        &[("xl/worksheets/sheet1.xml", &zeros)],
        CompressionMethod::Deflated,
    );
    assert!(
        bomb.len() < 64 * 1024,
        "the bomb compresses {} bytes",
        bomb.len()
    );
    let error = read_bytes("bomba.xlsx", &bomb, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(&error.kind, ReadErrorKind::ArchiveRatio { entry, .. } if entry == "xl/worksheets/sheet1.xml"),
        "{error:?}"
    );
    assert!(
        error.message(Lang::It).contains("zip bomb"),
        "{}",
        error.message(Lang::It)
    );
    let small = ReadOptions {
        limits: Limits {
            max_unzipped_bytes: 1 << 20,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let error = read_bytes("bomba.xlsx", &bomb, &small).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::ArchiveTooLarge {
            declared: 8 << 20,
            limit: 1 << 20
        }
    );
}

#[test]
fn an_ods_that_repeats_a_cell_a_billion_times_is_refused_before_calamine_expands_it() {
    let bomb = ods(&ods_table(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#,
    ));
    let started = Instant::now();
    let error = read_bytes("ripetizioni.ods", &bomb, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::TooManyCells {
            limit: Limits::default().max_cells
        }
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let spaces = ods(&ods_table(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>"#,
    ));
    let error = read_bytes("spazi.ods", &spaces, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(error.kind, ReadErrorKind::TooMuchText { .. }),
        "{error:?}"
    );
}

#[test]
fn a_small_repeated_ods_is_read_with_its_repeats() {
    let file = ods(&ods_table(
        r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="7"/></table:table-row><table:table-row table:number-rows-repeated="5"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>fine</text:p></table:table-cell></table:table-row>"#,
    ));
    let book = read_bytes("x.ods", &file, &ReadOptions::default()).expect("readable");
    let sheet = &book.sheets[0];
    assert_eq!(sheet.rows.len(), 8);
    assert_eq!(
        sheet.rows[1],
        vec![cruscotto::exchange::Cell::Number(7.0); 3]
    );
    assert!(sheet.rows[2..7].iter().all(Vec::is_empty));
    assert_eq!(
        sheet.cell(7, 1),
        &cruscotto::exchange::Cell::Text("fine".into())
    );
}

#[test]
fn truncated_and_foreign_archives_get_a_clear_error() {
    for (name, format) in [
        ("programma.xlsx", Format::Xlsx),
        ("programma.ods", Format::Ods),
    ] {
        let whole = fixture(name);
        for keep in [whole.len() / 2, whole.len() - 30, 100] {
            let error = read_bytes(name, &whole[..keep], &ReadOptions::default()).unwrap_err();
            assert!(
                matches!(&error.kind, ReadErrorKind::Damaged { format: f, .. } if *f == format),
                "{name} cut at {keep}: {error:?}"
            );
            assert!(error.message(Lang::It).contains("danneggiato"));
        }
    }
    let document = zip(
        &[("word/document.xml", b"<w:document/>")],
        CompressionMethod::Stored,
    );
    let error = read_bytes("lettera.xlsx", &document, &ReadOptions::default()).unwrap_err();
    assert_eq!(error.kind, ReadErrorKind::UnknownArchive);
}

#[test]
fn rows_past_the_limit_are_refused_with_the_sheet_named() {
    let mut sheet = String::from(
        r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for row in 1..=1001 {
        sheet.push_str(&format!(
            r#"<row r="{row}"><c r="A{row}"><v>{row}</v></c></row>"#
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut xlsx_entries: Vec<(&str, &[u8])> = minimal_xlsx();
    xlsx_entries.push(("xl/worksheets/sheet1.xml", sheet.as_bytes()));
    let file = zip(&xlsx_entries, CompressionMethod::Stored);
    let options = ReadOptions {
        limits: Limits {
            max_rows: 1000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let error = read_bytes("righe.xlsx", &file, &options).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::TooManyRows {
            sheet: "Dati".into(),
            limit: 1000
        }
    );
    assert_eq!(
        error.message(Lang::It),
        "righe.xlsx, foglio \"Dati\": il foglio ha più di 1.000 righe"
    );
    let book = read_bytes("righe.xlsx", &file, &ReadOptions::default()).expect("within limits");
    assert_eq!(book.sheets[0].rows.len(), 1001);
    assert_eq!(
        book.sheets[0].cell(1000, 0),
        &cruscotto::exchange::Cell::Number(1001.0)
    );
}

fn minimal_xlsx() -> Vec<(&'static str, &'static [u8])> {
    vec![
        (
            "_rels/.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dati" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ]
}

#[test]
fn a_huge_file_is_refused_by_its_size_and_a_file_of_zeros_as_not_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let huge = dir.path().join("enorme.csv");
    // Sparse: no disk is used, and nothing is read.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(300 << 20))
        .expect("a sparse file");
    let error = read_path(&huge, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::TooLarge {
            size: 300 << 20,
            limit: 256 << 20
        }
    );
    assert!(
        error.message(Lang::It).contains("300 MB"),
        "{}",
        error.message(Lang::It)
    );
    let zeros = dir.path().join("zeri.csv");
    std::fs::File::create(&zeros)
        .and_then(|f| f.set_len(200 << 20))
        .expect("a sparse file");
    let error = read_path(&zeros, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        error.kind,
        ReadErrorKind::NotASpreadsheet {
            expected: Some(Format::Csv)
        }
    );
    let missing = read_path(&dir.path().join("manca.csv"), &ReadOptions::default()).unwrap_err();
    assert_eq!(missing.kind, ReadErrorKind::NotFound);
    let folder = read_path(dir.path(), &ReadOptions::default()).unwrap_err();
    assert_eq!(folder.kind, ReadErrorKind::NotAFile);
}

#[test]
fn a_background_read_shows_progress_and_stops_when_cancelled() {
    let row = "Bra;004029;gen 2025;42;6,5;3,8;una nota un po' lunga per fare volume\n";
    let big: Arc<Vec<u8>> = Arc::new(row.repeat(600_000).into_bytes());
    let cancel = Arc::new(AtomicBool::new(false));
    let worker_cancel = Arc::clone(&cancel);
    let bytes = Arc::clone(&big);
    let mut task = Task::spawn("read", None, move |progress| {
        let report = |done: f32| progress.set(done);
        let options = ReadOptions {
            cancel: Some(&worker_cancel),
            progress: Some(&report),
            ..ReadOptions::default()
        };
        read_bytes("grande.csv", &bytes, &options).map(|book| book.sheets[0].rows.len())
    });
    let waited = Instant::now();
    while task.progress().is_none_or(|done| done <= 0.0) {
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "no progress shown"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    cancel.store(true, Ordering::Relaxed);
    let cancelled_at = Instant::now();
    match task.wait(Duration::from_secs(30)) {
        Poll::Done(Err(error)) => assert_eq!(error.kind, ReadErrorKind::Cancelled),
        other => panic!("expected a cancelled read, got {other:?}"),
    }
    assert!(cancelled_at.elapsed() < Duration::from_secs(5));

    // Left alone, the same read ends with every row.
    let options = ReadOptions::default();
    let book = read_bytes("grande.csv", &big, &options).expect("readable");
    assert_eq!(book.sheets[0].rows.len(), 600_000);
}
