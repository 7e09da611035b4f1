//! The partner's equipment acquisitions (dotazioni) as a table: kind, quantity, unit cost,
//! order and delivery months and the total of each, then a totals row with the spend and
//! the devices delivered by the month the figures refer to.

use egui::{Align, Button, ComboBox, Layout, RichText, TextStyle, Ui};
use egui_extras::{Column, TableBuilder};

use super::data_marks::{self as marks, Mark};
use crate::i18n::findings::equipment_label;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::validate::{Field, Target};
use crate::model::{
    Cents, Edit, Equipment, EquipmentId, EquipmentKind, Month, Partner, PartnerId, slug_unique,
};
use crate::ui::ViewCtx;
use crate::ui::widgets::{FieldFindings, integer_field, money_field, month_field, section};

#[derive(Default)]
pub struct EquipmentSection {}

impl EquipmentSection {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        id: &PartnerId,
        partner: &Partner,
        findings: &FieldFindings,
    ) {
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

/// The rows in the order a person reads a purchase log: by order month, items not ordered
/// yet (a new one) last.
fn ordered_items(partner: &Partner) -> Vec<(&EquipmentId, &Equipment)> {
    let mut items: Vec<_> = partner.equipment.iter().collect();
    items.sort_by(|a, b| {
        (a.1.ordered.is_none(), a.1.ordered, a.0).cmp(&(b.1.ordered.is_none(), b.1.ordered, b.0))
    });
    items
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

/// An item's total, or "—" when quantity × unit cost does not fit.
fn total_text(lang: Lang, item: &Equipment) -> String {
    item.unit_cost.times(item.quantity).map_or_else(
        || format::MISSING.to_owned(),
        |total| format::money(lang, total),
    )
}

/// The marks of one item's fields, looked up once per row.
struct RowMarks {
    quantity: Option<Mark>,
    unit_cost: Option<Mark>,
    ordered: Option<Mark>,
    delivered: Option<Mark>,
    item: Vec<Mark>,
}

impl RowMarks {
    fn of(cx: &ViewCtx<'_>, findings: &FieldFindings, target: &Target) -> RowMarks {
        RowMarks {
            quantity: marks::field(cx, findings, target, Field::Quantity),
            unit_cost: marks::field(cx, findings, target, Field::UnitCost),
            ordered: marks::field(cx, findings, target, Field::Ordered),
            delivered: marks::field(cx, findings, target, Field::Delivered),
            item: marks::item(cx, findings, target),
        }
    }

    fn all(self) -> Vec<Mark> {
        [self.quantity, self.unit_cost, self.ordered, self.delivered]
            .into_iter()
            .flatten()
            .chain(self.item)
            .collect()
    }
}

fn table(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    id: &PartnerId,
    partner: &Partner,
    findings: &FieldFindings,
) {
    let lang = cx.lang;
    let editable = cx.editable;
    let programme = (cx.project.meta.start, cx.project.meta.end);
    let items = ordered_items(partner);
    let row_height = marks::row_height(ui);
    let root = marks::root(id).with("equipment");
    let headers = [
        tr(lang, "partner_data.equipment.kind"),
        tr(lang, "partner_data.equipment.quantity"),
        tr(lang, "partner_data.equipment.unit_cost"),
        tr(lang, "partner_data.equipment.ordered"),
        tr(lang, "partner_data.equipment.delivered"),
        tr(lang, "partner_data.equipment.total"),
    ];
    let kind_width = ui.text_style_height(&TextStyle::Body) * 13.0;
    let mut edits = Vec::new();
    let mut builder = TableBuilder::new(ui)
        .id_salt(root.with("table"))
        .striped(true)
        .resizable(false)
        .vscroll(false)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::auto().at_least(kind_width))
        .columns(Column::auto(), 4)
        .column(Column::auto().at_least(80.0));
    if editable {
        builder = builder.column(Column::auto());
    }
    builder
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(row_height, |mut header| {
            for (index, text) in headers.iter().enumerate() {
                header.col(|ui| {
                    // Totals are right-aligned, under a heading aligned with them.
                    if index == headers.len() - 1 {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.strong(text.as_ref());
                        });
                    } else {
                        ui.strong(text.as_ref());
                    }
                });
            }
            if editable {
                header.col(|_| {});
            }
            header.col(|ui| {
                ui.strong(tr(lang, "partner_data.sessions.findings"));
            });
        })
        // One more row than items: the totals.
        .body(|body| {
            body.rows(row_height, items.len() + 1, |mut row| {
                let index = row.index();
                let Some(&(item_id, item)) = items.get(index) else {
                    totals_row(&mut row, cx, partner, editable);
                    return;
                };
                let number = format::integer(lang, index as i64 + 1);
                let name = |field: &str| {
                    tr_args(
                        lang,
                        "partner_data.equipment.cell_name",
                        &[("field", field), ("number", &number)],
                    )
                };
                let target = Target::Equipment(id.clone(), item_id.clone());
                let row_marks = RowMarks::of(cx, findings, &target);
                let cell = root.with(item_id);
                let put = |value: Equipment| Edit::PutEquipment {
                    partner: id.clone(),
                    equipment: item_id.clone(),
                    value: Some(value),
                };
                row.col(|ui| {
                    let label = equipment_label(lang, item.kind);
                    if !editable {
                        ui.label(label.as_ref());
                        return;
                    }
                    let mut kind = item.kind;
                    let response = ComboBox::from_id_salt(cell.with("kind"))
                        .selected_text(label.as_ref())
                        .width(kind_width)
                        .show_ui(ui, |ui| {
                            for option in EquipmentKind::ALL {
                                ui.selectable_value(
                                    &mut kind,
                                    option,
                                    equipment_label(lang, option).as_ref(),
                                );
                            }
                        })
                        .response;
                    response.accessible_name(name(&headers[0]));
                    if kind != item.kind {
                        edits.push(put(Equipment {
                            kind,
                            ..item.clone()
                        }));
                    }
                });
                row.col(|ui| {
                    if !editable {
                        ui.label(format::integer(lang, item.quantity));
                        return;
                    }
                    let problem = marks::text(&row_marks.quantity);
                    let field_id = cell.with("quantity");
                    let out = integer_field(
                        ui,
                        field_id,
                        &name(&headers[1]),
                        item.quantity,
                        lang,
                        problem,
                    );
                    if let Some(quantity) = out.value {
                        edits.push(put(Equipment {
                            quantity,
                            ..item.clone()
                        }));
                    }
                });
                row.col(|ui| {
                    if !editable {
                        ui.label(format::money(lang, item.unit_cost));
                        return;
                    }
                    let problem = marks::text(&row_marks.unit_cost);
                    let field_id = cell.with("unit_cost");
                    let out = money_field(
                        ui,
                        field_id,
                        &name(&headers[2]),
                        item.unit_cost,
                        lang,
                        problem,
                    );
                    if let Some(unit_cost) = out.value {
                        edits.push(put(Equipment {
                            unit_cost,
                            ..item.clone()
                        }));
                    }
                });
                let months = [
                    (item.ordered, &row_marks.ordered, "ordered", &headers[3]),
                    (
                        item.delivered,
                        &row_marks.delivered,
                        "delivered",
                        &headers[4],
                    ),
                ];
                for (value, mark, key, header) in months {
                    row.col(|ui| {
                        if !editable {
                            let text = value.map_or_else(
                                || format::MISSING.to_owned(),
                                |m| format::month(lang, m),
                            );
                            ui.label(text);
                            return;
                        }
                        let problem = marks::text(mark);
                        let (_, picked) = month_field(
                            ui,
                            cell.with(key),
                            &name(header),
                            value,
                            programme,
                            lang,
                            problem,
                        );
                        if let Some(month) = picked {
                            let mut changed = item.clone();
                            if key == "ordered" {
                                changed.ordered = month;
                            } else {
                                changed.delivered = month;
                            }
                            edits.push(put(changed));
                        }
                    });
                }
                row.col(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(total_text(lang, item));
                    });
                });
                if editable {
                    row.col(|ui| {
                        let delete_name = tr_args(
                            lang,
                            "partner_data.equipment.delete_name",
                            &[("number", &number)],
                        );
                        let response = ui
                            .add(Button::new(tr(lang, "partner_data.sessions.delete")).small())
                            .accessible_name(delete_name);
                        if response.clicked() {
                            edits.push(Edit::PutEquipment {
                                partner: id.clone(),
                                equipment: item_id.clone(),
                                value: None,
                            });
                        }
                    });
                }
                row.col(|ui| marks::cell(ui, &row_marks.all()));
            });
        });
    for edit in edits {
        cx.outbox.edit(edit);
    }
}

/// The last row: the spend under the totals, the devices delivered beside it.
fn totals_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    cx: &ViewCtx<'_>,
    partner: &Partner,
    editable: bool,
) {
    let lang = cx.lang;
    let (spend, devices) = totals(partner, cx.dashboard.as_of);
    row.col(|ui| {
        ui.strong(tr(lang, "partner_data.equipment.grand_total"));
    });
    for _ in 0..4 {
        row.col(|_| {});
    }
    row.col(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format::money(lang, spend)).strong());
        });
    });
    if editable {
        row.col(|_| {});
    }
    row.col(|ui| {
        let text = tr_args(
            lang,
            "partner_data.equipment.devices_by",
            &[
                ("month", &format::month(lang, cx.dashboard.as_of)),
                ("count", &format::integer(lang, devices)),
            ],
        );
        ui.label(text)
            .on_hover_text(tr(lang, "partner_data.equipment.devices_hint"));
    });
}

#[cfg(test)]
#[path = "equipment_tests.rs"]
mod tests;
