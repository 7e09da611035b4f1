//! Which partners the training chart shows: every partner when they fit, otherwise the ten
//! with the highest completion, the ten with the lowest and the selected ones in between.
//! The ranking is computed once per model revision; picking the rows costs only the size
//! of the selection.

use std::collections::HashMap;

use crate::analysis::Training;
use crate::model::PartnerId;
use crate::ui::Selection;

/// Up to this many partners, every one gets a bar.
pub const SHOW_ALL_UP_TO: usize = 20;
/// With more partners: this many at the top and at the bottom…
pub const EDGE: usize = 10;
/// …and at most this many selected partners between them.
pub const MAX_SELECTED: usize = 10;

#[derive(Debug, Default)]
pub struct Ranking {
    revision: Option<u64>,
    /// Partners with someone enrolled and their completion (percent), highest first;
    /// ties keep `partner_order`.
    pub ranked: Vec<(PartnerId, f64)>,
    /// Where each ranked partner stands in `ranked`.
    position: HashMap<PartnerId, usize>,
    /// Partners with nobody enrolled (no completion rate), left out of the chart.
    pub unenrolled: usize,
}

/// The rows to draw, as indexes into `Ranking::ranked` from top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub indexes: Vec<usize>,
    /// True when only some partners are shown.
    pub subset: bool,
}

impl Ranking {
    pub fn refresh(&mut self, revision: u64, training: &Training, partner_order: &[PartnerId]) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.ranked.clear();
        self.unenrolled = 0;
        for id in partner_order {
            match training
                .partners
                .get(id)
                .and_then(|totals| totals.completion.rate())
                .filter(|rate| rate.is_finite())
            {
                Some(rate) => self.ranked.push((id.clone(), rate * 100.0)),
                None => self.unenrolled += 1,
            }
        }
        // Stable: equal rates stay in partner order.
        self.ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.position = self
            .ranked
            .iter()
            .enumerate()
            .map(|(index, (id, _))| (id.clone(), index))
            .collect();
    }

    pub fn rows(&self, selection: &Selection) -> Rows {
        let count = self.ranked.len();
        if count <= SHOW_ALL_UP_TO {
            return Rows {
                indexes: (0..count).collect(),
                subset: false,
            };
        }
        let middle = EDGE..count - EDGE;
        let mut selected: Vec<usize> = selection
            .partners
            .iter()
            .filter_map(|id| self.position.get(id).copied())
            .filter(|index| middle.contains(index))
            .collect();
        selected.sort_unstable();
        selected.truncate(MAX_SELECTED);
        let mut indexes: Vec<usize> = (0..EDGE).collect();
        indexes.extend(selected);
        indexes.extend(middle.end..count);
        Rows {
            indexes,
            subset: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::analysis::{Completion, TrainingTotals};

    /// Partners `p00`, `p01`, … where partner i has `completed` = i of 100 enrolled; the
    /// ids listed in `unenrolled` have nobody enrolled.
    fn training(count: usize, unenrolled: &[usize]) -> (Training, Vec<PartnerId>) {
        let mut partners = BTreeMap::new();
        let mut order = Vec::new();
        for i in 0..count {
            let id = PartnerId::new(format!("p{i:02}"));
            let enrolled = if unenrolled.contains(&i) { 0 } else { 100 };
            let completion = Completion {
                enrolled,
                completed: if enrolled == 0 { 0 } else { i as i64 },
            };
            partners.insert(
                id.clone(),
                TrainingTotals {
                    completion,
                    person_hours: 0.0,
                    headcount: 10,
                },
            );
            order.push(id);
        }
        let training = Training {
            partners,
            modules: BTreeMap::new(),
            areas: BTreeMap::new(),
            consortium: TrainingTotals::default(),
        };
        (training, order)
    }

    fn ids(ranking: &Ranking, rows: &Rows) -> Vec<String> {
        rows.indexes
            .iter()
            .map(|&i| ranking.ranked[i].0.as_str().to_owned())
            .collect()
    }

    #[test]
    fn few_partners_all_show_highest_first_without_the_unenrolled() {
        let (training, order) = training(5, &[3]);
        let mut ranking = Ranking::default();
        ranking.refresh(1, &training, &order);
        let rows = ranking.rows(&Selection::default());
        assert_eq!(ids(&ranking, &rows), ["p04", "p02", "p01", "p00"]);
        assert!(!rows.subset);
        assert_eq!(ranking.unenrolled, 1);
        assert_eq!(ranking.ranked[0].1, 4.0, "4 of 100 completed is 4%");
    }

    #[test]
    fn many_partners_show_top_ten_selected_and_bottom_ten() {
        let (training, order) = training(50, &[]);
        let mut ranking = Ranking::default();
        ranking.refresh(1, &training, &order);
        let selection = Selection {
            // p25 is in the middle; p45 is already in the top ten; p99 does not exist.
            partners: ["p25", "p45", "p99"]
                .into_iter()
                .map(PartnerId::new)
                .collect(),
            focus: None,
        };
        let rows = ranking.rows(&selection);
        assert!(rows.subset);
        let shown = ids(&ranking, &rows);
        assert_eq!(shown.len(), 21);
        assert_eq!(shown[0], "p49");
        assert_eq!(shown[9], "p40");
        assert_eq!(shown[10], "p25");
        assert_eq!(shown[11], "p09");
        assert_eq!(shown[20], "p00");
    }

    #[test]
    fn the_ranking_is_kept_until_the_revision_changes() {
        let (training, order) = training(3, &[]);
        let mut ranking = Ranking::default();
        ranking.refresh(7, &training, &order);
        let (other, other_order) = self::training(4, &[]);
        ranking.refresh(7, &other, &other_order);
        assert_eq!(ranking.ranked.len(), 3, "same revision: cached");
        ranking.refresh(8, &other, &other_order);
        assert_eq!(ranking.ranked.len(), 4);
    }
}
