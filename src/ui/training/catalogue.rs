//! The catalogue of modules as a table: what each module is, how many partners chose it
//! and how far their staff got. A click on a row hands the module to the form; "Nuovo
//! modulo" adds one. Retired modules show greyed with a tag, or not at all unless asked.

use egui::{Align, Button, Layout, RichText, Sense, TextWrapMode, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Choice, count_text, labels};
use crate::i18n::{Lang, format, tr};
use crate::model::{Audience, Edit, Module, ModuleArea, ModuleFormat, ModuleId, slug_unique};
use crate::ui::ViewCtx;
use crate::ui::widgets::section;

#[derive(Default)]
pub struct Catalogue {
    /// A module to bring into view once it is in the table (a new one, next frame).
    scroll_to: Option<ModuleId>,
}

impl Catalogue {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        modules: &[(&ModuleId, &Module)],
        choice: &mut Choice,
    ) {
        let lang = cx.lang;
        let retired = modules.iter().filter(|(_, m)| m.retired).count();
        ui.horizontal(|ui| {
            section::heading(ui, &tr(lang, "training.catalogue.title"));
            let mut summary = count_text(
                lang,
                "training.catalogue.modules_one",
                "training.catalogue.modules_other",
                modules.len(),
            );
            if retired > 0 {
                summary.push_str(" · ");
                summary.push_str(&count_text(
                    lang,
                    "training.catalogue.retired_one",
                    "training.catalogue.retired_other",
                    retired,
                ));
            }
            section::note(ui, &summary);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if cx.editable
                    && ui
                        .button(tr(lang, "training.catalogue.new"))
                        .on_hover_text(tr(lang, "training.catalogue.new_hint"))
                        .clicked()
                {
                    let id = self.add_module(cx);
                    choice.module = Some(id);
                    choice.focus_title = true;
                }
                if retired > 0 || choice.show_retired {
                    ui.checkbox(
                        &mut choice.show_retired,
                        tr(lang, "training.catalogue.show_retired"),
                    );
                }
            });
        });
        ui.add_space(4.0);

        // The module being edited stays listed even when it is retired and retired ones
        // are hidden, so ticking "retired" does not make it vanish under the pointer.
        let rows: Vec<&(&ModuleId, &Module)> = modules
            .iter()
            .filter(|(id, m)| {
                !m.retired || choice.show_retired || choice.module.as_ref() == Some(id)
            })
            .collect();
        if rows.is_empty() {
            section::note(ui, &tr(lang, "training.catalogue.empty"));
            return;
        }
        let scroll_row = self
            .scroll_to
            .as_ref()
            .and_then(|target| rows.iter().position(|(id, _)| *id == target));
        if scroll_row.is_some() {
            self.scroll_to = None;
        }
        let clicked = table(ui, cx, &rows, choice.module.as_ref(), scroll_row);
        if let Some(id) = clicked {
            choice.module = Some(id);
            choice.focus_title = false;
        }
    }

    /// Asks for a new module with a fresh id; returns the id.
    fn add_module(&mut self, cx: &mut ViewCtx<'_>) -> ModuleId {
        let title = tr(cx.lang, "training.catalogue.new_title").into_owned();
        let catalogue = &cx.project.catalogue;
        let id = ModuleId::new(slug_unique(&title, |slug| {
            catalogue.contains_key(&ModuleId::from(slug))
        }));
        let module = Module {
            title,
            area: ModuleArea::Organisation,
            format: ModuleFormat::Classroom,
            hours: 8.0,
            audience: Audience::All,
            indicators: Default::default(),
            retired: false,
        };
        cx.outbox.edit(Edit::PutModule {
            module: id.clone(),
            value: Some(module),
        });
        self.scroll_to = Some(id.clone());
        id
    }
}

/// Draws the rows; returns the module whose row was clicked.
fn table(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    rows: &[&(&ModuleId, &Module)],
    selected: Option<&ModuleId>,
    scroll_row: Option<usize>,
) -> Option<ModuleId> {
    let lang = cx.lang;
    let body = section::body_size(ui);
    let row_height = body + 10.0;
    let mut clicked = None;
    let mut builder = TableBuilder::new(ui)
        .id_salt("training_catalogue")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .auto_shrink([false, false])
        .min_scrolled_height(0.0)
        .column(Column::remainder().at_least(body * 12.0).clip(true))
        .column(Column::exact(body * 15.0).clip(true))
        .column(Column::exact(body * 11.0).clip(true))
        .column(Column::exact(body * 3.5))
        .column(Column::exact(body * 9.0).clip(true))
        .column(Column::exact(body * 5.5))
        .column(Column::exact(body * 6.5));
    if let Some(row) = scroll_row {
        builder = builder.scroll_to_row(row, None);
    }
    let headers = [
        "training.catalogue.col_title",
        "training.catalogue.col_area",
        "training.catalogue.col_format",
        "training.catalogue.col_hours",
        "training.catalogue.col_audience",
        "training.catalogue.col_chosen",
        "training.catalogue.col_completion",
    ];
    builder
        .header(row_height, |mut header| {
            for (index, key) in headers.iter().enumerate() {
                header.col(|ui| {
                    let text = RichText::new(tr(lang, key)).strong();
                    if index >= 5 || index == 3 {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.label(text);
                        });
                    } else {
                        ui.label(text);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let (id, module) = *rows[row.index()];
                let is_selected = selected == Some(id);
                row.set_selected(is_selected);
                let weak = module.retired;
                let mut title_clicked = false;
                row.col(|ui| {
                    ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
                    title_clicked = title_cell(ui, lang, module, is_selected);
                });
                row.col(|ui| {
                    cell_text(ui, &labels::area(lang, module.area), weak);
                });
                row.col(|ui| {
                    cell_text(ui, &labels::format(lang, module.format), weak);
                });
                row.col(|ui| {
                    right(ui, |ui| {
                        cell_text(ui, &format::decimal(lang, module.hours, 0), weak);
                    });
                });
                row.col(|ui| {
                    cell_text(ui, &labels::audience(lang, module.audience), weak);
                });
                let figures = cx.dashboard.training.modules.get(id);
                row.col(|ui| {
                    let partners = figures.map_or(0, |f| f.partners);
                    right(ui, |ui| {
                        cell_text(ui, &usize_text(lang, partners), weak);
                    });
                });
                row.col(|ui| {
                    let rate = figures.and_then(|f| f.completion.rate());
                    let text = rate.map_or_else(
                        || format::MISSING.to_owned(),
                        |rate| format::percent(lang, rate * 100.0, 0),
                    );
                    right(ui, |ui| {
                        let response = cell_text(ui, &text, weak);
                        if let Some(f) = figures {
                            let tip =
                                completion_tip(lang, f.completion.completed, f.completion.enrolled);
                            response.on_hover_text(tip);
                        }
                    });
                });
                if title_clicked || row.response().clicked() {
                    clicked = Some(id.clone());
                }
            });
        });
    clicked
}

/// The module's title as a button that selects it, greyed and tagged when retired.
fn title_cell(ui: &mut Ui, lang: Lang, module: &Module, selected: bool) -> bool {
    let weak_color = ui.visuals().weak_text_color();
    let title = if module.title.trim().is_empty() {
        RichText::new(tr(lang, "training.catalogue.untitled")).italics()
    } else {
        RichText::new(&module.title)
    };
    let title = if module.retired {
        title.color(weak_color)
    } else {
        title
    };
    let clicked = ui
        .add(Button::selectable(selected, title).truncate())
        .clicked();
    if module.retired {
        retired_tag(ui, lang);
    }
    clicked
}

/// The small "ritirato" tag after a retired module's title.
pub fn retired_tag(ui: &mut Ui, lang: Lang) {
    let visuals = ui.visuals();
    let text = RichText::new(tr(lang, "training.catalogue.retired_tag"))
        .small()
        .color(visuals.weak_text_color())
        .background_color(visuals.extreme_bg_color);
    ui.label(text);
}

fn cell_text(ui: &mut Ui, text: &str, weak: bool) -> egui::Response {
    let text = RichText::new(text);
    let text = if weak {
        text.color(ui.visuals().weak_text_color())
    } else {
        text
    };
    ui.label(text)
}

fn right(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) {
    ui.with_layout(Layout::right_to_left(Align::Center), add_contents);
}

fn usize_text(lang: Lang, value: usize) -> String {
    format::integer(lang, i64::try_from(value).unwrap_or(i64::MAX))
}

/// "21 completati su 30 iscritti"
pub fn completion_tip(lang: Lang, completed: i64, enrolled: i64) -> String {
    crate::i18n::tr_args(
        lang,
        "training.completion_tip",
        &[
            ("completed", &format::integer(lang, completed)),
            ("enrolled", &format::integer(lang, enrolled)),
        ],
    )
}
