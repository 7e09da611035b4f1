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

/// An empty project for data imported without one: named after the file, spanning the
/// current year until `fit_span` widens it to the data.
pub fn empty_project(title: &str) -> Project {
    let today = jiff::ZonedDateTime::now().date();
    let start = Month::new(i32::from(today.year()), 1)
        .unwrap_or_else(|| Month::new(2025, 1).expect("a valid month"));
    Project::new(title, start, start.plus(11))
}

/// Widens the programme's months to cover every month its data names (observations,
/// purchases, sessions, indicator values and targets).
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
    let all_new = project.partners.values().all(|p| p.observations.is_empty());
    if *first < project.meta.start || all_new {
        project.meta.start = (*first).min(project.meta.start);
    }
    project.meta.end = project.meta.end.max(*last);
    for partner in project.partners.values_mut() {
        if partner.observations.is_empty() {
            partner.observations.start = project.meta.start;
        }
    }
}
