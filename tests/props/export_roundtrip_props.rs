//! Export → import gives back the same project data, through XLSX and through CSV in both
//! languages; a template filled as a Comune would fill it merges exactly the values filled.
//!
//! The projects are arbitrary within what an office's spreadsheet can say (the importer
//! refuses negative counts or scores outside 1–5, which the unconstrained generators of
//! `arb` produce): names, titles and codes distinct, figures in their ranges, months in the
//! programme.

use std::collections::BTreeSet;

use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;

use cruscotto::exchange::apply::{apply_all, edits};
use cruscotto::exchange::export::{
    CsvStyle, Table, TableKind, tables, write_csv_to, write_xlsx_to_buffer,
};
use cruscotto::exchange::header::find_header;
use cruscotto::exchange::mapping::Mapping;
use cruscotto::exchange::plan::{ImportOptions, plan};
use cruscotto::exchange::read::{ReadOptions, read_bytes};
use cruscotto::exchange::template::{TemplateOptions, template_workbook};
use cruscotto::exchange::{Cell, Grid, Workbook};
use cruscotto::i18n::Lang;
use cruscotto::model::*;

const START: (i32, u32) = (2025, 1);
const MONTHS: i32 = 36;

fn start() -> Month {
    Month::new(START.0, START.1).unwrap()
}

fn month_in_programme() -> impl Strategy<Value = Month> {
    (0..MONTHS).prop_map(|offset| start().plus(offset))
}

fn date_in_programme() -> impl Strategy<Value = jiff::civil::Date> {
    (month_in_programme(), 1..=28i8)
        .prop_map(|(month, day)| jiff::civil::date(month.year() as i16, month.month() as i8, day))
}

/// Tenths, as offices write figures: 4,5 days, 3,8 points.
fn tenths(range: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = f64> {
    range.prop_map(|n| n as f64 / 10.0)
}

fn observation() -> impl Strategy<Value = Observation> {
    let score = || option::of(tenths(10..=50));
    (0..5_000i64, tenths(0..=220), score(), score(), score()).prop_map(
        |(smart_workers, agile_days, wellbeing, work_life_balance, belonging)| Observation {
            smart_workers,
            agile_days,
            wellbeing,
            work_life_balance,
            belonging,
        },
    )
}

fn session() -> impl Strategy<Value = Session> {
    (date_in_programme(), tenths(5..=80), 0..300i64).prop_map(|(date, hours, attendees)| Session {
        date,
        hours,
        attendees,
    })
}

fn choice() -> impl Strategy<Value = ModuleChoice> {
    (
        0..500i64,
        0..=100i64,
        btree_map("[a-z][a-z0-9-]{0,7}", session(), 0..3),
    )
        .prop_map(|(enrolled, percent, sessions)| ModuleChoice {
            enrolled,
            completed: enrolled * percent / 100,
            sessions: sessions
                .into_iter()
                .map(|(id, s)| (SessionId::new(id), s))
                .collect(),
        })
}

fn equipment() -> impl Strategy<Value = Equipment> {
    (
        proptest::sample::select(EquipmentKind::ALL.to_vec()),
        0..1_000i64,
        0..5_000_000i64,
        option::of(month_in_programme()),
        option::of(month_in_programme()),
    )
        .prop_map(|(kind, quantity, cents, ordered, delivered)| Equipment {
            kind,
            quantity,
            unit_cost: Cents(cents),
            ordered,
            delivered,
        })
}

fn indicator_values() -> impl Strategy<Value = IndicatorValues> {
    (
        option::of(tenths(0..=10_000)),
        btree_map(2025..2028i32, tenths(0..=10_000), 0..3),
        btree_map(month_in_programme(), tenths(-1_000..=10_000), 0..4),
    )
        .prop_map(|(baseline, targets, observed)| IndicatorValues {
            baseline,
            targets,
            observed,
        })
        .prop_filter("an indicator entry says something", |v| {
            v.baseline.is_some() || !v.targets.is_empty() || !v.observed.is_empty()
        })
}

const MODULES: usize = 12;
const INDICATORS: usize = 4;

fn partner(index: usize) -> impl Strategy<Value = Partner> {
    (
        "[A-Z][a-z]{2,9}",
        "[A-Z]{2}",
        option::of("[0-9]{6}"),
        (0..1_000_000i64, 0..20_000i64, 0..500i64, 0..20_000i64),
        btree_map(month_in_programme(), observation(), 0..6),
        btree_map(0..MODULES, choice(), 0..4),
        btree_map("[a-z][a-z0-9-]{0,7}", equipment(), 0..3),
        btree_map(0..INDICATORS, indicator_values(), 0..3),
    )
        .prop_map(
            move |(name, province, istat, staff, observed, modules, equipment, indicators)| {
                let mut partner = Partner::new(format!("{name} {index}"), province, start());
                partner.istat = istat;
                (
                    partner.population,
                    partner.headcount,
                    partner.managers,
                    partner.smartable,
                ) = staff;
                for (month, observation) in observed {
                    partner.observations.set(month, Some(observation));
                }
                partner.modules = modules
                    .into_iter()
                    .map(|(m, c)| (module_id(m), c))
                    .collect();
                partner.equipment = equipment
                    .into_iter()
                    .map(|(id, e)| (EquipmentId::new(id), e))
                    .collect();
                partner.indicators = indicators
                    .into_iter()
                    .map(|(i, v)| (indicator_id(i), v))
                    .collect();
                partner
            },
        )
}

fn module_id(index: usize) -> ModuleId {
    ModuleId::new(format!("mod-{index}"))
}

fn indicator_id(index: usize) -> IndicatorId {
    IndicatorId::new(format!("ind-{index}"))
}

/// A programme of up to four Comuni with a catalogue of distinct titles.
fn exportable_project() -> impl Strategy<Value = Project> {
    (
        btree_set("[a-z][a-z0-9]{0,6}", 1..4),
        vec(partner(0), 0..1),
        vec(partner(1), 1..2),
        vec(partner(2), 1..2),
        vec(partner(3), 1..2),
    )
        .prop_map(|(ids, p0, p1, p2, p3)| {
            let mut project = Project::new("Programma", start(), start().plus(MONTHS - 1));
            for index in 0..MODULES {
                let module = Module {
                    title: format!("Modulo {index}"),
                    area: ModuleArea::ALL[index % ModuleArea::ALL.len()],
                    format: ModuleFormat::Classroom,
                    hours: 8.0,
                    audience: Audience::All,
                    indicators: BTreeSet::new(),
                    retired: false,
                };
                project.catalogue.insert(module_id(index), module);
            }
            for index in 0..INDICATORS {
                let indicator = IndicatorDef {
                    name: format!("Indicatore {index}"),
                    block: IndicatorBlock::ALL[index % IndicatorBlock::ALL.len()],
                    unit: "%".to_owned(),
                    higher_is_better: true,
                };
                project.indicators.insert(indicator_id(index), indicator);
            }
            let partners = p0.into_iter().chain(p1).chain(p2).chain(p3);
            for (id, partner) in ids.into_iter().zip(partners) {
                project.partners.insert(PartnerId::new(id), partner);
            }
            project
        })
}

/// The project with the same Comuni (code and name) and catalogues, and nothing recorded.
fn emptied(project: &Project) -> Project {
    let mut empty = project.clone();
    for partner in empty.partners.values_mut() {
        *partner = Partner::new(partner.name.clone(), "", project.meta.start);
    }
    empty
}

/// The importer's reader on a written file.
fn read(name: &str, bytes: &[u8]) -> Workbook {
    read_bytes(name, bytes, &ReadOptions::default()).expect("an exported file reads")
}

/// Every sheet of `workbook` imported into `project` in order, all values overwriting;
/// returns the refused rows' reasons.
fn import_all(project: &mut Project, workbook: &Workbook) -> Vec<String> {
    let mut refused = Vec::new();
    for grid in &workbook.sheets {
        refused.extend(import_grid(project, grid));
    }
    refused
}

fn import_grid(project: &mut Project, grid: &Grid) -> Vec<String> {
    let Some(header) = find_header(grid) else {
        return vec![format!("{}: no header", grid.name)];
    };
    let Some(mapping) = Mapping::guess(&header, None) else {
        return vec![format!("{}: no kind", grid.name)];
    };
    let planned = plan(project, grid, &mapping, ImportOptions::default());
    let refused = planned
        .errors
        .iter()
        .map(|e| format!("{} row {} {}: {:?}", grid.name, e.row, e.header, e.reason))
        .collect();
    let batch = edits(&planned, project).expect("a plan's edits apply");
    apply_all(project, batch).expect("the edits apply");
    refused
}

/// Types `cell` into column `col` of a read row (readers leave out trailing empty cells).
fn put(cells: &mut Vec<Cell>, col: usize, cell: Cell) {
    if cells.len() <= col {
        cells.resize(col + 1, Cell::Empty);
    }
    cells[col] = cell;
}

fn importable(project: &Project, lang: Lang) -> Vec<Table> {
    let kinds: Vec<TableKind> = TableKind::ALL
        .into_iter()
        .filter(|kind| kind.file_kind().is_some())
        .collect();
    tables(project, &kinds, lang, None)
}

fn csv_bytes(table: &Table, lang: Lang) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_csv_to(table, &mut bytes, CsvStyle::for_lang(lang)).unwrap();
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn an_xlsx_export_imports_back_into_the_same_project(
        project in exportable_project(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let bytes = write_xlsx_to_buffer(&importable(&project, lang), lang).unwrap();
        let mut imported = emptied(&project);
        let refused = import_all(&mut imported, &read("export.xlsx", &bytes));
        prop_assert!(refused.is_empty(), "{refused:#?}");
        prop_assert_eq!(imported, project);
    }

    #[test]
    fn a_csv_export_imports_back_into_the_same_project(
        project in exportable_project(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let mut imported = emptied(&project);
        for table in importable(&project, lang) {
            let file = read(&format!("{}.csv", table.kind.key()), &csv_bytes(&table, lang));
            let refused = import_all(&mut imported, &file);
            prop_assert!(refused.is_empty(), "{}: {refused:#?}", table.kind.key());
        }
        prop_assert_eq!(imported, project);
    }
}

proptest! {
    // A template is a whole workbook of 36 months to write and read: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_filled_template_merges_exactly_the_values_filled(
        project in exportable_project(),
        fills in vec((0..MONTHS as usize, 0..5_000i64, tenths(0..=220)), 1..6),
        purchase in equipment(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let (id, partner) = project.partners.iter().next().unwrap();
        // A purchase like one the Comune has (same kind, month and cost) would update it.
        prop_assume!(!partner.equipment.values().any(|e| e.kind == purchase.kind
            && e.ordered == purchase.ordered
            && e.unit_cost == purchase.unit_cost));
        let mut workbook = template_workbook(&project, id, &TemplateOptions { lang, from: None }).unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let mut template = read("modello.xlsx", &bytes);
        let observations = &mut template.sheets[0];
        let mut expected = project.clone();
        for &(row, workers, days) in &fills {
            let cells = &mut observations.rows[row + 1];
            put(cells, 4, Cell::Number(workers as f64));
            put(cells, 5, Cell::Number(days));
            let month = start().plus(row as i32);
            let old = partner.observations.get(month).copied();
            let mut observation = old.unwrap_or(Observation::new(workers, days));
            observation.smart_workers = workers;
            observation.agile_days = days;
            expected
                .partners
                .get_mut(id)
                .unwrap()
                .observations
                .set(month, Some(observation));
        }
        let equipment_sheet = &mut template.sheets[3];
        let label = cruscotto::exchange::export::labels::equipment(purchase.kind, lang);
        let month_cell = |m: Option<Month>| m.map_or(Cell::Empty, |m| Cell::Date(m.first_day()));
        let cells = &mut equipment_sheet.rows[1];
        put(cells, 4, Cell::Text(label.into()));
        put(cells, 5, Cell::Number(purchase.quantity as f64));
        put(cells, 6, Cell::Number(purchase.unit_cost.euros()));
        put(cells, 7, month_cell(purchase.ordered));
        put(cells, 8, month_cell(purchase.delivered));

        let mut merged = project.clone();
        let mut refused = Vec::new();
        for grid in &template.sheets[..4] {
            refused.extend(import_grid(&mut merged, grid));
        }
        // Rows nobody filled are refused for lack of values, never applied.
        prop_assert!(
            refused.iter().all(|r| r.contains("Missing") || r.contains("NothingToImport")),
            "{refused:#?}"
        );
        let merged_partner = merged.partners.get_mut(id).unwrap();
        let new_codes: Vec<EquipmentId> = merged_partner
            .equipment
            .keys()
            .filter(|code| !partner.equipment.contains_key(*code))
            .cloned()
            .collect();
        prop_assert_eq!(new_codes.len(), 1, "one purchase added");
        let added = merged_partner.equipment.remove(&new_codes[0]).unwrap();
        prop_assert_eq!(added, purchase);
        prop_assert_eq!(merged, expected);
    }
}
