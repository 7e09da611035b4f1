//! The importer over arbitrary input: amounts written either way read back exact; any
//! sheet plans without panicking and its import undoes exactly; every valid observation row
//! lands with its value.

use crate::arb;

use proptest::collection::vec;
use proptest::prelude::*;

use cruscotto::exchange::apply::{apply_all, edits};
use cruscotto::exchange::header::find_header;
use cruscotto::exchange::mapping::Mapping;
use cruscotto::exchange::plan::{ImportOptions, plan};
use cruscotto::exchange::values;
use cruscotto::exchange::{Cell, FileKind, Grid};
use cruscotto::i18n::{Lang, format};
use cruscotto::model::{Cents, Month, Observation, Partner, PartnerId, Project};

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

/// Cells an office's sheet might hold: headers, names, numbers and months in both
/// conventions, typed cells, error cells, and arbitrary text.
fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        prop::sample::select(vec![
            "Comune",
            "Mese",
            "Dipendenti in lavoro agile",
            "Giornate agili medie",
            "Modulo",
            "Data",
            "Partecipante",
            "Ore di presenza",
            "Esito",
            "Tipo",
            "Quantità",
            "Costo unitario",
            "Indicatore",
            "Obiettivo 2025",
            "Codice ISTAT",
            "Dipendenti",
            "gen 2025",
            "13/2025",
            "1.049,90",
            "€ 12",
            "44,2%",
            "sì",
            "completato",
            "Portatile",
            "Comune di Bra",
            "004029",
            "#N/D",
            "-3",
            "1,5",
            "2025-02-30",
        ])
        .prop_map(text),
        arb::text().prop_map(|t| Cell::Text(t.into())),
        (-1e9..1e9f64).prop_map(Cell::Number),
        any::<bool>().prop_map(Cell::Bool),
        (2000..2100i16, 1..=12i8, 1..=28i8)
            .prop_map(|(y, m, d)| Cell::Date(jiff::civil::date(y, m, d))),
        Just(Cell::Error("#DIV/0!".into())),
    ]
}

fn grid() -> impl Strategy<Value = Grid> {
    vec(vec(cell(), 0..8), 0..12).prop_map(|rows| Grid {
        name: "Foglio1".to_owned(),
        rows,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn amounts_written_the_italian_or_english_way_read_back_exact(cents in 0..100_000_000_000i64) {
        let amount = Cents(cents);
        let italian = format::money(Lang::It, amount);
        prop_assert_eq!(values::money(&text(&italian)), Ok(Some(amount)), "{}", italian);
        // "€1,049" alone would read as an Italian decimal: English amounts come with cents.
        if cents % 100 != 0 || cents < 100_000 {
            let english = format::money(Lang::En, amount);
            prop_assert_eq!(values::money(&text(&english)), Ok(Some(amount)), "{}", english);
        }
        prop_assert_eq!(values::money(&Cell::Number(amount.euros())), Ok(Some(amount)));
    }

    #[test]
    fn any_sheet_plans_and_its_import_undoes_exactly(
        project in arb::project(),
        grid in grid(),
        kind in prop::sample::select(FileKind::ALL.to_vec()),
        create_missing in any::<bool>(),
    ) {
        let Some(header) = find_header(&grid) else { return Ok(()) };
        let Some(mapping) = Mapping::guess(&header, Some(kind)) else { return Ok(()) };
        let plan = plan(&project, &grid, &mapping, ImportOptions { create_missing });
        prop_assert!(plan.rows_valid.len() <= plan.rows_read);
        if let Ok(batch) = edits(&plan, &project) {
            let mut after = project.clone();
            let inverses = apply_all(&mut after, batch).expect("a plan's edits apply");
            apply_all(&mut after, inverses).expect("inverses apply");
            prop_assert_eq!(after, project);
        }
    }

    #[test]
    fn every_valid_observation_row_lands_with_its_value(
        rows in vec((0..3usize, 0..30i32, 0..500i64, 0..44u32), 1..40),
    ) {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("t", start, start.plus(35));
        let names = ["Bra", "Alba", "Sant'Albano Stura"];
        for name in names {
            let id = PartnerId::new(name.to_lowercase().replace(['\'', ' '], "-"));
            project.partners.insert(id, Partner::new(name, "CN", start));
        }
        let mut grid = Grid { name: "x".into(), rows: vec![vec![
            text("Comune"), text("Mese"), text("Dipendenti in lavoro agile"), text("Giornate agili medie"),
        ]] };
        for &(partner, month, workers, half_days) in &rows {
            let month = start.plus(month);
            grid.rows.push(vec![
                text(&format!("comune di {}", names[partner].to_uppercase())),
                text(&format::month(Lang::It, month)),
                Cell::Number(workers as f64),
                text(&format::decimal(Lang::It, f64::from(half_days) / 2.0, 1)),
            ]);
        }
        let header = find_header(&grid).unwrap();
        let mapping = Mapping::guess(&header, None).unwrap();
        let plan = plan(&project, &grid, &mapping, ImportOptions::default());
        let mut after = project.clone();
        apply_all(&mut after, edits(&plan, &project).unwrap()).unwrap();
        for row in &plan.rows_valid {
            let (partner, month, workers, half_days) = rows[row - 2];
            let partner = after
                .partners
                .values()
                .find(|p| p.name == names[partner])
                .unwrap();
            prop_assert_eq!(
                partner.observations.get(start.plus(month)),
                Some(&Observation::new(workers, f64::from(half_days) / 2.0))
            );
        }
        // A row is refused only when an earlier row gave that Comune and month otherwise.
        for error in &plan.errors {
            let (partner, month, ..) = rows[error.row - 2];
            prop_assert!(rows[..error.row - 2].iter().any(|r| r.0 == partner && r.1 == month));
        }
    }
}
