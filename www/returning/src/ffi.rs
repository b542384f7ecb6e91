//! Strings across the boundary with `glue.js`, without wasm-bindgen: the glue writes UTF-8
//! into a buffer from [`alloc`] and passes its address and length to an export, which takes
//! the buffer back ([`take`]); an export that answers with text puts it in one buffer
//! ([`give`]) and returns its length, and [`out`] gives its address.

use std::cell::Cell;

/// A text the exports share. The module runs on the page's one thread (wasm32 without
/// threads), so a plain cell is enough: it has none of the panic paths (and their messages)
/// of `thread_local!` and `RefCell`, which every returning page view would download.
pub struct Slot(Cell<String>);

// SAFETY: this module is built for wasm32 without threads; no other thread can exist. (Its
// native build is for its one unit test, which runs on one thread.)
unsafe impl Sync for Slot {}

impl Slot {
    /// An empty slot.
    pub const fn new() -> Slot {
        Slot(Cell::new(String::new()))
    }

    /// Puts `text` in the slot.
    pub fn set(&self, text: String) {
        self.0.set(text);
    }

    /// `f` on the slot's text.
    pub fn with<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        let text = self.0.take();
        let out = f(&text);
        self.0.set(text);
        out
    }
}

/// The last text given to the glue.
static OUT: Slot = Slot::new();

/// A buffer of `len` bytes for the glue to write a string into; the export it is passed to
/// takes it back.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// The address of the last text an export gave.
#[no_mangle]
pub extern "C" fn out() -> *const u8 {
    // The text's heap buffer stays where it is while it is in the slot.
    OUT.with(str::as_ptr)
}

/// Takes back a buffer from [`alloc`] the glue filled with `len` bytes; `None` unless they
/// are UTF-8.
///
/// # Safety
/// `ptr` is null or a buffer from `alloc(len)` whose `len` bytes are written, and nothing uses
/// it afterwards: the glue's contract with every export that takes a string.
pub unsafe fn take(ptr: *mut u8, len: usize) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: allocated by `alloc` for exactly `len` bytes (the caller's contract).
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    String::from_utf8(bytes).ok()
}

/// Keeps `text` for the glue to read at [`out`]; returns its length.
pub fn give(text: &str) -> usize {
    OUT.set(text.to_owned());
    text.len()
}

/// What the exports' tests hand over and read back, as the glue does.
#[cfg(test)]
pub mod testing {
    use super::{alloc, out};

    /// A string handed over as the glue does: UTF-8 in a buffer from `alloc`.
    pub fn put(text: &str) -> (*mut u8, usize) {
        let at = alloc(text.len());
        // SAFETY: `at` was allocated for `text.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), at, text.len()) };
        (at, text.len())
    }

    /// The text an export gave.
    pub fn given(len: usize) -> String {
        // SAFETY: `out()` points at the last given text, `len` bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(out(), len) };
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}
