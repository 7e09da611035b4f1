//! Text set into lines with epaint's own layout (the shaping and wrapping egui uses on
//! screen), in egui's bundled fonts, which the PDF then embeds: what is measured here is
//! what is drawn.

use std::cell::RefCell;
use std::sync::Arc;

use egui::epaint::text::{Fonts, Galley, LayoutJob, TextOptions, TextWrapping};
use egui::{Align, Color32, FontDefinitions, FontFamily, FontId};

/// Positions are rounded to quarter points: fine enough that spacing looks even in print.
const PIXELS_PER_POINT: f32 = 4.0;

pub struct Typesetter {
    fonts: Fonts,
}

thread_local! {
    // Reading the fonts costs more than laying out a whole section; reports written one
    // after another on a thread share them.
    static TYPESETTER: RefCell<Typesetter> = RefCell::new(Typesetter::new());
}

impl Typesetter {
    fn new() -> Typesetter {
        Typesetter {
            fonts: Fonts::new(TextOptions::default(), definitions()),
        }
    }

    /// Runs `f` with this thread's typesetter.
    pub fn with<R>(f: impl FnOnce(&mut Typesetter) -> R) -> R {
        TYPESETTER.with(|cell| f(&mut cell.borrow_mut()))
    }

    /// `text` in `size` points, wrapped at `width`.
    pub fn text(&mut self, text: &str, size: f32, color: Color32, width: f32) -> Arc<Galley> {
        self.aligned(text, size, color, width, Align::LEFT)
    }

    /// Like `text`, each line aligned by `align`: a right-aligned galley's lines end at its
    /// position's x, so it is placed by its right edge.
    pub fn aligned(
        &mut self,
        text: &str,
        size: f32,
        color: Color32,
        width: f32,
        align: Align,
    ) -> Arc<Galley> {
        let mut job = LayoutJob::simple(
            text.to_owned(),
            FontId::new(size, FontFamily::Proportional),
            color,
            width.max(1.0),
        );
        job.halign = align;
        job.wrap = TextWrapping {
            max_width: width.max(1.0),
            ..TextWrapping::default()
        };
        // Uncached: a run over thousands of reports must not keep every galley it laid out.
        Arc::new(self.fonts.layout_uncached(PIXELS_PER_POINT, Arc::new(job)))
    }

    /// `text` on one line at most `width` wide, ending with "…" where it is cut.
    pub fn one_line(&mut self, text: &str, size: f32, color: Color32, width: f32) -> Arc<Galley> {
        let mut job = LayoutJob::simple_singleline(
            text.to_owned(),
            FontId::new(size, FontFamily::Proportional),
            color,
        );
        job.wrap = TextWrapping::truncate_at_width(width.max(1.0));
        Arc::new(self.fonts.layout_uncached(PIXELS_PER_POINT, Arc::new(job)))
    }

    /// The width `text` takes on one line.
    pub fn width(&mut self, text: &str, size: f32) -> f32 {
        self.text(text, size, Color32::BLACK, f32::INFINITY)
            .size()
            .x
    }
}

/// The fonts text is laid out and embedded with.
pub fn definitions() -> FontDefinitions {
    FontDefinitions::default()
}
