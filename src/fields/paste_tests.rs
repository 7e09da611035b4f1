//! Tests of `paste.rs`.

use super::*;
use crate::fields::equipment::EquipmentSheet;
use crate::fields::observations::ObservationsSheet;
use crate::model::{Cents, Equipment, EquipmentId, EquipmentKind, Month, Partner, PartnerId};

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

/// Bra of the demo with three purchases: laptops (March), VPN licences (April), tablets
/// (June), in that order in the table.
fn bra() -> Partner {
    let mut bra = crate::demo::embedded().partners[&PartnerId::from("bra")].clone();
    let item = |kind, quantity, cost, ordered: &str| Equipment {
        kind,
        quantity,
        unit_cost: Cents(cost),
        ordered: Some(month(ordered)),
        delivered: None,
    };
    bra.equipment = [
        ("a", item(EquipmentKind::Laptop, 12, 95_050, "2025-03")),
        ("b", item(EquipmentKind::VpnLicence, 30, 4_000, "2025-04")),
        ("c", item(EquipmentKind::Tablet, 5, 40_000, "2025-06")),
    ]
    .into_iter()
    .map(|(id, item)| (EquipmentId::from(id), item))
    .collect();
    bra
}

fn put(edit: &Edit) -> (&str, &Equipment) {
    match edit {
        Edit::PutEquipment {
            equipment,
            value: Some(value),
            ..
        } => (equipment.as_str(), value),
        other => panic!("expected an equipment edit, got {other:?}"),
    }
}

#[test]
fn cells_split_on_tabs_and_either_line_end_without_a_last_empty_row() {
    assert_eq!(
        cells("1\t2\r\n3\t4\r\n"),
        vec![vec!["1", "2"], vec!["3", "4"]]
    );
    assert_eq!(cells("1\t2\n3\t4"), vec![vec!["1", "2"], vec!["3", "4"]]);
    assert_eq!(cells("12\r\n"), vec![vec!["12"]]);
    assert!(is_block("12\r\n") && is_block("1\t2") && !is_block("12"));
}

#[test]
fn a_block_of_three_rows_by_four_columns_makes_one_edit_per_row() {
    let (id, partner) = (PartnerId::from("bra"), bra());
    let sheet = EquipmentSheet::new(&id, &partner);
    // From the quantity column: quantity, unit cost, ordered, delivered.
    let text = "20\t1.000,50\tapr 2025\tmag 2025\r\n\
                31\t40\t04/2025\t\r\n\
                6\t€ 399,99\tgiu 2025\tlug 2025\r\n";
    let plan = plan(&sheet, Lang::It, 0, 1, text);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.landed, 12);
    assert_eq!(plan.edits.len(), 3);
    let (first, laptops) = put(&plan.edits[0]);
    assert_eq!(first, "a");
    assert_eq!(laptops.quantity, 20);
    assert_eq!(laptops.unit_cost, Cents(100_050));
    assert_eq!(laptops.ordered, Some(month("2025-04")));
    assert_eq!(laptops.delivered, Some(month("2025-05")));
    let (_, vpn) = put(&plan.edits[1]);
    // An empty month may be empty: not delivered yet.
    assert_eq!(
        (vpn.quantity, vpn.unit_cost, vpn.delivered),
        (31, Cents(4_000), None)
    );
    let (_, tablets) = put(&plan.edits[2]);
    assert_eq!(tablets.unit_cost, Cents(39_999));
}

#[test]
fn english_numbers_are_read_in_english() {
    let (id, partner) = (PartnerId::from("bra"), bra());
    let sheet = EquipmentSheet::new(&id, &partner);
    let plan = plan(&sheet, Lang::En, 0, 1, "1,200\t1,000.50\n");
    let (_, laptops) = put(&plan.edits[0]);
    assert_eq!(
        (laptops.quantity, laptops.unit_cost),
        (1_200, Cents(100_050))
    );
    // The same text in Italian: 1,200 is a decimal, not a whole quantity.
    let italian = super::plan(&sheet, Lang::It, 0, 1, "1,200\n");
    assert_eq!(italian.refused[0].why, Why::NotAValue);
}

#[test]
fn refused_cells_say_where_what_and_why() {
    let (id, partner) = (PartnerId::from("bra"), bra());
    let sheet = EquipmentSheet::new(&id, &partner);
    let text = "20\tdieci euro\n21\t5\n22\t5\n23\t5\n";
    let plan = plan(&sheet, Lang::It, 0, 1, text);
    assert_eq!(
        plan.refused,
        vec![
            Refused {
                row: "1".into(),
                column: "Costo unitario".into(),
                text: "dieci euro".into(),
                why: Why::NotAValue,
            },
            Refused {
                row: "4".into(),
                column: "Quantità".into(),
                text: "23".into(),
                why: Why::NoRow,
            },
            Refused {
                row: "4".into(),
                column: "Costo unitario".into(),
                text: "5".into(),
                why: Why::NoRow,
            },
        ]
    );
    // The valid cells of the first row still make its edit, for "apply the valid cells".
    assert_eq!(put(&plan.edits[0]).1.quantity, 20);
}

#[test]
fn a_total_pasted_back_as_shown_is_no_conflict_but_another_is() {
    let (id, partner) = (PartnerId::from("bra"), bra());
    let sheet = EquipmentSheet::new(&id, &partner);
    // Delivered, then the total 12 × € 950,50.
    let same = plan(&sheet, Lang::It, 0, 4, "\t€ 11.406,00\n");
    assert!(same.refused.is_empty() && same.edits.is_empty());
    let other = plan(&sheet, Lang::It, 0, 4, "\t€ 5,00\tx\n");
    let whys: Vec<Why> = other.refused.iter().map(|r| r.why).collect();
    assert_eq!(whys, [Why::Computed, Why::NoColumn]);
}

#[test]
fn a_block_pasted_into_months_not_observed_records_them() {
    let (id, mut partner) = (PartnerId::from("bra"), bra());
    partner.observations = crate::model::Observations::empty(month("2025-01"));
    let sheet = ObservationsSheet::new(&id, &partner, month("2025-01"), 24);
    let plan = plan(&sheet, Lang::It, 1, 0, "15\t4,5\n\t\n16\t5\t3\n");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    let months: Vec<(Month, i64)> = (plan.edits.iter())
        .map(|edit| match edit {
            Edit::SetObservation {
                month,
                value: Some(o),
                ..
            } => (*month, o.smart_workers),
            other => panic!("{other:?}"),
        })
        .collect();
    // The empty row leaves March as it was: not observed.
    assert_eq!(months, [(month("2025-02"), 15), (month("2025-04"), 16)]);
}
