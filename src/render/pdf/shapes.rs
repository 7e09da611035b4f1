//! egui's painted shapes as PDF vector drawing: rectangles, circles, lines and paths become
//! PDF paths, text becomes PDF text, and anything else (bands, béziers, ellipses, custom
//! meshes) is tessellated by egui itself and drawn as filled triangles.

use egui::epaint::{
    ClippedShape, CornerRadiusF32, Mesh, PathShape, RectShape, Shape, StrokeKind,
    TessellationOptions, Tessellator, TextureId,
};
use egui::{Color32, Pos2, Rect, Stroke};
use krilla::geom::{Path, PathBuilder};
use krilla::surface::Surface;

use super::fonts::PdfFonts;
use super::paint::{fill, stroke};
use super::text;

/// How far a cubic control point sits along the tangent to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

pub(super) fn draw_all(
    surface: &mut Surface,
    fonts: &PdfFonts,
    page: Rect,
    shapes: &[ClippedShape],
) {
    for clipped in shapes {
        let clip = clipped.clip_rect.intersect(page);
        if !clip.is_positive() {
            continue;
        }
        let clipping = !clip.contains_rect(clipped.shape.visual_bounding_rect());
        if clipping && let Some(path) = rect_path(clip, CornerRadiusF32::ZERO) {
            surface.push_clip_path(&path, &krilla::paint::FillRule::NonZero);
        }
        draw(surface, fonts, &clipped.shape);
        if clipping {
            surface.pop();
        }
    }
}

fn draw(surface: &mut Surface, fonts: &PdfFonts, shape: &Shape) {
    match shape {
        Shape::Noop | Shape::Callback(_) => {}
        Shape::Vec(shapes) => {
            for shape in shapes {
                draw(surface, fonts, shape);
            }
        }
        Shape::Rect(rect)
            if rect.angle == 0.0 && rect.blur_width == 0.0 && rect.brush.is_none() =>
        {
            draw_rect(surface, rect);
        }
        Shape::Circle(circle) => {
            let path = circle_path(circle.center, circle.radius);
            fill_and_stroke(surface, path.as_ref(), circle.fill, circle.stroke);
        }
        Shape::LineSegment {
            points,
            stroke: line,
        } => {
            let path = polyline(points, false);
            fill_and_stroke(surface, path.as_ref(), Color32::TRANSPARENT, *line);
        }
        Shape::Path(path) => draw_path(surface, fonts, path),
        Shape::Text(text_shape) => text::draw(surface, fonts, text_shape),
        Shape::Mesh(mesh) => draw_mesh(surface, mesh),
        other => {
            // The remaining kinds are drawn exactly as egui would, as its triangles.
            let mut tessellator = Tessellator::new(1.0, flat_options(), [1, 1], Vec::new());
            let mut mesh = Mesh::default();
            tessellator.tessellate_shape(other.clone(), &mut mesh);
            draw_mesh(surface, &mesh);
        }
    }
}

fn draw_rect(surface: &mut Surface, shape: &RectShape) {
    let radius = CornerRadiusF32::from(shape.corner_radius);
    if let Some(path) = rect_path(shape.rect, radius) {
        fill_and_stroke(surface, Some(&path), shape.fill, Stroke::NONE);
    }
    // egui strokes a rectangle inside, outside or across its edge; a PDF stroke is centred.
    let half = shape.stroke.width / 2.0;
    let outline = match shape.stroke_kind {
        StrokeKind::Inside => shape.rect.shrink(half),
        StrokeKind::Middle => shape.rect,
        StrokeKind::Outside => shape.rect.expand(half),
    };
    if let Some(path) = rect_path(outline, radius) {
        fill_and_stroke(surface, Some(&path), Color32::TRANSPARENT, shape.stroke);
    }
}

fn draw_path(surface: &mut Surface, fonts: &PdfFonts, shape: &PathShape) {
    let line = match shape.stroke.color {
        egui::epaint::ColorMode::Solid(color) => Stroke::new(shape.stroke.width, color),
        egui::epaint::ColorMode::UV(_) => {
            // A gradient stroke has no PDF path equivalent here: egui's triangles draw it.
            draw(
                surface,
                fonts,
                &Shape::Mesh(tessellated(&Shape::Path(shape.clone()))),
            );
            return;
        }
    };
    let path = polyline(&shape.points, shape.closed);
    let fill_color = if shape.closed {
        shape.fill
    } else {
        Color32::TRANSPARENT
    };
    fill_and_stroke(surface, path.as_ref(), fill_color, line);
}

fn tessellated(shape: &Shape) -> std::sync::Arc<Mesh> {
    let mut tessellator = Tessellator::new(1.0, flat_options(), [1, 1], Vec::new());
    let mut mesh = Mesh::default();
    tessellator.tessellate_shape(shape.clone(), &mut mesh);
    std::sync::Arc::new(mesh)
}

/// Triangles without egui's anti-aliasing fringe: the PDF viewer smooths edges itself.
fn flat_options() -> TessellationOptions {
    TessellationOptions {
        feathering: false,
        ..TessellationOptions::default()
    }
}

/// A mesh of plain coloured triangles, each filled with its vertices' mean colour. Textured
/// meshes (images) are left out: nothing in the charts draws one.
fn draw_mesh(surface: &mut Surface, mesh: &Mesh) {
    if mesh.texture_id != TextureId::default() {
        return;
    }
    for triangle in mesh.indices.chunks_exact(3) {
        let vertices: Option<Vec<_>> = triangle
            .iter()
            .map(|&i| mesh.vertices.get(i as usize))
            .collect();
        let Some(vertices) = vertices else {
            continue;
        };
        let color = mean_color(vertices.iter().map(|v| v.color));
        let points: Vec<Pos2> = vertices.iter().map(|v| v.pos).collect();
        fill_and_stroke(
            surface,
            polyline(&points, true).as_ref(),
            color,
            Stroke::NONE,
        );
    }
}

fn mean_color(colors: impl Iterator<Item = Color32>) -> Color32 {
    let mut sum = [0u32; 4];
    let mut count = 0u32;
    for color in colors {
        for (total, channel) in sum.iter_mut().zip(color.to_array()) {
            *total += u32::from(channel);
        }
        count += 1;
    }
    let channel = |i: usize| u8::try_from(sum[i] / count.max(1)).unwrap_or(u8::MAX);
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

fn fill_and_stroke(surface: &mut Surface, path: Option<&Path>, fill_color: Color32, line: Stroke) {
    let Some(path) = path else {
        return;
    };
    let fill = fill(fill_color);
    let stroke = stroke(line.width, line.color);
    if fill.is_none() && stroke.is_none() {
        return;
    }
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(path);
    surface.set_stroke(None);
}

fn polyline(points: &[Pos2], closed: bool) -> Option<Path> {
    let mut builder = PathBuilder::new();
    let mut points = points.iter().filter(|p| p.x.is_finite() && p.y.is_finite());
    let first = points.next()?;
    builder.move_to(first.x, first.y);
    for point in points {
        builder.line_to(point.x, point.y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

fn circle_path(center: Pos2, radius: f32) -> Option<Path> {
    let rect = Rect::from_center_size(center, egui::Vec2::splat(radius * 2.0));
    rect_path(rect, CornerRadiusF32::same(radius))
}

/// A rectangle with rounded corners (each radius capped at half the shorter side).
fn rect_path(rect: Rect, radius: CornerRadiusF32) -> Option<Path> {
    if !rect.is_finite() || rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let most = rect.width().min(rect.height()) / 2.0;
    let [nw, ne, se, sw] = [radius.nw, radius.ne, radius.se, radius.sw].map(|r| r.clamp(0.0, most));
    let (l, t, r, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    let mut p = PathBuilder::new();
    p.move_to(l + nw, t);
    p.line_to(r - ne, t);
    corner(
        &mut p,
        [r - ne, t],
        [r, t + ne],
        ne,
        [1.0, 0.0],
        [0.0, -1.0],
    );
    p.line_to(r, b - se);
    corner(&mut p, [r, b - se], [r - se, b], se, [0.0, 1.0], [1.0, 0.0]);
    p.line_to(l + sw, b);
    corner(
        &mut p,
        [l + sw, b],
        [l, b - sw],
        sw,
        [-1.0, 0.0],
        [0.0, 1.0],
    );
    p.line_to(l, t + nw);
    corner(
        &mut p,
        [l, t + nw],
        [l + nw, t],
        nw,
        [0.0, -1.0],
        [-1.0, 0.0],
    );
    p.close();
    p.finish()
}

/// A quarter circle of `radius` from `from` to `to`, leaving along `out` and arriving
/// against `back` (unit directions).
fn corner(
    p: &mut PathBuilder,
    from: [f32; 2],
    to: [f32; 2],
    radius: f32,
    out: [f32; 2],
    back: [f32; 2],
) {
    if radius <= 0.0 {
        return;
    }
    let k = radius * KAPPA;
    p.cubic_to(
        from[0] + out[0] * k,
        from[1] + out[1] * k,
        to[0] + back[0] * k,
        to[1] + back[1] * k,
        to[0],
        to[1],
    );
}
