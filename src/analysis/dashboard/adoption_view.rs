//! Adoption as the overview plots it: percentages, and the band across partners that stands
//! in for thousands of lines.

use super::{AdoptionView, Band};
use crate::analysis::Adoption;

/// Fewer partners than this make no band: a percentile of two values says nothing.
const MIN_BAND_PARTNERS: usize = 3;

/// Takes the series of `analysis::adoption` over (no copy of the per-partner vectors).
pub(super) fn adoption_view(adoption: Adoption) -> AdoptionView {
    let consortium = adoption
        .consortium
        .of_smartable
        .iter()
        .map(|share| share.map(|share| share * 100.0))
        .collect();
    // One column of known values per month, for the percentiles.
    let mut columns: Vec<Vec<f64>> = adoption
        .consortium
        .reporting
        .iter()
        .map(|&n| Vec::with_capacity(n))
        .collect();
    let partners = adoption
        .partners
        .into_iter()
        .map(|(id, series)| {
            let mut values = series.of_smartable;
            for (value, column) in values.iter_mut().zip(&mut columns) {
                if let Some(value) = value {
                    *value *= 100.0;
                    column.push(*value);
                }
            }
            (id, values)
        })
        .collect();
    AdoptionView {
        consortium,
        band: columns.iter_mut().map(|column| band(column)).collect(),
        partners,
    }
}

/// P10, P50 and P90 of `values` (reordered in the process); `None` with too few values.
fn band(values: &mut [f64]) -> Option<Band> {
    (values.len() >= MIN_BAND_PARTNERS).then(|| Band {
        p10: percentile(values, 0.1),
        p50: percentile(values, 0.5),
        p90: percentile(values, 0.9),
    })
}

/// The `p`-quantile (0–1) of non-empty `values`, interpolating linearly between order
/// statistics (numpy's default, R type 7). Selection rather than a full sort: linear time,
/// which matters with thousands of partners × 60 months.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    let h = (values.len() - 1) as f64 * p;
    let below = h.floor() as usize;
    let fraction = h - below as f64;
    let (_, &mut low, above) = values.select_nth_unstable_by(below, f64::total_cmp);
    match above.iter().copied().min_by(f64::total_cmp) {
        Some(high) if fraction > 0.0 => low + fraction * (high - low),
        _ => low,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::adoption;
    use crate::analysis::fixture::{observe, partner, project};
    use crate::model::{PartnerId, Project};

    /// Jan–Mar 2025, five partners of 100 smartable staff each (smart workers per month):
    /// a: 10, 10, –   b: 40, 20, –   c: 20, 40, 30   d: 50, –, –   e: 30, –, –
    /// and f, observed every month but with no smartable staff (no share, so no band member).
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-03");
        let rows: [(&str, &[Option<i64>]); 5] = [
            ("a", &[Some(10), Some(10)]),
            ("b", &[Some(40), Some(20)]),
            ("c", &[Some(20), Some(40), Some(30)]),
            ("d", &[Some(50)]),
            ("e", &[Some(30)]),
        ];
        for (name, counts) in rows {
            let mut comune = partner(name, 200, 10, 100);
            for (month, count) in ["2025-01", "2025-02", "2025-03"].iter().zip(counts) {
                if let Some(count) = count {
                    observe(&mut comune, month, *count, 4.0);
                }
            }
            p.partners.insert(name.into(), comune);
        }
        let mut f = partner("f", 10, 1, 0);
        for month in ["2025-01", "2025-02", "2025-03"] {
            observe(&mut f, month, 0, 0.0);
        }
        p.partners.insert("f".into(), f);
        p
    }

    #[track_caller]
    fn assert_band(band: Option<Band>, expected: (f64, f64, f64)) {
        let band = band.expect("a band");
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(band.p10, expected.0)
                && close(band.p50, expected.1)
                && close(band.p90, expected.2),
            "{band:?}, expected {expected:?}"
        );
    }

    #[test]
    fn band_percentiles_interpolate_between_partners() {
        let view = adoption_view(adoption(&consortium()));
        // January, 5 values 10 20 30 40 50: h = 0.4, 2, 3.6.
        assert_band(view.band[0], (14.0, 30.0, 46.0));
        // February, 3 values 10 20 40: h = 0.2, 1, 1.8.
        assert_band(view.band[1], (12.0, 20.0, 36.0));
        // March: c alone (f has no share).
        assert_eq!(view.band[2], None);
    }

    #[test]
    fn series_are_percentages_of_smartable_staff() {
        let view = adoption_view(adoption(&consortium()));
        assert_eq!(
            view.partners[&PartnerId::from("b")],
            [Some(40.0), Some(20.0), None]
        );
        assert_eq!(view.partners[&PartnerId::from("f")], [None, None, None]);
        // January: 150 of 500; February: 70 of 300 (f adds no smartable staff).
        let jan = view.consortium[0].expect("January is observed");
        assert!((jan - 30.0).abs() < 1e-9);
        let feb = view.consortium[1].expect("February is observed");
        assert!((feb - 70.0 / 3.0).abs() < 1e-9);
        let mar = view.consortium[2].expect("March is observed");
        assert!((mar - 30.0).abs() < 1e-9);
    }

    #[test]
    fn percentile_of_equal_values_and_of_the_extremes() {
        assert_eq!(percentile(&mut [7.0, 7.0, 7.0], 0.9), 7.0);
        assert_eq!(percentile(&mut [3.0, 1.0, 2.0], 0.0), 1.0);
        assert_eq!(percentile(&mut [3.0, 1.0, 2.0], 1.0), 3.0);
        assert_eq!(percentile(&mut [5.0], 0.5), 5.0);
    }
}
