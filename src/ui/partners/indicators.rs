//! POLA/PIAO indicators: for each indicator of the project's catalogue, the partner's
//! baseline and yearly targets (editable), its latest observed value and whether that value
//! is on track for the target of its year. The observed values of one indicator open below
//! the table, to add, change or delete them.

use egui::{Align, Button, Frame, Label, Layout, RichText, Ui};
use egui_extras::Column;

use super::data_marks as marks;
use super::edit_table::{EditTable, Extra};
use super::{PartnerData, Section};
use crate::fields::Sheet;
use crate::fields::indicators::{IndicatorRow, IndicatorsSheet};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::validate::{Field, Target};
use crate::model::{Edit, IndicatorBlock, IndicatorId, IndicatorValues, Month, PartnerId};
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{decimal_field, form, month_field, section};
use crate::ui::{ViewCtx, theme};

#[derive(Default)]
pub struct IndicatorsSection {
    /// The indicator whose observed values are open, and whose partner.
    open: Option<(PartnerId, IndicatorId)>,
    /// A month picked for an observed value that another value already has.
    taken: Option<(PartnerId, IndicatorId, Month)>,
}

/// Whether an indicator's latest observed value meets the target of its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    OnTrack,
    OffTrack,
    /// Nothing observed, no target for the year of the latest value, or a value that is not
    /// a number.
    Unknown,
}

/// The latest observed value against the target of the year it was observed in: at least
/// the target when higher is better, at most the target when lower is better.
pub fn target_status(values: &IndicatorValues, higher_is_better: bool) -> TargetStatus {
    let Some((month, &value)) = values.observed.last_key_value() else {
        return TargetStatus::Unknown;
    };
    let Some(&target) = values.targets.get(&month.year()) else {
        return TargetStatus::Unknown;
    };
    if !(value.is_finite() && target.is_finite()) {
        return TargetStatus::Unknown;
    }
    let met = if higher_is_better {
        value >= target
    } else {
        value <= target
    };
    if met {
        TargetStatus::OnTrack
    } else {
        TargetStatus::OffTrack
    }
}

fn block_key(block: IndicatorBlock) -> &'static str {
    match block {
        IndicatorBlock::OrganisationalHealth => "partner_data.block.organisational_health",
        IndicatorBlock::ProfessionalHealth => "partner_data.block.professional_health",
        IndicatorBlock::DigitalHealth => "partner_data.block.digital_health",
        IndicatorBlock::EconomicHealth => "partner_data.block.economic_health",
        IndicatorBlock::Efficiency => "partner_data.block.efficiency",
        IndicatorBlock::Effectiveness => "partner_data.block.effectiveness",
        IndicatorBlock::Impacts => "partner_data.block.impacts",
    }
}

impl Section for IndicatorsSection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, _) = data.parts();
        let project = cx.project;
        let years: Vec<i32> = (project.meta.start.year()..=project.meta.end.year()).collect();
        let sheet = IndicatorsSheet::new(id, partner, &project.indicators, &years);
        if sheet.is_empty() {
            section::note(ui, &cx.t("partner_data.indicators.none"));
            return;
        }
        self.table(ui, cx, data, &sheet);
        let open = self
            .open
            .as_ref()
            .filter(|(partner_id, _)| partner_id == id)
            .and_then(|(_, indicator)| sheet.rows.iter().find(|row| row.id == indicator));
        if let Some(row) = open {
            ui.add_space(8.0);
            self.observed(ui, cx, data, row);
        }
    }
}

impl IndicatorsSection {
    fn table(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        data: PartnerData<'_>,
        sheet: &IndicatorsSheet<'_>,
    ) {
        let (partner, _, findings) = data.parts();
        let lang = cx.lang;
        let editable = cx.editable;
        let rows = &sheet.rows;
        let body = section::body_size(ui);
        let widths = Widths::fit(ui, sheet.columns().len() - 1);
        let open = self.open.clone();
        let mut toggled = None;
        let mut removed = None;
        let text = |key| tr(lang, key).into_owned();
        let mut table = EditTable::new(
            sheet,
            marks::root(partner).with("indicators"),
            |row, field| {
                let args = [("field", field), ("indicator", rows[row].name())];
                tr_args(lang, "partner_data.indicators.cell_name", &args)
            },
        )
        .lead(Extra {
            header: text("partner_data.indicators.name"),
            hint: None,
            width: Column::exact(widths.name).clip(true),
            cell: Box::new(|ui: &mut Ui, row| name_cell(ui, lang, &rows[row])),
        });
        if widths.block {
            table = table.lead(Extra {
                header: text("partner_data.indicators.block"),
                hint: None,
                width: Column::exact(body * 11.0).clip(true),
                cell: Box::new(|ui: &mut Ui, row| {
                    ui.add(Label::new(block_text(lang, &rows[row]).as_ref()).truncate());
                }),
            });
        }
        table
            .trail(Extra {
                header: text("partner_data.indicators.latest"),
                hint: None,
                width: Column::auto().at_least(body * 7.0),
                cell: Box::new(|ui: &mut Ui, row| {
                    ui.label(latest_text(lang, rows[row].values));
                }),
            })
            .trail(Extra {
                header: text("partner_data.indicators.status"),
                hint: None,
                width: Column::auto(),
                cell: Box::new(|ui: &mut Ui, row| {
                    let values = rows[row].values.cloned().unwrap_or_default();
                    status_cell(ui, lang, &rows[row], &values);
                }),
            })
            .trail(Extra {
                header: String::new(),
                hint: None,
                width: Column::auto(),
                cell: Box::new(|ui: &mut Ui, row| {
                    let indicator = &rows[row];
                    let is_open = open
                        .as_ref()
                        .is_some_and(|(p, i)| p == partner && i == indicator.id);
                    match values_button(ui, lang, indicator, is_open, editable) {
                        Some(ValuesButton::Toggle) => {
                            toggled = Some((indicator.id.clone(), is_open))
                        }
                        Some(ValuesButton::Remove) => removed = Some(row),
                        None => {}
                    }
                }),
            })
            .findings_width(100.0)
            .more_fields(&[Field::ObservedValue, Field::ObservedMonth])
            .show(ui, cx, findings);
        if let Some(row) = removed {
            cx.outbox.edit(sheet.put_values(row, None));
        }
        if let Some((indicator, was_open)) = toggled {
            self.open = (!was_open).then(|| (partner.clone(), indicator));
            self.taken = None;
        }
    }

    /// The open indicator's observed values: month and value of each, to change or delete,
    /// and a button to add one.
    fn observed(&mut self, ui: &mut Ui, cx: &mut ViewCtx, data: PartnerData, row: &IndicatorRow) {
        let (partner, _, findings) = data.parts();
        let lang = cx.lang;
        let editable = cx.editable;
        let name = row.name();
        let values = row.values.cloned().unwrap_or_default();
        let programme = (cx.project.meta.start, cx.project.meta.end);
        let target = Target::PartnerIndicator(partner.clone(), row.id.clone());
        let value_mark = marks::field(cx, findings, &target, Field::ObservedValue);
        let month_mark = marks::field(cx, findings, &target, Field::ObservedMonth);
        let root = marks::root(partner).with(("indicator_observed", row.id));
        let put = |value: IndicatorValues| Edit::PutIndicatorValues {
            partner: partner.clone(),
            indicator: row.id.clone(),
            value: Some(value),
        };
        let mut edits = Vec::new();
        let mut close = false;
        let mut taken = None;
        Frame::group(ui.style()).inner_margin(8).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let title = tr_args(
                    lang,
                    "partner_data.indicators.observed_title",
                    &[("indicator", name)],
                );
                ui.label(RichText::new(title).strong());
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    close = ui
                        .button(tr(lang, "partner_data.indicators.close"))
                        .clicked();
                });
            });
            if values.observed.is_empty() {
                section::note(ui, &tr(lang, "partner_data.indicators.observed_none"));
            }
            let month_header = tr(lang, "partner_data.indicators.observed_month");
            let value_header = tr(lang, "partner_data.indicators.observed_value");
            // Rows of cells of fixed widths, so the columns line up under their headings.
            let body = section::body_size(ui);
            let (month_width, value_width) = (body * 7.5, body * 6.5);
            if !values.observed.is_empty() {
                ui.horizontal(|ui| {
                    form::cell(ui, month_width, |ui| ui.strong(month_header.as_ref()));
                    form::cell(ui, value_width, |ui| ui.strong(value_header.as_ref()));
                });
            }
            for (index, (month, value)) in values.observed.iter().enumerate() {
                ui.horizontal(|ui| {
                    let number = format::integer(lang, index as i64 + 1);
                    let cell_name = |field: &str| {
                        tr_args(
                            lang,
                            "partner_data.indicators.observed_cell_name",
                            &[("field", field), ("number", &number), ("indicator", name)],
                        )
                    };
                    if !editable {
                        form::cell(ui, month_width, |ui| ui.label(format::month(lang, *month)));
                        form::cell(ui, value_width, |ui| ui.label(marks::number(lang, *value)));
                        return;
                    }
                    let outside = *month < programme.0 || *month > programme.1;
                    let (_, picked) = form::cell(ui, month_width, |ui| {
                        month_field(
                            ui,
                            root.with(("month", index)),
                            &cell_name(&month_header),
                            Some(*month),
                            programme,
                            lang,
                            marks::text(&month_mark).filter(|_| outside),
                        )
                    });
                    if let Some(Some(new_month)) = picked {
                        if values.observed.contains_key(&new_month) {
                            taken = Some(new_month);
                        } else {
                            let mut changed = values.clone();
                            changed.observed.remove(month);
                            changed.observed.insert(new_month, *value);
                            edits.push(put(changed));
                        }
                    }
                    let out = form::cell(ui, value_width, |ui| {
                        decimal_field(
                            ui,
                            root.with(("value", *month)),
                            &cell_name(&value_header),
                            *value,
                            lang,
                            marks::text(&value_mark).filter(|_| !value.is_finite()),
                        )
                    });
                    if let Some(new_value) = out.value {
                        let mut changed = values.clone();
                        changed.observed.insert(*month, new_value);
                        edits.push(put(changed));
                    }
                    let delete_name = tr_args(
                        lang,
                        "partner_data.indicators.observed_delete_name",
                        &[("number", &number), ("indicator", name)],
                    );
                    let response = ui
                        .add(
                            Button::new(tr(lang, "partner_data.indicators.observed_delete"))
                                .small(),
                        )
                        .accessible_name(delete_name);
                    if response.clicked() {
                        let mut changed = values.clone();
                        changed.observed.remove(month);
                        edits.push(put(changed));
                    }
                });
            }
            let shown_taken = self
                .taken
                .as_ref()
                .filter(|(p, i, _)| p == partner && i == row.id)
                .map(|(_, _, month)| *month);
            if let Some(month) = shown_taken {
                let text = tr_args(
                    lang,
                    "partner_data.indicators.month_taken",
                    &[("month", &format::month(lang, month))],
                );
                ui.label(RichText::new(text).color(theme::bad_text(ui.visuals())));
            }
            for mark in [&value_mark, &month_mark].into_iter().flatten() {
                marks::note(ui, mark);
            }
            if editable
                && ui
                    .button(tr(lang, "partner_data.indicators.observed_add"))
                    .clicked()
            {
                let month = free_month(&values, cx.dashboard.as_of, programme);
                let value = (values.observed.values().next_back().copied())
                    .or(values.baseline)
                    .unwrap_or(0.0);
                let mut changed = values.clone();
                changed.observed.insert(month, value);
                edits.push(put(changed));
            }
        });
        if close {
            self.open = None;
        }
        if let Some(month) = taken {
            self.taken = Some((partner.clone(), row.id.clone(), month));
        } else if !edits.is_empty() {
            self.taken = None;
        }
        for edit in edits {
            cx.outbox.edit(edit);
        }
    }
}

/// "15,8 (dic 2026)": the latest observed value and its month, or "—".
fn latest_text(lang: Lang, values: Option<&IndicatorValues>) -> String {
    let latest = values.and_then(|values| values.observed.last_key_value());
    latest.map_or_else(
        || format::MISSING.to_owned(),
        |(month, value)| {
            let month = format::month(lang, *month);
            format!("{} ({month})", marks::number(lang, *value))
        },
    )
}

enum ValuesButton {
    Toggle,
    Remove,
}

/// The button that opens an indicator's observed values, or (for an indicator the catalogue
/// no longer has) removes the values the partner keeps.
fn values_button(
    ui: &mut Ui,
    lang: Lang,
    row: &IndicatorRow<'_>,
    open: bool,
    editable: bool,
) -> Option<ValuesButton> {
    let name = [("indicator", row.name())];
    if row.def.is_none() {
        if !editable {
            return None;
        }
        let button = Button::new(tr(lang, "partner_data.indicators.remove_values")).small();
        let label = tr_args(lang, "partner_data.indicators.remove_values_name", &name);
        return (ui.add(button).accessible_name(label).clicked()).then_some(ValuesButton::Remove);
    }
    let count = row.values.map_or(0, |values| values.observed.len());
    let count = format::integer(lang, count as i64);
    let text = tr_args(lang, "partner_data.indicators.values", &[("count", &count)]);
    let label = tr_args(lang, "partner_data.indicators.values_name", &name);
    let button = Button::new(text).selected(open).small();
    (ui.add(button).accessible_name(label).clicked()).then_some(ValuesButton::Toggle)
}

/// Column widths that fit the editor: the name takes what the value columns leave, and
/// the dimension column is left out (it shows on the name's hover) when there is no room.
struct Widths {
    name: f32,
    block: bool,
}

impl Widths {
    fn fit(ui: &Ui, years: usize) -> Widths {
        let body = section::body_size(ui);
        let gap = ui.spacing().item_spacing.x;
        let field = ui.text_style_height(&egui::TextStyle::Body) * 5.5 + 2.0 * gap;
        // Baseline and targets, latest value, status, values button, findings.
        let values = (1 + years) as f32 * field + body * 23.0 + 100.0 + 5.0 * gap;
        let room = ui.available_width() - values;
        let block = room >= body * 27.0;
        let left = if block {
            room - body * 11.0 - gap
        } else {
            room
        };
        Widths {
            name: left.clamp(body * 12.0, body * 22.0),
            block,
        }
    }
}

fn block_text(lang: Lang, row: &IndicatorRow<'_>) -> std::borrow::Cow<'static, str> {
    row.def.map_or_else(
        || tr(lang, "partner_data.indicators.unknown"),
        |def| tr(lang, block_key(def.block)),
    )
}

/// Where a new observed value goes: the first free month from `from` to the programme's
/// end, else the latest free one before `from`, else the first free one after the end.
fn free_month(values: &IndicatorValues, from: Month, programme: (Month, Month)) -> Month {
    let free = |month: &Month| !values.observed.contains_key(month);
    let (start, end) = programme;
    let from = from.max(start).min(end.max(start));
    (from.through(end).find(free))
        .or_else(|| start.through(from).filter(free).last())
        .or_else(|| (1..).map(|n| end.plus(n)).find(free))
        .unwrap_or(from)
}

/// The indicator's name, cut to the column with the whole name on hover, and its unit.
fn name_cell(ui: &mut Ui, lang: Lang, row: &IndicatorRow<'_>) {
    let name = row.name();
    let unit = row.def.map(|def| def.unit.trim()).unwrap_or("");
    let direction = row.def.map(|def| {
        if def.higher_is_better {
            tr(lang, "partner_data.indicators.higher_is_better")
        } else {
            tr(lang, "partner_data.indicators.lower_is_better")
        }
    });
    // "Km risparmiati nel mese (km)", then "Impatti · più alto è meglio".
    let mut hover = name.to_owned();
    if !unit.is_empty() {
        hover.push_str(&format!(" ({unit})"));
    }
    hover.push('\n');
    hover.push_str(&block_text(lang, row));
    if let Some(direction) = direction {
        hover.push_str(&format!(" · {direction}"));
    }
    ui.spacing_mut().item_spacing.x = 6.0;
    // The unit keeps its place at the column's end; the name, left-aligned, takes the rest.
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if !unit.is_empty() {
            ui.label(RichText::new(unit).color(ui.visuals().weak_text_color()));
        }
        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
            ui.add(Label::new(name).truncate()).on_hover_text(&hover);
        });
    });
}

/// "in linea" with a tick, "fuori obiettivo" with a warning sign, or "—"; the hover says
/// which value met or missed which target.
fn status_cell(ui: &mut Ui, lang: Lang, row: &IndicatorRow<'_>, values: &IndicatorValues) {
    let Some(def) = row.def else {
        ui.label(format::MISSING);
        return;
    };
    let status = target_status(values, def.higher_is_better);
    let hint = match values.observed.last_key_value() {
        None => tr(lang, "partner_data.indicators.no_observed_hint").into_owned(),
        Some((month, value)) => match values.targets.get(&month.year()) {
            None => tr(lang, "partner_data.indicators.no_target_hint").into_owned(),
            Some(target) => {
                let direction = if def.higher_is_better {
                    tr(lang, "partner_data.indicators.higher_is_better")
                } else {
                    tr(lang, "partner_data.indicators.lower_is_better")
                };
                tr_args(
                    lang,
                    "partner_data.indicators.status_hint",
                    &[
                        ("value", &marks::number(lang, *value)),
                        ("month", &format::month(lang, *month)),
                        ("year", &month.year().to_string()),
                        ("target", &marks::number(lang, *target)),
                        ("direction", &direction),
                    ],
                )
            }
        },
    };
    let response = match status {
        TargetStatus::OnTrack => {
            let text = RichText::new(tr(lang, "partner_data.indicators.on_track"));
            icons::icon_label(ui, Icon::Check, text, theme::good_text(ui.visuals()))
        }
        TargetStatus::OffTrack => {
            let text = RichText::new(tr(lang, "partner_data.indicators.off_track"));
            icons::icon_label(ui, Icon::Warning, text, theme::bad_text(ui.visuals()))
        }
        TargetStatus::Unknown => ui.label(format::MISSING),
    };
    response.on_hover_text(hint);
}

#[cfg(test)]
#[path = "indicators_tests.rs"]
mod tests;
