//! How the project's items are named in a sheet: modules and indicators by their title (what
//! a Comune's office reads and the template's drop-down lists offer), equipment by its kind
//! in the chosen language.

use crate::i18n::Lang;
use crate::i18n::findings::equipment_label;
use crate::model::{EquipmentKind, IndicatorId, ModuleId, Project};

/// The module's title, or its id when the catalogue lacks it (a damaged file).
pub fn module(project: &Project, id: &ModuleId) -> String {
    project
        .catalogue
        .get(id)
        .map_or_else(|| id.to_string(), |module| module.title.clone())
}

/// The indicator's name, or its id when the catalogue lacks it.
pub fn indicator(project: &Project, id: &IndicatorId) -> String {
    project
        .indicators
        .get(id)
        .map_or_else(|| id.to_string(), |indicator| indicator.name.clone())
}

/// The kind's name as the window shows it ("Portatile", "Laptop").
pub fn equipment(kind: EquipmentKind, lang: Lang) -> String {
    equipment_label(lang, kind).into_owned()
}
