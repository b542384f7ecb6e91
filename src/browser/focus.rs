//! Focus handling for dialogs: move focus in, keep Tab inside, give it back after.

use super::listener::Listener;
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

thread_local! {
    static LAST_FOCUSED: std::cell::RefCell<Option<HtmlElement>> = const { std::cell::RefCell::new(None) };
    /// The page's one focus tracker, installed by the first first layer.
    static TRACKER: std::cell::RefCell<Option<Listener>> = const { std::cell::RefCell::new(None) };
}

/// Starts remembering the last focused element outside Samtykke's dialogs (once per page).
/// A dialog's opener is often removed as the dialog opens (the banner goes away), so by then
/// `document.activeElement` no longer says who opened it; this does.
pub fn track_focus() {
    if TRACKER.with(|t| t.borrow().is_some()) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let tracker = Listener::new(&document, "focusin", |e| {
        let target = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok());
        if let Some(target) = target {
            let in_dialog = target
                .closest("[aria-modal=\"true\"]")
                .ok()
                .flatten()
                .is_some();
            if !in_dialog {
                LAST_FOCUSED.with(|l| *l.borrow_mut() = Some(target));
            }
        }
    });
    TRACKER.with(|t| *t.borrow_mut() = Some(tracker));
}

/// The element that had focus before a dialog took it.
pub fn opener() -> Option<HtmlElement> {
    LAST_FOCUSED
        .with(|l| l.borrow().clone())
        .or_else(active_element)
}

/// The element that has focus now.
pub fn active_element() -> Option<HtmlElement> {
    super::dom::active_element(&web_sys::window()?.document()?)?
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

/// Gives focus back to `previous` once the views have re-rendered. When `previous` was
/// re-rendered itself (the banner's "Manage preferences"), its new copy gets focus, found by
/// its `data-action`. When there is no opener to go back to (it is gone for good, or it was
/// the page's `<body>`), focus goes to the banner's "Manage preferences" if the banner is back,
/// else to the settings button, so it is never left on nothing.
pub fn restore_focus(previous: Option<HtmlElement>) {
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        let document = web_sys::window().and_then(|w| w.document());
        let find = |selector: &str| {
            document
                .as_ref()
                .and_then(|d| super::dom::query_selector(d, selector))
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        };
        let is_page_root = |e: &HtmlElement| matches!(e.tag_name().as_str(), "BODY" | "HTML");
        let target = match previous {
            Some(p) if is_page_root(&p) => None,
            Some(p) if p.is_connected() => Some(p),
            Some(p) => p
                .get_attribute("data-action")
                .and_then(|action| find(&format!(".samtykke [data-action=\"{action}\"]"))),
            None => None,
        };
        let fallback = || {
            find(".samtykke [data-action=\"manage\"]")
                .or_else(|| find(".samtykke-settings-button:not([hidden])"))
        };
        if let Some(element) = target.or_else(fallback) {
            let _ = element.focus();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(later.unchecked_ref());
    }
}
