//! Derived figures: pure functions of a `Project`, computed in linear passes (no caching
//! here; the app caches them per model revision).
//!
//! Formulas, in one place (each file repeats the detail of its own):
//! - **adoption** of a partner in month m = smart workers(m) / smartable, and
//!   smart workers(m) / headcount; `None` when m is not observed or the denominator is 0.
//!   Consortium adoption in m = Σ smart workers / Σ smartable over the partners observed in m.
//! - **completion** = Σ completed / Σ enrolled, per partner, per module (over the partners
//!   that chose it), per area and for the consortium.
//! - **training hours per employee** = Σ over sessions of hours × attendees / headcount.
//! - **devices** = Σ quantity of device kinds (laptops, tablets) delivered by a month;
//!   **coverage** = devices / smart workers, both at the partner's latest observation;
//!   **spend** = Σ quantity × unit cost, in total and for what was delivered.
//! - **milestones reached** = milestones with an actual month ≤ the as-of month;
//!   **late** = `MilestoneDates::is_late` at the as-of month, as known then.
//!
//! Ratios are `None`, never NaN or infinite, when the denominator is zero or negative
//! (negative counts are validation errors; figures do not guess a meaning for them).

mod adoption;
pub mod dashboard;
mod equipment;
mod milestones;
pub mod projection;
pub mod scenario_figures;
mod summary;
mod training;

#[cfg(test)]
pub(crate) mod fixture;

pub use adoption::{
    Adoption, AdoptionSeries, ConsortiumAdoption, adoption, consortium_adoption, partner_adoption,
};
pub use equipment::{
    Coverage, EquipmentFigures, EquipmentTotals, PartnerEquipment, equipment, partner_equipment,
};
pub use milestones::{
    MilestoneCounts, Milestones, late_milestones, milestones, partner_milestones,
};
pub use summary::{Summary, SummaryRow, summarize};
pub use training::{
    Completion, ModuleTraining, Training, TrainingTotals, delivered_share, partner_training,
    training,
};

use crate::model::{Month, Project};

/// `numerator / denominator`, or `None` when the denominator is not positive.
pub fn ratio(numerator: i64, denominator: i64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// `amount / people`, or `None` when there is nobody to share it.
pub fn per_person(amount: f64, people: i64) -> Option<f64> {
    (people > 0).then(|| amount / people as f64)
}

/// The programme's "today" for figures that need one: the last month any partner observed,
/// or the programme's end when nothing is observed yet (so every recorded delivery and
/// milestone inside the programme counts).
pub fn default_as_of(project: &Project) -> Month {
    project.last_observed_month().unwrap_or(project.meta.end)
}

/// The index of `month` in a series of `len` months starting at `start`.
fn index_in(start: Month, len: usize, month: Month) -> Option<usize> {
    usize::try_from(month.months_since(start))
        .ok()
        .filter(|&i| i < len)
}

/// Number of months of the programme (0 when it ends before it starts).
fn programme_len(project: &Project) -> usize {
    usize::try_from(project.meta.end.months_since(project.meta.start) + 1).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{month, observe, partner, project};

    #[test]
    fn ratios_refuse_empty_denominators() {
        assert_eq!(ratio(3, 4), Some(0.75));
        assert_eq!(ratio(3, 0), None);
        assert_eq!(ratio(3, -2), None);
        assert_eq!(per_person(12.0, 8), Some(1.5));
        assert_eq!(per_person(12.0, 0), None);
    }

    #[test]
    fn as_of_is_the_last_observed_month_or_the_programme_end() {
        let mut p = project("2025-01", "2025-12");
        assert_eq!(default_as_of(&p), month("2025-12"));
        let mut bra = partner("Bra", 10, 1, 5);
        observe(&mut bra, "2025-04", 2, 3.0);
        p.partners.insert("bra".into(), bra);
        let mut alba = partner("Alba", 10, 1, 5);
        observe(&mut alba, "2025-06", 2, 3.0);
        p.partners.insert("alba".into(), alba);
        assert_eq!(default_as_of(&p), month("2025-06"));
    }

    #[test]
    fn programme_length_counts_both_ends() {
        assert_eq!(programme_len(&project("2025-01", "2025-12")), 12);
        assert_eq!(programme_len(&project("2025-03", "2025-03")), 1);
        assert_eq!(programme_len(&project("2025-03", "2025-02")), 0);
        let start = month("2025-01");
        assert_eq!(index_in(start, 12, month("2025-12")), Some(11));
        assert_eq!(index_in(start, 12, month("2026-01")), None);
        assert_eq!(index_in(start, 12, month("2024-12")), None);
    }
}
