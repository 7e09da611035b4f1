//! The app's modal questions: unsaved changes, a failed file operation (with its backup
//! copy, when there is one), a recovery file to restore, a path to type when the system has
//! no file dialog. Each draws as an egui `Modal` and returns the user's answer, if any this
//! frame.

use std::path::PathBuf;

use egui::{Key, Modal, RichText};

use super::dialogs::DialogPurpose;
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
    /// A file could not be opened, but the backup kept beside it by the last save can be.
    OpenBackup {
        message: String,
        /// The file that could not be read.
        original: PathBuf,
        backup: PathBuf,
    },
    /// The system has no file dialog: the path is typed instead (or the file dropped).
    TypePath {
        purpose: DialogPurpose,
        text: String,
    },
    /// Reports about to be written over files of the same name in the chosen folder.
    ReportFilesExist {
        files: Vec<String>,
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
    /// Open the backup; take the typed path; replace the existing files.
    Confirm,
    /// Keep the existing files and write only the others.
    Skip,
}

impl Prompt {
    /// Draws the prompt; `Some(answer)` once the user chose. Esc cancels, Enter takes the
    /// safe default (save, restore, OK).
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Answer> {
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
                    ui.label(RichText::new(message.as_str()).monospace());
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
                Prompt::OpenBackup {
                    message, backup, ..
                } => {
                    ui.heading(t("app.error.open_title"));
                    ui.label(RichText::new(message.as_str()).monospace());
                    ui.add_space(8.0);
                    ui.label(tr_args(
                        lang,
                        "files.backup.offer",
                        &[("file", &backup.display().to_string())],
                    ));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(t("files.backup.open")).clicked() {
                            answer = Some(Answer::Confirm);
                        }
                        if ui.button(t("app.prompt.cancel")).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::TypePath { purpose, text } => {
                    let title = match purpose {
                        DialogPurpose::Open => "app.dialog.open_title",
                        DialogPurpose::SaveAs => "app.dialog.save_title",
                        DialogPurpose::Import => "import.dialog_title",
                        DialogPurpose::Export => "export.dialog_title",
                        DialogPurpose::Templates => "export.templates_title",
                        DialogPurpose::Template => "export.template_title",
                        DialogPurpose::DeckPdf => "slides_export.dialog_title",
                        DialogPurpose::Report(_) => "report_window.dialog_title",
                        DialogPurpose::ReportFolder => "report_window.folder_title",
                        DialogPurpose::SlidePng => "window_exports.dialog.slide_png",
                        DialogPurpose::DeckPngs => "window_exports.dialog.deck_pngs",
                        DialogPurpose::PlotPng => "window_exports.dialog.plot_png",
                    };
                    ui.heading(t(title));
                    ui.label(t("files.no_dialog.body"));
                    ui.add_space(8.0);
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text(t("files.no_dialog.hint"))
                                .desired_width(f32::INFINITY),
                        )
                        .accessible_name(t("files.no_dialog.field"));
                    if !field.has_focus() && !field.lost_focus() {
                        field.request_focus();
                    }
                    if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                        answer = Some(Answer::Confirm);
                    }
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(t("app.prompt.ok")),
                        );
                        if ok.clicked() {
                            answer = Some(Answer::Confirm);
                        }
                        if ui.button(t("app.prompt.cancel")).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::ReportFilesExist { files } => {
                    super::report_export::files_exist_prompt(ui, lang, files, &mut answer);
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
            Prompt::OpenBackup { .. } if escape => Some(Answer::Cancel),
            Prompt::TypePath { .. } if escape => Some(Answer::Cancel),
            Prompt::ReportFilesExist { .. } if escape => Some(Answer::Cancel),
            _ => None,
        }
    }
}
