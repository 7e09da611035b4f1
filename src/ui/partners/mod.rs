//! Partners (Comuni): a searchable list and an editor for one partner.

mod equipment;
mod indicators;
mod modules;
mod observations;

use egui::Ui;

use crate::ui::ViewCtx;

/// The id of the search field, which Ctrl+F focuses.
pub const SEARCH_FIELD: &str = "partners_search";

#[derive(Default)]
pub struct PartnersView {
    modules: modules::ModulesSection,
    equipment: equipment::EquipmentSection,
    observations: observations::ObservationsSection,
    indicators: indicators::IndicatorsSection,
}

impl PartnersView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        ui.heading(cx.t("app.view.partners"));
    }
}
