//! Gated scripts and embeds in a real page. A script runs as a live copy inserted right after
//! it (a `type` change alone does not run it), keeping its attributes and `nonce`, once, and
//! in document order: an external script finishes loading before the next one runs. A blocked
//! iframe gets an accessible placeholder before it, with **Load content** (this one, this
//! once) and **Always allow** (grants its category through the controller).
//!
//! The page's own nodes are never replaced, moved or wrapped: frameworks such as React and
//! Vue hold references to them and remove them later. The original stays in place, marked
//! handled; what Samtykke adds beside it goes when the page removes the original.
//!
//! `scripts.rs` runs the queue of scripts, `placeholders.rs` holds back iframes, and
//! `problems.rs` names markup that can never run.

mod placeholders;
mod problems;
mod scripts;

pub use placeholders::load_frame;

use super::ports::ScriptGate;
use crate::browser::dom;
use crate::core::scheme_problem;
use crate::core::{allows, CategorySet, ConsentRecord};
use placeholders::Placeholders;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Marks an element that is queued or done, so nothing runs twice.
const HANDLED: &str = "data-samtykke-handled";

/// Marks a gated element whose attributes can never let it run, with the reason (reported
/// once in the console; the attribute shows it in the page's inspector too).
const PROBLEM: &str = "data-samtykke-problem";

/// Marks an iframe the gate hid behind its placeholder (and must show again).
const HIDDEN_BY_GATE: &str = "data-samtykke-hidden";

/// The class of a placeholder; `load_frame` removes one standing right before its iframe.
const PLACEHOLDER: &str = "samtykke-placeholder";

/// The page's gate.
#[derive(Default, Clone)]
pub struct DomGate {
    queue: Rc<RefCell<VecDeque<Element>>>,
    running: Rc<Cell<bool>>,
    placeholders: Rc<RefCell<Placeholders>>,
    /// What Samtykke added beside a page's element (a script's live copy, an embed's
    /// placeholder), paired with that element: it goes when the page removes the element.
    added: Rc<RefCell<Vec<(Element, Element)>>>,
    /// The CSP nonce Samtykke was given: gated scripts must carry it to run.
    nonce: Rc<RefCell<Option<String>>>,
}

impl DomGate {
    /// A gate with nothing queued. Its placeholders speak English with the built-in texts and
    /// have no **Always allow** until [`DomGate::set_texts`] and [`DomGate::set_always_allow`].
    pub fn new() -> Self {
        DomGate::default()
    }
}

fn permitted(element: &Element, granted: CategorySet, record: Option<&ConsentRecord>) -> bool {
    let category = element.get_attribute("data-category").unwrap_or_default();
    let service = element.get_attribute("data-service");
    loadable(element) && allows(&category, service.as_deref(), granted, record)
}

/// Where a gated element loads from: its `data-src`, or for a script marked up as other
/// consent tools want it, a `src` (which a `type="text/plain"` script never fetches).
fn source_of(element: &Element) -> Option<String> {
    element.get_attribute("data-src").or_else(|| {
        (element.local_name() == "script")
            .then(|| element.get_attribute("src"))
            .flatten()
    })
}

/// Whether the element's source, if any, is an `http(s)` or relative URL: anything else
/// (`javascript:`, `data:`) would run in the page's origin, and is never loaded.
fn loadable(element: &Element) -> bool {
    source_of(element).is_none_or(|src| scheme_problem(&src).is_none())
}

impl ScriptGate for DomGate {
    fn tidy(&self) {
        self.added.borrow_mut().retain(|(original, added)| {
            let kept = original.is_connected();
            if !kept {
                added.remove();
            }
            kept
        });
    }

    fn activate(&self, granted: CategorySet, record: Option<&ConsentRecord>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("script[type=\"text/plain\"][data-category]:not([{HANDLED}])");
        if let Some(list) = dom::query_selector_all(&document, &selector) {
            let mut queue = self.queue.borrow_mut();
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(element) = node.dyn_into::<Element>() else {
                    continue;
                };
                self.report_markup_problem(&element);
                if permitted(&element, granted, record) && self.nonce_problem(&element).is_none() {
                    let _ = element.set_attribute(HANDLED, "");
                    queue.push_back(element);
                }
            }
        }
        let iframes = format!("iframe[data-category][data-src]:not([{HANDLED}])");
        if let Some(list) = dom::query_selector_all(&document, &iframes) {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(frame) = node.dyn_into::<Element>() else {
                    continue;
                };
                self.report_markup_problem(&frame);
                if permitted(&frame, granted, record) {
                    load_frame(&frame);
                } else {
                    self.ensure_placeholder(&frame);
                }
            }
        }
        if !self.running.get() {
            self.running.set(true);
            wasm_bindgen_futures::spawn_local(scripts::run_queue(self.clone()));
        }
    }
}

impl std::fmt::Debug for DomGate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DomGate").finish_non_exhaustive()
    }
}
