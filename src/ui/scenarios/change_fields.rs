//! The controls of one change: whom it concerns, what it moves and by how much, as
//! drop-downs, sliders and fields that wrap with the width. Each control edits a copy of the
//! change; the copy goes out only when it differs, so drawing alone asks for nothing (the
//! sliders leave values outside their range as they are until the user moves them).

use std::ops::RangeInclusive;

use egui::{ComboBox, Id, Response, ScrollArea, Slider, SliderClamping, Ui};

use super::words::{days_text, module_title, partner_name, setting_is_percent, setting_label};
use crate::i18n::findings::{equipment_label, milestone_label};
use crate::i18n::{Lang, format, parse, tr};
use crate::model::{
    EquipmentId, EquipmentKind, MilestoneKind, ModelSetting, ModelSettings, ModuleId, Month,
    PartnerId, Project, ScenarioChange, ScenarioId, WORKING_DAYS_PER_MONTH,
};
use crate::ui::widgets::{money_field, month_field};

/// The widest shift a slider offers, in months either way.
const MAX_SHIFT: i32 = 24;
/// Partners listed in a drop-down before it scrolls.
const VISIBLE_PARTNERS: f32 = 14.0;

/// What the controls of one change need.
pub struct Fields<'a> {
    pub project: &'a Project,
    /// Partners in list order.
    pub order: &'a [PartnerId],
    pub lang: Lang,
    pub scenario: &'a ScenarioId,
    pub index: usize,
    /// The months a delivery may be moved to.
    pub months: (Month, Month),
}

impl Fields<'_> {
    fn id(&self, what: &str) -> Id {
        Id::unique(("scenario_change", self.scenario.as_str(), self.index, what))
    }

    fn label(&self, ui: &mut Ui, key: &str) -> Response {
        ui.label(tr(self.lang, key))
    }
}

/// Draws the controls; returns the change as edited when the user changed it.
pub fn edit(ui: &mut Ui, f: &Fields<'_>, change: &ScenarioChange) -> Option<ScenarioChange> {
    let mut edited = change.clone();
    let body = ui.text_style_height(&egui::TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().slider_width = body * 11.0;
        ui.spacing_mut().item_spacing.x = body * 0.6;
        match &mut edited {
            ScenarioChange::ShiftMilestone {
                partner,
                milestone,
                months,
            } => {
                partner_field(ui, f, partner, true);
                milestone_field(ui, f, milestone);
                shift_field(ui, f, months);
            }
            ScenarioChange::AddEquipment {
                partner,
                kind,
                quantity,
                unit_cost,
                delivered,
            } => {
                required_partner_field(ui, f, partner);
                kind_field(ui, f, kind);
                super::quantity_field::ui(ui, f, partner, quantity);
                pair(ui, |ui| {
                    let name = tr(f.lang, "scenarios.field.unit_cost");
                    ui.label(name.as_ref());
                    let id = f.id("unit_cost");
                    if let Some(cost) = money_field(ui, id, &name, *unit_cost, f.lang, None).value {
                        *unit_cost = cost;
                    }
                });
                delivery_field(ui, f, delivered);
            }
            ScenarioChange::MoveEquipment {
                partner,
                equipment,
                delivered,
            } => {
                let before = partner.clone();
                required_partner_field(ui, f, partner);
                if *partner != before {
                    // Another partner's purchases: start from its first one.
                    if let Some(first) = first_equipment(f.project, partner) {
                        *equipment = first;
                    }
                }
                equipment_field(ui, f, partner, equipment);
                delivery_field(ui, f, delivered);
            }
            ScenarioChange::SetCompletionRate {
                partner,
                module,
                rate,
            } => {
                partner_field(ui, f, partner, true);
                module_field(ui, f, module);
                percent_field(ui, f, "scenarios.field.completion", rate, 100.0);
            }
            ScenarioChange::ShiftModule {
                partner,
                module,
                months,
            } => {
                partner_field(ui, f, partner, true);
                module_field(ui, f, module);
                shift_field(ui, f, months);
            }
            ScenarioChange::SetCeiling { partner, share } => {
                partner_field(ui, f, partner, true);
                percent_field(ui, f, "scenarios.field.ceiling", share, 100.0);
            }
            ScenarioChange::SetAgileDays { partner, days } => {
                partner_field(ui, f, partner, true);
                pair(ui, |ui| {
                    let label = f.label(ui, "scenarios.field.agile_days");
                    let response = ui.add(
                        Slider::new(days, 0.0..=WORKING_DAYS_PER_MONTH)
                            .step_by(0.5)
                            .clamping(SliderClamping::Edits)
                            .custom_formatter(|v, _| days_text(f.lang, v))
                            .custom_parser(|t| parse::decimal(f.lang, t)),
                    );
                    response.labelled_by(label.id);
                });
            }
            ScenarioChange::SetModelSetting {
                partner,
                setting,
                value,
            } => {
                partner_field(ui, f, partner, true);
                let before = *setting;
                setting_field(ui, f, setting);
                if *setting != before {
                    // Each setting has its own scale: start from its default.
                    *value = ModelSettings::default().get(*setting);
                }
                setting_value_field(ui, f, *setting, value);
            }
        }
    });
    (edited != *change).then_some(edited)
}

/// A label and its control kept together when the row wraps.
fn pair(ui: &mut Ui, contents: impl FnOnce(&mut Ui)) {
    ui.horizontal(contents);
}

fn partner_field(ui: &mut Ui, f: &Fields<'_>, value: &mut Option<PartnerId>, allow_all: bool) {
    pair(ui, |ui| {
        let label = f.label(ui, "scenarios.field.partner");
        let all = tr(f.lang, "scenarios.words.all_partners");
        let shown = match value {
            Some(id) => partner_name(f.project, id),
            None => all.clone().into_owned(),
        };
        let first = usize::from(allow_all);
        let rows = first + f.order.len();
        let response = ComboBox::from_id_salt(f.id("partner"))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let row_height = ui.spacing().interact_size.y;
                // Thousands of Comuni: lay out only the rows in view.
                ScrollArea::vertical()
                    .max_height(row_height * VISIBLE_PARTNERS)
                    .show_rows(ui, row_height, rows, |ui, range| {
                        for row in range {
                            if row < first {
                                ui.selectable_value(value, None, all.as_ref());
                            } else if let Some(id) = f.order.get(row - first) {
                                let name = partner_name(f.project, id);
                                ui.selectable_value(value, Some(id.clone()), name);
                            }
                        }
                    });
            })
            .response;
        response.labelled_by(label.id);
    });
}

fn required_partner_field(ui: &mut Ui, f: &Fields<'_>, value: &mut PartnerId) {
    let mut picked = Some(value.clone());
    partner_field(ui, f, &mut picked, false);
    if let Some(picked) = picked {
        *value = picked;
    }
}

/// A drop-down of `options` (value, text).
fn choice<T: PartialEq + Clone>(
    ui: &mut Ui,
    f: &Fields<'_>,
    key: &str,
    value: &mut T,
    shown: String,
    options: impl Iterator<Item = (T, String)>,
) {
    pair(ui, |ui| {
        let label = f.label(ui, key);
        let response = ComboBox::from_id_salt(f.id(key))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (option, text) in options {
                    ui.selectable_value(value, option, text);
                }
            })
            .response;
        response.labelled_by(label.id);
    });
}

fn milestone_field(ui: &mut Ui, f: &Fields<'_>, value: &mut MilestoneKind) {
    let shown = milestone_label(f.lang, *value).into_owned();
    let options = MilestoneKind::ALL
        .into_iter()
        .map(|kind| (kind, milestone_label(f.lang, kind).into_owned()));
    choice(ui, f, "scenarios.field.milestone", value, shown, options);
}

fn kind_field(ui: &mut Ui, f: &Fields<'_>, value: &mut EquipmentKind) {
    let shown = equipment_label(f.lang, *value).into_owned();
    let options = EquipmentKind::ALL
        .into_iter()
        .map(|kind| (kind, equipment_label(f.lang, kind).into_owned()));
    choice(ui, f, "scenarios.field.kind", value, shown, options);
}

/// The catalogue's modules still offered, and the current one whatever it is.
fn module_field(ui: &mut Ui, f: &Fields<'_>, value: &mut ModuleId) {
    let shown = module_title(f.project, value);
    let current = value.clone();
    let options = f
        .project
        .catalogue
        .iter()
        .filter(|(id, module)| !module.retired || **id == current)
        .map(|(id, module)| (id.clone(), module.title.clone()));
    choice(ui, f, "scenarios.field.module", value, shown, options);
}

fn setting_field(ui: &mut Ui, f: &Fields<'_>, value: &mut ModelSetting) {
    let shown = setting_label(f.lang, *value).into_owned();
    let options = ModelSetting::ALL
        .into_iter()
        .map(|setting| (setting, setting_label(f.lang, setting).into_owned()));
    choice(ui, f, "scenarios.field.setting", value, shown, options);
}

/// The partner's purchases, "12 × Portatile (giu 2026)".
fn equipment_field(ui: &mut Ui, f: &Fields<'_>, partner: &PartnerId, value: &mut EquipmentId) {
    let Some(found) = f.project.partners.get(partner) else {
        return;
    };
    let describe = |id: &EquipmentId| {
        found.equipment.get(id).map_or_else(
            || id.to_string(),
            |e| {
                let month = e.delivered.map_or_else(
                    || tr(f.lang, "scenarios.field.awaited").into_owned(),
                    |m| format::month(f.lang, m),
                );
                format!(
                    "{} × {} ({month})",
                    format::integer(f.lang, e.quantity),
                    equipment_label(f.lang, e.kind)
                )
            },
        )
    };
    let shown = describe(value);
    let options = found.equipment.keys().map(|id| (id.clone(), describe(id)));
    choice(ui, f, "scenarios.field.purchase", value, shown, options);
}

pub fn first_equipment(project: &Project, partner: &PartnerId) -> Option<EquipmentId> {
    project
        .partners
        .get(partner)
        .and_then(|p| p.equipment.keys().next().cloned())
}

fn delivery_field(ui: &mut Ui, f: &Fields<'_>, value: &mut Month) {
    pair(ui, |ui| {
        let name = tr(f.lang, "scenarios.field.delivered");
        ui.label(name.as_ref());
        let (_, picked) = month_field(
            ui,
            f.id("delivered"),
            &name,
            Some(*value),
            f.months,
            f.lang,
            None,
        );
        if let Some(Some(month)) = picked {
            *value = month;
        }
    });
}

fn shift_field(ui: &mut Ui, f: &Fields<'_>, months: &mut i32) {
    pair(ui, |ui| {
        let label = f.label(ui, "scenarios.field.shift");
        let response = ui.add(
            Slider::new(months, -MAX_SHIFT..=MAX_SHIFT)
                .clamping(SliderClamping::Edits)
                .custom_formatter(|v, _| format::signed(f.lang, v, 0))
                .custom_parser(|t| {
                    parse::integer(f.lang, t.trim_start_matches('+')).map(|v| v as f64)
                }),
        );
        response.labelled_by(label.id);
    });
}

/// A share 0–1 edited as a percentage 0–`max`, in whole percents.
fn percent_field(ui: &mut Ui, f: &Fields<'_>, key: &str, share: &mut f64, max: f64) {
    pair(ui, |ui| {
        let label = f.label(ui, key);
        let response = percent_slider(ui, f.lang, share, 0.0..=max);
        response.labelled_by(label.id);
    });
}

fn percent_slider(
    ui: &mut Ui,
    lang: Lang,
    share: &mut f64,
    range: RangeInclusive<f64>,
) -> Response {
    let mut percent = *share * 100.0;
    let response = ui.add(
        Slider::new(&mut percent, range)
            .step_by(1.0)
            .clamping(SliderClamping::Edits)
            .custom_formatter(|v, _| format::percent(lang, v, if v.fract() == 0.0 { 0 } else { 1 }))
            .custom_parser(|t| parse::decimal(lang, t.trim_end_matches('%').trim())),
    );
    if response.changed() {
        // Whole percents stay whole shares (0.7, not 0.7000000000000001).
        *share = (percent * 100.0).round() / 10_000.0;
    }
    response
}

fn setting_value_field(ui: &mut Ui, f: &Fields<'_>, setting: ModelSetting, value: &mut f64) {
    pair(ui, |ui| {
        let label = f.label(ui, "scenarios.field.value");
        let (min, max) = setting.range();
        let response = if setting_is_percent(setting) {
            percent_slider(ui, f.lang, value, min * 100.0..=max * 100.0)
        } else {
            let response = ui.add(
                Slider::new(value, min..=max)
                    .logarithmic(true)
                    .clamping(SliderClamping::Edits)
                    .custom_formatter(|v, _| format::decimal(f.lang, v, 3))
                    .custom_parser(|t| parse::decimal(f.lang, t)),
            );
            if response.changed() {
                // A drag lands between pixels: keep what the field shows and a bit more.
                *value = (*value * 10_000.0).round() / 10_000.0;
            }
            response
        };
        response.labelled_by(label.id);
    });
}
