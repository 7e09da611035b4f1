//! One page drawn: the slices pagination gave it, each piece of content tagged for the
//! structure, and the footer with the title and "Pagina 3 di 12" marked as page furniture.

use egui::epaint::ClippedShape;
use egui::{Pos2, Rect, Shape, pos2, vec2};
use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};

use super::chart;
use super::flow::Slice;
use super::set::{FIGURE_GAP, SetBlock, TextKind};
use super::structure::{BlockContent, Bookmark};
use super::style::{FOOTER, FOOTER_FROM_BOTTOM, MARGIN, MUTED, PAGE, RULE, content_width};
use super::typeset::Typesetter;
use crate::i18n::Lang;
use crate::render::pdf::PagePainter;

/// What one page needs besides its slices.
pub struct PageContext<'a> {
    pub index: usize,
    pub footer: String,
    pub title: &'a str,
    pub lang: Lang,
}

fn clipped(shapes: Vec<Shape>) -> Vec<ClippedShape> {
    let page = Rect::from_min_size(Pos2::ZERO, PAGE);
    shapes
        .into_iter()
        .map(|shape| ClippedShape::new(page, shape))
        .collect()
}

fn text_tag() -> ContentTag<'static> {
    ContentTag::Span(SpanTag::empty())
}

pub fn draw_page(
    painter: &mut PagePainter<'_, '_>,
    typesetter: &mut Typesetter,
    blocks: &[SetBlock],
    slices: &[Slice],
    content: &mut [BlockContent],
    bookmarks: &mut Vec<Bookmark>,
    context: &PageContext,
) {
    let left = MARGIN;
    for slice in slices {
        let top = MARGIN + slice.y;
        let content = &mut content[slice.block];
        match &blocks[slice.block] {
            SetBlock::Text {
                lines,
                kind,
                source,
            } => {
                let mut y = top;
                let mut placed = Vec::new();
                for line in &lines[slice.rows.clone()] {
                    placed.push(Shape::galley(pos2(left, y), line.clone(), MUTED));
                    y += line.size().y;
                }
                let shapes = clipped(placed);
                content.main.push(painter.draw_tagged(text_tag(), &shapes));
                if let TextKind::Heading(level) = kind {
                    bookmarks.push(Bookmark {
                        level: *level,
                        text: (*source).to_owned(),
                        page: context.index,
                        y: top,
                    });
                }
            }
            SetBlock::Table(table) => {
                let mut y = top;
                if slice.lead {
                    let shapes = clipped(vec![Shape::galley(
                        pos2(left, y),
                        table.caption.clone(),
                        MUTED,
                    )]);
                    content
                        .caption
                        .push(painter.draw_tagged(text_tag(), &shapes));
                    y += table.lead();
                }
                painter.draw(&clipped(table.row_frame(&table.header, left, y, true)));
                for cell in table.row_cells(&table.header, left, y) {
                    let shapes = clipped(vec![cell]);
                    if slice.lead {
                        content
                            .header
                            .push(painter.draw_tagged(text_tag(), &shapes));
                    } else {
                        // The header again on a following page is furniture: read once.
                        painter.draw_tagged(
                            ContentTag::Artifact(Artifact::with_kind(ArtifactType::Header)),
                            &shapes,
                        );
                    }
                }
                y += table.header.height;
                for row in &table.rows[slice.rows.clone()] {
                    painter.draw(&clipped(table.row_frame(row, left, y, false)));
                    let ids = table
                        .row_cells(row, left, y)
                        .into_iter()
                        .map(|cell| painter.draw_tagged(text_tag(), &clipped(vec![cell])))
                        .collect();
                    content.rows.push(ids);
                    y += row.height;
                }
            }
            SetBlock::Figure {
                chart: description,
                bars,
                chart_height,
                caption,
                ..
            } => {
                let rect =
                    Rect::from_min_size(pos2(left, top), vec2(content_width(), *chart_height));
                let shapes = clipped(chart::shapes(
                    typesetter,
                    description,
                    bars.clone(),
                    rect,
                    context.lang,
                ));
                content
                    .main
                    .push(painter.draw_tagged(ContentTag::Other, &shapes));
                let below = pos2(left, rect.bottom() + FIGURE_GAP);
                let shapes = clipped(vec![Shape::galley(below, caption.clone(), MUTED)]);
                content
                    .caption
                    .push(painter.draw_tagged(text_tag(), &shapes));
            }
        }
    }
    draw_footer(painter, typesetter, context);
}

fn draw_footer(
    painter: &mut PagePainter<'_, '_>,
    typesetter: &mut Typesetter,
    context: &PageContext,
) {
    let top = PAGE.y - FOOTER_FROM_BOTTOM;
    let right = PAGE.x - MARGIN;
    let number = typesetter.text(&context.footer, FOOTER, MUTED, f32::INFINITY);
    let number_left = right - number.size().x;
    // A title too long for the line ends with an ellipsis rather than run into the number.
    let title = typesetter.one_line(context.title, FOOTER, MUTED, number_left - MARGIN - 24.0);
    let shapes = vec![
        Shape::line_segment(
            [pos2(MARGIN, top - 5.0), pos2(right, top - 5.0)],
            egui::Stroke::new(0.4, RULE),
        ),
        Shape::galley(pos2(MARGIN, top), title, MUTED),
        Shape::galley(pos2(number_left, top), number, MUTED),
    ];
    painter.draw_tagged(
        ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)),
        &clipped(shapes),
    );
}
