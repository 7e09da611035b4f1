//! The adoption plot's points, built once per model revision and borrowed by the plot every
//! frame. Up to `MAX_PARTNER_LINES` partners each get a line; beyond that the plot shows
//! the consortium, the partners' median and P10–P90 band, and only the selected partners,
//! so the points (and the rebuild on a selection change) depend on the selection too.

use std::collections::BTreeSet;

use egui_plot::{ItemId, PlotPoint};

use crate::analysis::dashboard::AdoptionView;
use crate::model::{PartnerId, Project};
use crate::ui::Selection;

/// More partners than this and their lines become a band: a room cannot read more.
pub const MAX_PARTNER_LINES: usize = 12;
/// At most this many selected partners are drawn over the band.
pub const MAX_HIGHLIGHTED: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlotMode {
    /// One line per partner.
    #[default]
    EveryPartner,
    /// Consortium, median, P10–P90 band and the selected partners.
    Aggregate,
}

impl PlotMode {
    pub fn for_partners(count: usize) -> PlotMode {
        if count > MAX_PARTNER_LINES {
            PlotMode::Aggregate
        } else {
            PlotMode::EveryPartner
        }
    }
}

/// One partner's line.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSeries {
    pub partner: PartnerId,
    /// The plot item's id: stable across renames, unique even when two Comuni share a name.
    pub item: ItemId,
    pub name: String,
    /// Which palette colour the line takes.
    pub color_index: usize,
    pub points: Vec<PlotPoint>,
}

/// A stretch of consecutive months where the band is known.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BandRun {
    pub months: Vec<f64>,
    pub p10: Vec<f64>,
    pub p90: Vec<f64>,
}

/// What the cache was built from.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    revision: u64,
    /// The selection, in aggregate mode only (every partner's line is drawn anyway
    /// otherwise, and the selection only changes line widths).
    selection: Option<BTreeSet<PartnerId>>,
}

#[derive(Debug, Default)]
pub struct AdoptionSeries {
    key: Option<Key>,
    pub mode: PlotMode,
    /// x is the month's index in the programme, y the percentage.
    pub consortium: Vec<PlotPoint>,
    pub median: Vec<PlotPoint>,
    pub band: Vec<BandRun>,
    /// Every partner in `partner_order` (every-partner mode), or the selected ones up to
    /// `MAX_HIGHLIGHTED` (aggregate mode).
    pub partners: Vec<PartnerSeries>,
    /// How many partners are selected (aggregate mode), to say when some are left out.
    pub selected: usize,
    /// Number of rebuilds, for tests of the cache.
    rebuilds: u64,
}

/// What a partner line's id is hashed from (`Line::id` hashes its argument).
pub fn partner_item_source(partner: &PartnerId) -> (&'static str, &str) {
    ("overview_adoption_partner", partner.as_str())
}

/// The id of a partner's line.
pub fn partner_item(partner: &PartnerId) -> ItemId {
    ItemId::new(partner_item_source(partner))
}

impl AdoptionSeries {
    /// Rebuilds the points if the project or (in aggregate mode) the selection changed
    /// since the last call; otherwise does nothing.
    pub fn refresh(
        &mut self,
        revision: u64,
        project: &Project,
        adoption: &AdoptionView,
        partner_order: &[PartnerId],
        selection: &Selection,
    ) {
        let mode = PlotMode::for_partners(partner_order.len());
        let current = self.key.as_ref().is_some_and(|key| {
            key.revision == revision
                && match (&key.selection, mode) {
                    (None, PlotMode::EveryPartner) => true,
                    (Some(selected), PlotMode::Aggregate) => *selected == selection.partners,
                    _ => false,
                }
        });
        if current {
            return;
        }
        self.rebuild(mode, project, adoption, partner_order, selection);
        self.key = Some(Key {
            revision,
            selection: (mode == PlotMode::Aggregate).then(|| selection.partners.clone()),
        });
    }

    fn rebuild(
        &mut self,
        mode: PlotMode,
        project: &Project,
        adoption: &AdoptionView,
        partner_order: &[PartnerId],
        selection: &Selection,
    ) {
        self.rebuilds += 1;
        self.mode = mode;
        self.consortium = points(&adoption.consortium);
        self.partners.clear();
        self.median.clear();
        self.band.clear();
        self.selected = 0;
        let shown: Box<dyn Iterator<Item = &PartnerId>> = match mode {
            PlotMode::EveryPartner => Box::new(partner_order.iter()),
            PlotMode::Aggregate => {
                self.median = adoption
                    .band
                    .iter()
                    .enumerate()
                    .filter_map(|(month, band)| {
                        band.map(|band| PlotPoint::new(month as f64, band.p50))
                    })
                    .collect();
                self.band = band_runs(adoption);
                self.selected = selection.partners.len();
                Box::new(
                    partner_order
                        .iter()
                        .filter(|id| selection.contains(id))
                        .take(MAX_HIGHLIGHTED),
                )
            }
        };
        for (color_index, id) in shown.enumerate() {
            let name = project
                .partners
                .get(id)
                .map_or_else(|| id.as_str().to_owned(), |partner| partner.name.clone());
            let series = adoption
                .partners
                .get(id)
                .map(|values| points(values))
                .unwrap_or_default();
            self.partners.push(PartnerSeries {
                partner: id.clone(),
                item: partner_item(id),
                name,
                color_index,
                points: series,
            });
        }
    }

    /// The partner whose line has this plot item id.
    pub fn partner_of(&self, item: ItemId) -> Option<&PartnerId> {
        self.partners
            .iter()
            .find(|series| series.item == item)
            .map(|series| &series.partner)
    }

    #[cfg(test)]
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }
}

/// The known months of a monthly series; the line joins across a month without a value.
fn points(values: &[Option<f64>]) -> Vec<PlotPoint> {
    values
        .iter()
        .enumerate()
        .filter_map(|(month, value)| {
            value
                .filter(|value| value.is_finite())
                .map(|value| PlotPoint::new(month as f64, value))
        })
        .collect()
}

/// The band split where it is unknown, so no area is drawn across a gap.
fn band_runs(adoption: &AdoptionView) -> Vec<BandRun> {
    let mut runs = Vec::new();
    let mut run = BandRun::default();
    for (month, band) in adoption.band.iter().enumerate() {
        match band {
            Some(band) => {
                run.months.push(month as f64);
                run.p10.push(band.p10);
                run.p90.push(band.p90);
            }
            None if run.months.is_empty() => {}
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    if !run.months.is_empty() {
        runs.push(run);
    }
    runs
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::analysis::dashboard::Band;
    use crate::model::{Month, Partner};

    /// A project of `count` partners `p00`, `p01`, … each with adoption 10 × its number
    /// in month 1 and nothing in month 0.
    fn fixture(count: usize) -> (Project, AdoptionView, Vec<PartnerId>) {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("Test", start, start.plus(2));
        let mut partners = BTreeMap::new();
        let mut order = Vec::new();
        for i in 0..count {
            let id = PartnerId::new(format!("p{i:02}"));
            project
                .partners
                .insert(id.clone(), Partner::new(format!("Comune {i}"), "CN", start));
            partners.insert(id.clone(), vec![None, Some(10.0 * i as f64), None]);
            order.push(id);
        }
        let band = Band {
            p10: 5.0,
            p50: 20.0,
            p90: 40.0,
        };
        let adoption = AdoptionView {
            consortium: vec![None, Some(21.0), Some(22.0)],
            band: vec![Some(band), None, Some(band)],
            partners,
        };
        (project, adoption, order)
    }

    fn select(ids: &[&str]) -> Selection {
        Selection {
            partners: ids.iter().map(|id| PartnerId::new(*id)).collect(),
            focus: None,
        }
    }

    #[test]
    fn up_to_twelve_partners_each_get_a_line() {
        let (project, adoption, order) = fixture(12);
        let mut series = AdoptionSeries::default();
        series.refresh(1, &project, &adoption, &order, &Selection::default());
        assert_eq!(series.mode, PlotMode::EveryPartner);
        assert_eq!(series.partners.len(), 12);
        assert!(series.band.is_empty() && series.median.is_empty());
        // Month 0 is unknown: the line starts in month 1.
        assert_eq!(series.partners[3].points, vec![PlotPoint::new(1.0, 30.0)]);
        assert_eq!(series.partners[3].name, "Comune 3");
        assert_eq!(
            series.consortium,
            vec![PlotPoint::new(1.0, 21.0), PlotPoint::new(2.0, 22.0)]
        );
    }

    #[test]
    fn thirteen_partners_become_a_band_plus_the_selected_ones() {
        let (project, adoption, order) = fixture(13);
        let mut series = AdoptionSeries::default();
        series.refresh(1, &project, &adoption, &order, &select(&["p07", "p02"]));
        assert_eq!(series.mode, PlotMode::Aggregate);
        let shown: Vec<&str> = series.partners.iter().map(|s| s.partner.as_str()).collect();
        assert_eq!(shown, ["p02", "p07"], "selected partners, in partner order");
        assert_eq!(
            series.median,
            vec![PlotPoint::new(0.0, 20.0), PlotPoint::new(2.0, 20.0)]
        );
        // The unknown month 1 splits the band in two.
        assert_eq!(series.band.len(), 2);
        assert_eq!(series.band[1].months, vec![2.0]);
        assert_eq!(series.band[1].p90, vec![40.0]);
    }

    #[test]
    fn a_large_selection_is_capped() {
        let (project, adoption, order) = fixture(40);
        let all: Vec<String> = order.iter().map(|id| id.as_str().to_owned()).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let mut series = AdoptionSeries::default();
        series.refresh(1, &project, &adoption, &order, &select(&all));
        assert_eq!(series.partners.len(), MAX_HIGHLIGHTED);
        assert_eq!(series.selected, 40);
    }

    #[test]
    fn points_are_rebuilt_only_when_the_project_or_the_drawn_selection_changes() {
        let (project, adoption, order) = fixture(8);
        let mut series = AdoptionSeries::default();
        series.refresh(1, &project, &adoption, &order, &Selection::default());
        series.refresh(1, &project, &adoption, &order, &select(&["p01"]));
        assert_eq!(
            series.rebuilds(),
            1,
            "every line is drawn: selection needs no rebuild"
        );
        series.refresh(2, &project, &adoption, &order, &select(&["p01"]));
        assert_eq!(series.rebuilds(), 2, "a new revision rebuilds");

        let (project, adoption, order) = fixture(20);
        let mut series = AdoptionSeries::default();
        series.refresh(5, &project, &adoption, &order, &select(&["p01"]));
        series.refresh(5, &project, &adoption, &order, &select(&["p01"]));
        assert_eq!(series.rebuilds(), 1);
        series.refresh(5, &project, &adoption, &order, &select(&["p01", "p02"]));
        assert_eq!(series.rebuilds(), 2, "the selected lines changed");
        assert_eq!(series.partners.len(), 2);
    }

    #[test]
    fn a_line_click_finds_its_partner() {
        let (project, adoption, order) = fixture(3);
        let mut series = AdoptionSeries::default();
        series.refresh(1, &project, &adoption, &order, &Selection::default());
        let p01 = PartnerId::new("p01");
        assert_eq!(series.partner_of(partner_item(&p01)), Some(&p01));
        assert_eq!(series.partner_of(ItemId::new("something else")), None);
    }
}
