//! The dashboard in one call: the existing analysis figures, plus what only the overview
//! needs (KPI histories, the adoption band, the milestone grid).

use super::adoption_view::adoption_view;
use super::kpis::{Timeline, kpis};
use super::milestone_grid::milestone_grid;
use super::{AdoptionView, Dashboard, Kpis, MilestoneGrid};
use crate::analysis::{Training, adoption, default_as_of, summarize, training};
use crate::model::validate::{Finding, validate};
use crate::model::{Month, Partner, PartnerId, Project};

/// Everything the overview shows, for one revision of `project`.
pub fn dashboard(project: &Project) -> Dashboard {
    // At national scale validation and the summary cost about as much as all the other
    // figures together and share nothing with them: they run beside them on a second core.
    std::thread::scope(|scope| {
        let side = scope.spawn(|| (findings(project), summarize(project)));
        let figures = Figures::of(project);
        // A panic over there is a bug; raise it here rather than hide it.
        let (findings, summary) = side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Dashboard {
            as_of: figures.as_of,
            anything_observed: project.last_observed_month().is_some(),
            months: figures.months,
            summary,
            kpis: figures.kpis,
            adoption: figures.adoption,
            training: figures.training,
            milestones: figures.milestones,
            findings,
            partner_order: figures.partner_order,
        }
    })
}

/// The dashboard's figures other than the summary and the findings.
struct Figures {
    as_of: Month,
    months: Vec<Month>,
    kpis: Kpis,
    adoption: AdoptionView,
    training: Training,
    milestones: MilestoneGrid,
    partner_order: Vec<PartnerId>,
}

impl Figures {
    fn of(project: &Project) -> Figures {
        let as_of = default_as_of(project);
        let months: Vec<Month> = project.months().collect();
        let timeline = Timeline::new(project.meta.start, months.len(), as_of);
        let training = training(project);
        let adoption = adoption(project);
        let kpis = kpis(
            project,
            &timeline,
            &adoption.consortium,
            &training.consortium,
        );
        let adoption = adoption_view(adoption);
        let ordered = by_name(project);
        let milestones = milestone_grid(&ordered, as_of);
        Figures {
            as_of,
            months,
            kpis,
            adoption,
            training,
            milestones,
            partner_order: ordered.into_iter().map(|(id, _)| id.clone()).collect(),
        }
    }
}

/// The partners sorted by name ignoring case, then by id (the order of the summary's rows):
/// sorted once here so the grid needs no map lookups, which cost more than the grid itself.
fn by_name(project: &Project) -> Vec<(&PartnerId, &Partner)> {
    let mut ordered: Vec<(&PartnerId, &Partner)> = project.partners.iter().collect();
    // A stable sort over the map's id order.
    ordered.sort_by_cached_key(|(_, partner)| partner.name.to_lowercase());
    ordered
}

/// Errors first, then warnings; the sort is stable, so each keeps validation's path order.
fn findings(project: &Project) -> Vec<Finding> {
    let mut findings = validate(project);
    findings.sort_by_key(|finding| finding.severity);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, module, month, observe, partner, project};
    use crate::model::ModuleArea;
    use crate::model::validate::{Severity, Target};

    /// Three partners whose ids and names sort differently: "b" Alba, "a" bra (lower case),
    /// "c" Bra. Validation reports, in this order: the project has no title (a warning),
    /// "a" has a negative population and "c" more completed than enrolled (errors).
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-04");
        p.meta.title.clear();
        p.catalogue.insert(
            "lead".into(),
            module("Leadership agile", ModuleArea::Leadership, 8.0),
        );
        let mut alba = partner("Alba", 50, 5, 20);
        observe(&mut alba, "2025-02", 5, 4.0);
        let mut bra_lower = partner("bra", 40, 4, 10);
        observe(&mut bra_lower, "2025-03", 2, 4.0);
        bra_lower.population = -1;
        let mut bra = partner("Bra", 100, 10, 40);
        bra.modules.insert("lead".into(), choice(10, 12, &[]));
        p.partners.insert("c".into(), bra);
        p.partners.insert("a".into(), bra_lower);
        p.partners.insert("b".into(), alba);
        p
    }

    #[test]
    fn partners_are_ordered_by_name_ignoring_case_then_by_id() {
        let dashboard = dashboard(&consortium());
        let order: Vec<&str> = dashboard
            .partner_order
            .iter()
            .map(|id| id.as_str())
            .collect();
        assert_eq!(order, ["b", "a", "c"]);
        let rows: Vec<&str> = dashboard
            .milestones
            .rows
            .iter()
            .map(|row| row.partner.as_str())
            .collect();
        assert_eq!(rows, order);
    }

    #[test]
    fn errors_come_before_warnings() {
        let dashboard = dashboard(&consortium());
        let severities: Vec<Severity> = dashboard.findings.iter().map(|f| f.severity).collect();
        assert_eq!(
            severities,
            [Severity::Error, Severity::Error, Severity::Warning],
            "{:#?}",
            dashboard.findings
        );
        let targets: Vec<&Target> = dashboard.findings.iter().map(|f| &f.target).collect();
        assert_eq!(
            targets,
            [
                &Target::Partner("a".into()),
                &Target::PartnerModule("c".into(), "lead".into()),
                &Target::Project,
            ]
        );
    }

    #[test]
    fn figures_cover_every_programme_month_up_to_the_last_observed() {
        let dashboard = dashboard(&consortium());
        assert_eq!(dashboard.as_of, month("2025-03"));
        let months: Vec<String> = dashboard.months.iter().map(|m| m.to_string()).collect();
        assert_eq!(months, ["2025-01", "2025-02", "2025-03", "2025-04"]);
        // 2 of bra's 10 smartable in March, 5 of Alba's 20 in February.
        assert_eq!(dashboard.kpis.adoption.value, Some(20.0));
        assert_eq!(dashboard.kpis.adoption.previous, Some(25.0));
        assert_eq!(dashboard.kpis.staff.value, Some(190.0));
        assert_eq!(
            dashboard.adoption.consortium,
            [None, Some(25.0), Some(20.0), None]
        );
        assert_eq!(dashboard.adoption.band, [None; 4]);
        assert_eq!(dashboard.adoption.partners.len(), 3);
        assert_eq!(dashboard.milestones.rows.len(), 3);
    }

    #[test]
    fn an_empty_project_has_no_figures_and_does_not_panic() {
        let empty = project("2025-01", "2025-12");
        let dashboard = dashboard(&empty);
        assert_eq!(dashboard.as_of, month("2025-12"));
        assert_eq!(dashboard.months.len(), 12);
        for kpi in [
            &dashboard.kpis.staff,
            &dashboard.kpis.smartable,
            &dashboard.kpis.smart_workers,
            &dashboard.kpis.adoption,
            &dashboard.kpis.completion,
            &dashboard.kpis.hours_per_employee,
            &dashboard.kpis.coverage,
            &dashboard.kpis.spend,
        ] {
            assert_eq!((kpi.value, kpi.previous), (None, None));
            assert_eq!(kpi.trend, [None; 12]);
        }
        assert_eq!(dashboard.adoption.consortium, [None; 12]);
        assert_eq!(dashboard.adoption.band, [None; 12]);
        assert!(dashboard.adoption.partners.is_empty());
        assert!(dashboard.milestones.rows.is_empty());
        assert_eq!(dashboard.milestones.late, 0);
        assert!(dashboard.partner_order.is_empty());
        assert!(dashboard.findings.is_empty());
    }

    #[test]
    fn a_programme_ending_before_it_starts_has_empty_series() {
        let mut p = consortium();
        p.meta.end = month("2024-06");
        let dashboard = dashboard(&p);
        assert!(dashboard.months.is_empty());
        assert!(dashboard.kpis.staff.trend.is_empty());
        assert_eq!(dashboard.kpis.staff.value, None);
        assert!(dashboard.adoption.band.is_empty());
        assert!(dashboard.adoption.partners.values().all(Vec::is_empty));
        assert!(dashboard.findings.iter().any(|f| f.is_error()));
    }
}
