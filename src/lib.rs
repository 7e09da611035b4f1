//! Cruscotto: the programme model, its files, its derived figures and its command line.
//! The desktop window builds on these; nothing in this crate's core knows about egui.

pub mod analysis;
pub mod demo;
pub mod model;
pub mod store;
