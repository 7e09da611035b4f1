//! What the views ask for (`Request`), applied after drawing: edits and batches with their
//! undo and figure bookkeeping, selection, navigation, scenario picks and Retry; and what the
//! surface drawn this frame needs projected.

use super::prompts::Prompt;
use super::{CruscottoApp, ViewKind};
use crate::i18n::edit_errors;
use crate::model::{Edit, PartnerId};
use crate::ui::Request;

impl CruscottoApp {
    pub(super) fn apply_request(&mut self, request: Request) {
        match request {
            Request::Edit(edit) => {
                let scenarios_only = edit.touches_only_scenarios();
                let before = self.doc.revision();
                let result = self.doc.apply(edit);
                self.edited(before, scenarios_only, result);
            }
            Request::Batch(edits) => {
                let scenarios_only = edits.iter().all(Edit::touches_only_scenarios);
                let before = self.doc.revision();
                let result = self.doc.apply_batch(edits);
                self.edited(before, scenarios_only, result);
            }
            Request::SelectPartner { partner, additive } => {
                if additive {
                    self.selection.toggle(partner);
                } else {
                    self.selection.select_only(partner);
                }
            }
            Request::ClearSelection => self.selection.clear(),
            Request::Reveal(target) => {
                // An item of a partner opens that partner's editor, which outlines the field
                // concerned; project-level items are shown by the overview.
                match target_partner(&target) {
                    Some(partner) => {
                        self.selection.select_only(partner);
                        self.view = ViewKind::Partners;
                    }
                    None => self.view = ViewKind::Overview,
                }
            }
            Request::EditPartner(partner) => {
                self.selection.select_only(partner);
                self.view = ViewKind::Partners;
            }
            Request::DeletePartner(partner) => self.ask_delete_partner(partner),
            Request::PickScenario(scenario) => self.active_scenario = scenario,
            Request::Retry => {
                self.derived.retry();
                self.projections.retry();
            }
        }
    }

    /// What the surface drawn this frame needs projected: the Scenarios view's scenario,
    /// bands and overlay when it is shown, otherwise whatever another surface declared.
    pub(super) fn projection_needs(
        &self,
        order: &[crate::model::PartnerId],
    ) -> Option<crate::analysis::scenario_figures::ProjectionNeeds> {
        use crate::analysis::scenario_figures::{ProjectionNeeds, partners_to_show};
        if self.view != ViewKind::Scenarios || self.presentation.is_active() {
            return self.declared_needs.clone();
        }
        let project = self.doc.project();
        Some(ProjectionNeeds {
            scenario: self.active_scenario.clone(),
            partner_bands: partners_to_show(order, &self.selection.partners, |id| {
                project.partners.contains_key(id)
            }),
            others: self.scenarios.overlays_others(),
        })
    }

    /// After an edit or a batch: the figures follow, or the user hears why nothing changed.
    fn edited(
        &mut self,
        before: u64,
        scenarios_only: bool,
        result: Result<(), crate::model::EditError>,
    ) {
        match result {
            Ok(()) => {
                self.projections
                    .note_edit(before, self.doc.revision(), scenarios_only);
                self.selection.retain_existing(self.doc.project());
            }
            // A rule of the programme (at most N modules) or an item gone meanwhile:
            // nothing changed, nothing to undo; say why where the user will see it.
            Err(error) => {
                let message = edit_errors::describe(self.lang, self.doc.project(), &error);
                self.prompt = Some(Prompt::Error {
                    title_key: "app.error.edit_refused_title",
                    message,
                });
            }
        }
    }

    pub(super) fn ask_delete_partner(&mut self, partner: PartnerId) {
        if let Some(found) = self.doc.project().partners.get(&partner) {
            let name = found.name.clone();
            self.prompt = Some(Prompt::DeletePartner { partner, name });
        }
    }
}

fn target_partner(target: &crate::model::validate::Target) -> Option<crate::model::PartnerId> {
    use crate::model::validate::Target;
    match target {
        Target::Partner(p)
        | Target::PartnerModule(p, _)
        | Target::Session(p, _, _)
        | Target::Equipment(p, _)
        | Target::Observation(p, _)
        | Target::Milestone(p, _)
        | Target::PartnerIndicator(p, _) => Some(p.clone()),
        _ => None,
    }
}
