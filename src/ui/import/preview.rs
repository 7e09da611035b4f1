//! The selected sheet's first rows under its headers, each column with the field it is
//! read as (a drop-down, "ignore" included), and each row's refusal beside it.

use egui::{Grid, RichText, ScrollArea, Ui};

use super::{ImportAction, PREVIEW_ROWS, row_error_text};
use crate::exchange::header::column_letter;
use crate::exchange::import::{Prepared, preview};
use crate::exchange::mapping::field_choices;
use crate::exchange::session::Source;
use crate::exchange::{FieldKey, describe};
use crate::i18n::{Lang, tr, tr_args};
use crate::model::Project;

pub fn mapping_and_rows(
    ui: &mut Ui,
    lang: Lang,
    project: &Project,
    index: usize,
    source: &Source,
    prepared: &Prepared,
    actions: &mut Vec<ImportAction>,
) {
    let grid = &source.workbook.sheets[source.sheet];
    let rows = preview(grid, prepared.header.row, PREVIEW_ROWS);
    let columns = &prepared.header.columns;
    let choices = field_choices(
        prepared.mapping.kind,
        project.meta.start.year()..=project.meta.end.year(),
    );
    let ignore = tr(lang, "import.ignore").into_owned();
    ScrollArea::horizontal()
        .id_salt(("import_preview", index))
        .show(ui, |ui| {
            Grid::new(("import_preview_grid", index))
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr(lang, "import.column_field")).strong());
                    for column in columns {
                        let current = prepared.mapping.field(column.index);
                        let shown =
                            current.map_or_else(|| ignore.clone(), |f| field_label(lang, f));
                        let name = tr_args(
                            lang,
                            "import.column_read_as",
                            &[
                                ("column", &column_letter(column.index)),
                                ("header", &column.header),
                            ],
                        );
                        egui::ComboBox::from_id_salt(("import_field", index, column.index))
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                if ui.selectable_label(current.is_none(), &ignore).clicked() {
                                    actions.push(ImportAction::SetField {
                                        source: index,
                                        column: column.index,
                                        field: None,
                                    });
                                }
                                for &field in &choices {
                                    if ui
                                        .selectable_label(
                                            current == Some(field),
                                            field_label(lang, field),
                                        )
                                        .clicked()
                                    {
                                        actions.push(ImportAction::SetField {
                                            source: index,
                                            column: column.index,
                                            field: Some(field),
                                        });
                                    }
                                }
                            })
                            .response
                            .accessible_name(name);
                    }
                    ui.end_row();

                    ui.label(RichText::new(tr(lang, "import.row")).strong());
                    for column in columns {
                        ui.label(RichText::new(&column.header).strong());
                    }
                    ui.label(RichText::new(tr(lang, "import.row_problems")).strong());
                    ui.end_row();

                    for row in &rows {
                        ui.label(row.row.to_string());
                        for column in columns {
                            let text = row.cells.get(column.index).map_or("", String::as_str);
                            ui.label(text);
                        }
                        let problems: Vec<String> = source
                            .plan
                            .iter()
                            .flat_map(|plan| plan.errors_of(row.row))
                            .map(|error| row_error_text(lang, error))
                            .collect();
                        if problems.is_empty() {
                            ui.label("");
                        } else {
                            ui.label(
                                RichText::new(problems.join(" · "))
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

fn field_label(lang: Lang, field: FieldKey) -> String {
    describe::field_name(lang, field)
}
