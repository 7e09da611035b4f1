//! One way of comparing what people type: headers, Comuni, modules and persons are matched
//! after lower-casing, dropping accents and apostrophes, and collapsing punctuation and
//! spaces, so "Comune di Sant'Antonino", "SANT ANTONINO" and "Santantonino" stay apart only
//! where the letters really differ.

/// `text` lower case, without accents, with every run of punctuation or spaces made one
/// space, apostrophes removed (`d'Alba` → `dalba`), trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, '\'' | '’' | '‘' | '`' | '´') {
            continue;
        }
        let c = fold(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// `normalise` with every space removed: "Sant Antonino" and "Santantonino" compare equal.
pub fn squeeze(text: &str) -> String {
    normalise(text).replace(' ', "")
}

/// The base letter of an accented Latin letter (Italian, French and German names).
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_apostrophes_and_punctuation_are_ignored() {
        assert_eq!(normalise("  Quantità  "), "quantita");
        assert_eq!(normalise("Monforte d'Alba"), "monforte dalba");
        assert_eq!(normalise("Costo unitario (€)"), "costo unitario");
        assert_eq!(normalise("N.  dipendenti"), "n dipendenti");
        assert_eq!(normalise("CANTÙ"), "cantu");
        assert_eq!(squeeze("Sant Antonino"), squeeze("Sant'Antonino"));
        assert_eq!(normalise("—"), "");
    }
}
