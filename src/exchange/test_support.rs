//! Sheets and a project built in memory for the importer's unit tests.

use crate::analysis::fixture::{choice, equipment, module, month, observe, partner, project};
use crate::exchange::cell::{Cell, Grid};
use crate::exchange::header::find_header;
use crate::exchange::mapping::Mapping;
use crate::exchange::plan::{ImportOptions, Plan, plan};
use crate::exchange::schema::FileKind;
use crate::model::{EquipmentKind, IndicatorBlock, IndicatorDef, ModuleArea, Observation, Project};

/// A cell as a CSV gives it.
pub fn t(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.into())
    }
}

/// A sheet of text cells, the first row its header.
pub fn sheet(rows: &[&[&str]]) -> Grid {
    Grid {
        name: "Foglio1".to_owned(),
        rows: rows
            .iter()
            .map(|row| row.iter().map(|text| t(text)).collect())
            .collect(),
    }
}

/// Bra (ISTAT 004029) with observations, a module and a purchase; Alba with nothing.
pub fn programme() -> Project {
    let mut project = project("2025-01", "2026-12");
    project.meta.max_modules_per_partner = 2;
    project.catalogue.insert(
        "lead".into(),
        module("Leadership agile", ModuleArea::Leadership, 12.0),
    );
    project.catalogue.insert(
        "digi".into(),
        module("Competenze digitali", ModuleArea::DigitalSkills, 8.0),
    );
    let mut retired = module("Regolamento", ModuleArea::Rules, 4.0);
    retired.retired = true;
    project.catalogue.insert("rules".into(), retired);
    project.indicators.insert(
        "i-digitale".into(),
        IndicatorDef {
            name: "Dipendenti con competenze digitali".to_owned(),
            block: IndicatorBlock::DigitalHealth,
            unit: "%".to_owned(),
            higher_is_better: true,
        },
    );
    let mut bra = partner("Comune di Bra", 180, 14, 96);
    bra.istat = Some("004029".to_owned());
    observe(&mut bra, "2025-01", 10, 4.0);
    observe(&mut bra, "2025-02", 12, 4.5);
    bra.modules
        .insert("lead".into(), choice(14, 12, &[("2025-03-10", 4.0, 14)]));
    bra.equipment.insert(
        "eq-1".into(),
        equipment(
            EquipmentKind::Laptop,
            20,
            999,
            Some("2025-02"),
            Some("2025-03"),
        ),
    );
    project.partners.insert("bra".into(), bra);
    project
        .partners
        .insert("alba".into(), partner("Alba", 300, 20, 150));
    project
}

/// The plan of `grid` with its guessed mapping.
pub fn plan_of(project: &Project, grid: &Grid, create_missing: bool) -> Plan {
    let header = find_header(grid).expect("a header");
    let mapping = Mapping::guess(&header, None).expect("a kind");
    plan(project, grid, &mapping, ImportOptions { create_missing })
}

pub fn plan_as(project: &Project, grid: &Grid, kind: FileKind) -> Plan {
    let header = find_header(grid).expect("a header");
    let mapping = Mapping::guess(&header, Some(kind)).expect("a kind");
    plan(project, grid, &mapping, ImportOptions::default())
}

pub fn obs(smart_workers: i64, agile_days: f64) -> Observation {
    Observation::new(smart_workers, agile_days)
}

pub fn m(text: &str) -> crate::model::Month {
    month(text)
}
