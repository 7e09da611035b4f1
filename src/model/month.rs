//! A calendar month, the time step of the whole programme.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, stored as months since January of year 0 so that arithmetic and ordering
/// are plain integer operations. Written in files as `"2025-03"`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

/// The years a month may fall in; keeps every month printable as four digits.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2999;

impl Month {
    /// `month` is 1-based (1 = January). Returns `None` outside `YEAR_RANGE` or 1..=12.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if !YEAR_RANGE.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(Month(year * 12 + month as i32 - 1))
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1-based month of the year.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        Month(self.0 + n)
    }

    /// Whole months from `earlier` to `self` (negative when `self` comes first).
    pub fn months_since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    /// Every month from `self` to `last`, both included.
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        (self.0..=last.0).map(Month)
    }

    /// The month a calendar date falls in.
    pub fn of_date(date: jiff::civil::Date) -> Month {
        Month(date.year() as i32 * 12 + date.month() as i32 - 1)
    }

    /// The first day of the month.
    pub fn first_day(self) -> jiff::civil::Date {
        jiff::civil::date(self.year() as i16, self.month() as i8, 1)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Month({self})")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a month written as YYYY-MM between 1900-01 and 2999-12, found \"{0}\"")]
pub struct MonthParseError(pub String);

impl FromStr for Month {
    type Err = MonthParseError;

    fn from_str(text: &str) -> Result<Month, MonthParseError> {
        let error = || MonthParseError(text.to_owned());
        let (year, month) = text.split_once('-').ok_or_else(error)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(error());
        }
        let year: i32 = year.parse().map_err(|_| error())?;
        let month: u32 = month.parse().map_err(|_| error())?;
        Month::new(year, month).ok_or_else(error)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_same_text() {
        let march = Month::new(2025, 3).unwrap();
        assert_eq!(march.to_string(), "2025-03");
        assert_eq!("2025-03".parse::<Month>().unwrap(), march);
    }

    #[test]
    fn arithmetic_crosses_year_boundaries() {
        let november = Month::new(2025, 11).unwrap();
        assert_eq!(november.plus(3), Month::new(2026, 2).unwrap());
        assert_eq!(november.plus(-11), Month::new(2024, 12).unwrap());
        assert_eq!(Month::new(2026, 2).unwrap().months_since(november), 3);
        assert_eq!(november.through(november.plus(2)).count(), 3);
    }

    #[test]
    fn rejects_malformed_months() {
        for bad in [
            "2025-13", "2025-00", "25-03", "2025-3", "2025/03", "", "abcd-ef", "0999-01",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn converts_dates() {
        let date = jiff::civil::date(2025, 7, 18);
        assert_eq!(Month::of_date(date), Month::new(2025, 7).unwrap());
        assert_eq!(
            Month::new(2025, 7).unwrap().first_day(),
            jiff::civil::date(2025, 7, 1)
        );
    }
}
