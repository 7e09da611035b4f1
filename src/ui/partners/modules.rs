//! (Being written.)

use egui::Ui;

use crate::model::{Partner, PartnerId};
use crate::ui::ViewCtx;
use crate::ui::widgets::FieldFindings;

#[derive(Default)]
pub struct ModulesSection {}

impl ModulesSection {
    pub fn ui(
        &mut self,
        _ui: &mut Ui,
        _cx: &mut ViewCtx<'_>,
        _id: &PartnerId,
        _partner: &Partner,
        _findings: &FieldFindings,
    ) {
    }
}
