//! Stable identifiers. Every item that something else refers to has one, so references
//! survive sorting, deleting and merging (never a position in a list).

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

string_id!(
    /// A partner Comune.
    PartnerId
);
string_id!(
    /// A module of the catalogue.
    ModuleId
);
string_id!(
    /// A POLA/PIAO indicator of the indicator catalogue.
    IndicatorId
);
string_id!(
    /// A dated session of a module chosen by a partner.
    SessionId
);
string_id!(
    /// One equipment acquisition of a partner.
    EquipmentId
);
string_id!(
    /// A what-if scenario.
    ScenarioId
);
string_id!(
    /// A slide of the workshop deck.
    SlideId
);

/// Whether `id` is a well-formed identifier: non-empty ASCII letters, digits, `-` and `_`,
/// so it reads the same in files, CSV exports and command lines.
pub fn is_well_formed(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A readable identifier derived from `name` (lower case, accents dropped, words joined by
/// `-`), made unique with a numeric suffix when `taken` says it is already used.
pub fn slug_unique(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("item");
    }
    if !taken(&slug) {
        return slug;
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("an unbounded range always yields a free suffix")
}

/// Italian place names carry accents (Mondovì, Cantù); ids keep only the base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_unique() {
        assert_eq!(slug_unique("Mondovì", |_| false), "mondovi");
        assert_eq!(slug_unique("Monforte d'Alba", |_| false), "monforte-d-alba");
        assert_eq!(slug_unique("Bra", |s| s == "bra" || s == "bra-2"), "bra-3");
        assert_eq!(slug_unique("!!!", |_| false), "item");
    }

    #[test]
    fn well_formed_ids() {
        assert!(is_well_formed("m-07_b"));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed("con spazio"));
    }
}
