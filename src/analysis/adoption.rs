//! Adoption of smart working: the share of smartable staff (and of all staff) who worked
//! agile in a month, per partner and for the consortium.

use std::collections::BTreeMap;

use super::{index_in, programme_len, ratio};
use crate::model::{Month, Partner, PartnerId, Project};

/// One partner's adoption over every month of the programme: element `i` is month
/// `start + i`. `None` where the month is not observed or the denominator is 0.
#[derive(Debug, Clone, PartialEq)]
pub struct AdoptionSeries {
    pub start: Month,
    /// smart workers / smartable staff.
    pub of_smartable: Vec<Option<f64>>,
    /// smart workers / headcount.
    pub of_headcount: Vec<Option<f64>>,
}

/// The consortium's adoption per month of the programme (element `i` is `start + i`).
///
/// Only partners observed in a month count in that month, on both sides of the ratio:
/// Σ smart workers / Σ smartable over those partners. A partner that did not report is
/// unknown, not zero, so leaving it out avoids a false drop; `reporting` says how many
/// partners a month rests on, so a view can flag thin months.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsortiumAdoption {
    pub start: Month,
    /// Partners observed in the month.
    pub reporting: Vec<usize>,
    pub smart_workers: Vec<i64>,
    /// Σ smartable staff of the reporting partners.
    pub smartable: Vec<i64>,
    /// Σ headcount of the reporting partners.
    pub headcount: Vec<i64>,
    pub of_smartable: Vec<Option<f64>>,
    pub of_headcount: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Adoption {
    pub partners: BTreeMap<PartnerId, AdoptionSeries>,
    pub consortium: ConsortiumAdoption,
}

impl AdoptionSeries {
    /// (share of smartable, share of headcount) in `month`.
    pub fn at(&self, month: Month) -> (Option<f64>, Option<f64>) {
        match index_in(self.start, self.of_smartable.len(), month) {
            Some(i) => (self.of_smartable[i], self.of_headcount[i]),
            None => (None, None),
        }
    }
}

/// A partner's adoption for every month of the programme; observations outside the
/// programme are left out.
pub fn partner_adoption(project: &Project, partner: &Partner) -> AdoptionSeries {
    let (start, len) = (project.meta.start, programme_len(project));
    let mut series = AdoptionSeries {
        start,
        of_smartable: vec![None; len],
        of_headcount: vec![None; len],
    };
    for (month, observation) in partner.observations.iter() {
        if let Some(i) = index_in(start, len, month) {
            series.of_smartable[i] = ratio(observation.smart_workers, partner.smartable);
            series.of_headcount[i] = ratio(observation.smart_workers, partner.headcount);
        }
    }
    series
}

/// The consortium's adoption per month (see `ConsortiumAdoption` for who counts).
pub fn consortium_adoption(project: &Project) -> ConsortiumAdoption {
    let (start, len) = (project.meta.start, programme_len(project));
    let mut reporting = vec![0; len];
    let mut smart_workers = vec![0_i64; len];
    let mut smartable = vec![0_i64; len];
    let mut headcount = vec![0_i64; len];
    for partner in project.partners.values() {
        for (month, observation) in partner.observations.iter() {
            if let Some(i) = index_in(start, len, month) {
                reporting[i] += 1;
                smart_workers[i] = smart_workers[i].saturating_add(observation.smart_workers);
                smartable[i] = smartable[i].saturating_add(partner.smartable);
                headcount[i] = headcount[i].saturating_add(partner.headcount);
            }
        }
    }
    let share = |denominators: &[i64]| -> Vec<Option<f64>> {
        smart_workers
            .iter()
            .zip(denominators)
            .map(|(&n, &d)| ratio(n, d))
            .collect()
    };
    ConsortiumAdoption {
        start,
        of_smartable: share(&smartable),
        of_headcount: share(&headcount),
        reporting,
        smart_workers,
        smartable,
        headcount,
    }
}

/// Adoption of every partner and of the consortium.
pub fn adoption(project: &Project) -> Adoption {
    Adoption {
        partners: project
            .partners
            .iter()
            .map(|(id, partner)| (id.clone(), partner_adoption(project, partner)))
            .collect(),
        consortium: consortium_adoption(project),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{month, observe, partner, project};

    /// Jan–Apr 2025. Bra: 100 staff, 50 smartable, observed Jan 10 and Mar 20 (and Dec 2024,
    /// before the programme). Alba: 40 staff, 20 smartable, observed Jan 5 and Feb 8.
    /// Cuneo: 10 staff, none smartable, observed Feb 0.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-04");
        let mut bra = partner("Bra", 100, 5, 50);
        observe(&mut bra, "2024-12", 99, 4.0);
        observe(&mut bra, "2025-01", 10, 4.0);
        observe(&mut bra, "2025-03", 20, 4.0);
        let mut alba = partner("Alba", 40, 4, 20);
        observe(&mut alba, "2025-01", 5, 4.0);
        observe(&mut alba, "2025-02", 8, 4.0);
        let mut cuneo = partner("Cuneo", 10, 1, 0);
        observe(&mut cuneo, "2025-02", 0, 0.0);
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p.partners.insert("cuneo".into(), cuneo);
        p
    }

    #[test]
    fn partner_adoption_covers_every_programme_month() {
        let project = consortium();
        let figures = adoption(&project);
        let bra = &figures.partners[&PartnerId::from("bra")];
        assert_eq!(bra.start, month("2025-01"));
        assert_eq!(bra.of_smartable, [Some(0.2), None, Some(0.4), None]);
        assert_eq!(bra.of_headcount, [Some(0.1), None, Some(0.2), None]);
        assert_eq!(bra.at(month("2025-03")), (Some(0.4), Some(0.2)));
        assert_eq!(bra.at(month("2024-12")), (None, None));
        let alba = &figures.partners[&PartnerId::from("alba")];
        assert_eq!(alba.of_smartable, [Some(0.25), Some(0.4), None, None]);
        assert_eq!(alba.of_headcount, [Some(0.125), Some(0.2), None, None]);
    }

    #[test]
    fn no_smartable_staff_means_no_share_of_smartable() {
        let project = consortium();
        let cuneo = &adoption(&project).partners[&PartnerId::from("cuneo")];
        assert_eq!(cuneo.of_smartable, [None, None, None, None]);
        assert_eq!(cuneo.of_headcount, [None, Some(0.0), None, None]);
    }

    #[test]
    fn consortium_pools_the_partners_observed_each_month() {
        let figures = consortium_adoption(&consortium());
        assert_eq!(figures.reporting, [2, 2, 1, 0]);
        assert_eq!(figures.smart_workers, [15, 8, 20, 0]);
        assert_eq!(figures.smartable, [70, 20, 50, 0]);
        assert_eq!(figures.headcount, [140, 50, 100, 0]);
        // Jan: (10 + 5) / (50 + 20); Feb: (8 + 0) / (20 + 0); Mar: Bra alone; Apr: nobody.
        assert_eq!(
            figures.of_smartable,
            [Some(15.0 / 70.0), Some(0.4), Some(0.4), None]
        );
        assert_eq!(
            figures.of_headcount,
            [Some(15.0 / 140.0), Some(0.16), Some(0.2), None]
        );
    }

    #[test]
    fn a_programme_ending_before_it_starts_has_no_months() {
        let mut project = consortium();
        project.meta.end = month("2024-06");
        let figures = adoption(&project);
        assert!(figures.partners.values().all(|s| s.of_smartable.is_empty()));
        assert!(figures.consortium.reporting.is_empty());
    }
}
