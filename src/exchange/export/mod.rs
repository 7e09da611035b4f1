//! Every table of the project out to XLSX or CSV: the recorded data (partners,
//! observations, sessions, enrolment, equipment, indicators) with the canonical headers of
//! `exchange::schema`, so an export imports back exactly, and the figures (summary,
//! projection bands of a scenario). Formats are described in docs/exchange_export.md.
//!
//! Builders make a `Table` (typed columns and rows); `xlsx` and `csv` only write it.

mod columns;
mod csv;
mod data_tables;
mod error;
mod indicator_table;
pub mod labels;
mod projection_table;
mod summary_table;
mod table;
mod xlsx;
pub(crate) mod xlsx_cells;

pub use columns::{field_type, header};
pub use csv::{CsvStyle, csv_file_name, write_csv, write_csv_tables, write_csv_to};
pub use error::ExportError;
pub use projection_table::projection as projection_table;
pub use table::{Column, ColumnType, Table, Value};
pub use xlsx::{write_xlsx, write_xlsx_to_buffer};

use crate::analysis::projection::Projection;
#[cfg(test)]
use crate::exchange::FieldKey;
use crate::exchange::FileKind;
use crate::i18n::{Lang, tr};
use crate::model::Project;

/// A table an export can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    Partners,
    Observations,
    Sessions,
    Enrolment,
    Equipment,
    Indicators,
    Summary,
    /// P10/P50/P90 of one projection (the baseline or a scenario).
    Projection,
}

impl TableKind {
    /// In the order of the sheets of a whole-project workbook.
    pub const ALL: [TableKind; 8] = [
        TableKind::Partners,
        TableKind::Observations,
        TableKind::Sessions,
        TableKind::Enrolment,
        TableKind::Equipment,
        TableKind::Indicators,
        TableKind::Summary,
        TableKind::Projection,
    ];

    /// The name used on the command line (`--table`) and in CSV file names.
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Partners => "partners",
            TableKind::Observations => "observations",
            TableKind::Sessions => "sessions",
            TableKind::Enrolment => "enrolment",
            TableKind::Equipment => "equipment",
            TableKind::Indicators => "indicators",
            TableKind::Summary => "summary",
            TableKind::Projection => "projection",
        }
    }

    pub fn from_key(key: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The kind of file the importer reads this table as, for the tables that import back.
    pub fn file_kind(self) -> Option<FileKind> {
        match self {
            TableKind::Partners => Some(FileKind::Partners),
            TableKind::Observations => Some(FileKind::Observations),
            TableKind::Sessions => Some(FileKind::Sessions),
            TableKind::Enrolment => Some(FileKind::Enrolment),
            TableKind::Equipment => Some(FileKind::Equipment),
            TableKind::Indicators => Some(FileKind::Indicators),
            TableKind::Summary | TableKind::Projection => None,
        }
    }

    /// The sheet's name in `lang` (at most 31 characters, as XLSX allows).
    pub fn title(self, lang: Lang) -> String {
        tr(lang, &format!("export.table.{}", self.key())).into_owned()
    }
}

/// The kind of file an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One workbook, a sheet per table.
    Xlsx,
    /// One CSV file per table (a folder of them for several tables).
    Csv,
}

impl ExportFormat {
    /// CSV for a path ending in `.csv` (any case), XLSX otherwise.
    pub fn of_path(path: &std::path::Path) -> ExportFormat {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if csv {
            ExportFormat::Csv
        } else {
            ExportFormat::Xlsx
        }
    }
}

/// The tables `kinds` of `project` written to `out` in `format`: the one call the window
/// and the command line make. Returns the files written.
pub fn export_project(
    project: &Project,
    kinds: &[TableKind],
    projection: Option<(&Projection, Option<&str>)>,
    format: ExportFormat,
    lang: Lang,
    out: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, ExportError> {
    match format {
        ExportFormat::Xlsx => {
            let build = |i: usize| table(project, kinds[i], lang, projection);
            xlsx::write_xlsx_built(kinds.len(), build, lang, out).map(|()| vec![out.to_owned()])
        }
        ExportFormat::Csv => write_csv_tables(&tables(project, kinds, lang, projection), out, lang),
    }
}

/// One table of `project`. The projection table needs the bands computed beforehand
/// (`projection_table`, with what the window or `cruscotto project` computed): here it is
/// built from `projection` when given, and is empty of rows otherwise.
pub fn table(
    project: &Project,
    kind: TableKind,
    lang: Lang,
    projection: Option<(&Projection, Option<&str>)>,
) -> Table {
    match kind {
        TableKind::Partners => data_tables::partners(project, lang),
        TableKind::Observations => data_tables::observations(project, lang),
        TableKind::Sessions => data_tables::sessions(project, lang),
        TableKind::Enrolment => data_tables::enrolment(project, lang),
        TableKind::Equipment => data_tables::equipment(project, lang),
        TableKind::Indicators => indicator_table::indicators(project, lang),
        TableKind::Summary => summary_table::summary(project, lang),
        TableKind::Projection => match projection {
            Some((projected, scenario)) => projection_table(project, projected, scenario, lang),
            None => projection_table::empty(lang),
        },
    }
}

/// The tables `kinds` of `project`, in the given order.
pub fn tables(
    project: &Project,
    kinds: &[TableKind],
    lang: Lang,
    projection: Option<(&Projection, Option<&str>)>,
) -> Vec<Table> {
    kinds
        .iter()
        .map(|&kind| table(project, kind, lang, projection))
        .collect()
}

#[cfg(test)]
mod tests;
