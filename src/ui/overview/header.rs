//! The overview's header: the project's title (editable unless presenting), the month the
//! figures refer to, the number of partners, and the selection with a field to rename the
//! one selected partner. Edits go to the outbox; the fields keep their own text while they
//! have focus, and follow the project (undo, another view's edit) when they do not.

use egui::{FontId, Id, RichText, TextEdit, Ui};

use super::{count_text, section};
use crate::i18n::{format, tr, tr_args};
use crate::model::{Edit, PartnerId};
use crate::ui::{Request, ViewCtx};

#[derive(Default)]
pub struct Header {
    title: String,
    /// The selected partner being renamed and the text of its field.
    rename: Option<(PartnerId, String)>,
}

impl Header {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        let body = section::body_size(ui);
        if cx.editable {
            self.title_field(ui, cx, body * 2.0);
        } else {
            ui.label(
                RichText::new(&cx.project.meta.title)
                    .size(body * 2.4)
                    .strong(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            let info = body * 1.15;
            // Asked of the figures, not the project: at national scale scanning every
            // partner's observations took a tenth of the overview's frame.
            let as_of = if cx.dashboard.anything_observed {
                tr_args(
                    cx.lang,
                    "overview.header.as_of",
                    &[("month", &format::month_long(cx.lang, cx.dashboard.as_of))],
                )
            } else {
                tr(cx.lang, "files.header.nothing_observed").into_owned()
            };
            ui.label(RichText::new(as_of).size(info));
            ui.label(RichText::new("·").size(info));
            let partners = count_text(
                cx.lang,
                "overview.header.partners_one",
                "overview.header.partners_other",
                cx.project.partners.len(),
            );
            ui.label(RichText::new(partners).size(info));
            self.selection_ui(ui, cx);
        });
    }

    fn title_field(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, size: f32) {
        let id = Id::unique("overview_title_field");
        let title = &cx.project.meta.title;
        if !ui.memory(|memory| memory.has_focus(id)) && self.title != *title {
            self.title.clone_from(title);
        }
        let label = section::note(ui, &cx.t("overview.header.title_label"));
        let response = ui
            .add(
                TextEdit::singleline(&mut self.title)
                    .id(id)
                    .font(FontId::proportional(size))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            cx.outbox.edit(Edit::SetTitle(self.title.clone()));
        }
    }

    fn selection_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        // Copied out of the context, which is lent mutably below for the requests.
        let (project, selection) = (cx.project, cx.selection);
        let selected = &selection.partners;
        if selected.is_empty() {
            self.rename = None;
            return;
        }
        ui.separator();
        let single = (selected.len() == 1)
            .then(|| selected.iter().next())
            .flatten()
            .and_then(|id| project.partners.get(id).map(|partner| (id, partner)));
        match single {
            Some((id, partner)) if cx.editable => self.rename_field(ui, cx, id, &partner.name),
            Some((_, partner)) => {
                ui.label(tr_args(
                    cx.lang,
                    "overview.header.selected_one",
                    &[("name", &partner.name)],
                ));
            }
            None => {
                self.rename = None;
                let count = format::integer(cx.lang, selected.len() as i64);
                ui.label(tr_args(
                    cx.lang,
                    "overview.header.selected_other",
                    &[("count", &count)],
                ));
            }
        }
        if ui.button(cx.t("overview.header.clear_selection")).clicked() {
            cx.outbox.push(Request::ClearSelection);
        }
    }

    fn rename_field(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, partner: &PartnerId, name: &str) {
        let id = Id::unique("overview_rename_field");
        let has_focus = ui.memory(|memory| memory.has_focus(id));
        let (buffer_for, text) = self
            .rename
            .get_or_insert_with(|| (partner.clone(), name.to_owned()));
        if buffer_for != partner {
            buffer_for.clone_from(partner);
            text.clear();
            text.push_str(name);
        } else if !has_focus && text != name {
            text.clear();
            text.push_str(name);
        }
        let label = ui.label(cx.t("overview.header.rename_label"));
        let response = ui
            .add(
                TextEdit::singleline(text)
                    .id(id)
                    .desired_width(section::body_size(ui) * 18.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            cx.outbox.edit(Edit::RenamePartner {
                partner: partner.clone(),
                name: text.clone(),
            });
        }
    }
}
