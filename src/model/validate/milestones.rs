//! Rules for a partner's milestones (tappe): months inside the programme and a plausible
//! actual order.

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem};
use crate::model::{MilestoneKind, Partner, PartnerId};

pub(super) fn check_milestones<'a>(
    checker: &mut Checker<'a>,
    id: &'a PartnerId,
    partner: &'a Partner,
) {
    for (&kind, dates) in &partner.milestones {
        let place = Place::Milestone(id, kind);
        if let Some(planned) = dates.planned {
            checker.within_programme(place, Field::PlannedMonth, planned);
        }
        if let Some(actual) = dates.actual {
            checker.within_programme(place, Field::ActualMonth, actual);
        }
    }
    // Only actual months are compared: plans are often rough, and a slipped plan is shown as
    // a late milestone, not as an inconsistency. Out of order is a warning, because real
    // Comuni sometimes do things in an unusual order.
    for (before, after) in MilestoneKind::PRECEDENCE {
        let (Some(before_month), Some(after_month)) = (
            partner.milestone(before).actual,
            partner.milestone(after).actual,
        ) else {
            continue;
        };
        if after_month < before_month {
            let problem = Problem::MilestoneOrder {
                before,
                before_month,
                after,
                after_month,
            };
            checker.warning(Place::Milestone(id, after), problem);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::month;
    use crate::model::validate::fixture::{expect_clean, expect_finding};
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{MilestoneDates, MilestoneKind, Partner, PartnerId, Project};

    fn dates(project: &mut Project, kind: MilestoneKind) -> &mut MilestoneDates {
        let bra: &mut Partner = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
        bra.milestones.entry(kind).or_default()
    }

    fn target(kind: MilestoneKind) -> Target {
        Target::Milestone(PartnerId::from("bra"), kind)
    }

    #[test]
    fn milestone_months_fall_inside_the_programme() {
        expect_finding(
            |p| dates(p, MilestoneKind::Regime).planned = Some(month("2026-02")),
            Severity::Warning,
            target(MilestoneKind::Regime),
            Problem::OutsideProgramme {
                field: Field::PlannedMonth,
                month: month("2026-02"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
        expect_finding(
            |p| dates(p, MilestoneKind::Mapping).actual = Some(month("2024-11")),
            Severity::Warning,
            target(MilestoneKind::Mapping),
            Problem::OutsideProgramme {
                field: Field::ActualMonth,
                month: month("2024-11"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
        expect_clean(|p| dates(p, MilestoneKind::Regime).planned = Some(month("2025-12")));
    }

    #[test]
    fn regime_before_the_pilot_is_implausible() {
        expect_finding(
            |p| dates(p, MilestoneKind::Regime).actual = Some(month("2025-06")),
            Severity::Warning,
            target(MilestoneKind::Regime),
            Problem::MilestoneOrder {
                before: MilestoneKind::PilotStart,
                before_month: month("2025-07"),
                after: MilestoneKind::Regime,
                after_month: month("2025-06"),
            },
        );
        // The same month as the pilot is plausible.
        expect_clean(|p| dates(p, MilestoneKind::Regime).actual = Some(month("2025-07")));
    }

    #[test]
    fn regolamento_and_union_agreement_may_come_either_way_round() {
        // The fixture has the union agreement (2025-04) before the regolamento (2025-05).
        expect_clean(|p| dates(p, MilestoneKind::UnionAgreement).actual = Some(month("2025-06")));
    }

    #[test]
    fn a_milestone_not_reached_is_not_compared() {
        expect_clean(|p| dates(p, MilestoneKind::Mapping).actual = None);
    }
}
