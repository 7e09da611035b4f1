//! The rows of a table whose items a partner keeps in a map by id, each put or removed by
//! one `Put…` edit (equipment, the sessions of a module).

use crate::model::Edit;
use crate::model::validate::Target;

use super::{Column, Sheet};

type Put<'a, K, R> = Box<dyn Fn(&K, Option<R>) -> Edit + 'a>;
type Locate<'a, K> = Box<dyn Fn(&K) -> Target + 'a>;

pub struct KeyedSheet<'a, K, R> {
    rows: Vec<(&'a K, &'a R)>,
    columns: Vec<Column<R>>,
    put: Put<'a, K, R>,
    target: Locate<'a, K>,
}

impl<'a, K, R> KeyedSheet<'a, K, R> {
    /// `rows` in the order the table shows them; `put` builds the edit that puts (`Some`)
    /// or removes (`None`) an item; `target` names an item for its findings.
    pub fn keyed(
        rows: Vec<(&'a K, &'a R)>,
        columns: Vec<Column<R>>,
        put: impl Fn(&K, Option<R>) -> Edit + 'a,
        target: impl Fn(&K) -> Target + 'a,
    ) -> Self {
        KeyedSheet {
            rows,
            columns,
            put: Box::new(put),
            target: Box::new(target),
        }
    }
}

impl<K, R: Clone + PartialEq> Sheet for KeyedSheet<'_, K, R> {
    type Item = R;

    fn columns(&self) -> &[Column<R>] {
        &self.columns
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn item(&self, row: usize) -> R {
        self.rows[row].1.clone()
    }

    fn put(&self, row: usize, item: R) -> Edit {
        (self.put)(self.rows[row].0, Some(item))
    }

    fn delete(&self, row: usize) -> Option<Edit> {
        Some((self.put)(self.rows[row].0, None))
    }

    fn target(&self, row: usize) -> Target {
        (self.target)(self.rows[row].0)
    }
}
