//! `cruscotto demo`: write a generated programme to a project file.

use std::path::Path;
use std::process::ExitCode;

use cruscotto::demo::{self, DemoOptions};
use cruscotto::store;

pub fn run(options: DemoOptions, out: &Path) -> ExitCode {
    let project = demo::generate(&options);
    match store::save(out, &project) {
        Ok(()) => {
            println!(
                "wrote {} ({} partners, {} months)",
                out.display(),
                project.partners.len(),
                options.months
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
