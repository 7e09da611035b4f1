//! Training: completion (completed / enrolled) and hours of training per employee.

use std::collections::BTreeMap;

use super::{per_person, ratio};
use crate::model::{Module, ModuleArea, ModuleChoice, ModuleId, Partner, PartnerId, Project};

/// People enrolled in and completing modules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Completion {
    pub enrolled: i64,
    pub completed: i64,
}

impl Completion {
    /// completed / enrolled; `None` when nobody enrolled.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.completed, self.enrolled)
    }

    fn add(&mut self, other: Completion) {
        self.enrolled = self.enrolled.saturating_add(other.enrolled);
        self.completed = self.completed.saturating_add(other.completed);
    }

    fn of(choice: &ModuleChoice) -> Completion {
        Completion {
            enrolled: choice.enrolled,
            completed: choice.completed,
        }
    }
}

/// Training of one partner, or of the whole consortium.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TrainingTotals {
    pub completion: Completion,
    /// Σ over sessions of hours × attendees.
    pub person_hours: f64,
    pub headcount: i64,
}

impl TrainingTotals {
    /// person-hours / headcount; `None` without staff.
    pub fn hours_per_employee(&self) -> Option<f64> {
        per_person(self.person_hours, self.headcount)
    }

    fn of_staff(headcount: i64) -> TrainingTotals {
        TrainingTotals {
            headcount,
            ..TrainingTotals::default()
        }
    }

    fn add_choice(&mut self, completion: Completion, person_hours: f64) {
        self.completion.add(completion);
        self.person_hours += person_hours;
    }

    fn add(&mut self, other: &TrainingTotals) {
        self.completion.add(other.completion);
        self.person_hours += other.person_hours;
        self.headcount = self.headcount.saturating_add(other.headcount);
    }
}

/// One catalogue module across the partners that chose it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ModuleTraining {
    pub completion: Completion,
    pub person_hours: f64,
    /// Partners that chose the module.
    pub partners: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    pub partners: BTreeMap<PartnerId, TrainingTotals>,
    /// Every chosen module, including any missing from the catalogue.
    pub modules: BTreeMap<ModuleId, ModuleTraining>,
    /// Every area of `ModuleArea::ALL`, empty ones included (rate `None`). A chosen module
    /// missing from the catalogue has no area and counts in none (validation reports it).
    pub areas: BTreeMap<ModuleArea, Completion>,
    /// All partners together: Σ completed / Σ enrolled, Σ person-hours / Σ headcount.
    pub consortium: TrainingTotals,
}

/// A partner's training over all its chosen modules.
pub fn partner_training(partner: &Partner) -> TrainingTotals {
    let mut totals = TrainingTotals::of_staff(partner.headcount);
    for choice in partner.modules.values() {
        totals.add_choice(Completion::of(choice), choice.person_hours());
    }
    totals
}

/// How much of a module has been delivered to a partner: Σ hours of its sessions over the
/// module's planned hours (1.0 = the whole module, more when extra sessions were held);
/// `None` for a module without planned hours.
pub fn delivered_share(choice: &ModuleChoice, module: &Module) -> Option<f64> {
    let delivered: f64 = choice.sessions.values().map(|s| s.hours).sum();
    (module.hours > 0.0 && module.hours.is_finite()).then(|| delivered / module.hours)
}

/// Training per partner, per module, per area and for the consortium, in one pass over
/// the chosen modules.
pub fn training(project: &Project) -> Training {
    let mut partners = BTreeMap::new();
    let mut modules: BTreeMap<ModuleId, ModuleTraining> = BTreeMap::new();
    let mut consortium = TrainingTotals::default();
    for (id, partner) in &project.partners {
        let mut totals = TrainingTotals::of_staff(partner.headcount);
        for (module_id, choice) in &partner.modules {
            let (completion, person_hours) = (Completion::of(choice), choice.person_hours());
            totals.add_choice(completion, person_hours);
            // Clone the id only the first time a module is seen.
            let entry = match modules.get_mut(module_id) {
                Some(entry) => entry,
                None => modules.entry(module_id.clone()).or_default(),
            };
            entry.completion.add(completion);
            entry.person_hours += person_hours;
            entry.partners += 1;
        }
        consortium.add(&totals);
        partners.insert(id.clone(), totals);
    }
    let mut areas: BTreeMap<ModuleArea, Completion> = ModuleArea::ALL
        .iter()
        .map(|&area| (area, Completion::default()))
        .collect();
    for (module_id, figures) in &modules {
        if let Some(module) = project.catalogue.get(module_id) {
            areas
                .entry(module.area)
                .or_default()
                .add(figures.completion);
        }
    }
    Training {
        partners,
        modules,
        areas,
        consortium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{choice, module, partner, project};

    /// Bra (100 staff): lead 30 enrolled / 21 completed, sessions 4 h × 28 and 4 h × 26
    /// (216 person-hours); digi 40 / 30, one session 8 h × 40 (320).
    /// Alba (50 staff): digi 10 / 10, 8 h × 10 (80); ghost (not in the catalogue) 5 / 0.
    /// Cuneo (0 staff): nothing.
    fn consortium() -> Project {
        let mut p = project("2025-01", "2025-12");
        p.catalogue.insert(
            "lead".into(),
            module("Leadership agile", ModuleArea::Leadership, 8.0),
        );
        p.catalogue.insert(
            "digi".into(),
            module("Digital skills", ModuleArea::DigitalSkills, 8.0),
        );
        p.catalogue.insert(
            "rules".into(),
            module("Regolamento", ModuleArea::Rules, 4.0),
        );
        let mut bra = partner("Bra", 100, 10, 60);
        bra.modules.insert(
            "lead".into(),
            choice(30, 21, &[("2025-03-10", 4.0, 28), ("2025-04-07", 4.0, 26)]),
        );
        bra.modules
            .insert("digi".into(), choice(40, 30, &[("2025-05-12", 8.0, 40)]));
        let mut alba = partner("Alba", 50, 5, 30);
        alba.modules
            .insert("digi".into(), choice(10, 10, &[("2025-04-01", 8.0, 10)]));
        alba.modules.insert("ghost".into(), choice(5, 0, &[]));
        p.partners.insert("bra".into(), bra);
        p.partners.insert("alba".into(), alba);
        p.partners.insert("cuneo".into(), partner("Cuneo", 0, 0, 0));
        p
    }

    #[test]
    fn delivered_share_is_session_hours_over_planned_hours() {
        let project = consortium();
        let (module_id, module) = project.catalogue.iter().next().unwrap();
        let mut choice = ModuleChoice::default();
        assert_eq!(delivered_share(&choice, module), Some(0.0));
        let date = jiff::civil::date(2025, 3, 4);
        for (id, hours) in [("a", module.hours / 4.0), ("b", module.hours / 4.0)] {
            let session = crate::model::Session {
                date,
                hours,
                attendees: 10,
            };
            choice
                .sessions
                .insert(crate::model::SessionId::new(id), session);
        }
        assert_eq!(delivered_share(&choice, module), Some(0.5), "{module_id}");
        let mut unplanned = module.clone();
        unplanned.hours = 0.0;
        assert_eq!(delivered_share(&choice, &unplanned), None);
    }

    #[test]
    fn partner_completion_and_hours_per_employee() {
        let figures = training(&consortium());
        let bra = figures.partners[&PartnerId::from("bra")];
        assert_eq!(
            bra.completion,
            Completion {
                enrolled: 70,
                completed: 51
            }
        );
        assert_eq!(bra.completion.rate(), Some(51.0 / 70.0));
        assert_eq!(bra.person_hours, 536.0);
        assert_eq!(bra.hours_per_employee(), Some(5.36));
        let alba = figures.partners[&PartnerId::from("alba")];
        assert_eq!(alba.completion.rate(), Some(10.0 / 15.0));
        assert_eq!(alba.hours_per_employee(), Some(1.6));
        let cuneo = figures.partners[&PartnerId::from("cuneo")];
        assert_eq!(cuneo.completion.rate(), None);
        assert_eq!(cuneo.hours_per_employee(), None);
    }

    #[test]
    fn module_completion_pools_the_partners_that_chose_it() {
        let figures = training(&consortium());
        let digi = figures.modules[&ModuleId::from("digi")];
        assert_eq!(digi.partners, 2);
        assert_eq!(digi.completion.rate(), Some(0.8));
        assert_eq!(digi.person_hours, 400.0);
        let lead = figures.modules[&ModuleId::from("lead")];
        assert_eq!(lead.completion.rate(), Some(0.7));
        assert_eq!(
            figures.modules[&ModuleId::from("ghost")].completion.rate(),
            Some(0.0)
        );
        assert!(!figures.modules.contains_key(&ModuleId::from("rules")));
    }

    #[test]
    fn area_completion_covers_every_area() {
        let figures = training(&consortium());
        assert_eq!(figures.areas.len(), ModuleArea::ALL.len());
        assert_eq!(figures.areas[&ModuleArea::Leadership].rate(), Some(0.7));
        assert_eq!(figures.areas[&ModuleArea::DigitalSkills].rate(), Some(0.8));
        assert_eq!(figures.areas[&ModuleArea::Rules].rate(), None);
        // The ghost module has no area: the areas add up to 80 enrolled, not 85.
        let enrolled: i64 = figures.areas.values().map(|c| c.enrolled).sum();
        assert_eq!(enrolled, 80);
    }

    #[test]
    fn consortium_totals() {
        let consortium = training(&consortium()).consortium;
        assert_eq!(
            consortium.completion,
            Completion {
                enrolled: 85,
                completed: 61
            }
        );
        assert_eq!(consortium.headcount, 150);
        assert_eq!(consortium.person_hours, 616.0);
        assert_eq!(consortium.hours_per_employee(), Some(616.0 / 150.0));
    }
}
