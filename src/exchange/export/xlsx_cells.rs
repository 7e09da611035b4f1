//! Typed XLSX cells shared by exports and templates: number formats per column type (Italian
//! month names for Italian, English for English), and values that a sheet cannot hold
//! exactly written as text instead of rounded.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Worksheet, XlsxError};

use super::table::{ColumnType, Value};
use crate::i18n::Lang;

/// Integers beyond this lose digits as a spreadsheet's double; they are written as text.
const EXACT_INTEGER: i64 = 1 << 53;

/// One format per column type, and the header's.
pub struct Formats {
    pub header: Format,
    pub text: Format,
    pub integer: Format,
    pub number: Format,
    pub euro: Format,
    pub percent: Format,
    pub date: Format,
    pub month: Format,
}

impl Formats {
    pub fn new(lang: Lang) -> Formats {
        // The locale tag makes `mmm` print "gen" in Italian whatever the reader's system.
        let locale = match lang {
            Lang::It => "[$-410]",
            Lang::En => "[$-409]",
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(0xDDE6F0)
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new().set_num_format("@"),
            integer: Format::new().set_num_format("#,##0"),
            number: Format::new().set_num_format("General"),
            euro: Format::new().set_num_format("\"€ \"#,##0.00"),
            percent: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            month: Format::new().set_num_format(format!("{locale}mmm yyyy")),
        }
    }

    /// Every format, in a fixed order.
    pub fn all(&self) -> [&Format; 8] {
        [
            &self.header,
            &self.text,
            &self.integer,
            &self.number,
            &self.euro,
            &self.percent,
            &self.date,
            &self.month,
        ]
    }

    pub fn of(&self, ty: ColumnType) -> &Format {
        match ty {
            ColumnType::Text => &self.text,
            ColumnType::Integer => &self.integer,
            ColumnType::Number => &self.number,
            ColumnType::Euro => &self.euro,
            ColumnType::Percent => &self.percent,
            ColumnType::Date => &self.date,
            ColumnType::Month => &self.month,
        }
    }

    /// The same formats, each changed by `change` (templates unlock their data cells).
    pub fn map(&self, change: impl Fn(Format) -> Format) -> Formats {
        Formats {
            header: change(self.header.clone()),
            text: change(self.text.clone()),
            integer: change(self.integer.clone()),
            number: change(self.number.clone()),
            euro: change(self.euro.clone()),
            percent: change(self.percent.clone()),
            date: change(self.date.clone()),
            month: change(self.month.clone()),
        }
    }
}

/// A date a sheet can hold (1900-01-01 to 9999-12-31), or `None`.
pub fn excel_date(year: i16, month: i8, day: i8) -> Option<ExcelDateTime> {
    let year = u16::try_from(year)
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, month as u8, day as u8).ok()
}

/// Where a cell's format comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// Every cell carries its column type's format (templates: unlocked data cells among
    /// locked ones).
    PerCell,
    /// The column carries its type's format (`Worksheet::set_column_format`) and a cell
    /// inherits it; only cells formatted otherwise (a huge integer as text, a percentage in
    /// a mixed column) carry their own. The writer hashes a cell's whole `Format` to find
    /// its style, which was a third of a national export's time.
    ByColumn,
}

/// `value` at (`row`, `col`) with the format of `ty`. Values a sheet cannot hold as they are
/// (huge integers, dates before 1900) are written as text, so nothing is silently changed.
pub fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    ty: ColumnType,
    formats: &Formats,
    styling: Styling,
) -> Result<(), XlsxError> {
    let column_format = formats.of(ty);
    // The format a cell must carry itself: none when the column's applies.
    let own = |format: &'_ Format| -> bool {
        styling == Styling::PerCell || !std::ptr::eq(format, column_format)
    };
    let text = |sheet: &mut Worksheet, text: &str, format: &Format| -> Result<(), XlsxError> {
        if own(format) {
            sheet.write_string_with_format(row, col, text, format)?;
        } else {
            sheet.write_string(row, col, text)?;
        }
        Ok(())
    };
    let number = |sheet: &mut Worksheet, x: f64, format: &Format| -> Result<(), XlsxError> {
        if own(format) {
            sheet.write_number_with_format(row, col, x, format)?;
        } else {
            sheet.write_number(row, col, x)?;
        }
        Ok(())
    };
    let date = |sheet: &mut Worksheet, date: ExcelDateTime| -> Result<(), XlsxError> {
        if own(column_format) {
            sheet.write_datetime_with_format(row, col, date, column_format)?;
        } else {
            sheet.write_datetime(row, col, date)?;
        }
        Ok(())
    };
    match value {
        // An empty cell in a formatted column shows that format already.
        Value::Empty => {
            if own(column_format) {
                sheet.write_blank(row, col, column_format)?;
            }
        }
        Value::Text(value) => text(sheet, value, column_format)?,
        Value::Integer(n) if n.unsigned_abs() <= EXACT_INTEGER as u64 => {
            number(sheet, *n as f64, column_format)?;
        }
        Value::Integer(n) => text(sheet, &n.to_string(), &formats.text)?,
        Value::Number(x) if x.is_finite() => number(sheet, *x + 0.0, column_format)?,
        // A percentage shows as one wherever it stands (a "%" indicator's values share
        // their column with indicators in other units).
        Value::Percent(x) if x.is_finite() => number(sheet, *x + 0.0, &formats.percent)?,
        Value::Number(_) | Value::Percent(_) => {
            if own(column_format) {
                sheet.write_blank(row, col, column_format)?;
            }
        }
        Value::Euro(cents) if cents.0.unsigned_abs() <= EXACT_INTEGER as u64 => {
            number(sheet, cents.euros(), column_format)?;
        }
        Value::Euro(cents) => text(sheet, &cents.to_string(), &formats.text)?,
        Value::Date(day) => match excel_date(day.year(), day.month(), day.day()) {
            Some(cell) => date(sheet, cell)?,
            None => text(sheet, &day.to_string(), &formats.text)?,
        },
        Value::Month(month) => {
            let first = month.first_day();
            match excel_date(first.year(), first.month(), first.day()) {
                Some(cell) => date(sheet, cell)?,
                None => text(sheet, &month.to_string(), &formats.text)?,
            }
        }
    }
    Ok(())
}

/// About how many characters `value` shows as, for column widths.
pub fn shown_width(value: &Value) -> usize {
    match value {
        Value::Empty => 0,
        Value::Text(text) => text.chars().count(),
        // Digits plus thousands separators.
        Value::Integer(n) => {
            let digits = n
                .unsigned_abs()
                .checked_ilog10()
                .map_or(1, |d| d as usize + 1);
            digits + digits.saturating_sub(1) / 3 + usize::from(*n < 0)
        }
        Value::Number(x) => format!("{x}").len().min(16),
        Value::Euro(cents) => cents.to_string().len() + 4,
        Value::Percent(_) => 6,
        Value::Date(_) => 10,
        Value::Month(_) => 8,
    }
}
