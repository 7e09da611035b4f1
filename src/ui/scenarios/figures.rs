//! What the Scenarios view draws from: the baseline's and the active scenario's projections
//! with their comparison, computed by the app (once per revision and scenario, off the UI
//! thread for large projects) and lent to the view each frame.

use std::sync::Arc;

use crate::analysis::projection::{Backtest, Comparison, Projection};
use crate::model::{Month, PartnerId, ScenarioId};

/// Months after the last observation at which the comparison table reads adopters.
pub const COMPARE_AFTER: [i32; 4] = [6, 12, 18, 24];

/// At most this many partners get a small plot of their own: a screen (or a room) reads no
/// more, and each one's band costs a sort of its draws every month.
pub const MAX_MULTIPLES: usize = 12;

#[derive(Debug, Clone)]
pub struct ScenarioFigures {
    pub baseline: Arc<Projection>,
    /// The active scenario's projection; `None` when the project has no scenario.
    pub scenario: Option<Arc<Projection>>,
    pub comparison: Option<Comparison>,
    /// The project's other scenarios, when the view overlays them (consortium only), in id
    /// order.
    pub others: Vec<(ScenarioId, Arc<Projection>)>,
    /// The project revision the figures were computed from.
    pub revision: u64,
    /// The scenario the figures were computed for.
    pub scenario_id: Option<ScenarioId>,
    /// The partners drawn as small multiples, the selected ones first (their bands are
    /// computed).
    pub partners_shown: Vec<PartnerId>,
    /// The scenario picked now: while a large project's new figures are computed, it may
    /// differ from `scenario_id`.
    pub active: Option<ScenarioId>,
    /// Newer figures are being computed; these are the latest ready.
    pub updating: bool,
    /// Past forecasts of the baseline against what was observed (computed with the baseline).
    pub backtest: Option<Arc<Backtest>>,
}

impl ScenarioFigures {
    /// Whether the scenario figures shown belong to the scenario picked.
    pub fn shows_active(&self) -> bool {
        self.scenario_id == self.active
    }
}

/// The months the comparison table reads, `COMPARE_AFTER` months after `anchor`.
pub fn compare_months(anchor: Month) -> Vec<Month> {
    COMPARE_AFTER.iter().map(|&n| anchor.plus(n)).collect()
}

/// The partners given small plots: the selected ones (in list order), then the others in
/// list order, at most `MAX_MULTIPLES`; ids no longer in `exists` are skipped.
pub fn partners_to_show(
    order: &[PartnerId],
    selected: &std::collections::BTreeSet<PartnerId>,
    exists: impl Fn(&PartnerId) -> bool,
) -> Vec<PartnerId> {
    let first = order.iter().filter(|id| selected.contains(*id));
    let rest = order.iter().filter(|id| !selected.contains(*id));
    first
        .chain(rest)
        .filter(|id| exists(id))
        .take(MAX_MULTIPLES)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selected_partners_come_first_and_the_list_is_capped() {
        let order: Vec<PartnerId> = (0..20)
            .map(|i| PartnerId::new(format!("p{i:02}")))
            .collect();
        let selected = [PartnerId::new("p15"), PartnerId::new("p03")].into();
        let shown = partners_to_show(&order, &selected, |id| id.as_str() != "p01");
        let ids: Vec<&str> = shown.iter().map(PartnerId::as_str).collect();
        assert_eq!(
            ids,
            [
                "p03", "p15", "p00", "p02", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11"
            ]
        );
    }

    #[test]
    fn comparison_months_count_from_the_last_observation() {
        let anchor = Month::new(2026, 11).unwrap();
        let months = compare_months(anchor);
        assert_eq!(months[0], Month::new(2027, 5).unwrap());
        assert_eq!(months[3], Month::new(2028, 11).unwrap());
    }
}
