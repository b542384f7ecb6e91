//! A 64 KiB stack: this check reads no nested input (attribute values, one at a time), and a
//! page view that fetches it instantiates its memory.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=65536");
    }
}
