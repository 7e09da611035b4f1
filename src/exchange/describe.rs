//! Why a row was refused, in the user's language, with the column named by its header.

use super::row::Reason;
use super::schema::FieldKey;
use super::values::ValueError;
use crate::i18n::{Lang, tr, tr_args};

/// The field's header in `lang`, as an export writes it (`Obiettivo 2025`).
pub fn field_name(lang: Lang, field: FieldKey) -> String {
    let (it, en) = field.header();
    let name = match lang {
        Lang::It => it,
        Lang::En => en,
    };
    match field {
        FieldKey::Target(year) => format!("{name} {year}"),
        _ => name.to_owned(),
    }
}

pub fn value_error(lang: Lang, error: &ValueError) -> String {
    match error {
        ValueError::ErrorCell(shown) => tr_args(
            lang,
            "exchange_import.value.error_cell",
            &[("error", shown)],
        ),
        ValueError::NotANumber => tr(lang, "exchange_import.value.not_a_number").into_owned(),
        ValueError::NotAWholeNumber => {
            tr(lang, "exchange_import.value.not_a_whole_number").into_owned()
        }
        ValueError::Negative => tr(lang, "exchange_import.value.negative").into_owned(),
        ValueError::Percent => tr(lang, "exchange_import.value.percent").into_owned(),
        ValueError::TooManyDecimals => {
            tr(lang, "exchange_import.value.too_many_decimals").into_owned()
        }
        ValueError::NotADate => tr(lang, "exchange_import.value.not_a_date").into_owned(),
        ValueError::NotAMonth => tr(lang, "exchange_import.value.not_a_month").into_owned(),
        ValueError::NotYesNo => tr(lang, "exchange_import.value.not_yes_no").into_owned(),
        ValueError::OutOfRange { min, max } => tr_args(
            lang,
            "exchange_import.value.out_of_range",
            &[("min", min), ("max", max)],
        ),
    }
}

pub fn reason(lang: Lang, reason: &Reason) -> String {
    match reason {
        Reason::Value { field, error } => tr_args(
            lang,
            "exchange_import.reason.value",
            &[
                ("field", &field_name(lang, *field)),
                ("why", &value_error(lang, error)),
            ],
        ),
        Reason::Missing(field) => tr_args(
            lang,
            "exchange_import.reason.missing",
            &[("field", &field_name(lang, *field))],
        ),
        Reason::NoComune => tr(lang, "exchange_import.reason.no_comune").into_owned(),
        Reason::UnknownComune(name) => tr_args(
            lang,
            "exchange_import.reason.unknown_comune",
            &[("name", name)],
        ),
        Reason::NameNeeded(code) => tr_args(
            lang,
            "exchange_import.reason.name_needed",
            &[("code", code)],
        ),
        Reason::UnknownModule(module) => tr_args(
            lang,
            "exchange_import.reason.unknown_module",
            &[("module", module)],
        ),
        Reason::UnknownIndicator(indicator) => tr_args(
            lang,
            "exchange_import.reason.unknown_indicator",
            &[("indicator", indicator)],
        ),
        Reason::UnknownEquipmentKind(kind) => tr_args(
            lang,
            "exchange_import.reason.unknown_equipment_kind",
            &[("kind", kind)],
        ),
        Reason::RetiredModule(module) => tr_args(
            lang,
            "exchange_import.reason.retired_module",
            &[("module", module)],
        ),
        Reason::TooManyModules { max } => tr_args(
            lang,
            "exchange_import.reason.too_many_modules",
            &[("max", &max.to_string())],
        ),
        Reason::Contradicts { row } => tr_args(
            lang,
            "exchange_import.reason.contradicts",
            &[("row", &row.to_string())],
        ),
        Reason::CompletedAboveEnrolled => {
            tr(lang, "exchange_import.reason.completed_above_enrolled").into_owned()
        }
        Reason::NothingToImport => {
            tr(lang, "exchange_import.reason.nothing_to_import").into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_column_in_the_users_language() {
        let why = Reason::Value {
            field: FieldKey::Month,
            error: ValueError::NotAMonth,
        };
        assert_eq!(
            reason(Lang::It, &why),
            "«Mese»: non è un mese (scrivilo come gen 2025, 01/2025 o 2025-01)"
        );
        assert_eq!(
            reason(Lang::En, &why),
            "“Month”: not a month (write it as gen 2025, 01/2025 or 2025-01)"
        );
        assert_eq!(
            reason(Lang::It, &Reason::UnknownComune("Bra".into())),
            "il progetto non ha il Comune «Bra» (scegli di creare i Comuni mancanti)"
        );
    }
}
