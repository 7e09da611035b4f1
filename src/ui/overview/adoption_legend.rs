//! The adoption plot's legend, drawn here rather than by egui_plot, whose legend shows a
//! coloured dot only: two partners of the same colour, or the consortium and the median,
//! looked alike there. Each entry shows a stretch of its line as the plot draws it
//! (pattern and width) or the band's fill; a click hides or shows the series.

use std::collections::HashSet;

use egui::accesskit::Role;
use egui::{Color32, Rect, Sense, Stroke, TextStyle, Ui, WidgetInfo, pos2, vec2};
use egui_plot::ItemId;

use super::series_style::{SeriesStyle, paint_swatch};
use crate::i18n::{Lang, tr};

/// What an entry's swatch shows.
#[derive(Debug, Clone, Copy)]
pub enum Look {
    /// A line in `color` (the style's colour, faded when other partners are selected).
    Line {
        style: SeriesStyle,
        color: Color32,
        width: f32,
    },
    /// A filled band.
    Band(Color32),
}

pub struct Entry<'a> {
    pub id: ItemId,
    pub name: &'a str,
    pub look: Look,
}

/// Length of the line drawn in each swatch: long enough for two dashes of the long pattern.
const SWATCH: f32 = 36.0;

/// Draws the entries in rows as wide as the plot; a click on one toggles it in `hidden`.
pub fn show(ui: &mut Ui, lang: Lang, entries: &[Entry<'_>], hidden: &mut HashSet<ItemId>) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(16.0, 4.0);
        for entry in entries {
            let shown = !hidden.contains(&entry.id);
            if entry_ui(ui, lang, dark, entry, shown) {
                if shown {
                    hidden.insert(entry.id);
                } else {
                    hidden.remove(&entry.id);
                }
            }
        }
    });
}

/// One entry; returns whether it was clicked.
fn entry_ui(ui: &mut Ui, lang: Lang, dark: bool, entry: &Entry<'_>, shown: bool) -> bool {
    let font = TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let galley = ui
        .painter()
        .layout_no_wrap(entry.name.to_owned(), font, text_color);
    let height = galley.size().y.max(16.0);
    let gap = 6.0;
    let size = vec2(SWATCH + gap + galley.size().x, height);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, shown, entry.name));
    // Written only when a screen reader is listening: the overview draws this every frame.
    ui.ctx().accesskit_node_builder(response.id, |node| {
        let description = match entry.look {
            Look::Line { style, .. } => style.describe(lang, dark),
            Look::Band(_) => tr(lang, "overview.adoption.style.band").into_owned(),
        };
        node.set_description(description);
    });

    let painter = ui.painter();
    if response.hovered() {
        painter.rect_filled(
            rect.expand(2.0),
            3.0,
            ui.visuals().widgets.hovered.weak_bg_fill,
        );
    }
    let middle = rect.center().y;
    let swatch = Rect::from_min_max(
        pos2(rect.left(), middle - height * 0.3),
        pos2(rect.left() + SWATCH, middle + height * 0.3),
    );
    // A hidden series keeps a faint swatch, so it can be found and shown again.
    let fade = |color: Color32| {
        if shown {
            color
        } else {
            color.gamma_multiply(0.3)
        }
    };
    match entry.look {
        Look::Line {
            style,
            color,
            width,
        } => paint_swatch(
            painter,
            pos2(swatch.left(), middle),
            pos2(swatch.right(), middle),
            style.pattern,
            Stroke::new(width, fade(color)),
        ),
        Look::Band(fill) => {
            painter.rect_filled(swatch, 2.0, fade(fill));
        }
    }
    let text_rect = Rect::from_min_size(
        pos2(swatch.right() + gap, middle - galley.size().y / 2.0),
        galley.size(),
    );
    painter.galley(text_rect.min, galley, text_color);
    if !shown {
        // Struck through as well as faded: the state is not told by colour alone.
        painter.line_segment(
            [text_rect.left_center(), text_rect.right_center()],
            Stroke::new(1.0, text_color),
        );
    }
    response.clicked()
}
