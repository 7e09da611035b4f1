//! egui's meshes rasterised on the CPU into an image of any pixel density: a slide drawn at
//! 3840 × 2160 needs no window, no GPU and no screen of that size. Colours are blended as
//! egui's own renderers blend them (premultiplied sRGB), the glyph atlas sampled bilinearly.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, ColorImage, TextureId, TexturesDelta};

/// The textures a frame's meshes sample (the glyph atlas, and images the UI shows).
#[derive(Default, Clone)]
pub struct Textures(HashMap<TextureId, Arc<ColorImage>>);

impl Textures {
    /// Takes in a frame's texture changes: whole images, patches of them, and frees.
    pub fn apply(&mut self, delta: &TexturesDelta) {
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                let egui::ImageData::Color(patch) = &image_delta.image;
                match image_delta.pos {
                    None => {
                        self.0.insert(*id, Arc::clone(patch));
                    }
                    Some([x, y]) => {
                        if let Some(image) = self.0.get_mut(id) {
                            copy_patch(Arc::make_mut(image), patch, x, y);
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.0.remove(id);
        }
    }
}

fn copy_patch(image: &mut ColorImage, patch: &ColorImage, x: usize, y: usize) {
    let [width, height] = image.size;
    let [patch_width, patch_height] = patch.size;
    for row in 0..patch_height.min(height.saturating_sub(y)) {
        let columns = patch_width.min(width.saturating_sub(x));
        let from = row * patch_width;
        let to = (y + row) * width + x;
        image.pixels[to..to + columns].copy_from_slice(&patch.pixels[from..from + columns]);
    }
}

/// The primitives drawn over `background` into an image of `size` pixels, positions in
/// points scaled by `pixels_per_point`. Paint callbacks (custom GPU drawing) are skipped.
pub fn rasterize(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    size: [usize; 2],
    pixels_per_point: f32,
    background: Color32,
) -> ColorImage {
    let mut target = Target {
        width: size[0],
        height: size[1],
        pixels: vec![background; size[0] * size[1]],
    };
    for primitive in primitives {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        let clip = primitive.clip_rect * pixels_per_point;
        let clip = [
            clip.min.x.round().max(0.0) as usize,
            clip.min.y.round().max(0.0) as usize,
            (clip.max.x.round().max(0.0) as usize).min(target.width),
            (clip.max.y.round().max(0.0) as usize).min(target.height),
        ];
        let texture = textures.0.get(&mesh.texture_id).map(Arc::as_ref);
        for triangle in mesh.indices.chunks_exact(3) {
            let vertex = |i: u32| mesh.vertices.get(i as usize);
            if let (Some(a), Some(b), Some(c)) = (
                vertex(triangle[0]),
                vertex(triangle[1]),
                vertex(triangle[2]),
            ) {
                target.triangle([a, b, c], pixels_per_point, clip, texture);
            }
        }
    }
    ColorImage::new(size, target.pixels)
}

struct Target {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
}

/// Twice the signed area of (a, b, p): which side of a→b the point p lies on.
fn edge(a: [f32; 2], b: [f32; 2], p: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
}

/// Whether a pixel centre exactly on edge a→b belongs to this triangle: of two triangles
/// sharing the edge (which run it in opposite directions) exactly one takes it, so a
/// translucent rectangle's diagonal is not blended twice.
fn owns_edge(a: [f32; 2], b: [f32; 2]) -> bool {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    dy > 0.0 || (dy == 0.0 && dx < 0.0)
}

impl Target {
    fn triangle(
        &mut self,
        mut v: [&Vertex; 3],
        scale: f32,
        clip: [usize; 4],
        texture: Option<&ColorImage>,
    ) {
        let mut p = v.map(|v| [v.pos.x * scale, v.pos.y * scale]);
        let mut area = edge(p[0], p[1], p[2]);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        if area < 0.0 {
            v.swap(1, 2);
            p.swap(1, 2);
            area = -area;
        }
        let x0 = p
            .iter()
            .map(|q| q[0])
            .fold(f32::INFINITY, f32::min)
            .floor()
            .max(clip[0] as f32) as usize;
        let y0 = p
            .iter()
            .map(|q| q[1])
            .fold(f32::INFINITY, f32::min)
            .floor()
            .max(clip[1] as f32) as usize;
        let x1 = (p
            .iter()
            .map(|q| q[0])
            .fold(f32::NEG_INFINITY, f32::max)
            .ceil()
            .max(0.0) as usize)
            .min(clip[2]);
        let y1 = (p
            .iter()
            .map(|q| q[1])
            .fold(f32::NEG_INFINITY, f32::max)
            .ceil()
            .max(0.0) as usize)
            .min(clip[3]);
        let owns = [
            owns_edge(p[1], p[2]),
            owns_edge(p[2], p[0]),
            owns_edge(p[0], p[1]),
        ];
        let flat_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
        let flat_colour = v[0].color == v[1].color && v[1].color == v[2].color;
        // Filled shapes sample the atlas's white texel everywhere: sample it once.
        let flat = (flat_uv && flat_colour).then(|| modulate(v[0].color, sample(texture, v[0].uv)));
        for y in y0..y1 {
            let cy = y as f32 + 0.5;
            for x in x0..x1 {
                let c = [x as f32 + 0.5, cy];
                let w = [
                    edge(p[1], p[2], c),
                    edge(p[2], p[0], c),
                    edge(p[0], p[1], c),
                ];
                let inside = (0..3).all(|i| w[i] > 0.0 || (w[i] == 0.0 && owns[i]));
                if !inside {
                    continue;
                }
                let src = flat.unwrap_or_else(|| {
                    let l = w.map(|w| w / area);
                    let uv = egui::pos2(
                        l[0] * v[0].uv.x + l[1] * v[1].uv.x + l[2] * v[2].uv.x,
                        l[0] * v[0].uv.y + l[1] * v[1].uv.y + l[2] * v[2].uv.y,
                    );
                    let colour = if flat_colour {
                        v[0].color
                    } else {
                        mix([v[0].color, v[1].color, v[2].color], l)
                    };
                    modulate(colour, sample(texture, uv))
                });
                let dst = &mut self.pixels[y * self.width + x];
                *dst = blend(src, *dst);
            }
        }
        debug_assert!(y1 <= self.height);
    }
}

fn mix(colours: [Color32; 3], weights: [f32; 3]) -> Color32 {
    let channel = |i: usize| {
        let value: f32 = (0..3)
            .map(|k| colours[k].to_array()[i] as f32 * weights[k])
            .sum();
        value.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

/// The texture's colour at `uv`, bilinear; white where there is no texture.
fn sample(texture: Option<&ColorImage>, uv: egui::Pos2) -> [f32; 4] {
    let Some(texture) = texture else {
        return [255.0; 4];
    };
    let [width, height] = texture.size;
    if width == 0 || height == 0 {
        return [255.0; 4];
    }
    let x = (uv.x * width as f32 - 0.5).clamp(0.0, (width - 1) as f32);
    let y = (uv.y * height as f32 - 0.5).clamp(0.0, (height - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(width - 1), (y0 + 1).min(height - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |x: usize, y: usize| texture.pixels[y * width + x].to_array().map(f32::from);
    let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    std::array::from_fn(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        top + (bottom - top) * fy
    })
}

fn modulate(colour: Color32, texel: [f32; 4]) -> Color32 {
    let c = colour.to_array();
    let channel = |i: usize| (c[i] as f32 * texel[i] / 255.0).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

/// `src` over `dst`, both premultiplied.
fn blend(src: Color32, dst: Color32) -> Color32 {
    let [sr, sg, sb, sa] = src.to_array();
    if sa == 255 {
        return src;
    }
    let keep = 255 - u16::from(sa);
    let d = dst.to_array();
    let channel = |s: u8, d: u8| (u16::from(s) + (u16::from(d) * keep + 127) / 255).min(255) as u8;
    Color32::from_rgba_premultiplied(
        channel(sr, d[0]),
        channel(sg, d[1]),
        channel(sb, d[2]),
        channel(sa, d[3]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;
    use egui::{Pos2, Rect};

    fn rect_primitive(rect: Rect, colour: Color32) -> ClippedPrimitive {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(rect, colour);
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }
    }

    #[test]
    fn a_rectangle_covers_its_pixels_at_twice_the_density_and_nothing_else() {
        let rect = Rect::from_min_max(Pos2::new(1.0, 1.0), Pos2::new(3.0, 2.0));
        let image = rasterize(
            &[rect_primitive(rect, Color32::RED)],
            &Textures::default(),
            [8, 6],
            2.0,
            Color32::WHITE,
        );
        for y in 0..6 {
            for x in 0..8 {
                let inside = (2..6).contains(&x) && (2..4).contains(&y);
                let expected = if inside { Color32::RED } else { Color32::WHITE };
                assert_eq!(image.pixels[y * 8 + x], expected, "pixel {x},{y}");
            }
        }
    }

    #[test]
    fn a_translucent_rectangle_is_blended_once_even_on_its_diagonal() {
        let half = Color32::from_rgba_premultiplied(0, 0, 128, 128);
        let rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(4.0, 4.0));
        let image = rasterize(
            &[rect_primitive(rect, half)],
            &Textures::default(),
            [4, 4],
            1.0,
            Color32::WHITE,
        );
        let first = image.pixels[0];
        assert!(
            image.pixels.iter().all(|p| *p == first),
            "{:?}",
            image.pixels
        );
        assert_eq!(first, blend(half, Color32::WHITE));
    }

    #[test]
    fn the_clip_rectangle_cuts_what_is_drawn() {
        let mut primitive = rect_primitive(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(4.0, 4.0)),
            Color32::BLACK,
        );
        primitive.clip_rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(2.0, 4.0));
        let image = rasterize(
            &[primitive],
            &Textures::default(),
            [4, 4],
            1.0,
            Color32::WHITE,
        );
        assert_eq!(image.pixels[1], Color32::BLACK);
        assert_eq!(image.pixels[2], Color32::WHITE);
    }
}
