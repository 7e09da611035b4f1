//! Columns named once: the importable ones from the shared schema (so an export imports
//! back), the figures only exports carry (summary, projection) from this part's locale file.

use super::table::{Column, ColumnType};
use crate::exchange::FieldKey;
use crate::i18n::{Lang, tr};

/// The header of `field` in `lang`, as the importer recognises it. A yearly target names
/// its year: "Obiettivo 2026".
pub fn header(field: FieldKey, lang: Lang) -> String {
    let (it, en) = field.header();
    let text = match lang {
        Lang::It => it,
        Lang::En => en,
    };
    match field {
        FieldKey::Target(year) => format!("{text} {year}"),
        _ => text.to_owned(),
    }
}

/// How a field's values are typed in a sheet.
pub fn field_type(field: FieldKey) -> ColumnType {
    use FieldKey::*;
    match field {
        PartnerId | PartnerName | Istat | Province | Module | SessionId | Person | Outcome
        | EquipmentId | EquipmentKind | Indicator => ColumnType::Text,
        Population | Headcount | Managers | Smartable | SmartWorkers | Attendees | Enrolled
        | Completed | Quantity => ColumnType::Integer,
        AgileDays | Wellbeing | WorkLifeBalance | Belonging | Hours | HoursPresent
        | HoursPlanned | Baseline | Target(_) | Value => ColumnType::Number,
        UnitCost => ColumnType::Euro,
        Month | Ordered | Delivered => ColumnType::Month,
        Date => ColumnType::Date,
    }
}

/// The column of an importable field.
pub fn field(field: FieldKey, lang: Lang) -> Column {
    Column {
        header: header(field, lang),
        ty: field_type(field),
        field: Some(field),
    }
}

/// A column only exports carry, named by the key `export.column.{name}`.
pub fn figure(name: &str, ty: ColumnType, lang: Lang) -> Column {
    Column {
        header: tr(lang, &format!("export.column.{name}")).into_owned(),
        ty,
        field: None,
    }
}
