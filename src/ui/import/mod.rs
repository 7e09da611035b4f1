//! The import dialog: what a spreadsheet (or a handful of filled templates) would change,
//! shown before anything changes. Each sheet's columns can be mapped again, every refused
//! row says why next to its number, unknown Comuni can be created, and each conflict with
//! the project is kept or overwritten. The dialog only emits `ImportAction`s; the app
//! re-plans and, on Apply, sends the whole import as one batch (one undo step).

mod conflicts;
mod preview;
mod reading;

use egui::{Button, Modal, RichText, ScrollArea, Ui};

pub use reading::reading_dialog;

use crate::exchange::change::Resolution;
use crate::exchange::session::{ImportSession, Source};
use crate::exchange::{FieldKey, FileKind, describe};
use crate::i18n::{Lang, plural, tr, tr_args};
use crate::model::Project;

/// What the user did in the dialog this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportAction {
    /// Show this sheet's mapping and rows.
    Select(usize),
    Include(usize, bool),
    SetKind(usize, FileKind),
    SetField {
        source: usize,
        column: usize,
        field: Option<FieldKey>,
    },
    CreateMissing(bool),
    Resolve {
        source: usize,
        change: usize,
        resolution: Resolution,
    },
    ResolveAll(Resolution),
    /// Apply; `valid_only` when some rows are refused and the user takes the others.
    Apply {
        valid_only: bool,
    },
    Cancel,
}

/// How many rows of the selected sheet the preview shows.
pub const PREVIEW_ROWS: usize = 8;
/// Refused rows listed in full; the rest are counted.
const ERRORS_LISTED: usize = 200;

/// Draws the dialog over the window.
pub fn import_dialog(
    ctx: &egui::Context,
    lang: Lang,
    project: &Project,
    session: &ImportSession,
    selected: usize,
) -> Vec<ImportAction> {
    let mut actions = Vec::new();
    let width = (ctx.content_rect().width() - 80.0).clamp(480.0, 1200.0);
    let height = (ctx.content_rect().height() - 120.0).max(320.0);
    Modal::new(egui::Id::unique("cruscotto.import")).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading(tr(lang, "import.title"));
        ScrollArea::vertical()
            .max_height(height - 80.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if session.sources.len() > 1 {
                    sources_list(ui, lang, session, selected, &mut actions);
                    ui.separator();
                }
                if let Some(source) = session.sources.get(selected) {
                    source_details(ui, lang, project, selected, source, &mut actions);
                }
                ui.separator();
                unknown_comuni(ui, lang, session, &mut actions);
                conflicts::list(ui, lang, project, session, &mut actions);
            });
        ui.separator();
        footer(ui, lang, session, &mut actions);
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        actions.push(ImportAction::Cancel);
    }
    actions
}

/// One line per sheet: take it or not, and its counts; a click shows it below.
fn sources_list(
    ui: &mut Ui,
    lang: Lang,
    session: &ImportSession,
    selected: usize,
    actions: &mut Vec<ImportAction>,
) {
    ui.label(RichText::new(tr(lang, "import.sheets")).strong());
    for (index, source) in session.sources.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut included = source.included;
            if ui
                .checkbox(&mut included, "")
                .on_hover_text(tr(lang, "import.include_hint"))
                .changed()
            {
                actions.push(ImportAction::Include(index, included));
            }
            let title = source.title();
            if ui.selectable_label(index == selected, title).clicked() {
                actions.push(ImportAction::Select(index));
            }
            ui.label(source_summary(lang, source));
        });
    }
}

fn source_summary(lang: Lang, source: &Source) -> String {
    match (&source.plan, source.kind()) {
        (Some(plan), Some(kind)) => tr_args(
            lang,
            "import.source_summary",
            &[
                ("kind", &describe::kind_name(lang, kind)),
                ("valid", &plan.rows_valid.len().to_string()),
                ("rejected", &plan.rows_rejected().len().to_string()),
            ],
        ),
        (None, Some(kind)) => describe::kind_name(lang, kind),
        _ => tr(lang, "import.kind_unknown").into_owned(),
    }
}

fn source_details(
    ui: &mut Ui,
    lang: Lang,
    project: &Project,
    index: usize,
    source: &Source,
    actions: &mut Vec<ImportAction>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(source.title()).strong());
        let kind_label = ui.label(tr(lang, "import.kind"));
        let current = source.kind();
        let shown = current.map_or_else(
            || tr(lang, "import.kind_choose").into_owned(),
            |k| describe::kind_name(lang, k),
        );
        egui::ComboBox::from_id_salt(("import_kind", index))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for kind in FileKind::ALL {
                    if ui
                        .selectable_label(current == Some(kind), describe::kind_name(lang, kind))
                        .clicked()
                    {
                        actions.push(ImportAction::SetKind(index, kind));
                    }
                }
            })
            .response
            .labelled_by(kind_label.id);
        if let Ok(prepared) = &source.prepared
            && prepared.recalled
        {
            ui.label(tr(lang, "import.recalled"));
        }
    });
    match &source.prepared {
        Ok(prepared) => {
            preview::mapping_and_rows(ui, lang, project, index, source, prepared, actions);
            if let Some(plan) = &source.plan {
                refused_rows(ui, lang, plan);
            }
        }
        Err(error) => {
            ui.label(
                RichText::new(tr_args(
                    lang,
                    "import.not_recognised",
                    &[("why", &error.to_string())],
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
    }
}

/// Every refused row of the sheet: row, column, value and why.
fn refused_rows(ui: &mut Ui, lang: Lang, plan: &crate::exchange::plan::Plan) {
    if plan.errors.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(tr_args(
            lang,
            "import.refused_rows",
            &[("count", &plan.rows_rejected().len().to_string())],
        ))
        .strong(),
    );
    for error in plan.errors.iter().take(ERRORS_LISTED) {
        ui.label(row_error_text(lang, error));
    }
    if plan.errors.len() > ERRORS_LISTED {
        let more = (plan.errors.len() - ERRORS_LISTED) as i64;
        ui.label(plural(lang, "import.more_errors", more, &[]));
    }
}

/// "Riga 7, colonna C (Mese), «13/2025»: …".
pub fn row_error_text(lang: Lang, error: &crate::exchange::row::RowError) -> String {
    let why = describe::reason(lang, &error.reason);
    if error.column.is_some() {
        tr_args(
            lang,
            "import.row_error_cell",
            &[
                ("row", &error.row.to_string()),
                ("column", &error.column_letter()),
                ("header", &error.header),
                ("value", &error.value),
                ("why", &why),
            ],
        )
    } else {
        tr_args(
            lang,
            "import.row_error_row",
            &[("row", &error.row.to_string()), ("why", &why)],
        )
    }
}

fn unknown_comuni(
    ui: &mut Ui,
    lang: Lang,
    session: &ImportSession,
    actions: &mut Vec<ImportAction>,
) {
    let unknown: std::collections::BTreeSet<&String> =
        session.plans().flat_map(|p| p.unknown.iter()).collect();
    let created: Vec<&str> = session
        .plans()
        .flat_map(|p| p.created.iter().map(|c| c.name.as_str()))
        .collect();
    if unknown.is_empty() && created.is_empty() && !session.options.create_missing {
        return;
    }
    if !unknown.is_empty() {
        ui.label(
            RichText::new(tr_args(
                lang,
                "import.unknown_comuni",
                &[(
                    "names",
                    &unknown
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )],
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    if !created.is_empty() {
        ui.label(tr_args(
            lang,
            "import.created_comuni",
            &[("names", &created.join(", "))],
        ));
    }
    let mut create = session.options.create_missing;
    if ui
        .checkbox(&mut create, tr(lang, "import.create_missing"))
        .changed()
    {
        actions.push(ImportAction::CreateMissing(create));
    }
}

fn footer(ui: &mut Ui, lang: Lang, session: &ImportSession, actions: &mut Vec<ImportAction>) {
    let totals = session.totals();
    ui.label(tr_args(
        lang,
        "import.totals",
        &[
            ("read", &totals.rows_read.to_string()),
            ("valid", &totals.rows_valid.to_string()),
            ("rejected", &totals.rows_rejected.to_string()),
            ("conflicts", &totals.conflicts.to_string()),
        ],
    ));
    let anything = totals.rows_valid > 0;
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "import.cancel")).clicked() {
            actions.push(ImportAction::Cancel);
        }
        if totals.rows_rejected > 0 || totals.unmapped > 0 {
            let label = plural(lang, "import.apply_valid", totals.rows_valid as i64, &[]);
            if ui.add_enabled(anything, Button::new(label)).clicked() {
                actions.push(ImportAction::Apply { valid_only: true });
            }
        } else if ui
            .add_enabled(anything, Button::new(tr(lang, "import.apply")))
            .clicked()
        {
            actions.push(ImportAction::Apply { valid_only: false });
        }
    });
}
