//! Equipment (dotazioni): devices delivered, coverage of smart workers, spend.

use std::collections::BTreeMap;

use super::ratio;
use crate::model::{Cents, Month, Partner, PartnerId, Project};

/// Devices per smart worker, both counted at the month of the latest observation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Devices delivered by the observed month.
    pub devices: i64,
    pub smart_workers: i64,
}

impl Coverage {
    /// devices / smart workers; `None` when nobody works agile.
    pub fn ratio(&self) -> Option<f64> {
        ratio(self.devices, self.smart_workers)
    }

    fn add(&mut self, other: Coverage) {
        self.devices = self.devices.saturating_add(other.devices);
        self.smart_workers = self.smart_workers.saturating_add(other.smart_workers);
    }
}

/// One partner's equipment as of a month.
///
/// Spend comes twice: `spend_total` counts every recorded acquisition, delivered or not,
/// because an acquisition is recorded when it is decided and its cost is then committed;
/// `spend_delivered` counts only what arrived by the as-of month. The summary shows the
/// committed total.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PartnerEquipment {
    /// Devices (laptops, tablets) delivered by the as-of month.
    pub devices: i64,
    /// Σ quantity × unit cost over every acquisition.
    pub spend_total: Cents,
    /// Σ quantity × unit cost over acquisitions delivered by the as-of month.
    pub spend_delivered: Cents,
    /// At the partner's latest observation at or before the as-of month; `None` when the
    /// partner has not observed anything by then.
    pub coverage: Option<Coverage>,
}

/// The consortium's equipment: sums of the partners' figures. Coverage sums devices and smart
/// workers over the partners that have a coverage (an observation), each at its own month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EquipmentTotals {
    pub devices: i64,
    pub spend_total: Cents,
    pub spend_delivered: Cents,
    pub coverage: Coverage,
}

impl EquipmentTotals {
    fn add(&mut self, partner: &PartnerEquipment) {
        self.devices = self.devices.saturating_add(partner.devices);
        self.spend_total = self.spend_total + partner.spend_total;
        self.spend_delivered = self.spend_delivered + partner.spend_delivered;
        if let Some(coverage) = partner.coverage {
            self.coverage.add(coverage);
        }
    }
}

/// Devices of `partner` delivered by the end of `month`.
fn devices_by(partner: &Partner, month: Month) -> i64 {
    partner
        .equipment
        .values()
        .filter(|item| item.kind.is_device() && item.delivered_by(month))
        .fold(0_i64, |sum, item| sum.saturating_add(item.quantity))
}

/// A partner's devices, spend and coverage as of `as_of`.
pub fn partner_equipment(partner: &Partner, as_of: Month) -> PartnerEquipment {
    let mut figures = PartnerEquipment::default();
    for item in partner.equipment.values() {
        let cost = item.total_cost();
        figures.spend_total = figures.spend_total + cost;
        if item.delivered_by(as_of) {
            figures.spend_delivered = figures.spend_delivered + cost;
            if item.kind.is_device() {
                figures.devices = figures.devices.saturating_add(item.quantity);
            }
        }
    }
    figures.coverage = partner
        .observations
        .latest_at(as_of)
        .map(|(month, observation)| Coverage {
            devices: devices_by(partner, month),
            smart_workers: observation.smart_workers,
        });
    figures
}

#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentFigures {
    pub partners: BTreeMap<PartnerId, PartnerEquipment>,
    pub consortium: EquipmentTotals,
}

/// Every partner's equipment as of `as_of`, and the consortium's sums.
pub fn equipment(project: &Project, as_of: Month) -> EquipmentFigures {
    let mut consortium = EquipmentTotals::default();
    let partners = project
        .partners
        .iter()
        .map(|(id, partner)| {
            let figures = partner_equipment(partner, as_of);
            consortium.add(&figures);
            (id.clone(), figures)
        })
        .collect();
    EquipmentFigures {
        partners,
        consortium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{equipment as item, month, observe, partner, project};
    use crate::model::EquipmentKind::{Laptop, Tablet, VpnLicence};

    /// Bra: 20 laptops × €1,000 delivered 2025-03; 5 tablets × €400 delivered 2025-05;
    /// 60 VPN licences × €50 delivered 2025-02; 10 laptops × €900 ordered 2025-05, not yet
    /// delivered; observed 16 smart workers in 2025-04.
    /// Alba: 8 laptops × €1,100 delivered 2025-06; never observed.
    /// Cuneo: no equipment, 0 smart workers observed in 2025-05.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-12");
        let mut bra = partner("Bra", 100, 10, 60);
        bra.equipment.insert(
            "a".into(),
            item(Laptop, 20, 1000, Some("2025-02"), Some("2025-03")),
        );
        bra.equipment
            .insert("b".into(), item(Tablet, 5, 400, None, Some("2025-05")));
        bra.equipment
            .insert("c".into(), item(VpnLicence, 60, 50, None, Some("2025-02")));
        bra.equipment
            .insert("d".into(), item(Laptop, 10, 900, Some("2025-05"), None));
        observe(&mut bra, "2025-04", 16, 5.0);
        let mut alba = partner("Alba", 50, 5, 30);
        alba.equipment
            .insert("a".into(), item(Laptop, 8, 1100, None, Some("2025-06")));
        let mut cuneo = partner("Cuneo", 10, 1, 5);
        observe(&mut cuneo, "2025-05", 0, 0.0);
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p.partners.insert("cuneo".into(), cuneo);
        p
    }

    #[test]
    fn devices_and_spend_as_of_a_month() {
        let figures = equipment(&consortium(), month("2025-06"));
        let bra = figures.partners[&PartnerId::from("bra")];
        assert_eq!(bra.devices, 25);
        assert_eq!(
            bra.spend_total,
            Cents::from_euros(20_000 + 2_000 + 3_000 + 9_000)
        );
        assert_eq!(
            bra.spend_delivered,
            Cents::from_euros(20_000 + 2_000 + 3_000)
        );
        let alba = figures.partners[&PartnerId::from("alba")];
        assert_eq!(alba.devices, 8);
        assert_eq!(alba.spend_delivered, Cents::from_euros(8_800));
    }

    #[test]
    fn an_earlier_month_sees_fewer_deliveries() {
        let bra = equipment(&consortium(), month("2025-02")).partners[&PartnerId::from("bra")];
        assert_eq!(bra.devices, 0);
        assert_eq!(bra.spend_delivered, Cents::from_euros(3_000));
        assert_eq!(bra.spend_total, Cents::from_euros(34_000));
        assert_eq!(bra.coverage, None, "Bra first observes in April");
    }

    #[test]
    fn coverage_counts_devices_at_the_latest_observation() {
        let figures = equipment(&consortium(), month("2025-06"));
        // Observed in April: the 20 laptops of March count, the May tablets do not.
        let bra = figures.partners[&PartnerId::from("bra")].coverage.unwrap();
        assert_eq!(
            bra,
            Coverage {
                devices: 20,
                smart_workers: 16
            }
        );
        assert_eq!(bra.ratio(), Some(1.25));
        assert_eq!(figures.partners[&PartnerId::from("alba")].coverage, None);
        let cuneo = figures.partners[&PartnerId::from("cuneo")]
            .coverage
            .unwrap();
        assert_eq!(cuneo.ratio(), None);
    }

    #[test]
    fn consortium_sums_the_partners() {
        let totals = equipment(&consortium(), month("2025-06")).consortium;
        assert_eq!(totals.devices, 33);
        assert_eq!(totals.spend_total, Cents::from_euros(42_800));
        assert_eq!(totals.spend_delivered, Cents::from_euros(33_800));
        assert_eq!(
            totals.coverage,
            Coverage {
                devices: 20,
                smart_workers: 16
            }
        );
        assert_eq!(totals.coverage.ratio(), Some(1.25));
    }
}
