//! The instructions sheet (the one a template opens on) and the hidden sheet of drop-down
//! lists.

use rust_xlsxwriter::{Format, ProtectionOptions, Worksheet, XlsxError};

use super::form::wrapped;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Month, Partner, PartnerId};

pub fn write_instructions(
    sheet: &mut Worksheet,
    id: &PartnerId,
    partner: &Partner,
    first: Month,
    last: Month,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(tr(lang, "template.sheet.instructions"))?;
    sheet.set_column_width(0, 110)?;
    let title = Format::new().set_bold().set_font_size(14);
    let heading = tr_args(
        lang,
        "template.instructions.title",
        &[("name", &partner.name)],
    );
    sheet.write_string_with_format(0, 0, heading, &title)?;
    let lines = [
        tr_args(
            lang,
            "template.instructions.partner",
            &[("name", &partner.name), ("id", id.as_str())],
        ),
        tr_args(
            lang,
            "template.instructions.months",
            &[
                ("first", &format::month(lang, first)),
                ("last", &format::month(lang, last)),
            ],
        ),
        tr(lang, "template.instructions.sheets").into_owned(),
        tr(lang, "template.instructions.cells").into_owned(),
        tr(lang, "template.instructions.numbers").into_owned(),
        tr(lang, "template.instructions.sessions").into_owned(),
        tr(lang, "template.instructions.equipment").into_owned(),
        tr(lang, "template.instructions.empty_rows").into_owned(),
        tr(lang, "template.instructions.return").into_owned(),
    ];
    for (index, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(index as u32 + 2, 0, line, &wrapped())?;
    }
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        ..ProtectionOptions::default()
    });
    sheet.set_active(true);
    Ok(())
}

/// The drop-down lists: modules in column A, equipment kinds in column B, each under a
/// header. Returns the absolute ranges of both lists.
pub fn write_lists(
    sheet: &mut Worksheet,
    modules: &[String],
    equipment: &[String],
    lang: Lang,
) -> Result<(String, String), XlsxError> {
    let name = tr(lang, "template.sheet.lists").into_owned();
    sheet.set_name(&name)?;
    sheet.write_string(0, 0, tr(lang, "template.list.modules"))?;
    sheet.write_string(0, 1, tr(lang, "template.list.equipment"))?;
    for (row, module) in modules.iter().enumerate() {
        sheet.write_string(row as u32 + 1, 0, module)?;
    }
    for (row, kind) in equipment.iter().enumerate() {
        sheet.write_string(row as u32 + 1, 1, kind)?;
    }
    sheet.set_hidden(true);
    sheet.protect();
    let range = |column: char, count: usize| {
        format!("='{name}'!${column}$2:${column}${}", count.max(1) + 1)
    };
    Ok((range('A', modules.len()), range('B', equipment.len())))
}
