//! Sentences with `%{name}` holes, filled in one pass, and read back from the store's
//! English: the English template of a key is both how the app writes a message and how it
//! recognises the same message coming from src/store, so each wording lives once per language.

pub(super) use crate::i18n::fill;

/// The values of the holes of `template` when `text` is that template filled in.
///
/// Each hole takes the shortest text up to the words that follow it and the last hole takes
/// everything up to the template's closing words, so a template read back this way must
/// not put two holes side by side (`None` if it does).
pub(super) fn captures<'t>(template: &str, text: &'t str) -> Option<Captures<'t>> {
    let (literals, names) = split(template);
    let (first, following) = literals.split_first()?;
    let mut rest = text.strip_prefix(first)?;
    let mut values = Vec::with_capacity(names.len());
    for (i, (name, literal)) in names.iter().zip(following).enumerate() {
        let value = if i + 1 == names.len() {
            let value = rest.strip_suffix(literal)?;
            rest = "";
            value
        } else {
            if literal.is_empty() {
                return None;
            }
            let at = rest.find(literal)?;
            let value = &rest[..at];
            rest = &rest[at + literal.len()..];
            value
        };
        values.push(((*name).to_owned(), value));
    }
    rest.is_empty().then_some(Captures { values })
}

/// What `captures` read, by hole name.
#[derive(Debug)]
pub(super) struct Captures<'t> {
    values: Vec<(String, &'t str)>,
}

impl<'t> Captures<'t> {
    pub(super) fn get(&self, name: &str) -> Option<&'t str> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, value)| value)
    }

    /// The values as `fill` takes them.
    pub(super) fn args(&self) -> Vec<(&str, &'t str)> {
        self.values.iter().map(|(n, v)| (n.as_str(), *v)).collect()
    }
}

/// The literal pieces of `template` and the hole names between them (one more piece than
/// names).
fn split(template: &str) -> (Vec<&str>, Vec<&str>) {
    let mut literals = Vec::new();
    let mut names = Vec::new();
    let mut rest = template;
    let mut literal_start = 0;
    let mut offset = 0;
    while let Some(start) = rest.find("%{") {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        literals.push(&template[literal_start..offset + start]);
        names.push(&rest[start + 2..start + end]);
        offset += start + end + 1;
        literal_start = offset;
        rest = &template[offset..];
    }
    literals.push(&template[literal_start..]);
    (literals, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_each_hole_once_without_rescanning_values() {
        assert_eq!(
            fill("%{a} and %{b}", &[("a", "%{b}"), ("b", "two")]),
            "%{b} and two"
        );
        assert_eq!(fill("left %{open", &[("open", "x")]), "left %{open");
        assert_eq!(fill("keep %{unknown}.", &[]), "keep %{unknown}.");
    }

    #[test]
    fn reads_back_what_fill_wrote() {
        let template = "`%{close}` to close the `%{open}` at line %{line}, column %{column}";
        let text = "`)` to close the `(` at line 1, column 29";
        let found = captures(template, text).expect("the text is the template filled in");
        assert_eq!(found.get("close"), Some(")"));
        assert_eq!(found.get("open"), Some("("));
        assert_eq!(found.get("line"), Some("1"));
        assert_eq!(found.get("column"), Some("29"));
        assert_eq!(fill(template, &found.args()), text);
    }

    #[test]
    fn the_first_hole_stops_at_the_first_match_and_the_last_takes_the_rest() {
        let found = captures(
            "expected %{what}, found %{found}",
            "expected a number, found the string \"a, found b\"",
        )
        .expect("matches");
        assert_eq!(found.get("what"), Some("a number"));
        assert_eq!(found.get("found"), Some("the string \"a, found b\""));
    }

    #[test]
    fn refuses_other_text_and_side_by_side_holes() {
        assert!(captures("the file is empty", "the file is empty").is_some());
        assert!(captures("the file is empty", "the file is empty!").is_none());
        assert!(captures("expected %{what}", "unexpected x").is_none());
        assert!(captures("%{a} values", "6 value").is_none());
        assert!(captures("%{a}%{b}!", "xy!").is_none());
    }
}
