//! Rilevazioni mensili: what each partner observes every month.
//!
//! A partner has up to one observation per month for the whole programme; at national scale
//! that is 7,900 × 60 rows, so the file stores a start month and one short positional row per
//! month (see `observation_rows`) instead of a struct with field names per row.

use serde::{Deserialize, Serialize};

use super::Month;

/// One month's observation for one partner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// Staff who worked agile at least once in the month.
    pub smart_workers: i64,
    /// Average agile days per smart worker in the month (of about 22 working days).
    pub agile_days: f64,
    /// Optional survey scores on a 1–5 scale.
    pub wellbeing: Option<f64>,
    pub work_life_balance: Option<f64>,
    pub belonging: Option<f64>,
}

/// Scores of the optional staff survey are on this scale.
pub const SURVEY_SCALE: std::ops::RangeInclusive<f64> = 1.0..=5.0;

/// Agile days are counted among this many working days per month.
pub const WORKING_DAYS_PER_MONTH: f64 = 22.0;

impl Observation {
    pub fn new(smart_workers: i64, agile_days: f64) -> Observation {
        Observation {
            smart_workers,
            agile_days,
            wellbeing: None,
            work_life_balance: None,
            belonging: None,
        }
    }

    /// The survey scores with their names, for checks and exports.
    pub fn survey_scores(&self) -> [(&'static str, Option<f64>); 3] {
        [
            ("wellbeing", self.wellbeing),
            ("work-life balance", self.work_life_balance),
            ("belonging", self.belonging),
        ]
    }
}

/// A partner's monthly observations: `months[i]` is the observation of `start + i`, `None`
/// where the month was not observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observations {
    pub start: Month,
    #[serde(with = "super::observation_rows")]
    pub months: Vec<Option<Observation>>,
}

impl Observations {
    /// No observations yet; `start` is where the series will begin once filled.
    pub fn empty(start: Month) -> Observations {
        Observations {
            start,
            months: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.months.iter().all(Option::is_none)
    }

    pub fn get(&self, month: Month) -> Option<&Observation> {
        let index = usize::try_from(month.months_since(self.start)).ok()?;
        self.months.get(index)?.as_ref()
    }

    /// The observed months in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (Month, &Observation)> + '_ {
        self.months
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().map(|o| (self.start.plus(i as i32), o)))
    }

    /// The most recent observed month.
    pub fn last(&self) -> Option<(Month, &Observation)> {
        self.iter().next_back()
    }

    /// The most recent observation at or before `month`.
    pub fn latest_at(&self, month: Month) -> Option<(Month, &Observation)> {
        self.iter().rev().find(|(m, _)| *m <= month)
    }

    /// Sets or clears one month, growing the series as needed. Leading and trailing gaps are
    /// trimmed so that equal data always has one representation.
    pub fn set(&mut self, month: Month, observation: Option<Observation>) {
        if self.months.is_empty() {
            self.start = month;
        }
        let offset = month.months_since(self.start);
        if offset < 0 {
            let grow = offset.unsigned_abs() as usize;
            self.months.splice(0..0, std::iter::repeat_n(None, grow));
            self.start = month;
        }
        let index = month.months_since(self.start) as usize;
        if index >= self.months.len() {
            self.months.resize(index + 1, None);
        }
        self.months[index] = observation;
        self.trim();
    }

    fn trim(&mut self) {
        while self.months.last().is_some_and(Option::is_none) {
            self.months.pop();
        }
        let leading = self.months.iter().take_while(|o| o.is_none()).count();
        if leading > 0 && leading < self.months.len() {
            self.months.drain(..leading);
            self.start = self.start.plus(leading as i32);
        } else if leading == self.months.len() {
            self.months.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(year: i32, month: u32) -> Month {
        Month::new(year, month).unwrap()
    }

    #[test]
    fn set_grows_both_ways_and_trims_gaps() {
        let mut series = Observations::empty(m(2025, 1));
        series.set(m(2025, 5), Some(Observation::new(10, 4.0)));
        assert_eq!(series.start, m(2025, 5));
        series.set(m(2025, 3), Some(Observation::new(8, 3.0)));
        assert_eq!(series.start, m(2025, 3));
        assert_eq!(series.months.len(), 3);
        assert_eq!(series.get(m(2025, 4)), None);
        assert_eq!(series.get(m(2025, 5)).unwrap().smart_workers, 10);
        series.set(m(2025, 3), None);
        assert_eq!(series.start, m(2025, 5));
        assert_eq!(series.months.len(), 1);
        series.set(m(2025, 5), None);
        assert!(series.is_empty());
        assert!(series.months.is_empty());
    }

    #[test]
    fn latest_at_looks_back() {
        let mut series = Observations::empty(m(2025, 1));
        series.set(m(2025, 1), Some(Observation::new(1, 1.0)));
        series.set(m(2025, 4), Some(Observation::new(4, 1.0)));
        assert_eq!(series.latest_at(m(2025, 3)).unwrap().0, m(2025, 1));
        assert_eq!(series.latest_at(m(2026, 1)).unwrap().0, m(2025, 4));
        assert_eq!(series.latest_at(m(2024, 12)), None);
        assert_eq!(series.last().unwrap().1.smart_workers, 4);
    }
}
