//! `cruscotto template`: data-collection templates, one XLSX per Comune (or for one partner).

use std::path::Path;
use std::process::ExitCode;

use cruscotto::exchange::template::{self, TemplateOptions};
use cruscotto::i18n::{tr, tr_args};
use cruscotto::model::{PartnerId, Project};

use super::{EXIT_UNREADABLE, source};

/// `partner` by code or by name (ignoring case): the template of that partner in the file
/// `out` (inside it when `out` is a folder); without: one file per partner in the folder
/// `out`.
pub fn run(
    file: Option<&Path>,
    partner: Option<&str>,
    out: &Path,
    options: &TemplateOptions,
) -> ExitCode {
    let lang = options.lang;
    let (_, project) = match source::load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let written = match partner {
        None => template::write_templates(&project, out, options),
        Some(wanted) => {
            let Some(id) = find_partner(&project, wanted) else {
                let message = tr_args(lang, "export.error.unknown_partner", &[("id", wanted)]);
                eprintln!("{}: {message}", tr(lang, "export.cli.error"));
                return ExitCode::from(EXIT_UNREADABLE);
            };
            let path = if out.is_dir() {
                let names = template::file_names(&project);
                let name = names.into_iter().find(|(each, _)| *each == id);
                out.join(name.map_or_else(|| format!("{id}.xlsx"), |(_, name)| name))
            } else {
                out.to_owned()
            };
            template::write_template(&project, &id, &path, options).map(|()| vec![path])
        }
    };
    super::export::report(written, lang)
}

pub(super) fn find_partner(project: &Project, wanted: &str) -> Option<PartnerId> {
    let id = PartnerId::new(wanted);
    if project.partners.contains_key(&id) {
        return Some(id);
    }
    let wanted = wanted.trim().to_lowercase();
    project
        .partners
        .iter()
        .find(|(_, p)| p.name.trim().to_lowercase() == wanted)
        .map(|(id, _)| id.clone())
}
