//! The months axis of the plots: x counts months from the programme's start, marks fall on
//! whole months (quarters, years or decades as the zoom allows, Januaries strongest) and read
//! as "giu 2027".

use egui_plot::{GridInput, GridMark};

use crate::i18n::{Lang, format};
use crate::model::{Month, YEAR_RANGE};

/// The month at x = `value`, if `value` is a whole month a calendar can name.
pub fn month_at(start: Month, value: f64) -> Option<Month> {
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || rounded.abs() > 12.0 * 2000.0 {
        return None;
    }
    let month = start.plus(rounded as i32);
    YEAR_RANGE.contains(&month.year()).then_some(month)
}

/// "giu 2027" at a whole month, nothing between months.
pub fn month_label(lang: Lang, start: Month, value: f64) -> String {
    month_at(start, value).map_or_else(String::new, |month| format::month(lang, month))
}

/// Grid marks on whole months: the smallest step the spacing allows among months,
/// quarters, half-years, years, five and fifty years.
pub fn month_marks(input: GridInput, start: Month) -> Vec<GridMark> {
    // (smallest step, the three levels drawn), in months.
    const LEVELS: [(i64, [i64; 3]); 6] = [
        (1, [1, 3, 12]),
        (3, [3, 12, 60]),
        (6, [6, 12, 60]),
        (12, [12, 60, 120]),
        (60, [60, 120, 600]),
        (600, [600, 1200, 6000]),
    ];
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high < low {
        return Vec::new();
    }
    let Some(&(smallest, levels)) = LEVELS
        .iter()
        .find(|(smallest, _)| *smallest as f64 >= input.base_step_size)
    else {
        return Vec::new();
    };
    if (high - low) / smallest as f64 > 2000.0 {
        return Vec::new();
    }
    // Months counted from January of year 0, so multiples of 12 are Januaries.
    let offset = i64::from(start.year()) * 12 + i64::from(start.month()) - 1;
    let first = ((low + offset as f64) / smallest as f64).ceil() as i64 * smallest;
    let last = (high + offset as f64).floor() as i64;
    (first..=last)
        .step_by(smallest as usize)
        .map(|absolute| {
            let step = levels
                .iter()
                .rev()
                .copied()
                .find(|level| absolute % level == 0)
                .unwrap_or(smallest);
            GridMark {
                value: (absolute - offset) as f64,
                step_size: step as f64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_whole_months_from_the_start() {
        let start = Month::new(2025, 1).unwrap();
        assert_eq!(month_label(Lang::It, start, 29.0), "giu 2027");
        assert_eq!(month_label(Lang::En, start, 29.0), "Jun 2027");
        assert_eq!(month_label(Lang::It, start, 29.5), "");
    }

    #[test]
    fn marks_fall_on_quarters_with_januaries_strongest() {
        let start = Month::new(2025, 11).unwrap();
        let marks = month_marks(
            GridInput {
                bounds: (0.0, 8.0),
                base_step_size: 2.0,
            },
            start,
        );
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        // Jan, Apr, Jul 2026 are months 2, 5 and 8 of a programme starting in November.
        assert_eq!(values, [2.0, 5.0, 8.0]);
        assert_eq!(marks[0].step_size, 12.0);
        assert_eq!(marks[1].step_size, 3.0);
    }

    #[test]
    fn axis_labels_name_whole_months_only() {
        let start = Month::new(2025, 1).unwrap();
        assert_eq!(month_label(Lang::It, start, 14.0), "mar 2026");
        assert_eq!(month_label(Lang::En, start, 14.0), "Mar 2026");
        assert_eq!(month_label(Lang::It, start, 14.5), "");
        assert_eq!(month_label(Lang::It, start, 1e12), "");
    }

    #[test]
    fn grid_marks_fall_on_months_with_januaries_strongest() {
        // A programme starting in November 2025, zoomed so a month is the smallest step.
        let start = Month::new(2025, 11).unwrap();
        let marks = month_marks(
            GridInput {
                bounds: (-0.5, 5.5),
                base_step_size: 0.5,
            },
            start,
        );
        let values: Vec<f64> = marks.iter().map(|mark| mark.value).collect();
        assert_eq!(values, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        // Index 2 is January 2026, index 5 is April (a quarter).
        let steps: Vec<f64> = marks.iter().map(|mark| mark.step_size).collect();
        assert_eq!(steps, [1.0, 1.0, 12.0, 1.0, 1.0, 3.0]);
    }

    #[test]
    fn zoomed_out_grids_use_quarters_and_stay_bounded() {
        let start = Month::new(2025, 1).unwrap();
        let marks = month_marks(
            GridInput {
                bounds: (0.0, 24.0),
                base_step_size: 2.0,
            },
            start,
        );
        let values: Vec<f64> = marks.iter().map(|mark| mark.value).collect();
        assert_eq!(values, [0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0]);
        let far = month_marks(
            GridInput {
                bounds: (-1e9, 1e9),
                base_step_size: 1.0,
            },
            start,
        );
        assert!(far.is_empty());
    }
}
