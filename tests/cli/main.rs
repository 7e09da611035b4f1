//! The `cruscotto` binary as analysts script it.

mod cli;
mod cli_import;
mod cli_project;
mod cli_report;
mod cli_slides;
mod cli_slides_pdf;
mod exchange_export;
