//! Room at the bottom of the page for a banner that covers it, so that a focused element is
//! never hidden behind the banner (WCAG 2.2, 2.4.11 Focus Not Obscured). Used by the core's
//! first layer and by the Yew banner alike.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Keeps the page's focused element from hiding behind a bottom banner (WCAG 2.4.11): the
/// page scrolls with room for the banner found in `container`. Set through CSSOM, which a
/// strict CSP allows. `None` gives the room back.
pub fn reserve_space(container: Option<&Element>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| super::dom::root(&d))
        .and_then(|r| r.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let banner = container.and_then(|c| {
        if c.matches(".samtykke-banner").unwrap_or(false) {
            Some(c.clone())
        } else {
            c.query_selector(".samtykke-banner").ok().flatten()
        }
    });
    let style = root.style();
    match banner.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        Some(banner) => {
            let height = banner.offset_height();
            let _ = style.set_property("scroll-padding-bottom", &format!("{height}px"));
        }
        None => {
            let _ = style.remove_property("scroll-padding-bottom");
        }
    }
}
