//! Small hand-built projects for unit tests: terse constructors so a test reads like the
//! table of figures it checks.

use crate::model::{
    Audience, Cents, Equipment, EquipmentKind, MilestoneDates, MilestoneKind, Module, ModuleArea,
    ModuleChoice, ModuleFormat, Month, Observation, Partner, Project, Session, SessionId,
};

pub(crate) fn month(text: &str) -> Month {
    text.parse().expect("test months are well formed")
}

pub(crate) fn date(text: &str) -> jiff::civil::Date {
    text.parse().expect("test dates are well formed")
}

/// A milestone's planned and actual months, either of which may be missing.
pub(crate) fn dates(planned: Option<&str>, actual: Option<&str>) -> MilestoneDates {
    MilestoneDates {
        planned: planned.map(month),
        actual: actual.map(month),
    }
}

pub(crate) fn project(start: &str, end: &str) -> Project {
    Project::new("Test programme", month(start), month(end))
}

pub(crate) fn module(title: &str, area: ModuleArea, hours: f64) -> Module {
    Module {
        title: title.to_owned(),
        area,
        format: ModuleFormat::Classroom,
        hours,
        audience: Audience::All,
        indicators: Default::default(),
        retired: false,
    }
}

/// A partner with its staff figures; population is 100 inhabitants per employee.
pub(crate) fn partner(name: &str, headcount: i64, managers: i64, smartable: i64) -> Partner {
    let mut partner = Partner::new(name, "CN", month("2025-01"));
    partner.population = headcount * 100;
    partner.headcount = headcount;
    partner.managers = managers;
    partner.smartable = smartable;
    partner
}

/// Bra, a Comune whose union agreement is signed (February 2025) and whose regolamento is
/// planned for August 2025: a tappa still ahead of a mid-2025 anchor.
pub(crate) fn bra_with_regolamento_ahead() -> Partner {
    let mut comune = partner("Bra", 100, 5, 50);
    comune
        .milestones
        .insert(MilestoneKind::Regolamento, dates(Some("2025-08"), None));
    comune.milestones.insert(
        MilestoneKind::UnionAgreement,
        dates(Some("2025-02"), Some("2025-02")),
    );
    comune
}

/// A chosen module; sessions are `(date, hours, attendees)` with ids `s1`, `s2`, ...
pub(crate) fn choice(enrolled: i64, completed: i64, sessions: &[(&str, f64, i64)]) -> ModuleChoice {
    ModuleChoice {
        enrolled,
        completed,
        sessions: sessions
            .iter()
            .enumerate()
            .map(|(i, &(day, hours, attendees))| {
                let session = Session {
                    date: date(day),
                    hours,
                    attendees,
                };
                (SessionId::new(format!("s{}", i + 1)), session)
            })
            .collect(),
    }
}

pub(crate) fn equipment(
    kind: EquipmentKind,
    quantity: i64,
    unit_euros: i64,
    ordered: Option<&str>,
    delivered: Option<&str>,
) -> Equipment {
    Equipment {
        kind,
        quantity,
        unit_cost: Cents::from_euros(unit_euros),
        ordered: ordered.map(month),
        delivered: delivered.map(month),
    }
}

pub(crate) fn observe(partner: &mut Partner, when: &str, smart_workers: i64, agile_days: f64) {
    partner.observations.set(
        month(when),
        Some(Observation::new(smart_workers, agile_days)),
    );
}
