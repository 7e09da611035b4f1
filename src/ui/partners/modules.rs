//! Chosen modules (moduli aziendali) with their sessions: a chooser for the modules the
//! catalogue still offers, up to the programme's maximum, then one block per chosen module
//! with its enrolment, completion and person-hours, and its attendance register (registro
//! presenze) as a table.

use egui::{Align, CollapsingHeader, ComboBox, Frame, Layout, RichText, TextStyle, Ui};
use jiff::civil::Date;

use super::data_marks as marks;
use super::edit_table::EditTable;
use super::{PartnerData, Section};
use crate::fields::sessions::SessionsSheet;
use crate::i18n::findings::area_label;
use crate::i18n::{format, plural, tr, tr_args};
use crate::model::validate::{Field, Target};
use crate::model::{
    Edit, Module, ModuleChoice, ModuleId, Month, Partner, PartnerId, Session, SessionId,
    slug_unique,
};
use crate::ui::widgets::{FieldFindings, integer_field, section};
use crate::ui::{ViewCtx, theme};

#[derive(Default)]
pub struct ModulesSection {}

impl Section for ModulesSection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, findings) = data.parts();
        chooser(ui, cx, id, partner);
        if partner.modules.is_empty() {
            section::note(ui, &cx.t("partner_data.modules.none"));
            return;
        }
        for (module, choice) in ordered_choices(cx, partner) {
            ui.add_space(6.0);
            module_block(ui, cx, id, module, choice, findings);
        }
    }
}

/// The chosen modules by area, then title; modules missing from the catalogue last.
fn ordered_choices<'p>(
    cx: &ViewCtx<'_>,
    partner: &'p Partner,
) -> Vec<(&'p ModuleId, &'p ModuleChoice)> {
    let mut choices: Vec<_> = partner.modules.iter().collect();
    choices.sort_by_cached_key(|(id, _)| {
        let entry = cx.project.catalogue.get(*id);
        (
            entry.is_none(),
            entry.map(|m| m.area),
            entry.map(|m| m.title.to_lowercase()),
            (*id).clone(),
        )
    });
    choices
}

/// "7 moduli scelti su 9" and the drop-down of the modules still offered; at the maximum
/// the drop-down is disabled and a note says why.
fn chooser(ui: &mut Ui, cx: &mut ViewCtx<'_>, id: &PartnerId, partner: &Partner) {
    let lang = cx.lang;
    let max = cx.project.meta.max_modules_per_partner;
    let chosen = partner.modules.len();
    let at_max = chosen >= max as usize;
    let at_max_text = plural(lang, "partner_data.modules.at_max", i64::from(max), &[]);
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        let count = plural(
            lang,
            "partner_data.modules.count",
            chosen as i64,
            &[("max", &format::integer(lang, i64::from(max)))],
        );
        let color = if chosen > max as usize {
            theme::bad_text(ui.visuals())
        } else {
            ui.visuals().strong_text_color()
        };
        ui.label(RichText::new(count).strong().color(color));
        if !cx.editable {
            return;
        }
        let offered = offered_modules(cx, partner);
        let enabled = !at_max && !offered.is_empty();
        let width = ui.text_style_height(&TextStyle::Body) * 18.0;
        let combo = ui.add_enabled_ui(enabled, |ui| {
            ComboBox::from_id_salt(marks::root(id).with("choose"))
                .selected_text(tr(lang, "partner_data.modules.choose"))
                .width(width)
                .height(ui.text_style_height(&TextStyle::Body) * 24.0)
                .show_ui(ui, |ui| {
                    let mut area = None;
                    for (module, entry) in &offered {
                        if area != Some(entry.area) {
                            area = Some(entry.area);
                            let name = area_label(lang, entry.area);
                            ui.label(RichText::new(name).small().weak());
                        }
                        if ui
                            .selectable_label(false, module_title(module, entry))
                            .clicked()
                        {
                            picked = Some((*module).clone());
                        }
                    }
                })
                .response
        });
        let response = combo
            .inner
            .accessible_name(tr(lang, "partner_data.modules.choose_name"));
        if at_max {
            response.on_disabled_hover_text(&at_max_text);
        } else if offered.is_empty() {
            response.on_disabled_hover_text(tr(lang, "partner_data.modules.none_left"));
        }
    });
    if cx.editable && at_max {
        section::note(ui, &at_max_text);
    }
    if let Some(module) = picked {
        cx.outbox.edit(Edit::ChooseModule {
            partner: id.clone(),
            module,
        });
    }
}

/// Catalogue modules not retired and not chosen yet, by area then title.
fn offered_modules<'a>(cx: &ViewCtx<'a>, partner: &Partner) -> Vec<(&'a ModuleId, &'a Module)> {
    let mut offered: Vec<_> = (cx.project.catalogue.iter())
        .filter(|(id, entry)| !entry.retired && !partner.modules.contains_key(*id))
        .collect();
    offered.sort_by_cached_key(|(id, entry)| (entry.area, entry.title.to_lowercase(), *id));
    offered
}

/// The module's title, or its id when the title is blank.
fn module_title<'a>(id: &'a ModuleId, entry: &'a Module) -> &'a str {
    if entry.title.trim().is_empty() {
        id.as_str()
    } else {
        &entry.title
    }
}

/// What the block of one chosen module reads.
struct Block<'a> {
    partner: &'a PartnerId,
    module: &'a ModuleId,
    choice: &'a ModuleChoice,
    entry: Option<&'a Module>,
    title: &'a str,
}

fn module_block(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    partner: &PartnerId,
    module: &ModuleId,
    choice: &ModuleChoice,
    findings: &FieldFindings,
) {
    let entry = cx.project.catalogue.get(module);
    let block = Block {
        partner,
        module,
        choice,
        entry,
        title: entry.map_or(module.as_str(), |entry| module_title(module, entry)),
    };
    Frame::group(ui.style()).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        block_header(ui, cx, &block);
        let target = Target::PartnerModule(partner.clone(), module.clone());
        for mark in marks::item(cx, findings, &target) {
            marks::note(ui, &mark);
        }
        counts(ui, cx, &block, findings);
        register(ui, cx, &block, findings);
    });
}

/// Title, area, planned hours and (editable) the button that removes the choice.
fn block_header(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block<'_>) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        let size = section::body_size(ui) * 1.15;
        ui.label(RichText::new(block.title).strong().size(size));
        let weak = ui.visuals().weak_text_color();
        match block.entry {
            Some(entry) => {
                ui.label(RichText::new(area_label(lang, entry.area)).color(weak));
                let hours = marks::number(lang, entry.hours);
                // "1 ora", "1,5 ore": only exactly one hour is singular.
                let form = i64::from(entry.hours == 1.0);
                let planned = plural(
                    lang,
                    "partner_data.modules.planned_hours",
                    form,
                    &[("hours", &hours)],
                );
                ui.label(RichText::new(planned).color(weak));
            }
            None => {
                let text = tr(lang, "partner_data.modules.unknown_area");
                ui.label(RichText::new(text).color(theme::bad_text(ui.visuals())));
            }
        }
        if !cx.editable {
            return;
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let name = tr_args(
                lang,
                "partner_data.modules.remove_name",
                &[("module", block.title)],
            );
            let response = ui
                .button(tr(lang, "partner_data.modules.remove"))
                .accessible_name(name)
                .on_hover_text(tr(lang, "partner_data.modules.remove_hint"));
            if response.clicked() {
                cx.outbox.edit(Edit::PutModuleChoice {
                    partner: block.partner.clone(),
                    module: block.module.clone(),
                    choice: None,
                });
            }
        });
    });
}

/// Enrolled and completed (editable), completion and person-hours (derived).
fn counts(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block<'_>, findings: &FieldFindings) {
    let lang = cx.lang;
    let choice = block.choice;
    let target = Target::PartnerModule(block.partner.clone(), block.module.clone());
    let enrolled_mark = marks::field(cx, findings, &target, Field::Enrolled);
    let completed_mark = marks::field(cx, findings, &target, Field::Completed);
    let root = marks::root(block.partner).with(("module", block.module));
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        let fields = [
            (
                "partner_data.modules.enrolled",
                choice.enrolled,
                &enrolled_mark,
            ),
            (
                "partner_data.modules.completed",
                choice.completed,
                &completed_mark,
            ),
        ];
        for (index, (key, value, mark)) in fields.into_iter().enumerate() {
            let label = tr(lang, key);
            ui.label(label.as_ref());
            if cx.editable {
                let name = tr_args(
                    lang,
                    "partner_data.modules.field_name",
                    &[("field", &label), ("module", block.title)],
                );
                let problem = mark.as_ref().map(|m| m.text.as_str());
                let out = integer_field(ui, root.with(key), &name, value, lang, problem);
                if let Some(new) = out.value {
                    changed = Some(if index == 0 {
                        (new, choice.completed)
                    } else {
                        (choice.enrolled, new)
                    });
                }
            } else {
                ui.label(RichText::new(format::integer(lang, value)).strong());
            }
            ui.add_space(8.0);
        }
        ui.separator();
        let completion = (choice.enrolled > 0)
            .then(|| choice.completed as f64 / choice.enrolled as f64 * 100.0)
            .map_or_else(
                || format::MISSING.to_owned(),
                |p| format::percent(lang, p, 1),
            );
        ui.label(tr(lang, "partner_data.modules.completion"))
            .on_hover_text(tr(lang, "partner_data.modules.completion_hint"));
        ui.label(RichText::new(completion).strong());
        if let Some(entry) = block.entry {
            ui.separator();
            ui.label(tr(lang, "partner_data.modules.delivered"))
                .on_hover_text(tr(lang, "partner_data.modules.delivered_hint"));
            let delivered = crate::analysis::delivered_share(choice, entry).map_or_else(
                || format::MISSING.to_owned(),
                |share| format::percent(lang, share * 100.0, 0),
            );
            ui.label(RichText::new(delivered).strong());
        }
        ui.separator();
        ui.label(tr(lang, "partner_data.modules.person_hours"))
            .on_hover_text(tr(lang, "partner_data.modules.person_hours_hint"));
        let hours = format::decimal(lang, choice.person_hours(), 1);
        ui.label(RichText::new(hours).strong());
    });
    for mark in [enrolled_mark, completed_mark].into_iter().flatten() {
        marks::note(ui, &mark);
    }
    if let Some((enrolled, completed)) = changed {
        cx.outbox.edit(Edit::SetModuleCounts {
            partner: block.partner.clone(),
            module: block.module.clone(),
            enrolled,
            completed,
        });
    }
}

/// The attendance register, folded by default unless a session has a finding.
fn register(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block<'_>, findings: &FieldFindings) {
    let lang = cx.lang;
    let sessions = &block.choice.sessions;
    let flagged = marks::any(
        cx,
        findings,
        |target| matches!(target, Target::Session(p, m, _) if p == block.partner && m == block.module),
    );
    let count = sessions.len();
    let mut title = format!(
        "{} · {}",
        tr(lang, "partner_data.sessions.register"),
        if count == 1 {
            tr(lang, "partner_data.sessions.count_one").into_owned()
        } else {
            tr_args(
                lang,
                "partner_data.sessions.count_other",
                &[("count", &format::integer(lang, count as i64))],
            )
        }
    );
    if flagged {
        title.push_str(" · ");
        title.push_str(&tr(lang, "partner_data.sessions.with_findings"));
    }
    // Every module's register reads alike on screen; a screen reader also hears whose.
    let name = format!("{title} · {}", block.title);
    let root = marks::root(block.partner).with(("module", block.module));
    let shown = CollapsingHeader::new(title)
        .id_salt(root.with("register"))
        .default_open(flagged)
        .show(ui, |ui| {
            if sessions.is_empty() {
                section::note(ui, &tr(lang, "partner_data.sessions.none"));
            } else {
                sessions_table(ui, cx, block, findings);
            }
            if cx.editable {
                let name = tr_args(
                    lang,
                    "partner_data.sessions.add_name",
                    &[("module", block.title)],
                );
                let response = ui
                    .button(tr(lang, "partner_data.sessions.add"))
                    .accessible_name(name);
                if response.clicked() {
                    add_session(cx, block);
                }
            }
        });
    shown.header_response.accessible_name(name);
}

fn add_session(cx: &mut ViewCtx<'_>, block: &Block<'_>) {
    let meta = &cx.project.meta;
    // A new session is like the last one held (courses run in sessions of the same length);
    // the first one lasts the whole planned module until the user says otherwise.
    let planned = block.entry.map(|entry| entry.hours);
    let last = (block.choice.sessions.values())
        .max_by_key(|s| s.date)
        .map(|s| s.hours);
    let hours = [last, planned]
        .into_iter()
        .flatten()
        .find(|h| h.is_finite() && *h > 0.0)
        .unwrap_or(1.0);
    let today = jiff::ZonedDateTime::now().date();
    let sessions = &block.choice.sessions;
    let (session, value) = new_session(today, (meta.start, meta.end), hours, |id| {
        sessions.contains_key(&SessionId::from(id))
    });
    cx.outbox.edit(Edit::PutSession {
        partner: block.partner.clone(),
        module: block.module.clone(),
        session,
        value: Some(value),
    });
}

/// A new session on `today` moved into the programme, lasting `hours`, nobody attending yet;
/// its id is `s-YYYYMMDD`, with `-2`, `-3`… when `taken`.
pub(crate) fn new_session(
    today: Date,
    programme: (Month, Month),
    hours: f64,
    taken: impl Fn(&str) -> bool,
) -> (SessionId, Session) {
    let first = programme.0.first_day();
    let last = programme.1.first_day().last_of_month();
    let date = if first <= last {
        today.clamp(first, last)
    } else {
        first
    };
    let stem = format!("s-{:04}{:02}{:02}", date.year(), date.month(), date.day());
    let id = SessionId::new(slug_unique(&stem, taken));
    let session = Session {
        date,
        hours,
        attendees: 0,
    };
    (id, session)
}

/// One row per session, by date: date, hours, attendees, person-hours, delete, findings.
fn sessions_table(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block<'_>, findings: &FieldFindings) {
    let lang = cx.lang;
    let sheet = SessionsSheet::new(block.partner, block.module, block.choice);
    let root = marks::root(block.partner).with(("module", block.module));
    let number = |row: usize| format::integer(lang, row as i64 + 1);
    let cell_name = |row, field: &str| {
        let number = number(row);
        let args = [
            ("field", field),
            ("number", &number),
            ("module", block.title),
        ];
        tr_args(lang, "partner_data.sessions.cell_name", &args)
    };
    let delete_name = |row| {
        let number = number(row);
        let args = [("number", number.as_str()), ("module", block.title)];
        tr_args(lang, "partner_data.sessions.delete_name", &args)
    };
    EditTable::new(&sheet, root.with("sessions"), cell_name)
        .delete(tr(lang, "partner_data.sessions.delete").into(), delete_name)
        .show(ui, cx, findings);
}

#[cfg(test)]
#[path = "modules_tests.rs"]
mod tests;
