//! Partners × modules: one row per partner (sorted by name, searchable), one column per
//! catalogue module, each choice a cell coloured by its completion. Each row shows how many
//! modules the partner has of the most it may choose. Only the rows on screen are laid out,
//! and each row is three table cells with the module cells painted inside one of them.

use egui::{
    Align, Button, Layout, Rect, RichText, Sense, Stroke, TextEdit, TextWrapMode, Ui, pos2, vec2,
};
use egui_extras::{Column, TableBuilder};

use super::matrix_cells::{self, CellAction, CellInput};
use super::matrix_header;
use super::{additive_click, count_text, heat};
use crate::i18n::{Lang, format, plural, tr};
use crate::model::{Edit, Module, ModuleId, PartnerId, Project};
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::section;
use crate::ui::{Request, ViewCtx, theme};

#[derive(Default)]
pub struct Matrix {
    query: String,
    rows: Rows,
    /// The selection's focus when last drawn: a partner focused elsewhere is scrolled to.
    last_focus: Option<PartnerId>,
}

/// The rows shown: indexes into `Dashboard::partner_order` of the partners whose name
/// matches the search, rebuilt when the revision or the search changes.
#[derive(Default)]
struct Rows {
    key: Option<(u64, String)>,
    indexes: Vec<usize>,
}

impl Rows {
    fn refresh(&mut self, revision: u64, query: &str, order: &[PartnerId], project: &Project) {
        let query = query.trim().to_lowercase();
        if self
            .key
            .as_ref()
            .is_some_and(|(r, q)| *r == revision && *q == query)
        {
            return;
        }
        self.indexes = order
            .iter()
            .enumerate()
            .filter(|(_, id)| {
                query.is_empty()
                    || project
                        .partners
                        .get(*id)
                        .is_some_and(|p| p.name.to_lowercase().contains(&query))
            })
            .map(|(index, _)| index)
            .collect();
        self.key = Some((revision, query));
    }
}

/// A module column: the module and whether it starts a new area (a rule before it).
pub(super) struct ModuleColumn<'a> {
    pub id: &'a ModuleId,
    pub module: &'a Module,
    pub first_of_area: bool,
}

/// Room for the table's spacing between columns.
const SLACK: f32 = 8.0;

/// Sizes, from the body text so the matrix scales with the app's zoom.
pub(super) struct Geometry {
    name: f32,
    count: f32,
    pub cell: f32,
    header: f32,
    row: f32,
}

impl Geometry {
    /// Cells as wide as the space allows, between room for "100%" and a comfortable size.
    fn new(body: f32, width: f32, columns: usize, header: f32) -> Geometry {
        let name = body * 12.0;
        let count = body * 4.0;
        let room = width - name - count - header - SLACK;
        let cell = (room / columns.max(1) as f32).clamp(body * 2.8, body * 4.2);
        Geometry {
            name,
            count,
            cell,
            header,
            row: body + 10.0,
        }
    }

    /// The module strip: the cells, plus room on the right for the last slanted title.
    fn strip(&self, columns: usize) -> f32 {
        self.cell * columns as f32 + self.header
    }

    fn width(&self, columns: usize) -> f32 {
        self.name + self.count + self.strip(columns) + SLACK
    }
}

impl Matrix {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        modules: &[(&ModuleId, &Module)],
        show_retired: bool,
    ) {
        let lang = cx.lang;
        let dashboard = cx.dashboard;
        let in_use = |id: &ModuleId| {
            dashboard
                .training
                .modules
                .get(id)
                .is_some_and(|m| m.partners > 0)
        };
        // Retired modules nobody chose have nothing to show; those chosen before they were
        // retired keep their column.
        let mut columns: Vec<ModuleColumn<'_>> = Vec::with_capacity(modules.len());
        for &(id, module) in modules {
            if module.retired && !show_retired && !in_use(id) {
                continue;
            }
            let first_of_area = columns
                .last()
                .is_some_and(|previous| previous.module.area != module.area);
            columns.push(ModuleColumn {
                id,
                module,
                first_of_area,
            });
        }
        self.rows.refresh(
            cx.revision,
            &self.query,
            &dashboard.partner_order,
            cx.project,
        );

        ui.horizontal(|ui| {
            section::heading(ui, &tr(lang, "training.matrix.title"));
            let total = dashboard.partner_order.len();
            let shown = self.rows.indexes.len();
            let summary = if shown == total {
                count_text(
                    lang,
                    "training.matrix.partners_one",
                    "training.matrix.partners_other",
                    total,
                )
            } else {
                plural(
                    lang,
                    "training.matrix.partners_found",
                    shown as i64,
                    &[("total", &format::integer(lang, total as i64))],
                )
            };
            section::note(ui, &summary);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let hint = tr(lang, "training.matrix.search");
                ui.add(
                    TextEdit::singleline(&mut self.query)
                        .hint_text(hint.as_ref())
                        .desired_width(section::body_size(ui) * 14.0),
                )
                .accessible_name(hint.as_ref());
            });
        });
        let body = section::body_size(ui);
        let header = matrix_header::header_height(ui, body, &columns);
        let geometry = Geometry::new(body, ui.available_width(), columns.len(), header);
        ui.horizontal(|ui| {
            heat::legend(ui, lang, vec2(geometry.cell, geometry.row));
        });
        if cx.editable {
            section::note(ui, &tr(lang, "training.matrix.hint"));
        }
        ui.add_space(4.0);
        if columns.is_empty() {
            section::note(ui, &tr(lang, "training.catalogue.empty"));
            return;
        }
        if dashboard.partner_order.is_empty() {
            section::note(ui, &tr(lang, "training.matrix.no_partners_yet"));
            return;
        }
        if self.rows.indexes.is_empty() {
            section::note(ui, &tr(lang, "training.matrix.no_partners"));
            return;
        }

        let focus = cx.selection.focus.clone();
        let scroll_row = if focus != self.last_focus {
            self.last_focus = focus.clone();
            focus.and_then(|focus| {
                self.rows
                    .indexes
                    .iter()
                    .position(|&index| dashboard.partner_order.get(index) == Some(&focus))
            })
        } else {
            None
        };
        if geometry.width(columns.len()) > ui.available_width() {
            egui::ScrollArea::horizontal()
                .id_salt("training_matrix_wide")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.table(ui, cx, &columns, &geometry, scroll_row);
                });
        } else {
            self.table(ui, cx, &columns, &geometry, scroll_row);
        }
    }

    fn table(
        &self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        columns: &[ModuleColumn<'_>],
        geometry: &Geometry,
        scroll_row: Option<usize>,
    ) {
        let lang = cx.lang;
        let project = cx.project;
        let dashboard = cx.dashboard;
        let max = project.meta.max_modules_per_partner;
        let mut builder = TableBuilder::new(ui)
            .id_salt("training_matrix")
            .striped(true)
            .cell_layout(Layout::left_to_right(Align::Center))
            .auto_shrink([false, false])
            .min_scrolled_height(0.0)
            .column(Column::exact(geometry.name).clip(true))
            .column(Column::exact(geometry.count))
            .column(Column::exact(geometry.strip(columns.len())));
        if let Some(row) = scroll_row {
            builder = builder.scroll_to_row(row, None);
        }
        let mut requests = Vec::new();
        builder
            .header(geometry.header, |mut header| {
                header.col(|ui| {
                    ui.with_layout(Layout::left_to_right(Align::Max), |ui| {
                        ui.label(RichText::new(tr(lang, "training.matrix.partner")).strong());
                    });
                });
                header.col(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Max), |ui| {
                        ui.label(RichText::new(tr(lang, "training.matrix.chosen")).strong())
                            .on_hover_text(tr(lang, "training.matrix.chosen_hint"));
                    });
                });
                header.col(|ui| {
                    matrix_header::column_titles(ui, cx, columns, geometry.cell);
                });
            })
            .body(|body| {
                body.rows(geometry.row, self.rows.indexes.len(), |mut row| {
                    let Some(id) = self
                        .rows
                        .indexes
                        .get(row.index())
                        .and_then(|&index| dashboard.partner_order.get(index))
                    else {
                        return;
                    };
                    // The figures may be a revision behind the project: a partner deleted
                    // since has an empty row until they catch up.
                    let Some(partner) = project.partners.get(id) else {
                        return;
                    };
                    // No row highlight: the selection's blue would blend with the heat map.
                    // The name shows selected and the cells get an outline instead.
                    let selected = cx.selection.contains(id);
                    let chosen = partner.modules.len();
                    row.col(|ui| {
                        ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
                        let selected = cx.selection.contains(id);
                        let response =
                            ui.add(Button::selectable(selected, partner.name.as_str()).truncate());
                        if response.clicked() {
                            requests.push(Request::SelectPartner {
                                partner: id.clone(),
                                additive: additive_click(ui),
                            });
                        }
                        if response.double_clicked() {
                            requests.push(Request::EditPartner(id.clone()));
                        }
                        response.context_menu(|ui| {
                            if ui.button(tr(lang, "training.matrix.open")).clicked() {
                                requests.push(Request::EditPartner(id.clone()));
                                ui.close();
                            }
                        });
                    });
                    row.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            row_count(ui, lang, chosen, max);
                        });
                    });
                    row.col(|ui| {
                        let strip = ui.max_rect();
                        ui.allocate_rect(strip, Sense::hover());
                        let (left, top, bottom) = (strip.left(), strip.top(), strip.bottom());
                        for (index, column) in columns.iter().enumerate() {
                            let x = left + geometry.cell * index as f32;
                            let rect =
                                Rect::from_min_max(pos2(x, top), pos2(x + geometry.cell, bottom));
                            if column.first_of_area {
                                area_rule(ui, x, top, bottom);
                            }
                            let input = CellInput {
                                lang,
                                partner_name: &partner.name,
                                module: column.module,
                                choice: partner.modules.get(column.id),
                                chosen,
                                max,
                                editable: cx.editable,
                            };
                            let cell_id = ui.scope_id().with(index);
                            let Some(action) = matrix_cells::cell(ui, rect, cell_id, &input) else {
                                continue;
                            };
                            let (partner, module) = (id.clone(), column.id.clone());
                            requests.push(match action {
                                CellAction::Choose => {
                                    Request::Edit(Edit::ChooseModule { partner, module })
                                }
                                CellAction::Select => Request::SelectPartner {
                                    partner,
                                    additive: additive_click(ui),
                                },
                                CellAction::Remove => Request::Edit(Edit::PutModuleChoice {
                                    partner,
                                    module,
                                    choice: None,
                                }),
                                CellAction::Open => Request::EditPartner(partner),
                            });
                        }
                        if selected {
                            let cells = Rect::from_min_max(
                                pos2(left, top),
                                pos2(left + geometry.cell * columns.len() as f32, bottom),
                            );
                            let color = ui.visuals().strong_text_color();
                            ui.painter().rect_stroke(
                                cells,
                                0.0,
                                Stroke::new(2.0, color),
                                egui::StrokeKind::Inside,
                            );
                        }
                    });
                });
            });
        for request in requests {
            cx.outbox.push(request);
        }
    }
}

/// "7/9": a full row in bold, a row above the maximum (chosen before it was lowered, or
/// imported) marked as an error.
fn row_count(ui: &mut Ui, lang: Lang, chosen: usize, max: u32) {
    let max_usize = max as usize;
    let text = format!(
        "{}/{}",
        format::integer(lang, chosen as i64),
        format::integer(lang, i64::from(max))
    );
    let tip = plural(
        lang,
        "training.matrix.count_tip",
        chosen as i64,
        &[("max", &format::integer(lang, i64::from(max)))],
    );
    if chosen > max_usize {
        icons::icon_label(
            ui,
            Icon::Error,
            RichText::new(text).strong(),
            theme::bad_text(ui.visuals()),
        )
        .on_hover_text(format!("{tip}\n{}", tr(lang, "training.matrix.count_over")));
    } else if chosen == max_usize {
        ui.label(RichText::new(text).strong())
            .on_hover_text(format!("{tip}\n{}", tr(lang, "training.matrix.count_full")));
    } else {
        ui.label(text).on_hover_text(tip);
    }
}

/// The rule between two areas' columns.
pub(super) fn area_rule(ui: &Ui, x: f32, top: f32, bottom: f32) {
    let stroke = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    ui.painter().vline(x, top..=bottom, stroke);
}
