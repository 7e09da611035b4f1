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
use krilla::page::PageSettings;

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
