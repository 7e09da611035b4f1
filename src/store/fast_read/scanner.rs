//! The byte-level half of the fast reader: a cursor over the text that recognises RON's
//! lexical forms (whitespace, keywords, identifiers, integers and floats, strings and their
//! escapes, delimited groups) and the nesting depth.
//!
//! Everything that decides whether text is inside the subset the reader accepts is here, so
//! the rules that must agree exactly with `ron` can be read, and checked, in one place. Serde
//! appears only where a finished string is handed to a visitor; mapping serde's requests onto
//! these forms is `deserializer`'s job.

use serde::de::Visitor;

use super::{Result, Unsupported};

/// Far deeper than any project, far below what could exhaust the stack.
const MAX_DEPTH: usize = 32;

pub(super) struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    depth: usize,
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

impl<'de> Reader<'de> {
    pub(super) fn new(text: &'de str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    /// Whether all of the text has been read.
    pub(super) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// The byte at the cursor, if any.
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Steps over `byte` if it is at the cursor, or gives up.
    pub(super) fn consume_byte(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    /// A plain ASCII identifier; RON also allows Unicode and raw ones, which give up here.
    pub(super) fn identifier(&mut self) -> Result<&'de str> {
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Err(Unsupported),
        }
        while self.peek().is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        if self.peek().is_some_and(|b| !b.is_ascii()) {
            return Err(Unsupported);
        }
        self.text.get(start..self.pos).ok_or(Unsupported)
    }

    /// A word that must stand alone (`None`, `true`), not begin a longer identifier.
    pub(super) fn keyword(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let matches = self.bytes.get(self.pos..end) == Some(word.as_bytes())
            && !self
                .bytes
                .get(end)
                .is_some_and(|&b| is_ident_byte(b) || !b.is_ascii());
        if matches {
            self.pos = end;
        }
        matches
    }

    /// The end of a run of digits starting at `from`; `from` itself when the run is empty or
    /// has a leading zero (`007`), which the writer never produces.
    fn digits_end(&self, from: usize) -> usize {
        let mut end = from;
        while self.bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end > from + 1 && self.bytes.get(from) == Some(&b'0') {
            return from;
        }
        end
    }

    /// An integer `-?[0-9]+`, not followed by anything RON would read as part of a number.
    pub(super) fn integer_text(&mut self) -> Result<&'de str> {
        let start = self.pos;
        let digits = if self.peek() == Some(b'-') {
            start + 1
        } else {
            start
        };
        let end = self.digits_end(digits);
        let followed = self
            .bytes
            .get(end)
            .is_some_and(|&b| is_ident_byte(b) || matches!(b, b'.' | b'+' | b'-') || !b.is_ascii());
        if end == digits || followed {
            return Err(Unsupported);
        }
        self.pos = end;
        self.text.get(start..end).ok_or(Unsupported)
    }

    /// A float `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, exactly the run of characters RON
    /// would hand to `f64::from_str`.
    pub(super) fn float(&mut self) -> Result<f64> {
        let start = self.pos;
        let digits = if self.peek() == Some(b'-') {
            start + 1
        } else {
            start
        };
        let mut end = self.digits_end(digits);
        if end == digits {
            return Err(Unsupported);
        }
        if self.bytes.get(end) == Some(&b'.') {
            let mut fraction = end + 1;
            while self.bytes.get(fraction).is_some_and(u8::is_ascii_digit) {
                fraction += 1;
            }
            if fraction == end + 1 {
                return Err(Unsupported);
            }
            end = fraction;
        }
        if let Some(b'e' | b'E') = self.bytes.get(end) {
            let mut exponent = end + 1;
            if let Some(b'+' | b'-') = self.bytes.get(exponent) {
                exponent += 1;
            }
            let mut exponent_end = exponent;
            while self.bytes.get(exponent_end).is_some_and(u8::is_ascii_digit) {
                exponent_end += 1;
            }
            if exponent_end == exponent {
                return Err(Unsupported);
            }
            end = exponent_end;
        }
        let followed = self
            .bytes
            .get(end)
            .is_some_and(|&b| is_ident_byte(b) || matches!(b, b'.' | b'+' | b'-') || !b.is_ascii());
        if followed {
            return Err(Unsupported);
        }
        let text = self.text.get(start..end).ok_or(Unsupported)?;
        let value = match short_decimal(text) {
            Some(value) => value,
            None => text.parse().map_err(|_| Unsupported)?,
        };
        self.pos = end;
        Ok(value)
    }

    pub(super) fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.consume_byte(b'"')?;
        let start = self.pos;
        let mut i = start;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'"' => {
                    let text = self.text.get(start..i).ok_or(Unsupported)?;
                    self.pos = i + 1;
                    return visitor.visit_borrowed_str(text);
                }
                b'\\' => return self.escaped_string(start, visitor),
                _ => i += 1,
            }
        }
        Err(Unsupported)
    }

    fn escaped_string<V: Visitor<'de>>(&mut self, start: usize, visitor: V) -> Result<V::Value> {
        let mut text = String::new();
        let mut i = start;
        let mut from = start;
        loop {
            match self.bytes.get(i) {
                None => return Err(Unsupported),
                Some(b'"') => break,
                Some(b'\\') => {
                    text.push_str(self.text.get(from..i).ok_or(Unsupported)?);
                    let (c, next) = self.escape(i + 1)?;
                    text.push(c);
                    i = next;
                    from = i;
                }
                Some(_) => i += 1,
            }
        }
        text.push_str(self.text.get(from..i).ok_or(Unsupported)?);
        self.pos = i + 1;
        visitor.visit_string(text)
    }

    /// The character of the escape after a `\` at `at - 1`, and where the text resumes.
    fn escape(&self, at: usize) -> Result<(char, usize)> {
        let c = match self.bytes.get(at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'\'') => '\'',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'0') => '\0',
            Some(b'u') => {
                if self.bytes.get(at + 1) != Some(&b'{') {
                    return Err(Unsupported);
                }
                let close = at
                    + 2
                    + self.bytes[at + 2..]
                        .iter()
                        .take(7)
                        .position(|&b| b == b'}')
                        .ok_or(Unsupported)?;
                let hex = self.text.get(at + 2..close).ok_or(Unsupported)?;
                if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(Unsupported);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| Unsupported)?;
                return Ok((char::from_u32(code).ok_or(Unsupported)?, close + 1));
            }
            _ => return Err(Unsupported),
        };
        Ok((c, at + 1))
    }

    pub(super) fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Unsupported);
        }
        Ok(())
    }

    /// Leaves a level entered with `enter`.
    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Items between `open` and `close`, read by `visit`.
    pub(super) fn delimited<T>(
        &mut self,
        open: u8,
        close: u8,
        visit: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.consume_byte(open)?;
        self.enter()?;
        let value = visit(self)?;
        self.leave();
        self.skip_ws();
        self.consume_byte(close)?;
        Ok(value)
    }
}

/// Exact powers of ten: every one up to 10^22 is a double.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `-?digits(.digits)?` with at most 15 digits, read without the general algorithm: the
/// digits make an integer below 2^53 and the power of ten is exact, so one correctly rounded
/// division gives exactly what `f64::from_str` gives. Most of a project's numbers are these.
fn short_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0;
    let mut decimals = None;
    for byte in unsigned.bytes() {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(byte - b'0');
                digits += 1;
                if let Some(places) = decimals.as_mut() {
                    *places += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return None,
        }
        if digits > 15 {
            return None;
        }
    }
    let magnitude = mantissa as f64 / POWERS_OF_TEN[decimals.unwrap_or(0)];
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use rand::{RngExt, SeedableRng};

    use super::short_decimal;

    #[test]
    fn short_decimals_read_exactly_as_from_str() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut texts: Vec<String> = [
            "0.0",
            "-0.0",
            "0.1",
            "3",
            "-7.25",
            "999999999999999",
            "0.00000000000001",
        ]
        .map(str::to_owned)
        .to_vec();
        for _ in 0..50_000 {
            let width = rng.random_range(1..10);
            let whole = rng.random_range(0..10u64.pow(width));
            let places = rng.random_range(0..7usize);
            let fraction = rng.random_range(0..10u64.pow(places as u32));
            let sign = if rng.random_bool(0.3) { "-" } else { "" };
            texts.push(if places == 0 {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{fraction:0places$}")
            });
        }
        for text in texts {
            let expected: f64 = text.parse().unwrap();
            let read = short_decimal(&text).unwrap();
            assert_eq!(read.to_bits(), expected.to_bits(), "{text}");
        }
        assert_eq!(
            short_decimal("1234567890.1234567"),
            None,
            "more than 15 digits"
        );
        assert_eq!(short_decimal("1e5"), None);
    }
}
