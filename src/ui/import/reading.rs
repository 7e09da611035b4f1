//! While the files are read: which, how far, and a way out.

use egui::{Modal, ProgressBar};

use crate::i18n::{Lang, tr, tr_args};

/// Draws the reading notice; true when the user cancels.
pub fn reading_dialog(
    ctx: &egui::Context,
    lang: Lang,
    files: &[std::path::PathBuf],
    progress: Option<f32>,
) -> bool {
    let mut cancel = false;
    Modal::new(egui::Id::unique("cruscotto.import.reading")).show(ctx, |ui| {
        ui.set_width(420.0);
        let names: Vec<String> = files
            .iter()
            .map(|p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            })
            .collect();
        ui.heading(tr(lang, "import.title"));
        ui.label(tr_args(
            lang,
            "import.reading",
            &[("files", &names.join(", "))],
        ));
        let bar = match progress {
            Some(fraction) => ProgressBar::new(fraction).show_percentage(),
            None => ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar);
        if ui.button(tr(lang, "import.cancel")).clicked() {
            cancel = true;
        }
    });
    cancel || ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}
