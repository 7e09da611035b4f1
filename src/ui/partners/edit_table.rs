//! The one editable table of the partner editor: draws any `fields::Sheet` from its column
//! descriptors (equipment, observations, the attendance register, indicators). Each cell
//! is a field of its column's kind: text that is read as the user types (validation as you
//! type, text that is not a value kept and outlined until fixed or Esc), or a drop-down for
//! months and kinds. Every change of a cell puts its row's item whole, so the keystrokes
//! of one field merge into one undo step (`EditKey`). Only the visible rows are laid out.
//!
//! A block of cells pasted from a spreadsheet (text with tabs or line ends) does not go into
//! the focused field: the table takes it from the input before the fields see it, and pastes
//! it from that cell on as one batch (`edit_table_paste`).

use egui::{Align, Button, ComboBox, Id, Layout, RichText, TextStyle, Ui};
use egui_extras::{Column as Width, TableBuilder, TableRow};

use super::data_marks::{self as marks, Mark};
use super::edit_table_paste as paste;
use crate::fields::{Column, Kind, Sheet, Value};
use crate::i18n::tr;
use crate::model::EquipmentKind;
use crate::model::validate::Field;
use crate::ui::ViewCtx;
use crate::ui::widgets::value_field::{number_width, parsed_field};
use crate::ui::widgets::{FieldFindings, month_field};

/// Draws the cell of a row (by its index in the sheet).
pub type DrawCell<'a> = Box<dyn FnMut(&mut Ui, usize) + 'a>;
/// Names a row's thing: a field's accessible name from the row and the column's header,
/// a delete button's from the row.
type CellName<'a> = Box<dyn Fn(usize, &str) -> String + 'a>;
type RowName<'a> = Box<dyn Fn(usize) -> String + 'a>;
type TotalsCell<'a> = Box<dyn FnMut(&mut Ui, Slot) + 'a>;

/// A column the sheet does not describe (a row's month or name, a status): its heading,
/// width and how it draws a row's cell.
pub struct Extra<'a> {
    pub header: String,
    pub hint: Option<String>,
    pub width: Width,
    pub cell: DrawCell<'a>,
}

/// Where a cell of the totals row goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Lead(usize),
    Data(usize),
    Trail(usize),
    Delete,
    Findings,
}

pub struct EditTable<'a, S: Sheet> {
    sheet: &'a S,
    root: Id,
    lead: Vec<Extra<'a>>,
    trail: Vec<Extra<'a>>,
    widths: Vec<(usize, Width)>,
    cell_name: CellName<'a>,
    delete: Option<(String, RowName<'a>)>,
    totals: Option<TotalsCell<'a>>,
    scroll: Option<(f32, Option<usize>)>,
    findings_width: f32,
    more_fields: &'a [Field],
}

impl<'a, S: Sheet> EditTable<'a, S> {
    /// `cell_name(row, header)` is a field's accessible name ("Quantità della dotazione 2").
    pub fn new(
        sheet: &'a S,
        root: Id,
        cell_name: impl Fn(usize, &str) -> String + 'a,
    ) -> EditTable<'a, S> {
        EditTable {
            sheet,
            root,
            lead: Vec::new(),
            trail: Vec::new(),
            widths: Vec::new(),
            cell_name: Box::new(cell_name),
            delete: None,
            totals: None,
            scroll: None,
            findings_width: 120.0,
            more_fields: &[],
        }
    }

    pub fn lead(mut self, extra: Extra<'a>) -> Self {
        self.lead.push(extra);
        self
    }

    pub fn trail(mut self, extra: Extra<'a>) -> Self {
        self.trail.push(extra);
        self
    }

    /// The width of the sheet's column `index` (others fit their content).
    pub fn width(mut self, index: usize, width: Width) -> Self {
        self.widths.push((index, width));
        self
    }

    /// A delete button on the rows the sheet can delete, with its accessible name per row.
    pub fn delete(mut self, label: String, name: impl Fn(usize) -> String + 'a) -> Self {
        self.delete = Some((label, Box::new(name)));
        self
    }

    /// A last row under the others, drawn cell by cell.
    pub fn totals(mut self, cell: impl FnMut(&mut Ui, Slot) + 'a) -> Self {
        self.totals = Some(Box::new(cell));
        self
    }

    /// Its own scroll area of `height`, brought to `row` when given.
    pub fn scroll(mut self, height: f32, to_row: Option<usize>) -> Self {
        self.scroll = Some((height, to_row));
        self
    }

    pub fn findings_width(mut self, width: f32) -> Self {
        self.findings_width = width;
        self
    }

    /// Fields no column shows whose findings the row's findings cell lists too.
    pub fn more_fields(mut self, fields: &'a [Field]) -> Self {
        self.more_fields = fields;
        self
    }

    pub fn show(mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, findings: &FieldFindings) {
        let editable = cx.editable;
        if editable {
            paste::take(ui, cx, self.sheet, self.root);
        }
        let columns = self.sheet.columns();
        let row_height = marks::row_height(ui);
        let has_delete = editable && self.delete.is_some();
        let mut builder = TableBuilder::new(ui)
            .id_salt(self.root.with("table"))
            .striped(true)
            .resizable(false)
            .vscroll(self.scroll.is_some())
            .cell_layout(Layout::left_to_right(Align::Center));
        if let Some((height, to_row)) = self.scroll {
            builder = builder
                .max_scroll_height(height - row_height)
                .min_scrolled_height(height - row_height);
            if let Some(row) = to_row {
                builder = builder.scroll_to_row(row, Some(Align::Center));
            }
        }
        for extra in &self.lead {
            builder = builder.column(extra.width);
        }
        for index in 0..columns.len() {
            let width = self.widths.iter().find(|(i, _)| *i == index);
            builder = builder.column(width.map_or(Width::auto(), |(_, width)| *width));
        }
        for extra in &self.trail {
            builder = builder.column(extra.width);
        }
        if has_delete {
            builder = builder.column(Width::auto());
        }
        let fields = distinct_fields(columns, self.more_fields);
        let rows = self.sheet.len() + usize::from(self.totals.is_some());
        let mut edits = Vec::new();
        builder
            .column(Width::remainder().at_least(self.findings_width).clip(true))
            .header(row_height, |mut header| {
                let extras = (self.lead.iter()).map(|e| (e.header.clone(), e.hint.clone(), false));
                let data = columns.iter().map(|column| {
                    let hint = column.hint.map(|key| tr(cx.lang, key).into_owned());
                    (column.header(cx.lang), hint, !column.is_editable())
                });
                let trail = (self.trail.iter()).map(|e| (e.header.clone(), e.hint.clone(), false));
                for (text, hint, right) in extras.chain(data).chain(trail) {
                    header.col(|ui| heading(ui, &text, hint.as_deref(), right));
                }
                if has_delete {
                    header.col(|_| {});
                }
                header.col(|ui| {
                    ui.strong(tr(cx.lang, "partner_data.sessions.findings"));
                });
            })
            .body(|body| {
                body.rows(row_height, rows, |mut row| {
                    let index = row.index();
                    if index >= self.sheet.len() {
                        if let Some(totals) = self.totals.as_mut() {
                            totals_row(
                                &mut row,
                                &self.lead,
                                columns.len(),
                                &self.trail,
                                has_delete,
                                totals,
                            );
                        }
                        return;
                    }
                    let item = self.sheet.item(index);
                    let target = self.sheet.target(index);
                    let row_marks: Vec<(Field, Option<Mark>)> = (fields.iter())
                        .map(|field| (*field, marks::field(cx, findings, &target, *field)))
                        .collect();
                    let cell_root = self.root.with(&target);
                    for extra in &mut self.lead {
                        row.col(|ui| (extra.cell)(ui, index));
                    }
                    for (position, column) in columns.iter().enumerate() {
                        let mark = (column.field)
                            .filter(|_| column.is_flagged(&item))
                            .and_then(|field| row_marks.iter().find(|(f, _)| *f == field))
                            .and_then(|(_, mark)| mark.as_ref());
                        row.col(|ui| {
                            let cell = Cell {
                                column,
                                item: &item,
                                id: cell_root.with(position),
                                name: &(self.cell_name)(index, &column.header(cx.lang)),
                                problem: mark.map(|m| m.text.as_str()),
                            };
                            let changed = cell.show(ui, cx, editable);
                            if let Some(changed) = changed.filter(|changed| *changed != item) {
                                edits.push(self.sheet.put(index, changed));
                            }
                            paste::note_cursor(ui, self.root, index, position, cell.id);
                        });
                    }
                    for extra in &mut self.trail {
                        row.col(|ui| (extra.cell)(ui, index));
                    }
                    if has_delete && let Some((label, name)) = &self.delete {
                        row.col(|ui| {
                            let Some(edit) = self.sheet.delete(index) else {
                                return;
                            };
                            let button = Button::new(label.as_str()).small();
                            if ui.add(button).accessible_name(name(index)).clicked() {
                                edits.push(edit);
                            }
                        });
                    }
                    row.col(|ui| {
                        let mut all: Vec<Mark> =
                            row_marks.into_iter().filter_map(|(_, mark)| mark).collect();
                        all.extend(marks::item(cx, findings, &target));
                        marks::cell(ui, &all);
                    });
                });
            });
        if editable {
            paste::dialog(ui, cx, self.root);
        }
        for edit in edits {
            cx.outbox.edit(edit);
        }
    }
}

/// A heading, with its hover text; computed figures are right-aligned under theirs.
fn heading(ui: &mut Ui, text: &str, hint: Option<&str>, right: bool) {
    let layout = if right {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.with_layout(layout, |ui| {
        let response = ui.strong(text);
        if let Some(hint) = hint {
            response.on_hover_text(hint);
        }
    });
}

/// The fields of the columns, each once (the yearly targets share one), then `more`.
fn distinct_fields<R>(columns: &[Column<R>], more: &[Field]) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for field in columns
        .iter()
        .filter_map(|c| c.field)
        .chain(more.iter().copied())
    {
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
}

fn totals_row(
    row: &mut TableRow<'_, '_>,
    lead: &[Extra<'_>],
    columns: usize,
    trail: &[Extra<'_>],
    has_delete: bool,
    cell: &mut dyn FnMut(&mut Ui, Slot),
) {
    let slots = (0..lead.len())
        .map(Slot::Lead)
        .chain((0..columns).map(Slot::Data))
        .chain((0..trail.len()).map(Slot::Trail))
        .chain(has_delete.then_some(Slot::Delete))
        .chain([Slot::Findings]);
    for slot in slots {
        row.col(|ui| cell(ui, slot));
    }
}

/// One cell of a row, as its column's kind draws it.
struct Cell<'c, R> {
    column: &'c Column<R>,
    item: &'c R,
    id: Id,
    name: &'c str,
    problem: Option<&'c str>,
}

impl<R: Clone> Cell<'_, R> {
    /// Draws the cell; returns the item as the user changed it.
    fn show(&self, ui: &mut Ui, cx: &ViewCtx<'_>, editable: bool) -> Option<R> {
        let (lang, column, item) = (cx.lang, self.column, self.item);
        if !column.is_editable() {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(column.display(lang, item));
            });
            return None;
        }
        if !editable {
            ui.label(column.display(lang, item));
            return None;
        }
        match (column.kind, column.get(item)) {
            (Kind::Month, value) => {
                let month = match value {
                    Value::Month(month) => Some(month),
                    _ => None,
                };
                let programme = (cx.project.meta.start, cx.project.meta.end);
                let (_, picked) =
                    month_field(ui, self.id, self.name, month, programme, lang, self.problem);
                let value = picked?.map_or(Value::Empty, Value::Month);
                column.with(item, value)
            }
            (Kind::Equipment, Value::Equipment(kind)) => {
                let picked = equipment_choice(ui, self.id, self.name, kind, cx);
                column.with(item, Value::Equipment(picked?))
            }
            (kind, _) => {
                let width = number_width(ui) * width_factor(kind);
                let shown = column.edit_text(lang, item);
                let read = |text: &str| column.read(lang, item, text);
                parsed_field(
                    ui,
                    self.id,
                    self.name,
                    shown,
                    width,
                    lang,
                    self.problem,
                    read,
                )
                .value
            }
        }
    }
}

fn width_factor(kind: Kind) -> f32 {
    match kind {
        Kind::Money => 1.3,
        Kind::Date => 1.2,
        _ => 1.0,
    }
}

/// The drop-down of equipment kinds; the kind picked, when another.
fn equipment_choice(
    ui: &mut Ui,
    id: Id,
    name: &str,
    kind: EquipmentKind,
    cx: &ViewCtx<'_>,
) -> Option<EquipmentKind> {
    let label = |kind| crate::i18n::findings::equipment_label(cx.lang, kind);
    let mut picked = kind;
    ComboBox::from_id_salt(id)
        .selected_text(label(kind).as_ref())
        .width(ui.text_style_height(&TextStyle::Body) * 13.0)
        .show_ui(ui, |ui| {
            for option in EquipmentKind::ALL {
                ui.selectable_value(&mut picked, option, label(option).as_ref());
            }
        })
        .response
        .accessible_name(name);
    (picked != kind).then_some(picked)
}

/// A figure of the totals row, bold and right-aligned under its column.
pub fn total(ui: &mut Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(RichText::new(text).strong());
    });
}

#[cfg(test)]
#[path = "edit_table_tests.rs"]
mod tests;
