//! The consortium KPIs month by month (formulas in the module documentation of `dashboard`).

use super::{Kpi, Kpis};
use crate::analysis::{ConsortiumAdoption, TrainingTotals, index_in, per_person, ratio};
use crate::model::{Cents, Month, Partner, Project};

/// The programme's months and where the KPI month falls among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Timeline {
    pub start: Month,
    pub len: usize,
    /// Index of `as_of` clamped into the programme; `None` when the programme has no months.
    pub now: Option<usize>,
}

impl Timeline {
    pub fn new(start: Month, len: usize, as_of: Month) -> Timeline {
        let now = len
            .checked_sub(1)
            .map(|last| usize::try_from(as_of.months_since(start)).map_or(0, |i| i.min(last)));
        Timeline { start, len, now }
    }

    /// The month's index, or `None` outside the programme.
    fn index(&self, month: Month) -> Option<usize> {
        index_in(self.start, self.len, month)
    }

    /// The first month by whose end something dated `month` has happened: months before the
    /// programme count in its first month; `None` after the programme.
    fn held_by(&self, month: Month) -> Option<usize> {
        let offset = month.months_since(self.start).max(0);
        usize::try_from(offset).ok().filter(|&i| i < self.len)
    }

    /// A KPI from its monthly series: the values after the KPI month are dropped.
    fn kpi(&self, mut series: Vec<Option<f64>>) -> Kpi {
        let Some(now) = self.now else {
            return Kpi {
                trend: series,
                ..Kpi::default()
            };
        };
        for value in series.iter_mut().skip(now + 1) {
            *value = None;
        }
        Kpi {
            value: series[now],
            previous: now.checked_sub(1).and_then(|i| series[i]),
            trend: series,
        }
    }
}

/// What the KPIs need besides the existing analysis figures, gathered in one pass over the
/// partners; every vector has one element per programme month, not yet accumulated.
struct Monthly {
    /// Σ headcount and Σ smartable staff now (there is no history of them).
    headcount: i64,
    smartable: i64,
    /// Estimated completions of the month (see the completion formula).
    completed: Vec<f64>,
    person_hours: Vec<f64>,
    /// Devices delivered by the month, summed over the partners observed in it.
    devices_observed: Vec<i64>,
    /// Cost of the acquisitions ordered in the month.
    ordered: Vec<Cents>,
}

impl Monthly {
    fn gather(project: &Project, timeline: &Timeline) -> Monthly {
        let len = timeline.len;
        let mut monthly = Monthly {
            headcount: 0,
            smartable: 0,
            completed: vec![0.0; len],
            person_hours: vec![0.0; len],
            devices_observed: vec![0; len],
            ordered: vec![Cents(0); len],
        };
        let mut delivered = vec![0_i64; len];
        let mut held = Vec::new();
        for partner in project.partners.values() {
            monthly.headcount = monthly.headcount.saturating_add(partner.headcount);
            monthly.smartable = monthly.smartable.saturating_add(partner.smartable);
            monthly.add_training(partner, timeline, &mut held);
            monthly.add_spend(partner, timeline);
            monthly.add_devices(partner, timeline, &mut delivered);
        }
        monthly
    }

    /// `held` is scratch space reused across choices: each choice's sessions are walked
    /// once (walking them is the cost at national scale), their weights kept for the share.
    fn add_training(
        &mut self,
        partner: &Partner,
        timeline: &Timeline,
        held: &mut Vec<(usize, f64)>,
    ) {
        for choice in partner.modules.values() {
            held.clear();
            let mut total = 0.0;
            for session in choice.sessions.values() {
                // Hours that are negative or not numbers are validation errors: no weight.
                let weight = if session.hours.is_finite() {
                    session.hours.max(0.0)
                } else {
                    0.0
                };
                total += weight;
                if let Some(i) = timeline.held_by(Month::of_date(session.date)) {
                    self.person_hours[i] += session.hours * session.attendees as f64;
                    held.push((i, weight));
                }
            }
            if total > 0.0 {
                let per_hour = choice.completed as f64 / total;
                for &(i, weight) in held.iter() {
                    self.completed[i] += per_hour * weight;
                }
            }
        }
    }

    fn add_spend(&mut self, partner: &Partner, timeline: &Timeline) {
        for item in partner.equipment.values() {
            let index = match item.ordered.or(item.delivered) {
                Some(month) => timeline.held_by(month),
                None => (timeline.len > 0).then_some(0),
            };
            if let Some(i) = index {
                self.ordered[i] = self.ordered[i] + item.total_cost();
            }
        }
    }

    /// `delivered` is scratch space of one element per month, reused across partners.
    fn add_devices(&mut self, partner: &Partner, timeline: &Timeline, delivered: &mut [i64]) {
        delivered.fill(0);
        let mut any = false;
        for item in partner.equipment.values() {
            let month = item.delivered.filter(|_| item.kind.is_device());
            if let Some(i) = month.and_then(|month| timeline.held_by(month)) {
                delivered[i] = delivered[i].saturating_add(item.quantity);
                any = true;
            }
        }
        if !any {
            return;
        }
        accumulate(delivered, |sum, n| sum.saturating_add(n));
        for (month, _) in partner.observations.iter() {
            if let Some(i) = timeline.index(month) {
                self.devices_observed[i] = self.devices_observed[i].saturating_add(delivered[i]);
            }
        }
    }
}

/// Running totals in place: element `i` becomes the sum of elements `0..=i`.
fn accumulate<T: Copy>(values: &mut [T], add: impl Fn(T, T) -> T) {
    for i in 1..values.len() {
        values[i] = add(values[i - 1], values[i]);
    }
}

fn percent(share: Option<f64>) -> Option<f64> {
    share.map(|share| share * 100.0)
}

/// The consortium's KPIs; `training` holds the consortium's recorded training totals.
pub(super) fn kpis(
    project: &Project,
    timeline: &Timeline,
    adoption: &ConsortiumAdoption,
    training: &TrainingTotals,
) -> Kpis {
    let len = timeline.len;
    if project.partners.is_empty() {
        let empty = || timeline.kpi(vec![None; len]);
        return Kpis {
            staff: empty(),
            smartable: empty(),
            smart_workers: empty(),
            adoption: empty(),
            completion: empty(),
            hours_per_employee: empty(),
            coverage: empty(),
            spend: empty(),
        };
    }
    let mut monthly = Monthly::gather(project, timeline);
    accumulate(&mut monthly.completed, |a, b| a + b);
    accumulate(&mut monthly.person_hours, |a, b| a + b);
    accumulate(&mut monthly.ordered, |a, b| a + b);

    let constant = |value: i64| vec![Some(value as f64); len];
    let observed = |i: usize| adoption.reporting.get(i).is_some_and(|&n| n > 0);
    let smart_workers = (0..len)
        .map(|i| observed(i).then(|| adoption.smart_workers[i] as f64))
        .collect();
    let enrolled = training.completion.enrolled;
    let mut completion: Vec<Option<f64>> = monthly
        .completed
        .iter()
        .map(|&completed| percent((enrolled > 0).then(|| completed / enrolled as f64)))
        .collect();
    if let Some(now) = timeline.now {
        completion[now] = percent(training.completion.rate());
    }
    let hours_per_employee = monthly
        .person_hours
        .iter()
        .map(|&hours| per_person(hours, monthly.headcount))
        .collect();
    let coverage = (0..len)
        .map(|i| {
            percent(ratio(
                monthly.devices_observed[i],
                adoption.smart_workers[i],
            ))
        })
        .collect();
    let spend = monthly
        .ordered
        .iter()
        .map(|cents| Some(cents.euros()))
        .collect();

    Kpis {
        staff: timeline.kpi(constant(monthly.headcount)),
        smartable: timeline.kpi(constant(monthly.smartable)),
        smart_workers: timeline.kpi(smart_workers),
        adoption: timeline.kpi(adoption.of_smartable.iter().map(|&s| percent(s)).collect()),
        completion: timeline.kpi(completion),
        hours_per_employee: timeline.kpi(hours_per_employee),
        coverage: timeline.kpi(coverage),
        spend: timeline.kpi(spend),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, equipment, month, observe, partner, project};
    use crate::analysis::{consortium_adoption, default_as_of, training};
    use crate::model::EquipmentId;
    use crate::model::EquipmentKind::{Laptop, Softphone, Tablet, VpnLicence};

    /// Jan–Jun 2025, as of April (the last month observed).
    /// Bra: 100 staff, 50 smartable; 10 smart workers in Jan, 20 in Mar, 25 in Apr.
    ///   Module lead: 20 enrolled, 10 completed; sessions 15 Jan 2 h × 20, 10 Mar 6 h × 10.
    ///   10 laptops × €1,000 ordered Dec 2024, delivered Feb; 50 VPN × €20 ordered and
    ///   delivered Mar; 5 tablets × €400 ordered Apr, not delivered.
    /// Alba: 50 staff, 30 smartable; 6 smart workers in Jan, 9 in Feb, 12 in Apr.
    ///   Module digi: 10 enrolled, 10 completed; sessions 5 Feb 4 h × 10, 6 May 4 h × 8.
    ///   Module ghost: 5 enrolled, none completed, no sessions.
    ///   6 laptops × €900 delivered Apr, no order month; 10 softphones × €30, no dates.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-06");
        let mut bra = partner("Bra", 100, 10, 50);
        observe(&mut bra, "2025-01", 10, 4.0);
        observe(&mut bra, "2025-03", 20, 4.0);
        observe(&mut bra, "2025-04", 25, 4.0);
        bra.modules.insert(
            "lead".into(),
            choice(20, 10, &[("2025-01-15", 2.0, 20), ("2025-03-10", 6.0, 10)]),
        );
        let items = [
            equipment(Laptop, 10, 1000, Some("2024-12"), Some("2025-02")),
            equipment(VpnLicence, 50, 20, Some("2025-03"), Some("2025-03")),
            equipment(Tablet, 5, 400, Some("2025-04"), None),
        ];
        for (i, item) in items.into_iter().enumerate() {
            bra.equipment
                .insert(EquipmentId::new(format!("e{i}")), item);
        }
        let mut alba = partner("Alba", 50, 5, 30);
        observe(&mut alba, "2025-01", 6, 4.0);
        observe(&mut alba, "2025-02", 9, 4.0);
        observe(&mut alba, "2025-04", 12, 4.0);
        alba.modules.insert(
            "digi".into(),
            choice(10, 10, &[("2025-02-05", 4.0, 10), ("2025-05-06", 4.0, 8)]),
        );
        alba.modules.insert("ghost".into(), choice(5, 0, &[]));
        alba.equipment.insert(
            "e0".into(),
            equipment(Laptop, 6, 900, None, Some("2025-04")),
        );
        alba.equipment
            .insert("e1".into(), equipment(Softphone, 10, 30, None, None));
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p
    }

    fn kpis_of(project: &Project) -> Kpis {
        let timeline = Timeline::new(project.meta.start, 6, default_as_of(project));
        kpis(
            project,
            &timeline,
            &consortium_adoption(project),
            &training(project).consortium,
        )
    }

    #[track_caller]
    fn assert_trend(kpi: &Kpi, expected: [Option<f64>; 6]) {
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        let same =
            kpi.trend.len() == 6 && kpi.trend.iter().zip(expected).all(|(&a, b)| close(a, b));
        assert!(same, "trend {:?}, expected {expected:?}", kpi.trend);
        assert!(close(kpi.value, expected[3]), "value {:?}", kpi.value);
        assert!(
            close(kpi.previous, expected[2]),
            "previous {:?}",
            kpi.previous
        );
    }

    #[test]
    fn staff_figures_are_the_current_ones_up_to_the_kpi_month() {
        let kpis = kpis_of(&consortium());
        let s = Some(150.0);
        assert_trend(&kpis.staff, [s, s, s, s, None, None]);
        let s = Some(80.0);
        assert_trend(&kpis.smartable, [s, s, s, s, None, None]);
    }

    #[test]
    fn smart_workers_and_adoption_pool_the_partners_observed() {
        let kpis = kpis_of(&consortium());
        let sw = [Some(16.0), Some(9.0), Some(20.0), Some(37.0), None, None];
        assert_trend(&kpis.smart_workers, sw);
        // Jan 16 / 80; Feb Alba alone 9 / 30; Mar Bra alone 20 / 50; Apr 37 / 80.
        let adoption = [Some(20.0), Some(30.0), Some(40.0), Some(46.25), None, None];
        assert_trend(&kpis.adoption, adoption);
    }

    #[test]
    fn completion_is_estimated_from_session_hours_and_ends_at_the_recorded_rate() {
        let kpis = kpis_of(&consortium());
        // Lead: 2 of its 8 hours in Jan (2.5 of 10 completed), the rest in Mar. Digi: half
        // its hours in Feb (5 of 10), half in May. Ghost: no sessions, never counted.
        // Out of 35 enrolled: Jan 2.5, Feb 7.5, Mar 15; April shows the recorded 20 / 35.
        let pct = |completed: f64| Some(completed / 35.0 * 100.0);
        assert_trend(
            &kpis.completion,
            [pct(2.5), pct(7.5), pct(15.0), pct(20.0), None, None],
        );
    }

    #[test]
    fn hours_per_employee_count_sessions_held_by_each_month() {
        let kpis = kpis_of(&consortium());
        // 40 person-hours in Jan, 40 in Feb, 60 in Mar (the May session is after April),
        // over 150 staff.
        let per = |hours: f64| Some(hours / 150.0);
        let expected = [per(40.0), per(80.0), per(140.0), per(140.0), None, None];
        assert_trend(&kpis.hours_per_employee, expected);
    }

    #[test]
    fn coverage_counts_devices_of_the_partners_observed() {
        let kpis = kpis_of(&consortium());
        // Jan and Feb: no device delivered yet. Mar: Bra alone, 10 laptops / 20.
        // Apr: 10 + 6 laptops (the tablets are not delivered) / 37 smart workers.
        let expected = [
            Some(0.0),
            Some(0.0),
            Some(50.0),
            Some(1600.0 / 37.0),
            None,
            None,
        ];
        assert_trend(&kpis.coverage, expected);
    }

    #[test]
    fn spend_accumulates_orders_in_euros() {
        let kpis = kpis_of(&consortium());
        // Jan: laptops ordered in Dec 2024 (€10,000) and the undated softphones (€300).
        // Mar: + VPN €1,000. Apr: + tablets €2,000 + Alba's laptops €5,400 (by delivery).
        let expected = [
            Some(10_300.0),
            Some(10_300.0),
            Some(11_300.0),
            Some(18_700.0),
            None,
            None,
        ];
        assert_trend(&kpis.spend, expected);
    }

    #[test]
    fn the_kpi_month_is_clamped_into_the_programme() {
        let start = month("2025-01");
        assert_eq!(Timeline::new(start, 6, month("2025-04")).now, Some(3));
        assert_eq!(Timeline::new(start, 6, month("2026-04")).now, Some(5));
        assert_eq!(Timeline::new(start, 6, month("2024-04")).now, Some(0));
        assert_eq!(Timeline::new(start, 0, month("2025-04")).now, None);
        // In the first month there is no previous one.
        let kpi = Timeline::new(start, 3, start).kpi(vec![Some(1.0), Some(2.0), Some(3.0)]);
        assert_eq!(kpi.value, Some(1.0));
        assert_eq!(kpi.previous, None);
        assert_eq!(kpi.trend, [Some(1.0), None, None]);
    }

    #[test]
    fn no_partners_means_no_values() {
        let project = project("2025-01", "2025-06");
        let kpis = kpis_of(&project);
        for kpi in [&kpis.staff, &kpis.adoption, &kpis.completion, &kpis.spend] {
            assert_eq!(kpi.value, None);
            assert_eq!(kpi.previous, None);
            assert_eq!(kpi.trend, [None; 6]);
        }
    }
}
