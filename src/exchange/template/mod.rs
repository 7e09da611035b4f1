//! Data-collection templates: one XLSX per Comune, pre-filled with its name and code, its
//! chosen modules and the months to fill, with validated data cells and protected
//! structure. The headers are the schema's, so a filled template imports (and merges) like
//! an export. Described in docs/exchange_export.md.

mod form;
mod forms;
mod instructions;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

pub use forms::{EQUIPMENT_ROWS, SESSION_ROWS_PER_MODULE};

use crate::exchange::export::{ExportError, labels};
use crate::i18n::Lang;
use crate::model::{EquipmentKind, Month, PartnerId, Project};

/// What a template asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateOptions {
    pub lang: Lang,
    /// The first month to fill; the programme's start when `None` (or when earlier).
    pub from: Option<Month>,
}

impl Default for TemplateOptions {
    fn default() -> Self {
        TemplateOptions {
            lang: Lang::It,
            from: None,
        }
    }
}

/// The months a template asks for: from `options.from` (at the earliest the programme's
/// start) to the programme's end. `None` when nothing is left to fill.
pub fn months(project: &Project, options: &TemplateOptions) -> Option<(Month, Month)> {
    let first = options
        .from
        .map_or(project.meta.start, |from| from.max(project.meta.start));
    (first <= project.meta.end).then_some((first, project.meta.end))
}

/// The template of the partner `id` as a workbook ready to save.
pub fn template_workbook(
    project: &Project,
    id: &PartnerId,
    options: &TemplateOptions,
) -> Result<Workbook, ExportError> {
    let lang = options.lang;
    let partner = project
        .partners
        .get(id)
        .ok_or_else(|| ExportError::UnknownPartner(id.to_string()))?;
    let (first, last) = months(project, options).ok_or(ExportError::NoMonthsLeft)?;
    let chosen: Vec<String> = partner
        .modules
        .keys()
        .map(|module| labels::module(project, module))
        .collect();
    // A partner that has not chosen yet picks from the catalogue's offered modules.
    let offered: Vec<String> = if chosen.is_empty() {
        project
            .catalogue
            .values()
            .filter(|module| !module.retired)
            .map(|module| module.title.clone())
            .collect()
    } else {
        chosen
    };
    let kinds: Vec<String> = EquipmentKind::ALL
        .iter()
        .map(|&kind| labels::equipment(kind, lang))
        .collect();
    let error = |source| ExportError::Xlsx {
        path: PathBuf::from(format!("{}.xlsx", partner.name)),
        source,
    };
    let mut workbook = Workbook::new();
    let lists = {
        let mut lists_sheet = rust_xlsxwriter::Worksheet::new();
        let ranges =
            instructions::write_lists(&mut lists_sheet, &offered, &kinds, lang).map_err(error)?;
        (lists_sheet, ranges)
    };
    let (lists_sheet, (module_list, equipment_list)) = lists;
    let context = forms::Context {
        id,
        partner,
        modules: &offered,
        first,
        last,
        module_list,
        equipment_list,
        lang,
    };
    for form in [
        forms::observations(&context),
        forms::sessions(&context),
        forms::enrolment(&context),
        forms::equipment(&context),
    ] {
        let sheet = workbook.add_worksheet();
        form::write_form(sheet, &form, lang).map_err(error)?;
    }
    let sheet = workbook.add_worksheet();
    instructions::write_instructions(sheet, id, partner, first, last, lang).map_err(error)?;
    workbook.push_worksheet(lists_sheet);
    Ok(workbook)
}

/// The template of partner `id` saved as `path`.
pub fn write_template(
    project: &Project,
    id: &PartnerId,
    path: &Path,
    options: &TemplateOptions,
) -> Result<(), ExportError> {
    let mut workbook = template_workbook(project, id, options)?;
    workbook.save(path).map_err(|source| ExportError::Xlsx {
        path: path.to_owned(),
        source,
    })
}

/// One template per partner in `folder` (created when missing), each named after its
/// Comune (`file_names`). Returns the files written, in partner id order.
pub fn write_templates(
    project: &Project,
    folder: &Path,
    options: &TemplateOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(folder).map_err(|source| ExportError::Io {
        path: folder.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for (id, name) in file_names(project) {
        let path = folder.join(name);
        write_template(project, &id, &path, options)?;
        written.push(path);
    }
    Ok(written)
}

/// Each partner's template file name: its Comune's name with characters that file systems
/// refuse replaced by `_` ("Sant'Albano Stura.xlsx"), with the partner code added when two
/// Comuni share a name.
pub fn file_names(project: &Project) -> Vec<(PartnerId, String)> {
    let mut taken = BTreeSet::new();
    project
        .partners
        .iter()
        .map(|(id, partner)| {
            let base = safe_file_stem(&partner.name);
            let base = if base.is_empty() {
                id.to_string()
            } else {
                base
            };
            let mut name = format!("{base}.xlsx");
            if !taken.insert(name.to_lowercase()) {
                name = format!("{base} ({}).xlsx", safe_file_stem(id.as_str()));
                taken.insert(name.to_lowercase());
            }
            (id.clone(), name)
        })
        .collect()
}

fn safe_file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim().trim_matches('.').chars().take(100).collect()
}

#[cfg(test)]
mod tests;
