//! Cruscotto: the programme model, its files, its derived figures, its command line and
//! its desktop window. model/, store/, analysis/, fields/ and i18n/ know nothing of egui; ui/ and
//! app/ build the window on them.

// `unsafe` only where the projection engine calls its vector copies (allowed there by name).
#![deny(unsafe_code)]

pub mod analysis;
pub mod app;
pub mod demo;
pub mod exchange;
pub mod fields;
pub mod i18n;
pub mod model;
pub mod render;
pub mod report;
pub mod store;
pub mod ui;

// The UI translations (assets/locales/*.yml), compiled in; English fills any gap.
rust_i18n::i18n!("assets/locales", fallback = "en");
