//! The `cruscotto` binary as analysts script it.

mod cli;
mod cli_import;
mod cli_project;
mod exchange_export;
