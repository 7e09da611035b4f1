//! Property tests over arbitrary projects and edit sequences.

mod arb;
mod edit_props;
mod export_roundtrip_props;
mod import_props;
mod roundtrip_props;
