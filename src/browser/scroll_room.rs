//! Room at the bottom of the page for a banner that covers it, so that a focused element is
//! never hidden behind the banner (WCAG 2.2, 2.4.11 Focus Not Obscured). Used by the core's
//! first layer and by the Yew banner alike.
//!
//! Two parts: `scroll-padding-bottom` makes the browser scroll a focused element above the
//! banner, and an empty block at the end of the body gives the page that much more to scroll
//! at its end, where there was nothing left to scroll (the last links, the page's footer).
//! The block comes after everything, so nothing on the page moves (no layout shift). Both
//! are page actions in `room.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/room.js")]
extern "C" {
    /// Keeps the page's focused element from hiding behind a bottom banner (WCAG 2.4.11): the
    /// page scrolls with room for the banner found in `container`, measured in the next
    /// animation frame (not in the middle of drawing it). `None` gives the room back at once.
    #[wasm_bindgen(js_name = reserveSpace)]
    pub fn reserve_space(container: Option<&web_sys::Element>);
}
