//! Rules for a partner's chosen modules and their sessions (the registro presenze).

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem, Severity};
use crate::model::{Month, Partner, PartnerId};

pub(super) fn check_modules<'a>(
    checker: &mut Checker<'a>,
    id: &'a PartnerId,
    partner: &'a Partner,
) {
    let max = checker.project.meta.max_modules_per_partner;
    let chosen = partner.modules.len();
    if chosen > max as usize {
        checker.error(Place::Partner(id), Problem::TooManyModules { chosen, max });
    }

    for (module_id, choice) in &partner.modules {
        let place = Place::PartnerModule(id, module_id);
        match checker.project.catalogue.get(module_id) {
            None => {
                let problem = Problem::UnknownModule {
                    module: module_id.clone(),
                };
                checker.error(place, problem);
            }
            // Chosen before it was retired: keep it, but the choice deserves a second look.
            Some(module) if module.retired => checker.warning(place, Problem::RetiredModule),
            Some(_) => {}
        }
        checker.count(place, Field::Enrolled, choice.enrolled);
        checker.count(place, Field::Completed, choice.completed);
        let enrolled = (Field::Enrolled, choice.enrolled);
        checker.at_most(
            Severity::Error,
            place,
            (Field::Completed, choice.completed),
            enrolled,
        );
        checker.at_most(
            Severity::Error,
            place,
            enrolled,
            (Field::Headcount, partner.headcount),
        );

        for (session_id, session) in &choice.sessions {
            let place = Place::Session(id, module_id, session_id);
            checker.id(place, session_id.as_str());
            checker.hours(place, session.hours);
            checker.count(place, Field::Attendees, session.attendees);
            // A warning: guests and substitutes may attend without being enrolled.
            checker.at_most(
                Severity::Warning,
                place,
                (Field::Attendees, session.attendees),
                enrolled,
            );
            checker.within_programme(place, Field::SessionDate, Month::of_date(session.date));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::{choice, date, month};
    use crate::model::validate::fixture::{expect_clean, expect_finding};
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{ModuleChoice, ModuleId, PartnerId, Project, Session, SessionId};

    fn lead(project: &mut Project) -> &mut ModuleChoice {
        let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
        bra.modules.get_mut(&ModuleId::from("lead")).unwrap()
    }

    fn first_session(project: &mut Project) -> &mut Session {
        lead(project)
            .sessions
            .get_mut(&SessionId::from("s1"))
            .unwrap()
    }

    fn module_target() -> Target {
        Target::PartnerModule(PartnerId::from("bra"), ModuleId::from("lead"))
    }

    fn session_target() -> Target {
        Target::Session(
            PartnerId::from("bra"),
            ModuleId::from("lead"),
            SessionId::from("s1"),
        )
    }

    #[test]
    fn no_more_modules_than_the_maximum() {
        expect_finding(
            |p| {
                let bra = p.partners.get_mut(&PartnerId::from("bra")).unwrap();
                bra.modules
                    .insert(ModuleId::from("spare"), choice(5, 5, &[]));
            },
            Severity::Error,
            Target::Partner(PartnerId::from("bra")),
            Problem::TooManyModules { chosen: 3, max: 2 },
        );
    }

    #[test]
    fn chosen_modules_must_be_in_the_catalogue() {
        expect_finding(
            |p| {
                let bra = p.partners.get_mut(&PartnerId::from("bra")).unwrap();
                let digi = bra.modules.remove(&ModuleId::from("digi")).unwrap();
                bra.modules.insert(ModuleId::from("ghost"), digi);
            },
            Severity::Error,
            Target::PartnerModule(PartnerId::from("bra"), ModuleId::from("ghost")),
            Problem::UnknownModule {
                module: ModuleId::from("ghost"),
            },
        );
    }

    #[test]
    fn choosing_a_retired_module_is_a_warning() {
        expect_finding(
            |p| {
                p.catalogue
                    .get_mut(&ModuleId::from("lead"))
                    .unwrap()
                    .retired = true
            },
            Severity::Warning,
            module_target(),
            Problem::RetiredModule,
        );
    }

    #[test]
    fn enrolled_and_completed_are_never_negative() {
        expect_finding(
            |p| lead(p).enrolled = -1,
            Severity::Error,
            module_target(),
            Problem::Negative {
                field: Field::Enrolled,
                value: -1,
            },
        );
        expect_finding(
            |p| lead(p).completed = -2,
            Severity::Error,
            module_target(),
            Problem::Negative {
                field: Field::Completed,
                value: -2,
            },
        );
    }

    #[test]
    fn completed_cannot_exceed_enrolled() {
        expect_finding(
            |p| lead(p).completed = 32,
            Severity::Error,
            module_target(),
            Problem::Exceeds {
                field: Field::Completed,
                value: 32,
                limit_field: Field::Enrolled,
                limit: 30,
            },
        );
        expect_clean(|p| lead(p).completed = 30);
    }

    #[test]
    fn enrolled_cannot_exceed_headcount() {
        expect_finding(
            |p| lead(p).enrolled = 101,
            Severity::Error,
            module_target(),
            Problem::Exceeds {
                field: Field::Enrolled,
                value: 101,
                limit_field: Field::Headcount,
                limit: 100,
            },
        );
    }

    #[test]
    fn session_hours_must_be_positive_and_finite() {
        for hours in [0.0, -1.5, f64::NAN] {
            expect_finding(
                |p| first_session(p).hours = hours,
                Severity::Error,
                session_target(),
                Problem::NotPositive {
                    field: Field::Hours,
                    value: hours,
                },
            );
        }
    }

    #[test]
    fn attendees_are_never_negative() {
        expect_finding(
            |p| first_session(p).attendees = -3,
            Severity::Error,
            session_target(),
            Problem::Negative {
                field: Field::Attendees,
                value: -3,
            },
        );
    }

    #[test]
    fn more_attendees_than_enrolled_is_a_warning() {
        expect_finding(
            |p| first_session(p).attendees = 31,
            Severity::Warning,
            session_target(),
            Problem::Exceeds {
                field: Field::Attendees,
                value: 31,
                limit_field: Field::Enrolled,
                limit: 30,
            },
        );
        expect_clean(|p| first_session(p).attendees = 30);
    }

    #[test]
    fn session_dates_fall_inside_the_programme() {
        expect_finding(
            |p| first_session(p).date = date("2024-12-31"),
            Severity::Warning,
            session_target(),
            Problem::OutsideProgramme {
                field: Field::SessionDate,
                month: month("2024-12"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
        expect_clean(|p| first_session(p).date = date("2025-01-01"));
    }

    #[test]
    fn session_ids_must_be_well_formed() {
        expect_finding(
            |p| {
                let lead = lead(p);
                let session = lead.sessions.remove(&SessionId::from("s2")).unwrap();
                lead.sessions.insert(SessionId::from("s 2"), session);
            },
            Severity::Error,
            Target::Session(
                PartnerId::from("bra"),
                ModuleId::from("lead"),
                SessionId::from("s 2"),
            ),
            Problem::MalformedId {
                id: "s 2".to_owned(),
            },
        );
    }
}
