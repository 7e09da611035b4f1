//! Lays out compact RON for people and for diffs.
//!
//! The top levels (the envelope, the project, its catalogues and maps) always take one line per
//! item. Below them, an item whose parts are all plain values goes on one line when it fits
//! (a session, a milestone, an equipment purchase, an observation row, an indicator's targets),
//! and anything holding such items takes one line per item. So every month, session and
//! purchase is its own line in a diff, the layout of an item does not depend on how many
//! siblings it has, and the national-scale file carries no indentation it does not need.
//! `Some(...)` does not count as a level: `Some((12, 4.5, None, None, None))` is one row.

/// Items at this depth or above are always one line per item (1 = the envelope).
const ALWAYS_BROKEN_DEPTH: usize = 3;
/// An item stays on one line only if the line fits in this many bytes.
const MAX_LINE: usize = 240;
const INDENT: &[u8] = b"  ";

/// `compact` (RON without whitespace, as `ron_writer` writes it) laid out, ending with a
/// newline.
pub(crate) fn lay_out(compact: &str) -> String {
    let mut layout = Layout {
        src: compact.as_bytes(),
        pos: 0,
        out: Vec::with_capacity(compact.len() + compact.len() / 2),
        line_start: 0,
    };
    layout.value(0, 0);
    // Nothing is left over in text the writer made; copied as is rather than lost.
    let rest = layout.src.get(layout.pos..).unwrap_or(&[]);
    layout.out.extend_from_slice(rest);
    layout.out.push(b'\n');
    // Bytes are only ever copied whole between ASCII delimiters, so the text stays UTF-8.
    String::from_utf8(layout.out)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// `compact_items` (the items of a container, `k:v,k:v`) laid out as the container at `depth`,
/// itself indented `indent` levels, would lay them out: each on a new line, with a trailing
/// comma. Lets parts of a big container be laid out separately and joined.
pub(crate) fn lay_out_items(compact_items: &str, depth: usize, indent: usize) -> String {
    let mut layout = Layout {
        src: compact_items.as_bytes(),
        pos: 0,
        out: Vec::with_capacity(compact_items.len() + compact_items.len() / 2),
        line_start: 0,
    };
    if !compact_items.is_empty() {
        layout.items(depth, indent, None);
    }
    String::from_utf8(layout.out)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

struct Layout<'a> {
    src: &'a [u8],
    pos: usize,
    out: Vec<u8>,
    /// Where the current output line begins, to know its width.
    line_start: usize,
}

fn closer(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// The bytes that end a name or a number in compact RON.
const DELIMITERS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let delimiters = b"()[]{},:\"'";
    while i < delimiters.len() {
        table[delimiters[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_delimiter(byte: u8) -> bool {
    DELIMITERS[byte as usize]
}

impl Layout<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn copy(&mut self, from: usize, to: usize) {
        self.out
            .extend_from_slice(self.src.get(from..to).unwrap_or(&[]));
    }

    fn new_line(&mut self, indent: usize) {
        self.out.push(b'\n');
        self.line_start = self.out.len();
        for _ in 0..indent {
            self.out.extend_from_slice(INDENT);
        }
    }

    /// One value at `pos`: a string, a container, or an atom (number, name), possibly an
    /// atom naming a container (`Some(`, `ShiftMilestone(`).
    fn value(&mut self, depth: usize, indent: usize) {
        match self.peek() {
            Some(quote @ (b'"' | b'\'')) => {
                let end = quoted_end(self.src, self.pos, quote);
                self.copy(self.pos, end);
                self.pos = end;
            }
            Some(b'(' | b'[' | b'{') => self.container(depth + 1, indent),
            Some(_) => {
                let start = self.pos;
                while self.peek().is_some_and(|b| !is_delimiter(b)) {
                    self.pos += 1;
                }
                self.copy(start, self.pos);
                if self.peek() == Some(b'(') {
                    if self.src.get(start..self.pos) == Some(b"Some") {
                        self.pos += 1;
                        self.out.push(b'(');
                        self.value(depth, indent);
                        if self.peek() == Some(b')') {
                            self.pos += 1;
                        }
                        self.out.push(b')');
                    } else {
                        self.container(depth + 1, indent);
                    }
                }
            }
            None => {}
        }
    }

    fn container(&mut self, depth: usize, indent: usize) {
        let Some(open) = self.peek() else { return };
        let close = closer(open);
        if self.src.get(self.pos + 1) == Some(&close) {
            self.copy(self.pos, self.pos + 2);
            self.pos += 2;
            return;
        }
        if depth > ALWAYS_BROKEN_DEPTH && self.try_inline() {
            return;
        }
        self.pos += 1;
        self.out.push(open);
        if !self.items(depth, indent, Some(close)) {
            return;
        }
        self.pos += 1;
        self.new_line(indent);
        self.out.push(close);
    }

    /// The items of a container laid out one per line, up to `close` (or the end of the text
    /// when `None`); false if the text ends first.
    fn items(&mut self, depth: usize, indent: usize, close: Option<u8>) -> bool {
        loop {
            self.new_line(indent + 1);
            self.value(depth, indent + 1);
            if self.peek() == Some(b':') {
                self.pos += 1;
                self.out.extend_from_slice(b": ");
                self.value(depth, indent + 1);
            }
            self.out.push(b',');
            if self.peek() == Some(b',') {
                self.pos += 1;
            }
            match self.peek() {
                next if next == close => return true,
                // Only a malformed text ends here; stop rather than loop.
                None => return false,
                Some(_) => {}
            }
        }
    }

    /// Writes the container at `pos` on one line (a space after each `,` and `:` outside
    /// text) if it holds only plain values (`Some(...)` aside) and the line fits; otherwise
    /// writes nothing, as soon as either fails.
    fn try_inline(&mut self) -> bool {
        let bytes = self.src;
        let written = self.out.len();
        let budget = MAX_LINE.saturating_sub(written - self.line_start + 1);
        // The open brackets as a stack of bits, 1 for a `Some(` wrapper.
        let mut wrappers: u64 = 0;
        let mut open = 0u32;
        let mut from = self.pos;
        let mut i = self.pos;
        let fits = loop {
            // Names and numbers need no work: skip to the next delimiter.
            while bytes.get(i).is_some_and(|&b| !is_delimiter(b)) {
                i += 1;
            }
            if (self.out.len() - written) + (i - from) > budget {
                break false;
            }
            let Some(&byte) = bytes.get(i) else {
                break false;
            };
            match byte {
                b'"' | b'\'' => {
                    i = quoted_end(bytes, i, byte);
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    let wrapper = byte == b'(' && is_some_wrapper(bytes, i);
                    let containers = open - wrappers.count_ones();
                    if (!wrapper && containers > 0) || open == 64 {
                        break false;
                    }
                    wrappers |= u64::from(wrapper) << open;
                    open += 1;
                }
                b')' | b']' | b'}' => {
                    open = open.saturating_sub(1);
                    wrappers &= !(1u64 << open);
                    if open == 0 {
                        i += 1;
                        break true;
                    }
                }
                // `,` and `:`, laid out with a space after.
                _ => {
                    self.copy(from, i + 1);
                    self.out.push(b' ');
                    from = i + 1;
                }
            }
            i += 1;
        };
        if fits && (self.out.len() - written) + (i - from) <= budget {
            self.copy(from, i);
            self.pos = i;
            true
        } else {
            self.out.truncate(written);
            false
        }
    }
}

/// The end (exclusive) of the text or character literal opening at `start`.
fn quoted_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether the `(` at `at` follows the word `Some` (and not a longer name ending in it).
fn is_some_wrapper(bytes: &[u8], at: usize) -> bool {
    at >= 4 && &bytes[at - 4..at] == b"Some" && (at == 4 || is_delimiter(bytes[at - 5]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_levels_break_and_flat_items_stay_on_one_line() {
        let compact = r#"(format:1,project:(meta:(title:"a, b: c",start:"2025-01"),partners:{"bra":(name:"Bra",milestones:{Mapping:(planned:Some("2025-02"),actual:None)},observations:(start:"2025-01",months:[Some((6,3.0,None,None,None)),None]),empty:[])}))"#;
        let expected = r#"(
  format: 1,
  project: (
    meta: (
      title: "a, b: c",
      start: "2025-01",
    ),
    partners: {
      "bra": (
        name: "Bra",
        milestones: {
          Mapping: (planned: Some("2025-02"), actual: None),
        },
        observations: (
          start: "2025-01",
          months: [
            Some((6, 3.0, None, None, None)),
            None,
          ],
        ),
        empty: [],
      ),
    },
  ),
)
"#;
        assert_eq!(lay_out(compact), expected);
    }

    #[test]
    fn long_flat_items_break() {
        let long = format!("[{}]", vec!["1234567890"; 30].join(","));
        let compact = format!("(a:(b:(c:{long})))");
        let text = lay_out(&compact);
        assert_eq!(
            text.lines().filter(|l| l.trim() == "1234567890,").count(),
            30
        );
        assert!(lay_out("(a:(b:(c:[1,2])))").contains("c: [1, 2],"));
    }

    #[test]
    fn names_ending_in_some_are_containers() {
        assert!(is_some_wrapper(b"(Some(", 5));
        assert!(!is_some_wrapper(b"(AwesomeSome(", 12));
        assert!(!is_some_wrapper(b"(Awesome(", 8));
    }
}
