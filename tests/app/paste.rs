//! Pasting a block of cells copied from a spreadsheet into a table of the partner editor,
//! on the real app: the block lands as one undo step.

use crate::app_support;

use app_support::Setup;
use cruscotto::app::Startup;
use cruscotto::model::{Cents, Equipment, EquipmentId, EquipmentKind, PartnerId, Project};
use cruscotto::ui::Request;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn bra() -> PartnerId {
    PartnerId::new("bra")
}

/// The demo with Bra's equipment three laptop orders of January, February and March 2025.
fn project() -> Project {
    let mut project = cruscotto::demo::embedded();
    let bra = project.partners.get_mut(&bra()).unwrap();
    bra.equipment = [("a", 1), ("b", 2), ("c", 3)]
        .map(|(id, month)| {
            let item = Equipment {
                kind: EquipmentKind::Laptop,
                quantity: 1,
                unit_cost: Cents(100_000),
                ordered: cruscotto::model::Month::new(2025, month),
                delivered: None,
            };
            (EquipmentId::from(id), item)
        })
        .into();
    project
}

fn equipment(project: &Project) -> Vec<(i64, i64, Option<String>)> {
    (project.partners[&bra()].equipment.values())
        .map(|item| {
            let delivered = item.delivered.map(|m| m.to_string());
            (item.quantity, item.unit_cost.0, delivered)
        })
        .collect()
}

#[test]
fn a_pasted_block_of_twelve_cells_is_undone_by_one_ctrl_z() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.startup = Startup::Project(Box::new(project()));
    let mut harness = setup.harness();
    harness.state_mut().request(Request::EditPartner(bra()));
    harness.run();
    harness.get_by_label_contains("3 purchases").click();
    harness.run();
    let before = equipment(harness.state().project());

    harness.get_by_label("Quantity of item 1").focus();
    harness.run();
    // Quantity, unit cost, ordered, delivered of three rows, English numbers, LF.
    let block = "20\t1,000.50\tJan 2025\tApr 2025\n\
                 21\t1,100\tFeb 2025\tApr 2025\n\
                 22\t1,200\tMar 2025\tMay 2025\n";
    harness.event(Event::Paste(block.to_owned()));
    harness.run();
    // Leaving the field ends the gesture, as it would when the user moves on.
    harness.key_press(Key::Escape);
    harness.run();
    let pasted = equipment(harness.state().project());
    assert_eq!(
        pasted,
        [
            (20, 100_050, Some("2025-04".into())),
            (21, 110_000, Some("2025-04".into())),
            (22, 120_000, Some("2025-05".into())),
        ]
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(equipment(harness.state().project()), before);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(equipment(harness.state().project()), pasted);
}
