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
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;

    use super::super::data_harness::{harness, retype};
    use super::*;

    fn draw(
        section: &mut EquipmentSection,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        id: &PartnerId,
        partner: &Partner,
        findings: &FieldFindings,
    ) {
        section.ui(ui, cx, id, partner, findings);
    }

    fn month(text: &str) -> Month {
        text.parse().unwrap()
    }

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
        let mut harness = harness(project(), "bra", true, draw);
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
        let harness = harness(project(), "bra", true, draw);
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
        let mut harness = harness(project, "bra", true, draw);
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
        let mut harness = harness(project(), "bra", true, draw);
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
        let harness = harness(project, "bra", true, draw);
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
        let harness = harness(project(), "bra", false, draw);
        harness.get_by_label("€ 11.406");
        harness.get_by_label("Portatile");
        assert!(harness.query_by_label("Aggiungi dotazione").is_none());
        assert!(harness.query_by_label("Elimina la dotazione 1").is_none());
        assert!(harness.query_all_by_role(Role::TextInput).next().is_none());
    }
}
