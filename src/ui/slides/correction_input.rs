//! What the presenter types in the live-correction panel, read the Italian way or the
//! English way: counts of people and hours of a session.

/// A number of people as typed: digits, with thousands separators allowed.
pub fn parse_count(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Hours as typed, with a decimal comma or point; more than zero, at most a working day
/// and a half per session.
pub fn parse_hours(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && value > 0.0 && value <= 12.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_thousands_separators_and_refuse_the_rest() {
        assert_eq!(parse_count(" 1.234 "), Some(1234));
        assert_eq!(parse_count("42"), Some(42));
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count("4,5"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("dieci"), None);
    }

    #[test]
    fn hours_take_a_decimal_comma_within_a_session() {
        assert_eq!(parse_hours("2,5"), Some(2.5));
        assert_eq!(parse_hours("3"), Some(3.0));
        assert_eq!(parse_hours("0"), None);
        assert_eq!(parse_hours("40"), None);
        assert_eq!(parse_hours("x"), None);
    }
}
