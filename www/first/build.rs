//! A 256 KiB stack, as the full engine's: this engine reads the config, whose JSON reader
//! stops at 128 levels of nesting. The stack sits first in memory, so an overflow would trap
//! rather than overwrite data.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=262144");
    }
}
