//! Money in integer euro cents, so sums never drift.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Mul};

use serde::{Deserialize, Serialize};

/// An amount in euro cents. Written in files as a plain integer (`129900` is € 1,299.00).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    pub fn from_euros(euros: i64) -> Cents {
        Cents(euros * 100)
    }

    pub fn euros(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `self × quantity`, or `None` on overflow (a corrupt quantity must not panic).
    pub fn times(self, quantity: i64) -> Option<Cents> {
        self.0.checked_mul(quantity).map(Cents)
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl Mul<i64> for Cents {
    type Output = Cents;
    fn mul(self, quantity: i64) -> Cents {
        Cents(self.0.saturating_mul(quantity))
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents(0), Add::add)
    }
}

impl fmt::Debug for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cents({})", self.0)
    }
}

/// Plain `1234.56` form, used by machine-readable output; the UI formats money per locale.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_euros_with_two_decimals() {
        assert_eq!(Cents(129_900).to_string(), "1299.00");
        assert_eq!(Cents(-5).to_string(), "-0.05");
        assert_eq!(Cents::from_euros(3).to_string(), "3.00");
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        assert_eq!(Cents(i64::MAX) + Cents(1), Cents(i64::MAX));
        assert_eq!(Cents(i64::MAX) * 2, Cents(i64::MAX));
        assert_eq!(Cents(i64::MAX).times(2), None);
        assert_eq!(Cents(250).times(4), Some(Cents(1000)));
    }
}
