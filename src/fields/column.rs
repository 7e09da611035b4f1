//! One column of a table, and a table's rows as a `Sheet`: what both the window's table
//! and a spreadsheet's column mapping need to read, write and name a cell.

use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::Edit;
use crate::model::validate::{Field, Target};

use super::{Kind, Value};

type Getter<R> = Box<dyn Fn(&R) -> Value>;
/// Sets the value in the item; false when the value does not fit (empty text in a field
/// that must hold a number).
type Setter<R> = Box<dyn Fn(&mut R, Value) -> bool>;

/// One column over items of type `R`.
pub struct Column<R> {
    /// The header's translation key, with an argument (a target's year) when it has one.
    pub label: &'static str,
    pub label_arg: Option<(&'static str, String)>,
    /// The header's hover text (a translation key).
    pub hint: Option<&'static str>,
    /// The validation field whose findings outline this column's cells.
    pub field: Option<Field>,
    /// When several columns share a field (the yearly targets), the findings outline only
    /// the cells whose value this accepts.
    pub flags: fn(Value) -> bool,
    pub kind: Kind,
    /// Fixed decimals when shown; `None`: as many as the number needs, up to two.
    pub digits: Option<usize>,
    /// What an empty cell shows when it is not edited.
    pub blank: &'static str,
    get: Getter<R>,
    /// `None`: computed from the others (a total), never typed.
    set: Option<Setter<R>>,
}

impl<R> Column<R> {
    /// A computed column (use `settable` for one the user types into).
    pub fn new(label: &'static str, kind: Kind, get: impl Fn(&R) -> Value + 'static) -> Column<R> {
        Column {
            label,
            label_arg: None,
            hint: None,
            field: None,
            flags: |_| true,
            kind,
            digits: None,
            blank: format::MISSING,
            get: Box::new(get),
            set: None,
        }
    }

    /// A column the user types into.
    pub fn settable(mut self, set: impl Fn(&mut R, Value) -> bool + 'static) -> Self {
        self.set = Some(Box::new(set));
        self
    }

    /// The validation field whose findings outline the column's cells.
    pub fn checked_as(mut self, field: Field) -> Self {
        self.field = Some(field);
        self
    }

    /// Of a column sharing its field with others: the values the findings concern.
    pub fn flags(mut self, flags: fn(Value) -> bool) -> Self {
        self.flags = flags;
        self
    }

    pub fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }

    pub fn digits(mut self, digits: usize) -> Self {
        self.digits = Some(digits);
        self
    }

    pub fn blank(mut self, blank: &'static str) -> Self {
        self.blank = blank;
        self
    }

    pub fn header(&self, lang: Lang) -> String {
        match &self.label_arg {
            Some((name, value)) => tr_args(lang, self.label, &[(name, value)]),
            None => tr(lang, self.label).into_owned(),
        }
    }

    pub fn get(&self, item: &R) -> Value {
        (self.get)(item)
    }

    pub fn is_editable(&self) -> bool {
        self.set.is_some()
    }

    /// `item` with this column set to `value`; `None` when the column is computed or the
    /// value does not fit it.
    pub fn with(&self, item: &R, value: Value) -> Option<R>
    where
        R: Clone,
    {
        let set = self.set.as_ref()?;
        let mut changed = item.clone();
        set(&mut changed, value).then_some(changed)
    }

    /// `item` with this column set to what `text` reads as.
    pub fn read(&self, lang: Lang, item: &R, text: &str) -> Option<R>
    where
        R: Clone,
    {
        self.with(item, self.kind.parse(lang, text)?)
    }

    /// The cell as shown when it is not edited (read-only, computed, exported).
    pub fn display(&self, lang: Lang, item: &R) -> String {
        match (self.get(item), self.kind) {
            (Value::Empty, _) => self.blank.to_owned(),
            (Value::Decimal(share), Kind::Percent) => {
                format::percent(lang, share, self.digits.unwrap_or(1))
            }
            (value, _) => value.display(lang, self.digits),
        }
    }

    /// The text an edit field starts from.
    pub fn edit_text(&self, lang: Lang, item: &R) -> String {
        self.get(item).edit_text(lang)
    }

    /// Whether the findings on this column's field concern this item's cell.
    pub fn is_flagged(&self, item: &R) -> bool {
        (self.flags)(self.get(item))
    }
}

/// The rows of one table of one partner, and how a changed row becomes an edit.
pub trait Sheet {
    type Item: Clone + PartialEq;

    fn columns(&self) -> &[Column<Self::Item>];
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The row's item as the project has it (a month not observed yet: `None`).
    fn item(&self, row: usize) -> Self::Item;
    /// The edit that puts `item` in the row's place.
    fn put(&self, row: usize, item: Self::Item) -> Edit;
    /// The edit that removes the row's item, when it can be removed.
    fn delete(&self, row: usize) -> Option<Edit>;
    /// What the row's validation findings are about; also the row's stable identity.
    fn target(&self, row: usize) -> Target;
    /// The row as a person names it: "3", "mar 2025", an indicator's name.
    fn row_name(&self, lang: Lang, row: usize) -> String {
        format::integer(lang, row as i64 + 1)
    }

    /// The edit that sets one cell to `value`: `None` when the value does not fit, or
    /// `Some(None)` when it changes nothing.
    fn edit_cell(&self, row: usize, column: usize, value: Value) -> Option<Option<Edit>> {
        let item = self.item(row);
        let changed = self.columns().get(column)?.with(&item, value)?;
        Some((changed != item).then(|| self.put(row, changed)))
    }
}

/// A column over one field of the item, read and set as it is:
/// `field_column!(required, "label key", Equipment, quantity)`.
macro_rules! field_column {
    ($shape:ident, $label:literal, $item:ty, $field:ident) => {
        $crate::fields::Column::$shape(
            $label,
            |item: &$item| item.$field,
            |item: &mut $item, value| item.$field = value,
        )
    };
}
pub(crate) use field_column;

/// A Rust type a column holds, and its kind of text.
pub trait Scalar: Copy + 'static {
    const KIND: Kind;
    fn value(self) -> Value;
    fn from_value(value: Value) -> Option<Self>;
}

macro_rules! scalar {
    ($type:ty, $kind:ident, $variant:ident) => {
        impl Scalar for $type {
            const KIND: Kind = Kind::$kind;
            fn value(self) -> Value {
                Value::$variant(self)
            }
            fn from_value(value: Value) -> Option<Self> {
                match value {
                    Value::$variant(inner) => Some(inner),
                    _ => None,
                }
            }
        }
    };
}

scalar!(i64, Integer, Integer);
scalar!(f64, Decimal, Decimal);
scalar!(crate::model::Cents, Money, Money);
scalar!(jiff::civil::Date, Date, Date);
scalar!(crate::model::Month, Month, Month);
scalar!(crate::model::EquipmentKind, Equipment, Equipment);

impl<R: 'static> Column<R> {
    /// A value every item has (a quantity, a date): empty text does not fit it.
    pub fn required<T: Scalar>(
        label: &'static str,
        get: impl Fn(&R) -> T + Copy + 'static,
        set: impl Fn(&mut R, T) + Copy + 'static,
    ) -> Self {
        Column::filled(label, move |item| Some(get(item)), set)
    }

    /// A value an item may lack until one is typed (a month not observed yet): empty text
    /// fits only while it is still empty, and changes nothing.
    pub fn filled<T: Scalar>(
        label: &'static str,
        get: impl Fn(&R) -> Option<T> + Copy + 'static,
        set: impl Fn(&mut R, T) + Copy + 'static,
    ) -> Self {
        Column::new(label, T::KIND, move |item| {
            get(item).map_or(Value::Empty, T::value)
        })
        .settable(move |item, value| match value {
            Value::Empty => get(item).is_none(),
            value => T::from_value(value).map(|inner| set(item, inner)).is_some(),
        })
    }

    /// A value that may be left empty (a survey score, a target, a delivery month).
    pub fn optional<T: Scalar>(
        label: &'static str,
        get: impl Fn(&R) -> Option<T> + Copy + 'static,
        set: impl Fn(&mut R, Option<T>) + Copy + 'static,
    ) -> Self {
        Column::new(label, T::KIND, move |item| {
            get(item).map_or(Value::Empty, T::value)
        })
        .settable(move |item, value| match value {
            Value::Empty => {
                set(item, None);
                true
            }
            value => T::from_value(value)
                .map(|inner| set(item, Some(inner)))
                .is_some(),
        })
    }
}
