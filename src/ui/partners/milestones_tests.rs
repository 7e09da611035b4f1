//! Tests of `milestones.rs`, kept beside it so the view's file holds only the view.

use super::*;

fn month(year: i32, month: u32) -> Month {
    Month::new(year, month).unwrap()
}

fn dates(planned: Option<Month>, actual: Option<Month>) -> MilestoneDates {
    MilestoneDates { planned, actual }
}

#[test]
fn status_counts_the_months_of_delay() {
    let as_of = month(2026, 6);
    let status = |planned, actual| Status::of(&dates(planned, actual), as_of);
    assert_eq!(
        status(Some(month(2026, 1)), Some(month(2026, 4))),
        Status::ReachedLate(3)
    );
    assert_eq!(status(Some(month(2025, 11)), None), Status::Overdue(7));
    assert_eq!(
        status(Some(month(2026, 4)), Some(month(2026, 4))),
        Status::Reached
    );
    assert_eq!(status(None, Some(month(2026, 2))), Status::Reached);
    assert_eq!(status(Some(month(2026, 9)), None), Status::Upcoming);
    // Planned for the figures' month itself: not late yet.
    assert_eq!(status(Some(as_of), None), Status::Upcoming);
    assert_eq!(status(None, None), Status::Unplanned);
}

#[test]
fn status_words_agree_in_number() {
    assert_eq!(Status::Overdue(1).text(Lang::It), "In ritardo di 1 mese");
    assert_eq!(Status::Overdue(7).text(Lang::It), "In ritardo di 7 mesi");
    assert_eq!(
        Status::ReachedLate(2).text(Lang::It),
        "Raggiunta con 2 mesi di ritardo"
    );
    assert_eq!(Status::Overdue(1).text(Lang::En), "1 month late");
    assert_eq!(
        Status::ReachedLate(3).text(Lang::En),
        "Reached 3 months late"
    );
}
