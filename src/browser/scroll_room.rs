//! Room at the bottom of the page for a banner that covers it, so that a focused element is
//! never hidden behind the banner (WCAG 2.2, 2.4.11 Focus Not Obscured). Used by the core's
//! first layer and by the Yew banner alike.
//!
//! Two parts: `scroll-padding-bottom` makes the browser scroll a focused element above the
//! banner, and an empty block at the end of the body gives the page that much more to scroll
//! at its end, where there was nothing left to scroll (the last links, the page's footer).
//! The block comes after everything, so nothing on the page moves (no layout shift).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The element that holds the room: a name no page styles.
const ROOM: &str = "samtykke-room";

/// Keeps the page's focused element from hiding behind a bottom banner (WCAG 2.4.11): the
/// page scrolls with room for the banner found in `container`. Set through CSSOM, which a
/// strict CSP allows. `None` gives the room back at once.
///
/// The banner is measured in the next animation frame: reading its height while it is being
/// drawn would make the browser lay out the whole page in the middle of that task (tens of
/// ms on a slow phone), where the frame lays it out anyway.
pub fn reserve_space(container: Option<&Element>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    match container.cloned() {
        None => fit_room(None),
        Some(container) => {
            let later = Closure::once_into_js(move || fit_room(Some(&container)));
            let _ = window.request_animation_frame(later.unchecked_ref());
        }
    }
}

/// Sets the room to the height of the banner in `container` (drawn and still in the page), or
/// gives it back.
fn fit_room(container: Option<&Element>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let container = container.filter(|c| c.is_connected());
    let Some(root) = super::dom::root(&document).and_then(|r| r.dyn_into::<HtmlElement>().ok())
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
    let room = room(&document);
    match banner.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        Some(banner) => {
            let height = format!("{}px", banner.offset_height());
            let _ = style.set_property("scroll-padding-bottom", &height);
            if let Some(room) = room.or_else(|| add_room(&document)) {
                let _ = room.style().set_property("height", &height);
            }
        }
        None => {
            let _ = style.remove_property("scroll-padding-bottom");
            if let Some(room) = room {
                room.remove();
            }
        }
    }
}

fn room(document: &Document) -> Option<HtmlElement> {
    super::dom::query_selector(document, ROOM)?.dyn_into().ok()
}

/// An empty, hidden-from-assistive-technology block at the end of the body.
fn add_room(document: &Document) -> Option<HtmlElement> {
    let room: HtmlElement = super::dom::create_element(document, ROOM)?
        .dyn_into()
        .ok()?;
    let _ = room.set_attribute("aria-hidden", "true");
    let _ = room.style().set_property("display", "block");
    super::dom::body(document)?.append_child(&room).ok()?;
    Some(room)
}
