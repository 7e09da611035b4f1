//! Rules for a partner's equipment acquisitions (dotazioni).

use super::checker::Checker;
use super::place::Place;
use super::{Field, Problem};
use crate::model::{Partner, PartnerId};

pub(super) fn check_equipment<'a>(
    checker: &mut Checker<'a>,
    id: &'a PartnerId,
    partner: &'a Partner,
) {
    for (equipment_id, item) in &partner.equipment {
        let place = Place::Equipment(id, equipment_id);
        checker.id(place, equipment_id.as_str());
        checker.count(place, Field::Quantity, item.quantity);
        if item.unit_cost.0 < 0 {
            let problem = Problem::NegativeAmount {
                field: Field::UnitCost,
                value: item.unit_cost,
            };
            checker.error(place, problem);
        }
        if let Some(ordered) = item.ordered {
            checker.within_programme(place, Field::Ordered, ordered);
        }
        if let Some(delivered) = item.delivered {
            checker.within_programme(place, Field::Delivered, delivered);
        }
        // A warning: a typo is likely, but a delivery on loan before the formal order happens.
        if let (Some(ordered), Some(delivered)) = (item.ordered, item.delivered)
            && delivered < ordered
        {
            let problem = Problem::DeliveredBeforeOrdered { ordered, delivered };
            checker.warning(place, problem);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::month;
    use crate::model::validate::fixture::{expect_clean, expect_finding};
    use crate::model::validate::{Field, Problem, Severity, Target};
    use crate::model::{Cents, Equipment, EquipmentId, PartnerId, Project};

    fn laptops(project: &mut Project) -> &mut Equipment {
        let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
        bra.equipment.get_mut(&EquipmentId::from("eq-1")).unwrap()
    }

    fn target() -> Target {
        Target::Equipment(PartnerId::from("bra"), EquipmentId::from("eq-1"))
    }

    #[test]
    fn quantity_and_unit_cost_are_never_negative() {
        expect_finding(
            |p| laptops(p).quantity = -20,
            Severity::Error,
            target(),
            Problem::Negative {
                field: Field::Quantity,
                value: -20,
            },
        );
        expect_finding(
            |p| laptops(p).unit_cost = Cents(-100),
            Severity::Error,
            target(),
            Problem::NegativeAmount {
                field: Field::UnitCost,
                value: Cents(-100),
            },
        );
        // Free equipment (a donation) is fine.
        expect_clean(|p| laptops(p).unit_cost = Cents(0));
    }

    #[test]
    fn order_and_delivery_fall_inside_the_programme() {
        expect_finding(
            |p| laptops(p).ordered = Some(month("2024-10")),
            Severity::Warning,
            target(),
            Problem::OutsideProgramme {
                field: Field::Ordered,
                month: month("2024-10"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
        expect_finding(
            |p| laptops(p).delivered = Some(month("2026-01")),
            Severity::Warning,
            target(),
            Problem::OutsideProgramme {
                field: Field::Delivered,
                month: month("2026-01"),
                start: month("2025-01"),
                end: month("2025-12"),
            },
        );
    }

    #[test]
    fn delivery_before_the_order_is_a_warning() {
        expect_finding(
            |p| laptops(p).delivered = Some(month("2025-02")),
            Severity::Warning,
            target(),
            Problem::DeliveredBeforeOrdered {
                ordered: month("2025-03"),
                delivered: month("2025-02"),
            },
        );
        expect_clean(|p| laptops(p).delivered = Some(month("2025-03")));
    }

    #[test]
    fn equipment_ids_must_be_well_formed() {
        expect_finding(
            |p| {
                let bra = p.partners.get_mut(&PartnerId::from("bra")).unwrap();
                let item = bra.equipment.remove(&EquipmentId::from("eq-2")).unwrap();
                bra.equipment.insert(EquipmentId::from("eq#2"), item);
            },
            Severity::Error,
            Target::Equipment(PartnerId::from("bra"), EquipmentId::from("eq#2")),
            Problem::MalformedId {
                id: "eq#2".to_owned(),
            },
        );
    }
}
