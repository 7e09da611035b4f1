//! Rules for a partner's monthly observations (rilevazioni mensili).

use super::checker::Checker;
use super::place::Place;
use super::{Field, Severity};
use crate::model::{Partner, PartnerId, SURVEY_SCALE};

pub(super) fn check_observations<'a>(
    checker: &mut Checker<'a>,
    id: &'a PartnerId,
    partner: &'a Partner,
) {
    for (month, observation) in partner.observations.iter() {
        let place = Place::Observation(id, month);
        checker.within_programme(place, Field::ObservationMonth, month);
        checker.count(place, Field::SmartWorkers, observation.smart_workers);
        checker.at_most(
            Severity::Error,
            place,
            (Field::SmartWorkers, observation.smart_workers),
            (Field::Smartable, partner.smartable),
        );
        checker.agile_days(place, observation.agile_days);
        let survey = [
            (Field::Wellbeing, observation.wellbeing),
            (Field::WorkLifeBalance, observation.work_life_balance),
            (Field::Belonging, observation.belonging),
        ];
        for (field, score) in survey {
            if let Some(score) = score {
                let scale = (*SURVEY_SCALE.start(), *SURVEY_SCALE.end());
                checker.in_range(place, field, score, scale);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::{month, observe};
    use crate::model::validate::fixture::{expect_clean, expect_finding};
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{Observation, Partner, PartnerId, Project};

    type ScoreOf = fn(&mut Observation) -> &mut Option<f64>;

    fn bra(project: &mut Project) -> &mut Partner {
        project.partners.get_mut(&PartnerId::from("bra")).unwrap()
    }

    /// Bra's July observation.
    fn july(project: &mut Project) -> &mut Observation {
        let series = &mut bra(project).observations;
        let index = month("2025-07").months_since(series.start) as usize;
        series.months[index].as_mut().unwrap()
    }

    fn target() -> Target {
        Target::Observation(PartnerId::from("bra"), month("2025-07"))
    }

    #[test]
    fn smart_workers_are_never_negative() {
        expect_finding(
            |p| july(p).smart_workers = -1,
            Severity::Error,
            target(),
            Problem::Negative {
                field: Field::SmartWorkers,
                value: -1,
            },
        );
    }

    #[test]
    fn smart_workers_cannot_exceed_smartable_staff() {
        expect_finding(
            |p| july(p).smart_workers = 61,
            Severity::Error,
            target(),
            Problem::Exceeds {
                field: Field::SmartWorkers,
                value: 61,
                limit_field: Field::Smartable,
                limit: 60,
            },
        );
        expect_clean(|p| july(p).smart_workers = 60);
    }

    #[test]
    fn agile_days_outside_the_working_month_are_errors() {
        for days in [-0.5, 22.5, f64::NAN] {
            expect_finding(
                |p| july(p).agile_days = days,
                Severity::Error,
                target(),
                Problem::OutOfRange {
                    field: Field::AgileDays,
                    value: days,
                    min: 0.0,
                    max: 22.0,
                },
            );
        }
    }

    #[test]
    fn more_than_ten_agile_days_is_a_warning() {
        expect_finding(
            |p| july(p).agile_days = 12.0,
            Severity::Warning,
            target(),
            Problem::MostlyRemote {
                days: 12.0,
                max: 10.0,
            },
        );
        expect_finding(
            |p| july(p).agile_days = 22.0,
            Severity::Warning,
            target(),
            Problem::MostlyRemote {
                days: 22.0,
                max: 10.0,
            },
        );
        expect_clean(|p| july(p).agile_days = 10.0);
        expect_clean(|p| july(p).agile_days = 0.0);
    }

    #[test]
    fn survey_scores_are_on_the_one_to_five_scale() {
        let cases: [(Field, ScoreOf); 3] = [
            (Field::Wellbeing, |o| &mut o.wellbeing),
            (Field::WorkLifeBalance, |o| &mut o.work_life_balance),
            (Field::Belonging, |o| &mut o.belonging),
        ];
        for (field, score) in cases {
            for value in [0.5, 5.5] {
                expect_finding(
                    |p| *score(july(p)) = Some(value),
                    Severity::Error,
                    target(),
                    Problem::OutOfRange {
                        field,
                        value,
                        min: 1.0,
                        max: 5.0,
                    },
                );
            }
            expect_clean(|p| *score(july(p)) = Some(1.0));
        }
    }

    #[test]
    fn observations_fall_inside_the_programme() {
        expect_finding(
            |p| observe(bra(p), "2026-01", 25, 6.0),
            Severity::Warning,
            Target::Observation(PartnerId::from("bra"), month("2026-01")),
            Problem::OutsideProgramme {
                field: Field::ObservationMonth,
                month: month("2026-01"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
    }
}
