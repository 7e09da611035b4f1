//! A scenario's figures as every surface reads them (the Scenarios view today; slides,
//! reports and exports next): the baseline's and one scenario's projections with their
//! comparison, computed by the app once per revision and scenario (off the UI thread for
//! large projects) and lent to whatever draws them.

use std::sync::Arc;

use super::projection::{Backtest, Comparison, PartnerBands, Projection, ProjectionSettings};
use crate::model::{Month, PartnerId, Project, ScenarioId};

/// Months after the last observation at which the comparison table reads adopters.
pub const COMPARE_AFTER: [i32; 4] = [6, 12, 18, 24];

/// At most this many partners of a large project get a band of their own (and a small plot
/// in the Scenarios view): a screen (or a room) reads no more, and each band costs a sort of
/// its draws every month.
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
    /// Past forecasts of the baseline against what was observed (computed with the baseline).
    pub backtest: Option<Arc<Backtest>>,
}

/// What a surface needs projected. Surfaces declare it; the app computes it whether or not
/// the Scenarios view is drawn.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectionNeeds {
    /// The scenario projected beside the baseline (`None`: the baseline alone).
    pub scenario: Option<ScenarioId>,
    /// The partners whose own bands are drawn; on a project of at most `MAX_MULTIPLES`
    /// partners every partner has one anyway.
    pub partner_bands: Vec<PartnerId>,
    /// The project's other scenarios too (consortium only), for an overlay.
    pub others: bool,
}

impl ProjectionNeeds {
    /// The needs as computed for `project`: the band list is empty when every partner gets
    /// a band, so needs that differ only in which partners of a small project are shown
    /// are the same computation.
    pub fn normalised(mut self, project: &Project) -> ProjectionNeeds {
        if project.partners.len() <= MAX_MULTIPLES {
            self.partner_bands.clear();
        }
        self
    }
}

/// The settings figures are projected with: the engine's defaults, with partner bands only
/// for the partners named when there are more than `MAX_MULTIPLES`.
pub fn projection_settings(partner_count: usize, banded: &[PartnerId]) -> ProjectionSettings {
    let mut settings = ProjectionSettings::default();
    if partner_count > MAX_MULTIPLES {
        settings.partner_bands = PartnerBands::Only(banded.iter().cloned().collect());
    }
    settings
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
