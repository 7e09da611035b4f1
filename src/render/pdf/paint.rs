//! egui colours (premultiplied sRGBA) and strokes as krilla's fills and strokes.

use egui::Color32;
use krilla::color::rgb;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};

/// A solid fill of `color`, or `None` when it is fully transparent (nothing to draw).
pub(super) fn fill(color: Color32) -> Option<Fill> {
    let (paint, opacity) = paint(color)?;
    Some(Fill {
        paint: paint.into(),
        opacity,
        ..Fill::default()
    })
}

/// A stroke `width` points wide, or `None` when it would draw nothing.
pub(super) fn stroke(width: f32, color: Color32) -> Option<Stroke> {
    if width <= 0.0 || !width.is_finite() {
        return None;
    }
    let (paint, opacity) = paint(color)?;
    Some(Stroke {
        paint: paint.into(),
        width,
        opacity,
        // egui's tessellator joins and ends lines flat; round joins keep thick chart lines
        // from spiking at sharp turns.
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        ..Stroke::default()
    })
}

fn paint(color: Color32) -> Option<(rgb::Color, NormalizedF32)> {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    if a == 0 {
        return None;
    }
    let opacity = NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE);
    Some((rgb::Color::new(r, g, b), opacity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparent_draws_nothing_and_zero_width_strokes_are_dropped() {
        assert!(fill(Color32::TRANSPARENT).is_none());
        assert!(fill(Color32::RED).is_some());
        assert!(stroke(0.0, Color32::RED).is_none());
        assert!(stroke(f32::NAN, Color32::RED).is_none());
        assert!(stroke(2.0, Color32::TRANSPARENT).is_none());
    }
}
