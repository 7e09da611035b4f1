//! Formazione: the module catalogue and the partners × modules matrix.

use egui::Ui;

use crate::ui::ViewCtx;

#[derive(Default)]
pub struct TrainingView {}

impl TrainingView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        ui.heading(cx.t("app.view.training"));
    }
}
