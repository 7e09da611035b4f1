//! Which field each column holds: guessed from the headers, changed by the user per column,
//! and remembered per kind of file so the next file with the same headers opens mapped the
//! way the user left it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::header::{Header, belongs_to, guess_kind};
use super::normalise::normalise;
use super::schema::{FieldKey, FileKind};

/// The meaning given to a sheet's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub kind: FileKind,
    /// 0-based index of the header row; data starts below it.
    pub header_row: usize,
    /// Field per 0-based sheet column; `None` ignores the column. Columns beyond the end are
    /// ignored.
    pub columns: Vec<Option<FieldKey>>,
}

impl Mapping {
    /// The guess for `header`: the kind that fits best (or `kind` when given) and each
    /// column's field when its header names a field of that kind. A field named twice is
    /// taken from its first column only.
    pub fn guess(header: &Header, kind: Option<FileKind>) -> Option<Mapping> {
        let kind = kind.or_else(|| guess_kind(header))?;
        let width = header
            .columns
            .iter()
            .map(|c| c.index + 1)
            .max()
            .unwrap_or(0);
        let mut columns = vec![None; width];
        for column in &header.columns {
            if let Some(field) = column.named
                && belongs_to(kind, field)
                && !columns.contains(&Some(field))
            {
                columns[column.index] = Some(field);
            }
        }
        Some(Mapping {
            kind,
            header_row: header.row,
            columns,
        })
    }

    pub fn field(&self, column: usize) -> Option<FieldKey> {
        self.columns.get(column).copied().flatten()
    }

    /// Gives `column` the field (or ignores it with `None`); a field already given to
    /// another column moves here, since one column per field is read.
    pub fn set(&mut self, column: usize, field: Option<FieldKey>) {
        if let Some(field) = field {
            for slot in &mut self.columns {
                if *slot == Some(field) {
                    *slot = None;
                }
            }
        }
        if column >= self.columns.len() {
            self.columns.resize(column + 1, None);
        }
        self.columns[column] = field;
    }

    /// The column holding `field`.
    pub fn column_of(&self, field: FieldKey) -> Option<usize> {
        self.columns.iter().position(|f| *f == Some(field))
    }

    /// The mapping in the form settings store.
    pub fn to_saved(&self) -> SavedMapping {
        SavedMapping {
            kind: self.kind.key().to_owned(),
            header_row: self.header_row,
            columns: self.columns.iter().map(|f| f.map(field_code)).collect(),
        }
    }

    /// A stored mapping back; `None` if it names a kind this version does not know.
    /// Unknown field codes become ignored columns.
    pub fn from_saved(saved: &SavedMapping) -> Option<Mapping> {
        Some(Mapping {
            kind: FileKind::from_key(&saved.kind)?,
            header_row: saved.header_row,
            columns: saved
                .columns
                .iter()
                .map(|code| code.as_deref().and_then(field_from_code))
                .collect(),
        })
    }
}

/// The fields a column of a `kind` file may be given, in the order an export writes them;
/// for indicators, a yearly target for each of `years` (the programme's years).
pub fn field_choices(kind: FileKind, years: std::ops::RangeInclusive<i32>) -> Vec<FieldKey> {
    let mut fields = kind.fields().to_vec();
    if kind == FileKind::Indicators {
        let at = fields
            .iter()
            .position(|f| *f == FieldKey::Baseline)
            .map_or(fields.len(), |i| i + 1);
        fields.splice(at..at, years.map(FieldKey::Target));
    }
    fields
}

/// A mapping as the app's settings keep it: plain strings, stable across versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedMapping {
    pub kind: String,
    pub header_row: usize,
    pub columns: Vec<Option<String>>,
}

/// Mappings the user chose, keyed by the shape of the file they were made for: the same
/// headers in the same order give the same key, whatever the data below.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MappingMemory {
    pub mappings: BTreeMap<String, SavedMapping>,
}

/// At most this many remembered mappings; the oldest key (in order) goes first.
pub const MAX_REMEMBERED: usize = 200;

impl MappingMemory {
    /// The key of a sheet's headers: the normalised header texts joined by `|`.
    pub fn signature(header: &Header) -> String {
        header
            .columns
            .iter()
            .map(|c| normalise(&c.header))
            .collect::<Vec<_>>()
            .join("|")
    }

    pub fn remember(&mut self, header: &Header, mapping: &Mapping) {
        if self.mappings.len() >= MAX_REMEMBERED
            && let Some(first) = self.mappings.keys().next().cloned()
        {
            self.mappings.remove(&first);
        }
        self.mappings
            .insert(Self::signature(header), mapping.to_saved());
    }

    /// The mapping remembered for these headers, if any (and, when `kind` is given, only
    /// one of that kind).
    pub fn recall(&self, header: &Header, kind: Option<FileKind>) -> Option<Mapping> {
        let saved = self.mappings.get(&Self::signature(header))?;
        let mapping = Mapping::from_saved(saved)?;
        if kind.is_some_and(|kind| kind != mapping.kind) || mapping.header_row != header.row {
            return None;
        }
        Some(mapping)
    }
}

/// A stable name for a field in stored settings: `PartnerName`, `Target-2025`.
pub fn field_code(field: FieldKey) -> String {
    match field {
        FieldKey::Target(year) => format!("Target-{year}"),
        other => format!("{other:?}"),
    }
}

pub fn field_from_code(code: &str) -> Option<FieldKey> {
    if let Some(year) = code.strip_prefix("Target-") {
        return year.parse().ok().map(FieldKey::Target);
    }
    FileKind::ALL
        .iter()
        .flat_map(|kind| kind.fields().iter().copied())
        .find(|field| field_code(*field) == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::cell::{Cell, Grid};
    use crate::exchange::header::find_header;

    fn header(texts: &[&str]) -> Header {
        let grid = Grid {
            name: "x".into(),
            rows: vec![texts.iter().map(|t| Cell::Text((*t).into())).collect()],
        };
        find_header(&grid).unwrap()
    }

    #[test]
    fn the_guess_keeps_fields_of_the_kind_and_each_field_once() {
        let header = header(&[
            "Comune",
            "Mese",
            "Dipendenti in lavoro agile",
            "Ente",
            "Note",
        ]);
        let mapping = Mapping::guess(&header, None).unwrap();
        assert_eq!(mapping.kind, FileKind::Observations);
        assert_eq!(
            mapping.columns,
            vec![
                Some(FieldKey::PartnerName),
                Some(FieldKey::Month),
                Some(FieldKey::SmartWorkers),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_field_set_on_another_column_moves_there() {
        let header = header(&["Comune", "Mese", "Lavoratori", "Dipendenti in lavoro agile"]);
        let mut mapping = Mapping::guess(&header, None).unwrap();
        mapping.set(2, Some(FieldKey::SmartWorkers));
        assert_eq!(mapping.field(2), Some(FieldKey::SmartWorkers));
        assert_eq!(mapping.field(3), None);
        mapping.set(7, Some(FieldKey::AgileDays));
        assert_eq!(mapping.column_of(FieldKey::AgileDays), Some(7));
    }

    #[test]
    fn mappings_are_remembered_by_the_headers_and_survive_serialisation() {
        let header = header(&["Comune", "Mese", "Lavoratori"]);
        let mut mapping = Mapping::guess(&header, None).unwrap();
        mapping.set(2, Some(FieldKey::SmartWorkers));
        let mut memory = MappingMemory::default();
        memory.remember(&header, &mapping);
        let stored = ron::to_string(&memory).unwrap();
        let memory: MappingMemory = ron::from_str(&stored).unwrap();
        // The same headers written differently are the same file shape.
        let again = self::header(&["COMUNE", "mese", "lavoratori "]);
        assert_eq!(memory.recall(&again, None), Some(mapping));
        assert_eq!(memory.recall(&again, Some(FileKind::Partners)), None);
        assert_eq!(
            memory.recall(&self::header(&["Comune", "Mese"]), None),
            None
        );
    }

    #[test]
    fn indicator_columns_offer_a_target_per_year() {
        let choices = field_choices(FileKind::Indicators, 2025..=2026);
        let at = choices
            .iter()
            .position(|f| *f == FieldKey::Baseline)
            .unwrap();
        assert_eq!(
            choices[at + 1..at + 3],
            [FieldKey::Target(2025), FieldKey::Target(2026)]
        );
        assert_eq!(
            field_choices(FileKind::Partners, 2025..=2026),
            FileKind::Partners.fields()
        );
    }

    #[test]
    fn field_codes_round_trip() {
        for kind in FileKind::ALL {
            for field in kind.fields() {
                assert_eq!(field_from_code(&field_code(*field)), Some(*field));
            }
        }
        assert_eq!(
            field_from_code(&field_code(FieldKey::Target(2027))),
            Some(FieldKey::Target(2027))
        );
        assert_eq!(field_from_code("Nonsense"), None);
    }
}
