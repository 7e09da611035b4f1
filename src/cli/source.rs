//! Where a command's project comes from: a file, or the embedded demo.

use std::path::Path;

use cruscotto::model::Project;
use cruscotto::store::{self, LoadError};

/// The project in `file`, or the embedded demo programme when no file is given.
pub fn load_project(file: Option<&Path>) -> Result<(String, Project), LoadError> {
    match file {
        Some(path) => Ok((path.display().to_string(), store::load(path)?)),
        None => Ok(("embedded demo".to_owned(), cruscotto::demo::embedded())),
    }
}
