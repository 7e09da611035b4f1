//! The milestone grid: partners × the seven tappe. A reached milestone shows its actual
//! month with a tick, one not reached yet its planned month in grey; a late one is marked
//! with a warning sign and the bad colour (never colour alone), and every cell's tooltip
//! gives planned versus actual. Only the visible rows are laid out, so 7,900 partners cost
//! what 20 do.
//! A click on a partner's name selects it; when a single partner is selected elsewhere the
//! grid scrolls to it.

use std::collections::HashMap;

use egui::{
    Align, Button, Color32, Rect, RichText, Role, Sense, TextStyle, Ui, WidgetInfo, pos2, vec2,
};
use egui_extras::{Column, TableBuilder};

use super::icons::{self, Icon};
use super::{additive_click, count_text, section};
use crate::analysis::dashboard::{MilestoneCell, MilestoneRow};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{MilestoneKind, PartnerId};
use crate::ui::{Request, ViewCtx, theme};

#[derive(Default)]
pub struct MilestoneGrid {
    /// Row of each partner, built when first needed in a revision.
    rows_by_partner: Option<(u64, HashMap<PartnerId, usize>)>,
    /// The single selected partner last seen, to scroll to a new one.
    last_single: Option<PartnerId>,
    /// Set when the grid itself selected a partner: no need to scroll to it.
    selected_here: bool,
}

/// How a cell reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellState {
    Reached,
    ReachedLate,
    Planned,
    Overdue,
    Unplanned,
}

impl CellState {
    fn of(cell: &MilestoneCell) -> CellState {
        match (cell.actual, cell.planned, cell.late) {
            (Some(_), _, false) => CellState::Reached,
            (Some(_), _, true) => CellState::ReachedLate,
            (None, Some(_), false) => CellState::Planned,
            (None, Some(_), true) => CellState::Overdue,
            (None, None, _) => CellState::Unplanned,
        }
    }
}

impl MilestoneGrid {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, height: f32) {
        let dashboard = cx.dashboard;
        let grid = &dashboard.milestones;
        let lang = cx.lang;
        let scroll_to = self.scroll_target(cx);
        let mut clicked = None;
        section::panel(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                section::heading(ui, &tr(lang, "overview.milestones.title"));
                let size = section::body_size(ui) * 1.1;
                if grid.late == 0 {
                    ui.label(RichText::new(tr(lang, "overview.milestones.none_late")).size(size));
                } else {
                    let text = count_text(
                        lang,
                        "overview.milestones.late_one",
                        "overview.milestones.late_other",
                        grid.late,
                    );
                    let text = RichText::new(text).size(size).strong();
                    icons::icon_label(ui, Icon::Warning, text, theme::bad_text(ui.visuals()));
                }
            });
            legend(ui, lang);
            if grid.rows.is_empty() {
                section::note(ui, &tr(lang, "overview.milestones.no_partners"));
                return;
            }
            clicked = table(ui, cx, &grid.rows, height, scroll_to);
        });
        if let Some(partner) = clicked {
            self.selected_here = true;
            let additive = additive_click(ui);
            cx.outbox.push(Request::SelectPartner { partner, additive });
        }
    }

    /// The row to bring into view: that of a partner just selected alone, elsewhere.
    fn scroll_target(&mut self, cx: &ViewCtx<'_>) -> Option<usize> {
        // The app applies a click's request between two frames: this frame sees its effect.
        let from_here = std::mem::take(&mut self.selected_here);
        let selected = &cx.selection.partners;
        let single = (selected.len() == 1)
            .then(|| selected.iter().next())
            .flatten();
        if single == self.last_single.as_ref() {
            return None;
        }
        self.last_single = single.cloned();
        let partner = single.filter(|_| !from_here)?;
        let revision = cx.revision;
        if self
            .rows_by_partner
            .as_ref()
            .is_none_or(|(built, _)| *built != revision)
        {
            let rows = cx
                .dashboard
                .milestones
                .rows
                .iter()
                .enumerate()
                .map(|(index, row)| (row.partner.clone(), index))
                .collect();
            self.rows_by_partner = Some((revision, rows));
        }
        self.rows_by_partner
            .as_ref()
            .and_then(|(_, rows)| rows.get(partner).copied())
    }
}

/// What the marks mean: tick for reached, grey for planned; the warning sign after the
/// actual month of a tappa reached late, before the planned month of one overdue.
fn legend(ui: &mut Ui, lang: Lang) {
    let size = section::body_size(ui) * 0.9;
    let weak = ui.visuals().weak_text_color();
    ui.horizontal_wrapped(|ui| {
        let text = |key| RichText::new(tr(lang, key)).size(size);
        icons::icon_label(
            ui,
            Icon::Check,
            text("overview.milestones.legend_reached"),
            weak,
        );
        ui.label(text("overview.milestones.legend_planned").color(weak));
        let month = tr(lang, "overview.milestones.legend_month");
        let late = |ui: &mut Ui, leading: Icon, trailing: Option<Icon>, key: &str| {
            let bad = theme::bad_text(ui.visuals());
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                icons::icon_space(ui, leading, size * 0.85, bad);
                ui.label(
                    RichText::new(month.as_ref())
                        .size(size)
                        .italics()
                        .color(bad),
                );
                if let Some(trailing) = trailing {
                    icons::icon_space(ui, trailing, size * 0.85, bad);
                }
                ui.label(RichText::new(tr(lang, key)).size(size));
            });
        };
        late(
            ui,
            Icon::Check,
            Some(Icon::Warning),
            "overview.milestones.legend_late",
        );
        late(
            ui,
            Icon::Warning,
            None,
            "overview.milestones.legend_overdue",
        );
    });
}

/// Draws the table; returns the partner whose name was clicked.
///
/// Two table columns: the partner's name (a button) and a strip where the seven
/// milestones are painted side by side. One strip per row instead of seven cells keeps the
/// table's per-cell cost (a child `Ui` each) out of a frame that shows a hundred of them.
fn table(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    rows: &[MilestoneRow],
    height: f32,
    scroll_to: Option<usize>,
) -> Option<PartnerId> {
    let lang = cx.lang;
    let body_height = ui.text_style_height(&TextStyle::Body);
    let row_height = body_height + 10.0;
    let colors = Colors {
        text: ui.visuals().text_color(),
        weak: ui.visuals().weak_text_color(),
        strong: ui.visuals().strong_text_color(),
        bad: theme::bad_text(ui.visuals()),
    };
    let name_width = (ui.available_width() * 0.22).clamp(120.0, 240.0);
    let mut clicked = None;
    let mut builder = TableBuilder::new(ui)
        .id_salt("overview_milestones")
        .striped(true)
        .resizable(false)
        .auto_shrink([false, false])
        .min_scrolled_height(height)
        .max_scroll_height(height)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::exact(name_width).clip(true))
        .column(Column::remainder().clip(true));
    if let Some(row) = scroll_to {
        builder = builder.scroll_to_row(row, Some(Align::Center));
    }
    builder
        .header(body_height * 2.0 + 8.0, |mut header| {
            header.col(|ui| {
                ui.strong(tr(lang, "overview.milestones.partner"));
            });
            header.col(|ui| header_strip(ui, lang, colors.strong));
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let data = &rows[row.index()];
                let selected = cx.selection.contains(&data.partner);
                row.set_selected(selected);
                row.col(|ui| {
                    let response = ui.add(Button::selectable(selected, &data.name).truncate());
                    if response.clicked() {
                        clicked = Some(data.partner.clone());
                    }
                });
                row.col(|ui| cells_strip(ui, lang, &data.cells, colors));
            });
        });
    clicked
}

#[derive(Clone, Copy)]
struct Colors {
    bad: Color32,
    text: Color32,
    weak: Color32,
    strong: Color32,
}

/// The strip's rect split into one slot per milestone.
fn slots(rect: Rect, count: usize) -> impl Iterator<Item = Rect> {
    let width = rect.width() / count.max(1) as f32;
    (0..count).map(move |i| {
        Rect::from_min_size(
            pos2(rect.left() + i as f32 * width, rect.top()),
            vec2(width, rect.height()),
        )
    })
}

/// The milestones' names over their slots, wrapped on two lines.
fn header_strip(ui: &mut Ui, lang: Lang, color: Color32) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    let font = TextStyle::Body.resolve(ui.style());
    let painter = ui.painter();
    for (slot, kind) in slots(rect, MilestoneKind::ALL.len()).zip(MilestoneKind::ALL) {
        let slot = slot.shrink2(vec2(4.0, 0.0));
        let text = tr(lang, milestone_key(kind)).into_owned();
        let galley = painter.layout(text, font.clone(), color, slot.width());
        let top = slot.center().y - galley.size().y / 2.0;
        painter
            .with_clip_rect(slot)
            .galley(pos2(slot.left(), top), galley, color);
    }
    response.widget_info(|| {
        let names: Vec<_> = MilestoneKind::ALL
            .iter()
            .map(|kind| tr(lang, milestone_key(*kind)))
            .collect();
        WidgetInfo::labeled(Role::Label, true, names.join(", "))
    });
}

/// A row's seven milestones, painted; the tooltip is that of the milestone under the
/// pointer, and the accessible name lists all seven (both built only when asked for).
fn cells_strip(ui: &mut Ui, lang: Lang, cells: &[MilestoneCell], colors: Colors) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    if ui.is_rect_visible(rect) {
        let font = TextStyle::Body.resolve(ui.style());
        let icon_size = font.size;
        let gap = 4.0;
        let painter = ui.painter();
        for (slot, cell) in slots(rect, cells.len()).zip(cells) {
            let view = cell_view(
                lang,
                cell,
                CellState::of(cell),
                colors.text,
                colors.weak,
                colors.bad,
            );
            let painter = painter.with_clip_rect(slot.intersect(painter.clip_rect()));
            let icon_rect = |x: f32| {
                Rect::from_min_size(
                    pos2(x, slot.center().y - icon_size / 2.0),
                    vec2(icon_size, icon_size),
                )
            };
            let mut x = slot.left() + gap;
            if let Some(icon) = view.leading {
                icons::paint(&painter, icon_rect(x), icon, view.color);
            }
            // Months line up whether or not a tick precedes them.
            x += icon_size + gap;
            let galley = painter.layout_no_wrap(view.text, font.clone(), view.color);
            let width = galley.size().x;
            painter.galley(
                pos2(x, slot.center().y - galley.size().y / 2.0),
                galley,
                view.color,
            );
            if let Some(icon) = view.trailing {
                icons::paint(&painter, icon_rect(x + width + gap), icon, view.color);
            }
        }
    }
    let hovered = response
        .hover_pos()
        .and_then(|pointer| slots(rect, cells.len()).position(|slot| slot.contains(pointer)));
    response.widget_info(|| {
        let cells: Vec<String> = cells
            .iter()
            .map(|cell| tooltip(lang, cell, CellState::of(cell)).replace('\n', ", "))
            .collect();
        WidgetInfo::labeled(Role::Label, true, cells.join("; "))
    });
    if let Some(cell) = hovered.and_then(|index| cells.get(index)) {
        response.on_hover_ui(|ui| {
            ui.label(tooltip(lang, cell, CellState::of(cell)));
        });
    }
}

/// What a cell shows: the actual month of a reached milestone (after a tick), the planned
/// month of one still to come (in grey); a late one in the bad colour with a warning sign.
#[derive(Debug, Clone, PartialEq)]
struct CellView {
    leading: Option<Icon>,
    text: String,
    trailing: Option<Icon>,
    color: Color32,
}

fn cell_view(
    lang: Lang,
    cell: &MilestoneCell,
    state: CellState,
    text: Color32,
    weak: Color32,
    bad: Color32,
) -> CellView {
    let month = |month: Option<crate::model::Month>| {
        month.map_or_else(String::new, |month| format::month(lang, month))
    };
    let view = |leading, text, trailing, color| CellView {
        leading,
        text,
        trailing,
        color,
    };
    match state {
        CellState::Reached => view(Some(Icon::Check), month(cell.actual), None, text),
        CellState::ReachedLate => view(
            Some(Icon::Check),
            month(cell.actual),
            Some(Icon::Warning),
            bad,
        ),
        CellState::Planned => view(None, month(cell.planned), None, weak),
        CellState::Overdue => view(Some(Icon::Warning), month(cell.planned), None, bad),
        CellState::Unplanned => view(None, "—".to_owned(), None, weak),
    }
}

/// "Regolamento · Prevista: mar 2026 · Raggiunta: mag 2026 · In ritardo", one per line.
fn tooltip(lang: Lang, cell: &MilestoneCell, state: CellState) -> String {
    let mut lines = vec![tr(lang, milestone_key(cell.kind)).into_owned()];
    lines.push(match cell.planned {
        Some(month) => tr_args(
            lang,
            "overview.milestones.planned",
            &[("month", &format::month_long(lang, month))],
        ),
        None => tr(lang, "overview.milestones.no_plan").into_owned(),
    });
    lines.push(match cell.actual {
        Some(month) => tr_args(
            lang,
            "overview.milestones.reached",
            &[("month", &format::month_long(lang, month))],
        ),
        None => tr(lang, "overview.milestones.not_reached").into_owned(),
    });
    if matches!(state, CellState::ReachedLate | CellState::Overdue) {
        lines.push(tr(lang, "overview.milestones.late").into_owned());
    }
    lines.join("\n")
}

/// The i18n key of a milestone's column header.
fn milestone_key(kind: MilestoneKind) -> &'static str {
    match kind {
        MilestoneKind::Mapping => "overview.milestone.mapping",
        MilestoneKind::Regolamento => "overview.milestone.regolamento",
        MilestoneKind::UnionAgreement => "overview.milestone.union_agreement",
        MilestoneKind::IndividualAgreements => "overview.milestone.individual_agreements",
        MilestoneKind::EquipmentDelivered => "overview.milestone.equipment_delivered",
        MilestoneKind::PilotStart => "overview.milestone.pilot_start",
        MilestoneKind::Regime => "overview.milestone.regime",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Month;

    fn cell(planned: Option<(i32, u32)>, actual: Option<(i32, u32)>, late: bool) -> MilestoneCell {
        let month = |(year, month): (i32, u32)| Month::new(year, month).unwrap();
        MilestoneCell {
            kind: MilestoneKind::Regolamento,
            planned: planned.map(month),
            actual: actual.map(month),
            late,
        }
    }

    fn shown(cell: &MilestoneCell) -> (Option<Icon>, String, Option<Icon>, Color32) {
        let view = cell_view(
            Lang::It,
            cell,
            CellState::of(cell),
            Color32::BLACK,
            Color32::GRAY,
            Color32::RED,
        );
        (view.leading, view.text, view.trailing, view.color)
    }

    #[test]
    fn cells_show_actual_or_planned_and_mark_lateness_beyond_colour() {
        let bad = Color32::RED;
        let text = |text: &str| text.to_owned();
        assert_eq!(
            shown(&cell(Some((2026, 3)), Some((2026, 2)), false)),
            (Some(Icon::Check), text("feb 2026"), None, Color32::BLACK)
        );
        assert_eq!(
            shown(&cell(Some((2026, 3)), Some((2026, 5)), true)),
            (
                Some(Icon::Check),
                text("mag 2026"),
                Some(Icon::Warning),
                bad
            )
        );
        assert_eq!(
            shown(&cell(Some((2026, 9)), None, false)),
            (None, text("set 2026"), None, Color32::GRAY)
        );
        assert_eq!(
            shown(&cell(Some((2026, 1)), None, true)),
            (Some(Icon::Warning), text("gen 2026"), None, bad)
        );
        assert_eq!(
            shown(&cell(None, None, false)),
            (None, text("—"), None, Color32::GRAY)
        );
    }

    #[test]
    fn the_tooltip_compares_planned_and_actual() {
        let late = cell(Some((2026, 3)), Some((2026, 5)), true);
        assert_eq!(
            tooltip(Lang::It, &late, CellState::of(&late)),
            "Regolamento\nPrevista: marzo 2026\nRaggiunta: maggio 2026\nIn ritardo"
        );
        let open = cell(None, None, false);
        assert_eq!(
            tooltip(Lang::En, &open, CellState::of(&open)),
            "Regolamento\nNo planned month\nNot reached yet"
        );
    }

    #[test]
    fn every_milestone_has_a_column_header_in_both_languages() {
        for kind in MilestoneKind::ALL {
            for lang in Lang::ALL {
                assert!(crate::i18n::has_key(lang, milestone_key(kind)), "{kind:?}");
            }
        }
    }
}
