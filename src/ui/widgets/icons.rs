//! Small status icons painted as shapes: the fonts egui ships (Ubuntu Light) have no
//! arrows, ticks or warning signs, and a missing glyph would show as a box. Each icon sits
//! before a word or a value, so the meaning never rests on the icon or its colour alone.

use egui::{
    Color32, Painter, Pos2, Rect, Response, RichText, Sense, Shape, Stroke, Ui, pos2, vec2,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A rise (filled triangle pointing up).
    Up,
    /// A fall.
    Down,
    /// Reached (a tick).
    Check,
    /// Late, or a warning (a triangle with an exclamation mark).
    Warning,
    /// An error (a disc with an exclamation mark).
    Error,
}

/// Paints `icon` centred in `rect`.
pub fn paint(painter: &Painter, rect: Rect, icon: Icon, color: Color32) {
    let size = rect.width().min(rect.height());
    let rect = Rect::from_center_size(rect.center(), vec2(size, size)).shrink(size * 0.08);
    let (left, right, top, bottom) = (rect.left(), rect.right(), rect.top(), rect.bottom());
    let center = rect.center();
    match icon {
        Icon::Up => {
            let points = vec![
                pos2(center.x, top + size * 0.1),
                pos2(right, bottom - size * 0.1),
                pos2(left, bottom - size * 0.1),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
        Icon::Down => {
            let points = vec![
                pos2(left, top + size * 0.1),
                pos2(right, top + size * 0.1),
                pos2(center.x, bottom - size * 0.1),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
        Icon::Check => {
            let stroke = Stroke::new((size * 0.16).max(1.5), color);
            let points = vec![
                pos2(left + size * 0.05, center.y),
                pos2(left + size * 0.35, bottom - size * 0.12),
                pos2(right, top + size * 0.1),
            ];
            painter.add(Shape::line(points, stroke));
        }
        Icon::Warning => {
            let points = vec![pos2(center.x, top), pos2(right, bottom), pos2(left, bottom)];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
            exclamation(
                painter,
                center + vec2(0.0, size * 0.12),
                size * 0.55,
                Color32::WHITE,
            );
        }
        Icon::Error => {
            painter.circle_filled(center, size * 0.5, color);
            exclamation(painter, center, size * 0.6, Color32::WHITE);
        }
    }
}

/// An exclamation mark of height `height` centred on `center`.
fn exclamation(painter: &Painter, center: Pos2, height: f32, color: Color32) {
    let width = (height * 0.16).max(1.2);
    let top = center.y - height * 0.5;
    let bottom = center.y + height * 0.5;
    painter.line_segment(
        [pos2(center.x, top), pos2(center.x, bottom - height * 0.32)],
        Stroke::new(width, color),
    );
    painter.circle_filled(pos2(center.x, bottom - width * 0.5), width * 0.6, color);
}

/// An icon the height of `text`, then `text`, both in `color`.
pub fn icon_label(ui: &mut Ui, icon: Icon, text: RichText, color: Color32) -> Response {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let text = text.color(color);
        let style = ui.style().clone();
        let height = ui.fonts_mut(|fonts| text.font_height(fonts, &style));
        icon_space(ui, icon, height * 0.85, color);
        ui.label(text)
    })
    .inner
}

/// Allocates a square of side `size` in the layout and paints `icon` in it.
pub fn icon_space(ui: &mut Ui, icon: Icon, size: f32, color: Color32) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    if ui.is_rect_visible(rect) {
        paint(ui.painter(), rect, icon, color);
    }
    response
}
