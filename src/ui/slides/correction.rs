//! The live-correction panel of the slide show: the presenter corrects the figures of the
//! Comune on screen (this month's smart workers, a tappa reached, a session held) while the
//! room watches. Every correction is an ordinary edit pushed to the outbox, so undo, the
//! unsaved state and autosave work as anywhere else; the panel shows the unsaved state to
//! the presenter only.

use egui::{ComboBox, Id, RichText, ScrollArea, TextEdit, Ui};

use crate::analysis::dashboard::Dashboard;
use crate::i18n::{Lang, findings::milestone_label, format, tr, tr_args};
use crate::model::{
    Edit, MilestoneDates, MilestoneKind, ModuleId, Month, Observation, Partner, PartnerId, Project,
    SessionId,
};
use crate::ui::Outbox;
pub use crate::ui::slides::correction_input::{parse_count, parse_hours};

/// Rows of the Comune picker in view at once: the rest scroll, laid out only when shown.
const VISIBLE_COMUNI: f32 = 12.0;

/// What the panel corrects and with what.
pub struct CorrectionInputs<'a> {
    pub project: &'a Project,
    pub dashboard: &'a Dashboard,
    pub lang: Lang,
    /// The Comune of the slide on screen; `None` on slides about the whole programme.
    pub on_slide: Option<&'a PartnerId>,
    pub unsaved: bool,
}

/// The panel's own state: the Comune picked on slides that show none, and what is being
/// typed.
#[derive(Debug, Default)]
pub struct CorrectionPanel {
    picked: Option<PartnerId>,
    smart_workers: String,
    milestone: Option<MilestoneKind>,
    module: Option<ModuleId>,
    hours: String,
    attendees: String,
    problem: Option<String>,
    /// What was corrected last, said back to the presenter.
    done: Option<String>,
}

impl CorrectionPanel {
    pub fn ui(&mut self, ui: &mut Ui, cx: &CorrectionInputs, outbox: &mut Outbox) {
        let lang = cx.lang;
        ui.heading(tr(lang, "slides_live.panel.title"));
        unsaved_line(ui, lang, cx.unsaved);
        ui.separator();
        let Some(id) = self.partner(ui, cx) else {
            ui.label(tr(lang, "slides_live.panel.no_comuni"));
            return;
        };
        let Some(partner) = cx.project.partners.get(&id) else {
            return;
        };
        let month = cx.dashboard.as_of;
        ScrollArea::vertical().show(ui, |ui| {
            self.smart_workers_ui(ui, cx, &id, partner, month, outbox);
            ui.separator();
            self.milestone_ui(ui, lang, &id, partner, month, outbox);
            ui.separator();
            self.session_ui(ui, cx, &id, partner, outbox);
            if let Some(problem) = &self.problem {
                ui.separator();
                ui.label(RichText::new(problem).strong())
                    .on_hover_text(tr(lang, "slides_live.panel.problem_tip"));
            }
            if let Some(done) = &self.done {
                ui.separator();
                ui.label(done);
            }
        });
    }

    /// The Comune corrected: the slide's, or the one picked (the first by default).
    fn partner(&mut self, ui: &mut Ui, cx: &CorrectionInputs) -> Option<PartnerId> {
        if let Some(id) = cx.on_slide {
            if let Some(partner) = cx.project.partners.get(id) {
                ui.label(RichText::new(&partner.name).strong().size(18.0));
            }
            return Some(id.clone());
        }
        let order = &cx.dashboard.partner_order;
        let picked = self
            .picked
            .clone()
            .filter(|id| cx.project.partners.contains_key(id))
            .or_else(|| order.first().cloned())?;
        let name = |id: &PartnerId| {
            cx.project
                .partners
                .get(id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        let mut chosen = picked.clone();
        let label = ui.label(tr(cx.lang, "slides_live.panel.comune"));
        ComboBox::from_id_salt("live_correction_comune")
            .selected_text(name(&picked))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                let row_height = ui.spacing().interact_size.y;
                ScrollArea::vertical()
                    .max_height(row_height * VISIBLE_COMUNI)
                    .show_rows(ui, row_height, order.len(), |ui, range| {
                        for id in &order[range] {
                            ui.selectable_value(&mut chosen, id.clone(), name(id));
                        }
                    });
            })
            .response
            .labelled_by(label.id);
        if chosen != picked {
            self.problem = None;
            self.done = None;
        }
        self.picked = Some(chosen.clone());
        Some(chosen)
    }

    fn smart_workers_ui(
        &mut self,
        ui: &mut Ui,
        cx: &CorrectionInputs,
        id: &PartnerId,
        partner: &Partner,
        month: Month,
        outbox: &mut Outbox,
    ) {
        let lang = cx.lang;
        let current = partner.observations.get(month).copied();
        let field = Id::unique(("live_correction_smart_workers", id));
        // While the presenter types, the field keeps the text; otherwise it shows the
        // project as it is (after an undo, too).
        if !ui.memory(|m| m.has_focus(field)) {
            self.smart_workers = current
                .map(|o| o.smart_workers.to_string())
                .unwrap_or_default();
        }
        let month_name = format::month_long(lang, month);
        let label = ui.label(tr_args(
            lang,
            "slides_live.panel.smart_workers",
            &[("month", &month_name)],
        ));
        let mut submit = false;
        ui.horizontal(|ui| {
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.smart_workers)
                        .id(field)
                        .desired_width(100.0),
                )
                .labelled_by(label.id);
            submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            submit |= ui.button(tr(lang, "slides_live.panel.apply")).clicked();
        });
        if !submit {
            return;
        }
        match parse_count(&self.smart_workers) {
            Some(value) => {
                // A month not observed yet takes the agile days of the latest one.
                let observation = match current {
                    Some(observation) => Observation {
                        smart_workers: value,
                        ..observation
                    },
                    None => {
                        let days = partner
                            .observations
                            .latest_at(month)
                            .map(|(_, o)| o.agile_days)
                            .unwrap_or(0.0);
                        Observation::new(value, days)
                    }
                };
                if current != Some(observation) {
                    outbox.edit(Edit::SetObservation {
                        partner: id.clone(),
                        month,
                        value: Some(observation),
                    });
                }
                self.problem = None;
                self.done = Some(tr_args(
                    lang,
                    "slides_live.panel.done_smart_workers",
                    &[
                        ("comune", &partner.name),
                        ("count", &format::integer(lang, value)),
                    ],
                ));
            }
            None => {
                self.problem = Some(tr_args(
                    lang,
                    "slides_live.panel.not_a_count",
                    &[("text", self.smart_workers.trim())],
                ));
            }
        }
    }

    fn milestone_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        id: &PartnerId,
        partner: &Partner,
        month: Month,
        outbox: &mut Outbox,
    ) {
        let open: Vec<(MilestoneKind, MilestoneDates)> = MilestoneKind::ALL
            .into_iter()
            .map(|kind| (kind, partner.milestone(kind)))
            .filter(|(_, dates)| dates.planned.is_some() && !dates.reached_by(month))
            .collect();
        let label = ui.label(tr(lang, "slides_live.panel.milestone"));
        if open.is_empty() {
            ui.label(tr(lang, "slides_live.panel.no_open_milestone"));
            return;
        }
        let mut chosen = self
            .milestone
            .filter(|kind| open.iter().any(|(k, _)| k == kind))
            .unwrap_or(open[0].0);
        ComboBox::from_id_salt(("live_correction_milestone", id))
            .selected_text(milestone_label(lang, chosen))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for (kind, _) in &open {
                    ui.selectable_value(&mut chosen, *kind, milestone_label(lang, *kind));
                }
            })
            .response
            .labelled_by(label.id);
        self.milestone = Some(chosen);
        let month_name = format::month_long(lang, month);
        let button = tr_args(lang, "slides_live.panel.reached", &[("month", &month_name)]);
        if ui.button(button).clicked()
            && let Some((kind, dates)) = open.iter().find(|(k, _)| *k == chosen)
        {
            outbox.edit(Edit::PutMilestone {
                partner: id.clone(),
                kind: *kind,
                dates: Some(MilestoneDates {
                    actual: Some(month),
                    ..*dates
                }),
            });
            self.problem = None;
            self.done = Some(tr_args(
                lang,
                "slides_live.panel.done_milestone",
                &[
                    ("tappa", &milestone_label(lang, *kind)),
                    ("month", &month_name),
                ],
            ));
        }
    }

    fn session_ui(
        &mut self,
        ui: &mut Ui,
        cx: &CorrectionInputs,
        id: &PartnerId,
        partner: &Partner,
        outbox: &mut Outbox,
    ) {
        let lang = cx.lang;
        let catalogue = &cx.project.catalogue;
        let title = |module: &ModuleId| {
            catalogue
                .get(module)
                .map(|m| m.title.clone())
                .unwrap_or_else(|| module.to_string())
        };
        let label = ui.label(tr(lang, "slides_live.panel.session"));
        let Some(first) = partner.modules.keys().next() else {
            ui.label(tr(lang, "slides_live.panel.no_modules"));
            return;
        };
        let mut chosen = self
            .module
            .clone()
            .filter(|m| partner.modules.contains_key(m))
            .unwrap_or_else(|| first.clone());
        ComboBox::from_id_salt(("live_correction_module", id))
            .selected_text(title(&chosen))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for module in partner.modules.keys() {
                    ui.selectable_value(&mut chosen, module.clone(), title(module));
                }
            })
            .response
            .labelled_by(label.id);
        if self.module.as_ref() != Some(&chosen) || self.hours.is_empty() {
            let planned = catalogue.get(&chosen).map(|m| m.hours).unwrap_or(2.0);
            self.hours = format::decimal(lang, planned, 1);
        }
        self.module = Some(chosen.clone());
        egui::Grid::new(("live_correction_session", id)).show(ui, |ui| {
            let hours = ui.label(tr(lang, "slides_live.panel.hours"));
            ui.add(TextEdit::singleline(&mut self.hours).desired_width(80.0))
                .labelled_by(hours.id);
            ui.end_row();
            let people = ui.label(tr(lang, "slides_live.panel.attendees"));
            ui.add(TextEdit::singleline(&mut self.attendees).desired_width(80.0))
                .labelled_by(people.id);
            ui.end_row();
        });
        if !ui
            .button(tr(lang, "slides_live.panel.add_session"))
            .clicked()
        {
            return;
        }
        let hours = parse_hours(&self.hours);
        let attendees = parse_count(&self.attendees);
        let (Some(hours), Some(attendees)) = (hours, attendees) else {
            self.problem = Some(tr(lang, "slides_live.panel.session_problem").into_owned());
            return;
        };
        let sessions = &partner.modules[&chosen].sessions;
        let meta = &cx.project.meta;
        let today = jiff::ZonedDateTime::now().date();
        let (session, mut value) =
            crate::ui::partners::new_session(today, (meta.start, meta.end), hours, |candidate| {
                sessions.contains_key(&SessionId::from(candidate))
            });
        value.attendees = attendees;
        outbox.edit(Edit::PutSession {
            partner: id.clone(),
            module: chosen.clone(),
            session,
            value: Some(value),
        });
        self.problem = None;
        self.attendees.clear();
        self.done = Some(tr_args(
            lang,
            "slides_live.panel.done_session",
            &[
                ("module", &title(&chosen)),
                ("count", &format::integer(lang, attendees)),
            ],
        ));
    }
}

/// The unsaved state, in words (never by colour alone), for the presenter only.
fn unsaved_line(ui: &mut Ui, lang: Lang, unsaved: bool) {
    let key = if unsaved {
        "slides_live.panel.unsaved"
    } else {
        "slides_live.panel.saved"
    };
    ui.label(RichText::new(tr(lang, key)).strong());
}
