//! Formazione: the module catalogue with its editor, the projects' limit of modules per
//! partner, completion per module area, and the partners × modules matrix where each
//! partner's choices are a heat map of completion and a click chooses a module.
//!
//! Laid out for a 1920×1080 screen: the catalogue beside the module form on top, the matrix
//! beside the areas below. Everything per partner is either borrowed from the `Dashboard`
//! or read for the rows on screen only, so a frame costs the same for eight partners or for
//! every Comune in Italy.

mod areas;
mod catalogue;
mod header;
mod heat;
mod labels;
mod matrix;
mod matrix_cells;
mod matrix_header;
mod module_form;

use egui::{Frame, Ui};

use crate::model::{Module, ModuleId, Project};
use crate::ui::ViewCtx;
use crate::ui::widgets::interaction::{additive_click, count_text};
use crate::ui::widgets::section;

/// Below this width the parts stack vertically and the view scrolls.
const TWO_COLUMN_MIN_WIDTH: f32 = 1100.0;
/// Share of the width for the catalogue (beside the form) and for the matrix (beside the
/// areas).
const CATALOGUE_SHARE: f32 = 0.62;
const MATRIX_SHARE: f32 = 0.8;
/// Share of the height below the header for the catalogue row.
const TOP_SHARE: f32 = 0.42;

/// The view's UI state: which module the form edits, whether retired modules show, the
/// matrix's search and the caches of derived lists.
#[derive(Default)]
pub struct TrainingView {
    header: header::Header,
    catalogue: catalogue::Catalogue,
    form: module_form::ModuleForm,
    matrix: matrix::Matrix,
    choice: Choice,
}

/// The context and the shared choices, handed to each part in turn.
struct Parts<'c, 'a> {
    cx: &'c mut ViewCtx<'a>,
    choice: &'c mut Choice,
}

/// What the catalogue and the form share.
#[derive(Debug, Default)]
struct Choice {
    /// The module the form edits.
    module: Option<ModuleId>,
    show_retired: bool,
    /// Set when the user asked for a new module: its title takes the focus once it exists.
    focus_title: bool,
}

impl TrainingView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        if let Some(id) = &self.choice.module
            && !cx.project.catalogue.contains_key(id)
            && !self.choice.focus_title
        {
            // Deleted (or undone): nothing to edit any more.
            self.choice.module = None;
        }
        let project = cx.project;
        let modules = ordered_modules(project);
        if self.choice.module.is_none() && cx.editable {
            // The form is never blank while there is something to edit.
            self.choice.module = modules
                .iter()
                .find(|(_, m)| !m.retired || self.choice.show_retired)
                .map(|(id, _)| (*id).clone());
        }
        self.header.ui(ui, cx);
        ui.add_space(section::GAP);

        let size = ui.available_size();
        if size.x < TWO_COLUMN_MIN_WIDTH {
            egui::ScrollArea::vertical()
                .id_salt("training_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.stacked(ui, cx, &modules, size.y.max(600.0)));
            return;
        }
        let top = ((size.y - section::GAP) * TOP_SHARE).floor();
        let bottom = size.y - section::GAP - top;
        let Self {
            catalogue,
            form,
            matrix,
            choice,
            ..
        } = self;
        let mut parts = Parts { cx, choice };
        side_by_side(
            ui,
            &mut parts,
            top,
            CATALOGUE_SHARE,
            |ui, p| catalogue.ui(ui, p.cx, &modules, p.choice),
            |ui, p| {
                if p.cx.editable {
                    form.ui(ui, p.cx, p.choice);
                } else {
                    // Presenting: no form; the areas take its place.
                    areas::ui(ui, p.cx);
                }
            },
        );
        ui.add_space(section::GAP);
        let show_retired = parts.choice.show_retired;
        if parts.cx.editable {
            side_by_side(
                ui,
                &mut parts,
                bottom,
                MATRIX_SHARE,
                |ui, p| matrix.ui(ui, p.cx, &modules, show_retired),
                |ui, p| areas::ui(ui, p.cx),
            );
        } else {
            fixed_panel(ui, bottom, |ui| {
                matrix.ui(ui, parts.cx, &modules, show_retired);
            });
        }
    }

    /// A narrow window: every part at full width, one below the other.
    fn stacked(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        modules: &[(&ModuleId, &Module)],
        height: f32,
    ) {
        fixed_panel(ui, height * 0.5, |ui| {
            self.catalogue.ui(ui, cx, modules, &mut self.choice);
        });
        ui.add_space(section::GAP);
        if cx.editable {
            section::panel(ui, |ui| self.form.ui(ui, cx, &mut self.choice));
            ui.add_space(section::GAP);
        }
        section::panel(ui, |ui| areas::ui(ui, cx));
        ui.add_space(section::GAP);
        fixed_panel(ui, height * 0.8, |ui| {
            self.matrix.ui(ui, cx, modules, self.choice.show_retired);
        });
    }
}

/// The catalogue in the order every part shows it: by area, then by id (stable while a
/// title is being typed, unlike the title).
fn ordered_modules(project: &Project) -> Vec<(&ModuleId, &Module)> {
    let mut modules: Vec<(&ModuleId, &Module)> = project.catalogue.iter().collect();
    modules.sort_by(|a, b| (a.1.area, a.0).cmp(&(b.1.area, b.0)));
    modules
}

/// Two framed parts of the same height side by side, `share` of the width to the left.
/// The context is handed to each in turn, since both write requests to it.
fn side_by_side<C>(
    ui: &mut Ui,
    cx: &mut C,
    height: f32,
    share: f32,
    left: impl FnOnce(&mut Ui, &mut C),
    right: impl FnOnce(&mut Ui, &mut C),
) {
    let width = ui.available_width();
    let gap = section::GAP;
    let left_width = ((width - gap) * share).floor();
    let right_width = width - gap - left_width;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        column(ui, left_width, height, |ui| left(ui, cx));
        column(ui, right_width, height, |ui| right(ui, cx));
    });
}

/// A framed part `width` wide and `height` high, in a row.
fn column(ui: &mut Ui, width: f32, height: f32, add_contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            fixed_panel(ui, height, add_contents);
        },
    );
}

/// A framed part of exactly `height` (frame included), its contents clipped to it.
fn fixed_panel(ui: &mut Ui, height: f32, add_contents: impl FnOnce(&mut Ui)) {
    let margin = 12.0;
    let frame = Frame::group(ui.style())
        .inner_margin(margin)
        .fill(ui.visuals().faint_bg_color);
    let stroke = frame.stroke.width;
    let inner = (height - 2.0 * (margin + stroke)).max(0.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_height(inner);
        ui.set_max_height(inner);
        ui.set_clip_rect(ui.max_rect().intersect(ui.clip_rect()));
        add_contents(ui);
    });
}

#[cfg(test)]
mod view_tests;
