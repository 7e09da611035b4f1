//! The one-row-per-partner summary of `cruscotto summary`, plus a consortium row.

use super::{default_as_of, partner_equipment, partner_milestones, partner_training, ratio};
use crate::model::{Cents, Month, Partner, PartnerId, Project};

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Sorted by name (case-insensitive), then by id.
    pub partners: Vec<SummaryRow>,
    pub consortium: SummaryRow,
    /// The month devices, spend delivered and milestones are counted at
    /// (`default_as_of`: the last month any partner observed).
    pub as_of: Month,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// `None` for the consortium row.
    pub id: Option<PartnerId>,
    pub name: String,
    pub headcount: i64,
    pub smartable: i64,
    /// Smart workers at the partner's own last observation; for the consortium, the sum of
    /// the partners' last observations.
    pub smart_workers: Option<i64>,
    pub last_month: Option<Month>,
    /// smart workers / smartable, 0–1. For the consortium the smartable staff of partners
    /// that never observed anything are left out of the denominator (unknown, not zero).
    pub adoption: Option<f64>,
    pub enrolled: i64,
    pub completed: i64,
    /// completed / enrolled.
    pub completion: Option<f64>,
    /// Σ hours × attendees over sessions / headcount.
    pub training_hours_per_employee: Option<f64>,
    /// Devices delivered by the as-of month.
    pub devices: i64,
    /// Committed spend: every recorded acquisition, delivered or not.
    pub spend: Cents,
    pub milestones_reached: usize,
    pub milestones_total: usize,
}

/// Sums for the consortium row, gathered while the partner rows are built.
#[derive(Default)]
struct Totals {
    headcount: i64,
    smartable: i64,
    observed: bool,
    smart_workers: i64,
    observed_smartable: i64,
    last_month: Option<Month>,
    enrolled: i64,
    completed: i64,
    person_hours: f64,
    devices: i64,
    spend: Cents,
    milestones_reached: usize,
    milestones_total: usize,
}

/// One row per partner and the consortium row, in one pass over the partners.
pub fn summarize(project: &Project) -> Summary {
    let as_of = default_as_of(project);
    let mut totals = Totals::default();
    let mut keyed: Vec<(String, SummaryRow)> = project
        .partners
        .iter()
        .map(|(id, partner)| {
            let row = partner_row(id, partner, as_of, &mut totals);
            (row.name.to_lowercase(), row)
        })
        .collect();
    // A stable sort: partners with the same name stay in id order.
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Summary {
        partners: keyed.into_iter().map(|(_, row)| row).collect(),
        consortium: consortium_row(&totals),
        as_of,
    }
}

fn partner_row(id: &PartnerId, partner: &Partner, as_of: Month, totals: &mut Totals) -> SummaryRow {
    let last = partner.observations.last();
    let training = partner_training(partner);
    let equipment = partner_equipment(partner, as_of);
    let milestones = partner_milestones(partner, as_of);

    totals.headcount = totals.headcount.saturating_add(partner.headcount);
    totals.smartable = totals.smartable.saturating_add(partner.smartable);
    if let Some((month, observation)) = last {
        totals.observed = true;
        totals.smart_workers = totals
            .smart_workers
            .saturating_add(observation.smart_workers);
        totals.observed_smartable = totals.observed_smartable.saturating_add(partner.smartable);
        totals.last_month = totals.last_month.max(Some(month));
    }
    totals.enrolled = totals.enrolled.saturating_add(training.completion.enrolled);
    totals.completed = totals
        .completed
        .saturating_add(training.completion.completed);
    totals.person_hours += training.person_hours;
    totals.devices = totals.devices.saturating_add(equipment.devices);
    totals.spend = totals.spend + equipment.spend_total;
    totals.milestones_reached += milestones.reached;
    totals.milestones_total += milestones.total;

    SummaryRow {
        id: Some(id.clone()),
        name: partner.name.clone(),
        headcount: partner.headcount,
        smartable: partner.smartable,
        smart_workers: last.map(|(_, o)| o.smart_workers),
        last_month: last.map(|(month, _)| month),
        adoption: last.and_then(|(_, o)| ratio(o.smart_workers, partner.smartable)),
        enrolled: training.completion.enrolled,
        completed: training.completion.completed,
        completion: training.completion.rate(),
        training_hours_per_employee: training.hours_per_employee(),
        devices: equipment.devices,
        spend: equipment.spend_total,
        milestones_reached: milestones.reached,
        milestones_total: milestones.total,
    }
}

fn consortium_row(totals: &Totals) -> SummaryRow {
    SummaryRow {
        id: None,
        name: "Consortium".to_owned(),
        headcount: totals.headcount,
        smartable: totals.smartable,
        smart_workers: totals.observed.then_some(totals.smart_workers),
        last_month: totals.last_month,
        adoption: if totals.observed {
            ratio(totals.smart_workers, totals.observed_smartable)
        } else {
            None
        },
        enrolled: totals.enrolled,
        completed: totals.completed,
        completion: ratio(totals.completed, totals.enrolled),
        training_hours_per_employee: super::per_person(totals.person_hours, totals.headcount),
        devices: totals.devices,
        spend: totals.spend,
        milestones_reached: totals.milestones_reached,
        milestones_total: totals.milestones_total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, equipment, month, observe, partner, project};
    use crate::model::{EquipmentKind, MilestoneDates, MilestoneKind};

    fn reached(partner: &mut Partner, kind: MilestoneKind, actual: &str) {
        let dates = MilestoneDates {
            planned: None,
            actual: Some(month(actual)),
        };
        partner.milestones.insert(kind, dates);
    }

    /// p1 Savigliano: 200 staff, 120 smartable; 30 smart workers in Mar, 48 in May; lead
    /// 20 enrolled / 15 completed, 6 h × 18 + 6 h × 20 = 228 person-hours; 30 laptops ×
    /// €1,000 delivered Apr, 10 tablets × €500 ordered May, undelivered; mapping done Feb,
    /// regolamento Jun (after the as-of month).
    /// p2 Bra: 50 staff, 20 smartable; 5 smart workers in Apr; digi 10 / 10, 8 h × 10 = 80;
    /// mapping Mar, regolamento May.
    /// p3 Cherasco: 30 staff, 10 smartable, nothing recorded.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-12");
        let mut savigliano = partner("Savigliano", 200, 20, 120);
        observe(&mut savigliano, "2025-03", 30, 5.0);
        observe(&mut savigliano, "2025-05", 48, 6.0);
        savigliano.modules.insert(
            "lead".into(),
            choice(20, 15, &[("2025-02-03", 6.0, 18), ("2025-02-17", 6.0, 20)]),
        );
        savigliano.equipment.insert(
            "a".into(),
            equipment(EquipmentKind::Laptop, 30, 1000, None, Some("2025-04")),
        );
        savigliano.equipment.insert(
            "b".into(),
            equipment(EquipmentKind::Tablet, 10, 500, Some("2025-05"), None),
        );
        reached(&mut savigliano, MilestoneKind::Mapping, "2025-02");
        reached(&mut savigliano, MilestoneKind::Regolamento, "2025-06");
        let mut bra = partner("Bra", 50, 5, 20);
        observe(&mut bra, "2025-04", 5, 4.0);
        bra.modules
            .insert("digi".into(), choice(10, 10, &[("2025-03-03", 8.0, 10)]));
        reached(&mut bra, MilestoneKind::Mapping, "2025-03");
        reached(&mut bra, MilestoneKind::Regolamento, "2025-05");
        p.partners.insert("p1".into(), savigliano);
        p.partners.insert("p2".into(), bra);
        p.partners
            .insert("p3".into(), partner("Cherasco", 30, 3, 10));
        p
    }

    #[test]
    fn rows_are_sorted_by_name_and_as_of_is_the_last_observed_month() {
        let summary = summarize(&consortium());
        let names: Vec<&str> = summary.partners.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Bra", "Cherasco", "Savigliano"]);
        assert_eq!(summary.as_of, month("2025-05"));
        assert_eq!(summary.partners[0].id, Some(PartnerId::from("p2")));
    }

    #[test]
    fn a_partner_row_uses_its_own_last_observation() {
        let summary = summarize(&consortium());
        let savigliano = &summary.partners[2];
        assert_eq!(
            *savigliano,
            SummaryRow {
                id: Some(PartnerId::from("p1")),
                name: "Savigliano".to_owned(),
                headcount: 200,
                smartable: 120,
                smart_workers: Some(48),
                last_month: Some(month("2025-05")),
                adoption: Some(0.4),
                enrolled: 20,
                completed: 15,
                completion: Some(0.75),
                training_hours_per_employee: Some(1.14),
                devices: 30,
                spend: Cents::from_euros(35_000),
                milestones_reached: 1,
                milestones_total: 7,
            }
        );
        let bra = &summary.partners[0];
        assert_eq!(bra.smart_workers, Some(5));
        assert_eq!(bra.last_month, Some(month("2025-04")));
        assert_eq!(bra.adoption, Some(0.25));
        assert_eq!(bra.training_hours_per_employee, Some(1.6));
        assert_eq!(bra.milestones_reached, 2);
    }

    #[test]
    fn a_partner_without_records_has_empty_figures() {
        let cherasco = &summarize(&consortium()).partners[1];
        assert_eq!(cherasco.smart_workers, None);
        assert_eq!(cherasco.last_month, None);
        assert_eq!(cherasco.adoption, None);
        assert_eq!(cherasco.completion, None);
        assert_eq!(cherasco.training_hours_per_employee, Some(0.0));
        assert_eq!((cherasco.devices, cherasco.spend), (0, Cents(0)));
        assert_eq!(cherasco.milestones_reached, 0);
    }

    #[test]
    fn the_consortium_row_sums_the_partners_last_observations() {
        let consortium = summarize(&consortium()).consortium;
        assert_eq!(
            consortium,
            SummaryRow {
                id: None,
                name: "Consortium".to_owned(),
                headcount: 280,
                smartable: 150,
                smart_workers: Some(53),
                last_month: Some(month("2025-05")),
                // 53 / (120 + 20): Cherasco never observed, so its 10 are left out.
                adoption: Some(53.0 / 140.0),
                enrolled: 30,
                completed: 25,
                completion: Some(25.0 / 30.0),
                training_hours_per_employee: Some(1.1),
                devices: 30,
                spend: Cents::from_euros(35_000),
                milestones_reached: 3,
                milestones_total: 21,
            }
        );
    }

    #[test]
    fn nothing_observed_means_no_consortium_adoption() {
        let mut project = consortium();
        for partner in project.partners.values_mut() {
            partner.observations.months.clear();
        }
        let summary = summarize(&project);
        assert_eq!(summary.as_of, month("2025-12"));
        assert_eq!(summary.consortium.smart_workers, None);
        assert_eq!(summary.consortium.adoption, None);
        assert_eq!(summary.consortium.last_month, None);
        // As of the programme's end the June regolamento of Savigliano counts.
        assert_eq!(summary.consortium.milestones_reached, 4);
    }
}
