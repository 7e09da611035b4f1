//! Tests of `edit_table.rs` and `edit_table_paste.rs`: a block of cells copied from a
//! spreadsheet and pasted with Ctrl+V into the equipment table, as a user does it.

use egui::Event;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::super::data_harness::{State, harness, month};
use super::super::equipment::EquipmentSection;
use crate::model::{Cents, Edit, Equipment, EquipmentId, EquipmentKind, PartnerId, Project};
use crate::ui::Request;

/// Bra with three laptop orders, January, February and March, in that order in the table.
fn project() -> Project {
    let mut project = crate::demo::embedded();
    let bra = project.partners.get_mut(&PartnerId::from("bra")).unwrap();
    bra.equipment = [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-03")]
        .map(|(id, ordered)| {
            let item = Equipment {
                kind: EquipmentKind::Laptop,
                quantity: 1,
                unit_cost: Cents(100_000),
                ordered: Some(month(ordered)),
                delivered: None,
            };
            (EquipmentId::from(id), item)
        })
        .into();
    project
}

type Table = Harness<'static, State<EquipmentSection>>;

/// Clicks into the quantity of the first row, then pastes `text` as Ctrl+V does.
fn paste(text: &str) -> Table {
    let mut harness = harness::<EquipmentSection>(project(), "bra", true);
    harness.get_by_label("Quantità della dotazione 1").focus();
    harness.run();
    harness.event(Event::Paste(text.to_owned()));
    harness.run();
    harness
}

/// The edits of each batch asked for; panics on a single edit (a paste is never one).
fn batches(harness: &Table) -> Vec<Vec<Edit>> {
    (harness.state().outbox.requests.iter())
        .filter_map(|request| match request {
            Request::Batch(edits) => Some(edits.clone()),
            Request::Edit(edit) => panic!("a paste asked for a single edit: {edit:?}"),
            _ => None,
        })
        .collect()
}

fn quantity_and_cost(edit: &Edit) -> (i64, i64) {
    match edit {
        Edit::PutEquipment {
            value: Some(item), ..
        } => (item.quantity, item.unit_cost.0),
        other => panic!("expected an equipment edit, got {other:?}"),
    }
}

#[test]
fn a_pasted_block_of_three_rows_by_four_columns_is_one_batch() {
    // Quantity, unit cost, ordered, delivered, as Calc copies them (CRLF, Italian numbers).
    let harness = paste(
        "20\t1.000,50\tgen 2025\tfeb 2025\r\n\
         21\t1.100\tfeb 2025\tmar 2025\r\n\
         22\t1.200\tmar 2025\t\r\n",
    );
    let batches = batches(&harness);
    assert_eq!(batches.len(), 1, "one undo step");
    let cells: Vec<(i64, i64)> = batches[0].iter().map(quantity_and_cost).collect();
    assert_eq!(cells, [(20, 100_050), (21, 110_000), (22, 120_000)]);
    // The pasted text did not go into the focused field as text.
    let field = harness.get_by_label("Quantità della dotazione 1");
    assert_eq!(field.value().as_deref(), Some("1"));
}

#[test]
fn a_block_with_a_bad_cell_lands_nowhere_until_the_user_pastes_the_valid_cells() {
    let mut harness = paste("20\tdieci euro\r\n21\t900\r\n");
    assert!(
        batches(&harness).is_empty(),
        "nothing lands before the choice"
    );
    harness.get_by_label("dieci euro");
    harness.get_by_label("non è un valore di questa colonna");
    harness.get_by_label("Incolla le 3 celle valide").click();
    harness.run();
    let batches = batches(&harness);
    assert_eq!(batches.len(), 1);
    let cells: Vec<(i64, i64)> = batches[0].iter().map(quantity_and_cost).collect();
    assert_eq!(cells, [(20, 100_000), (21, 90_000)]);
    assert!(
        harness.query_by_label("dieci euro").is_none(),
        "the dialog closed"
    );
}

#[test]
fn a_block_with_a_bad_cell_can_be_left_unpasted() {
    let mut harness = paste("20\tdieci euro\r\n");
    harness.get_by_label("Non incollare nulla").click();
    harness.run();
    assert!(batches(&harness).is_empty());
    assert!(
        harness.query_by_label("dieci euro").is_none(),
        "the dialog closed"
    );
}

#[test]
fn text_without_tabs_or_line_ends_goes_into_the_field_as_typed() {
    let harness = paste("7");
    let edits = harness.state().edits();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(quantity_and_cost(edits[0]).0, 17, "inserted at the cursor");
}
