//! egui's own fonts, handed to the PDF: the same faces in the same fallback order, so a
//! character is drawn from the face egui laid it out with.

use std::collections::{BTreeMap, HashSet};

use egui::{FontDefinitions, FontFamily};
use krilla::text::Font;
use skrifa::MetadataProvider as _;

/// One font face: krilla's handle and the characters it can draw.
struct Face {
    font: Font,
    charmap: HashSet<u32>,
}

impl Face {
    fn has(&self, chr: char) -> bool {
        self.charmap.contains(&u32::from(chr))
    }
}

/// The faces of each egui font family, primary first, then its fallbacks.
pub struct PdfFonts {
    faces: Vec<Face>,
    families: BTreeMap<FontFamily, Vec<usize>>,
}

impl PdfFonts {
    /// Reads every face `definitions` names; a face that cannot be read is left out (its
    /// characters then fall back like any missing glyph).
    pub fn new(definitions: &FontDefinitions) -> PdfFonts {
        let mut faces = Vec::new();
        let mut index_of: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, data) in &definitions.font_data {
            let bytes: &[u8] = data.font.as_ref().as_ref();
            let Ok(face) = skrifa::FontRef::from_index(bytes, data.index) else {
                continue;
            };
            let charmap = face.charmap().mappings().map(|(c, _)| c).collect();
            let Some(font) = Font::new(krilla::Data::from(data.font.clone()), data.index) else {
                continue;
            };
            index_of.insert(name.as_str(), faces.len());
            faces.push(Face { font, charmap });
        }
        let families = definitions
            .families
            .iter()
            .map(|(family, names)| {
                let list = names
                    .iter()
                    .filter_map(|name| index_of.get(name.as_str()).copied())
                    .collect();
                (family.clone(), list)
            })
            .collect();
        PdfFonts { faces, families }
    }

    /// The face that draws `chr` in `family`: the first in egui's fallback order that has
    /// it, or the family's primary face (which then shows its "missing glyph" box).
    pub(super) fn face_for(&self, family: &FontFamily, chr: char) -> Option<usize> {
        let list = self
            .families
            .get(family)
            .or_else(|| self.families.get(&FontFamily::Proportional))?;
        list.iter()
            .copied()
            .find(|&index| self.faces[index].has(chr))
            .or_else(|| list.first().copied())
    }

    pub(super) fn font(&self, index: usize) -> Font {
        self.faces[index].font.clone()
    }
}
