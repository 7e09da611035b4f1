//! Rules for one partner: identity and staff counts here, the rest delegated per section in
//! the order findings are reported.

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem, Severity, equipment, milestones, observations, training};
use crate::model::{Partner, PartnerId};

pub(super) fn check_partner<'a>(
    checker: &mut Checker<'a>,
    id: &'a PartnerId,
    partner: &'a Partner,
) {
    let place = Place::Partner(id);
    checker.id(place, id.as_str());
    checker.name(place, Field::Name, &partner.name);
    checker.count(place, Field::Population, partner.population);
    checker.count(place, Field::Headcount, partner.headcount);
    checker.count(place, Field::Managers, partner.managers);
    checker.count(place, Field::Smartable, partner.smartable);
    let headcount = (Field::Headcount, partner.headcount);
    checker.at_most(
        Severity::Error,
        place,
        (Field::Managers, partner.managers),
        headcount,
    );
    checker.at_most(
        Severity::Error,
        place,
        (Field::Smartable, partner.smartable),
        headcount,
    );

    milestones::check_milestones(checker, id, partner);
    training::check_modules(checker, id, partner);
    equipment::check_equipment(checker, id, partner);
    observations::check_observations(checker, id, partner);
    check_indicators(checker, id, partner);
}

/// Indicator values must refer to the indicator catalogue, be finite numbers and be
/// observed inside the programme.
fn check_indicators<'a>(checker: &mut Checker<'a>, id: &'a PartnerId, partner: &'a Partner) {
    for (indicator, values) in &partner.indicators {
        let place = Place::PartnerIndicator(id, indicator);
        if !checker.project.indicators.contains_key(indicator) {
            let problem = Problem::UnknownIndicator {
                indicator: indicator.clone(),
            };
            checker.error(place, problem);
        }
        let finite = |field, value: f64| (!value.is_finite()).then_some(field);
        let not_finite = values
            .baseline
            .and_then(|b| finite(Field::Baseline, b))
            .into_iter()
            .chain(
                values
                    .targets
                    .values()
                    .filter_map(|&t| finite(Field::YearTarget, t)),
            )
            .chain(
                values
                    .observed
                    .values()
                    .filter_map(|&o| finite(Field::ObservedValue, o)),
            );
        for field in not_finite {
            checker.error(place, Problem::NotFinite { field });
        }
        for &month in values.observed.keys() {
            checker.within_programme(place, Field::ObservedMonth, month);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::month;
    use crate::model::validate::fixture::{expect_clean, expect_finding};
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{IndicatorId, Partner, PartnerId, Project};

    type CountOf = fn(&mut Partner) -> &mut i64;

    fn bra(project: &mut Project) -> &mut Partner {
        project.partners.get_mut(&PartnerId::from("bra")).unwrap()
    }

    fn target() -> Target {
        Target::Partner(PartnerId::from("bra"))
    }

    #[test]
    fn staff_counts_are_never_negative() {
        let cases: [(Field, CountOf); 4] = [
            (Field::Population, |p| &mut p.population),
            (Field::Headcount, |p| &mut p.headcount),
            (Field::Managers, |p| &mut p.managers),
            (Field::Smartable, |p| &mut p.smartable),
        ];
        for (field, count) in cases {
            expect_finding(
                |p| *count(bra(p)) = -4,
                Severity::Error,
                target(),
                Problem::Negative { field, value: -4 },
            );
        }
    }

    #[test]
    fn smartable_staff_cannot_exceed_headcount() {
        expect_finding(
            |p| bra(p).smartable = 101,
            Severity::Error,
            target(),
            Problem::Exceeds {
                field: Field::Smartable,
                value: 101,
                limit_field: Field::Headcount,
                limit: 100,
            },
        );
        expect_clean(|p| bra(p).smartable = 100);
    }

    #[test]
    fn managers_cannot_exceed_headcount() {
        expect_finding(
            |p| bra(p).managers = 120,
            Severity::Error,
            target(),
            Problem::Exceeds {
                field: Field::Managers,
                value: 120,
                limit_field: Field::Headcount,
                limit: 100,
            },
        );
    }

    #[test]
    fn a_negative_headcount_is_not_also_compared() {
        let mut project = crate::model::validate::fixture::valid_project();
        bra(&mut project).headcount = -1;
        let findings = crate::model::validate::validate(&project);
        assert!(
            findings
                .iter()
                .all(|f| !matches!(f.problem, Problem::Exceeds { .. })),
            "{findings:#?}"
        );
    }

    #[test]
    fn partner_ids_must_be_well_formed_and_names_present() {
        expect_finding(
            |p| {
                let alba = p.partners.remove(&PartnerId::from("alba")).unwrap();
                p.partners.insert(PartnerId::from("Alba d'Italia"), alba);
            },
            Severity::Error,
            Target::Partner(PartnerId::from("Alba d'Italia")),
            Problem::MalformedId {
                id: "Alba d'Italia".to_owned(),
            },
        );
        expect_finding(
            |p| bra(p).name = String::new(),
            Severity::Warning,
            target(),
            Problem::Empty { field: Field::Name },
        );
    }

    #[test]
    fn an_unnamed_partner_is_shown_by_its_id() {
        let mut project = crate::model::validate::fixture::valid_project();
        bra(&mut project).name = String::new();
        let findings = crate::model::validate::validate(&project);
        assert_eq!(findings[0].to_string(), "bra: name is empty");
    }

    fn hours_saved() -> IndicatorId {
        IndicatorId::from("hours-saved")
    }

    fn indicator_target() -> Target {
        Target::PartnerIndicator(PartnerId::from("bra"), hours_saved())
    }

    #[test]
    fn partner_indicator_values_must_refer_to_the_catalogue() {
        expect_finding(
            |p| {
                let bra = bra(p);
                let values = bra.indicators.remove(&hours_saved()).unwrap();
                bra.indicators.insert(IndicatorId::from("co2"), values);
            },
            Severity::Error,
            Target::PartnerIndicator(PartnerId::from("bra"), IndicatorId::from("co2")),
            Problem::UnknownIndicator {
                indicator: IndicatorId::from("co2"),
            },
        );
    }

    #[test]
    fn indicator_values_must_be_finite() {
        expect_finding(
            |p| bra(p).indicators.get_mut(&hours_saved()).unwrap().baseline = Some(f64::NAN),
            Severity::Error,
            indicator_target(),
            Problem::NotFinite {
                field: Field::Baseline,
            },
        );
        expect_finding(
            |p| {
                let values = bra(p).indicators.get_mut(&hours_saved()).unwrap();
                values.targets.insert(2026, f64::INFINITY);
            },
            Severity::Error,
            indicator_target(),
            Problem::NotFinite {
                field: Field::YearTarget,
            },
        );
    }

    #[test]
    fn indicator_observed_months_fall_inside_the_programme() {
        expect_finding(
            |p| {
                let values = bra(p).indicators.get_mut(&hours_saved()).unwrap();
                values.observed.insert(month("2026-03"), 200.0);
            },
            Severity::Warning,
            indicator_target(),
            Problem::OutsideProgramme {
                field: Field::ObservedMonth,
                month: month("2026-03"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
    }
}
