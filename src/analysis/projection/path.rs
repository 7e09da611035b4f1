//! One deterministic path of the model for given p and q: what calibration fits to the
//! observations, and what measures how a scenario's changes to the past move its starting
//! point.

use super::bass::{ratio, share_of};
use super::drivers::{Conditions, DriverView};
use super::fast_exp::exp;
use crate::model::Month;

/// The months of a path and what the drivers allow in each, computed once per partner and
/// reused by every evaluation of the fit.
#[derive(Debug, Clone)]
pub(crate) struct Course {
    pub first: Month,
    pub conditions: Vec<Conditions>,
}

impl Course {
    /// `first..=last` as `view` sees it, without a floor (the path starts from nobody).
    pub fn new(view: &DriverView<'_>, first: Month, last: Month) -> Course {
        Course {
            first,
            conditions: first.through(last).map(|m| view.conditions(m)).collect(),
        }
    }

    pub fn index(&self, month: Month) -> Option<usize> {
        usize::try_from(month.months_since(self.first))
            .ok()
            .filter(|&i| i < self.conditions.len())
    }
}

/// Adopters at the end of each month of `course`, starting from nobody before its first month,
/// written into `out` (one per month). Each open month is the exact Bass step with imitation
/// q × the month's training factor, then the month's cap.
pub(crate) fn adopters(p: f64, q: f64, potential: f64, course: &Course, out: &mut Vec<f64>) {
    out.clear();
    if potential <= 0.0 {
        out.resize(course.conditions.len(), 0.0);
        return;
    }
    let mut share: f64 = 0.0;
    // The month's decay e^{−(p + q·factor)} changes only with the training factor.
    let mut cached: Option<(f64, f64, f64)> = None;
    for conditions in &course.conditions {
        if conditions.open {
            let (s, decay) = match cached {
                Some((factor, s, decay)) if factor == conditions.imitation => (s, decay),
                _ => {
                    let imitation = q * conditions.imitation;
                    let s = p / imitation;
                    let decay = exp(-(p + imitation));
                    cached = Some((conditions.imitation, s, decay));
                    (s, decay)
                }
            };
            let next = share_of(ratio(share, s) * decay, s);
            share = next.min(conditions.cap / potential);
        }
        out.push(share * potential);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::projection::bass::cumulative;

    fn plain(months: usize) -> Course {
        Course {
            first: Month::new(2025, 1).unwrap(),
            conditions: vec![
                Conditions {
                    open: true,
                    cap: f64::INFINITY,
                    imitation: 1.0,
                };
                months
            ],
        }
    }

    #[test]
    fn an_open_uncapped_path_is_the_closed_form() {
        let mut out = Vec::new();
        adopters(0.03, 0.38, 1000.0, &plain(36), &mut out);
        for (i, value) in out.iter().enumerate() {
            let exact = 1000.0 * cumulative(0.03, 0.38, i as f64 + 1.0);
            assert!(((value - exact) / exact).abs() < 1e-12, "month {i}");
        }
    }

    #[test]
    fn closed_months_hold_and_caps_bind() {
        let mut course = plain(4);
        course.conditions[0].open = false;
        course.conditions[2].cap = 50.0;
        course.conditions[3].cap = 50.0;
        let mut out = Vec::new();
        adopters(0.03, 0.38, 1000.0, &course, &mut out);
        assert_eq!(out[0], 0.0);
        assert!((out[1] - 1000.0 * cumulative(0.03, 0.38, 1.0)).abs() < 1e-9);
        assert_eq!(&out[2..], [50.0, 50.0]);
        assert_eq!(course.index(Month::new(2025, 4).unwrap()), Some(3));
        assert_eq!(course.index(Month::new(2025, 5).unwrap()), None);
    }
}
