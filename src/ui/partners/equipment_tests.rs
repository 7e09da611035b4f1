//! Tests of `equipment.rs`, kept beside it so the view's file holds only the view.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::super::data_harness::{harness, month, retype};
use super::*;
use crate::i18n::Lang;
use crate::model::validate::Field;

/// A partner with two laptop orders and a VPN licence, for hand-checked totals.
fn project() -> crate::model::Project {
    let mut project = crate::demo::embedded();
    let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
    bra.equipment = [
        (
            "a",
            Equipment {
                kind: EquipmentKind::Laptop,
                quantity: 12,
                unit_cost: Cents(95_050),
                ordered: Some(month("2025-03")),
                delivered: Some(month("2025-05")),
            },
        ),
        (
            "b",
            Equipment {
                kind: EquipmentKind::VpnLicence,
                quantity: 30,
                unit_cost: Cents(4_000),
                ordered: Some(month("2025-04")),
                delivered: Some(month("2025-04")),
            },
        ),
        (
            "c",
            Equipment {
                kind: EquipmentKind::Tablet,
                quantity: 5,
                unit_cost: Cents(40_000),
                ordered: Some(month("2025-06")),
                delivered: None,
            },
        ),
    ]
    .into_iter()
    .map(|(id, item)| (EquipmentId::from(id), item))
    .collect();
    project
}

#[test]
fn typing_a_quantity_asks_to_put_the_item_and_the_total_follows() {
    let mut harness = harness::<EquipmentSection>(project(), "bra", true);
    // 12 × € 950,50 = € 11.406.
    harness.get_by_label("€ 11.406");
    retype(&mut harness, "Quantità della dotazione 1", "20");
    let edits = harness.state().edits();
    let Some(Edit::PutEquipment {
        partner,
        equipment,
        value: Some(value),
    }) = edits.last()
    else {
        panic!("expected an equipment edit, got {edits:?}");
    };
    assert_eq!(partner.as_str(), "bra");
    assert_eq!(equipment.as_str(), "a");
    assert_eq!(value.quantity, 20);
    assert_eq!(value.unit_cost, Cents(95_050));
    // Applied, the total reads 20 × € 950,50 = € 19.010 in Italian.
    let edit = (*edits.last().unwrap()).clone();
    let state = harness.state_mut();
    edit.apply(&mut state.project).unwrap();
    state.dashboard = crate::analysis::dashboard::dashboard(&state.project);
    harness.run();
    harness.get_by_label("€ 19.010");
}

#[test]
fn the_totals_row_adds_the_spend_and_counts_devices_delivered() {
    let harness = harness::<EquipmentSection>(project(), "bra", true);
    // € 11.406 + 30 × € 40 + 5 × € 400 = € 14.606; the tablets are not delivered, so
    // only the 12 laptops count.
    harness.get_by_label("€ 14.606");
    let as_of = harness.state().dashboard.as_of;
    assert!(as_of >= month("2025-05"), "the demo's figures are later");
    harness.get_by_label(&format!(
        "Dispositivi consegnati entro {}: 12",
        format::month(Lang::It, as_of)
    ));
}

#[test]
fn totals_count_only_devices_delivered_by_the_month() {
    let project = project();
    let bra = &project.partners[&PartnerId::from("bra")];
    assert_eq!(totals(bra, month("2025-04")), (Cents(1_460_600), 0));
    assert_eq!(totals(bra, month("2025-05")), (Cents(1_460_600), 12));
}

#[test]
fn adding_puts_a_new_item_with_an_unused_id() {
    let mut project = project();
    let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
    let (id, item) = new_item(|_| false);
    bra.equipment.insert(id, item);
    let mut harness = harness::<EquipmentSection>(project, "bra", true);
    harness.get_by_label("Aggiungi dotazione").click();
    harness.run();
    let edits = harness.state().edits();
    let [
        Edit::PutEquipment {
            equipment,
            value: Some(value),
            ..
        },
    ] = edits.as_slice()
    else {
        panic!("expected one new item, got {edits:?}");
    };
    assert_eq!(equipment.as_str(), "dotazione-2");
    assert_eq!((value.kind, value.quantity), (EquipmentKind::Laptop, 1));
}

#[test]
fn deleting_asks_to_remove_the_item_of_that_row() {
    let mut harness = harness::<EquipmentSection>(project(), "bra", true);
    // Rows go by order month: the VPN licences (April) are the second.
    harness.get_by_label("Elimina la dotazione 2").click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::PutEquipment {
            partner: PartnerId::from("bra"),
            equipment: EquipmentId::from("b"),
            value: None,
        }]
    );
}

#[test]
fn a_negative_quantity_is_flagged_beside_its_field() {
    let mut project = project();
    let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
    bra.equipment
        .get_mut(&EquipmentId::from("a"))
        .unwrap()
        .quantity = -4;
    let harness = harness::<EquipmentSection>(project, "bra", true);
    let message = crate::i18n::findings::message(
        Lang::It,
        &crate::model::validate::Problem::Negative {
            field: Field::Quantity,
            value: -4,
        },
    );
    harness.get_by_label(&message);
    let field = harness.get_by_label("Quantità della dotazione 1");
    assert_eq!(field.value().as_deref(), Some("−4"));
}

#[test]
fn read_only_shows_the_figures_without_controls() {
    let harness = harness::<EquipmentSection>(project(), "bra", false);
    harness.get_by_label("€ 11.406");
    harness.get_by_label("Portatile");
    assert!(harness.query_by_label("Aggiungi dotazione").is_none());
    assert!(harness.query_by_label("Elimina la dotazione 1").is_none());
    assert!(harness.query_all_by_role(Role::TextInput).next().is_none());
}
