//! Every block of a document set for the page: text wrapped to the content width, tables
//! sized, figures given their height; and each block's heights for pagination.

use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::Galley;

use super::chart;
use super::flow::Measured;
use super::style::{
    self, BLOCK_GAP, BODY, CAPTION, HEADING, MUTED, NOTE, SUBTITLE, TEXT, content_width,
};
use super::table::SetTable;
use super::typeset::Typesetter;
use crate::report::{Block, Chart, Document, Words};

pub enum TextKind {
    Subtitle,
    Heading(u8),
    Paragraph,
    Note,
}

pub enum SetBlock<'a> {
    Text {
        /// One galley; a text taller than a page is set line by line so it can continue on
        /// the next page.
        lines: Vec<Arc<Galley>>,
        kind: TextKind,
        /// The words as written, for bookmarks and the heading's tag.
        source: &'a str,
    },
    Table(SetTable),
    Figure {
        chart: &'a Chart,
        /// The bars this figure shows: a bar chart too long for a page is cut into parts.
        bars: Range<usize>,
        chart_height: f32,
        caption: Arc<Galley>,
        /// The caption without its number, read out as the figure's alternative text.
        alt: &'a str,
    },
}

/// Space between a figure and its caption.
pub const FIGURE_GAP: f32 = 4.0;

/// The document's blocks set for print, the subtitle first.
pub fn set_document<'a>(typesetter: &mut Typesetter, document: &'a Document) -> Vec<SetBlock<'a>> {
    let words = Words::new(document.lang);
    let width = content_width();
    let mut set = Vec::with_capacity(document.blocks.len() + 1);
    let mut tables = 0;
    let mut figures = 0;
    let text = |typesetter: &mut Typesetter, source: &'a str, kind: TextKind| {
        let (size, color) = match kind {
            TextKind::Subtitle => (SUBTITLE, MUTED),
            TextKind::Heading(level) => (style::heading(level).0, HEADING),
            TextKind::Paragraph => (BODY, TEXT),
            TextKind::Note => (NOTE, MUTED),
        };
        let galley = typesetter.text(source, size, color, width);
        let lines = if galley.size().y > style::content_height() / 2.0 {
            galley
                .rows
                .iter()
                .map(|row| {
                    let line: String = row.row.glyphs.iter().map(|g| g.chr).collect();
                    typesetter.text(line.trim_end(), size, color, f32::INFINITY)
                })
                .collect()
        } else {
            vec![galley]
        };
        SetBlock::Text {
            lines,
            kind,
            source,
        }
    };
    for block in &document.blocks {
        let placed = match block {
            Block::Heading { level, text: words } => {
                text(typesetter, words, TextKind::Heading(*level))
            }
            Block::Paragraph(words) => text(typesetter, words, TextKind::Paragraph),
            Block::Note(words) => text(typesetter, words, TextKind::Note),
            Block::Table(table) => {
                tables += 1;
                let label = format!("{} {tables}.", words.get("docx.table"));
                SetBlock::Table(SetTable::new(typesetter, &label, table, width))
            }
            Block::Figure(figure) => {
                figures += 1;
                let label = format!("{} {figures}.", words.get("docx.figure"));
                let parts = chart_parts(&figure.chart);
                let count = parts.len();
                for (index, bars) in parts.into_iter().enumerate() {
                    let caption = if count > 1 {
                        format!("{label} {} ({}/{count})", figure.caption, index + 1)
                    } else {
                        format!("{label} {}", figure.caption)
                    };
                    set.push(SetBlock::Figure {
                        chart_height: chart::height(&figure.chart, bars.len(), width),
                        chart: &figure.chart,
                        bars,
                        caption: typesetter.text(&caption, CAPTION, MUTED, width),
                        alt: &figure.caption,
                    });
                }
                continue;
            }
        };
        set.push(placed);
        // The subtitle goes right under the document's main heading, as on a title page.
        if set.len() == 1 && !document.subtitle.is_empty() {
            set.push(text(typesetter, &document.subtitle, TextKind::Subtitle));
        }
    }
    if set.is_empty() && !document.subtitle.is_empty() {
        set.push(text(typesetter, &document.subtitle, TextKind::Subtitle));
    }
    set
}

/// Most bars one figure shows: with its caption it stays within a page.
const BARS_PER_FIGURE: usize = 30;

/// The bars of each part of a bar chart with more bars than a page holds; any other chart is
/// one part.
fn chart_parts(chart: &Chart) -> Vec<Range<usize>> {
    let count = match chart {
        Chart::Bars { bars, .. } => bars.len(),
        Chart::Lines { .. } => 0,
    };
    if count == 0 {
        return std::iter::once(0..0).collect();
    }
    (0..count)
        .step_by(BARS_PER_FIGURE)
        .map(|start| start..(start + BARS_PER_FIGURE).min(count))
        .collect()
}

impl SetBlock<'_> {
    pub fn measured(&self) -> Measured {
        match self {
            SetBlock::Text { lines, kind, .. } => {
                let (before, after, keep_with_next) = match kind {
                    TextKind::Heading(level) => (style::heading(*level).1, 5.0, true),
                    TextKind::Subtitle => (0.0, 14.0, false),
                    TextKind::Paragraph | TextKind::Note => (0.0, BLOCK_GAP, false),
                };
                Measured {
                    before,
                    lead: 0.0,
                    repeat: 0.0,
                    rows: lines.iter().map(|line| line.size().y).collect(),
                    after,
                    keep_with_next,
                }
            }
            SetBlock::Table(table) => table.measured(2.0),
            SetBlock::Figure {
                chart_height,
                caption,
                ..
            } => Measured::single(
                4.0,
                chart_height + FIGURE_GAP + caption.size().y,
                BLOCK_GAP + 4.0,
                false,
            ),
        }
    }
}
