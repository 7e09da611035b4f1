use std::io;
use std::path::{Path, PathBuf};

use super::store_words::{self, ITEMS};
use super::*;
use crate::store;

const VARIANTS: usize = 14;

/// Guarded by a match so a new kind fails to compile here until it is worded and listed.
fn variant(kind: &LoadErrorKind) -> usize {
    match kind {
        LoadErrorKind::NotFound => 0,
        LoadErrorKind::NotAFile => 1,
        LoadErrorKind::Io(_) => 2,
        LoadErrorKind::TooLarge { .. } => 3,
        LoadErrorKind::Empty => 4,
        LoadErrorKind::InvalidUtf8 => 5,
        LoadErrorKind::LooksLikeJson => 6,
        LoadErrorKind::NewerFormat { .. } => 7,
        LoadErrorKind::UnknownFormat { .. } => 8,
        LoadErrorKind::TooDeep { .. } => 9,
        LoadErrorKind::Truncated { .. } => 10,
        LoadErrorKind::UnknownField { .. } => 11,
        LoadErrorKind::Invalid { .. } => 12,
    }
}

fn rotto(kind: LoadErrorKind, position: Option<(usize, usize)>) -> LoadError {
    LoadError::new(Path::new("/tmp/rotto.ron"), kind).at(position)
}

fn message(text: &str) -> LoadErrorKind {
    LoadErrorKind::Invalid {
        message: text.to_owned(),
    }
}

fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|&n| n.to_owned()).collect()
}

const MB: u64 = 1024 * 1024;

/// Every kind of load error with the Italian a user should read.
fn worded_load_errors() -> Vec<(LoadError, &'static str)> {
    vec![
        (
            rotto(LoadErrorKind::NotFound, None),
            "/tmp/rotto.ron: il file non esiste",
        ),
        (
            rotto(LoadErrorKind::NotAFile, None),
            "/tmp/rotto.ron: questa è una cartella, non un file di progetto",
        ),
        (
            rotto(
                LoadErrorKind::Io(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "Permission denied (os error 13)",
                )),
                None,
            ),
            "/tmp/rotto.ron: impossibile leggere il file: Permission denied (os error 13)",
        ),
        (
            rotto(
                LoadErrorKind::TooLarge {
                    size: 600 * MB,
                    limit: 512 * MB,
                },
                None,
            ),
            "/tmp/rotto.ron: il file pesa 600 MB, oltre il limite di 512 MB per un file di \
             progetto",
        ),
        (
            rotto(
                LoadErrorKind::TooLarge {
                    size: 900,
                    limit: 899,
                },
                None,
            ),
            "/tmp/rotto.ron: il file pesa 900 byte, oltre il limite di 899 byte per un file di \
             progetto",
        ),
        (
            // 2,000 MB and 1,000 KB: grouped in Italian, as the store writes them in English.
            rotto(
                LoadErrorKind::TooLarge {
                    size: 2000 * MB,
                    limit: 1000 * 1024,
                },
                None,
            ),
            "/tmp/rotto.ron: il file pesa 2.000 MB, oltre il limite di 1.000 KB per un file di \
             progetto",
        ),
        (
            rotto(LoadErrorKind::Empty, None),
            "/tmp/rotto.ron: il file è vuoto",
        ),
        (
            rotto(LoadErrorKind::InvalidUtf8, Some((3, 15))),
            "/tmp/rotto.ron, riga 3, colonna 15: il file non è un testo (qui c'è un byte non \
             valido in UTF-8): è danneggiato o non è un progetto",
        ),
        (
            rotto(LoadErrorKind::LooksLikeJson, None),
            "/tmp/rotto.ron: sembra un file JSON, non un progetto Cruscotto (i file di progetto \
             sono testo RON che inizia con `(format: ...`)",
        ),
        (
            rotto(
                LoadErrorKind::NewerFormat {
                    found: 3,
                    supported: 1,
                },
                Some((2, 11)),
            ),
            "/tmp/rotto.ron, riga 2, colonna 11: il file è stato scritto da una versione più \
             recente di Cruscotto (formato 3); questa versione legge fino al formato 1",
        ),
        (
            rotto(
                LoadErrorKind::UnknownFormat {
                    found: 0,
                    oldest: 1,
                    supported: 1,
                },
                Some((2, 11)),
            ),
            "/tmp/rotto.ron, riga 2, colonna 11: il formato 0 non è un formato di progetto \
             Cruscotto (questa versione legge il formato 1)",
        ),
        (
            rotto(
                LoadErrorKind::UnknownFormat {
                    found: 7,
                    oldest: 2,
                    supported: 4,
                },
                None,
            ),
            "/tmp/rotto.ron: il formato 7 non è un formato di progetto Cruscotto (questa \
             versione legge i formati da 2 a 4)",
        ),
        (
            rotto(LoadErrorKind::TooDeep { limit: 64 }, Some((1, 650))),
            "/tmp/rotto.ron, riga 1, colonna 650: i dati sono annidati su più di 64 livelli, \
             ben oltre qualsiasi progetto Cruscotto: il file è danneggiato o non è un progetto",
        ),
        (
            rotto(
                LoadErrorKind::Truncated {
                    expected: Some("`)` to close the `(` at line 1, column 29".to_owned()),
                },
                Some((1, 39)),
            ),
            "/tmp/rotto.ron, riga 1, colonna 39: il file finisce all'improvviso, come se fosse \
             stato troncato (atteso `)` per chiudere la `(` di riga 1, colonna 29)",
        ),
        (
            rotto(
                LoadErrorKind::Truncated {
                    expected: Some(
                        "`\"` to end the text that begins at line 4, column 14".to_owned(),
                    ),
                },
                Some((4, 20)),
            ),
            "/tmp/rotto.ron, riga 4, colonna 20: il file finisce all'improvviso, come se fosse \
             stato troncato (atteso `\"` per chiudere il testo che inizia a riga 4, colonna 14)",
        ),
        (
            rotto(
                LoadErrorKind::Truncated {
                    expected: Some(
                        "`*/` to end the comment that begins at line 2, column 8".to_owned(),
                    ),
                },
                Some((9, 1)),
            ),
            "/tmp/rotto.ron, riga 9, colonna 1: il file finisce all'improvviso, come se fosse \
             stato troncato (atteso `*/` per chiudere il commento che inizia a riga 2, colonna 8)",
        ),
        (
            // Words the app does not know stay as the store wrote them.
            rotto(
                LoadErrorKind::Truncated {
                    expected: Some("`>` to close the `<`".to_owned()),
                },
                Some((1, 3)),
            ),
            "/tmp/rotto.ron, riga 1, colonna 3: il file finisce all'improvviso, come se fosse \
             stato troncato (atteso `>` to close the `<`)",
        ),
        (
            rotto(LoadErrorKind::Truncated { expected: None }, Some((1, 5))),
            "/tmp/rotto.ron, riga 1, colonna 5: il file finisce all'improvviso, come se fosse \
             stato troncato",
        ),
        (
            rotto(
                LoadErrorKind::UnknownField {
                    field: "colour".to_owned(),
                    within: Some("a partner".to_owned()),
                    expected: names(&["name", "province", "population"]),
                },
                Some((17, 9)),
            ),
            "/tmp/rotto.ron, riga 17, colonna 9: campo sconosciuto `colour` in un Comune partner \
             (atteso uno tra `name`, `province` o `population`); il file viene rifiutato per \
             non perdere il campo al prossimo salvataggio",
        ),
        (
            rotto(
                LoadErrorKind::UnknownField {
                    field: "x".to_owned(),
                    within: Some("a scenario change `SetCeiling`".to_owned()),
                    expected: names(&["share"]),
                },
                Some((30, 12)),
            ),
            "/tmp/rotto.ron, riga 30, colonna 12: campo sconosciuto `x` in una modifica di \
             scenario `SetCeiling` (atteso `share`); il file viene rifiutato per non perdere il \
             campo al prossimo salvataggio",
        ),
        (
            rotto(
                LoadErrorKind::UnknownField {
                    field: "x".to_owned(),
                    within: Some("a gizmo".to_owned()),
                    expected: Vec::new(),
                },
                None,
            ),
            "/tmp/rotto.ron: campo sconosciuto `x` in a gizmo; il file viene rifiutato per non \
             perdere il campo al prossimo salvataggio",
        ),
        (
            rotto(
                LoadErrorKind::UnknownField {
                    field: "x".to_owned(),
                    within: None,
                    expected: Vec::new(),
                },
                Some((1, 2)),
            ),
            "/tmp/rotto.ron, riga 1, colonna 2: campo sconosciuto `x`; il file viene rifiutato \
             per non perdere il campo al prossimo salvataggio",
        ),
        (
            rotto(
                message("expected a whole number, found `\"many\"`"),
                Some((15, 20)),
            ),
            "/tmp/rotto.ron, riga 15, colonna 20: qui ci vuole un numero intero, invece c'è \
             `\"many\"`",
        ),
    ]
}

#[test]
fn every_load_error_reads_as_the_store_in_english_and_in_italian_with_its_values() {
    let cases = worded_load_errors();
    let mut covered = [false; VARIANTS];
    for (error, italian) in &cases {
        covered[variant(error.kind())] = true;
        assert_eq!(describe_load_error(Lang::En, error), error.to_string());
        let worded = describe_load_error(Lang::It, error);
        assert_eq!(worded, *italian);
        assert!(!worded.contains("%{"), "{worded}");
        assert!(worded.starts_with("/tmp/rotto.ron"), "{worded}");
        if let Some((line, column)) = error.position() {
            assert!(
                worded.contains(&format!("riga {line}, colonna {column}")),
                "{worded}"
            );
        }
    }
    assert_eq!(covered.iter().filter(|&&c| c).count(), 13);
    assert!(covered[..13].iter().all(|&c| c), "not worded: {covered:?}");
}

fn save_errors() -> Vec<(SaveError, &'static str)> {
    let denied = || io::Error::new(io::ErrorKind::PermissionDenied, "Permission denied");
    vec![
        (
            SaveError::MissingFolder {
                path: PathBuf::from("/tmp/nuova/bra.ron"),
                folder: PathBuf::from("/tmp/nuova"),
            },
            "impossibile salvare /tmp/nuova/bra.ron: la cartella /tmp/nuova non esiste",
        ),
        (
            SaveError::NotAFile {
                path: PathBuf::from("/tmp/progetti"),
            },
            "impossibile salvare /tmp/progetti: è una cartella, non un file",
        ),
        (
            SaveError::Backup {
                path: PathBuf::from("/tmp/bra.ron"),
                backup: PathBuf::from("/tmp/bra.ron.bak"),
                source: denied(),
            },
            "impossibile salvare /tmp/bra.ron: non è stato possibile conservare la versione \
             precedente come /tmp/bra.ron.bak: Permission denied",
        ),
        (
            SaveError::Io {
                path: PathBuf::from("/tmp/bra.ron"),
                action: "writing the new version",
                source: io::Error::new(
                    io::ErrorKind::StorageFull,
                    "No space left on device (os error 28)",
                ),
            },
            "impossibile salvare /tmp/bra.ron: errore nella scrittura della nuova versione: \
             No space left on device (os error 28)",
        ),
        (
            SaveError::Io {
                path: PathBuf::from("/home/anna/.bra.ron.recovery"),
                action: "removing the recovery file",
                source: denied(),
            },
            "impossibile salvare /home/anna/.bra.ron.recovery: errore nella rimozione del file \
             di ripristino: Permission denied",
        ),
    ]
}

#[test]
fn every_save_error_reads_as_the_store_in_english_and_in_italian_with_its_values() {
    let mut covered = [false; 4];
    for (error, italian) in save_errors() {
        covered[match &error {
            SaveError::MissingFolder { .. } => 0,
            SaveError::NotAFile { .. } => 1,
            SaveError::Backup { .. } => 2,
            SaveError::Io { .. } => 3,
        }] = true;
        assert_eq!(describe_save_error(Lang::En, &error), error.to_string());
        let worded = describe_save_error(Lang::It, &error);
        assert_eq!(worded, italian);
        assert!(!worded.contains("%{"), "{worded}");
        assert!(
            worded.contains(&error.path().display().to_string()),
            "{worded}"
        );
    }
    assert!(covered.iter().all(|&c| c), "not worded: {covered:?}");
}

/// The string literals of `source` between the first `from` and the next `to` after it.
fn literals_between(source: &str, from: &str, to: &str) -> Vec<String> {
    let start = source
        .find(from)
        .expect("the start marker is in the source");
    let end = start + source[start..].find(to).expect("the end marker follows");
    let mut literals = Vec::new();
    let mut chars = source[start..end].chars();
    while chars.by_ref().any(|c| c == '"') {
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => literal.extend(chars.next()),
                '"' => break,
                _ => literal.push(c),
            }
        }
        literals.push(literal);
    }
    literals
}

#[test]
fn every_save_action_of_the_store_is_translated() {
    let save = include_str!("../../store/save.rs");
    let recovery = include_str!("../../store/recovery.rs");
    let mut actions: Vec<&'static str> = Vec::new();
    for (source, marker) in [(save, "io_error(\""), (recovery, "action: \"")] {
        for (at, _) in source.match_indices(marker) {
            let rest = &source[at + marker.len()..];
            let end = rest.find('"').expect("a closed literal");
            actions.push(&rest[..end]);
        }
    }
    actions.sort();
    actions.dedup();
    assert_eq!(actions.len(), 9, "{actions:?}");
    for &action in &actions {
        let error = SaveError::Io {
            path: PathBuf::from("/tmp/bra.ron"),
            action,
            source: io::Error::other("boom"),
        };
        assert_eq!(describe_save_error(Lang::En, &error), error.to_string());
        let italian = describe_save_error(Lang::It, &error);
        assert!(!italian.contains(action), "untranslated: {italian}");
        assert!(italian.ends_with(": boom"), "{italian}");
    }
}

#[test]
fn an_action_the_app_does_not_know_is_shown_as_the_store_wrote_it() {
    let error = SaveError::Io {
        path: PathBuf::from("/tmp/bra.ron"),
        action: "polishing the bits",
        source: io::Error::other("boom"),
    };
    assert_eq!(
        describe_save_error(Lang::It, &error),
        "impossibile salvare /tmp/bra.ron: errore polishing the bits: boom"
    );
}

/// A small valid project (as in tests/store_bad_input.rs), so positions can be counted.
const SMALL: &str = r#"(
  format: 1,
  project: (
    meta: (
      title: "Prova",
      start: "2025-01",
      end: "2025-12",
      language: Italian,
    ),
    partners: {
      "bra": (
        name: "Comune di Bra",
        province: "CN",
        population: 29871,
        headcount: 182,
        managers: 14,
        smartable: 96,
        observations: (start: "2025-01", months: [(6, 3.0, None, None, None)]),
      ),
    },
  ),
)
"#;

fn refused(text: &str) -> LoadError {
    match store::parse(text.as_bytes(), Path::new("x.ron")) {
        Ok(_) => panic!("expected an error for {text:?}"),
        Err(error) => error,
    }
}

fn edited(from: &str, to: &str) -> String {
    assert!(SMALL.contains(from), "{from} is in the sample");
    SMALL.replacen(from, to, 1)
}

#[test]
fn real_errors_of_the_store_read_in_italian_with_line_and_column() {
    let cases = [
        (
            refused("(format: 1, project: (meta: (title: \"\""),
            "x.ron, riga 1, colonna 39: il file finisce all'improvviso, come se fosse stato \
             troncato (atteso `)` per chiudere la `(` di riga 1, colonna 29)",
        ),
        (
            refused(&SMALL[..SMALL.find("headcount").unwrap_or(0)]),
            "x.ron, riga 14, colonna 27: il file finisce all'improvviso, come se fosse stato \
             troncato (atteso `)` per chiudere la `(` di riga 11, colonna 14)",
        ),
        (
            refused(&edited("headcount: 182", "headcount: \"many\"")),
            "x.ron, riga 15, colonna 20: qui ci vuole un numero intero, invece c'è `\"many\"`",
        ),
        (
            refused(&edited(
                "        managers: 14,\n",
                "        managers: 14,\n        colour: \"red\",\n",
            )),
            "x.ron, riga 17, colonna 9: campo sconosciuto `colour` in un Comune partner (atteso \
             uno tra `name`, `province`, `istat`, `population`, `headcount`, `managers`, \
             `smartable`, `milestones`, `modules`, `equipment`, `observations` o `indicators`); il \
             file viene \
             rifiutato per non perdere il campo al prossimo salvataggio",
        ),
        (
            refused("(title: \"not a project\")"),
            "x.ron, riga 1, colonna 2: campo sconosciuto `title` nell'intestazione del file \
             (atteso uno tra `format` o `project`); il file viene rifiutato per non perdere il \
             campo al prossimo salvataggio",
        ),
        (
            refused(r#"{"format": 1, "project": {}}"#),
            "x.ron: sembra un file JSON, non un progetto Cruscotto (i file di progetto sono \
             testo RON che inizia con `(format: ...`)",
        ),
        (
            refused(&edited("format: 1", "format: 3")),
            "x.ron, riga 2, colonna 13: il file è stato scritto da una versione più recente di \
             Cruscotto (formato 3); questa versione legge fino al formato 1",
        ),
        (
            refused(&edited("language: Italian", "language: Klingon")),
            "x.ron, riga 8, colonna 17: valore sconosciuto `Klingon` per una lingua (atteso uno \
             tra `Italian` o `English`)",
        ),
        (
            refused(&edited("\"2025-01\",\n", "\"2025-13\",\n")),
            "x.ron, riga 6, colonna 15: qui ci vuole un mese scritto come AAAA-MM tra 1900-01 e \
             2999-12, invece c'è \"2025-13\"",
        ),
        (
            refused(&edited("        headcount: 182,\n", "")),
            "x.ron, riga 18, colonna 7: manca il campo `headcount` in un Comune partner",
        ),
        (
            refused(&edited("managers: 14,", "managers: 14, managers: 15,")),
            "x.ron, riga 16, colonna 23: il campo `managers` compare due volte in un Comune \
             partner",
        ),
        (
            refused(&edited(
                "(6, 3.0, None, None, None)",
                "(6, 3.0, None, None, None, 4)",
            )),
            "x.ron, riga 18, colonna 79: qui ci vuole una riga di rilevazione: () per un mese \
             senza rilevazione, (lavoratori agili, giorni di lavoro agile) oppure (lavoratori \
             agili, giorni di lavoro agile, benessere, equilibrio vita-lavoro, appartenenza), \
             invece ci sono 6 valori",
        ),
        (
            refused(&format!("{SMALL}(again)")),
            "x.ron, riga 23, colonna 1: testo inatteso dopo la fine del progetto",
        ),
        (
            refused(&edited("format: 1", "format: -1")),
            "x.ron, riga 2, colonna 12: questo numero è troppo grande (o è negativo dove non può \
             esserlo)",
        ),
        (
            refused(&edited("title: \"Prova\"", "title: \"a\\qb\"")),
            "x.ron, riga 5, colonna 15: sequenza con `\\` non valida nel testo: dopo `\\` c'è un \
             carattere non previsto",
        ),
    ];
    for (error, italian) in &cases {
        assert_eq!(describe_load_error(Lang::It, error), *italian);
        assert_eq!(describe_load_error(Lang::En, error), error.to_string());
    }
}

/// Bad inputs whose messages, from every shape src/store/diagnose.rs writes, must all be
/// recognised: the English reads back unchanged and the Italian is not the English.
#[test]
fn every_shape_of_the_store_s_messages_is_recognised() {
    let edits = [
        ("(6, 3.0, None", "(6, None, 3.0"),
        ("(6, 3.0, None, None, None)", "(6)"),
        ("(6, 3.0, None, None, None)", "(6, 3.0, 1.0)"),
        ("(6, 3.0, None, None, None)", "5"),
        ("format: 1", "format: 99999999999"),
        ("title: \"Prova\"", "title: 5"),
        ("title: \"Prova\"", "title: \"a\\u{zz}b\""),
        ("title: \"Prova\"", "title: \"a\\u{}b\""),
        ("title: \"Prova\"", "title: \"a\\u{110000}b\""),
        ("title: \"Prova\"", "title: \"a\\u12\""),
        ("population: 29871", "population: 1.5"),
        ("population: 29871", "population: true"),
        ("population: 29871", "population: 12a"),
        ("population: 29871", "population: _12"),
        ("population: 29871", "population: ~"),
        ("partners: {", "partners: [ ("),
        ("meta: (", "meta: 5, x: ("),
        ("\"bra\": (", "\"bra\" ("),
        ("managers: 14,", "managers: 14 smartable: 96,"),
        ("language: Italian", "language: 5"),
        ("observations: (", "observations: (x: 1, "),
        ("months: [", "months: 5, m: ["),
        ("  format: 1,\n", ""),
        ("  format: 1,\n", "  format: 1,\n  format: 1,\n"),
    ];
    let mut inputs: Vec<String> = edits.iter().map(|(from, to)| edited(from, to)).collect();
    inputs.push("(project: (meta: (title: \"x\")), format: 1)".to_owned());
    inputs.push("(format: 1, project: ())".to_owned());
    inputs.push("(project: (), format: 1, format: 1)".to_owned());
    for input in &inputs {
        let error = refused(input);
        let english = error.to_string();
        assert_eq!(describe_load_error(Lang::En, &error), english);
        let italian = describe_load_error(Lang::It, &error);
        assert_ne!(italian, english, "not recognised: {english}");
        assert!(!italian.contains("%{"), "{italian}");
        let (line, column) = error.position().expect("every one has a place");
        assert!(
            italian.starts_with(&format!("x.ron, riga {line}, colonna {column}: ")),
            "{italian}"
        );
    }
}

#[test]
fn messages_not_recognised_whole_stay_in_english_whole() {
    for text in [
        // Two RON messages joined by the store; neither shape is the store's own.
        "expected struct `ProjectFile` but found `x`, found `x`",
        "expected a tuple of size 3, found `x`",
        "missing field `a` in a gizmo",
        "unknown value `x` for a gizmo",
        "the field `a` appears twice in `two words`",
        "invalid escape in text: Unexpected Unicode escape in byte literal",
        "expected a number, found an enum",
        "something entirely new",
    ] {
        let error = rotto(message(text), Some((1, 1)));
        assert_eq!(
            describe_load_error(Lang::It, &error),
            format!("/tmp/rotto.ron, riga 1, colonna 1: {text}")
        );
    }
    assert_eq!(
        describe_load_error(Lang::It, &refused("x")),
        "x.ron, riga 1, colonna 1: expected struct `ProjectFile` but found `x`, found `x`"
    );
}

#[test]
fn serde_s_words_for_what_was_found_are_translated() {
    for (english, italian) in [
        (
            "expected a number, found the string \"abc\"",
            "qui ci vuole un numero, invece c'è il testo \"abc\"",
        ),
        (
            "expected a whole number, found the floating point number `1.5`",
            "qui ci vuole un numero intero, invece c'è il numero con decimali `1.5`",
        ),
        (
            "expected text in double quotes, found a sequence",
            "qui ci vuole un testo tra virgolette doppie, invece c'è un elenco",
        ),
        (
            "expected a partner, found a unit value",
            "qui ci vuole un Comune partner, invece c'è un valore vuoto",
        ),
        (
            "expected an observation row: () for a month not observed, (smart workers, agile \
             days), or (smart workers, agile days, wellbeing, work-life balance, belonging), \
             found 1 value",
            "qui ci vuole una riga di rilevazione: () per un mese senza rilevazione, \
             (lavoratori agili, giorni di lavoro agile) oppure (lavoratori agili, giorni di \
             lavoro agile, benessere, equilibrio vita-lavoro, appartenenza), invece c'è 1 valore",
        ),
        (
            "unknown value `Bus` for an equipment kind (expected `Laptop`)",
            "valore sconosciuto `Bus` per un tipo di dotazione (atteso `Laptop`)",
        ),
        ("unknown value `Bus`", "valore sconosciuto `Bus`"),
        (
            "missing field `share` in a scenario change `SetCeiling`",
            "manca il campo `share` in una modifica di scenario `SetCeiling`",
        ),
        (
            "the field `x` appears twice in `Mystery`",
            "il campo `x` compare due volte in `Mystery`",
        ),
        ("unexpected character '@'", "carattere inatteso '@'"),
        (
            "format 2 has no reader in this build",
            "questo programma non sa leggere il formato 2",
        ),
        (
            "`format: 0` must come before `project` so the project can be converted from that \
             format",
            "`format: 0` deve venire prima di `project`, perché il progetto possa essere \
             convertito da quel formato",
        ),
        (
            "the file holds no project",
            "il file non contiene un progetto",
        ),
    ] {
        let error = rotto(message(english), None);
        assert_eq!(describe_load_error(Lang::En, &error), error.to_string());
        assert_eq!(
            describe_load_error(Lang::It, &error),
            format!("/tmp/rotto.ron: {italian}")
        );
    }
}

#[test]
fn text_from_the_file_is_shown_as_written_even_when_it_looks_like_a_hole() {
    let text = edited("start: \"2025-01\",\n", "start: \"%{what}\",\n");
    let error = match store::parse(text.as_bytes(), Path::new("/tmp/%{reason}.ron")) {
        Ok(_) => panic!("a month must be a month"),
        Err(error) => error,
    };
    assert_eq!(
        describe_load_error(Lang::It, &error),
        "/tmp/%{reason}.ron, riga 6, colonna 15: qui ci vuole un mese scritto come AAAA-MM tra \
         1900-01 e 2999-12, invece c'è \"%{what}\""
    );
    assert_eq!(describe_load_error(Lang::En, &error), error.to_string());
}

#[test]
fn every_item_the_store_names_is_translated_alone_and_after_in() {
    let diagnose = include_str!("../../store/diagnose.rs");
    let phrases: Vec<String> = literals_between(diagnose, "fn item_in_words", "\n}\n")
        .into_iter()
        .filter(|literal| !literal.chars().next().is_some_and(char::is_uppercase))
        .map(|literal| {
            literal
                .replace("{type_name}", "ShiftMilestone")
                .replace("{other}", "Mystery")
        })
        .collect();
    assert!(phrases.len() >= 22, "{phrases:?}");
    for phrase in &phrases {
        let inside = store_words::within(Lang::It, phrase);
        assert_eq!(
            store_words::within(Lang::En, phrase),
            format!("in {phrase}")
        );
        // A bare type name ("`Mystery`") reads the same in both languages.
        if !phrase.starts_with('`') {
            assert_ne!(inside, format!("in {phrase}"));
        }
        let error = rotto(message(&format!("missing field `x` in {phrase}")), None);
        assert_ne!(
            describe_load_error(Lang::It, &error),
            format!("/tmp/rotto.ron: missing field `x` in {phrase}")
        );
    }
    for item in &ITEMS {
        let [alone, inside] = item.keys();
        assert_eq!(tr(Lang::En, inside), format!("in {}", tr(Lang::En, alone)));
        assert_ne!(tr(Lang::It, alone), tr(Lang::It, inside));
    }
}

#[test]
fn every_fixed_syntax_message_of_the_store_is_translated() {
    let diagnose = include_str!("../../store/diagnose.rs");
    let messages: Vec<String> = literals_between(diagnose, "fn syntax_in_words", "fn lower_first")
        .into_iter()
        .filter(|literal| !literal.contains('{'))
        .collect();
    assert!(messages.len() >= 20, "{messages:?}");
    for text in messages {
        let error = rotto(message(&text), None);
        let italian = describe_load_error(Lang::It, &error);
        assert_ne!(italian, format!("/tmp/rotto.ron: {text}"));
        assert_eq!(describe_load_error(Lang::En, &error), error.to_string());
    }
}
