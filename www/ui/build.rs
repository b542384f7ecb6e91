//! Links the wasm with a 256 KiB stack instead of rustc's default 1 MiB: every page view
//! instantiates that memory, and the engine's deepest recursion (the JSON reader stops at 128
//! levels of nesting) needs a small part of it. The stack sits first in memory, so an
//! overflow would trap rather than overwrite data.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=262144");
    }
}
