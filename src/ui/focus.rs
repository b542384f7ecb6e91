//! Focus handling for dialogs: move focus in, keep Tab inside, give it back after.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex=\"-1\"])";

fn focusables(container: &Element) -> Vec<HtmlElement> {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The element that has focus now.
pub fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

/// Focuses the first focusable element inside `container`.
pub fn focus_first(container: &Element) {
    if let Some(first) = focusables(container).first() {
        let _ = first.focus();
    }
}

/// Keeps Tab and Shift+Tab inside `container`; returns whether the key was handled.
pub fn trap_tab(container: &Element, event: &web_sys::KeyboardEvent) -> bool {
    if event.key() != "Tab" {
        return false;
    }
    let items = focusables(container);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return false;
    };
    let active = active_element();
    let at_edge = if event.shift_key() {
        active.as_ref() == Some(first) || active.is_none()
    } else {
        active.as_ref() == Some(last)
    };
    if at_edge {
        event.prevent_default();
        let _ = if event.shift_key() {
            last.focus()
        } else {
            first.focus()
        };
    }
    at_edge
}

/// Gives focus back to `previous` if it is still on the page, else to the settings button.
pub fn restore_focus(previous: Option<HtmlElement>) {
    if let Some(previous) = previous.filter(|p| p.is_connected()) {
        let _ = previous.focus();
        return;
    }
    let fallback = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".samtykke-settings-button").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(button) = fallback {
        let _ = button.focus();
    }
}
