//! Two panels side by side on a wide screen, one above the other on a narrow one.

use egui::Ui;

use super::section;

/// Below this width the two columns stack vertically.
pub const TWO_COLUMN_MIN_WIDTH: f32 = 1100.0;

/// Lays `left` and `right` side by side, `left_share` of the width to the left, or one above
/// the other when the view is narrower than `TWO_COLUMN_MIN_WIDTH`. The context is handed to
/// each in turn, since both write requests to it.
pub fn two_columns<C>(
    ui: &mut Ui,
    cx: &mut C,
    left_share: f32,
    left: impl FnOnce(&mut Ui, &mut C),
    right: impl FnOnce(&mut Ui, &mut C),
) {
    let width = ui.available_width();
    if width < TWO_COLUMN_MIN_WIDTH {
        left(ui, cx);
        ui.add_space(section::GAP);
        right(ui, cx);
        return;
    }
    let gap = section::GAP;
    let left_width = ((width - gap) * left_share).floor();
    let right_width = width - gap - left_width;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        ui.allocate_ui_with_layout(
            egui::vec2(left_width, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(left_width);
                left(ui, cx);
            },
        );
        ui.allocate_ui_with_layout(
            egui::vec2(right_width, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(right_width);
                right(ui, cx);
            },
        );
    });
}
