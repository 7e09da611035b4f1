//! Tests of `identity.rs`, kept beside it so the view's file holds only the view.

use super::*;
use crate::model::{Month, Observation};

#[test]
fn derived_figures_read_as_sentences() {
    let start = Month::new(2025, 1).unwrap();
    let mut partner = Partner::new("Bra", "CN", start);
    partner.headcount = 210;
    partner.smartable = 120;
    assert_eq!(smartable_share(Lang::It, &partner), "57,1% dei dipendenti");
    assert_eq!(adoption(Lang::It, &partner), "nessuna rilevazione finora");
    partner
        .observations
        .set(start.plus(2), Some(Observation::new(28, 6.0)));
    assert_eq!(
        adoption(Lang::It, &partner),
        "23,3% a mar 2025 (28 lavoratori agili)"
    );
    assert_eq!(
        adoption(Lang::En, &partner),
        "23.3% in Mar 2025 (28 smart workers)"
    );
    // One worker is one worker, in both languages.
    partner.smartable = 2;
    partner
        .observations
        .set(start.plus(2), Some(Observation::new(1, 6.0)));
    assert_eq!(
        adoption(Lang::It, &partner),
        "50,0% a mar 2025 (1 lavoratore agile)"
    );
    assert_eq!(
        adoption(Lang::En, &partner),
        "50.0% in Mar 2025 (1 smart worker)"
    );
    partner.headcount = 0;
    assert_eq!(smartable_share(Lang::En, &partner), "—");
}
