//! File → "Export report…": the form that chooses what to write (the consortium's report or
//! the PIAO sections of some Comuni), for which scenario, year, language and format. It
//! only edits its own state; the app asks for the path and writes the files.

use std::collections::BTreeSet;

use egui::{Key, Modal, RichText, ScrollArea};

use crate::i18n::{Lang, tr, tr_args};
use crate::model::{PartnerId, Project, ScenarioId};
use crate::report::ReportFormat;
use crate::ui::search::{fold, matches_words, query_words};

/// Whose report the form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectChoice {
    Consortium,
    Comuni,
}

/// The choices made in the form.
#[derive(Debug, Clone)]
pub struct ReportForm {
    pub subject: SubjectChoice,
    pub partners: BTreeSet<PartnerId>,
    pub search: String,
    /// `None`: the baseline.
    pub scenario: Option<ScenarioId>,
    pub year: i32,
    pub lang: Lang,
    pub format: ReportFormat,
    pub open_when_done: bool,
    /// The Comuni by folded name, built once when the form opens (a national project lists
    /// 7,900 of them; folding them per keystroke would be wasted work).
    listed: Vec<Listed>,
}

#[derive(Debug, Clone)]
struct Listed {
    id: PartnerId,
    label: String,
    folded: String,
}

/// What the user did with the form this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Export,
    Cancel,
}

impl ReportForm {
    /// The form as it opens: the selected Comuni if any (else the consortium), the baseline,
    /// the year of the latest observation and the window's language.
    pub fn new(project: &Project, selected: &BTreeSet<PartnerId>, lang: Lang) -> ReportForm {
        let mut listed: Vec<Listed> = project
            .partners
            .iter()
            .map(|(id, partner)| {
                let label = format!("{} ({})", partner.name, partner.province);
                Listed {
                    id: id.clone(),
                    folded: fold(&label),
                    label,
                }
            })
            .collect();
        listed.sort_by(|a, b| a.folded.cmp(&b.folded).then_with(|| a.id.cmp(&b.id)));
        let partners: BTreeSet<PartnerId> = selected
            .iter()
            .filter(|id| project.partners.contains_key(*id))
            .cloned()
            .collect();
        ReportForm {
            subject: if partners.is_empty() {
                SubjectChoice::Consortium
            } else {
                SubjectChoice::Comuni
            },
            partners,
            search: String::new(),
            scenario: None,
            year: crate::analysis::default_as_of(project).year(),
            lang,
            format: ReportFormat::Docx,
            open_when_done: false,
            listed,
        }
    }

    /// Whether the form names something to write.
    pub fn is_complete(&self) -> bool {
        self.subject == SubjectChoice::Consortium || !self.partners.is_empty()
    }

    /// The Comuni chosen, in the list's (alphabetical) order.
    pub fn chosen_partners(&self) -> Vec<PartnerId> {
        self.listed
            .iter()
            .filter(|l| self.partners.contains(&l.id))
            .map(|l| l.id.clone())
            .collect()
    }

    fn shown(&self) -> Vec<usize> {
        let words = query_words(&self.search);
        (0..self.listed.len())
            .filter(|&i| matches_words(&self.listed[i].folded, &words))
            .collect()
    }
}

/// Draws the form as a modal; `Some` once the user exported or cancelled (Esc cancels).
pub fn report_dialog(
    ctx: &egui::Context,
    form: &mut ReportForm,
    project: &Project,
    lang: Lang,
) -> Option<FormAction> {
    let t = |key: &str| tr(lang, key);
    let mut action = None;
    Modal::new(egui::Id::unique("cruscotto.report_dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(t("report_window.title"));
        ui.add_space(8.0);
        ui.label(RichText::new(t("report_window.subject")).strong());
        ui.radio_value(
            &mut form.subject,
            SubjectChoice::Consortium,
            t("report_window.subject.consortium"),
        );
        ui.radio_value(
            &mut form.subject,
            SubjectChoice::Comuni,
            t("report_window.subject.comuni"),
        );
        if form.subject == SubjectChoice::Comuni {
            partner_list(ui, form, lang);
        }
        ui.add_space(8.0);
        egui::Grid::new("cruscotto.report_dialog.options")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                options_rows(ui, form, project, lang);
            });
        ui.add_space(8.0);
        ui.checkbox(&mut form.open_when_done, t("report_window.open_when_done"));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let export = ui.add_enabled(
                form.is_complete(),
                egui::Button::new(t("report_window.export")),
            );
            if export.clicked() {
                action = Some(FormAction::Export);
            }
            if ui.button(t("app.prompt.cancel")).clicked() {
                action = Some(FormAction::Cancel);
            }
        });
        if !form.is_complete() {
            ui.label(t("report_window.choose_comuni"));
        }
    });
    if action.is_none() && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
        action = Some(FormAction::Cancel);
    }
    action
}

/// The search field, "all shown" and the Comuni as checkboxes, only the visible rows laid out.
fn partner_list(ui: &mut egui::Ui, form: &mut ReportForm, lang: Lang) {
    let t = |key: &str| tr(lang, key);
    ui.indent("cruscotto.report_dialog.comuni", |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut form.search)
                .hint_text(t("report_window.search_hint"))
                .desired_width(f32::INFINITY),
        )
        .accessible_name(t("report_window.search"));
        let shown = form.shown();
        let all_shown = !shown.is_empty()
            && (shown.iter()).all(|&i| form.partners.contains(&form.listed[i].id));
        let mut all = all_shown;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !shown.is_empty(),
                    egui::Checkbox::new(&mut all, t("report_window.all")),
                )
                .changed()
            {
                for &i in &shown {
                    let id = form.listed[i].id.clone();
                    if all {
                        form.partners.insert(id);
                    } else {
                        form.partners.remove(&id);
                    }
                }
            }
            ui.label(tr_args(
                lang,
                "report_window.chosen",
                &[("done", &form.partners.len().to_string())],
            ));
        });
        let row_height = ui.spacing().interact_size.y;
        ScrollArea::vertical()
            .max_height(220.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, shown.len(), |ui, rows| {
                for &i in &shown[rows] {
                    let listed = &form.listed[i];
                    let mut on = form.partners.contains(&listed.id);
                    if ui.checkbox(&mut on, listed.label.as_str()).changed() {
                        if on {
                            form.partners.insert(listed.id.clone());
                        } else {
                            form.partners.remove(&listed.id);
                        }
                    }
                }
            });
    });
}

fn options_rows(ui: &mut egui::Ui, form: &mut ReportForm, project: &Project, lang: Lang) {
    let t = |key: &str| tr(lang, key);
    let name = ui.label(t("report_window.scenario"));
    let baseline = t("report_window.baseline").into_owned();
    let chosen_name = form
        .scenario
        .as_ref()
        .and_then(|id| project.scenarios.get(id))
        .map_or(baseline.clone(), |s| s.name.clone());
    let combo = egui::ComboBox::from_id_salt("cruscotto.report_dialog.scenario")
        .selected_text(chosen_name)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.scenario, None, baseline);
            for (id, scenario) in &project.scenarios {
                ui.selectable_value(&mut form.scenario, Some(id.clone()), scenario.name.as_str());
            }
        });
    combo.response.labelled_by(name.id);
    ui.end_row();

    let name = ui.label(t("report_window.year"));
    let first = project.meta.start.year().min(form.year);
    let last = project.meta.end.year().max(form.year);
    let combo = egui::ComboBox::from_id_salt("cruscotto.report_dialog.year")
        .selected_text(form.year.to_string())
        .show_ui(ui, |ui| {
            for year in first..=last {
                ui.selectable_value(&mut form.year, year, year.to_string());
            }
        });
    combo.response.labelled_by(name.id);
    ui.end_row();

    ui.label(t("report_window.language"));
    ui.horizontal(|ui| {
        for choice in [Lang::It, Lang::En] {
            ui.radio_value(&mut form.lang, choice, choice.native_name());
        }
    });
    ui.end_row();

    ui.label(t("report_window.format"));
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut form.format,
            ReportFormat::Docx,
            t("report_window.format.docx"),
        );
        ui.radio_value(
            &mut form.format,
            ReportFormat::Pdf,
            t("report_window.format.pdf"),
        );
    });
    ui.end_row();
}
