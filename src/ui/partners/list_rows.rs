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
#[path = "list_rows_tests.rs"]
mod tests;
