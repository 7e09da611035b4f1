//! The list of partners: buttons to add, duplicate and delete, a search field, the count,
//! and a table sortable by each column. Only the visible rows are laid out and the order is
//! cached (`list_rows`), so 7,900 partners cost a frame what 20 do.

use egui::{Align, Button, Id, Layout, Response, RichText, Sense, TextEdit, TextStyle, Ui, vec2};
use egui_extras::{Column, TableBuilder};

use super::SEARCH_FIELD;
use super::list_rows::{ListRow, ListRows, Sort, SortColumn};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Edit, Partner, PartnerId, Project, slug_unique};
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::interaction::additive_click;
use crate::ui::widgets::section;
use crate::ui::{Request, ViewCtx, theme};

/// What the list did that the editor should follow.
#[derive(Debug, Clone, PartialEq)]
pub enum ListEvent {
    /// A partner was added (new or duplicated): its name is there to be typed.
    Created(PartnerId),
}

#[derive(Default)]
pub struct PartnerList {
    query: String,
    sort: Sort,
    rows: ListRows,
    /// The focused partner last seen, to scroll to a new one.
    last_focus: Option<PartnerId>,
    /// Set when the list itself changed the focus: no need to scroll.
    focused_here: bool,
}

impl PartnerList {
    /// Replaces the search with `typed`, as a focused field selecting all would.
    pub fn search_for(&mut self, typed: &str) {
        if !typed.is_empty() {
            self.query = typed.to_owned();
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) -> Option<ListEvent> {
        let mut event = None;
        if cx.editable {
            event = self.buttons(ui, cx);
            ui.add_space(6.0);
        }
        let entered = self.search(ui, cx.lang);
        self.rows.update(
            cx.revision,
            cx.project,
            cx.dashboard,
            &self.query,
            self.sort,
        );
        // Ctrl+F, a few letters, Enter: the first match opens in the editor.
        if entered && let Some(first) = self.rows.row(0) {
            cx.outbox.push(Request::SelectPartner {
                partner: first.id.clone(),
                additive: false,
            });
        }
        ui.add_space(2.0);
        section::note(ui, &self.count_text(cx.lang));
        ui.add_space(4.0);
        if self.rows.total() == 0 {
            section::note(ui, &cx.t("partners.list.empty"));
        } else if self.rows.shown() == 0 {
            section::note(ui, &cx.t("partners.list.no_match"));
        }
        let scroll_to = self.scroll_target(cx);
        if let Some(partner) = self.table(ui, cx, scroll_to) {
            self.focused_here = true;
            let additive = additive_click(ui);
            cx.outbox.push(Request::SelectPartner { partner, additive });
        }
        event
    }

    fn buttons(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) -> Option<ListEvent> {
        let focused = (cx.selection.focus.as_ref())
            .and_then(|id| cx.project.partners.get(id).map(|partner| (id, partner)));
        let mut created = None;
        ui.horizontal_wrapped(|ui| {
            let new = ui
                .button(cx.t("partners.list.new"))
                .on_hover_text(cx.t("partners.list.new_hint"));
            if new.clicked() {
                let name = unique_name(cx.project, &cx.t("partners.list.new_name"));
                let partner = Partner::new(name, "", cx.project.meta.start);
                created = Some(add(cx, partner));
            }
            let duplicate = ui
                .add_enabled(
                    focused.is_some(),
                    Button::new(cx.t("partners.list.duplicate")),
                )
                .on_hover_text(cx.t("partners.list.duplicate_hint"));
            if duplicate.clicked()
                && let Some((_, partner)) = focused
            {
                let mut copy = partner.clone();
                let name = tr_args(
                    cx.lang,
                    "partners.list.copy_name",
                    &[("name", &partner.name)],
                );
                copy.name = unique_name(cx.project, &name);
                created = Some(add(cx, copy));
            }
            let delete = ui
                .add_enabled(focused.is_some(), Button::new(cx.t("partners.list.delete")))
                .on_hover_text(cx.t("partners.list.delete_hint"));
            if delete.clicked()
                && let Some((id, _)) = focused
            {
                cx.outbox.push(Request::DeletePartner(id.clone()));
            }
        });
        if created.is_some() {
            // The new partner would be hidden by a search it does not match.
            self.query.clear();
            self.focused_here = false;
        }
        created.map(ListEvent::Created)
    }

    /// The search field (Esc empties it); returns whether Enter was pressed in it. Laid out
    /// right to left: the clear button, when there is a query, takes its own width first and
    /// the field the rest, so typing never makes the row (and the panel) wider.
    fn search(&mut self, ui: &mut Ui, lang: Lang) -> bool {
        let id = Id::unique(SEARCH_FIELD);
        let width = ui.available_width();
        ui.allocate_ui_with_layout(
            vec2(width, ui.spacing().interact_size.y),
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| {
                if !self.query.is_empty() {
                    let side = ui.spacing().interact_size.y;
                    let clear = ui
                        .add(Button::new("×").min_size(vec2(side, side)))
                        .accessible_name(tr(lang, "partners.list.clear_search"))
                        .on_hover_text(tr(lang, "partners.list.clear_search"));
                    if clear.clicked() {
                        self.query.clear();
                    }
                }
                let response = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .id(id)
                            .hint_text(tr(lang, "partners.list.search_hint"))
                            .desired_width(ui.available_width()),
                    )
                    .accessible_name(tr(lang, "partners.list.search"));
                let pressed = |key| ui.input(|input| input.key_pressed(key));
                let typing = response.has_focus() || response.lost_focus();
                if typing && pressed(egui::Key::Escape) {
                    self.query.clear();
                }
                response.lost_focus() && pressed(egui::Key::Enter)
            },
        )
        .inner
    }

    fn count_text(&self, lang: Lang) -> String {
        let (shown, total) = (self.rows.shown(), self.rows.total());
        let number = |n: usize| format::integer(lang, i64::try_from(n).unwrap_or(i64::MAX));
        if shown == total {
            let key = if total == 1 {
                "partners.list.count_one"
            } else {
                "partners.list.count_other"
            };
            tr_args(lang, key, &[("count", &number(total))])
        } else {
            let key = if total == 1 {
                "partners.list.filtered_one"
            } else {
                "partners.list.filtered_other"
            };
            tr_args(
                lang,
                key,
                &[("shown", &number(shown)), ("total", &number(total))],
            )
        }
    }

    /// The row to bring into view: that of a partner focused elsewhere (the overview, a
    /// finding revealed), once.
    fn scroll_target(&mut self, cx: &ViewCtx<'_>) -> Option<usize> {
        let from_here = std::mem::take(&mut self.focused_here);
        let focus = cx.selection.focus.as_ref();
        if focus == self.last_focus.as_ref() {
            return None;
        }
        self.last_focus = focus.cloned();
        let focus = focus.filter(|_| !from_here)?;
        self.rows.position(focus)
    }

    /// Draws the table; returns the partner whose row was clicked.
    fn table(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCtx<'_>,
        scroll_to: Option<usize>,
    ) -> Option<PartnerId> {
        let lang = cx.lang;
        let body_height = ui.text_style_height(&TextStyle::Body);
        let row_height = body_height + 8.0;
        // A narrow list gives the province's room to the names (the search still finds
        // provinces, and the editor shows them).
        let narrow = ui.available_width() < NARROW_LIST;
        let columns: Vec<SortColumn> = (SortColumn::ALL.into_iter())
            .filter(|&column| !(narrow && column == SortColumn::Province))
            .collect();
        let widths: Vec<f32> = (columns.iter())
            .map(|&column| column_width(ui, lang, column, self.sort))
            .collect();
        let mut clicked_row = None;
        let mut clicked_header = None;
        let mut builder = TableBuilder::new(ui)
            .id_salt("partners_list_table")
            .striped(true)
            .resizable(false)
            .sense(Sense::CLICK)
            .auto_shrink([false, false])
            .min_scrolled_height(0.0)
            .max_scroll_height(f32::INFINITY)
            .cell_layout(Layout::left_to_right(Align::Center));
        for (&column, &width) in columns.iter().zip(&widths) {
            builder = builder.column(match column {
                SortColumn::Name => Column::remainder().at_least(60.0).clip(true),
                _ => Column::exact(width),
            });
        }
        if let Some(row) = scroll_to {
            builder = builder.scroll_to_row(row, Some(Align::Center));
        }
        let sort = self.sort;
        let rows = &self.rows;
        builder
            .header(row_height + 4.0, |mut header| {
                for &column in &columns {
                    header.col(|ui| {
                        if header_cell(ui, cx, column, sort).clicked() {
                            clicked_header = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.shown(), |mut table_row| {
                    let Some(row) = rows.row(table_row.index()) else {
                        return;
                    };
                    let selected = cx.selection.contains(&row.id);
                    table_row.set_selected(selected);
                    let mut clicked = false;
                    for &column in &columns {
                        table_row.col(|ui| {
                            if column == SortColumn::Name {
                                clicked |= name_cell(ui, lang, row, selected).clicked();
                            } else {
                                cell(ui, lang, column, row);
                            }
                        });
                    }
                    clicked |= table_row.response().clicked();
                    if clicked {
                        clicked_row = Some(row.id.clone());
                    }
                });
            });
        if let Some(column) = clicked_header {
            self.sort = self.sort.clicked(column);
        }
        clicked_row
    }
}

/// The partner's name as a button that selects it; a name cut short shows whole on hover.
fn name_cell(ui: &mut Ui, lang: Lang, row: &ListRow, selected: bool) -> Response {
    if row.name.trim().is_empty() {
        let unnamed = RichText::new(tr(lang, "partners.list.unnamed")).italics();
        return ui.add(Button::selectable(selected, unnamed));
    }
    let font = TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let width = (ui.painter())
        .layout_no_wrap(row.name.clone(), font, color)
        .size()
        .x;
    let elided = width + ui.spacing().button_padding.x * 2.0 > ui.available_width();
    let response = ui.add(Button::selectable(selected, row.name.as_str()).truncate());
    if elided {
        response.on_hover_text(row.name.as_str())
    } else {
        response
    }
}

/// Below this width the list leaves out the province column.
const NARROW_LIST: f32 = 480.0;

/// One figure of a row, right-aligned (the province left-aligned), ending where its
/// header's text does, inside the header button's padding.
fn cell(ui: &mut Ui, lang: Lang, column: SortColumn, row: &ListRow) {
    let padding = ui.spacing().button_padding.x;
    if column == SortColumn::Province {
        ui.add_space(padding);
        ui.label(row.province.as_str());
        return;
    }
    let percent = |share: Option<f64>| {
        share.map_or_else(
            || format::MISSING.to_owned(),
            |share| format::percent(lang, share * 100.0, 1),
        )
    };
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add_space(padding);
        match column {
            SortColumn::Headcount => {
                ui.label(format::integer(lang, row.headcount));
            }
            SortColumn::Adoption => {
                ui.label(percent(row.adoption));
            }
            SortColumn::Completion => {
                ui.label(percent(row.completion));
            }
            SortColumn::Late => {
                let count = format::integer(lang, i64::try_from(row.late).unwrap_or(i64::MAX));
                if row.late == 0 {
                    ui.weak(count);
                } else {
                    let color = theme::bad_text(ui.visuals());
                    ui.label(RichText::new(count).color(color).strong());
                    let size = ui.text_style_height(&TextStyle::Body) * 0.85;
                    icons::icon_space(ui, Icon::Warning, size, color);
                }
            }
            SortColumn::Name | SortColumn::Province => {}
        }
    });
}

/// The width of a column after the name: enough for its header (and the sort arrow, on the
/// sorted column only, since a narrow list needs every pixel for the names) and its
/// figures. The name takes what is left.
fn column_width(ui: &Ui, lang: Lang, column: SortColumn, sort: Sort) -> f32 {
    let width = |text: &str, font: egui::FontId| {
        let color = ui.visuals().text_color();
        ui.painter()
            .layout_no_wrap(text.to_owned(), font, color)
            .size()
            .x
    };
    let body = TextStyle::Body.resolve(ui.style());
    let padding = ui.spacing().button_padding.x * 2.0;
    let arrow = arrow_size(ui) + 2.0;
    let sorted = if sort.column == column { arrow } else { 0.0 };
    let header = width(&tr(lang, header_key(column)), header_font(ui)) + padding + sorted;
    let figures = match column {
        SortColumn::Name | SortColumn::Province => width("MM", body),
        SortColumn::Headcount => width("88.888", body),
        SortColumn::Adoption | SortColumn::Completion => width("100,0%", body),
        SortColumn::Late => width("8", body) + arrow,
    };
    header.max(figures + padding)
}

fn arrow_size(ui: &Ui) -> f32 {
    ui.text_style_height(&TextStyle::Body) * 0.7
}

/// Headers a little smaller than the figures, as in printed tables.
fn header_font(ui: &Ui) -> egui::FontId {
    egui::FontId::proportional(section::body_size(ui) * 0.92)
}

fn header_key(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Name => "partners.list.col.name",
        SortColumn::Province => "partners.list.col.province",
        SortColumn::Headcount => "partners.list.col.headcount",
        SortColumn::Adoption => "partners.list.col.adoption",
        SortColumn::Completion => "partners.list.col.completion",
        SortColumn::Late => "partners.list.col.late",
    }
}

fn header_hint_key(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Name => "partners.list.col.name_hint",
        SortColumn::Province => "partners.list.col.province_hint",
        SortColumn::Headcount => "partners.list.col.headcount_hint",
        SortColumn::Adoption => "partners.list.col.adoption_hint",
        SortColumn::Completion => "partners.list.col.completion_hint",
        SortColumn::Late => "partners.list.col.late_hint",
    }
}

/// A column's header: a button that sorts by it, with an arrow when it is the sort.
/// Figures are right-aligned like the numbers under them.
fn header_cell(ui: &mut Ui, cx: &ViewCtx<'_>, column: SortColumn, sort: Sort) -> Response {
    let lang = cx.lang;
    let sorted = sort.column == column;
    let text = RichText::new(tr(lang, header_key(column)))
        .font(header_font(ui))
        .strong();
    let layout = if matches!(column, SortColumn::Name | SortColumn::Province) {
        Layout::left_to_right(Align::Center)
    } else {
        Layout::right_to_left(Align::Center)
    };
    ui.with_layout(layout, |ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let button = ui.add(Button::selectable(sorted, text)).on_hover_ui(|ui| {
            ui.label(header_hint(cx, column));
        });
        let size = arrow_size(ui);
        if sorted {
            let icon = if sort.descending {
                Icon::Down
            } else {
                Icon::Up
            };
            icons::icon_space(ui, icon, size, ui.visuals().strong_text_color());
        }
        button
    })
    .inner
}

/// The header's tooltip, with the sort direction in words.
fn header_hint(cx: &ViewCtx<'_>, column: SortColumn) -> String {
    let lang = cx.lang;
    let hint = if column == SortColumn::Late {
        let month = format::month_long(lang, cx.dashboard.as_of);
        tr_args(lang, header_hint_key(column), &[("month", &month)])
    } else {
        tr(lang, header_hint_key(column)).into_owned()
    };
    format!("{hint}\n{}", tr(lang, "partners.list.sort_hint"))
}

/// Adds `partner` under a fresh id and selects it; returns the id.
fn add(cx: &mut ViewCtx<'_>, partner: Partner) -> PartnerId {
    let project = cx.project;
    let id = PartnerId::new(slug_unique(&partner.name, |id| {
        project.partners.contains_key(&PartnerId::new(id))
    }));
    cx.outbox.edit(Edit::PutPartner {
        partner: id.clone(),
        value: Some(Box::new(partner)),
    });
    cx.outbox.push(Request::SelectPartner {
        partner: id.clone(),
        additive: false,
    });
    id
}

/// `name`, or `name 2`, `name 3`… when a partner already has it.
fn unique_name(project: &Project, name: &str) -> String {
    let taken = |candidate: &str| project.partners.values().any(|p| p.name == candidate);
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| format!("{name} {n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}
