//! Why the app refused an edit, in the user's language, naming modules by their titles.

use super::{Lang, format, plural, tr, tr_args};
use crate::model::{EditError, ModuleId, Project};

pub fn describe(lang: Lang, project: &Project, error: &EditError) -> String {
    match error {
        EditError::NoSuchPartner(_) => tr(lang, "edit_errors.no_such_partner").into_owned(),
        EditError::NoSuchModule(module) => tr_args(
            lang,
            "edit_errors.no_such_module",
            &[("module", module.as_str())],
        ),
        EditError::ModuleNotChosen(module) => tr_args(
            lang,
            "edit_errors.module_not_chosen",
            &[("module", &title(project, module))],
        ),
        EditError::RetiredModule(module) => tr_args(
            lang,
            "edit_errors.retired_module",
            &[("module", &title(project, module))],
        ),
        EditError::TooManyModules { max } => {
            plural(lang, "edit_errors.too_many_modules", i64::from(*max), &[])
        }
        EditError::ModuleInUse { module, partners } => {
            let count = format::integer(lang, i64::try_from(*partners).unwrap_or(i64::MAX));
            let key = if *partners == 1 {
                "edit_errors.module_in_use_one"
            } else {
                "edit_errors.module_in_use_other"
            };
            tr_args(
                lang,
                key,
                &[("module", &title(project, module)), ("count", &count)],
            )
        }
        EditError::NoSuchSlide(_) => tr(lang, "slides.edit_errors.no_such_slide").into_owned(),
        EditError::SlideExists(_) => tr(lang, "slides.edit_errors.slide_exists").into_owned(),
    }
}

fn title(project: &Project, module: &ModuleId) -> String {
    project
        .catalogue
        .get(module)
        .map_or_else(|| module.to_string(), |m| m.title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, PartnerId};

    #[test]
    fn the_module_limit_is_explained_with_the_projects_maximum() {
        let project = Project::new(
            "P",
            Month::new(2025, 1).unwrap(),
            Month::new(2026, 12).unwrap(),
        );
        let error = EditError::TooManyModules { max: 9 };
        let it = describe(Lang::It, &project, &error);
        assert!(it.contains("al massimo 9 moduli"), "{it}");
        let en = describe(Lang::En, &project, &error);
        assert!(en.contains("at most 9 modules"), "{en}");
    }

    #[test]
    fn every_refusal_has_words_in_both_languages() {
        let project = Project::new(
            "P",
            Month::new(2025, 1).unwrap(),
            Month::new(2026, 12).unwrap(),
        );
        let module = ModuleId::new("m1");
        for error in [
            EditError::NoSuchPartner(PartnerId::new("bra")),
            EditError::NoSuchModule(module.clone()),
            EditError::ModuleNotChosen(module.clone()),
            EditError::RetiredModule(module.clone()),
            EditError::TooManyModules { max: 9 },
            EditError::ModuleInUse {
                module: module.clone(),
                partners: 1,
            },
            EditError::ModuleInUse {
                module,
                partners: 3,
            },
        ] {
            for lang in [Lang::It, Lang::En] {
                let text = describe(lang, &project, &error);
                assert!(
                    !text.contains("edit_errors.") && !text.contains("%{"),
                    "{text}"
                );
            }
        }
    }
}
