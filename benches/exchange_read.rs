//! Reading the spreadsheets of a large import: a 1,000,000-row CSV (Windows-1252, `;`) and
//! a 100,000-row XLSX (shared strings, date cells, deflated as Excel writes it). The import's
//! goals on the 2-core reference machine are 3 s and 2 s for the whole import (read, match,
//! validate, apply); this measures the reading part.
//!
//! Run with `cargo bench --bench exchange_read`; the files' sizes are printed first.

use std::hint::black_box;
use std::io::{Cursor, Write};

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::exchange::read::{ReadOptions, read_bytes};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const COMUNI: [&str; 8] = [
    "Alba", "Bra", "Cherasco", "Cuneo", "Dronero", "Fossano", "Roddi", "Saluzzo",
];

/// Monthly observations, as a personnel office exports them from Excel on Windows.
fn csv(rows: usize) -> Vec<u8> {
    let mut text = String::with_capacity(rows * 64);
    text.push_str("Comune;Codice ISTAT;Mese;Dipendenti in lavoro agile;Giornate agili medie;Benessere (1-5);Note\r\n");
    for row in 0..rows {
        let comune = COMUNI[row % COMUNI.len()];
        let month = 1 + row % 12;
        let year = 2025 + (row / 12) % 3;
        text.push_str(&format!(
            "{comune};{:06};{month:02}/{year};{};{},{};3,{};\"verificato, città\"\r\n",
            4000 + row % COMUNI.len(),
            20 + row % 50,
            row % 9,
            row % 10,
            row % 10
        ));
    }
    // Windows-1252: the `à` becomes one byte, as Excel writes it.
    encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
}

/// The same rows as an XLSX workbook: names in the shared strings, months as date cells.
fn xlsx(rows: usize) -> Vec<u8> {
    let mut sheet = String::with_capacity(rows * 220);
    sheet.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#);
    sheet.push_str(r#"<row r="1"><c r="A1" t="s"><v>8</v></c><c r="B1" t="s"><v>9</v></c><c r="C1" t="s"><v>10</v></c><c r="D1" t="s"><v>11</v></c><c r="E1" t="s"><v>12</v></c></row>"#);
    for row in 0..rows {
        let r = row + 2;
        // 45658 is 2025-01-01.
        let serial = 45658 + 31 * (row % 36);
        sheet.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="s"><v>{}</v></c><c r="B{r}"><v>{}</v></c><c r="C{r}" s="1"><v>{serial}</v></c><c r="D{r}"><v>{}</v></c><c r="E{r}"><v>{}.{}</v></c></row>"#,
            row % COMUNI.len(),
            4000 + row % COMUNI.len(),
            20 + row % 50,
            row % 9,
            row % 10
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut strings = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    let headers = [
        "Comune",
        "Codice ISTAT",
        "Mese",
        "Dipendenti in lavoro agile",
        "Giornate agili medie",
    ];
    for text in COMUNI.iter().chain(headers.iter()) {
        strings.push_str(&format!("<si><t>{text}</t></si>"));
    }
    strings.push_str("</sst>");
    let entries: [(&str, &[u8]); 7] = [
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rilevazioni" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
        ("xl/styles.xml", br#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#),
        ("xl/sharedStrings.xml", strings.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(name, deflated).expect("an entry");
        writer.write_all(data).expect("written");
    }
    writer.finish().expect("an archive").into_inner()
}

fn reading(c: &mut Criterion) {
    let csv = csv(1_000_000);
    let xlsx = xlsx(100_000);
    eprintln!(
        "1,000,000-row CSV: {:.1} MB; 100,000-row XLSX: {:.1} MB",
        csv.len() as f64 / 1e6,
        xlsx.len() as f64 / 1e6
    );
    let options = ReadOptions::default();
    let rows = |name: &str, bytes: &[u8]| {
        let book = read_bytes(name, bytes, &options).expect("readable");
        book.sheets[0].rows.len()
    };
    assert_eq!(rows("rilevazioni.csv", &csv), 1_000_001);
    assert_eq!(rows("rilevazioni.xlsx", &xlsx), 100_001);
    let mut group = c.benchmark_group("exchange_read");
    group.sample_size(10);
    group.bench_function("csv_1m_rows", |b| {
        b.iter(|| black_box(rows("rilevazioni.csv", black_box(&csv))))
    });
    group.bench_function("xlsx_100k_rows", |b| {
        b.iter(|| black_box(rows("rilevazioni.xlsx", black_box(&xlsx))))
    });
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
