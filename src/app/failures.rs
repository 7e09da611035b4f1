//! Background work that failed, said where the user sees it: a banner with a Retry button
//! over the window when the figures could not be computed (the views show the last good ones
//! meanwhile), and the words for a failure in either language.

use super::work::WorkFailure;
use crate::i18n::{Lang, tr, tr_args};
use crate::ui::widgets::icons::{self, Icon};

/// What went wrong, in a sentence for the user.
pub fn describe(lang: Lang, failure: &WorkFailure) -> String {
    match failure {
        WorkFailure::Panicked(message) if !message.is_empty() => {
            tr_args(lang, "work.failure.panicked", &[("message", message)])
        }
        WorkFailure::Panicked(_) => tr(lang, "work.failure.panicked_silently").into_owned(),
        WorkFailure::Vanished => tr(lang, "work.failure.vanished").into_owned(),
    }
}

/// Draws the banner when the figures failed; returns whether Retry was clicked.
pub fn banner(ui: &mut egui::Ui, lang: Lang, failure: Option<&WorkFailure>) -> bool {
    let Some(failure) = failure else {
        return false;
    };
    let mut retry = false;
    egui::Panel::top("cruscotto.work_failure").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // The sign and the words carry the meaning; strong text keeps AA contrast in
            // both themes.
            let text = ui.visuals().strong_text_color();
            icons::icon_label(
                ui,
                Icon::Error,
                egui::RichText::new(tr(lang, "work.figures_failed")).strong(),
                text,
            );
            ui.label(describe(lang, failure));
            retry = ui.button(tr(lang, "work.retry")).clicked();
        });
    });
    retry
}
