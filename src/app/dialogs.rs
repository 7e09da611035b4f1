//! File dialogs behind a trait: the app asks for a path and gets the answer later through a
//! channel, so a dialog never blocks drawing. The real one is rfd on its own thread; tests
//! (and Xvfb, which has no dialog portal) script the answers.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

/// What the path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    /// A spreadsheet to import.
    Import,
    /// Where to write every table as XLSX.
    Export,
    /// A folder for one data-collection template per Comune.
    Templates,
    /// Where to write the selected Comune's template.
    Template,
    /// Where to write the deck as PDF.
    DeckPdf,
    /// Where to write one report in this format.
    Report(crate::report::ReportFormat),
    /// A folder for one report per Comune.
    ReportFolder,
    /// Where to write the current slide as PNG.
    SlidePng,
    /// A folder for the deck's numbered PNGs.
    DeckPngs,
    /// Where to save a plot's picture.
    PlotPng,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DialogRequest {
    pub purpose: DialogPurpose,
    /// Window title, in the user's language.
    pub title: String,
    /// Name of the file type in the filter, in the user's language.
    pub filter_name: String,
    /// Suggested file name for Save as.
    pub file_name: Option<String>,
    pub directory: Option<PathBuf>,
}

/// The user's answer: `None` when the dialog was cancelled.
#[derive(Debug, Clone, PartialEq)]
pub struct DialogReply {
    pub purpose: DialogPurpose,
    pub path: Option<PathBuf>,
    /// The dialog's thread ended without answering (it panicked): read as cancelled, and said.
    pub vanished: bool,
    /// The system has no file dialog at all: the app asks for the path itself.
    pub unavailable: bool,
}

impl DialogReply {
    pub fn new(purpose: DialogPurpose, path: Option<PathBuf>) -> DialogReply {
        DialogReply {
            purpose,
            path,
            vanished: false,
            unavailable: false,
        }
    }
}

pub trait FileDialogs {
    /// Shows a dialog; the reply goes to `reply` whenever the user answers.
    fn show(&mut self, request: DialogRequest, reply: Sender<DialogReply>, waker: egui::Context);
}

/// A dialog "cancelled" sooner than this never showed.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// Native dialogs through rfd (the XDG portal on Linux, zenity when there is none).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn show(&mut self, request: DialogRequest, reply: Sender<DialogReply>, waker: egui::Context) {
        std::thread::spawn(move || {
            let extensions: &[&str] = match request.purpose {
                DialogPurpose::Import => &super::import::SPREADSHEET_EXTENSIONS,
                DialogPurpose::Export | DialogPurpose::Template | DialogPurpose::Templates => {
                    &["xlsx"]
                }
                DialogPurpose::Open | DialogPurpose::SaveAs => &["ron"],
                DialogPurpose::DeckPdf => &["pdf"],
                DialogPurpose::Report(format) => &[format.extension()],
                DialogPurpose::SlidePng | DialogPurpose::PlotPng => &["png"],
                DialogPurpose::ReportFolder | DialogPurpose::DeckPngs => &[],
            };
            let mut dialog = rfd::FileDialog::new().set_title(&request.title);
            if !extensions.is_empty() {
                dialog = dialog.add_filter(&request.filter_name, extensions);
            }
            if let Some(directory) = &request.directory {
                dialog = dialog.set_directory(directory);
            }
            if let Some(name) = &request.file_name {
                dialog = dialog.set_file_name(name);
            }
            let asked = Instant::now();
            let path = match request.purpose {
                DialogPurpose::Open | DialogPurpose::Import => dialog.pick_file(),
                DialogPurpose::Export
                | DialogPurpose::Template
                | DialogPurpose::DeckPdf
                | DialogPurpose::Report(_)
                | DialogPurpose::SlidePng
                | DialogPurpose::PlotPng => dialog.save_file(),
                DialogPurpose::Templates
                | DialogPurpose::ReportFolder
                | DialogPurpose::DeckPngs => dialog.pick_folder(),
                DialogPurpose::SaveAs => dialog.save_file().map(with_ron_extension),
            };
            // rfd answers "cancelled" at once when there is neither a desktop portal nor
            // zenity: nobody closes a real dialog that fast.
            let unavailable = path.is_none() && asked.elapsed() < NO_DIALOG_WITHIN;
            let _ = reply.send(DialogReply {
                unavailable,
                ..DialogReply::new(request.purpose, path)
            });
            waker.request_repaint();
        });
    }
}

/// Saved projects end in .ron even when the user typed a bare name.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".ron");
        PathBuf::from(name)
    }
}

/// Answers from a list, for tests: each dialog takes the next answer (`None`: cancelled).
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    pub answers: VecDeque<Option<PathBuf>>,
    /// Every request shown, for assertions.
    pub shown: std::sync::Arc<std::sync::Mutex<Vec<DialogRequest>>>,
}

impl FileDialogs for ScriptedDialogs {
    fn show(&mut self, request: DialogRequest, reply: Sender<DialogReply>, waker: egui::Context) {
        let purpose = request.purpose;
        if let Ok(mut shown) = self.shown.lock() {
            shown.push(request);
        }
        let path = self.answers.pop_front().flatten();
        let _ = reply.send(DialogReply::new(purpose, path));
        waker.request_repaint();
    }
}

/// The app's end of the dialogs: one open at a time, each with its own channel, so a
/// dialog whose thread dies is noticed (its sender goes) instead of being awaited forever.
pub struct Dialogs {
    backend: Box<dyn FileDialogs>,
    open: Option<(DialogPurpose, Receiver<DialogReply>)>,
}

impl Dialogs {
    pub fn new(backend: Box<dyn FileDialogs>) -> Dialogs {
        Dialogs {
            backend,
            open: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Shows a dialog unless one is already open (its answer is still awaited).
    pub fn show(&mut self, request: DialogRequest, waker: &egui::Context) {
        if self.open.is_none() {
            let (sender, receiver) = channel();
            self.open = Some((request.purpose, receiver));
            self.backend.show(request, sender, waker.clone());
        }
    }

    pub fn reply(&mut self) -> Option<DialogReply> {
        let (purpose, receiver) = self.open.as_ref()?;
        let reply = match receiver.try_recv() {
            Ok(reply) => reply,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => DialogReply {
                vanished: true,
                ..DialogReply::new(*purpose, None)
            },
        };
        self.open = None;
        Some(reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A backend whose dialog thread dies before answering.
    struct DyingDialogs;

    impl FileDialogs for DyingDialogs {
        fn show(&mut self, _: DialogRequest, reply: Sender<DialogReply>, _: egui::Context) {
            std::thread::spawn(move || {
                let _reply = reply;
                panic!("the portal went away");
            });
        }
    }

    #[test]
    fn a_dialog_whose_thread_dies_reads_as_cancelled_and_says_so() {
        let mut dialogs = Dialogs::new(Box::new(DyingDialogs));
        let request = DialogRequest {
            purpose: DialogPurpose::Open,
            title: String::new(),
            filter_name: String::new(),
            file_name: None,
            directory: None,
        };
        dialogs.show(request, &egui::Context::default());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let reply = loop {
            if let Some(reply) = dialogs.reply() {
                break reply;
            }
            assert!(std::time::Instant::now() < deadline, "never answered");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(reply.vanished);
        assert_eq!(reply.path, None);
        assert!(!dialogs.is_open(), "another dialog can be opened");
    }

    #[test]
    fn a_saved_file_gets_the_ron_extension_once() {
        assert_eq!(
            with_ron_extension(PathBuf::from("/tmp/piano")),
            PathBuf::from("/tmp/piano.ron")
        );
        assert_eq!(
            with_ron_extension(PathBuf::from("/tmp/piano.RON")),
            PathBuf::from("/tmp/piano.RON")
        );
    }
}
