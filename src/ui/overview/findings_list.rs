//! The project's validation findings: how many errors and warnings, and the list (only
//! its visible rows laid out), each with its severity as an icon and a word, and its text
//! in the interface language. A click asks the app to show the item the finding concerns.

use egui::{Atom, AtomExt as _, Button, RichText, ScrollArea, TextStyle, Ui, vec2};

use super::icons::{self, Icon};
use super::{count_text, section};
use crate::i18n::findings::describe;
use crate::i18n::{Lang, tr};
use crate::model::validate::{Finding, Severity};
use crate::ui::{Request, ViewCtx, theme};

#[derive(Default)]
pub struct FindingsList {
    /// (revision, errors, warnings): counted once per revision, not per frame.
    counts: Option<(u64, usize, usize)>,
}

impl FindingsList {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, height: f32) {
        let (project, findings, lang) = (cx.project, &cx.dashboard.findings, cx.lang);
        let (errors, warnings) = self.counts(cx.revision, findings);
        let mut clicked = None;
        section::panel(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                section::heading(ui, &tr(lang, "overview.findings.title"));
                let size = section::body_size(ui) * 1.1;
                if errors > 0 {
                    let text = count_text(
                        lang,
                        "overview.findings.errors_one",
                        "overview.findings.errors_other",
                        errors,
                    );
                    let text = RichText::new(text).size(size).strong();
                    icons::icon_label(
                        ui,
                        icon(Severity::Error),
                        text,
                        color(ui.visuals(), Severity::Error),
                    );
                }
                if warnings > 0 {
                    let text = count_text(
                        lang,
                        "overview.findings.warnings_one",
                        "overview.findings.warnings_other",
                        warnings,
                    );
                    let text = RichText::new(text).size(size).strong();
                    icons::icon_label(
                        ui,
                        icon(Severity::Warning),
                        text,
                        color(ui.visuals(), Severity::Warning),
                    );
                }
            });
            if findings.is_empty() {
                section::note(ui, &tr(lang, "overview.findings.none"));
                return;
            }
            section::note(ui, &tr(lang, "overview.findings.hint"));
            let row_height = ui.text_style_height(&TextStyle::Body) + 8.0;
            ScrollArea::vertical()
                .id_salt("overview_findings")
                .auto_shrink([false, false])
                .min_scrolled_height(height)
                .max_height(height)
                .show_rows(ui, row_height, findings.len(), |ui, visible| {
                    for finding in &findings[visible] {
                        if finding_row(ui, lang, project, finding, row_height).clicked() {
                            clicked = Some(finding.target.clone());
                        }
                    }
                });
        });
        if let Some(target) = clicked {
            cx.outbox.push(Request::Reveal(target));
        }
    }

    fn counts(&mut self, revision: u64, findings: &[Finding]) -> (usize, usize) {
        match self.counts {
            Some((counted, errors, warnings)) if counted == revision => (errors, warnings),
            _ => {
                let errors = findings.iter().filter(|finding| finding.is_error()).count();
                let warnings = findings.len() - errors;
                self.counts = Some((revision, errors, warnings));
                (errors, warnings)
            }
        }
    }
}

/// One finding as a borderless, full-width button: its severity as an icon and a word
/// (part of the button, so a screen reader says it too), then its text.
fn finding_row(
    ui: &mut Ui,
    lang: Lang,
    project: &crate::model::Project,
    finding: &Finding,
    height: f32,
) -> egui::Response {
    let color = color(ui.visuals(), finding.severity);
    let kind = icon(finding.severity);
    let icon_size = ui.text_style_height(&TextStyle::Body) * 0.85;
    let icon = Atom::paint(vec2(icon_size, icon_size), move |ui, args| {
        icons::paint(ui.painter(), args.rect, kind, color);
    });
    let severity = RichText::new(tr(lang, severity_key(finding.severity)))
        .strong()
        .color(color);
    let text = RichText::new(describe(lang, project, finding));
    let width = ui.available_width();
    ui.add(
        Button::new((icon, severity, text.atom_shrink(true), Atom::grow()))
            .frame(false)
            .truncate()
            .min_size(vec2(width, height)),
    )
}

fn icon(severity: Severity) -> Icon {
    match severity {
        Severity::Error => Icon::Error,
        Severity::Warning => Icon::Warning,
    }
}

fn color(visuals: &egui::Visuals, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::Error => theme::bad_text(visuals),
        Severity::Warning => theme::warning_text(visuals),
    }
}

fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "overview.findings.error",
        Severity::Warning => "overview.findings.warning",
    }
}
