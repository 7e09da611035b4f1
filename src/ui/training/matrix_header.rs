//! The matrix's column titles: module titles slanted at 45° so long Italian titles stay
//! readable above narrow columns, with the full title and its figures under the pointer.

use std::f32::consts::FRAC_PI_4;

use egui::accesskit::Role;
use egui::text::{LayoutJob, TextFormat};
use egui::{Align2, Color32, FontId, Pos2, RichText, Sense, Ui, WidgetInfo, pos2, vec2};

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
    response.widget_info(|| {
        let titles: Vec<&str> = columns.iter().map(|c| c.module.title.as_str()).collect();
        WidgetInfo::labeled(Role::Label, true, titles.join(", "))
    });
    let font = title_font(section::body_size(ui));
    // The text runs up and to the right from the bottom of its column.
    let base = rect.bottom() - BASE_GAP;
    let length = title_room(rect.height());
    for (index, column) in columns.iter().enumerate() {
        let x = rect.left() + cell * (index as f32 + 0.5);
        let color = title_color(ui.visuals(), column.module.retired);
        let mut job = LayoutJob::single_section(
            column.module.title.clone(),
            TextFormat {
                font_id: font.clone(),
                color,
                italics: column.module.retired,
                ..TextFormat::default()
            },
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

/// Room between the bottom of the header and the start of the titles.
const BASE_GAP: f32 = 6.0;

/// The length a title may take along its slant in a header `height` tall.
fn title_room(height: f32) -> f32 {
    (height - BASE_GAP) * std::f32::consts::SQRT_2 - 4.0
}

/// The titles' type: body size, since a slanted line is harder to read than a level one.
fn title_font(body: f32) -> FontId {
    FontId::proportional(body)
}

/// A header tall enough for the longest title in full, within 6 to 20 lines of body text;
/// a title longer than that is cut with "…" and shows in full under the pointer.
pub(super) fn header_height(ui: &Ui, body: f32, columns: &[ModuleColumn<'_>]) -> f32 {
    let font = title_font(body);
    let widest = columns
        .iter()
        .map(|column| {
            ui.painter()
                .layout_no_wrap(column.module.title.clone(), font.clone(), Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    ((widest + 4.0) / std::f32::consts::SQRT_2 + BASE_GAP + 1.0).clamp(body * 6.0, body * 20.0)
}

/// A title's colour: the strongest text colour, a retired module's the normal one (and in
/// italics, so the difference is not told by colour alone); both at AA contrast or more.
fn title_color(visuals: &egui::Visuals, retired: bool) -> Color32 {
    if retired {
        visuals.text_color()
    } else {
        visuals.strong_text_color()
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
    use crate::ui::theme;

    #[test]
    fn the_demo_titles_fit_their_header_whole() {
        let project = crate::demo::embedded();
        let columns: Vec<ModuleColumn<'_>> = project
            .catalogue
            .iter()
            .map(|(id, module)| ModuleColumn {
                id,
                module,
                first_of_area: false,
            })
            .collect();
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let body = section::body_size(ui);
            let room = title_room(header_height(ui, body, &columns));
            for column in &columns {
                let title = &column.module.title;
                let galley =
                    ui.painter()
                        .layout_no_wrap(title.clone(), title_font(body), Color32::WHITE);
                assert!(
                    galley.size().x <= room,
                    "{title}: {} wide, room for {room}",
                    galley.size().x
                );
            }
        });
        // Nothing is drawn: the font atlas's updates are dropped on purpose.
        output.textures_delta.clear();
    }

    #[test]
    fn titles_read_at_aa_contrast_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let background = theme::section_fill(&visuals);
            for retired in [false, true] {
                let ratio = theme::contrast(title_color(&visuals, retired), background);
                assert!(
                    ratio >= 4.5,
                    "dark {}, retired {retired}: {ratio:.2}:1",
                    visuals.dark_mode
                );
            }
        }
    }

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
