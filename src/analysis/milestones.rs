//! Milestones (tappe): how many each partner has reached and how many are late.

use std::collections::BTreeMap;

use crate::model::{MilestoneDates, MilestoneKind, Month, Partner, PartnerId, Project};

/// Milestones reached and late at a month, out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MilestoneCounts {
    /// Actual month set and ≤ the as-of month.
    pub reached: usize,
    /// Late at the as-of month (`MilestoneDates::is_late`, as known then).
    pub late: usize,
    /// Milestones counted: `MilestoneKind::ALL` for a partner, × partners for a group.
    pub total: usize,
}

impl MilestoneCounts {
    fn add(&mut self, other: MilestoneCounts) {
        self.reached += other.reached;
        self.late += other.late;
        self.total += other.total;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestones {
    pub partners: BTreeMap<PartnerId, MilestoneCounts>,
    /// Per kind, over partners (`total` is the number of partners).
    pub by_kind: BTreeMap<MilestoneKind, MilestoneCounts>,
    pub consortium: MilestoneCounts,
}

/// The dates as they were known at `as_of`: an actual month after it has not happened yet.
/// Without this, a milestone reached after its plan would count as late even before its
/// planned month.
fn as_known_at(dates: MilestoneDates, as_of: Month) -> MilestoneDates {
    MilestoneDates {
        planned: dates.planned,
        actual: dates.actual.filter(|&actual| actual <= as_of),
    }
}

fn counts_of(dates: MilestoneDates, as_of: Month) -> MilestoneCounts {
    let known = as_known_at(dates, as_of);
    MilestoneCounts {
        reached: usize::from(known.reached_by(as_of)),
        late: usize::from(known.is_late(as_of)),
        total: 1,
    }
}

/// A partner's milestones of `MilestoneKind::ALL` at `as_of`.
pub fn partner_milestones(partner: &Partner, as_of: Month) -> MilestoneCounts {
    let mut counts = MilestoneCounts::default();
    for kind in MilestoneKind::ALL {
        counts.add(counts_of(partner.milestone(kind), as_of));
    }
    counts
}

/// The partner's milestones that are late at `as_of`, in the programme's order.
pub fn late_milestones(partner: &Partner, as_of: Month) -> impl Iterator<Item = MilestoneKind> {
    MilestoneKind::ALL
        .into_iter()
        .filter(move |&kind| as_known_at(partner.milestone(kind), as_of).is_late(as_of))
}

/// Milestones per partner, per kind and for the consortium at `as_of`.
pub fn milestones(project: &Project, as_of: Month) -> Milestones {
    let mut by_kind: BTreeMap<MilestoneKind, MilestoneCounts> = MilestoneKind::ALL
        .into_iter()
        .map(|kind| (kind, MilestoneCounts::default()))
        .collect();
    let mut consortium = MilestoneCounts::default();
    let mut partners = BTreeMap::new();
    for (id, partner) in &project.partners {
        let mut counts = MilestoneCounts::default();
        for (kind, kind_counts) in by_kind.iter_mut() {
            let one = counts_of(partner.milestone(*kind), as_of);
            kind_counts.add(one);
            counts.add(one);
        }
        consortium.add(counts);
        partners.insert(id.clone(), counts);
    }
    Milestones {
        partners,
        by_kind,
        consortium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{dates, month, partner, project};

    /// As of 2025-06. Bra: mapping planned and done in Feb (reached); regolamento planned
    /// Apr, done May (reached, late); union agreement planned May, done Aug (not yet reached,
    /// late); individual agreements planned Jun, done Jul (not yet reached, not yet late);
    /// pilot planned Aug (neither). Alba: mapping done Mar without a plan (reached).
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-12");
        let mut bra = partner("Bra", 100, 10, 60);
        bra.milestones = BTreeMap::from([
            (
                MilestoneKind::Mapping,
                dates(Some("2025-02"), Some("2025-02")),
            ),
            (
                MilestoneKind::Regolamento,
                dates(Some("2025-04"), Some("2025-05")),
            ),
            (
                MilestoneKind::UnionAgreement,
                dates(Some("2025-05"), Some("2025-08")),
            ),
            (
                MilestoneKind::IndividualAgreements,
                dates(Some("2025-06"), Some("2025-07")),
            ),
            (MilestoneKind::PilotStart, dates(Some("2025-08"), None)),
        ]);
        let mut alba = partner("Alba", 50, 5, 30);
        alba.milestones
            .insert(MilestoneKind::Mapping, dates(None, Some("2025-03")));
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p
    }

    #[test]
    fn reached_and_late_per_partner() {
        let figures = milestones(&consortium(), month("2025-06"));
        assert_eq!(
            figures.partners[&PartnerId::from("bra")],
            MilestoneCounts {
                reached: 2,
                late: 2,
                total: 7
            }
        );
        assert_eq!(
            figures.partners[&PartnerId::from("alba")],
            MilestoneCounts {
                reached: 1,
                late: 0,
                total: 7
            }
        );
        let project = consortium();
        let bra = &project.partners[&PartnerId::from("bra")];
        assert_eq!(partner_milestones(bra, month("2025-06")).reached, 2);
        assert_eq!(
            late_milestones(bra, month("2025-06")).collect::<Vec<_>>(),
            [MilestoneKind::Regolamento, MilestoneKind::UnionAgreement]
        );
    }

    #[test]
    fn later_months_see_more_reached_and_more_late() {
        let project = consortium();
        let bra = &project.partners[&PartnerId::from("bra")];
        // September: union agreement (Aug) and individual agreements (Jul) are reached, both
        // after their plans; the pilot planned for August has not started, so it is late too.
        let september = partner_milestones(bra, month("2025-09"));
        assert_eq!((september.reached, september.late), (4, 4));
        // January: nothing reached, nothing planned before it.
        let january = partner_milestones(bra, month("2025-01"));
        assert_eq!((january.reached, january.late), (0, 0));
    }

    #[test]
    fn consortium_and_per_kind_counts() {
        let figures = milestones(&consortium(), month("2025-06"));
        assert_eq!(
            figures.consortium,
            MilestoneCounts {
                reached: 3,
                late: 2,
                total: 14
            }
        );
        assert_eq!(
            figures.by_kind[&MilestoneKind::Mapping],
            MilestoneCounts {
                reached: 2,
                late: 0,
                total: 2
            }
        );
        assert_eq!(figures.by_kind[&MilestoneKind::UnionAgreement].late, 1);
        assert_eq!(figures.by_kind[&MilestoneKind::Regime].reached, 0);
    }
}
