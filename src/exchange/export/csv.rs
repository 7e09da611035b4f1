//! CSV that Excel and LibreOffice Calc open as numbers and dates. Italian (the default): `;`
//! between fields, decimal comma, dates `dd/mm/yyyy`, months as the date of their first day;
//! English: `,`, decimal point, ISO dates `yyyy-mm-dd`. Always UTF-8 with a byte-order mark,
//! which tells Excel the encoding; no thousands separators, so every reader agrees.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::ExportError;
use super::table::{Table, Value};
use crate::i18n::Lang;
use crate::model::{Cents, Month};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How values are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    pub delimiter: u8,
    pub decimal: char,
    /// `dd/mm/yyyy` when true, else `yyyy-mm-dd`.
    pub day_first: bool,
}

impl CsvStyle {
    pub fn for_lang(lang: Lang) -> CsvStyle {
        match lang {
            Lang::It => CsvStyle {
                delimiter: b';',
                decimal: ',',
                day_first: true,
            },
            Lang::En => CsvStyle {
                delimiter: b',',
                decimal: '.',
                day_first: false,
            },
        }
    }

    /// A value as this style writes it; empty for a missing value or a number that is not
    /// finite.
    pub fn text(&self, value: &Value) -> String {
        match value {
            Value::Empty => String::new(),
            Value::Text(text) => text.clone(),
            Value::Integer(n) => n.to_string(),
            Value::Number(x) if x.is_finite() => self.decimal_text(&(x + 0.0).to_string()),
            Value::Number(_) => String::new(),
            Value::Euro(cents) => self.decimal_text(&euros(*cents)),
            Value::Percent(ratio) if ratio.is_finite() => {
                let percent = (ratio * 10_000.0).round() / 100.0 + 0.0;
                format!("{}%", self.decimal_text(&percent.to_string()))
            }
            Value::Percent(_) => String::new(),
            Value::Date(date) => self.date(date.year(), date.month(), date.day()),
            Value::Month(month) => self.month(*month),
        }
    }

    fn decimal_text(&self, text: &str) -> String {
        if self.decimal == '.' {
            text.to_owned()
        } else {
            text.replace('.', &self.decimal.to_string())
        }
    }

    fn date(&self, year: i16, month: i8, day: i8) -> String {
        if self.day_first {
            format!("{day:02}/{month:02}/{year:04}")
        } else {
            format!("{year:04}-{month:02}-{day:02}")
        }
    }

    /// A month as the date of its first day, which both spreadsheet programs read as a date.
    fn month(&self, month: Month) -> String {
        let first = month.first_day();
        self.date(first.year(), first.month(), first.day())
    }
}

/// Two decimals, dot-separated: `1049.90`.
fn euros(cents: Cents) -> String {
    cents.to_string()
}

/// `table` to `out` as CSV in `style`, with its header row and a byte-order mark.
pub fn write_csv_to(table: &Table, out: impl Write, style: CsvStyle) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(style.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.columns.iter().map(|c| c.header.as_str()))?;
    let mut record = Vec::with_capacity(table.columns.len());
    for row in &table.rows {
        record.clear();
        record.extend(row.iter().map(|value| style.text(value)));
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// `table` to the file `path` as CSV in `lang`'s style, replacing it.
pub fn write_csv(table: &Table, path: &Path, lang: Lang) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::create(path).map_err(io)?;
    let out = std::io::BufWriter::new(file);
    write_csv_to(table, out, CsvStyle::for_lang(lang)).map_err(io)
}

/// Where a table of a several-table CSV export goes: `folder/<table key>.csv`.
pub fn csv_file_name(folder: &Path, table: &Table) -> PathBuf {
    folder.join(format!("{}.csv", table.kind.key()))
}

/// One table to the file `out`; several into the folder `out` (created when missing), one
/// `<table>.csv` each. Returns the files written.
pub fn write_csv_tables(
    tables: &[Table],
    out: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>, ExportError> {
    if let [table] = tables {
        write_csv(table, out, lang)?;
        return Ok(vec![out.to_owned()]);
    }
    std::fs::create_dir_all(out).map_err(|source| ExportError::Io {
        path: out.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for table in tables {
        let path = csv_file_name(out, table);
        write_csv(table, &path, lang)?;
        written.push(path);
    }
    Ok(written)
}
