//! egui's painted shapes as PDF pages with krilla: vector paths, real text in egui's own
//! embedded fonts (subset, selectable), one page per list of shapes. Knows nothing of what
//! the shapes show, so slides and report charts print through the same code.

mod fonts;
mod paint;
mod shapes;
mod text;

pub use fonts::PdfFonts;

use egui::epaint::ClippedShape;
use egui::{Rect, Vec2};
use krilla::metadata::Metadata;
use krilla::outline::Outline;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Identifier, TagTree};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("a page of {width} × {height} points is not a page size a PDF can have")]
    PageSize { width: f32, height: f32 },
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// A PDF being written page by page.
pub struct PdfWriter {
    document: krilla::Document,
    fonts: PdfFonts,
    pages: usize,
}

impl PdfWriter {
    /// A document drawing its text with `fonts` (those the shapes were laid out with),
    /// titled `title` in its properties.
    pub fn new(fonts: PdfFonts, title: &str, lang: &str) -> PdfWriter {
        let mut document = krilla::Document::new();
        document.set_metadata(
            Metadata::new()
                .title(title.to_owned())
                .language(lang.to_owned())
                .creator("Cruscotto".to_owned()),
        );
        PdfWriter {
            document,
            fonts,
            pages: 0,
        }
    }

    /// Adds a page of `size` points showing `shapes` (positions in points, origin at the
    /// page's top left, as egui painted them).
    pub fn add_page(&mut self, size: Vec2, shapes: &[ClippedShape]) -> Result<(), PdfError> {
        let settings = PageSettings::from_wh(size.x, size.y).ok_or(PdfError::PageSize {
            width: size.x,
            height: size.y,
        })?;
        let mut page = self.document.start_page_with(settings);
        let mut surface = page.surface();
        shapes::draw_all(
            &mut surface,
            &self.fonts,
            Rect::from_min_size(egui::Pos2::ZERO, size),
            shapes,
        );
        surface.finish();
        page.finish();
        self.pages += 1;
        Ok(())
    }

    /// Adds a page of `size` points that `paint` fills piece by piece, so that each piece can
    /// be tagged for the document's structure (a heading, a table cell, a figure).
    pub fn add_page_with(
        &mut self,
        size: Vec2,
        paint: impl FnOnce(&mut PagePainter<'_, '_>),
    ) -> Result<(), PdfError> {
        let settings = PageSettings::from_wh(size.x, size.y).ok_or(PdfError::PageSize {
            width: size.x,
            height: size.y,
        })?;
        let mut page = self.document.start_page_with(settings);
        let mut surface = page.surface();
        let mut painter = PagePainter {
            surface: &mut surface,
            fonts: &self.fonts,
            page: Rect::from_min_size(egui::Pos2::ZERO, size),
        };
        paint(&mut painter);
        surface.finish();
        page.finish();
        self.pages += 1;
        Ok(())
    }

    /// The bookmarks a viewer shows beside the pages.
    pub fn set_outline(&mut self, outline: Outline) {
        self.document.set_outline(outline);
    }

    /// The logical structure (headings, paragraphs, tables, figures) that screen readers
    /// follow; its leaves are the identifiers `PagePainter::draw_tagged` returned.
    pub fn set_tag_tree(&mut self, tree: TagTree) {
        self.document.set_tag_tree(tree);
    }

    pub fn page_count(&self) -> usize {
        self.pages
    }

    /// The finished file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        self.document
            .finish()
            .map_err(|error| PdfError::Write(format!("{error:?}")))
    }
}

/// Draws shapes onto one page being added, each piece optionally marked with a content tag.
pub struct PagePainter<'a, 'b> {
    surface: &'a mut Surface<'b>,
    fonts: &'a PdfFonts,
    page: Rect,
}

impl PagePainter<'_, '_> {
    pub fn draw(&mut self, shapes: &[ClippedShape]) {
        shapes::draw_all(self.surface, self.fonts, self.page, shapes);
    }

    /// Draws `shapes` as one marked piece of content, returning its identifier for the tag
    /// tree.
    pub fn draw_tagged(&mut self, tag: ContentTag<'_>, shapes: &[ClippedShape]) -> Identifier {
        let id = self.surface.start_tagged(tag);
        self.draw(shapes);
        self.surface.end_tagged();
        id
    }
}
