//! Pasting a block of spreadsheet cells into an edit table. The table remembers which of
//! its cells has the focus; a paste of spreadsheet cells (text with tabs or line ends) while
//! it does is taken out of the input before the focused field would insert it as text, and
//! planned from that cell on. A block whose every cell fits goes to the app as one batch
//! (one undo step); otherwise nothing is pasted, and a dialog lists the refused cells and
//! lets the user paste the valid ones or nothing.

use egui::{Event, Grid, Id, Modal, ScrollArea, Ui};

use crate::fields::Sheet;
use crate::fields::paste::{Plan, Why, is_block, plan};
use crate::i18n::{format, tr, tr_args};
use crate::ui::{Request, ViewCtx};

/// The table's cell whose field has the focus: where a paste starts.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    row: usize,
    column: usize,
    field: Id,
}

fn cursor_id(root: Id) -> Id {
    root.with("paste_cursor")
}

fn pending_id(root: Id) -> Id {
    root.with("paste_pending")
}

/// Remembers the cell (`row`, `column` of the sheet) whose `field` has the focus.
pub fn note_cursor(ui: &Ui, root: Id, row: usize, column: usize, field: Id) {
    if ui.memory(|memory| memory.has_focus(field)) {
        let cursor = Cursor { row, column, field };
        ui.data_mut(|data| data.insert_temp(cursor_id(root), cursor));
    }
}

/// Takes a block paste aimed at this table's focused cell, before its field sees it.
pub fn take<S: Sheet>(ui: &mut Ui, cx: &mut ViewCtx<'_>, sheet: &S, root: Id) {
    let Some(cursor) = ui.data(|data| data.get_temp::<Cursor>(cursor_id(root))) else {
        return;
    };
    if !ui.memory(|memory| memory.has_focus(cursor.field)) || cursor.row >= sheet.len() {
        return;
    }
    let text = ui.input_mut(|input| {
        let at = (input.events.iter())
            .position(|event| matches!(event, Event::Paste(text) if is_block(text)))?;
        match input.events.remove(at) {
            Event::Paste(text) => Some(text),
            _ => None,
        }
    });
    let Some(text) = text else {
        return;
    };
    let plan = plan(sheet, cx.lang, cursor.row, cursor.column, &text);
    // The focused field shows the project as the paste leaves it, not text typed before.
    ui.data_mut(|data| data.remove::<String>(cursor.field));
    if plan.refused.is_empty() {
        if !plan.edits.is_empty() {
            cx.outbox.push(Request::Batch(plan.edits));
        }
    } else {
        ui.data_mut(|data| data.insert_temp(pending_id(root), plan));
    }
}

/// The refused cells of a paste waiting for the user's choice, and the choice.
pub fn dialog(ui: &mut Ui, cx: &mut ViewCtx<'_>, root: Id) {
    let Some(plan) = ui.data(|data| data.get_temp::<Plan>(pending_id(root))) else {
        return;
    };
    let lang = cx.lang;
    let mut done = false;
    let response = Modal::new(pending_id(root).with("modal")).show(ui.ctx(), |ui| {
        ui.set_max_width(ui.text_style_height(&egui::TextStyle::Body) * 40.0);
        ui.heading(tr(lang, "edit_table.paste.title"));
        let count = format::integer(lang, plan.refused.len() as i64);
        ui.label(tr_args(
            lang,
            "edit_table.paste.refused",
            &[("count", &count)],
        ));
        ui.add_space(6.0);
        ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
            Grid::new(pending_id(root).with("grid"))
                .striped(true)
                .show(ui, |ui| {
                    for key in ["row", "column", "value", "why"] {
                        ui.strong(tr(lang, &format!("edit_table.paste.{key}")));
                    }
                    ui.end_row();
                    for refused in &plan.refused {
                        ui.label(&refused.row);
                        ui.label(&refused.column);
                        ui.label(&refused.text);
                        ui.label(tr(lang, why_key(refused.why)));
                        ui.end_row();
                    }
                });
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if !plan.edits.is_empty() {
                let text = crate::i18n::plural(
                    lang,
                    "edit_table.paste.apply_valid",
                    plan.landed as i64,
                    &[],
                );
                if ui.button(text).clicked() {
                    cx.outbox.push(Request::Batch(plan.edits.clone()));
                    done = true;
                }
            }
            if ui.button(tr(lang, "edit_table.paste.cancel")).clicked() {
                done = true;
            }
        });
    });
    if done || response.should_close() {
        ui.data_mut(|data| data.remove::<Plan>(pending_id(root)));
    }
}

fn why_key(why: Why) -> &'static str {
    match why {
        Why::NotAValue => "edit_table.paste.not_a_value",
        Why::Computed => "edit_table.paste.computed",
        Why::NoRow => "edit_table.paste.no_row",
        Why::NoColumn => "edit_table.paste.no_column",
    }
}
