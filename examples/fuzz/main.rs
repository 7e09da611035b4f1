//! The fuzz harness for every parser of files from outside (RON project, CSV, XLSX, ODS):
//!
//!     cargo run --release --example fuzz -- --inputs 10000000 [--target csv] [--seed 7]
//!         [--minutes 60]
//!
//! `--inputs` is the total, shared equally among the targets; with `--minutes` each target
//! also stops after its share of the time (XLSX and ODS inputs are far slower than RON and
//! CSV ones). Panicking inputs are saved in target/fuzz-crashes/, and so is an input that
//! runs for more than 10 s (a hang).
//! Exit status 1 when any input panicked, 2 at a hang.

mod engine;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use engine::{Run, Target, fuzz};

fn main() {
    let mut inputs: u64 = 100_000;
    let mut targets: Vec<Target> = Target::ALL.to_vec();
    let mut seed: u64 = 0x5eed;
    let mut minutes: Option<f64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--inputs" => inputs = value.replace('_', "").parse().expect("--inputs N"),
            "--seed" => seed = value.parse().expect("--seed N"),
            "--minutes" => minutes = Some(value.parse().expect("--minutes M")),
            "--target" => {
                targets = vec![
                    *Target::ALL
                        .iter()
                        .find(|t| t.name() == value)
                        .expect("--target ron|csv|xlsx|ods"),
                ];
            }
            other => panic!("unknown argument {other}"),
        }
    }
    // Quiet panics: the harness counts them and keeps their inputs.
    std::panic::set_hook(Box::new(|_| {}));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("tests/fuzz_corpus");
    let crashes = root.join("target/fuzz-crashes");
    let share = inputs / targets.len() as u64;
    let mut total = 0;
    let mut panics = 0;
    for (index, target) in targets.iter().enumerate() {
        let deadline = minutes
            .map(|m| Instant::now() + Duration::from_secs_f64(m * 60.0 / targets.len() as f64));
        let started = Instant::now();
        let tally = fuzz(
            &corpus,
            *target,
            &Run {
                inputs: share,
                seed: seed.wrapping_add(index as u64),
                deadline,
                crashes: Some(crashes.clone()),
                progress: Some(Duration::from_secs(60)),
                hang_after: Some(Duration::from_secs(10)),
            },
        );
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{:<5} {:>11} inputs in {:>7.1} s ({:>8.0}/s): {} accepted, {} panics, {} library panics guarded, slowest {:.1} ms{}",
            target.name(),
            tally.inputs,
            seconds,
            tally.inputs as f64 / seconds.max(1e-9),
            tally.accepted,
            tally.panics,
            tally.guarded,
            tally.slowest.as_secs_f64() * 1000.0,
            tally
                .first_panic
                .as_deref()
                .map_or_else(String::new, |m| format!(" — first panic: {m}")),
        );
        total += tally.inputs;
        panics += tally.panics;
    }
    println!("total {total} inputs, {panics} panics");
    if panics > 0 {
        std::process::exit(1);
    }
}
