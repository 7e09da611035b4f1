//! The mutation fuzzer behind `cargo run --release --example fuzz` and its short run in
//! `cargo test` (tests/content/fuzz_short.rs): seeds from tests/fuzz_corpus, mutated by bit
//! flips, byte inserts and deletes, splices, truncations and, for XLSX and ODS, mutations
//! inside an archive's entries re-zipped; every parser call under catch_unwind.

use std::io::{Cursor, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use cruscotto::exchange::read::{Limits, ReadErrorKind, ReadOptions, read_bytes};

/// One parser of files from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Ron,
    Csv,
    Xlsx,
    Ods,
}

impl Target {
    pub const ALL: [Target; 4] = [Target::Ron, Target::Csv, Target::Xlsx, Target::Ods];

    pub fn name(self) -> &'static str {
        match self {
            Target::Ron => "ron",
            Target::Csv => "csv",
            Target::Xlsx => "xlsx",
            Target::Ods => "ods",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Target::Ron => "fuzz.ron",
            Target::Csv => "fuzz.csv",
            Target::Xlsx => "fuzz.xlsx",
            Target::Ods => "fuzz.ods",
        }
    }
}

/// What a run saw for one target.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub inputs: u64,
    /// Panics that reached the harness: bugs in our code.
    pub panics: u64,
    /// Panics inside the spreadsheet library that our guard turned into an error.
    pub guarded: u64,
    pub accepted: u64,
    pub slowest: Duration,
    pub first_panic: Option<String>,
}

/// Small limits: each input stays fast, and the limits' own paths get exercised.
fn options() -> ReadOptions<'static> {
    ReadOptions {
        limits: Limits {
            max_rows: 50_000,
            max_cells: 400_000,
            max_text_bytes: 8 << 20,
            max_unzipped_bytes: 32 << 20,
            ..Limits::default()
        },
        ..ReadOptions::default()
    }
}

/// A tiny fast generator (xorshift64*): the harness needs speed and repeatability, not
/// quality.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes worth inserting: delimiters, quotes, line ends, XML and RON syntax, huge numbers.
const TOKENS: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"\"",
    b"\"\"",
    b"\r\n",
    b"\n",
    b"\r",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\x80",
    b"<",
    b">",
    b"/>",
    b"&amp;",
    b"&#0;",
    b"=",
    b"#DIV/0!",
    b"99999999999999999999",
    b"-1",
    b"1e308",
    b"NaN",
    b"4294967296",
    b"18446744073709551616",
    b" table:number-columns-repeated=\"16384\"",
    b" table:number-rows-repeated=\"1048576\"",
    b" table:number-columns-spanned=\"9999\"",
    b" table:number-rows-spanned=\"99999\"",
    b"<text:s text:c=\"100000\"/>",
    b" r=\"XFD1048576\"",
    b" r=\"A0\"",
    b" t=\"s\"",
    b" t=\"e\"",
    b" s=\"9999\"",
    b"<c r=\"B2\"><v>1</v></c>",
    b"<row r=\"1048576\">",
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"Some(",
    b"None",
    b"\"2025-13\"",
    b"format: 99",
    b"r#\"",
    b"/*",
    b"*/",
    b"//",
];

/// The seed files of one target, tests/fuzz_corpus/<name>/*, in name order. Seeds named
/// `damaged-*` are inputs a run found (a panic, a hang), kept so that every run passes them
/// again: their parser must refuse them.
pub fn seed_paths(corpus: &Path, target: Target) -> Vec<PathBuf> {
    let dir = corpus.join(target.name());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
}

/// The seeds of one target.
pub fn seeds(corpus: &Path, target: Target) -> Vec<Vec<u8>> {
    seed_paths(corpus, target)
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// A seed archive's entries, for mutations inside them.
type Entries = Vec<(String, Vec<u8>)>;

fn unzip(bytes: &[u8]) -> Option<Entries> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).ok()?;
        let mut data = Vec::new();
        entry.read_to_end(&mut data).ok()?;
        entries.push((entry.name().ok()?.into_owned(), data));
    }
    Some(entries)
}

fn rezip(entries: &Entries) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        if writer.start_file(name.as_str(), stored).is_err() || writer.write_all(data).is_err() {
            break;
        }
    }
    writer.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// One mutation of `input` in place; `others` are splice donors.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, others: &[Vec<u8>]) {
    let len = input.len();
    match rng.below(9) {
        0 if len > 0 => {
            let at = rng.below(len);
            input[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            input[at] = rng.next() as u8;
        }
        2 => {
            let at = rng.below(len + 1);
            let count = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..count).map(|_| rng.next() as u8).collect();
            input.splice(at..at, bytes);
        }
        3 if len > 0 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(64)).min(len);
            input.drain(at..end);
        }
        4 => {
            let at = rng.below(len + 1);
            let token = TOKENS[rng.below(TOKENS.len())];
            input.splice(at..at, token.iter().copied());
        }
        5 if len > 0 => {
            input.truncate(rng.below(len));
        }
        6 if !others.is_empty() => {
            let donor = &others[rng.below(others.len())];
            if !donor.is_empty() {
                let from = rng.below(donor.len());
                let to = (from + 1 + rng.below(256)).min(donor.len());
                let at = rng.below(len + 1);
                input.splice(at..at, donor[from..to].iter().copied());
            }
        }
        7 if len > 1 => {
            // Repeat a piece: long lines, deep nesting, many rows.
            let at = rng.below(len);
            let end = (at + 1 + rng.below(32)).min(len);
            let piece = input[at..end].to_vec();
            let times = 1 + rng.below(16);
            for _ in 0..times {
                input.splice(at..at, piece.iter().copied());
            }
        }
        _ => {
            if len > 0 {
                let at = rng.below(len);
                input[at] = b"0123456789;,\"\n<>=/"[rng.below(18)];
            }
        }
    }
}

/// The next input for `target` from its seeds.
fn next_input(rng: &mut Rng, target: Target, seeds: &[Vec<u8>], unzipped: &[Entries]) -> Vec<u8> {
    let seed = rng.below(seeds.len());
    let rounds = 1 + rng.below(4);
    let zipped = matches!(target, Target::Xlsx | Target::Ods);
    if zipped && !unzipped[seed].is_empty() && rng.below(3) > 0 {
        let mut entries = unzipped[seed].clone();
        // Prefer the parts that hold the cells.
        let pick = entries
            .iter()
            .position(|(name, _)| {
                name.contains("sheet") || name == "content.xml" || name.contains("sharedStrings")
            })
            .filter(|_| rng.below(4) > 0)
            .unwrap_or_else(|| rng.below(entries.len()));
        for _ in 0..rounds {
            mutate(rng, &mut entries[pick].1, &[]);
        }
        return rezip(&entries);
    }
    let mut input = seeds[seed].clone();
    for _ in 0..rounds {
        mutate(rng, &mut input, seeds);
    }
    input
}

/// Runs one input through its parser; Err with the panic's message when it panicked.
pub fn run_one(target: Target, input: &[u8]) -> Result<Outcome, String> {
    let options = options();
    let result = catch_unwind(AssertUnwindSafe(|| match target {
        Target::Ron => {
            if cruscotto::store::parse(input, Path::new(target.file_name())).is_ok() {
                Outcome::Accepted
            } else {
                Outcome::Refused
            }
        }
        _ => match read_bytes(target.file_name(), input, &options) {
            Ok(_) => Outcome::Accepted,
            Err(error) if matches!(error.kind, ReadErrorKind::ReaderFailed { .. }) => {
                Outcome::Guarded
            }
            Err(_) => Outcome::Refused,
        },
    }));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    Refused,
    Guarded,
}

/// How long a fuzz run goes and what it keeps.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub inputs: u64,
    pub seed: u64,
    /// The run stops here even before `inputs`.
    pub deadline: Option<Instant>,
    /// Where panicking (and hanging) inputs are saved.
    pub crashes: Option<PathBuf>,
    /// How often a line of counts is printed, so that a long run stopped by hand still says
    /// how far it went.
    pub progress: Option<Duration>,
    /// An input still running after this long is a hang: it is saved under `crashes`, and
    /// the process ends with status 2 (a parser stuck in a loop cannot be stopped from
    /// outside its thread).
    pub hang_after: Option<Duration>,
}

/// Fuzzes `target` as `run` says.
pub fn fuzz(corpus: &Path, target: Target, run: &Run) -> Tally {
    let seeds = seeds(corpus, target);
    let unzipped: Vec<Entries> = seeds.iter().map(|s| unzip(s).unwrap_or_default()).collect();
    let mut rng = Rng::new(run.seed);
    let mut tally = Tally::default();
    // Each seed once as it is, then mutants.
    let mut queue: Vec<Vec<u8>> = seeds.clone();
    let run_started = Instant::now();
    let mut next_report = run.progress.map(|every| run_started + every);
    let watchdog = run
        .hang_after
        .map(|after| Watchdog::start(target, after, run.crashes.clone()));
    while tally.inputs < run.inputs {
        if tally.inputs.is_multiple_of(256) {
            let now = Instant::now();
            if run.deadline.is_some_and(|d| now > d) {
                break;
            }
            if let (Some(every), Some(at)) = (run.progress, next_report)
                && now > at
            {
                println!(
                    "{:<5} {:>11} inputs after {:>7.0} s, {} panics",
                    target.name(),
                    tally.inputs,
                    (now - run_started).as_secs_f64(),
                    tally.panics
                );
                next_report = Some(at + every);
            }
        }
        let input = Arc::new(
            queue
                .pop()
                .unwrap_or_else(|| next_input(&mut rng, target, &seeds, &unzipped)),
        );
        if let Some(watchdog) = &watchdog {
            watchdog.watch(&input);
        }
        let started = Instant::now();
        let outcome = run_one(target, &input);
        tally.slowest = tally.slowest.max(started.elapsed());
        tally.inputs += 1;
        match outcome {
            Ok(Outcome::Accepted) => tally.accepted += 1,
            Ok(Outcome::Refused) => {}
            Ok(Outcome::Guarded) => tally.guarded += 1,
            Err(message) => {
                tally.panics += 1;
                if tally.first_panic.is_none() {
                    tally.first_panic = Some(message);
                }
                if let Some(dir) = &run.crashes {
                    let _ = std::fs::create_dir_all(dir);
                    let name = format!("{}-{}.bin", target.name(), tally.inputs);
                    let _ = std::fs::write(dir.join(name), input.as_slice());
                }
            }
        }
    }
    tally
}

/// The input being parsed and when it started, looked at by a thread of its own until the
/// target's run ends.
struct Watchdog {
    current: Arc<Mutex<Running>>,
}

/// The input being parsed and when it started; `None` between targets.
type Running = Option<(Instant, Arc<Vec<u8>>)>;

impl Watchdog {
    fn start(target: Target, after: Duration, crashes: Option<PathBuf>) -> Watchdog {
        let current: Arc<Mutex<Running>> = Arc::new(Mutex::new(None));
        let watched = Arc::downgrade(&current);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(after / 4);
                // The run is over once its `Watchdog` is dropped.
                let Some(watched) = watched.upgrade() else {
                    return;
                };
                let running = watched
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                let Some((started, input)) = running else {
                    continue;
                };
                if started.elapsed() < after {
                    continue;
                }
                let saved = crashes.as_ref().and_then(|dir| {
                    let path = dir.join(format!("{}-hang.bin", target.name()));
                    std::fs::create_dir_all(dir).ok()?;
                    std::fs::write(&path, input.as_slice()).ok()?;
                    Some(path)
                });
                println!(
                    "{}: an input of {} bytes has run for {:.0} s: a hang{}",
                    target.name(),
                    input.len(),
                    started.elapsed().as_secs_f64(),
                    saved.map_or_else(String::new, |p| format!(", saved as {}", p.display()))
                );
                std::process::exit(2);
            }
        });
        Watchdog { current }
    }

    fn watch(&self, input: &Arc<Vec<u8>>) {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        *current = Some((Instant::now(), Arc::clone(input)));
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        // Between targets nothing runs: the last input must not look stuck.
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
