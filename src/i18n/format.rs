//! Numbers, money and months written the way each language expects: Italian groups
//! thousands with a dot and writes decimals after a comma (1.234,5; € 1.000; "mar 2026"),
//! English the other way round (1,234.5; €1,000; "Mar 2026").
//!
//! Negative numbers take the typographic minus sign (U+2212) in both languages, so a column
//! of figures keeps its signs the width of a plus. Values that are not numbers (NaN,
//! infinities) print as an em dash, the same mark views use for a missing value.

use super::Lang;
use crate::model::{Cents, Month};

/// What a view prints where there is no value.
pub const MISSING: &str = "—";

const MINUS: char = '\u{2212}';

/// Rounding above this many decimals would overflow the integer arithmetic below, and no
/// figure in the app needs it.
const MAX_DIGITS: usize = 9;

pub(crate) const MONTHS_IT: [&str; 12] = [
    "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
];
pub(crate) const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub(crate) const MONTHS_LONG_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
pub(crate) const MONTHS_LONG_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::It => '.',
        Lang::En => ',',
    }
}

fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::It => ',',
        Lang::En => '.',
    }
}

/// `digits` (ASCII, no sign) with a separator between groups of three.
fn grouped(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The decimal digits of `value`, most significant first, in a stack buffer: the views
/// format numbers every frame, and this keeps a number to one allocation.
fn push_digits(out: &mut String, mut value: u64, width: usize, separator: Option<char>) {
    let mut buffer = [b'0'; 20];
    let mut len = 0;
    while value > 0 || len == 0 {
        buffer[len] = b'0' + (value % 10) as u8;
        value /= 10;
        len += 1;
    }
    let len = len.max(width);
    for i in (0..len).rev() {
        out.push(char::from(buffer[i]));
        if let Some(separator) = separator
            && i > 0
            && i.is_multiple_of(3)
        {
            out.push(separator);
        }
    }
}

/// A finite value rounded and written without its sign.
struct Rounded {
    text: String,
    /// Negative once rounded: −0.04 at one decimal is "0,0", not "−0,0".
    negative: bool,
    zero: bool,
}

/// `None` for NaN and infinities. Rounds half away from zero.
fn rounded(lang: Lang, value: f64, digits: usize) -> Option<Rounded> {
    if !value.is_finite() {
        return None;
    }
    let digits = digits.min(MAX_DIGITS);
    let magnitude = value.abs();
    let scale = 10_u64.pow(digits as u32);
    let scaled = (magnitude * scale as f64).round();
    // Room for the sign and a unit after the number, which the callers add.
    let mut text = String::with_capacity(24);
    let zero;
    // Below 2^63 the scaled value is an integer u64 holds exactly. Beyond, std's formatting
    // (exact, ties to even) is as good as any: f64 has no fractional digits to spare there.
    if scaled < 9.2e18 {
        let scaled = scaled as u64;
        zero = scaled == 0;
        push_digits(
            &mut text,
            scaled / scale,
            1,
            Some(thousands_separator(lang)),
        );
        if digits > 0 {
            text.push(decimal_separator(lang));
            push_digits(&mut text, scaled % scale, digits, None);
        }
    } else {
        // At least 9.2e9 (the scale is at most 1e9): never zero.
        zero = false;
        let formatted = format!("{magnitude:.digits$}");
        let (whole, fraction) = formatted.split_once('.').unwrap_or((&formatted, ""));
        text.push_str(&grouped(whole, thousands_separator(lang)));
        if !fraction.is_empty() {
            text.push(decimal_separator(lang));
            text.push_str(fraction);
        }
    }
    Some(Rounded {
        text,
        negative: value < 0.0 && !zero,
        zero,
    })
}

fn with_sign(negative: bool, mut text: String) -> String {
    if negative {
        text.insert(0, MINUS);
    }
    text
}

/// A whole number: it "1.234.567", en "1,234,567", negative "−1.234".
pub fn integer(lang: Lang, value: i64) -> String {
    let mut text = String::with_capacity(24);
    push_digits(
        &mut text,
        value.unsigned_abs(),
        1,
        Some(thousands_separator(lang)),
    );
    with_sign(value < 0, text)
}

/// A number with `digits` decimals (at most 9): it "1.234,5", en "1,234.5". Rounds half
/// away from zero.
pub fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    match rounded(lang, value, digits) {
        Some(r) => with_sign(r.negative, r.text),
        None => MISSING.to_owned(),
    }
}

/// A percentage given as 0–100: it "24,3%", en "24.3%".
pub fn percent(lang: Lang, value: f64, digits: usize) -> String {
    match rounded(lang, value, digits) {
        Some(r) => {
            let mut text = with_sign(r.negative, r.text);
            text.push('%');
            text
        }
        None => MISSING.to_owned(),
    }
}

/// A change, always signed: "+1,2", "−0,4"; "0" when it rounds to nothing.
pub fn signed(lang: Lang, value: f64, digits: usize) -> String {
    match rounded(lang, value, digits) {
        Some(r) if r.zero => "0".to_owned(),
        Some(r) if r.negative => format!("{MINUS}{}", r.text),
        Some(r) => format!("+{}", r.text),
        None => MISSING.to_owned(),
    }
}

/// The euro sign and a grouped amount: it "€ 1.000", en "€1,000"; negative "−€ 5".
fn euro_amount(lang: Lang, negative: bool, amount: String) -> String {
    let space = match lang {
        Lang::It => " ",
        Lang::En => "",
    };
    with_sign(negative, format!("€{space}{amount}"))
}

/// Money: cents only when the amount is not whole: it "€ 1.000" / "€ 1.000,50",
/// en "€1,000" / "€1,000.50".
pub fn money(lang: Lang, amount: Cents) -> String {
    let cents = amount.0.unsigned_abs();
    let mut text = String::with_capacity(24);
    push_digits(&mut text, cents / 100, 1, Some(thousands_separator(lang)));
    if !cents.is_multiple_of(100) {
        text.push(decimal_separator(lang));
        push_digits(&mut text, cents % 100, 2, None);
    }
    euro_amount(lang, amount.0 < 0, text)
}

/// A computed euro amount, rounded to whole euros in the style of `money`.
pub fn euros(lang: Lang, value: f64) -> String {
    match rounded(lang, value, 0) {
        Some(r) => euro_amount(lang, r.negative, r.text),
        None => MISSING.to_owned(),
    }
}

/// Euros short enough for a KPI card: whole euros below a million, then millions and
/// billions with one decimal: it "€ 113,8 mln" / "€ 2,1 mld", en "€113.8M" / "€2.1B".
pub fn euros_compact(lang: Lang, value: f64) -> String {
    let (scale, it_unit, en_unit) = match value.abs() {
        v if v >= 1e9 => (1e9, " mld", "B"),
        v if v >= 1e6 => (1e6, " mln", "M"),
        _ => return euros(lang, value),
    };
    match rounded(lang, value / scale, 1) {
        Some(r) => {
            let unit = match lang {
                Lang::It => it_unit,
                Lang::En => en_unit,
            };
            euro_amount(lang, r.negative, format!("{}{unit}", r.text))
        }
        None => MISSING.to_owned(),
    }
}

fn month_index(month: Month) -> usize {
    (month.month() as usize).saturating_sub(1).min(11)
}

/// A short month: it "mar 2026", en "Mar 2026".
pub fn month(lang: Lang, month: Month) -> String {
    let names = match lang {
        Lang::It => &MONTHS_IT,
        Lang::En => &MONTHS_EN,
    };
    format!("{} {}", names[month_index(month)], month.year())
}

/// A month in full: it "marzo 2026", en "March 2026".
pub fn month_long(lang: Lang, month: Month) -> String {
    let names = match lang {
        Lang::It => &MONTHS_LONG_IT,
        Lang::En => &MONTHS_LONG_EN,
    };
    format!("{} {}", names[month_index(month)], month.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, It};

    #[test]
    fn integers_group_thousands_the_languages_way() {
        assert_eq!(integer(It, 1_234_567), "1.234.567");
        assert_eq!(integer(En, 1_234_567), "1,234,567");
        assert_eq!(integer(It, 999), "999");
        assert_eq!(integer(It, 1_000), "1.000");
        assert_eq!(integer(En, 100_000), "100,000");
        assert_eq!(integer(It, 0), "0");
        assert_eq!(integer(It, -1_234), "−1.234");
        assert_eq!(integer(En, -7), "−7");
        assert_eq!(integer(En, i64::MIN), "−9,223,372,036,854,775,808");
    }

    #[test]
    fn decimals_swap_comma_and_dot() {
        assert_eq!(decimal(It, 1_234.5, 1), "1.234,5");
        assert_eq!(decimal(En, 1_234.5, 1), "1,234.5");
        assert_eq!(decimal(It, 1_234_567.891, 2), "1.234.567,89");
        assert_eq!(decimal(En, 0.5, 2), "0.50");
        assert_eq!(decimal(It, 3.007, 3), "3,007");
        assert_eq!(decimal(It, 12.0, 0), "12");
        assert_eq!(decimal(It, 0.0, 1), "0,0");
        assert_eq!(decimal(It, -3.25, 1), "−3,3");
        assert_eq!(decimal(En, -1_500.0, 0), "−1,500");
    }

    #[test]
    fn decimals_round_half_away_from_zero() {
        assert_eq!(decimal(En, 2.5, 0), "3");
        assert_eq!(decimal(En, 0.25, 1), "0.3");
        assert_eq!(decimal(En, 1.24, 1), "1.2");
        assert_eq!(decimal(It, 9.96, 1), "10,0");
        assert_eq!(decimal(It, 999.5, 0), "1.000");
        // Rounds to zero: no sign left.
        assert_eq!(decimal(It, -0.04, 1), "0,0");
        assert_eq!(decimal(En, -0.0, 0), "0");
    }

    #[test]
    fn values_that_are_not_numbers_print_a_dash() {
        for lang in Lang::ALL {
            assert_eq!(decimal(lang, f64::NAN, 1), "—");
            assert_eq!(decimal(lang, f64::INFINITY, 1), "—");
            assert_eq!(percent(lang, f64::NEG_INFINITY, 1), "—");
            assert_eq!(signed(lang, f64::NAN, 1), "—");
            assert_eq!(euros(lang, f64::NAN), "—");
        }
    }

    #[test]
    fn huge_values_keep_every_digit_group() {
        assert_eq!(decimal(En, 1e20, 1), "100,000,000,000,000,000,000.0");
        assert_eq!(euros(It, 1e19), "€ 10.000.000.000.000.000.000");
        assert_eq!(decimal(En, 12_345_678_901.5, 9), "12,345,678,901.500000000");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(It, 24.25, 1), "24,3%");
        assert_eq!(percent(En, 24.25, 1), "24.3%");
        assert_eq!(percent(It, 100.0, 0), "100%");
        assert_eq!(percent(En, 0.0, 1), "0.0%");
        assert_eq!(percent(It, -2.5, 1), "−2,5%");
    }

    #[test]
    fn signed_changes() {
        assert_eq!(signed(It, 1.2, 1), "+1,2");
        assert_eq!(signed(En, 1.2, 1), "+1.2");
        assert_eq!(signed(It, -0.4, 1), "−0,4");
        assert_eq!(signed(En, -1_234.0, 0), "−1,234");
        assert_eq!(signed(It, 0.0, 1), "0");
        assert_eq!(signed(En, -0.04, 1), "0");
        assert_eq!(signed(En, 0.05, 1), "+0.1");
        assert_eq!(signed(It, 2_500.0, 0), "+2.500");
    }

    #[test]
    fn money_shows_cents_only_when_not_whole() {
        assert_eq!(money(It, Cents::from_euros(1_000)), "€ 1.000");
        assert_eq!(money(En, Cents::from_euros(1_000)), "€1,000");
        assert_eq!(money(It, Cents(100_050)), "€ 1.000,50");
        assert_eq!(money(En, Cents(100_050)), "€1,000.50");
        assert_eq!(money(It, Cents(5)), "€ 0,05");
        assert_eq!(money(En, Cents(0)), "€0");
        assert_eq!(money(It, Cents::from_euros(-5)), "−€ 5");
        assert_eq!(money(En, Cents(-1_234_567)), "−€12,345.67");
        assert_eq!(money(It, Cents(i64::MIN)), "−€ 92.233.720.368.547.758,08");
    }

    #[test]
    fn euro_amounts_round_to_whole_euros() {
        assert_eq!(euros(It, 18_700.0), "€ 18.700");
        assert_eq!(euros(En, 18_700.49), "€18,700");
        assert_eq!(euros(En, 18_700.5), "€18,701");
        assert_eq!(euros(It, 0.0), "€ 0");
        assert_eq!(euros(It, -1_250.0), "−€ 1.250");
        assert_eq!(euros(En, -0.4), "€0");
    }

    #[test]
    fn large_amounts_read_in_millions_and_billions() {
        assert_eq!(euros_compact(It, 329_130.0), "€ 329.130");
        assert_eq!(euros_compact(It, 113_791_924.0), "€ 113,8 mln");
        assert_eq!(euros_compact(En, 113_791_924.0), "€113.8M");
        assert_eq!(euros_compact(It, 2_140_000_000.0), "€ 2,1 mld");
        assert_eq!(euros_compact(En, -1_500_000.0), "−€1.5M");
        assert_eq!(euros_compact(It, f64::NAN), "—");
    }

    #[test]
    fn every_month_in_both_languages() {
        let short_it: Vec<String> = (1..=12)
            .map(|m| month(It, Month::new(2026, m).expect("a valid month")))
            .collect();
        assert_eq!(
            short_it,
            [
                "gen 2026", "feb 2026", "mar 2026", "apr 2026", "mag 2026", "giu 2026", "lug 2026",
                "ago 2026", "set 2026", "ott 2026", "nov 2026", "dic 2026",
            ]
        );
        let short_en: Vec<String> = (1..=12)
            .map(|m| month(En, Month::new(2026, m).expect("a valid month")))
            .collect();
        assert_eq!(
            short_en,
            [
                "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026",
                "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026",
            ]
        );
        let march = Month::new(2026, 3).expect("a valid month");
        assert_eq!(month_long(It, march), "marzo 2026");
        assert_eq!(month_long(En, march), "March 2026");
        let long_it: Vec<String> = (1..=12)
            .map(|m| month_long(It, Month::new(2025, m).expect("a valid month")))
            .collect();
        assert_eq!(long_it[0], "gennaio 2025");
        assert_eq!(long_it[7], "agosto 2025");
        assert_eq!(long_it[11], "dicembre 2025");
        let december = Month::new(1999, 12).expect("a valid month");
        assert_eq!(month_long(En, december), "December 1999");
    }
}
