//! Tests of `list_rows.rs`, kept beside it so the view's file holds only the view.

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
