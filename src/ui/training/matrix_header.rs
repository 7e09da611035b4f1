//! The matrix's column titles: module titles slanted at 45° so long Italian titles stay
//! readable above narrow columns, with the full title and its figures under the pointer.

use std::f32::consts::FRAC_PI_4;

use egui::text::LayoutJob;
use egui::{Align2, FontId, Pos2, RichText, Sense, Ui, pos2, vec2};

use super::matrix::{ModuleColumn, area_rule};
use super::{catalogue::completion_tip, count_text, labels};
use crate::i18n::{Lang, tr};
use crate::ui::ViewCtx;
use crate::ui::widgets::section;

/// The modules' titles, slanted at 45° so long Italian titles stay readable above narrow
/// columns; the title under the pointer shows in full with its figures.
pub(super) fn column_titles(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    columns: &[ModuleColumn<'_>],
    cell: f32,
) {
    let lang = cx.lang;
    let rect = ui.max_rect();
    let response = ui.allocate_rect(rect, Sense::hover());
    let size = section::body_size(ui) * 0.9;
    // The text runs up and to the right from the bottom of its column.
    let base = rect.bottom() - 6.0;
    let length = (base - rect.top()) * std::f32::consts::SQRT_2 - 4.0;
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    for (index, column) in columns.iter().enumerate() {
        let x = rect.left() + cell * (index as f32 + 0.5);
        let color = if column.module.retired {
            weak
        } else {
            text_color
        };
        let mut job = LayoutJob::simple_singleline(
            column.module.title.clone(),
            FontId::proportional(size),
            color,
        );
        job.wrap.max_width = length;
        job.wrap.max_rows = 1;
        job.wrap.break_anywhere = true;
        job.wrap.overflow_character = Some('…');
        let galley = ui.painter().layout_job(job);
        let anchor = pos2(x, base) - vec2(0.0, galley.size().y / 2.0);
        let shape = egui::epaint::TextShape::new(anchor, galley, color)
            .with_angle_and_anchor(-FRAC_PI_4, Align2::LEFT_CENTER);
        ui.painter().add(shape);
        if column.first_of_area {
            let left = rect.left() + cell * index as f32;
            area_rule(ui, left, base - 2.0, rect.bottom());
        }
    }
    if let Some(pointer) = response.hover_pos()
        && let Some(index) = column_under(pointer, rect.left(), base, cell)
        && let Some(column) = columns.get(index)
    {
        response.on_hover_ui_at_pointer(|ui| column_tooltip(ui, cx, lang, column));
    }
}

/// The column whose slanted title passes under `pointer`: a title starts at the bottom of
/// its column and moves right as much as it rises.
fn column_under(pointer: Pos2, left: f32, base: f32, cell: f32) -> Option<usize> {
    let rise = (base - pointer.y).max(0.0);
    let offset = pointer.x - rise - left;
    (offset >= 0.0).then(|| (offset / cell) as usize)
}

fn column_tooltip(ui: &mut Ui, cx: &ViewCtx<'_>, lang: Lang, column: &ModuleColumn<'_>) {
    ui.label(RichText::new(&column.module.title).strong());
    ui.label(labels::area(lang, column.module.area));
    if column.module.retired {
        ui.label(
            RichText::new(tr(lang, "training.catalogue.retired_tag"))
                .color(ui.visuals().weak_text_color()),
        );
    }
    let figures = cx.dashboard.training.modules.get(column.id);
    let partners = figures.map_or(0, |f| f.partners);
    ui.label(count_text(
        lang,
        "training.matrix.chosen_by_one",
        "training.matrix.chosen_by_other",
        partners,
    ));
    if let Some(figures) = figures
        && figures.completion.enrolled > 0
    {
        ui.label(completion_tip(
            lang,
            figures.completion.completed,
            figures.completion.enrolled,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_under_the_pointer_follows_the_slant() {
        // Columns 40 wide from x = 100; titles start at y = 200 and rise at 45°.
        assert_eq!(
            column_under(pos2(105.0, 200.0), 100.0, 200.0, 40.0),
            Some(0)
        );
        assert_eq!(
            column_under(pos2(145.0, 200.0), 100.0, 200.0, 40.0),
            Some(1)
        );
        // 50 above the base the first title has moved 50 to the right, over the cells of
        // column 1; left of it no title passes.
        assert_eq!(
            column_under(pos2(165.0, 150.0), 100.0, 200.0, 40.0),
            Some(0)
        );
        assert_eq!(column_under(pos2(145.0, 150.0), 100.0, 200.0, 40.0), None);
    }
}
