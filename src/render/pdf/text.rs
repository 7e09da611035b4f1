//! egui's laid-out text (a `Galley`) as real PDF text: selectable, searchable, drawn with the
//! embedded font faces egui used. Each word is placed where egui placed it, so wrapping,
//! alignment and spacing are egui's, while the PDF viewer shapes the word itself.

use egui::epaint::TextShape;
use egui::epaint::text::ByteRangeExt as _;
use egui::epaint::text::{Galley, LayoutSection};
use egui::{Color32, Pos2};
use krilla::geom::{Point, Transform};
use krilla::surface::Surface;
use krilla::text::TextDirection;

use super::fonts::PdfFonts;
use super::paint::fill;

/// Consecutive glyphs drawn as one: same face, size and colour, no space inside.
struct Run {
    origin: Pos2,
    text: String,
    face: usize,
    size: f32,
    color: Color32,
}

pub(super) fn draw(surface: &mut Surface, fonts: &PdfFonts, shape: &TextShape) {
    let turned = shape.angle != 0.0;
    if turned {
        surface.push_transform(&Transform::from_rotate_at(
            shape.angle.to_degrees(),
            shape.pos.x,
            shape.pos.y,
        ));
    }
    for run in runs(fonts, shape) {
        let Some(fill) = fill(run.color) else {
            continue;
        };
        surface.set_fill(Some(fill));
        surface.draw_text(
            Point::from_xy(run.origin.x, run.origin.y),
            fonts.font(run.face),
            run.size,
            &run.text,
            false,
            TextDirection::LeftToRight,
        );
    }
    if turned {
        surface.pop();
    }
}

/// The galley's glyphs grouped into runs. Glyphs carry their character and baseline
/// position but not their section, so the job's text is walked alongside them to find it.
fn runs(fonts: &PdfFonts, shape: &TextShape) -> Vec<Run> {
    let galley: &Galley = &shape.galley;
    let job = &galley.job;
    let mut runs: Vec<Run> = Vec::new();
    let mut byte = 0;
    let mut ended;
    for placed in &galley.rows {
        // A wrapped row starts a new run: its words sit on another baseline.
        ended = true;
        for glyph in &placed.row.glyphs {
            byte = locate(&job.text, byte, glyph.chr);
            let Some(section) = section_at(&job.sections, byte) else {
                continue;
            };
            byte += glyph.chr.len_utf8();
            let format = &section.format;
            let color = text_color(shape, format.color);
            let Some(face) = fonts.face_for(&format.font_id.family, glyph.chr) else {
                continue;
            };
            let size = format.font_id.size;
            let blank = glyph.chr.is_whitespace();
            let joins = !ended
                && runs
                    .last()
                    .is_some_and(|run| run.face == face && run.size == size && run.color == color);
            if joins && let Some(run) = runs.last_mut() {
                // A space ends its word's run, so that text extraction and copying read a
                // real space, and the next word starts exactly where egui put it.
                run.text.push(glyph.chr);
            } else if !blank {
                runs.push(Run {
                    origin: shape.pos + placed.pos.to_vec2() + glyph.pos.to_vec2(),
                    text: glyph.chr.to_string(),
                    face,
                    size,
                    color,
                });
            }
            ended = blank;
        }
    }
    runs
}

/// The byte offset of `chr` in `text` at or after `from`: egui drops the newlines from the
/// glyphs, and may drop a space where it wraps.
fn locate(text: &str, from: usize, chr: char) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find(chr))
        .map_or(from, |offset| from + offset)
}

fn section_at(sections: &[LayoutSection], byte: usize) -> Option<&LayoutSection> {
    sections
        .iter()
        .find(|s| s.byte_range.as_usize().contains(&byte))
        .or_else(|| sections.last())
}

/// The colour a glyph is painted in, as the tessellator decides it.
fn text_color(shape: &TextShape, section_color: Color32) -> Color32 {
    let color = match shape.override_text_color {
        Some(color) => color,
        None if section_color == Color32::PLACEHOLDER => shape.fallback_color,
        None => section_color,
    };
    if shape.opacity_factor < 1.0 {
        color.gamma_multiply(shape.opacity_factor.max(0.0))
    } else {
        color
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontFamily;

    #[test]
    fn locate_skips_the_newlines_the_glyphs_leave_out() {
        assert_eq!(locate("ab\ncd", 2, 'c'), 3);
        assert_eq!(locate("ab", 1, 'b'), 1);
        // A character not found keeps the place rather than jumping to the end.
        assert_eq!(locate("ab", 1, 'z'), 1);
    }

    #[test]
    fn unknown_family_falls_back_to_proportional() {
        let fonts = PdfFonts::new(&egui::FontDefinitions::default());
        let name = FontFamily::Name("missing".into());
        assert_eq!(
            fonts.face_for(&name, 'a'),
            fonts.face_for(&FontFamily::Proportional, 'a')
        );
    }
}
