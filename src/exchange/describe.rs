//! Why a row was refused, in the user's language, with the column named by its header.

use super::change::{Target, Value};
use super::row::Reason;
use super::schema::FieldKey;
use super::values::ValueError;
use crate::i18n::{Lang, format, parse, tr, tr_args};
use crate::model::edit::StaffField;

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

/// The kind of file as the dialog's drop-down names it.
pub fn kind_name(lang: Lang, kind: super::schema::FileKind) -> String {
    use super::schema::FileKind;
    let key = match kind {
        FileKind::Partners => "exchange_import.kind.partners",
        FileKind::Observations => "exchange_import.kind.observations",
        FileKind::Sessions => "exchange_import.kind.sessions",
        FileKind::Enrolment => "exchange_import.kind.enrolment",
        FileKind::Attendance => "exchange_import.kind.attendance",
        FileKind::Equipment => "exchange_import.kind.equipment",
        FileKind::Indicators => "exchange_import.kind.indicators",
    };
    tr(lang, key).into_owned()
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

/// What a conflict is about, in the user's language: "rilevazione di gen 2025".
pub fn target(lang: Lang, project: &crate::model::Project, target: &Target) -> String {
    let module_title = |module: &crate::model::ModuleId| {
        project
            .catalogue
            .get(module)
            .map_or_else(|| module.to_string(), |m| m.title.clone())
    };
    let indicator_name = |id: &crate::model::IndicatorId| {
        project
            .indicators
            .get(id)
            .map_or_else(|| id.to_string(), |i| i.name.clone())
    };
    match target {
        Target::Province => tr(lang, "exchange_import.target.province").into_owned(),
        Target::Istat => tr(lang, "exchange_import.target.istat").into_owned(),
        Target::Staff(field) => {
            crate::i18n::findings::field_label(lang, staff_field(*field)).into_owned()
        }
        Target::Observation(month) => tr_args(
            lang,
            "exchange_import.target.observation",
            &[("month", &format::month(lang, *month))],
        ),
        Target::Equipment(id) => tr_args(
            lang,
            "exchange_import.target.equipment",
            &[("id", id.as_str())],
        ),
        Target::Session(key) => {
            let (module, session) = &**key;
            let date = project
                .partners
                .values()
                .find_map(|p| p.modules.get(module)?.sessions.get(session))
                .map_or_else(|| session.to_string(), |s| parse::format_date(s.date));
            tr_args(
                lang,
                "exchange_import.target.session",
                &[("date", &date), ("module", &module_title(module))],
            )
        }
        Target::ModuleCounts(module) => tr_args(
            lang,
            "exchange_import.target.module_counts",
            &[("module", &module_title(module))],
        ),
        Target::Baseline(id) => tr_args(
            lang,
            "exchange_import.target.baseline",
            &[("indicator", &indicator_name(id))],
        ),
        Target::IndicatorTarget(id, year) => tr_args(
            lang,
            "exchange_import.target.indicator_target",
            &[
                ("indicator", &indicator_name(id)),
                ("year", &year.to_string()),
            ],
        ),
        Target::Observed(id, month) => tr_args(
            lang,
            "exchange_import.target.observed",
            &[
                ("indicator", &indicator_name(id)),
                ("month", &format::month(lang, *month)),
            ],
        ),
    }
}

fn staff_field(field: StaffField) -> crate::model::validate::Field {
    use crate::model::validate::Field;
    match field {
        StaffField::Population => Field::Population,
        StaffField::Headcount => Field::Headcount,
        StaffField::Managers => Field::Managers,
        StaffField::Smartable => Field::Smartable,
    }
}

/// Up to two decimals, without trailing zeros: `4,5`, `12`.
fn short_decimal(lang: Lang, n: f64) -> String {
    if n.fract() == 0.0 {
        return format::decimal(lang, n, 0);
    }
    let text = format::decimal(lang, n, 2);
    text.trim_end_matches('0').to_owned()
}

/// A value of a conflict as the user reads it: "in lavoro agile: 12; giornate agili: 4,5".
pub fn value(lang: Lang, value: &Value) -> String {
    let number = |n: f64| short_decimal(lang, n);
    match value {
        Value::Text(text) => text.clone(),
        Value::Count(count) => format::integer(lang, *count),
        Value::Number(n) => number(*n),
        Value::Observation(o) => tr_args(
            lang,
            "exchange_import.value.observation",
            &[
                ("workers", &format::integer(lang, o.smart_workers)),
                ("days", &number(o.agile_days)),
            ],
        ),
        Value::Equipment(e) => tr_args(
            lang,
            "exchange_import.value.equipment",
            &[
                ("quantity", &format::integer(lang, e.quantity)),
                (
                    "kind",
                    &crate::i18n::findings::equipment_label(lang, e.kind),
                ),
                ("cost", &format::money(lang, e.unit_cost)),
            ],
        ),
        Value::Session(s) => tr_args(
            lang,
            "exchange_import.value.session",
            &[
                ("hours", &number(s.hours)),
                ("attendees", &format::integer(lang, s.attendees)),
            ],
        ),
        Value::Counts {
            enrolled,
            completed,
        } => tr_args(
            lang,
            "exchange_import.value.counts",
            &[
                ("enrolled", &format::integer(lang, *enrolled)),
                ("completed", &format::integer(lang, *completed)),
            ],
        ),
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
            value(
                Lang::It,
                &Value::Observation(crate::model::Observation::new(1200, 4.5))
            ),
            "in lavoro agile: 1.200; giornate agili: 4,5"
        );
        assert_eq!(
            reason(Lang::It, &Reason::UnknownComune("Bra".into())),
            "il progetto non ha il Comune «Bra» (scegli di creare i Comuni mancanti)"
        );
    }
}
