//! Files written by LibreOffice Calc in Italian (tests/fixtures/exchange, see its README)
//! imported into the demo programme: every row lands with its exact value, in XLSX, ODS and
//! the Windows-1252 `;` CSV alike, and the rows that must be refused are, with their reason.

use std::path::{Path, PathBuf};

use cruscotto::exchange::apply::{apply_all, edits};
use cruscotto::exchange::import::prepare;
use cruscotto::exchange::plan::{ImportOptions, Plan, plan};
use cruscotto::exchange::row::Reason;
use cruscotto::exchange::values::ValueError;
use cruscotto::exchange::{FieldKey, FileKind, ReadOptions, read_path};
use cruscotto::model::{Cents, EquipmentKind, Month, Partner, PartnerId, Project};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name)
}

/// The plan of `file` (its `sheet`, or the first with data) against the demo, and the demo
/// with the plan applied.
fn import(file: &str, sheet: Option<&str>) -> (Plan, Project) {
    let workbook = read_path(&fixture(file), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{file}: {e:?}"));
    let project = cruscotto::demo::embedded();
    let prepared = prepare(&workbook, sheet, None, None).unwrap_or_else(|e| panic!("{file}: {e}"));
    let grid = &workbook.sheets[prepared.sheet];
    let plan = plan(&project, grid, &prepared.mapping, ImportOptions::default());
    let mut after = project.clone();
    apply_all(&mut after, edits(&plan, &project).unwrap()).unwrap();
    (plan, after)
}

fn partner<'a>(project: &'a Project, id: &str) -> &'a Partner {
    &project.partners[&PartnerId::new(id)]
}

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

fn date(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

#[test]
fn monthly_observations_land_and_the_div0_row_is_refused() {
    for file in ["osservazioni.xlsx", "osservazioni.ods", "osservazioni.csv"] {
        let (plan, project) = import(file, None);
        assert_eq!(plan.kind, FileKind::Observations, "{file}");
        assert_eq!(plan.rows_read, 6, "{file}");
        assert_eq!(plan.rows_valid, vec![4, 5, 6, 8, 9], "{file}");
        assert_eq!(plan.errors.len(), 1, "{file}: {:?}", plan.errors);
        let error = &plan.errors[0];
        assert_eq!(
            (error.row, error.column_letter().as_str()),
            (7, "F"),
            "{file}"
        );
        assert_eq!(error.value, "#DIV/0!", "{file}");
        assert_eq!(
            error.reason,
            Reason::Value {
                field: FieldKey::AgileDays,
                error: ValueError::ErrorCell("#DIV/0!".into())
            },
            "{file}"
        );
        for (id, when, workers, days, wellbeing) in [
            ("bra", "2025-01", 42, 6.5, 3.8),
            ("bra", "2025-02", 45, 7.0, 3.9),
            ("alba", "2025-01", 38, 5.25, 4.1),
            ("saluzzo", "2025-03", 21, 4.5, 3.5),
            ("cuneo", "2025-03", 57, 8.0, 4.2),
        ] {
            let observation = partner(&project, id).observations.get(month(when)).unwrap();
            assert_eq!(
                (
                    observation.smart_workers,
                    observation.agile_days,
                    observation.wellbeing
                ),
                (workers, days, Some(wellbeing)),
                "{file} {id} {when}"
            );
        }
        // The ISTAT codes (numbers in the file) are given to the Comuni that had none.
        assert_eq!(
            partner(&project, "bra").istat.as_deref(),
            Some("004029"),
            "{file}"
        );
        assert_eq!(
            partner(&project, "cuneo").istat.as_deref(),
            Some("004078"),
            "{file}"
        );
    }
}

#[test]
fn an_attendance_register_lands_as_sessions_and_completion() {
    for file in ["presenze.xlsx", "presenze.ods", "presenze.csv"] {
        let (plan, project) = import(file, None);
        assert_eq!(plan.kind, FileKind::Attendance, "{file}");
        // Bra has chosen nine modules, the programme's maximum, and not this one: its rows
        // are refused rather than breaking the rule (the user chooses the module first).
        assert_eq!(plan.rows_valid, vec![6, 7], "{file}");
        let refused: Vec<_> = plan
            .errors
            .iter()
            .map(|e| (e.row, e.reason.clone()))
            .collect();
        let too_many = Reason::TooManyModules { max: 9 };
        assert_eq!(
            refused,
            (2..=5)
                .map(|row| (row, too_many.clone()))
                .collect::<Vec<_>>(),
            "{file}"
        );
        let tools = &partner(&project, "alba").modules[&"dig-collaborazione".into()];
        let session = tools
            .sessions
            .values()
            .find(|s| s.date == date("2025-02-03"))
            .unwrap();
        assert_eq!((session.hours, session.attendees), (3.0, 1), "{file}");
        assert_eq!((tools.enrolled, tools.completed), (2, 1), "{file}");

        // Once Bra has room for the module, every row lands.
        let workbook = read_path(&fixture(file), &ReadOptions::default()).unwrap();
        let mut roomy = cruscotto::demo::embedded();
        roomy.meta.max_modules_per_partner = 10;
        let prepared = prepare(&workbook, None, None, None).unwrap();
        let plan = cruscotto::exchange::plan::plan(
            &roomy,
            &workbook.sheets[0],
            &prepared.mapping,
            ImportOptions::default(),
        );
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        let mut after = roomy.clone();
        apply_all(&mut after, edits(&plan, &roomy).unwrap()).unwrap();
        let wellbeing = &partner(&after, "bra").modules[&"ben-conciliazione".into()];
        let on = |day: &str| {
            wellbeing
                .sessions
                .values()
                .find(|s| s.date == date(day))
                .map(|s| (s.hours, s.attendees))
        };
        assert_eq!(on("2025-01-15"), Some((4.0, 2)), "{file}");
        assert_eq!(on("2025-01-22"), Some((4.0, 2)), "{file}");
        // Bianchi did not complete on the 15th but did on the 22nd.
        assert_eq!((wellbeing.enrolled, wellbeing.completed), (2, 2), "{file}");
    }
}

#[test]
fn equipment_purchases_land_with_their_codes_costs_and_months() {
    for file in ["acquisti.xlsx", "acquisti.ods", "acquisti.csv"] {
        let (plan, project) = import(file, None);
        assert_eq!(plan.kind, FileKind::Equipment, "{file}");
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        for (id, code, kind, quantity, cents, ordered, delivered) in [
            (
                "bra",
                "portatili-1",
                EquipmentKind::Laptop,
                34,
                104_990,
                "2025-10",
                Some("2026-01"),
            ),
            (
                "bra",
                "vpn-1",
                EquipmentKind::VpnLicence,
                44,
                5_700,
                "2025-10",
                Some("2025-12"),
            ),
            (
                "saluzzo",
                "portatili-1",
                EquipmentKind::Laptop,
                12,
                98_900,
                "2025-11",
                None,
            ),
            (
                "fossano",
                "firme-digitali-1",
                EquipmentKind::DigitalSignature,
                8,
                5_850,
                "2025-04",
                Some("2025-05"),
            ),
        ] {
            let equipment = &partner(&project, id).equipment[&code.into()];
            assert_eq!(
                (equipment.kind, equipment.quantity, equipment.unit_cost),
                (kind, quantity, Cents(cents)),
                "{file} {id} {code}"
            );
            assert_eq!(
                equipment.ordered,
                Some(month(ordered)),
                "{file} {id} {code}"
            );
            assert_eq!(
                equipment.delivered,
                delivered.map(month),
                "{file} {id} {code}"
            );
        }
    }
}

#[test]
fn staff_figures_land_with_their_istat_codes() {
    for file in ["personale.xlsx", "personale.ods", "personale.csv"] {
        let (plan, project) = import(file, None);
        assert_eq!(plan.kind, FileKind::Partners, "{file}");
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        for (id, istat, population, headcount, managers, smartable) in [
            ("bra", "004029", 29_800, 187, 8, 95),
            ("alba", "004003", 31_500, 192, 11, 98),
            ("cuneo", "004078", 56_000, 359, 16, 183),
            ("saluzzo", "004203", 17_000, 114, 5, 58),
            ("fossano", "004089", 24_500, 146, 7, 79),
        ] {
            let p = partner(&project, id);
            assert_eq!(
                (
                    p.istat.as_deref(),
                    p.population,
                    p.headcount,
                    p.managers,
                    p.smartable
                ),
                (Some(istat), population, headcount, managers, smartable),
                "{file} {id}"
            );
            assert_eq!(p.province, "CN");
        }
    }
}

#[test]
fn indicator_values_land_in_their_units() {
    for file in ["indicatori.xlsx", "indicatori.ods", "indicatori.csv"] {
        let (plan, project) = import(file, None);
        assert_eq!(plan.kind, FileKind::Indicators, "{file}");
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        let values =
            |id: &str, indicator: &str| partner(&project, id).indicators[&indicator.into()].clone();
        let share = values("bra", "lavoratori-agili");
        assert_eq!(share.baseline, Some(12.5), "{file}");
        assert_eq!(share.observed.get(&month("2025-01")), Some(&44.2), "{file}");
        let hours = values("bra", "ore-risparmiate");
        assert_eq!(
            hours.observed.get(&month("2025-01")),
            Some(&310.0),
            "{file}"
        );
        let days = values("cuneo", "tempi-pratiche");
        assert_eq!(days.baseline, Some(18.0), "{file}");
        assert_eq!(days.observed.get(&month("2025-03")), Some(&16.5), "{file}");
        let co2 = values("alba", "co2-evitata");
        assert_eq!(co2.observed.get(&month("2025-02")), Some(&1250.5), "{file}");
    }
}

#[test]
fn a_workbook_of_several_sheets_with_merged_headers() {
    for file in ["programma.xlsx", "programma.ods"] {
        let (plan, project) = import(file, None);
        assert_eq!(
            plan.kind,
            FileKind::Observations,
            "{file}: the first sheet with data"
        );
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        assert_eq!(plan.rows_valid, vec![4, 5, 6], "{file}");
        for (id, workers, days) in [("bra", 47, 7.5), ("cherasco", 12, 3.0), ("dronero", 9, 2.5)] {
            let observation = partner(&project, id)
                .observations
                .get(month("2025-04"))
                .unwrap();
            assert_eq!(
                (observation.smart_workers, observation.agile_days),
                (workers, days),
                "{file} {id}"
            );
        }

        let (plan, project) = import(file, Some("Presenze"));
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        let digital = &partner(&project, "roddi").modules[&"dig-competenze".into()];
        let on = |day: &str| {
            digital
                .sessions
                .values()
                .find(|s| s.date == date(day))
                .map(|s| (s.hours, s.attendees))
        };
        assert_eq!(on("2025-03-10"), Some((3.0, 2)), "{file}");
        assert_eq!(on("2025-03-17"), Some((3.0, 1)), "{file}");
        assert_eq!((digital.enrolled, digital.completed), (2, 1), "{file}");
    }
    for (file, sheet) in [
        ("programma.xlsx", Some("Acquisti")),
        ("programma.ods", Some("Acquisti")),
        ("programma-Acquisti.csv", None),
    ] {
        let (plan, project) = import(file, sheet);
        assert!(plan.all_valid(), "{file}: {:?}", plan.errors);
        let cuneo = partner(&project, "cuneo");
        let laptops = &cuneo.equipment[&"portatili-4".into()];
        assert_eq!(
            (
                laptops.kind,
                laptops.quantity,
                laptops.unit_cost,
                laptops.ordered,
                laptops.delivered
            ),
            (
                EquipmentKind::Laptop,
                20,
                Cents(104_990),
                Some(month("2026-02")),
                Some(month("2026-04"))
            ),
            "{file}"
        );
        let tablets = &cuneo.equipment[&"tablet-1".into()];
        assert_eq!(
            (
                tablets.kind,
                tablets.quantity,
                tablets.unit_cost,
                tablets.ordered,
                tablets.delivered
            ),
            (
                EquipmentKind::Tablet,
                5,
                Cents(41_250),
                Some(month("2026-02")),
                None
            ),
            "{file}"
        );
    }
}
