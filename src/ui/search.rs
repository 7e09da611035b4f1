//! Finding things by name as people type them: case, accents and typographic apostrophes
//! aside, every word of the query must occur. The partners' list and the command palette
//! match the same way, so a name found in one is found in the other.

/// Lower case without accents, and typographic apostrophes as plain ones, so "mondovi"
/// finds Mondovì and "sant'" finds Sant’Agata.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        folded.push(match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '\u{2018}' | '\u{2019}' | '`' | '\u{b4}' => '\'',
            other => other,
        });
    }
    folded
}

/// The words of a query as typed, folded; no words (an empty query) match everything.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// Whether every word occurs in `haystack`, which was folded beforehand (once, not per
/// keystroke: a list can hold every Comune in Italy).
pub fn matches_words(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|word| haystack.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_typographic_apostrophes() {
        assert_eq!(fold("Mondovì"), "mondovi");
        assert_eq!(fold("CANTÙ"), "cantu");
        assert_eq!(fold("Sant’Agata"), "sant'agata");
    }

    #[test]
    fn every_word_must_occur_in_any_order() {
        let haystack = fold("Tema scuro");
        assert!(matches_words(&haystack, &query_words("SCURO tema")));
        assert!(matches_words(&haystack, &query_words("  ")));
        assert!(!matches_words(&haystack, &query_words("tema chiaro")));
    }
}
