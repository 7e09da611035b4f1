//! The steps of an import as the dialog and the command line take them: choose the sheet,
//! find its header and guess the mapping, preview the first rows, plan, apply.

use super::cell::{Grid, Workbook};
use super::header::{Header, find_header};
use super::mapping::{Mapping, MappingMemory};
use super::schema::FileKind;
use super::values;
use crate::model::{Month, Project};

/// Why a sheet cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrepareError {
    #[error("the file has no sheet named “{0}”")]
    NoSuchSheet(String),
    #[error("the file has no data")]
    Empty,
    #[error(
        "no column header names a field Cruscotto knows: choose the kind of file and map the columns"
    )]
    UnknownKind,
}

/// A sheet ready to plan: its header and the mapping guessed, recalled or chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Index of the sheet in the workbook.
    pub sheet: usize,
    pub header: Header,
    pub mapping: Mapping,
    /// Whether the mapping is one the user made before for these headers.
    pub recalled: bool,
}

/// The sheet named `name`, or the first with any data.
pub fn pick_sheet(workbook: &Workbook, name: Option<&str>) -> Result<usize, PrepareError> {
    match name {
        Some(name) => workbook
            .sheets
            .iter()
            .position(|s| s.name == name)
            .or_else(|| {
                workbook
                    .sheets
                    .iter()
                    .position(|s| s.name.trim().eq_ignore_ascii_case(name.trim()))
            })
            .ok_or_else(|| PrepareError::NoSuchSheet(name.to_owned())),
        None => workbook
            .sheets
            .iter()
            .position(has_data)
            .ok_or(PrepareError::Empty),
    }
}

fn has_data(grid: &Grid) -> bool {
    grid.rows
        .iter()
        .any(|row| row.iter().any(|c| !values::is_blank(c)))
}

/// The header and mapping of a sheet: the mapping remembered for its headers when there
/// is one, otherwise the guess; `kind` forces the kind of file.
pub fn prepare(
    workbook: &Workbook,
    sheet: Option<&str>,
    kind: Option<FileKind>,
    memory: Option<&MappingMemory>,
) -> Result<Prepared, PrepareError> {
    let index = pick_sheet(workbook, sheet)?;
    let grid = &workbook.sheets[index];
    let header = find_header(grid).ok_or(PrepareError::Empty)?;
    if let Some(mapping) = memory.and_then(|m| m.recall(&header, kind)) {
        return Ok(Prepared {
            sheet: index,
            header,
            mapping,
            recalled: true,
        });
    }
    let mapping = Mapping::guess(&header, kind).ok_or(PrepareError::UnknownKind)?;
    Ok(Prepared {
        sheet: index,
        header,
        mapping,
        recalled: false,
    })
}

/// One row of the preview: its number in the sheet and its cells as text.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub row: usize,
    pub cells: Vec<String>,
}

/// The first `count` non-empty rows under the header, each cell as text.
pub fn preview(grid: &Grid, header_row: usize, count: usize) -> Vec<PreviewRow> {
    grid.rows
        .iter()
        .enumerate()
        .skip(header_row + 1)
        .filter(|(_, cells)| cells.iter().any(|c| !values::is_blank(c)))
        .take(count)
        .map(|(index, cells)| PreviewRow {
            row: index + 1,
            cells: cells
                .iter()
                .map(|c| values::text(c).unwrap_or_default())
                .collect(),
        })
        .collect()
}

/// A project for data imported without one: named after the file, with the programme's
/// standard module catalogue and POLA/PIAO indicators and no Comuni, spanning the current
/// year until `fit_span` fits it to the data.
pub fn empty_project(title: &str) -> Project {
    let today = jiff::ZonedDateTime::now().date();
    // January of any year jiff can represent is a month; the demo's start is the fallback.
    let start = Month::new(i32::from(today.year()), 1)
        .unwrap_or_else(|| crate::demo::embedded().meta.start);
    let mut project = Project::new(title, start, start.plus(11));
    crate::demo::standard_catalogues(&mut project);
    project
}

/// Fits the months of a project made from imported data to the data: from the first month
/// it names (observations, purchases, sessions, indicator values and targets) to the last,
/// at least a year. A project without any month keeps its span.
pub fn fit_span(project: &mut Project) {
    let mut months: Vec<Month> = Vec::new();
    for partner in project.partners.values() {
        months.extend(partner.observations.iter().map(|(m, _)| m));
        for equipment in partner.equipment.values() {
            months.extend(equipment.ordered);
            months.extend(equipment.delivered);
        }
        for choice in partner.modules.values() {
            months.extend(choice.sessions.values().map(|s| Month::of_date(s.date)));
        }
        for values in partner.indicators.values() {
            months.extend(values.observed.keys().copied());
            months.extend(
                values
                    .targets
                    .keys()
                    .filter_map(|year| Month::new(*year, 12)),
            );
        }
    }
    let (Some(first), Some(last)) = (months.iter().min(), months.iter().max()) else {
        return;
    };
    project.meta.start = *first;
    project.meta.end = (*last).max(first.plus(11));
    for partner in project.partners.values_mut() {
        if partner.observations.is_empty() {
            partner.observations.start = *first;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::cell::{Cell, Grid};

    fn sheet(name: &str, rows: &[&[&str]]) -> Grid {
        Grid {
            name: name.to_owned(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| Cell::Text((*t).into())).collect())
                .collect(),
        }
    }

    #[test]
    fn the_first_sheet_with_data_unless_one_is_named() {
        let workbook = Workbook {
            sheets: vec![
                sheet("Istruzioni", &[]),
                sheet(
                    "Rilevazioni",
                    &[
                        &["Comune", "Mese", "Dipendenti in lavoro agile"],
                        &["Bra", "gen 2025", "3"],
                    ],
                ),
                sheet(
                    "Dotazioni",
                    &[&["Comune", "Tipo", "Quantità", "Costo unitario"]],
                ),
            ],
        };
        let prepared = prepare(&workbook, None, None, None).unwrap();
        assert_eq!(prepared.sheet, 1);
        assert_eq!(prepared.mapping.kind, FileKind::Observations);
        let named = prepare(&workbook, Some("dotazioni"), None, None).unwrap();
        assert_eq!((named.sheet, named.mapping.kind), (2, FileKind::Equipment));
        assert_eq!(
            prepare(&workbook, Some("Altro"), None, None),
            Err(PrepareError::NoSuchSheet("Altro".into()))
        );
        let notes = Workbook {
            sheets: vec![sheet("Note", &[&["Note"], &["ciao"]])],
        };
        assert_eq!(
            prepare(&notes, None, None, None),
            Err(PrepareError::UnknownKind)
        );
        assert_eq!(
            prepare(&Workbook::default(), None, None, None),
            Err(PrepareError::Empty)
        );
    }

    #[test]
    fn a_remembered_mapping_wins_over_the_guess() {
        let workbook = Workbook {
            sheets: vec![sheet(
                "x",
                &[&["Comune", "Mese", "Lavoratori"], &["Bra", "gen 2025", "3"]],
            )],
        };
        let mut prepared = prepare(&workbook, None, None, None).unwrap();
        assert!(!prepared.recalled);
        prepared
            .mapping
            .set(2, Some(crate::exchange::FieldKey::SmartWorkers));
        let mut memory = MappingMemory::default();
        memory.remember(&prepared.header, &prepared.mapping);
        let again = prepare(&workbook, None, None, Some(&memory)).unwrap();
        assert!(again.recalled);
        assert_eq!(again.mapping, prepared.mapping);
    }

    #[test]
    fn the_preview_shows_the_first_rows_with_their_numbers() {
        let grid = sheet("x", &[&["Comune"], &["Bra"], &[""], &["Alba"], &["Roddi"]]);
        let rows = preview(&grid, 0, 2);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].row, rows[1].cells[0].as_str()), (4, "Alba"));
    }

    #[test]
    fn a_new_project_spans_its_data_and_has_the_standard_catalogues() {
        let mut project = empty_project("dati");
        assert!(!project.catalogue.is_empty() && !project.indicators.is_empty());
        let start = Month::new(2024, 11).unwrap();
        let mut bra = crate::model::Partner::new("Bra", "", project.meta.start);
        bra.observations
            .set(start, Some(crate::model::Observation::new(1, 1.0)));
        project.partners.insert("bra".into(), bra);
        project.partners.insert(
            "alba".into(),
            crate::model::Partner::new("Alba", "", project.meta.start),
        );
        fit_span(&mut project);
        assert_eq!(project.meta.start, start);
        assert_eq!(project.meta.end, start.plus(11));
        assert_eq!(
            project.partners[&crate::model::PartnerId::new("alba")]
                .observations
                .start,
            start
        );
    }
}
