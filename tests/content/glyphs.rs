//! Every character the interface can show has a glyph in the app's fonts: a missing one
//! draws as an empty box on a projector, so it is caught here instead.

use std::collections::BTreeSet;
use std::path::Path;

use egui::{FontFamily, FontId};

/// Non-ASCII characters of the translations and of string literals in the UI code.
fn characters_shown() -> BTreeSet<char> {
    let mut shown = BTreeSet::new();
    let mut files = Vec::new();
    collect(Path::new("assets/locales"), "yml", &mut files);
    collect(Path::new("src/ui"), "rs", &mut files);
    collect(Path::new("src/app"), "rs", &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let is_code = file.extension().is_some_and(|e| e == "rs");
        for line in text.lines() {
            let line = line.trim_start();
            if is_code && (line.starts_with("//") || line.starts_with("#[")) {
                continue;
            }
            let visible: &str = if is_code {
                // Only inside quotes: comments after code are not shown.
                match (line.find('"'), line.rfind('"')) {
                    (Some(a), Some(b)) if b > a => &line[a..b],
                    _ => "",
                }
            } else {
                line
            };
            shown.extend(visible.chars().filter(|c| !c.is_ascii()));
        }
    }
    shown
}

fn collect(folder: &Path, extension: &str, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, extension, files);
        } else if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
}

#[test]
fn every_character_of_the_interface_has_a_glyph() {
    let ctx = egui::Context::default();
    cruscotto::ui::theme::install_fonts(&ctx);
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let shown = characters_shown();
    assert!(shown.contains(&'à'), "the scan found no Italian text");
    let missing: Vec<char> = ctx.fonts_mut(|fonts| {
        shown
            .iter()
            .copied()
            .filter(|&c| {
                [FontFamily::Proportional, FontFamily::Monospace]
                    .into_iter()
                    .any(|family| !fonts.has_glyph(&FontId::new(14.0, family), c))
            })
            .collect()
    });
    assert!(
        missing.is_empty(),
        "no glyph for {:?}",
        missing
            .iter()
            .map(|c| format!("{c} U+{:04X}", *c as u32))
            .collect::<Vec<_>>()
    );
}
