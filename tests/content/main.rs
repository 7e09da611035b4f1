//! What ships inside the app: the demo programme, the fonts' glyphs, the translations.

mod demo;
mod exchange_fixtures;
mod glyphs;
mod i18n_complete;
mod i18n_plurals;
