//! A fast reader for the plain RON that Cruscotto writes, several times faster than `ron`'s
//! parser on national-scale files.
//!
//! It reads a strict subset of RON: no comments, no struct names, no extensions, no raw strings
//! or identifiers, decimal numbers only, only the escapes the writer uses. Within that subset it
//! gives exactly the value `ron` gives; anything outside it, and every error, makes it give up
//! (`Unsupported`), and the loader reads the text again with `ron`, which accepts all of RON
//! and words the errors. So this reader can make loading faster, never different.
//!
//! The work is split where the subset is decided versus where serde is served:
//!
//! - `scanner`: the byte-level `Reader`, which knows RON's lexical forms (whitespace,
//!   keywords, identifiers, numbers, strings and their escapes, delimiters, nesting depth) and
//!   nothing of serde beyond handing a finished string to a visitor. Every rule about what
//!   text is inside the subset, and so every subtle equivalence with `ron`, lives here.
//! - `deserializer`: serde's `Deserializer`, `SeqAccess`, `MapAccess`, `EnumAccess` and
//!   `VariantAccess` for the reader, which map each requested type to one scanner call and
//!   turn everything else into `Unsupported`. It holds no text rules of its own.

mod deserializer;
mod scanner;

use std::fmt;

use serde::de::{self, DeserializeSeed};

use scanner::Reader;

/// The reader gave up: the text is outside the subset, or is not a valid project.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not plain project RON")
    }
}

impl std::error::Error for Unsupported {}

impl de::Error for Unsupported {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Unsupported
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

/// Reads `text` with `seed`, all of it, or gives up.
pub(crate) fn read<'de, S: DeserializeSeed<'de>>(text: &'de str, seed: S) -> Result<S::Value> {
    let mut reader = Reader::new(text);
    reader.skip_ws();
    let value = seed.deserialize(&mut reader)?;
    reader.skip_ws();
    if reader.at_end() {
        Ok(value)
    } else {
        Err(Unsupported)
    }
}
