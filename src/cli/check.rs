//! `cruscotto check`: findings of a project file, with an exit status scripts can test.

use std::path::Path;
use std::process::ExitCode;

use cruscotto::model::validate::{self, Severity};

use super::{EXIT_UNREADABLE, source};

pub fn run(file: Option<&Path>) -> ExitCode {
    let (name, project) = match source::load_project(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let findings = validate::validate(&project);
    for finding in &findings {
        let label = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        println!("{label}: {finding}");
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    println!(
        "{name}: {errors} {}, {warnings} {}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
