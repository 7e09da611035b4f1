//! Rules for the project itself and its two catalogues (modules and indicators).

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem};

pub(super) fn check_project(checker: &mut Checker<'_>) {
    let project = checker.project;
    let meta = &project.meta;
    checker.name(Place::Project, Field::Title, &meta.title);
    if meta.end < meta.start {
        let problem = Problem::EndBeforeStart {
            start: meta.start,
            end: meta.end,
        };
        checker.error(Place::Project, problem);
    }

    for (id, module) in &project.catalogue {
        let place = Place::Module(id);
        checker.id(place, id.as_str());
        checker.name(place, Field::Title, &module.title);
        checker.hours(place, module.hours);
        for indicator in &module.indicators {
            if !project.indicators.contains_key(indicator) {
                let problem = Problem::UnknownIndicator {
                    indicator: indicator.clone(),
                };
                checker.error(place, problem);
            }
        }
    }

    for (id, indicator) in &project.indicators {
        let place = Place::Indicator(id);
        checker.id(place, id.as_str());
        checker.name(place, Field::Name, &indicator.name);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::month;
    use crate::model::validate::fixture::expect_finding;
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{IndicatorId, ModuleId};

    #[test]
    fn programme_must_not_end_before_it_starts() {
        expect_finding(
            |p| p.meta.end = month("2024-12"),
            Severity::Error,
            Target::Project,
            Problem::EndBeforeStart {
                start: month("2025-01"),
                end: month("2024-12"),
            },
        );
    }

    #[test]
    fn a_one_month_programme_is_fine() {
        let mut project = crate::model::validate::fixture::valid_project();
        project.meta.end = project.meta.start;
        let findings = crate::model::validate::validate(&project);
        assert!(
            findings
                .iter()
                .all(|f| !matches!(f.problem, Problem::EndBeforeStart { .. }))
        );
    }

    #[test]
    fn empty_project_title_is_a_warning() {
        expect_finding(
            |p| p.meta.title = "  ".to_owned(),
            Severity::Warning,
            Target::Project,
            Problem::Empty {
                field: Field::Title,
            },
        );
    }

    #[test]
    fn module_hours_must_be_positive_and_finite() {
        for hours in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            expect_finding(
                |p| p.catalogue.get_mut(&ModuleId::from("lead")).unwrap().hours = hours,
                Severity::Error,
                Target::Module(ModuleId::from("lead")),
                Problem::NotPositive {
                    field: Field::Hours,
                    value: hours,
                },
            );
        }
    }

    #[test]
    fn module_indicators_must_exist() {
        expect_finding(
            |p| {
                let lead = p.catalogue.get_mut(&ModuleId::from("lead")).unwrap();
                lead.indicators.insert(IndicatorId::from("ghost"));
            },
            Severity::Error,
            Target::Module(ModuleId::from("lead")),
            Problem::UnknownIndicator {
                indicator: IndicatorId::from("ghost"),
            },
        );
    }

    #[test]
    fn catalogue_ids_must_be_well_formed() {
        expect_finding(
            |p| {
                let module = p.catalogue.remove(&ModuleId::from("spare")).unwrap();
                p.catalogue.insert(ModuleId::from("spare one"), module);
            },
            Severity::Error,
            Target::Module(ModuleId::from("spare one")),
            Problem::MalformedId {
                id: "spare one".to_owned(),
            },
        );
        expect_finding(
            |p| {
                let def = p
                    .indicators
                    .remove(&IndicatorId::from("hours-saved"))
                    .unwrap();
                p.indicators
                    .insert(IndicatorId::from("ore/risparmiate"), def);
            },
            Severity::Error,
            Target::Indicator(IndicatorId::from("ore/risparmiate")),
            Problem::MalformedId {
                id: "ore/risparmiate".to_owned(),
            },
        );
    }

    #[test]
    fn empty_module_titles_and_indicator_names_are_warnings() {
        expect_finding(
            |p| p.catalogue.get_mut(&ModuleId::from("lead")).unwrap().title = String::new(),
            Severity::Warning,
            Target::Module(ModuleId::from("lead")),
            Problem::Empty {
                field: Field::Title,
            },
        );
        expect_finding(
            |p| {
                let def = p
                    .indicators
                    .get_mut(&IndicatorId::from("hours-saved"))
                    .unwrap();
                def.name = String::new();
            },
            Severity::Warning,
            Target::Indicator(IndicatorId::from("hours-saved")),
            Problem::Empty { field: Field::Name },
        );
    }
}
