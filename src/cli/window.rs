//! `cruscotto [FILE]`: the dashboard window.

use std::path::PathBuf;
use std::process::ExitCode;

use cruscotto::app::launch::{LaunchOptions, run};

pub fn open(file: Option<PathBuf>) -> ExitCode {
    match run(LaunchOptions {
        file,
        ..LaunchOptions::default()
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
