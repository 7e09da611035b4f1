//! The PDF back end: the report model set on A4 pages with epaint's text layout and written
//! through `render::pdf` with krilla, so the fonts are embedded (subset) and the text is
//! selectable. Tables repeat their header row on each page they continue on; figures are
//! vector drawings; headings become bookmarks; the content is tagged for screen readers.

mod chart;
mod flow;
mod page;
mod set;
mod structure;
mod style;
mod table;
mod typeset;

use crate::render::pdf::{PdfError, PdfFonts, PdfWriter};

use super::{Document, Words};
use page::{PageContext, draw_page};
use structure::BlockContent;
use typeset::Typesetter;

/// `document` as the bytes of a PDF.
pub fn write_pdf(document: &Document) -> Result<Vec<u8>, PdfError> {
    Typesetter::with(|typesetter| write_with(typesetter, document))
}

fn write_with(typesetter: &mut Typesetter, document: &Document) -> Result<Vec<u8>, PdfError> {
    let words = Words::new(document.lang);
    let blocks = set::set_document(typesetter, document);
    let measured: Vec<flow::Measured> = blocks.iter().map(set::SetBlock::measured).collect();
    let pages = flow::paginate(&measured, style::content_height());
    let lang = document.lang.code();
    let mut writer = PdfWriter::new(
        PdfFonts::new(&typeset::definitions()),
        &document.title,
        lang,
    );
    let mut content: Vec<BlockContent> = blocks.iter().map(|_| BlockContent::default()).collect();
    let mut bookmarks = Vec::new();
    let total = words.integer(pages.len() as i64);
    for (index, slices) in pages.iter().enumerate() {
        let context = PageContext {
            index,
            footer: words.fill(
                "pdf.page",
                &[
                    ("page", &words.integer(index as i64 + 1)),
                    ("pages", &total),
                ],
            ),
            title: &document.title,
            lang: document.lang,
        };
        writer.add_page_with(style::PAGE, |painter| {
            draw_page(
                painter,
                typesetter,
                &blocks,
                slices,
                &mut content,
                &mut bookmarks,
                &context,
            );
        })?;
    }
    writer.set_outline(structure::outline(bookmarks));
    writer.set_tag_tree(structure::tag_tree(&blocks, content, lang));
    writer.finish()
}

#[cfg(test)]
mod tests;
