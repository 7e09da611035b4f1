//! The programme's months as offsets from its start, and the half-month slots and weekdays
//! when training sessions take place.

use jiff::civil::{Date, Weekday};
use rand::RngExt;

use crate::model::Month;

use super::random::DemoRng;

#[derive(Debug, Clone, Copy)]
pub(super) struct Calendar {
    pub start: Month,
    pub end: Month,
}

/// Half a month: sessions in one slot fall on days 1–13 (first half) or 14–28 (second half),
/// so two sessions in the same month never share a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub month: Month,
    pub second_half: bool,
}

/// Offices run on skeleton staff in August; sessions skip it when the programme has room.
const AUGUST: u32 = 8;
const MIN_SLOTS_BEFORE_SKIPPING_AUGUST: usize = 12;

impl Calendar {
    /// Number of months in the programme.
    pub fn len(&self) -> i32 {
        self.end.months_since(self.start) + 1
    }

    /// Offset of the last month.
    pub fn last(&self) -> i32 {
        self.len() - 1
    }

    pub fn month(&self, offset: i32) -> Month {
        self.start.plus(offset)
    }

    pub fn offset(&self, month: Month) -> i32 {
        month.months_since(self.start)
    }

    /// `offset` moved inside the programme.
    pub fn clamp(&self, offset: i32) -> i32 {
        offset.clamp(0, self.last())
    }

    /// Every half-month of the programme in order, without August when there are enough.
    pub fn session_slots(&self) -> Vec<Slot> {
        let all: Vec<Slot> = self
            .start
            .through(self.end)
            .flat_map(|month| [false, true].map(|second_half| Slot { month, second_half }))
            .collect();
        let without_august: Vec<Slot> = all
            .iter()
            .copied()
            .filter(|slot| slot.month.month() != AUGUST)
            .collect();
        if without_august.len() >= MIN_SLOTS_BEFORE_SKIPPING_AUGUST {
            without_august
        } else {
            all
        }
    }
}

/// Italy's fixed-date national holidays (month, day): no session falls on them.
const HOLIDAYS: [(i8, i8); 10] = [
    (1, 1),
    (1, 6),
    (4, 25),
    (5, 1),
    (6, 2),
    (8, 15),
    (11, 1),
    (12, 8),
    (12, 25),
    (12, 26),
];

/// Days of the month each half spans.
const FIRST_HALF: (i8, i8) = (1, 13);
const SECOND_HALF: (i8, i8) = (14, 28);

/// A working day inside `slot`: Monday to Friday and not a national holiday.
pub(super) fn weekday_in(rng: &mut DemoRng, slot: Slot) -> Date {
    let (first, last) = if slot.second_half {
        SECOND_HALF
    } else {
        FIRST_HALF
    };
    let date = |day: i8| jiff::civil::date(slot.month.year() as i16, slot.month.month() as i8, day);
    let is_working_day = |day: i8| {
        let date = date(day);
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !HOLIDAYS.contains(&(date.month(), date.day()))
    };
    let wanted = rng.random_range(first..=last);
    // The nearest working day to the one drawn; a half-month always has several.
    (0..=last - first)
        .flat_map(|distance| [wanted + distance, wanted - distance])
        .find(|day| (first..=last).contains(day) && is_working_day(*day))
        .map_or_else(|| date(wanted), date)
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    fn m(year: i32, month: u32) -> Month {
        Month::new(year, month).unwrap()
    }

    #[test]
    fn slots_skip_august_only_when_the_programme_is_long_enough() {
        let two_years = Calendar {
            start: m(2025, 1),
            end: m(2026, 12),
        };
        assert_eq!(two_years.len(), 24);
        assert_eq!(two_years.session_slots().len(), 44);
        let summer = Calendar {
            start: m(2025, 7),
            end: m(2025, 9),
        };
        assert_eq!(summer.session_slots().len(), 6);
    }

    #[test]
    fn sessions_fall_on_working_days_inside_their_half_month() {
        let mut rng = DemoRng::seed_from_u64(11);
        for month in (0..20).flat_map(|_| m(2025, 1).through(m(2026, 12))) {
            for second_half in [false, true] {
                let date = weekday_in(&mut rng, Slot { month, second_half });
                assert!(!matches!(
                    date.weekday(),
                    Weekday::Saturday | Weekday::Sunday
                ));
                assert!(!HOLIDAYS.contains(&(date.month(), date.day())), "{date}");
                assert_eq!(Month::of_date(date), month);
                assert_eq!(date.day() >= 14, second_half, "{date}");
            }
        }
    }
}
