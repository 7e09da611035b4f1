//! The app's modal questions: unsaved changes, a failed file operation, a recovery file to
//! restore. Each draws as an egui `Modal` and returns the user's answer, if any this frame.

use std::path::PathBuf;

use egui::{Key, Modal, RichText};

use crate::i18n::{Lang, tr, tr_args};
use crate::model::PartnerId;

/// What to do once the unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    /// Open a file; `None` asks for it with a dialog.
    Open(Option<PathBuf>),
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    UnsavedChanges {
        then: Pending,
    },
    Error {
        title_key: &'static str,
        message: String,
    },
    Restore {
        recovery: PathBuf,
        project_path: Option<PathBuf>,
    },
    /// Delete a partner? (Undo brings it back, but a whole Comune deserves a question.)
    DeletePartner {
        partner: PartnerId,
        name: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Restore,
    Dismiss,
    Delete,
}

impl Prompt {
    /// Draws the prompt; `Some(answer)` once the user chose. Esc cancels, Enter takes the
    /// safe default (save, restore, OK).
    pub fn show(&self, ctx: &egui::Context, lang: Lang) -> Option<Answer> {
        let t = |key: &str| tr(lang, key);
        let mut answer = None;
        Modal::new(egui::Id::unique("cruscotto.prompt")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            match self {
                Prompt::UnsavedChanges { .. } => {
                    ui.heading(t("app.prompt.unsaved.title"));
                    ui.label(t("app.prompt.unsaved.body"));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(t("app.prompt.unsaved.save")).clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button(t("app.prompt.unsaved.discard")).clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if ui.button(t("app.prompt.cancel")).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::Error { title_key, message } => {
                    ui.heading(t(title_key));
                    ui.label(RichText::new(message).monospace());
                    ui.add_space(12.0);
                    if ui.button(t("app.prompt.ok")).clicked() {
                        answer = Some(Answer::Dismiss);
                    }
                }
                Prompt::Restore { recovery, .. } => {
                    ui.heading(t("app.prompt.restore.title"));
                    ui.label(tr_args(
                        lang,
                        "app.prompt.restore.body",
                        &[("file", &recovery.display().to_string())],
                    ));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(t("app.prompt.restore.restore")).clicked() {
                            answer = Some(Answer::Restore);
                        }
                        if ui.button(t("app.prompt.restore.discard")).clicked() {
                            answer = Some(Answer::Discard);
                        }
                    });
                }
                Prompt::DeletePartner { name, .. } => {
                    ui.heading(tr_args(
                        lang,
                        "app.prompt.delete_partner.title",
                        &[("name", name)],
                    ));
                    ui.label(t("app.prompt.delete_partner.body"));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(t("app.prompt.delete_partner.delete")).clicked() {
                            answer = Some(Answer::Delete);
                        }
                        if ui.button(t("app.prompt.cancel")).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
            }
        });
        answer.or_else(|| self.keyboard_answer(ctx))
    }

    fn keyboard_answer(&self, ctx: &egui::Context) -> Option<Answer> {
        let (enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        match self {
            Prompt::UnsavedChanges { .. } if enter => Some(Answer::Save),
            Prompt::UnsavedChanges { .. } if escape => Some(Answer::Cancel),
            Prompt::Error { .. } if enter || escape => Some(Answer::Dismiss),
            Prompt::Restore { .. } if enter => Some(Answer::Restore),
            Prompt::DeletePartner { .. } if enter => Some(Answer::Delete),
            Prompt::DeletePartner { .. } if escape => Some(Answer::Cancel),
            _ => None,
        }
    }
}
