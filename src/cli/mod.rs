//! The headless command line. Analysts script it and tests drive it; it shares the model,
//! store and analysis with the window.

mod check;
mod demo;
mod source;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cruscotto",
    version,
    about = "Cruscotto: smart working in the partner Comuni, from plan to regime",
    long_about = "Cruscotto keeps a programme of partner Comuni making smart working permanent: \
                  partners, training modules, milestones, equipment, monthly observations and \
                  POLA/PIAO indicators, saved as one RON project file.\n\n\
                  Commands that take a FILE use the embedded demo programme when none is given."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a generated demo programme to a project file.
    Demo {
        /// Number of partner Comuni (8 by default; 7900 is every Comune in Italy).
        #[arg(
            long,
            default_value_t = cruscotto::demo::DemoOptions::default().partners,
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_DEMO_PARTNERS)
        )]
        partners: usize,
        /// Number of programme months.
        #[arg(
            long,
            default_value_t = cruscotto::demo::DemoOptions::default().months,
            value_parser = clap::value_parser!(u32).range(1..=i64::from(cruscotto::demo::MAX_MONTHS))
        )]
        months: u32,
        /// Seed of the generator: the same seed always gives the same programme.
        #[arg(long, default_value_t = cruscotto::demo::DemoOptions::default().seed)]
        seed: u64,
        /// Project file to write (replaced atomically; a previous file is kept as .bak).
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a project file and list its errors and warnings.
    ///
    /// Exit status: 0 valid (warnings allowed), 1 errors found, 2 the file cannot be read.
    Check {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
    },
    /// One row per partner with adoption, training, equipment and milestones, plus the consortium.
    Summary {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
        format: SummaryFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SummaryFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    Csv,
}

/// Far more Comuni than Italy has (7,900), and still a file that fits in memory.
const MAX_DEMO_PARTNERS: u64 = 50_000;

/// Exit status for a file that cannot be read as a project.
const EXIT_UNREADABLE: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => {
            print_short_help();
            ExitCode::SUCCESS
        }
        Some(Command::Demo {
            partners,
            months,
            seed,
            out,
        }) => demo::run(
            cruscotto::demo::DemoOptions {
                partners,
                months,
                seed,
            },
            &out,
        ),
        Some(Command::Check { file }) => check::run(file.as_deref()),
        Some(Command::Summary { file, format }) => summary::run(file.as_deref(), format),
    }
}

fn print_short_help() {
    println!(
        "Cruscotto {}\n\n\
         The dashboard window is not part of this version yet. Commands:\n  \
         cruscotto summary [FILE]             partners' adoption, training, equipment, milestones\n  \
         cruscotto check [FILE]               errors and warnings in a project file\n  \
         cruscotto demo --out FILE            write a generated demo programme\n\n\
         Without FILE, summary and check use the embedded demo programme.\n\
         Run `cruscotto --help` for all options.",
        env!("CARGO_PKG_VERSION")
    );
}
