//! The partner's equipment acquisitions (dotazioni) as a table: kind, quantity, unit cost,
//! order and delivery months and the total of each, then a totals row with the spend and
//! the devices delivered by the month the figures refer to.

use egui::{TextStyle, Ui};
use egui_extras::Column;

use super::data_marks as marks;
use super::edit_table::{self, EditTable, Slot};
use super::{PartnerData, Section};
use crate::fields::equipment::EquipmentSheet;
use crate::i18n::{format, tr, tr_args};
use crate::model::{
    Cents, Edit, Equipment, EquipmentId, EquipmentKind, Month, Partner, PartnerId, slug_unique,
};
use crate::ui::ViewCtx;
use crate::ui::widgets::{FieldFindings, section};

#[derive(Default)]
pub struct EquipmentSection {}

impl Section for EquipmentSection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, findings) = data.parts();
        if partner.equipment.is_empty() {
            section::note(ui, &cx.t("partner_data.equipment.none"));
        } else {
            table(ui, cx, id, partner, findings);
        }
        if cx.editable && ui.button(cx.t("partner_data.equipment.add")).clicked() {
            let (equipment, value) = new_item(|candidate| {
                partner
                    .equipment
                    .contains_key(&EquipmentId::from(candidate))
            });
            cx.outbox.edit(Edit::PutEquipment {
                partner: id.clone(),
                equipment,
                value: Some(value),
            });
        }
    }
}

/// A new acquisition of one laptop at no cost yet, neither ordered nor delivered; its id
/// is `dotazione`, `dotazione-2`… (ids name items, not kinds, since the kind can change).
pub(super) fn new_item(taken: impl Fn(&str) -> bool) -> (EquipmentId, Equipment) {
    let id = EquipmentId::new(slug_unique("dotazione", taken));
    let item = Equipment {
        kind: EquipmentKind::Laptop,
        quantity: 1,
        unit_cost: Cents(0),
        ordered: None,
        delivered: None,
    };
    (id, item)
}

/// Σ of the totals (saturating: corrupt quantities must not panic) and the devices
/// delivered by `as_of`.
pub(super) fn totals(partner: &Partner, as_of: Month) -> (Cents, i64) {
    let spend = partner.equipment.values().map(Equipment::total_cost).sum();
    let devices = (partner.equipment.values())
        .filter(|item| item.kind.is_device() && item.delivered_by(as_of))
        .map(|item| item.quantity)
        .fold(0_i64, i64::saturating_add);
    (spend, devices)
}

fn table(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    id: &PartnerId,
    partner: &Partner,
    findings: &FieldFindings,
) {
    let lang = cx.lang;
    let as_of = cx.dashboard.as_of;
    let sheet = EquipmentSheet::new(id, partner);
    let number = |row: usize| format::integer(lang, row as i64 + 1);
    let (spend, devices) = totals(partner, as_of);
    let kind_width = ui.text_style_height(&TextStyle::Body) * 13.0;
    let cell_name = |row, field: &str| {
        let number = number(row);
        tr_args(
            lang,
            "partner_data.equipment.cell_name",
            &[("field", field), ("number", &number)],
        )
    };
    let delete_name = |row| {
        let number = number(row);
        tr_args(
            lang,
            "partner_data.equipment.delete_name",
            &[("number", &number)],
        )
    };
    // The last row: the spend under the totals, the devices delivered beside it.
    let totals_cell = |ui: &mut Ui, slot| match slot {
        Slot::Data(0) => {
            ui.strong(tr(lang, "partner_data.equipment.grand_total"));
        }
        Slot::Data(5) => edit_table::total(ui, format::money(lang, spend)),
        Slot::Findings => {
            let month = format::month(lang, as_of);
            let count = format::integer(lang, devices);
            let args = [("month", month.as_str()), ("count", count.as_str())];
            ui.label(tr_args(lang, "partner_data.equipment.devices_by", &args))
                .on_hover_text(tr(lang, "partner_data.equipment.devices_hint"));
        }
        _ => {}
    };
    EditTable::new(&sheet, marks::root(id).with("equipment"), cell_name)
        .width(0, Column::auto().at_least(kind_width))
        .width(5, Column::auto().at_least(80.0))
        .delete(tr(lang, "partner_data.sessions.delete").into(), delete_name)
        .totals(totals_cell)
        .show(ui, cx, findings);
}

#[cfg(test)]
#[path = "equipment_tests.rs"]
mod tests;
