//! Gated scripts and embeds in a real page. A script is re-created (a `type` change alone does
//! not run it), keeps its attributes and `nonce`, runs once, and in document order: an
//! external script finishes loading before the next one runs.

use super::ports::ScriptGate;
use crate::core::gating::allows;
use crate::core::{CategorySet, ConsentRecord};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlScriptElement};

/// Marks an element that is queued or done, so nothing runs twice.
const HANDLED: &str = "data-samtykke-handled";

/// The page's gate.
#[derive(Default, Clone)]
pub struct DomGate {
    queue: Rc<RefCell<VecDeque<Element>>>,
    running: Rc<Cell<bool>>,
}

impl DomGate {
    /// A gate with nothing queued.
    pub fn new() -> Self {
        DomGate::default()
    }
}

fn permitted(element: &Element, granted: CategorySet, record: Option<&ConsentRecord>) -> bool {
    let category = element.get_attribute("data-category").unwrap_or_default();
    let service = element.get_attribute("data-service");
    allows(&category, service.as_deref(), granted, record)
}

impl ScriptGate for DomGate {
    fn activate(&self, granted: CategorySet, record: Option<&ConsentRecord>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("script[type=\"text/plain\"][data-category]:not([{HANDLED}])");
        if let Ok(list) = document.query_selector_all(&selector) {
            let mut queue = self.queue.borrow_mut();
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(element) = node.dyn_into::<Element>() else {
                    continue;
                };
                if permitted(&element, granted, record) {
                    let _ = element.set_attribute(HANDLED, "");
                    queue.push_back(element);
                }
            }
        }
        let iframes = format!("iframe[data-category][data-src]:not([{HANDLED}])");
        if let Ok(list) = document.query_selector_all(&iframes) {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(frame) = node.dyn_into::<Element>() else {
                    continue;
                };
                if permitted(&frame, granted, record) {
                    load_frame(&frame);
                }
            }
        }
        if !self.running.get() {
            self.running.set(true);
            let gate = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    let next = gate.queue.borrow_mut().pop_front();
                    let Some(original) = next else { break };
                    if let Some(loading) = run_script(&original) {
                        let _ = wasm_bindgen_futures::JsFuture::from(loading).await;
                    }
                }
                gate.running.set(false);
            });
        }
    }
}

/// Gives a gated iframe its real `src`.
pub fn load_frame(frame: &Element) {
    if let Some(src) = frame.get_attribute("data-src") {
        let _ = frame.set_attribute(HANDLED, "");
        let _ = frame.set_attribute("src", &src);
        let _ = frame.remove_attribute("data-src");
        if let Some(placeholder) = frame.previous_element_sibling() {
            if placeholder.class_list().contains("samtykke-placeholder") {
                placeholder.remove();
            }
        }
    }
}

/// Replaces `original` with a live copy. Returns a promise that settles when an external
/// script has loaded (or failed), so the next one waits for it.
fn run_script(original: &Element) -> Option<js_sys::Promise> {
    let document = original.owner_document()?;
    let parent = original.parent_node()?;
    let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
    let attributes = original.attributes();
    for attr in (0..attributes.length()).filter_map(|i| attributes.item(i)) {
        let name = attr.name();
        match name.as_str() {
            "type" | "data-src" | "data-type" | "nonce" | HANDLED => {}
            _ => {
                let _ = script.set_attribute(&name, &attr.value());
            }
        }
    }
    // Chromium hides a parsed script's nonce attribute; only the property still has it.
    let nonce = original.unchecked_ref::<web_sys::HtmlElement>().nonce();
    if !nonce.is_empty() {
        script.set_nonce(&nonce);
    }
    if let Some(kind) = original.get_attribute("data-type") {
        script.set_type(&kind);
    }
    let _ = script.set_attribute(HANDLED, "");
    let src = original.get_attribute("data-src");
    let loading = src.as_ref().map(|src| {
        // Dynamically inserted scripts are async by default; order is kept by waiting instead.
        script.set_async(false);
        script.set_src(src);
        let target = script.clone();
        js_sys::Promise::new(&mut |resolve, _reject| {
            target.set_onload(Some(&resolve));
            target.set_onerror(Some(&resolve));
        })
    });
    if src.is_none() {
        script
            .set_text(&original.text_content().unwrap_or_default())
            .ok()?;
    }
    parent.replace_child(&script, original).ok()?;
    loading
}
