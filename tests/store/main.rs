//! The project files: round trips, bad input, crash safety, recovery and the golden file.

mod bad_input;
mod crash_safety;
mod exchange_untrusted;
mod fuzz_short;
mod golden;
mod import_fixtures;
mod recovery;
mod roundtrip;
mod store_support;
