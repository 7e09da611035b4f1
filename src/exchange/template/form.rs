//! A data-collection sheet: the schema's header row, key columns pre-filled and locked, data
//! columns unlocked with their validation, and the sheet protected so only data cells change.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Formula,
    ProtectionOptions, Worksheet, XlsxError,
};

use crate::exchange::export::xlsx_cells::{Formats, Styling, excel_date, shown_width, write_value};
use crate::exchange::export::{Column, Value};
use crate::i18n::{Lang, tr};
use crate::model::Month;

/// What a data cell accepts.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Whole numbers from `min` up.
    Whole {
        min: i32,
    },
    Decimal {
        min: f64,
        max: f64,
    },
    /// A date within the months, both included.
    Date {
        first: Month,
        last: Month,
    },
    /// One of the values of a list on the lists sheet (an absolute range).
    List {
        range: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormColumn {
    pub column: Column,
    /// Pre-filled and protected (the Comune, the month, the module).
    pub locked: bool,
    pub rule: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub columns: Vec<FormColumn>,
    /// Pre-filled values; data cells are `Value::Empty`.
    pub rows: Vec<Vec<Value>>,
}

/// `form` on `sheet`, protected.
pub fn write_form(sheet: &mut Worksheet, form: &Form, lang: Lang) -> Result<(), XlsxError> {
    let formats = Formats::new(lang);
    let grey = 0xE7E6E6;
    let locked = formats.map(|f| f.set_background_color(grey));
    let open = formats.map(|f| f.set_unlocked().set_background_color(0xFFFDE7));
    sheet.set_name(&form.title)?;
    for (col, form_column) in form.columns.iter().enumerate() {
        let header = &form_column.column.header;
        let widest = form
            .rows
            .iter()
            .filter_map(|row| row.get(col))
            .map(shown_width)
            .max();
        let width = (header.chars().count() + 3)
            .max(widest.unwrap_or(0) + 2)
            .clamp(12, 50);
        sheet.set_column_width(col as u16, width as f64)?;
        sheet.write_string_with_format(0, col as u16, header, &formats.header)?;
    }
    for (index, row) in form.rows.iter().enumerate() {
        let at = index as u32 + 1;
        for (col, (value, form_column)) in row.iter().zip(&form.columns).enumerate() {
            let formats = if form_column.locked { &locked } else { &open };
            write_value(
                sheet,
                at,
                col as u16,
                value,
                form_column.column.ty,
                formats,
                Styling::PerCell,
            )?;
        }
    }
    let last_row = form.rows.len() as u32;
    for (col, form_column) in form.columns.iter().enumerate() {
        if let (Some(rule), true) = (&form_column.rule, last_row > 0) {
            let validation = validation(rule, lang)?;
            let col = col as u16;
            sheet.add_data_validation(1, col, last_row, col, &validation)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

fn validation(rule: &Rule, lang: Lang) -> Result<DataValidation, XlsxError> {
    let text = |key: &str| tr(lang, &format!("template.rule.{key}")).into_owned();
    let (validation, key) = match rule {
        Rule::Whole { min } => (
            DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(*min)),
            "whole",
        ),
        Rule::Decimal { min, max } => (
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(*min, *max)),
            "decimal",
        ),
        Rule::Date { first, last } => {
            let first_day = first.first_day();
            let last_day = last.plus(1).first_day().yesterday().unwrap_or(first_day);
            match (
                excel_date(first_day.year(), first_day.month(), first_day.day()),
                excel_date(last_day.year(), last_day.month(), last_day.day()),
            ) {
                (Some(from), Some(to)) => (
                    DataValidation::new().allow_date(DataValidationRule::Between(from, to)),
                    "date",
                ),
                _ => (DataValidation::new().allow_any_value(), "date"),
            }
        }
        Rule::List { range } => (
            DataValidation::new().allow_list_formula(Formula::new(range)),
            "list",
        ),
    };
    let message = match rule {
        Rule::Decimal { min, max } => crate::i18n::tr_args(
            lang,
            "template.rule.decimal",
            &[("min", &decimal(*min, lang)), ("max", &decimal(*max, lang))],
        ),
        Rule::Date { first, last } => crate::i18n::tr_args(
            lang,
            "template.rule.date",
            &[
                ("first", &crate::i18n::format::month(lang, *first)),
                ("last", &crate::i18n::format::month(lang, *last)),
            ],
        ),
        _ => text(key),
    };
    validation
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title(tr(lang, "template.rule.title"))?
        .set_error_message(message.clone())?
        .set_input_message(message)
}

fn decimal(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::It => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A format for notes: wrapped text.
pub fn wrapped() -> Format {
    Format::new().set_text_wrap()
}
