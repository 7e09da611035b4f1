//! The printed page: A4 in points, margins, type sizes and colours of the PDF report. Text
//! colours are at least 7:1 against white; the header row's shade keeps body text above 10:1.

use egui::{Color32, Vec2, vec2};

/// A4, 210 × 297 mm, in PDF points.
pub const PAGE: Vec2 = vec2(595.28, 841.89);
/// 2 cm on every side, as the DOCX.
pub const MARGIN: f32 = 56.7;
/// The footer's line sits this far above the page's bottom edge, inside the bottom margin.
pub const FOOTER_FROM_BOTTOM: f32 = 34.0;

pub const BODY: f32 = 10.5;
pub const NOTE: f32 = 9.0;
pub const CAPTION: f32 = 9.0;
pub const TABLE: f32 = 8.5;
pub const FOOTER: f32 = 8.0;
pub const SUBTITLE: f32 = 12.0;

/// Space after a paragraph, a note, a table or a figure.
pub const BLOCK_GAP: f32 = 7.0;
/// Cell padding: left and right, top and bottom.
pub const CELL_PAD: Vec2 = vec2(4.0, 2.5);

pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
/// Notes, captions and the footer: 7.5:1 on white.
pub const MUTED: Color32 = Color32::from_rgb(0x50, 0x50, 0x50);
/// Headings: dark blue, 11:1 on white.
pub const HEADING: Color32 = Color32::from_rgb(0x1A, 0x3D, 0x6B);
pub const HEADER_FILL: Color32 = Color32::from_rgb(0xE3, 0xE9, 0xF1);
pub const RULE: Color32 = Color32::from_rgb(0xA8, 0xA8, 0xA8);

/// The width between the side margins.
pub fn content_width() -> f32 {
    PAGE.x - 2.0 * MARGIN
}

/// The height between the top margin and the bottom margin.
pub fn content_height() -> f32 {
    PAGE.y - 2.0 * MARGIN
}

/// A heading's type size and the space kept above it.
pub fn heading(level: u8) -> (f32, f32) {
    match level {
        0 | 1 => (18.0, 0.0),
        2 => (14.0, 14.0),
        _ => (11.5, 10.0),
    }
}
