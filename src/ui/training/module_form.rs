//! The form for one catalogue module. Every change asks for the whole module as it now is
//! (`Edit::PutModule`; the app merges the keystrokes of one field into one undo step).
//! Deleting is offered only for a module nobody chose: one in use is retired instead, so
//! the partners' choices keep their meaning, and the form says so before any click.

use egui::{ComboBox, Grid, RichText, Ui};

use super::{Choice, count_text, labels};
use crate::i18n::tr;
use crate::model::validate::{Field, Target};
use crate::model::{Audience, Edit, Module, ModuleArea, ModuleFormat, ModuleId};
use crate::ui::ViewCtx;
use crate::ui::theme;
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{FieldFindings, decimal_field, section, text_field};

#[derive(Default)]
pub struct ModuleForm {
    findings: FieldFindings,
}

impl ModuleForm {
    /// The form scrolls inside its panel when its fields (the indicators unfolded) are
    /// taller than the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, choice: &mut Choice) {
        egui::ScrollArea::vertical()
            .id_salt("training_module_form")
            .auto_shrink([false, true])
            .show(ui, |ui| self.contents(ui, cx, choice));
    }

    fn contents(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, choice: &mut Choice) {
        let lang = cx.lang;
        let project = cx.project;
        let Some((id, module)) = choice
            .module
            .as_ref()
            .and_then(|id| project.catalogue.get_key_value(id))
        else {
            section::heading(ui, &tr(lang, "training.form.title"));
            section::note(ui, &tr(lang, "training.form.none"));
            return;
        };
        let target = Target::Module(id.clone());
        let all = &cx.dashboard.findings;
        self.findings
            .refresh(cx.revision, id.as_str(), all, |t| t == &target);
        ui.horizontal(|ui| {
            section::heading(ui, &tr(lang, "training.form.title"));
            if module.retired {
                super::catalogue::retired_tag(ui, lang);
            }
        });
        for message in self.findings.item_messages(all, lang, &target) {
            icons::icon_label(
                ui,
                Icon::Error,
                RichText::new(message),
                theme::bad_text(ui.visuals()),
            );
        }
        ui.add_space(4.0);
        let mut next = module.clone();
        let field_width =
            ui.available_width() - ui.text_style_height(&egui::TextStyle::Body) * 10.0;
        Grid::new("training_module_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let name = tr(lang, "training.form.module_title");
                ui.label(name.as_ref());
                let problem = self.findings.message(all, lang, &target, Field::Title);
                let field_id = ui.make_persistent_id(("training_module_title", id));
                let out = text_field(
                    ui,
                    field_id,
                    &name,
                    &module.title,
                    field_width.max(120.0),
                    lang,
                    problem.as_deref(),
                );
                if choice.focus_title {
                    choice.focus_title = false;
                    out.response.request_focus();
                }
                if let Some(title) = out.value {
                    next.title = title;
                }
                ui.end_row();

                combo_row(
                    ui,
                    &tr(lang, "training.form.area"),
                    ("training_module_area", id),
                    &mut next.area,
                    &ModuleArea::ALL,
                    |area| labels::area(lang, area).into_owned(),
                );
                combo_row(
                    ui,
                    &tr(lang, "training.form.format"),
                    ("training_module_format", id),
                    &mut next.format,
                    &ModuleFormat::ALL,
                    |format| labels::format(lang, format).into_owned(),
                );
                combo_row(
                    ui,
                    &tr(lang, "training.form.audience"),
                    ("training_module_audience", id),
                    &mut next.audience,
                    &Audience::ALL,
                    |audience| labels::audience(lang, audience).into_owned(),
                );

                let name = tr(lang, "training.form.hours");
                ui.label(name.as_ref());
                let problem = self.findings.message(all, lang, &target, Field::Hours);
                let field_id = ui.make_persistent_id(("training_module_hours", id));
                let out =
                    decimal_field(ui, field_id, &name, module.hours, lang, problem.as_deref());
                if let Some(hours) = out.value {
                    next.hours = hours;
                }
                ui.end_row();

                ui.label("");
                ui.checkbox(&mut next.retired, tr(lang, "training.form.retired"))
                    .on_hover_text(tr(lang, "training.form.retired_hint"));
                ui.end_row();
            });
        indicators(ui, cx, id, &mut next);
        if next != *module {
            cx.outbox.edit(Edit::PutModule {
                module: id.clone(),
                value: Some(next),
            });
        }
        ui.add_space(8.0);
        ui.separator();
        removal(ui, cx, id, module, choice);
    }
}

/// A labelled drop-down choosing one of `options`.
fn combo_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    name: &str,
    salt: (&str, &ModuleId),
    value: &mut T,
    options: &[T],
    label: impl Fn(T) -> String,
) {
    let name_label = ui.label(name);
    let inner = ComboBox::from_id_salt(salt)
        .selected_text(label(*value))
        .width(ui.text_style_height(&egui::TextStyle::Body) * 16.0)
        .show_ui(ui, |ui| {
            for &option in options {
                ui.selectable_value(value, option, label(option));
            }
        });
    inner.response.labelled_by(name_label.id);
    ui.end_row();
}

/// The POLA/PIAO indicators the module is meant to move, as check boxes (folded away: the
/// form's everyday fields come first).
fn indicators(ui: &mut Ui, cx: &ViewCtx<'_>, id: &ModuleId, next: &mut Module) {
    let lang = cx.lang;
    let known = &cx.project.indicators;
    if known.is_empty() {
        return;
    }
    let chosen = next.indicators.len();
    let heading = crate::i18n::tr_args(
        lang,
        "training.form.indicators",
        &[("count", &crate::i18n::format::integer(lang, chosen as i64))],
    );
    egui::CollapsingHeader::new(heading)
        .id_salt(("training_module_indicators", id))
        .show(ui, |ui| {
            for (indicator, definition) in known {
                let mut on = next.indicators.contains(indicator);
                if ui.checkbox(&mut on, &definition.name).changed() {
                    if on {
                        next.indicators.insert(indicator.clone());
                    } else {
                        next.indicators.remove(indicator);
                    }
                }
            }
        });
}

/// Delete a module nobody chose; for one in use, say so and offer to retire it.
fn removal(ui: &mut Ui, cx: &mut ViewCtx<'_>, id: &ModuleId, module: &Module, choice: &mut Choice) {
    let lang = cx.lang;
    let in_use = cx
        .dashboard
        .training
        .modules
        .get(id)
        .map_or(0, |figures| figures.partners);
    if in_use == 0 {
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "training.form.delete")).clicked() {
                cx.outbox.edit(Edit::RemoveModule { module: id.clone() });
                choice.module = None;
            }
            section::note(ui, &tr(lang, "training.form.delete_hint"));
        });
        return;
    }
    let message = if module.retired {
        count_text(
            lang,
            "training.form.retired_in_use_one",
            "training.form.retired_in_use_other",
            in_use,
        )
    } else {
        count_text(
            lang,
            "training.form.in_use_one",
            "training.form.in_use_other",
            in_use,
        )
    };
    // The icon carries the colour; the sentence stays in the text colour, since the
    // palette's orange is faint on a light panel.
    ui.horizontal(|ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body) * 0.85;
        icons::icon_space(ui, Icon::Warning, size, theme::warning_text(ui.visuals()));
        ui.label(RichText::new(message).strong());
    });
    ui.horizontal(|ui| {
        if !module.retired
            && ui
                .button(tr(lang, "training.form.retire"))
                .on_hover_text(tr(lang, "training.form.retired_hint"))
                .clicked()
        {
            let mut retired = module.clone();
            retired.retired = true;
            cx.outbox.edit(Edit::PutModule {
                module: id.clone(),
                value: Some(retired),
            });
        }
        ui.add_enabled(false, egui::Button::new(tr(lang, "training.form.delete")))
            .on_disabled_hover_text(tr(lang, "training.form.delete_refused"));
    });
}
