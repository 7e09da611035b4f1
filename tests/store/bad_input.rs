//! Anything that is not a valid project is refused with an error a user can act on: where in
//! the file (line, column) when there is a place, and never a panic (a panic fails the test).

use crate::store_support;

use std::path::Path;

use cruscotto::store::{self, LoadError, LoadErrorKind, LoadLimits};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A small valid project, written by hand so the positions below can be counted by eye.
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

fn origin() -> &'static Path {
    Path::new("saves/demo.ron")
}

fn parse_err(text: impl AsRef<[u8]>) -> LoadError {
    match store::parse(text.as_ref(), origin()) {
        Ok(_) => panic!(
            "expected an error for {:?}",
            String::from_utf8_lossy(text.as_ref())
        ),
        Err(error) => error,
    }
}

fn edited(from: &str, to: &str) -> String {
    assert!(SMALL.contains(from), "{from} is in the sample");
    SMALL.replacen(from, to, 1)
}

#[test]
fn the_hand_written_sample_is_valid() {
    let project = store::parse(SMALL.as_bytes(), origin()).unwrap();
    assert_eq!(project.partners.len(), 1);
    assert_eq!(
        project.meta.max_modules_per_partner, 9,
        "defaults fill what is left out"
    );
}

#[test]
fn wrong_type_names_line_column_and_what_was_expected() {
    let error = parse_err(edited("headcount: 182", r#"headcount: "many""#));
    assert_eq!(error.position(), Some((15, 20)));
    assert_eq!(
        error.to_string(),
        "saves/demo.ron, line 15, column 20: expected a whole number, found `\"many\"`"
    );
    assert_eq!(error.path(), origin());

    let error = parse_err(edited("start: \"2025-01\",\n", "start: \"2025-13\",\n"));
    assert_eq!(error.position().map(|(line, _)| line), Some(6));
    assert!(error.to_string().contains("\"2025-13\""), "{error}");
    assert!(error.to_string().contains("YYYY-MM"), "{error}");

    let error = parse_err(edited("language: Italian", "language: Klingon"));
    assert_eq!(error.position(), Some((8, 17)));
    assert!(
        error.to_string().contains("unknown value `Klingon`"),
        "{error}"
    );
    assert!(error.to_string().contains("`Italian`"), "{error}");

    let error = parse_err(edited("(6, 3.0, None", "(6, None, 3.0"));
    assert_eq!(error.position().map(|(line, _)| line), Some(18));
    assert!(
        error
            .to_string()
            .contains("expected a number, found `None`"),
        "{error}"
    );
}

#[test]
fn unknown_field_is_refused_and_named() {
    let error = parse_err(edited(
        "        managers: 14,\n",
        "        managers: 14,\n        colour: \"red\",\n",
    ));
    assert_eq!(error.position(), Some((17, 9)));
    match error.kind() {
        LoadErrorKind::UnknownField {
            field,
            within,
            expected,
        } => {
            assert_eq!(field, "colour");
            assert_eq!(within.as_deref(), Some("a partner"));
            assert!(expected.iter().any(|e| e == "smartable"));
        }
        other => panic!("expected an unknown field, got {other:?}"),
    }
    let message = error.to_string();
    assert!(
        message
            .starts_with("saves/demo.ron, line 17, column 9: unknown field `colour` in a partner"),
        "{message}"
    );

    let error = parse_err(edited("format: 1", "format: 1,\n  extra: true"));
    assert!(
        error
            .to_string()
            .contains("unknown field `extra` in the file header"),
        "{error}"
    );
}

#[test]
fn missing_and_duplicate_fields_are_named() {
    let error = parse_err(edited("        headcount: 182,\n", ""));
    assert!(
        error
            .to_string()
            .contains("missing field `headcount` in a partner"),
        "{error}"
    );
    assert!(error.position().is_some());

    let error = parse_err(edited("managers: 14,", "managers: 14, managers: 15,"));
    assert_eq!(error.position(), Some((16, 23)));
    assert!(
        error.to_string().contains("`managers` appears twice"),
        "{error}"
    );
}

#[test]
fn newer_format_is_named_even_when_the_body_is_unreadable() {
    let error = parse_err(edited("format: 1", "format: 3"));
    assert!(matches!(
        error.kind(),
        LoadErrorKind::NewerFormat {
            found: 3,
            supported: 2
        }
    ));
    assert!(
        error.to_string().ends_with(
            ": written by a newer Cruscotto (format 3); this version reads up to format 2"
        ),
        "{error}"
    );

    // A newer file's body holds things this version does not know; the version decides.
    let newer =
        edited("format: 1", "format: 4").replace("managers: 14,", "managers: 14, dirigenti: 3,");
    let error = parse_err(newer);
    assert!(
        matches!(error.kind(), LoadErrorKind::NewerFormat { found: 4, .. }),
        "{error}"
    );

    // Even when the version comes after a body that fails to parse.
    let error = parse_err("(project: (meta: (titolo: \"x\"), avatars: []), format: 7)");
    assert!(
        matches!(error.kind(), LoadErrorKind::NewerFormat { found: 7, .. }),
        "{error}"
    );
}

#[test]
fn unknown_or_missing_format_is_refused() {
    let error = parse_err(edited("format: 1", "format: 0"));
    assert!(
        matches!(error.kind(), LoadErrorKind::UnknownFormat { found: 0, .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("format 0 is not a Cruscotto project format"),
        "{error}"
    );

    let error = parse_err(edited("format: 1", "format: -1"));
    assert_eq!(error.position().map(|(line, _)| line), Some(2));
    assert!(error.to_string().contains("negative"), "{error}");

    let error = parse_err(edited("  format: 1,\n", ""));
    assert!(
        error.to_string().contains("missing field `format`"),
        "{error}"
    );
}

#[test]
fn truncations_at_many_offsets_say_where_the_file_ends() {
    let text = store::to_ron_string(&store_support::programme(1, 6, 3));
    let bytes = text.as_bytes();
    let complete = text.trim_end().len();
    // Every cut near both ends and inside every accented letter, and 500 more spread evenly.
    let mut cuts: Vec<usize> = (1..400).chain(complete - 400..complete).collect();
    cuts.extend((1..complete).filter(|&i| !text.is_char_boundary(i)));
    cuts.extend((0..500).map(|k| 1 + k * (complete - 1) / 500));
    assert!(
        cuts.iter().any(|&i| !text.is_char_boundary(i)),
        "the sample has accents to cut through"
    );
    for length in cuts {
        let error = parse_err(&bytes[..length]);
        let prefix = String::from_utf8_lossy(&bytes[..length]);
        let tail: String = prefix
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(
            matches!(error.kind(), LoadErrorKind::Truncated { expected: Some(_) }),
            "cut at {length}: {error}\n...{tail}"
        );
        let (line, column) = error.position().expect("a cut-short file has a position");
        let kept = prefix.trim_end_matches('\u{FFFD}').trim_end();
        let last_line = kept.rsplit('\n').next().unwrap_or_default();
        assert_eq!(
            line,
            kept.matches('\n').count() + 1,
            "cut at {length}: {error}"
        );
        assert_eq!(
            column,
            last_line.chars().count() + 1,
            "cut at {length}: {error}"
        );
    }
}

#[test]
fn truncation_names_the_bracket_left_open() {
    let cut = &SMALL[..SMALL.find("headcount").unwrap()];
    let error = parse_err(cut);
    assert_eq!(error.position(), Some((14, 27)));
    assert_eq!(
        error.to_string(),
        "saves/demo.ron, line 14, column 27: the file ends unexpectedly, as if cut short \
         (expected `)` to close the `(` at line 11, column 14)"
    );
}

#[test]
fn random_byte_flips_never_panic_and_errors_have_positions() {
    let text = store::to_ron_string(&store_support::programme(1, 12, 5));
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let (mut refused, mut accepted) = (0, 0);
    for _ in 0..3000 {
        let mut bytes = text.clone().into_bytes();
        for _ in 0..rng.random_range(1..4) {
            let at = rng.random_range(0..bytes.len());
            bytes[at] ^= rng.random_range(1..=255u8);
        }
        match store::parse(&bytes, origin()) {
            Ok(_) => accepted += 1,
            Err(error) => {
                refused += 1;
                let placeless = matches!(error.kind(), LoadErrorKind::LooksLikeJson);
                assert!(
                    placeless || error.position().is_some(),
                    "no position: {error}"
                );
                assert!(error.to_string().starts_with("saves/demo.ron"), "{error}");
            }
        }
    }
    // Most flips break the file; some land in a number or a name and give another project.
    assert!(refused > 2000, "refused {refused}");
    assert!(accepted > 0, "accepted {accepted}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let error = parse_err(format!("(project: {deep}, format: 1)"));
    assert!(
        matches!(
            error.kind(),
            LoadErrorKind::TooDeep {
                limit: store::MAX_NESTING_DEPTH
            }
        ),
        "{error}"
    );
    assert_eq!(error.position().map(|(line, _)| line), Some(1));
    assert!(error.to_string().contains("nested more than"), "{error}");

    // Where the model expects something else, the first bracket is already wrong.
    let error = parse_err(format!("(format: 1, project: {deep})"));
    assert_eq!(error.position(), Some((1, 22)));
    let error = parse_err(format!(
        "(format: 1, project: (meta: (title: {})))",
        "(".repeat(10_000)
    ));
    assert!(error.position().is_some());
    let error = parse_err(edited(
        "(6, 3.0, None",
        &format!("(6, 3.0, {}", "Some(".repeat(10_000)),
    ));
    assert!(error.position().is_some());

    // Bare brackets at the top are JSON-like, whatever their depth.
    let error = parse_err("[".repeat(10_000));
    assert!(matches!(error.kind(), LoadErrorKind::LooksLikeJson));
}

#[test]
fn invalid_utf8_gives_the_line_and_column_of_the_bad_byte() {
    let error = parse_err(b"(\n  format: 1,\n  project: (ti\xFFtle");
    assert!(matches!(error.kind(), LoadErrorKind::InvalidUtf8));
    assert_eq!(error.position(), Some((3, 15)));
    // Columns count characters, not bytes.
    let error = parse_err([b"(\n  citt\xC3\xA0: ".as_slice(), b"\xC3\x28"].concat());
    assert_eq!(error.position(), Some((2, 10)));
    assert!(error.to_string().contains("not text"), "{error}");
}

#[test]
fn empty_and_json_files_are_refused_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("empty.ron", ""), ("blank.ron", " \n\t\n")] {
        let path = store_support::write_file(dir.path(), name, content.as_bytes());
        let error = store::load(&path).unwrap_err();
        assert!(matches!(error.kind(), LoadErrorKind::Empty), "{error}");
        assert_eq!(error.position(), None);
        assert_eq!(
            error.to_string(),
            format!("{}: the file is empty", path.display())
        );
    }
    let json = store_support::write_file(
        dir.path(),
        "export.json",
        br#"{"format": 1, "project": {}}"#,
    );
    let error = store::load(&json).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::LooksLikeJson));
    assert!(
        error.to_string().contains("not a Cruscotto project"),
        "{error}"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_support::write_file(dir.path(), "big.ron", SMALL.as_bytes());
    let size = SMALL.len() as u64;
    let error = store::load_with_limits(
        &path,
        LoadLimits {
            max_file_bytes: size - 1,
        },
    )
    .unwrap_err();
    match error.kind() {
        LoadErrorKind::TooLarge { size: found, limit } => {
            assert_eq!((*found, *limit), (size, size - 1))
        }
        other => panic!("expected too large, got {other:?}"),
    }
    assert_eq!(error.position(), None);
    assert!(
        error.to_string().ends_with(&format!(
            "big.ron: the file is {size} bytes, more than the {} bytes a project file may have",
            size - 1
        )),
        "{error}"
    );
    assert!(
        store::load_with_limits(
            &path,
            LoadLimits {
                max_file_bytes: size
            }
        )
        .is_ok(),
        "the limit itself is allowed"
    );
    assert_eq!(LoadLimits::default().max_file_bytes, store::MAX_FILE_BYTES);
}

#[test]
fn missing_files_and_folders_are_not_projects() {
    let dir = tempfile::tempdir().unwrap();
    let error = store::load(&dir.path().join("nowhere.ron")).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::NotFound), "{error}");
    assert!(
        error
            .to_string()
            .ends_with("nowhere.ron: the file does not exist"),
        "{error}"
    );
    let error = store::load(dir.path()).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::NotAFile), "{error}");
}

#[test]
fn other_ron_and_trailing_text_are_refused() {
    let error = parse_err("(title: \"not a project\")");
    assert_eq!(error.position(), Some((1, 2)));
    assert!(
        error
            .to_string()
            .contains("unknown field `title` in the file header"),
        "{error}"
    );

    let error = parse_err(format!("{SMALL}(again)"));
    assert_eq!(error.position(), Some((23, 1)));
    assert!(
        error.to_string().contains("after the end of the project"),
        "{error}"
    );

    // A byte-order mark written by some editors is not an error.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), SMALL.as_bytes()].concat();
    assert!(store::parse(&with_bom, origin()).is_ok());
}
