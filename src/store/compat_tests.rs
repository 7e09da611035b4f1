//! The store's own writer and fast reader against `ron`: what the writer writes, `ron` reads
//! back equal; what the fast reader accepts, `ron` accepts with the same value.

use std::cell::Cell;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::fast_read;
use super::format::EnvelopeSeed;
use super::to_ron_string;
use crate::demo::{DemoOptions, generate};
use crate::model::{Cents, IndicatorId, Observation, PartnerId, Project};

fn by_fast_reader(text: &str) -> Option<Project> {
    let format_seen = Cell::new(None);
    let seed = EnvelopeSeed {
        format_seen: &format_seen,
        read_project: true,
    };
    fast_read::read(text, seed).ok().flatten()
}

fn by_ron(text: &str) -> Option<Project> {
    let format_seen = Cell::new(None);
    let seed = EnvelopeSeed {
        format_seen: &format_seen,
        read_project: true,
    };
    ron::Options::default()
        .from_str_seed(text, seed)
        .ok()
        .flatten()
}

/// Whatever the fast reader accepts, `ron` reads as the same project (compared as text, so
/// that NaN compares equal to itself).
fn assert_agrees(text: &str) -> bool {
    match by_fast_reader(text) {
        Some(fast) => {
            let slow = by_ron(text)
                .unwrap_or_else(|| panic!("ron refuses what the fast reader read:\n{text}"));
            assert_eq!(to_ron_string(&fast), to_ron_string(&slow), "{text}");
            true
        }
        None => false,
    }
}

fn sample() -> Project {
    generate(&DemoOptions {
        partners: 3,
        months: 12,
        seed: 9,
    })
}

/// A project holding the awkward values: quotes, escapes, control characters, accents,
/// extreme and special numbers.
fn awkward() -> Project {
    let mut project = sample();
    project.meta.title = "Quote \" back\\slash\nnew line\ttab \u{7} bell — Cantù 🙂".to_owned();
    let partner = project.partners.values_mut().next().unwrap();
    partner.name = "r#not_raw, {brackets} [and] (parens): colons".to_owned();
    partner.population = i64::MIN;
    partner.headcount = i64::MAX;
    partner.observations.months = vec![
        Some(Observation::new(1, 1e-7)),
        Some(Observation::new(2, 1e300)),
        Some(Observation::new(3, -0.0)),
        Some(Observation::new(4, f64::MIN_POSITIVE)),
        Some(Observation::new(5, f64::MAX)),
        Some(Observation::new(6, f64::INFINITY)),
        Some(Observation::new(7, f64::NAN)),
        None,
        Some(Observation::new(8, 0.1 + 0.2)),
    ];
    partner
        .equipment
        .values_mut()
        .for_each(|e| e.unit_cost = Cents(-1));
    partner
        .indicators
        .entry(IndicatorId::new("strano"))
        .or_default()
        .targets
        .insert(-5, f64::NEG_INFINITY);
    project.partners.insert(
        PartnerId::new("z"),
        crate::model::Partner::new("", "", project.meta.start),
    );
    project
}

#[test]
fn ron_reads_what_the_writer_writes() {
    for project in [sample(), awkward()] {
        let text = to_ron_string(&project);
        let read = by_ron(&text).expect("ron reads the writer's text");
        assert_eq!(to_ron_string(&read), text);
    }
    assert_eq!(by_ron(&to_ron_string(&sample())), Some(sample()));
}

#[test]
fn the_fast_reader_reads_the_writers_text_as_ron_does() {
    let text = to_ron_string(&sample());
    assert_eq!(by_fast_reader(&text), Some(sample()));
    // NaN and infinities are left to ron, which reads them as the same values.
    let text = to_ron_string(&awkward());
    assert_eq!(by_fast_reader(&text), None);
    let finite = text.replace("inf", "1.5").replace("NaN", "2.5");
    assert!(
        assert_agrees(&finite),
        "the fast reader handles every other awkward value"
    );
}

#[test]
fn the_fast_reader_never_accepts_differently_from_ron() {
    let text = to_ron_string(&sample());
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut accepted = 0;
    for _ in 0..2000 {
        let mut bytes = text.clone().into_bytes();
        let at = rng.random_range(0..bytes.len());
        let replacements = b" \n,:()[]{}\"'0123456789.-+eE_abNSrx#/\\";
        bytes[at] = replacements[rng.random_range(0..replacements.len())];
        if let Ok(mutated) = String::from_utf8(bytes)
            && assert_agrees(&mutated)
        {
            accepted += 1;
        }
    }
    assert!(accepted > 100, "some mutations stay valid ({accepted})");
}

#[test]
fn forms_outside_the_subset_are_left_to_ron() {
    let text = to_ron_string(&sample());
    let title = format!("title: {:?},", sample().meta.title);
    let edits = [
        ("format: 2,", "format: 0002,"),
        ("format: 2,", "format: 2_0,"),
        ("format: 2,", "format: +2,"),
        ("format: 2,", "format: 0x2,"),
        ("format: 2,", "// comment\n  format: 2,"),
        ("format: 2,", "format: /* two */ 2,"),
        ("project: (", "project: Project("),
        (title.as_str(), "title: r\"raw\","),
        (title.as_str(), "title: \"a\\u{41}b\\x41\","),
        (title.as_str(), "title: \"line \\\n   continued\","),
        ("hours: ", "hours: 1e2 + "),
        (
            "max_modules_per_partner: 9",
            "max_modules_per_partner: 9u32",
        ),
        ("language: Italian", "language: r#Italian"),
        ("(\n  format", "#![enable(implicit_some)]\n(\n  format"),
    ];
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        let edited = text.replacen(from, to, 1);
        assert_agrees(&edited);
    }
    // Whitespace and trailing commas the writer does not produce are still plain RON.
    let spaced = text.replace(": ", " :  ").replace(",\n", " ,\r\n\t");
    assert!(assert_agrees(&spaced));
}

#[test]
fn an_istat_code_is_written_only_when_known_and_read_back_by_both_readers() {
    let mut project = sample();
    let text = to_ron_string(&project);
    assert!(
        !text.contains("istat"),
        "no code, no field: files stay as they were"
    );
    project.partners.values_mut().next().unwrap().istat = Some("004029".to_owned());
    let text = to_ron_string(&project);
    let fast = by_fast_reader(&text).expect("the fast reader reads an ISTAT code");
    assert_eq!(fast, project);
    assert_eq!(by_ron(&text), Some(project));
}
