//! What the partners list shows, in which order: one row of figures per partner, built once
//! per revision of the figures, and the displayed order (filtered by the search text, sorted
//! by a column) rebuilt only when the revision, the text or the sort change. A frame then
//! reads a few visible rows by position, whatever the number of partners.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::analysis::dashboard::Dashboard;
use crate::model::{PartnerId, Project};
use crate::ui::search::{fold, matches_words, query_words};

/// A sortable column of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortColumn {
    Name,
    Province,
    Headcount,
    Adoption,
    Completion,
    Late,
}

impl SortColumn {
    pub const ALL: [SortColumn; 6] = [
        SortColumn::Name,
        SortColumn::Province,
        SortColumn::Headcount,
        SortColumn::Adoption,
        SortColumn::Completion,
        SortColumn::Late,
    ];

    /// Names read A to Z at first; figures from the largest, which is what one looks for
    /// (the largest Comuni, the most milestones late).
    pub fn first_descending(self) -> bool {
        !matches!(self, SortColumn::Name | SortColumn::Province)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: SortColumn::Name,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after a click on `column`'s header: the same column reverses, another one
    /// starts in its natural direction.
    pub fn clicked(self, column: SortColumn) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: column.first_descending(),
            }
        }
    }
}

/// One partner's line.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub id: PartnerId,
    pub name: String,
    pub province: String,
    pub headcount: i64,
    /// Smart workers at the last observation / smartable staff, 0–1.
    pub adoption: Option<f64>,
    /// Completed / enrolled over the partner's modules, 0–1.
    pub completion: Option<f64>,
    /// Milestones late at the figures' month.
    pub late: usize,
    /// Name, province and id folded (`fold`), what the search looks in.
    haystack: String,
    /// The name folded, for sorting.
    name_key: String,
}

impl ListRow {
    fn new(id: PartnerId, name: String, province: String) -> ListRow {
        let haystack = fold(&format!("{name}\n{province}\n{id}"));
        let name_key = fold(&name);
        ListRow {
            id,
            name,
            province,
            headcount: 0,
            adoption: None,
            completion: None,
            late: 0,
            haystack,
            name_key,
        }
    }

    /// Whether every word of the (folded) query occurs in the name, province or id.
    fn matches(&self, words: &[String]) -> bool {
        matches_words(&self.haystack, words)
    }
}

/// The rows of a revision and the order they are shown in.
#[derive(Debug, Default)]
pub struct ListRows {
    rows: Vec<ListRow>,
    by_id: HashMap<PartnerId, usize>,
    /// Indices into `rows`, as displayed.
    order: Vec<usize>,
    /// What `rows` was built from.
    rows_revision: Option<u64>,
    /// What `order` was built from: revision, query as typed, sort.
    order_key: Option<(u64, String, Sort)>,
}

impl ListRows {
    /// Rebuilds what changed since the last call; returns whether the displayed order did.
    /// Cheap when nothing did: two comparisons, no allocation.
    pub fn update(
        &mut self,
        revision: u64,
        project: &Project,
        dashboard: &Dashboard,
        query: &str,
        sort: Sort,
    ) -> bool {
        if self.rows_revision != Some(revision) {
            self.rows = build_rows(project, dashboard);
            self.by_id = (self.rows.iter().enumerate())
                .map(|(index, row)| (row.id.clone(), index))
                .collect();
            self.rows_revision = Some(revision);
        }
        let fresh = self
            .order_key
            .as_ref()
            .is_some_and(|(r, q, s)| *r == revision && q == query && *s == sort);
        if fresh {
            return false;
        }
        self.order = display_order(&self.rows, query, sort);
        self.order_key = Some((revision, query.to_owned(), sort));
        true
    }

    /// Rows shown (after the search).
    pub fn shown(&self) -> usize {
        self.order.len()
    }

    /// Every partner's row.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// The `position`-th row shown.
    pub fn row(&self, position: usize) -> Option<&ListRow> {
        self.order
            .get(position)
            .and_then(|&index| self.rows.get(index))
    }

    /// Where `id` is shown, if it is (a scan: call it when the focus changes, not per frame).
    pub fn position(&self, id: &PartnerId) -> Option<usize> {
        let index = *self.by_id.get(id)?;
        self.order.iter().position(|&shown| shown == index)
    }
}

/// One row per partner of the figures, named as in the project (a partner renamed since
/// keeps its new name once the figures catch up), in the figures' name order.
pub fn build_rows(project: &Project, dashboard: &Dashboard) -> Vec<ListRow> {
    let late: HashMap<&PartnerId, usize> = (dashboard.milestones.rows.iter())
        .map(|row| (&row.partner, row.cells.iter().filter(|c| c.late).count()))
        .collect();
    (dashboard.summary.partners.iter())
        .filter_map(|summary| {
            let id = summary.id.clone()?;
            let partner = project.partners.get(&id);
            let name = partner.map_or_else(|| summary.name.clone(), |p| p.name.clone());
            let province = partner.map_or_else(String::new, |p| p.province.clone());
            let mut row = ListRow::new(id, name, province);
            row.headcount = summary.headcount;
            row.adoption = summary.adoption;
            row.completion = summary.completion;
            row.late = late.get(&row.id).copied().unwrap_or(0);
            Some(row)
        })
        .collect()
}

/// Indices of the rows matching `query`, sorted by `sort`. Rows without a figure come last
/// in either direction; ties are broken by name, then id, always A to Z.
pub fn display_order(rows: &[ListRow], query: &str, sort: Sort) -> Vec<usize> {
    let words = query_words(query);
    let mut order: Vec<usize> = (rows.iter().enumerate())
        .filter(|(_, row)| row.matches(&words))
        .map(|(index, _)| index)
        .collect();
    order.sort_by(|&a, &b| compare(&rows[a], &rows[b], sort));
    order
}

fn compare(a: &ListRow, b: &ListRow, sort: Sort) -> Ordering {
    let directed = |ordering: Ordering| {
        if sort.descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    let by_column = match sort.column {
        SortColumn::Name => directed(a.name_key.cmp(&b.name_key)),
        SortColumn::Province => directed(a.province.cmp(&b.province)),
        SortColumn::Headcount => directed(a.headcount.cmp(&b.headcount)),
        SortColumn::Adoption => missing_last(a.adoption, b.adoption, directed),
        SortColumn::Completion => missing_last(a.completion, b.completion, directed),
        SortColumn::Late => directed(a.late.cmp(&b.late)),
    };
    by_column
        .then_with(|| a.name_key.cmp(&b.name_key))
        .then_with(|| a.id.cmp(&b.id))
}

fn missing_last(
    a: Option<f64>,
    b: Option<f64>,
    directed: impl Fn(Ordering) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.total_cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dashboard::dashboard;

    fn row(id: &str, name: &str, province: &str) -> ListRow {
        ListRow::new(PartnerId::new(id), name.to_owned(), province.to_owned())
    }

    /// Four rows with hand-picked figures.
    fn rows() -> Vec<ListRow> {
        let mut mondovi = row("mondovi", "Mondovì", "CN");
        mondovi.headcount = 180;
        mondovi.adoption = Some(0.25);
        mondovi.completion = Some(0.5);
        mondovi.late = 2;
        let mut agata = row("sant-agata", "Sant’Agata de' Goti", "BN");
        agata.headcount = 60;
        agata.adoption = None;
        agata.completion = Some(0.9);
        agata.late = 0;
        let mut alba = row("alba", "alba", "CN");
        alba.headcount = 250;
        alba.adoption = Some(0.4);
        alba.completion = None;
        alba.late = 1;
        let mut ancona = row("an", "Ancona", "AN");
        ancona.headcount = 900;
        ancona.adoption = Some(0.1);
        ancona.completion = Some(0.2);
        ancona.late = 2;
        vec![mondovi, agata, alba, ancona]
    }

    fn names(rows: &[ListRow], query: &str, sort: Sort) -> Vec<String> {
        display_order(rows, query, sort)
            .into_iter()
            .map(|index| rows[index].name.clone())
            .collect()
    }

    fn sort(column: SortColumn, descending: bool) -> Sort {
        Sort { column, descending }
    }

    #[test]
    fn search_matches_name_province_or_id_ignoring_case_and_accents() {
        let rows = rows();
        let by_name = sort(SortColumn::Name, false);
        assert_eq!(names(&rows, "MONDOVI", by_name), ["Mondovì"]);
        assert_eq!(names(&rows, "sant'ag", by_name), ["Sant’Agata de' Goti"]);
        assert_eq!(names(&rows, "cn", by_name), ["alba", "Mondovì"]);
        // "an" is Ancona's id and province, and in Sant'Agata's name.
        assert_eq!(
            names(&rows, "an", by_name),
            ["Ancona", "Sant’Agata de' Goti"]
        );
        // Every word must match somewhere.
        assert_eq!(names(&rows, "al cn", by_name), ["alba"]);
        assert_eq!(names(&rows, "  ", by_name).len(), 4);
        assert!(names(&rows, "torino", by_name).is_empty());
    }

    #[test]
    fn sorting_by_each_column_both_ways() {
        let rows = rows();
        let all = |column, descending| names(&rows, "", sort(column, descending));
        assert_eq!(
            all(SortColumn::Name, false),
            ["alba", "Ancona", "Mondovì", "Sant’Agata de' Goti"]
        );
        assert_eq!(
            all(SortColumn::Name, true),
            ["Sant’Agata de' Goti", "Mondovì", "Ancona", "alba"]
        );
        // Ties (two in CN) by name.
        assert_eq!(
            all(SortColumn::Province, false),
            ["Ancona", "Sant’Agata de' Goti", "alba", "Mondovì"]
        );
        assert_eq!(
            all(SortColumn::Headcount, true),
            ["Ancona", "alba", "Mondovì", "Sant’Agata de' Goti"]
        );
        // Without a figure last, both ways.
        assert_eq!(
            all(SortColumn::Adoption, true),
            ["alba", "Mondovì", "Ancona", "Sant’Agata de' Goti"]
        );
        assert_eq!(
            all(SortColumn::Adoption, false),
            ["Ancona", "Mondovì", "alba", "Sant’Agata de' Goti"]
        );
        assert_eq!(
            all(SortColumn::Completion, false),
            ["Ancona", "Mondovì", "Sant’Agata de' Goti", "alba"]
        );
        // Two with 2 late: by name, A to Z even when descending.
        assert_eq!(
            all(SortColumn::Late, true),
            ["Ancona", "Mondovì", "alba", "Sant’Agata de' Goti"]
        );
    }

    #[test]
    fn a_click_reverses_the_same_column_and_starts_others_naturally() {
        let by_name = Sort::default();
        assert_eq!(
            by_name.clicked(SortColumn::Name),
            sort(SortColumn::Name, true)
        );
        assert_eq!(
            by_name.clicked(SortColumn::Headcount),
            sort(SortColumn::Headcount, true)
        );
        assert_eq!(
            sort(SortColumn::Headcount, true).clicked(SortColumn::Headcount),
            sort(SortColumn::Headcount, false)
        );
        assert_eq!(
            sort(SortColumn::Late, true).clicked(SortColumn::Province),
            sort(SortColumn::Province, false)
        );
    }

    #[test]
    fn rows_carry_the_figures_of_the_analysis() {
        let mut project = crate::demo::embedded();
        let bra = PartnerId::new("bra");
        project.partners.get_mut(&bra).unwrap().province = "XY".to_owned();
        let figures = dashboard(&project);
        let rows = build_rows(&project, &figures);
        assert_eq!(rows.len(), 8);
        let row = rows.iter().find(|row| row.id == bra).unwrap();
        let summary = (figures.summary.partners.iter())
            .find(|s| s.id.as_ref() == Some(&bra))
            .unwrap();
        assert_eq!(row.name, "Bra");
        assert_eq!(row.province, "XY");
        assert_eq!(row.headcount, summary.headcount);
        assert_eq!(row.adoption, summary.adoption);
        assert_eq!(row.completion, summary.completion);
        // Late as known at the figures' month: an actual month after it has not happened.
        let as_of = figures.as_of;
        let late = (project.partners[&bra].milestones.values())
            .filter(|dates| {
                dates.planned.is_some_and(|planned| {
                    match dates.actual.filter(|&actual| actual <= as_of) {
                        Some(actual) => actual > planned,
                        None => planned < as_of,
                    }
                })
            })
            .count();
        assert_eq!(row.late, late);
    }

    #[test]
    fn the_order_is_rebuilt_only_when_its_inputs_change() {
        let project = crate::demo::embedded();
        let figures = dashboard(&project);
        let mut list = ListRows::default();
        let by_name = Sort::default();
        assert!(list.update(1, &project, &figures, "", by_name));
        assert!(!list.update(1, &project, &figures, "", by_name));
        assert_eq!(list.shown(), 8);
        assert_eq!(list.row(0).map(|r| r.name.as_str()), Some("Alba"));
        assert!(list.update(1, &project, &figures, "b", by_name));
        // Of the demo's eight, only Alba and Bra have a "b" in name, province or id.
        let shown: Vec<&str> = (0..list.shown())
            .filter_map(|p| list.row(p).map(|r| r.name.as_str()))
            .collect();
        assert_eq!(shown, ["Alba", "Bra"]);
        assert_eq!(list.total(), 8);
        assert_eq!(list.position(&PartnerId::new("bra")), Some(1));
        assert_eq!(list.position(&PartnerId::new("cuneo")), None);
        assert!(list.update(2, &project, &figures, "b", by_name));
    }
}
