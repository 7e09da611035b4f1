//! A compact RON writer: the project as RON text without any whitespace, which `layout` then
//! lays out for people. It writes only forms that `ron` reads back to the same value (checked by
//! the store's tests), several times faster than `ron`'s own serializer.
//!
//! The writer is split by job. This file holds the entry points and `Writer`'s text
//! primitives (identifiers, strings, integers, floats), where every choice of RON spelling is
//! made and tested. `serializer` is serde's `Serializer` for `&mut Writer`, one primitive call
//! per serde type; `compound` holds `Compound`, the open container, and its seven serde
//! traits, which differ only in how an item is introduced. Neither of those two decides any
//! spelling of its own.

mod compound;
mod serializer;

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub(crate) struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        WriteError(message.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, WriteError>;

/// `value` as compact RON.
pub(crate) fn to_compact<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<String> {
    let mut writer = Writer {
        out: String::with_capacity(capacity),
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// `entries` as the compact items of a map, `k:v,k:v`.
pub(crate) fn to_compact_entries<K: Serialize, V: Serialize>(
    entries: &[(K, V)],
    capacity: usize,
) -> Result<String> {
    let mut writer = Writer {
        out: String::with_capacity(capacity),
    };
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            writer.out.push(',');
        }
        key.serialize(&mut writer)?;
        writer.out.push(':');
        value.serialize(&mut writer)?;
    }
    Ok(writer.out)
}

pub(crate) struct Writer {
    out: String,
}

impl Writer {
    fn identifier(&mut self, name: &str) {
        let plain = name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !plain {
            // RON's raw identifiers carry names that are not Rust identifiers.
            self.out.push_str("r#");
        }
        self.out.push_str(name);
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        // Almost every text needs no escape: copy it whole. 0xC2 leads the C1 controls.
        let needs_escape = text
            .bytes()
            .any(|b| b < 0x20 || matches!(b, b'"' | b'\\' | 0x7f | 0xc2));
        if !needs_escape {
            self.out.push_str(text);
            self.out.push('"');
            return;
        }
        let mut plain_from = 0;
        for (i, c) in text.char_indices() {
            let escaped = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                c if c.is_control() => "",
                _ => continue,
            };
            self.out.push_str(&text[plain_from..i]);
            if escaped.is_empty() {
                let _ = write!(self.out, "\\u{{{:x}}}", c as u32);
            } else {
                self.out.push_str(escaped);
            }
            plain_from = i + c.len_utf8();
        }
        self.out.push_str(&text[plain_from..]);
        self.out.push('"');
    }

    fn integer(&mut self, negative: bool, magnitude: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = magnitude;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if negative {
            self.out.push('-');
        }
        for &digit in &digits[at..] {
            self.out.push(digit as char);
        }
    }

    /// The same text as `{value:?}`: the shortest that reads back to the same number, always
    /// with a `.` or an exponent (so RON reads it as a float), and `NaN`, `inf`, `-inf` as RON
    /// spells them. Numbers with up to three decimals, most of a project's, are written
    /// without the general algorithm, which dominated the cost of saving.
    fn float(&mut self, value: f64) {
        if let Some((negative, units, decimals, places)) = short_decimal(value) {
            self.integer(negative, units);
            self.out.push('.');
            let mut scale = 10u64.pow(places.saturating_sub(1));
            let mut rest = decimals;
            for _ in 0..places {
                self.out.push((b'0' + (rest / scale) as u8) as char);
                rest %= scale;
                scale = (scale / 10).max(1);
            }
            return;
        }
        let _ = write!(self.out, "{value:?}");
    }
}

/// `value` as sign, whole units, and 1 to 3 decimal digits (`decimals` over `places` digits,
/// trailing zeros dropped but one kept) when that is exactly how Debug prints it: `value` is the
/// double nearest to a decimal with at most three places, and small enough that doubles are
/// much closer together than 0.001, so no shorter decimal reads back to it.
fn short_decimal(value: f64) -> Option<(bool, u64, u64, u32)> {
    if !value.is_finite() || value.abs() >= 1e12 {
        return None;
    }
    for places in 1..=3u32 {
        let scale = 10f64.powi(places as i32);
        let scaled = (value * scale).round();
        if scaled / scale == value {
            let whole = scaled.abs() as u64;
            let scale = 10u64.pow(places);
            let (mut decimals, mut places) = (whole % scale, places);
            while places > 1 && decimals % 10 == 0 {
                decimals /= 10;
                places -= 1;
            }
            return Some((value.is_sign_negative(), whole / scale, decimals, places));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use rand::{RngExt, SeedableRng};

    use super::*;

    fn written(value: f64) -> String {
        let mut writer = Writer { out: String::new() };
        writer.float(value);
        writer.out
    }

    #[test]
    fn floats_are_written_exactly_as_debug_prints_them() {
        let mut values: Vec<f64> = (-20_000..20_000).map(|k| k as f64 / 1000.0).collect();
        values.extend((-2_000..2_000).map(|k| k as f64 / 10.0 + 123_456_789.0));
        values.extend([
            0.0,
            -0.0,
            0.1 + 0.2,
            1e-7,
            1e15,
            999_999_999_999.999,
            1e12,
            f64::MAX,
        ]);
        values.extend([
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ]);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        values.extend((0..20_000).map(|_| rng.random_range(-1e6..1e6)));
        values
            .extend((0..20_000).map(|_| (rng.random_range(-1e9..1e9_f64) * 100.0).round() / 100.0));
        for value in values {
            assert_eq!(written(value), format!("{value:?}"));
        }
    }

    #[test]
    fn integers_and_texts() {
        let mut writer = Writer { out: String::new() };
        writer.integer(true, i64::MIN.unsigned_abs());
        writer.integer(false, 0);
        writer.string("a\"b\\c\u{85}d\u{1}é");
        assert_eq!(
            writer.out,
            "-92233720368547758080\"a\\\"b\\\\c\\u{85}d\\u{1}é\""
        );
    }
}
