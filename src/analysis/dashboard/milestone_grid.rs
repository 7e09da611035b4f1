//! The partners × milestones grid, planned against actual, late ones flagged.

use super::{MilestoneCell, MilestoneGrid, MilestoneRow};
use crate::analysis::late_milestones;
use crate::model::{MilestoneKind, Month, Partner, PartnerId};

/// One row per partner, in the order given.
pub(super) fn milestone_grid(partners: &[(&PartnerId, &Partner)], as_of: Month) -> MilestoneGrid {
    let rows: Vec<MilestoneRow> = partners
        .iter()
        .map(|&(id, partner)| row(id, partner, as_of))
        .collect();
    let late = rows
        .iter()
        .flat_map(|row| &row.cells)
        .filter(|cell| cell.late)
        .count();
    MilestoneGrid { rows, late }
}

fn row(id: &PartnerId, partner: &Partner, as_of: Month) -> MilestoneRow {
    // The late rule lives in analysis::milestones; the grid only places its answer.
    let mut late = [false; MilestoneKind::ALL.len()];
    for kind in late_milestones(partner, as_of) {
        if let Some(i) = MilestoneKind::ALL.iter().position(|&k| k == kind) {
            late[i] = true;
        }
    }
    let cells = MilestoneKind::ALL
        .iter()
        .zip(late)
        .map(|(&kind, late)| {
            let dates = partner.milestone(kind);
            MilestoneCell {
                kind,
                planned: dates.planned,
                actual: dates.actual,
                late,
            }
        })
        .collect();
    MilestoneRow {
        partner: id.clone(),
        name: partner.name.clone(),
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{dates, month, partner, project};
    use crate::analysis::milestones;
    use crate::model::Project;

    /// As of 2025-06. Bra: mapping planned Feb, done Feb (on time); regolamento planned Apr,
    /// done May (late); union agreement planned May, not done (late); individual agreements
    /// planned Jun, done Aug (after as_of: not known yet, and June is not over: not late);
    /// pilot planned Aug (not late). Alba: mapping done Mar without a plan.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-12");
        let mut bra = partner("Bra", 100, 10, 60);
        bra.milestones = [
            (
                MilestoneKind::Mapping,
                dates(Some("2025-02"), Some("2025-02")),
            ),
            (
                MilestoneKind::Regolamento,
                dates(Some("2025-04"), Some("2025-05")),
            ),
            (MilestoneKind::UnionAgreement, dates(Some("2025-05"), None)),
            (
                MilestoneKind::IndividualAgreements,
                dates(Some("2025-06"), Some("2025-08")),
            ),
            (MilestoneKind::PilotStart, dates(Some("2025-08"), None)),
        ]
        .into();
        let mut alba = partner("Alba", 50, 5, 30);
        alba.milestones
            .insert(MilestoneKind::Mapping, dates(None, Some("2025-03")));
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p
    }

    fn in_order<'a>(project: &'a Project, ids: &[&str]) -> Vec<(&'a PartnerId, &'a Partner)> {
        ids.iter()
            .filter_map(|&id| project.partners.get_key_value(&PartnerId::from(id)))
            .collect()
    }

    #[test]
    fn cells_show_plans_and_actuals_and_flag_the_late_ones() {
        let project = consortium();
        let grid = milestone_grid(&in_order(&project, &["alba", "bra"]), month("2025-06"));
        let names: Vec<&str> = grid.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Alba", "Bra"]);
        let bra = &grid.rows[1];
        let kinds: Vec<MilestoneKind> = bra.cells.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, MilestoneKind::ALL);
        let late: Vec<bool> = bra.cells.iter().map(|c| c.late).collect();
        assert_eq!(late, [false, true, true, false, false, false, false]);
        assert_eq!(
            bra.cells[3],
            MilestoneCell {
                kind: MilestoneKind::IndividualAgreements,
                planned: Some(month("2025-06")),
                actual: Some(month("2025-08")),
                late: false,
            }
        );
        assert!(grid.rows[0].cells.iter().all(|c| !c.late));
        assert_eq!(grid.rows[0].cells[0].actual, Some(month("2025-03")));
        assert_eq!(grid.late, 2);
        // The same count as the milestone figures.
        assert_eq!(milestones(&project, month("2025-06")).consortium.late, 2);
    }

    #[test]
    fn later_as_of_flags_more() {
        let project = consortium();
        // September: individual agreements done in August after a June plan; pilot planned
        // in August, not started.
        let grid = milestone_grid(&in_order(&project, &["bra"]), month("2025-09"));
        let late: Vec<bool> = grid.rows[0].cells.iter().map(|c| c.late).collect();
        assert_eq!(late, [false, true, true, true, false, true, false]);
        assert_eq!(grid.late, 4);
    }
}
