//! A 64 KiB stack: this engine reads no nested input (the plan is flat text), and every page
//! view instantiates the memory.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=65536");
    }
}
