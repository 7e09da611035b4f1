//! Partners (Comuni): a searchable, sortable list on the left and an editor of the focused
//! partner on the right. The list keeps its rows and their order cached per revision of the
//! figures (`list_rows`) and lays out only its visible rows; the editor draws one partner.

#[cfg(test)]
mod data_harness;
mod data_marks;
mod edit_table;
mod edit_table_paste;
mod editor;
mod equipment;
mod identity;
mod indicators;
mod list;
mod list_rows;
mod milestones;
mod modules;
pub(crate) use modules::new_session;
mod observations;
mod observations_plot;

use egui::{CentralPanel, Frame, Panel, Ui};

use crate::model::{Partner, PartnerId};
use crate::ui::ViewCtx;
use crate::ui::widgets::FieldFindings;

/// What every section of the editor draws from: the focused partner and its findings,
/// indexed once per revision.
#[derive(Clone, Copy)]
pub struct PartnerData<'a> {
    pub id: &'a PartnerId,
    pub partner: &'a Partner,
    pub findings: &'a FieldFindings,
}

impl<'a> PartnerData<'a> {
    pub fn parts(self) -> (&'a PartnerId, &'a Partner, &'a FieldFindings) {
        (self.id, self.partner, self.findings)
    }
}

/// One section of the partner editor (identity, tappe, modules, equipment, observations,
/// indicators), with whatever it remembers between frames.
pub trait Section: Default {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>);
}

/// The id of the search field, which Ctrl+F focuses.
pub const SEARCH_FIELD: &str = "partners_search";

/// Share of the width the list takes at first (the user can drag its edge).
const LIST_SHARE: f32 = 0.35;
/// Narrowest list that still shows every column with some of each name.
const LIST_MIN_WIDTH: f32 = 440.0;

#[derive(Default)]
pub struct PartnersView {
    list: list::PartnerList,
    editor: editor::Editor,
    modules: modules::ModulesSection,
    equipment: equipment::EquipmentSection,
    observations: observations::ObservationsSection,
    indicators: indicators::IndicatorsSection,
}

impl PartnersView {
    /// Starts a search with the text typed together with Ctrl+F: on a large programme a slow
    /// frame delivers the shortcut and the first letters at once, before the field has the
    /// keyboard, and they must not be lost.
    pub fn search_for(&mut self, typed: &str) {
        self.list.search_for(typed);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        let width = ui.available_width();
        let default_width = (width * LIST_SHARE).max(LIST_MIN_WIDTH).min(width * 0.5);
        let event = Panel::left("partners_list_panel")
            .resizable(true)
            .default_size(default_width)
            .size_range(280.0..=(width * 0.7).max(300.0))
            .frame(Frame::new().inner_margin(egui::Margin {
                left: 0,
                right: 8,
                top: 0,
                bottom: 0,
            }))
            .show(ui, |ui| self.list.ui(ui, cx))
            .inner;
        if let Some(list::ListEvent::Created(partner)) = event {
            self.editor.created(partner);
        }
        CentralPanel::no_frame()
            .frame(Frame::new().inner_margin(egui::Margin {
                left: 12,
                right: 0,
                top: 0,
                bottom: 0,
            }))
            .show(ui, |ui| {
                let others = editor::OtherSections {
                    modules: &mut self.modules,
                    equipment: &mut self.equipment,
                    observations: &mut self.observations,
                    indicators: &mut self.indicators,
                };
                self.editor.ui(ui, cx, others);
            });
    }
}

#[cfg(test)]
mod view_tests;
