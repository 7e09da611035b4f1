//! A partner's data sections driven as a user would, headless: what they show, and which
//! edits their controls put in the outbox.

use egui_kittest::Harness;

use super::editor::partner_of;
use super::{PartnerData, Section};

use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::i18n::Lang;
use crate::model::{Edit, Month, PartnerId, Project};
use crate::ui::widgets::FieldFindings;
use crate::ui::{Outbox, Request, Selection, ViewCtx};

pub struct State<S> {
    pub project: Project,
    pub dashboard: Dashboard,
    pub partner: PartnerId,
    pub section: S,
    pub findings: FieldFindings,
    pub selection: Selection,
    pub outbox: Outbox,
    pub editable: bool,
    pub lang: Lang,
}

impl<S> State<S> {
    /// The edits asked for so far.
    pub fn edits(&self) -> Vec<&Edit> {
        (self.outbox.requests.iter())
            .filter_map(|r| match r {
                Request::Edit(edit) => Some(edit),
                _ => None,
            })
            .collect()
    }
}

/// A month written `2025-03`.
pub fn month(text: &str) -> Month {
    text.parse().unwrap()
}

pub fn harness<S: Section + 'static>(
    project: Project,
    partner: &str,
    editable: bool,
) -> Harness<'static, State<S>> {
    let state = State {
        dashboard: dashboard(&project),
        project,
        partner: PartnerId::new(partner),
        section: S::default(),
        findings: FieldFindings::default(),
        selection: Selection::default(),
        outbox: Outbox::default(),
        editable,
        lang: Lang::It,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut State<S>| {
                let partner_id = state.partner.clone();
                let Some(partner) = state.project.partners.get(&partner_id) else {
                    return;
                };
                state.findings.refresh(
                    1,
                    partner_id.as_str(),
                    &state.dashboard.findings,
                    |target| partner_of(target) == Some(&partner_id),
                );
                let mut cx = ViewCtx {
                    project: &state.project,
                    dashboard: &state.dashboard,
                    revision: 1,
                    lang: state.lang,
                    selection: &state.selection,
                    outbox: &mut state.outbox,
                    editable: state.editable,
                };
                let data = PartnerData {
                    id: &partner_id,
                    partner,
                    findings: &state.findings,
                };
                egui::ScrollArea::vertical().show(ui, |ui| state.section.ui(ui, &mut cx, data));
            },
            state,
        );
    harness.run();
    harness
}

/// Selects all the text of the field named `label` and types `text` over it.
pub fn retype<S>(harness: &mut Harness<'static, State<S>>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}
