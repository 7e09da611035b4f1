//! The report's words: sentences from assets/locales/report.yml (so Italian and English stay
//! complete together, checked by the app's locale test), figures written the language's way
//! by `i18n::format`, and one wording for every missing figure ("dato non disponibile").

use std::borrow::Cow;

use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Cents, Month};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words { lang }
    }

    /// The text of `report.{key}`.
    pub fn get(&self, key: &str) -> Cow<'static, str> {
        tr(self.lang, &format!("report.{key}"))
    }

    /// The text of `report.{key}` with its `%{name}` holes filled.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        tr_args(self.lang, &format!("report.{key}"), args)
    }

    /// The wording for a figure that is missing: never a zero.
    pub fn missing(&self) -> Cow<'static, str> {
        self.get("missing")
    }

    /// A share 0–1 as a percentage with one decimal: "44,2%".
    pub fn share(&self, value: Option<f64>) -> String {
        match value {
            Some(v) if v.is_finite() => format::percent(self.lang, v * 100.0, 1),
            _ => self.missing().into_owned(),
        }
    }

    pub fn integer(&self, value: i64) -> String {
        format::integer(self.lang, value)
    }

    /// An optional count.
    pub fn count(&self, value: Option<i64>) -> String {
        value.map_or_else(|| self.missing().into_owned(), |v| self.integer(v))
    }

    /// A number with `digits` decimals, or the missing wording.
    pub fn decimal(&self, value: Option<f64>, digits: usize) -> String {
        match value {
            Some(v) if v.is_finite() => format::decimal(self.lang, v, digits),
            _ => self.missing().into_owned(),
        }
    }

    /// Money with cents where there are any: "€ 1.049,90".
    pub fn money(&self, amount: Cents) -> String {
        format::money(self.lang, amount)
    }

    /// A month in full: "dicembre 2026".
    pub fn month(&self, month: Month) -> String {
        format::month_long(self.lang, month)
    }

    /// An optional month in full.
    pub fn maybe_month(&self, month: Option<Month>) -> String {
        month.map_or_else(|| self.missing().into_owned(), |m| self.month(m))
    }

    /// An indicator's value in its unit: "%" values are read as they are written (0–100),
    /// "€" as euros, anything else as a number followed by its unit.
    pub fn in_unit(&self, value: Option<f64>, unit: &str) -> String {
        let Some(value) = value.filter(|v| v.is_finite()) else {
            return self.missing().into_owned();
        };
        match unit.trim() {
            "%" => format::percent(self.lang, value, 1),
            "€" => format::euros(self.lang, value),
            "" => format::decimal(self.lang, value, 1),
            unit => format!("{} {unit}", format::decimal(self.lang, value, 1)),
        }
    }
}
