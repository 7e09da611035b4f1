//! A report table set for print: column widths from the content (a column of short figures
//! stays narrow, a column of names takes the rest), each cell wrapped within its column, the
//! header row shaded.

use std::sync::Arc;

use egui::epaint::text::Galley;
use egui::{Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::flow::Measured;
use super::style::{BLOCK_GAP, CAPTION, CELL_PAD, HEADER_FILL, MUTED, RULE, TABLE, TEXT};
use super::typeset::Typesetter;
use crate::report::{Align, Table};

pub struct SetTable {
    pub caption: Arc<Galley>,
    pub widths: Vec<f32>,
    pub aligns: Vec<Align>,
    pub header: SetRow,
    pub rows: Vec<SetRow>,
}

pub struct SetRow {
    pub cells: Vec<Arc<Galley>>,
    pub height: f32,
}

/// Space between the caption and the table.
const CAPTION_GAP: f32 = 3.0;

impl SetTable {
    /// `table` set `width` points wide, its caption after `label` ("Tabella 2.").
    pub fn new(typesetter: &mut Typesetter, label: &str, table: &Table, width: f32) -> SetTable {
        let caption = typesetter.text(&format!("{label} {}", table.caption), CAPTION, MUTED, width);
        let widths = column_widths(typesetter, table, width);
        let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        let header = set_row(typesetter, &headers, &widths, &aligns);
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<&str> = (0..widths.len())
                    .map(|i| row.get(i).map_or("", String::as_str))
                    .collect();
                set_row(typesetter, &cells, &widths, &aligns)
            })
            .collect();
        SetTable {
            caption,
            widths,
            aligns,
            header,
            rows,
        }
    }

    pub fn measured(&self, before: f32) -> Measured {
        Measured {
            before,
            lead: self.lead(),
            repeat: self.header.height,
            rows: self.rows.iter().map(|r| r.height).collect(),
            after: BLOCK_GAP + 4.0,
            keep_with_next: false,
        }
    }

    pub fn lead(&self) -> f32 {
        self.caption.size().y + CAPTION_GAP
    }

    /// A row's background and rules at `top`, `left` (no text: that is tagged cell by cell).
    pub fn row_frame(&self, row: &SetRow, left: f32, top: f32, header: bool) -> Vec<Shape> {
        let width: f32 = self.widths.iter().sum();
        let rect = Rect::from_min_size(pos2(left, top), vec2(width, row.height));
        let mut shapes = Vec::new();
        if header {
            shapes.push(Shape::rect_filled(rect, 0.0, HEADER_FILL));
            shapes.push(Shape::line_segment(
                [rect.left_top(), rect.right_top()],
                Stroke::new(0.8, RULE),
            ));
        }
        let weight = if header { 0.8 } else { 0.4 };
        shapes.push(Shape::line_segment(
            [rect.left_bottom(), rect.right_bottom()],
            Stroke::new(weight, RULE),
        ));
        shapes
    }

    /// Each cell's text placed in its column, in reading order.
    pub fn row_cells(&self, row: &SetRow, left: f32, top: f32) -> Vec<Shape> {
        let mut x = left;
        let mut shapes = Vec::with_capacity(row.cells.len());
        for ((galley, width), align) in row.cells.iter().zip(&self.widths).zip(&self.aligns) {
            // A right-aligned galley is placed by its right edge (see `Typesetter::aligned`).
            let anchor = match align {
                Align::Left => x + CELL_PAD.x,
                Align::Right => x + width - CELL_PAD.x,
            };
            let pos = Pos2::new(anchor, top + CELL_PAD.y);
            shapes.push(Shape::galley(pos, galley.clone(), TEXT));
            x += width;
        }
        shapes
    }
}

fn set_row(
    typesetter: &mut Typesetter,
    cells: &[&str],
    widths: &[f32],
    aligns: &[Align],
) -> SetRow {
    let cells: Vec<Arc<Galley>> = cells
        .iter()
        .zip(widths)
        .zip(aligns)
        .map(|((text, width), align)| {
            let align = match align {
                Align::Left => egui::Align::LEFT,
                Align::Right => egui::Align::RIGHT,
            };
            typesetter.aligned(text, TABLE, TEXT, width - 2.0 * CELL_PAD.x, align)
        })
        .collect();
    let height = cells.iter().map(|g| g.size().y).fold(0.0, f32::max) + 2.0 * CELL_PAD.y;
    SetRow { cells, height }
}

/// Widths summing to `width`: every column gets at least its longest word, what is left goes
/// to the columns whose text would otherwise wrap, in proportion to how much they would.
fn column_widths(typesetter: &mut Typesetter, table: &Table, width: f32) -> Vec<f32> {
    let count = table.columns.len();
    if count == 0 {
        return Vec::new();
    }
    let pad = 2.0 * CELL_PAD.x + 1.0;
    let mut natural = vec![0.0_f32; count];
    let mut least = vec![0.0_f32; count];
    let texts = table
        .rows
        .iter()
        .flat_map(|row| row.iter().take(count).enumerate())
        .chain(table.columns.iter().map(|c| &c.header).enumerate());
    for (column, text) in texts {
        natural[column] = natural[column].max(typesetter.width(text, TABLE) + pad);
        for word in text.split_whitespace() {
            least[column] = least[column].max(typesetter.width(word, TABLE) + pad);
        }
    }
    let total_natural: f32 = natural.iter().sum();
    if total_natural <= width {
        return natural.iter().map(|n| n * width / total_natural).collect();
    }
    // Columns narrower than an even share keep their one line; the others share the rest,
    // each at least its longest word, the spare in proportion to how much each would wrap.
    let share = width / count as f32;
    let narrow: Vec<bool> = natural.iter().map(|n| *n <= share).collect();
    let taken: f32 = natural
        .iter()
        .zip(&narrow)
        .filter(|(_, n)| **n)
        .map(|(w, _)| w)
        .sum();
    let rest = width - taken;
    let wide = |values: &[f32]| -> f32 {
        values
            .iter()
            .zip(&narrow)
            .filter(|(_, n)| !**n)
            .map(|(v, _)| v)
            .sum()
    };
    let (wide_least, wide_natural) = (wide(&least), wide(&natural));
    if wide_least >= rest {
        // Even single words do not fit: shrink in proportion and let words break.
        let total_least: f32 = least.iter().sum();
        return least.iter().map(|l| l * width / total_least).collect();
    }
    let spare = rest - wide_least;
    let wanted = (wide_natural - wide_least).max(f32::MIN_POSITIVE);
    natural
        .iter()
        .zip(&least)
        .zip(&narrow)
        .map(|((n, l), narrow)| {
            if *narrow {
                *n
            } else {
                l + spare * (n - l) / wanted
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{number_column, text_column};

    #[test]
    fn long_text_columns_wrap_and_figures_stay_on_one_line() {
        let mut table = Table::new(
            "caption",
            vec![text_column("Comune"), number_column("Adesione")],
        );
        table.rows.push(vec![
            "Una descrizione molto lunga che non può stare su una sola riga della tabella \
             nemmeno in una pagina intera, perché continua ancora e ancora"
                .into(),
            "44,2%".into(),
        ]);
        let set = Typesetter::with(|t| SetTable::new(t, "Tabella 1.", &table, 300.0));
        let sum: f32 = set.widths.iter().sum();
        assert!((sum - 300.0).abs() < 0.01, "{:?}", set.widths);
        assert!(set.rows[0].cells[0].rows.len() > 1, "the long text wraps");
        assert_eq!(set.rows[0].cells[1].rows.len(), 1, "the figure does not");
        for (cell, width) in set.rows[0].cells.iter().zip(&set.widths) {
            assert!(cell.size().x <= *width - 2.0 * CELL_PAD.x + 0.5);
        }
    }
}
