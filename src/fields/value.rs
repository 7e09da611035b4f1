//! What a cell holds, and how its text is read and written in the user's language.

use jiff::civil::Date;

use crate::i18n::findings::equipment_label;
use crate::i18n::{Lang, format, parse};
use crate::model::{Cents, EquipmentKind, Month};

/// The value of one cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Nothing: a month not observed yet, a target not set, a month not reached.
    Empty,
    Integer(i64),
    Decimal(f64),
    Money(Cents),
    Date(Date),
    Month(Month),
    Equipment(EquipmentKind),
}

/// How a column's text is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Decimal,
    /// A share in percent (computed, never typed).
    Percent,
    Money,
    Date,
    Month,
    Equipment,
}

impl Kind {
    /// Reads `text` as a value of this kind: empty text is `Value::Empty`, `None` is text
    /// that is not a value (kept by the field, refused by a paste).
    pub fn parse(self, lang: Lang, text: &str) -> Option<Value> {
        if text.trim().is_empty() {
            return Some(Value::Empty);
        }
        match self {
            Kind::Integer => parse::integer(lang, text).map(Value::Integer),
            Kind::Decimal | Kind::Percent => parse::decimal(lang, text).map(Value::Decimal),
            Kind::Money => parse::money(lang, text).map(Value::Money),
            Kind::Date => parse::date(text).map(Value::Date),
            Kind::Month => parse::month(lang, text).map(Value::Month),
            Kind::Equipment => equipment_kind(lang, text).map(Value::Equipment),
        }
    }

    /// Whether the window edits this kind with a drop-down rather than typed text.
    pub fn is_choice(self) -> bool {
        matches!(self, Kind::Month | Kind::Equipment)
    }
}

impl Value {
    /// The value as a cell shows it (`digits`: fixed decimals for a decimal or a share;
    /// `None`: as many as the number needs, up to two). Empty is `""`.
    pub fn display(self, lang: Lang, digits: Option<usize>) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Integer(value) => format::integer(lang, value),
            Value::Decimal(value) => match digits {
                Some(digits) => format::decimal(lang, value, digits),
                None => number(lang, value),
            },
            Value::Money(value) => format::money(lang, value),
            Value::Date(value) => parse::format_date(value),
            Value::Month(value) => format::month(lang, value),
            Value::Equipment(kind) => equipment_label(lang, kind).into_owned(),
        }
    }

    /// The value as an edit field holds it: text that reads back as the same value
    /// (decimals exact, with the language's mark and no grouping).
    pub fn edit_text(self, lang: Lang) -> String {
        match self {
            Value::Decimal(value) => {
                let text = format!("{value}");
                match lang {
                    Lang::It => text.replace('.', ","),
                    Lang::En => text,
                }
            }
            other => other.display(lang, None),
        }
    }
}

/// A figure with as many decimals as it needs, up to two: `2`, `2,5`, `0,25`.
pub fn number(lang: Lang, value: f64) -> String {
    let digits = (0..2)
        .find(|&digits| {
            let scaled = value * 10f64.powi(digits);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(2);
    format::decimal(lang, value, digits as usize)
}

/// An equipment kind by its name in the user's language, or in the other one (a sheet
/// filled in by someone else).
fn equipment_kind(lang: Lang, text: &str) -> Option<EquipmentKind> {
    let text = text.trim().to_lowercase();
    let other = Lang::ALL.into_iter().filter(|l| *l != lang);
    std::iter::once(lang).chain(other).find_map(|lang| {
        EquipmentKind::ALL
            .into_iter()
            .find(|kind| equipment_label(lang, *kind).to_lowercase() == text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_way_of_the_language() {
        assert_eq!(
            Kind::Decimal.parse(Lang::It, "1.234,5"),
            Some(Value::Decimal(1234.5))
        );
        assert_eq!(
            Kind::Decimal.parse(Lang::En, "1,234.5"),
            Some(Value::Decimal(1234.5))
        );
        assert_eq!(Kind::Integer.parse(Lang::It, "dodici"), None);
        assert_eq!(Kind::Integer.parse(Lang::It, "  "), Some(Value::Empty));
        assert_eq!(
            Kind::Money.parse(Lang::It, "€ 950,50"),
            Some(Value::Money(Cents(95_050)))
        );
    }

    #[test]
    fn equipment_kinds_read_in_either_language() {
        let laptop = Some(Value::Equipment(EquipmentKind::Laptop));
        assert_eq!(Kind::Equipment.parse(Lang::It, "portatile"), laptop);
        assert_eq!(Kind::Equipment.parse(Lang::It, "Laptop"), laptop);
        assert_eq!(Kind::Equipment.parse(Lang::En, "Scrivania"), None);
    }

    #[test]
    fn edit_text_reads_back_as_the_same_value() {
        for lang in Lang::ALL {
            for value in [
                Value::Decimal(1234.125),
                Value::Integer(-1200),
                Value::Money(Cents(123_456)),
            ] {
                let kind = match value {
                    Value::Decimal(_) => Kind::Decimal,
                    Value::Integer(_) => Kind::Integer,
                    _ => Kind::Money,
                };
                assert_eq!(kind.parse(lang, &value.edit_text(lang)), Some(value));
            }
        }
    }
}
