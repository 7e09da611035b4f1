// The translations are compiled into the binary by `rust_i18n::i18n!`; rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=assets/locales");
}
