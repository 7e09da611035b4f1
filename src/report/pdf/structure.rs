//! What a screen reader and a viewer's bookmarks see: the content drawn for each block is
//! collected here as it is drawn, page by page, then assembled into the tag tree (headings,
//! paragraphs, tables with header cells, figures with their alternative text) and the outline.

use std::num::NonZeroU16;

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::tagging::{Identifier, Node, TableHeaderScope, Tag, TagGroup, TagTree};

use super::set::{SetBlock, TextKind};

/// The content identifiers of one block, gathered across the pages it is on.
#[derive(Default)]
pub struct BlockContent {
    /// Text, or a figure's drawing.
    pub main: Vec<Identifier>,
    /// A table's or figure's caption.
    pub caption: Vec<Identifier>,
    /// A table's header cells (first page only: repeats are page furniture).
    pub header: Vec<Identifier>,
    /// A table's rows, each its cells.
    pub rows: Vec<Vec<Identifier>>,
}

/// A heading's place, for its bookmark.
pub struct Bookmark {
    pub level: u8,
    pub text: String,
    pub page: usize,
    pub y: f32,
}

pub fn tag_tree(blocks: &[SetBlock], content: Vec<BlockContent>, lang: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
    for (block, content) in blocks.iter().zip(content) {
        tree.push(node(block, content));
    }
    tree
}

fn leaves(ids: Vec<Identifier>) -> Vec<Node> {
    ids.into_iter().map(Node::from).collect()
}

fn node(block: &SetBlock, content: BlockContent) -> TagGroup {
    match block {
        SetBlock::Text { kind, source, .. } => match kind {
            TextKind::Heading(level) => {
                let level = NonZeroU16::new(u16::from((*level).max(1))).unwrap_or(NonZeroU16::MIN);
                TagGroup::with_children(
                    Tag::Hn(level, Some((*source).to_owned())),
                    leaves(content.main),
                )
            }
            TextKind::Subtitle | TextKind::Paragraph => {
                TagGroup::with_children(Tag::P, leaves(content.main))
            }
            TextKind::Note => TagGroup::with_children(Tag::Note, leaves(content.main)),
        },
        SetBlock::Table(_) => {
            let mut table = TagGroup::new(Tag::Table);
            table.push(TagGroup::with_children(
                Tag::Caption,
                leaves(content.caption),
            ));
            let header_cells = content
                .header
                .into_iter()
                .map(|id| {
                    TagGroup::with_children(Tag::TH(TableHeaderScope::Column), vec![id.into()])
                        .into()
                })
                .collect();
            table.push(TagGroup::with_children(
                Tag::THead,
                vec![TagGroup::with_children(Tag::TR, header_cells).into()],
            ));
            let rows = content
                .rows
                .into_iter()
                .map(|cells| {
                    let cells = cells
                        .into_iter()
                        .map(|id| TagGroup::with_children(Tag::TD, vec![id.into()]).into())
                        .collect();
                    TagGroup::with_children(Tag::TR, cells).into()
                })
                .collect();
            table.push(TagGroup::with_children(Tag::TBody, rows));
            table
        }
        SetBlock::Figure { alt, .. } => {
            let mut figure = TagGroup::new(Tag::Div);
            figure.push(TagGroup::with_children(
                Tag::Figure(Some((*alt).to_owned())),
                leaves(content.main),
            ));
            figure.push(TagGroup::with_children(
                Tag::Caption,
                leaves(content.caption),
            ));
            figure
        }
    }
}

/// The headings as nested bookmarks: a level-3 heading under the level-2 before it.
pub fn outline(bookmarks: Vec<Bookmark>) -> Outline {
    // Open nodes from the outermost in; a heading closes every node at its level or deeper.
    let mut open: Vec<(u8, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    let close = |open: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline| {
        if let Some((_, node)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for mark in bookmarks {
        while open.last().is_some_and(|(level, _)| *level >= mark.level) {
            close(&mut open, &mut outline);
        }
        let destination = XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y));
        open.push((
            mark.level,
            OutlineNode::new(mark.text, destination).with_open(true),
        ));
    }
    while !open.is_empty() {
        close(&mut open, &mut outline);
    }
    outline
}
