//! egui without a window: a UI closure run on a context of a given size, whose painted
//! shapes are kept for drawing elsewhere (a PDF page, a report's figure) or rasterised into
//! an image at any pixel density (a slide's PNG).

use egui::epaint::ClippedShape;
use egui::{Context, FontDefinitions, Pos2, RawInput, Rect, Vec2, ViewportId, ViewportInfo};

/// A context that paints off screen; keep one for many pages, so fonts load once.
pub struct Headless {
    ctx: Context,
    pixels_per_point: f32,
    /// The glyph atlas and images as the context has sent them, for `render`.
    textures: std::sync::Mutex<super::raster::Textures>,
}

impl Headless {
    /// Text is laid out as on a screen of `pixels_per_point`: the same wrapping and spacing
    /// as a PNG of the same pixel size.
    pub fn new(fonts: FontDefinitions, pixels_per_point: f32) -> Headless {
        let ctx = Context::default();
        ctx.set_fonts(fonts);
        Headless {
            ctx,
            pixels_per_point,
            textures: Default::default(),
        }
    }

    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The shapes `paint` draws on a surface of `size` points.
    pub fn paint(&self, size: Vec2, mut paint: impl FnMut(&mut egui::Ui)) -> Vec<ClippedShape> {
        // The first pass loads the fonts and settles layout; the second is what is kept.
        let mut shapes = Vec::new();
        for _ in 0..2 {
            let mut output = self.ctx.run_ui(self.input(size), &mut paint);
            // Kept for `render`: the atlas is sent whole once, then only its new parts.
            if let Ok(mut textures) = self.textures.lock() {
                textures.apply(&output.textures_delta);
            }
            output.textures_delta.clear();
            shapes = output.shapes;
        }
        shapes
    }

    /// What `paint` draws on a surface of `size` points, as an image of `size` × the
    /// pixels per point, over `background`.
    pub fn render(
        &self,
        size: Vec2,
        background: egui::Color32,
        paint: impl FnMut(&mut egui::Ui),
    ) -> egui::ColorImage {
        let shapes = self.paint(size, paint);
        let primitives = self.ctx.tessellate(shapes, self.pixels_per_point);
        let pixels = size * self.pixels_per_point;
        let textures = self.textures.lock().map(|t| t.clone()).unwrap_or_default();
        super::raster::rasterize(
            &primitives,
            &textures,
            [pixels.x.round() as usize, pixels.y.round() as usize],
            self.pixels_per_point,
            background,
        )
    }

    fn input(&self, size: Vec2) -> RawInput {
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..RawInput::default()
        };
        input.viewports.insert(
            ViewportId::ROOT,
            ViewportInfo {
                native_pixels_per_point: Some(self.pixels_per_point),
                ..ViewportInfo::default()
            },
        );
        input
    }
}
