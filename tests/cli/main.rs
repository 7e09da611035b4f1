//! The `cruscotto` binary as analysts script it.

mod cli;
mod cli_project;
mod cli_slides;
