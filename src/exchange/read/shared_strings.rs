//! The count of shared strings an XLSX declares, checked before calamine reads the workbook:
//! calamine reserves room for that many strings up front, and a hostile count (a billion
//! billion) makes the allocation fail, which aborts the process instead of panicking. A file
//! that declares more strings than its string table can hold is damaged, and said so.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;
use zip::ZipArchive;

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};

/// The smallest a string of the table can be written: `<si/>`.
const SMALLEST_STRING: u64 = 5;

/// How much of the table is read to find its opening tag.
const HEAD_BYTES: u64 = 64 * 1024;

/// Refuses an archive whose string table (any `sharedStrings.xml`, wherever the workbook's
/// relations put it) declares more strings than it can hold or than the read may take cells.
pub(super) fn check(reading: &Reading<'_>, bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        // calamine says what is wrong with the archive.
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index(index) else {
            continue;
        };
        let name = String::from_utf8_lossy(entry.name_raw()).to_ascii_lowercase();
        if !name.ends_with("sharedstrings.xml") {
            continue;
        }
        let size = entry.size();
        let Some(declared) = declared_count(entry.take(HEAD_BYTES)) else {
            continue;
        };
        let room = (size / SMALLEST_STRING).min(reading.options.limits.max_cells as u64);
        if declared > room {
            return Err(reading.error(ReadErrorKind::Damaged {
                format: Format::Xlsx,
                sheet: None,
                row: None,
                detail: format!("the shared strings declare {declared} strings in {size} bytes"),
            }));
        }
    }
    Ok(())
}

/// The `uniqueCount` of the table's `<sst>` tag, when it is a number calamine would read.
fn declared_count(head: impl Read) -> Option<u64> {
    let mut xml = Reader::from_reader(BufReader::new(head));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().as_ref() == "sst" =>
            {
                let value = element
                    .attributes()
                    .flatten()
                    .find(|attr| attr.key.as_ref() == "uniqueCount")?
                    .value
                    .into_owned();
                let digits = value.strip_prefix('+').unwrap_or(&value);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                // Longer than any u64: certainly more than the table holds.
                return Some(digits.parse().unwrap_or(u64::MAX));
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use crate::exchange::read::{ReadErrorKind, ReadOptions, read_bytes};
    use crate::exchange::{Cell, Workbook};

    /// A one-sheet workbook whose cell A1 is shared string 0, with `count` declared.
    fn workbook(count: &str) -> Vec<u8> {
        let sst = format!(
            r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{count}"><si><t>Bra</t></si></sst>"#
        );
        let entries: [(&str, &[u8]); 6] = [
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
            ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", sst.as_bytes()),
            ("xl/worksheets/sheet1.xml", br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#),
        ];
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, data) in entries {
            writer
                .start_file(name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn read(bytes: &[u8]) -> Result<Workbook, ReadErrorKind> {
        read_bytes("dati.xlsx", bytes, &ReadOptions::default()).map_err(|e| e.kind)
    }

    #[test]
    fn a_string_table_declaring_more_strings_than_it_holds_is_damaged_not_a_crash() {
        for count in ["3430792151136", "99999999999999999999999"] {
            let error = read(&workbook(count)).expect_err(count);
            assert!(
                matches!(&error, ReadErrorKind::Damaged { detail, .. } if detail.contains("shared strings")),
                "{error:?}"
            );
        }
    }

    #[test]
    fn an_honest_string_table_reads_as_before() {
        for count in ["1", "2", "not a number"] {
            let book = read(&workbook(count)).expect(count);
            assert_eq!(book.sheets[0].rows, vec![vec![Cell::Text("Bra".into())]]);
        }
    }
}
