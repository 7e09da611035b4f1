//! Values read from cells. A CSV gives text in whatever convention the office uses; XLSX
//! and ODS give typed cells. Each reader here takes either and says why it refuses.
//!
//! Numbers in text are read without knowing the file's language, Italian first:
//! - with both `.` and `,` the last one is the decimal mark (`1.049,90`, `1,049.90`);
//! - with one kind repeated, it groups thousands (`1.234.567`, `1,234,567`);
//! - a lone `,` is the decimal mark (`1049,9`: Italian offices write it so);
//! - a lone `.` followed by exactly three digits groups thousands (`1.049` is 1049), any other
//!   lone `.` is a decimal mark (`12.5`).
//!
//! `€`, `EUR` and spaces are dropped; a trailing `%` is kept as a flag, and the field decides:
//! indicator values are stored in the unit the indicator names, so `44,2%` is 44.2 for a
//! "%" indicator, while counts, days, hours and money refuse a percentage.

use jiff::civil::Date;

use super::cell::Cell;
use super::normalise::normalise;
use crate::i18n::format::{MONTHS_EN, MONTHS_IT, MONTHS_LONG_EN, MONTHS_LONG_IT};
use crate::model::{Cents, Month};

/// Why a cell's value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// An error cell (`#DIV/0!`) as the spreadsheet shows it.
    ErrorCell(String),
    NotANumber,
    NotAWholeNumber,
    Negative,
    /// A percentage where a count, hours or money were expected.
    Percent,
    /// Money with fractions of a cent.
    TooManyDecimals,
    NotADate,
    NotAMonth,
    NotYesNo,
    /// A number outside what the field can hold (survey scores are 1–5).
    OutOfRange {
        min: String,
        max: String,
    },
}

/// A number read from a cell, with whether it was written as a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

/// The days between the spreadsheet epoch (30 December 1899, as Excel and Calc count) and
/// 1 January 1970. Serials are days since the epoch.
const SERIAL_UNIX_OFFSET: i64 = 25_569;
/// Serials read as dates: 1 January 1950 to 31 December 2149, so a count of 12 is never
/// taken for a day in 1900.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 18_264.0..=91_311.0;

/// The cell as text, trimmed; `None` when empty. Numbers print without a trailing `.0`.
pub fn text(cell: &Cell) -> Option<String> {
    let text = match cell {
        Cell::Empty => return None,
        Cell::Text(text) => text.trim().to_owned(),
        Cell::Number(value) => number_text(*value),
        Cell::Bool(value) => value.to_string(),
        Cell::Date(date) => date.to_string(),
        Cell::DateTime(datetime) => datetime.date().to_string(),
        Cell::Error(error) => error.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

/// A number as a person writes it, for messages and codes read from number cells
/// (an ISTAT code typed as a number, `4029`).
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Whether text is an error value as Excel or Calc show it (`#DIV/0!`, `#N/D`, `Err:502`),
/// which a CSV export writes as text.
pub fn is_error_text(text: &str) -> bool {
    const ERRORS: [&str; 14] = [
        "#DIV/0!", "#N/A", "#N/D", "#VALUE!", "#VALORE!", "#REF!", "#RIF!", "#NAME?", "#NOME?",
        "#NUM!", "#NULL!", "#NULLO!", "#SPILL!", "#CALC!",
    ];
    let text = text.trim();
    if !text.starts_with('#') && !text.starts_with("Err:") {
        return false;
    }
    ERRORS.iter().any(|e| e.eq_ignore_ascii_case(text))
        || text
            .strip_prefix("Err:")
            .is_some_and(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the cell holds nothing (or only spaces).
pub fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(text) => text.trim().is_empty(),
        _ => false,
    }
}

pub fn number(cell: &Cell) -> Result<Option<Number>, ValueError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(value) if value.is_finite() => Ok(Some(Number {
            value: *value,
            percent: false,
        })),
        Cell::Bool(value) => Ok(Some(Number {
            value: if *value { 1.0 } else { 0.0 },
            percent: false,
        })),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) if is_error_text(text) => {
            Err(ValueError::ErrorCell(text.trim().to_owned()))
        }
        Cell::Text(text) => parse_number(text).map(Some),
        Cell::Error(error) => Err(ValueError::ErrorCell(error.to_string())),
        _ => Err(ValueError::NotANumber),
    }
}

/// A number that is not a percentage.
pub fn plain_number(cell: &Cell) -> Result<Option<f64>, ValueError> {
    match number(cell)? {
        Some(Number { percent: true, .. }) => Err(ValueError::Percent),
        Some(Number { value, .. }) => Ok(Some(value)),
        None => Ok(None),
    }
}

/// A number ≥ 0 (hours, days).
pub fn non_negative(cell: &Cell) -> Result<Option<f64>, ValueError> {
    match plain_number(cell)? {
        Some(value) if value < 0.0 => Err(ValueError::Negative),
        other => Ok(other),
    }
}

/// A whole number ≥ 0 (counts of people, quantities). Formula results a hair off a whole
/// number (`11.9999999997`) are rounded.
pub fn count(cell: &Cell) -> Result<Option<i64>, ValueError> {
    let Some(value) = plain_number(cell)? else {
        return Ok(None);
    };
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || rounded.abs() > 9.0e15 {
        return Err(ValueError::NotAWholeNumber);
    }
    if rounded < 0.0 {
        return Err(ValueError::Negative);
    }
    Ok(Some(rounded as i64))
}

/// Euros to cents: `€ 1.049,90`, `1049.9`, a number cell. Refused below zero or with
/// fractions of a cent.
pub fn money(cell: &Cell) -> Result<Option<Cents>, ValueError> {
    let Some(euros) = plain_number(cell)? else {
        return Ok(None);
    };
    if euros < 0.0 {
        return Err(ValueError::Negative);
    }
    let cents = (euros * 100.0).round();
    if (cents - euros * 100.0).abs() > 1e-4 || cents > 9.0e15 {
        return Err(ValueError::TooManyDecimals);
    }
    Ok(Some(Cents(cents as i64)))
}

/// A score of the staff survey, on its 1–5 scale.
pub fn score(cell: &Cell) -> Result<Option<f64>, ValueError> {
    match plain_number(cell)? {
        Some(value) if !crate::model::SURVEY_SCALE.contains(&value) => {
            Err(ValueError::OutOfRange {
                min: "1".into(),
                max: "5".into(),
            })
        }
        other => Ok(other),
    }
}

/// Yes or no: a boolean cell, `sì`/`no`, `completato`/`non completato`, `yes`, `1`/`0`, `x`.
pub fn yes_no(cell: &Cell) -> Result<Option<bool>, ValueError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Bool(value) => Ok(Some(*value)),
        Cell::Number(value) if *value == 1.0 => Ok(Some(true)),
        Cell::Number(value) if *value == 0.0 => Ok(Some(false)),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) => parse_yes_no(text).map(Some).ok_or(ValueError::NotYesNo),
        Cell::Error(error) => Err(ValueError::ErrorCell(error.to_string())),
        _ => Err(ValueError::NotYesNo),
    }
}

const YES: [&str; 19] = [
    "si",
    "s",
    "yes",
    "y",
    "true",
    "vero",
    "1",
    "x",
    "ok",
    "completato",
    "completata",
    "completo",
    "concluso",
    "conclusa",
    "superato",
    "idoneo",
    "idonea",
    "completed",
    "passed",
];
const NO: [&str; 18] = [
    "no",
    "n",
    "false",
    "falso",
    "0",
    "non completato",
    "non completata",
    "incompleto",
    "ritirato",
    "ritirata",
    "assente",
    "in corso",
    "non superato",
    "interrotto",
    "non idoneo",
    "not completed",
    "failed",
    "withdrawn",
];

fn parse_yes_no(text: &str) -> Option<bool> {
    let text = normalise(text);
    if YES.contains(&text.as_str()) {
        Some(true)
    } else if NO.contains(&text.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A calendar date: a date cell, a serial number, `dd/mm/yyyy` (also with `-` or `.`),
/// `yyyy-mm-dd`, or a date and time whose time is dropped.
pub fn date(cell: &Cell) -> Result<Option<Date>, ValueError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(date) => Ok(Some(*date)),
        Cell::DateTime(datetime) => Ok(Some(datetime.date())),
        Cell::Number(serial) => serial_date(*serial).map(Some).ok_or(ValueError::NotADate),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) if is_error_text(text) => {
            Err(ValueError::ErrorCell(text.trim().to_owned()))
        }
        Cell::Text(text) => parse_date(text).map(Some).ok_or(ValueError::NotADate),
        Cell::Error(error) => Err(ValueError::ErrorCell(error.to_string())),
        Cell::Bool(_) => Err(ValueError::NotADate),
    }
}

/// A month: a date cell or serial (its month: Calc turns a typed `gen 2025` into
/// 01/01/2025), `gen 2025`, `gennaio 2025`, `Jan 2025`, `January 2025`, `01/2025`,
/// `2025-01`, `2025/01`, two-digit years (`gen 25`, `01/25`), or a whole date in text.
pub fn month(cell: &Cell) -> Result<Option<Month>, ValueError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) if is_error_text(text) => {
            Err(ValueError::ErrorCell(text.trim().to_owned()))
        }
        Cell::Text(text) => parse_month(text)
            .or_else(|| parse_date(text).map(Month::of_date))
            .map(Some)
            .ok_or(ValueError::NotAMonth),
        Cell::Error(error) => Err(ValueError::ErrorCell(error.to_string())),
        Cell::Bool(_) => Err(ValueError::NotAMonth),
        other => match date(other) {
            Ok(found) => Ok(found.map(Month::of_date)),
            Err(_) => Err(ValueError::NotAMonth),
        },
    }
    .and_then(|month| match month {
        Some(month) if !crate::model::YEAR_RANGE.contains(&month.year()) => {
            Err(ValueError::NotAMonth)
        }
        other => Ok(other),
    })
}

fn serial_date(serial: f64) -> Option<Date> {
    if !SERIAL_RANGE.contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64 - SERIAL_UNIX_OFFSET;
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.checked_add(jiff::Span::new().days(days)).ok()
}

fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    // A date and time written out (`2025-03-15 00:00:00`, `15/03/2025 09:30`).
    let text = text.split_whitespace().next().unwrap_or(text);
    let text = text.split('T').next().unwrap_or(text);
    let [a, b, c] = split_exact(text)?;
    let numbers = |x: &str| x.chars().all(|c| c.is_ascii_digit()) && !x.is_empty();
    if !(numbers(a) && numbers(b) && numbers(c)) {
        return None;
    }
    let (year, month, day) = if a.len() == 4 {
        (a, b, c)
    } else if c.len() == 4 || c.len() == 2 {
        (c, b, a)
    } else {
        return None;
    };
    let year = i16::try_from(full_year(year)?).ok()?;
    if !crate::model::YEAR_RANGE.contains(&i32::from(year)) {
        return None;
    }
    Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()
}

fn parse_month(text: &str) -> Option<Month> {
    let text = text.trim();
    if let Some([a, b]) = split_exact(text).map(|parts| parts.map(str::trim))
        && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
    {
        let (year, month) = if a.len() == 4 { (a, b) } else { (b, a) };
        if month.is_empty() || month.len() > 2 {
            return None;
        }
        return Month::new(full_year(year)?, month.parse().ok()?);
    }
    // Words: `gen 2025`, `gennaio 2025`, `Jan-2025`, `gen-25`. Without a letter there is
    // no month name (a whole date such as `01/03/2025`, read next as a date).
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let words = normalise(text);
    let (name, year) = words.rsplit_once(' ')?;
    let index = month_index(name)?;
    Month::new(full_year(year)?, index + 1)
}

/// A year of four digits, or of two as Calc and Excel read them by default: `00`–`29` are
/// 2000–2029, `30`–`99` are 1930–1999 (sheets formatted `gg/mm/aa` or `mmm aa` export so).
fn full_year(text: &str) -> Option<i32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(year),
        2 if year < 30 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

fn month_index(name: &str) -> Option<u32> {
    [&MONTHS_IT, &MONTHS_LONG_IT, &MONTHS_EN, &MONTHS_LONG_EN]
        .into_iter()
        // The month names are plain ASCII: no need to normalise them for every cell.
        .find_map(|names| {
            names
                .iter()
                .position(|candidate| candidate.eq_ignore_ascii_case(name))
        })
        .map(|index| index as u32)
}

/// `text` split at `/`, `-` or `.` into exactly `N` parts.
fn split_exact<const N: usize>(text: &str) -> Option<[&str; N]> {
    let mut pieces = text.split(['/', '-', '.']);
    let mut parts = [""; N];
    for part in &mut parts {
        *part = pieces.next()?;
    }
    pieces.next().is_none().then_some(parts)
}

/// The numbers most cells of a large file hold, read without the copies the general rules
/// make: digits alone (`12`), or digits, one decimal comma and digits (`4,5`). The text
/// given to the float parser is the one the general rules would give it, so the value is
/// the same to the last bit.
fn simple_number(text: &str) -> Option<f64> {
    const LONGEST: usize = 24;
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > LONGEST {
        return None;
    }
    let mut normal = [0u8; LONGEST];
    let mut comma = None;
    for (at, &byte) in bytes.iter().enumerate() {
        normal[at] = match byte {
            b'0'..=b'9' => byte,
            b',' if comma.is_none() => {
                comma = Some(at);
                b'.'
            }
            _ => return None,
        };
    }
    if comma.is_some_and(|at| at == 0 || at + 1 == bytes.len()) {
        return None;
    }
    std::str::from_utf8(&normal[..bytes.len()])
        .ok()?
        .parse()
        .ok()
}

fn parse_number(text: &str) -> Result<Number, ValueError> {
    match simple_number(text.trim()) {
        Some(value) => Ok(Number {
            value,
            percent: false,
        }),
        None => parse_any_number(text),
    }
}

/// A number by the rules in the module comment.
fn parse_any_number(text: &str) -> Result<Number, ValueError> {
    let mut cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '€' | '\''))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if cleaned.contains(['E', 'e']) {
        for currency in ["EUR", "eur", "Eur"] {
            cleaned = cleaned.replace(currency, "");
        }
    }
    let percent = cleaned.ends_with('%');
    if percent {
        cleaned.pop();
    }
    // Accounting negatives: `(1.000,00)`.
    if cleaned.starts_with('(') && cleaned.ends_with(')') && cleaned.len() > 2 {
        cleaned = format!("-{}", &cleaned[1..cleaned.len() - 1]);
    }
    let normal = decimal_form(&cleaned).ok_or(ValueError::NotANumber)?;
    let value: f64 = normal.parse().map_err(|_| ValueError::NotANumber)?;
    if !value.is_finite() {
        return Err(ValueError::NotANumber);
    }
    Ok(Number { value, percent })
}

/// `text` with grouping removed and a `.` decimal mark, by the rules in the module comment.
fn decimal_form(text: &str) -> Option<String> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let sign = if text.starts_with('-') { "-" } else { "" };
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (group, mark) = match (dots, commas) {
        (0, 0) => return Some(format!("{sign}{body}")),
        (_, 0) if dots > 1 => ('.', None),
        (0, _) if commas > 1 => (',', None),
        (1, 0) => {
            let after = body.rsplit('.').next().unwrap_or_default();
            if after.len() == 3 && !body.starts_with('0') && body.len() <= 7 {
                ('.', None)
            } else {
                (',', Some('.'))
            }
        }
        (0, 1) => ('.', Some(',')),
        _ => {
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            if last_comma > last_dot {
                ('.', Some(','))
            } else {
                (',', Some('.'))
            }
        }
    };
    let (whole, fraction) = match mark {
        Some(mark) => {
            let (whole, fraction) = body.rsplit_once(mark)?;
            (whole, Some(fraction))
        }
        None => (body, None),
    };
    if whole.contains(mark.unwrap_or(' ')) || fraction.is_some_and(|f| f.contains(group)) {
        return None;
    }
    if whole.contains(group) && !grouped_properly(whole, group) {
        return None;
    }
    let digits = whole.replace(group, "");
    Some(match fraction {
        Some(fraction) => format!("{sign}{digits}.{fraction}"),
        None => format!("{sign}{digits}"),
    })
}

/// `1.234.567`: one to three digits, then groups of exactly three.
fn grouped_properly(whole: &str, group: char) -> bool {
    let mut parts = whole.split(group);
    let first = parts.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && parts.all(|part| part.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Cell {
        Cell::Text(text.into())
    }

    fn m(year: i32, month: u32) -> Month {
        Month::new(year, month).unwrap()
    }

    #[test]
    fn the_quick_reading_of_plain_numbers_agrees_with_the_general_rules() {
        let texts = [
            "0",
            "7",
            "12",
            "007",
            "4,5",
            "0,125",
            "1049,90",
            "123456789012345678901234",
            "3,14159265358979323846",
        ];
        for text in texts {
            let quick = simple_number(text).expect(text);
            let general = parse_any_number(text).expect(text);
            assert_eq!(quick.to_bits(), general.value.to_bits(), "{text}");
        }
        // Everything else is left to the general rules.
        for text in [
            "", ",5", "5,", "1.049", "4.5", "1,2,3", "-3", "12%", "1 000", "€5",
        ] {
            assert_eq!(simple_number(text), None, "{text}");
        }
    }

    #[test]
    fn italian_and_english_numbers() {
        let read = |text| plain_number(&t(text)).unwrap().unwrap();
        assert_eq!(read("1.049,90"), 1049.9);
        assert_eq!(read("1,049.90"), 1049.9);
        assert_eq!(read("1049,9"), 1049.9);
        assert_eq!(read("€ 1.049,90"), 1049.9);
        assert_eq!(read("1.049,90 €"), 1049.9);
        assert_eq!(read("1.234.567"), 1_234_567.0);
        assert_eq!(read("1,234,567"), 1_234_567.0);
        assert_eq!(read("1.049"), 1049.0);
        assert_eq!(read("12.5"), 12.5);
        assert_eq!(read("0.125"), 0.125);
        assert_eq!(read("-3,5"), -3.5);
        assert_eq!(read("(1.000,00)"), -1000.0);
        assert_eq!(read(" 12 "), 12.0);
        assert_eq!(read("1 049,90"), 1049.9);
    }

    #[test]
    fn text_that_is_no_number_is_refused() {
        for bad in [
            "abc",
            "12a",
            "1.2.3,4,5",
            "1,2,3.4.5",
            "--1",
            "1..2",
            "12.34.5",
            "%",
        ] {
            assert_eq!(
                plain_number(&t(bad)),
                Err(ValueError::NotANumber),
                "{bad:?}"
            );
        }
        assert_eq!(
            plain_number(&Cell::Error("#DIV/0!".into())),
            Err(ValueError::ErrorCell("#DIV/0!".into()))
        );
        assert_eq!(plain_number(&t("  ")), Ok(None));
        // A CSV export writes error cells as their text.
        assert_eq!(
            plain_number(&t("#DIV/0!")),
            Err(ValueError::ErrorCell("#DIV/0!".into()))
        );
        assert_eq!(
            count(&t("Err:502")),
            Err(ValueError::ErrorCell("Err:502".into()))
        );
    }

    #[test]
    fn percentages_are_flagged_for_the_field_to_decide() {
        assert_eq!(
            number(&t("44,2%")).unwrap().unwrap(),
            Number {
                value: 44.2,
                percent: true
            }
        );
        assert_eq!(count(&t("44%")), Err(ValueError::Percent));
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(count(&t("1.234")), Ok(Some(1234)));
        assert_eq!(count(&Cell::Number(12.0)), Ok(Some(12)));
        assert_eq!(count(&Cell::Number(11.999_999_999_7)), Ok(Some(12)));
        assert_eq!(count(&t("12,5")), Err(ValueError::NotAWholeNumber));
        assert_eq!(count(&t("-3")), Err(ValueError::Negative));
    }

    #[test]
    fn money_in_cents() {
        assert_eq!(money(&t("€ 1.049,90")), Ok(Some(Cents(104_990))));
        assert_eq!(money(&Cell::Number(1049.9)), Ok(Some(Cents(104_990))));
        assert_eq!(money(&t("1,005")), Err(ValueError::TooManyDecimals));
        assert_eq!(money(&t("0,1")), Ok(Some(Cents(10))));
        assert_eq!(money(&t("-5")), Err(ValueError::Negative));
    }

    #[test]
    fn scores_stay_on_their_scale() {
        assert_eq!(score(&t("3,5")), Ok(Some(3.5)));
        assert!(matches!(score(&t("7")), Err(ValueError::OutOfRange { .. })));
    }

    #[test]
    fn outcomes_in_italian_and_english() {
        for yes in [
            "sì",
            "SI",
            "Completato",
            "completata",
            "yes",
            "x",
            "1",
            "vero",
        ] {
            assert_eq!(yes_no(&t(yes)), Ok(Some(true)), "{yes}");
        }
        for no in ["no", "Non completato", "ritirato", "0", "falso", "in corso"] {
            assert_eq!(yes_no(&t(no)), Ok(Some(false)), "{no}");
        }
        assert_eq!(yes_no(&Cell::Bool(true)), Ok(Some(true)));
        assert_eq!(yes_no(&t("forse")), Err(ValueError::NotYesNo));
    }

    #[test]
    fn dates_in_text_cells_and_serials() {
        let day = jiff::civil::date(2025, 3, 15);
        assert_eq!(date(&t("15/03/2025")), Ok(Some(day)));
        assert_eq!(date(&t("15-03-2025")), Ok(Some(day)));
        assert_eq!(date(&t("15.03.2025")), Ok(Some(day)));
        assert_eq!(date(&t("2025-03-15")), Ok(Some(day)));
        assert_eq!(date(&t("2025-03-15 00:00:00")), Ok(Some(day)));
        assert_eq!(date(&Cell::Date(day)), Ok(Some(day)));
        assert_eq!(date(&Cell::DateTime(day.at(9, 30, 0, 0))), Ok(Some(day)));
        // 45731 is 15 March 2025 in Excel's and Calc's count.
        assert_eq!(date(&Cell::Number(45_731.0)), Ok(Some(day)));
        assert_eq!(date(&Cell::Number(12.0)), Err(ValueError::NotADate));
        assert_eq!(date(&t("15/03/25")), Ok(Some(day)), "Calc's gg/mm/aa");
        assert_eq!(date(&t("31/02/2025")), Err(ValueError::NotADate));
        assert_eq!(date(&t("15/03/125")), Err(ValueError::NotADate));
        assert_eq!(date(&t("ieri")), Err(ValueError::NotADate));
    }

    #[test]
    fn months_in_every_office_form() {
        let january = Ok(Some(m(2025, 1)));
        for text in [
            "gen 2025",
            "Gennaio 2025",
            "GEN-2025",
            "gen. 2025",
            "01/2025",
            "1/2025",
            "2025-01",
            "2025/01",
            "Jan 2025",
            "January 2025",
            "15/01/2025",
            "2025-01-31",
            "gen 25",
            "gen-25",
            "01/25",
            "31/01/25",
        ] {
            assert_eq!(month(&t(text)), january, "{text}");
        }
        assert_eq!(month(&Cell::Date(jiff::civil::date(2025, 1, 1))), january);
        assert_eq!(month(&Cell::Number(45_658.0)), january);
        assert_eq!(month(&t("dic 99")), Ok(Some(m(1999, 12))));
        for bad in ["13/2025", "gen 225", "foo 2025", "2025", "1/2/3/4"] {
            assert_eq!(month(&t(bad)), Err(ValueError::NotAMonth), "{bad}");
        }
    }

    #[test]
    fn text_of_number_cells_reads_like_typed_text() {
        assert_eq!(text(&Cell::Number(4029.0)).as_deref(), Some("4029"));
        assert_eq!(text(&Cell::Text("  Bra ".into())).as_deref(), Some("Bra"));
        assert_eq!(text(&Cell::Empty), None);
    }
}
