//! A short run of the fuzz harness (examples/fuzz): mutated RON projects, CSV, XLSX and ODS
//! files never make a parser panic. The long run is
//! `cargo run --release --example fuzz -- --inputs 10000000`.

#[path = "../../examples/fuzz/engine.rs"]
mod engine;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use engine::{Outcome, Run, Target, fuzz, run_one, seed_paths};

const INPUTS_PER_TARGET: u64 = 500;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus")
}

#[test]
fn every_seed_of_the_corpus_is_read_whole_and_every_damaged_one_refused() {
    for target in Target::ALL {
        for path in seed_paths(&corpus(), target) {
            let damaged = path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("damaged-"));
            let bytes = std::fs::read(&path).expect("a seed");
            assert_eq!(
                run_one(target, &bytes),
                Ok(if damaged {
                    Outcome::Refused
                } else {
                    Outcome::Accepted
                }),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn mutated_files_never_make_a_parser_panic() {
    let deadline = Instant::now() + Duration::from_secs(60);
    for (index, target) in Target::ALL.into_iter().enumerate() {
        let tally = fuzz(
            &corpus(),
            target,
            &Run {
                inputs: INPUTS_PER_TARGET,
                seed: 42 + index as u64,
                deadline: Some(deadline),
                ..Run::default()
            },
        );
        assert_eq!(
            tally.inputs,
            INPUTS_PER_TARGET,
            "{}: ran out of time",
            target.name()
        );
        assert_eq!(
            tally.panics,
            0,
            "{}: {} of {} inputs panicked ({} more inside calamine, guarded), first: {:?} \
             (run the example to keep them)",
            target.name(),
            tally.panics,
            tally.inputs,
            tally.guarded,
            tally.first_panic
        );
        assert!(
            tally.slowest < Duration::from_secs(5),
            "{}: an input took {:?}",
            target.name(),
            tally.slowest
        );
        // Mutants that still parse show the mutations reach past the first bytes.
        assert!(
            tally.accepted > 0,
            "{}: every mutant refused",
            target.name()
        );
    }
}
