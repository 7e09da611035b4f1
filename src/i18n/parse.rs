//! Reading what people type into fields, in the conventions of their language: Italians
//! write `1.234,5` and `€ 1.000`, English speakers `1,234.5` and `€1,000`. Every parser
//! returns `None` for text that is not a value, so a field can mark it instead of guessing.

use super::Lang;
use super::format::{MONTHS_EN, MONTHS_IT, MONTHS_LONG_EN, MONTHS_LONG_IT};
use crate::model::{Cents, Month};

/// A whole number: `1.234` (it), `1,234` (en), spaces and a leading `-`/`−`/`+` allowed.
pub fn integer(lang: Lang, text: &str) -> Option<i64> {
    let value = decimal(lang, text)?;
    (value.fract() == 0.0 && value.abs() < 9.0e15).then_some(value as i64)
}

/// A number with optional decimals. In Italian the comma is the decimal mark and dots group
/// thousands; a lone dot followed by other than three digits (`12.5`) is read as a decimal
/// mark too, since nobody groups thousands that way.
pub fn decimal(lang: Lang, text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let (group, mark) = match lang {
        Lang::It => ('.', ','),
        Lang::En => (',', '.'),
    };
    let normal = if cleaned.contains(mark) {
        cleaned.replace(group, "").replace(mark, ".")
    } else if is_grouped(&cleaned, group) {
        cleaned.replace(group, "")
    } else {
        cleaned.replace(group, ".")
    };
    if !normal
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `1.234.567` style: groups of exactly three digits after the first separator.
fn is_grouped(text: &str, group: char) -> bool {
    let digits = text.trim_start_matches(['-', '+']);
    let mut parts = digits.split(group);
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// An amount of euros, `€` optional, up to two decimals: `€ 1.000,50` (it).
pub fn money(lang: Lang, text: &str) -> Option<Cents> {
    let without_sign = text.replace(['€', '\u{20ac}'], "");
    let euros = decimal(lang, &without_sign)?;
    let cents = (euros * 100.0).round();
    ((cents - euros * 100.0).abs() < 1e-6 && cents.abs() < 9.0e15).then_some(Cents(cents as i64))
}

/// A month as people write it: `mar 2026`, `marzo 2026` (it), `Mar 2026`, `March 2026` (en),
/// `03/2026`, `3/2026` or `2026-03` in either language.
pub fn month(lang: Lang, text: &str) -> Option<Month> {
    let text = text.trim();
    if let Some((year, month)) = text.split_once('-')
        && year.len() == 4
    {
        return numeric_month(year, month);
    }
    if let Some((month, year)) = text.split_once('/') {
        return numeric_month(year, month);
    }
    let (name, year) = text.rsplit_once(char::is_whitespace)?;
    let name = name.trim().trim_end_matches('.').to_lowercase();
    let (short, long) = match lang {
        Lang::It => (&MONTHS_IT, &MONTHS_LONG_IT),
        Lang::En => (&MONTHS_EN, &MONTHS_LONG_EN),
    };
    let index = short
        .iter()
        .chain(long.iter())
        .position(|candidate| candidate.to_lowercase() == name)?;
    Month::new(year.trim().parse().ok()?, (index % 12) as u32 + 1)
}

fn numeric_month(year: &str, month: &str) -> Option<Month> {
    Month::new(year.trim().parse().ok()?, month.trim().parse().ok()?)
}

/// A calendar date: `15/03/2026` (day first, as in Italy and the UK) or `2026-03-15`.
pub fn date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<jiff::civil::Date>() {
        return Some(date);
    }
    let mut parts = text.split(['/', '.']);
    let day: i8 = parts.next()?.trim().parse().ok()?;
    let month: i8 = parts.next()?.trim().parse().ok()?;
    let year: i16 = parts.next()?.trim().parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    jiff::civil::Date::new(year, month, day).ok()
}

/// A date the way `date` reads it back: `15/03/2026`.
pub fn format_date(date: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, It};

    #[test]
    fn italian_numbers_use_a_decimal_comma_and_grouping_dots() {
        assert_eq!(integer(It, "1.234"), Some(1234));
        assert_eq!(integer(It, " 1.234.567 "), Some(1_234_567));
        assert_eq!(decimal(It, "1.234,5"), Some(1234.5));
        assert_eq!(decimal(It, "12,5"), Some(12.5));
        assert_eq!(decimal(It, "12.5"), Some(12.5));
        assert_eq!(integer(It, "\u{2212}5"), Some(-5));
        assert_eq!(integer(It, "12,5"), None);
    }

    #[test]
    fn english_numbers_use_a_decimal_point_and_grouping_commas() {
        assert_eq!(integer(En, "1,234"), Some(1234));
        assert_eq!(decimal(En, "1,234.5"), Some(1234.5));
        assert_eq!(decimal(En, "-0.25"), Some(-0.25));
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in ["", "  ", "abc", "12a", "1.2.3,4,5", "--1", "NaN", "inf"] {
            assert_eq!(decimal(It, text), None, "{text:?}");
        }
    }

    #[test]
    fn money_takes_the_euro_sign_and_two_decimals() {
        assert_eq!(money(It, "€ 1.000,50"), Some(Cents(100_050)));
        assert_eq!(money(En, "€1,000.50"), Some(Cents(100_050)));
        assert_eq!(money(It, "999"), Some(Cents(99_900)));
        assert_eq!(money(It, "1,005"), None);
    }

    #[test]
    fn months_in_words_or_digits() {
        let march = Month::new(2026, 3);
        assert_eq!(month(It, "mar 2026"), march);
        assert_eq!(month(It, "Marzo 2026"), march);
        assert_eq!(month(En, "March 2026"), march);
        assert_eq!(month(It, "03/2026"), march);
        assert_eq!(month(En, "2026-03"), march);
        assert_eq!(month(It, "13/2026"), None);
        assert_eq!(month(It, "foo 2026"), None);
    }

    #[test]
    fn dates_day_first_or_iso() {
        let date = jiff::civil::date(2026, 3, 15);
        assert_eq!(super::date("15/03/2026"), Some(date));
        assert_eq!(super::date("2026-03-15"), Some(date));
        assert_eq!(super::date("31/02/2026"), None);
        assert_eq!(super::date(&format_date(date)), Some(date));
    }
}
