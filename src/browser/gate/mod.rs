//! Gated scripts and embeds in a real page. A script runs as a live copy inserted right after
//! it (a `type` change alone does not run it), keeping its attributes and `nonce`, once, and
//! in document order: an external script finishes loading before the next one runs. An embed
//! (an iframe, image, video or audio) keeps its URLs in `data-src`/`data-srcset`, on itself or
//! its `<source>` elements, until it may load. A blocked one other than an image gets an
//! accessible placeholder before it, with **Load content** (this one, this once) and **Always
//! allow** (grants its category through the controller); an image simply waits.
//!
//! The page's own nodes are never replaced, moved or wrapped: frameworks such as React and
//! Vue hold references to them and remove them later. The original stays in place, marked
//! handled; what Samtykke adds beside it goes when the page removes the original.
//!
//! `scripts.rs` runs the queue of scripts, `placeholders.rs` holds back embeds, and
//! `problems.rs` names markup that can never run.

mod placeholders;
mod problems;
mod scripts;

pub use placeholders::load_embed;

use super::ports::ScriptGate;
use crate::browser::dom;
use crate::core::{allows, url_problem, CategorySet, GATED_EMBEDS, HELD_URLS};
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

/// Marks an embed the gate hid behind its placeholder (and must show again).
const HIDDEN_BY_GATE: &str = "data-samtykke-hidden";

/// The class of a placeholder; `load_embed` removes one standing right before its embed.
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

fn permitted(element: &Element, granted: CategorySet, services_on: &[String]) -> bool {
    let category = element.get_attribute("data-category").unwrap_or_default();
    let service = element.get_attribute("data-service");
    loadable(element) && allows(&category, service.as_deref(), granted, services_on)
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

/// Calls `f` on each `<source>` element a gated element chooses from (a video's or audio's
/// own, or those of the `<picture>` an image is in) and on each of a video's `<track>`s (its
/// captions are a request too), then on the element itself, until `f` says it is done.
fn with_sources(element: &Element, f: &mut dyn FnMut(&Element) -> bool) {
    let scope = element
        .parent_element()
        .filter(|p| p.local_name() == "picture")
        .unwrap_or_else(|| element.clone());
    if let Ok(list) = scope.query_selector_all("source,track") {
        for i in 0..list.length() {
            if list.item(i).is_some_and(|source| f(source.unchecked_ref())) {
                return;
            }
        }
    }
    f(element);
}

/// Why a URL the element would load may never load, named: those of the `<source>` elements
/// it chooses from, and its own (a script's `src` too).
fn url_problem_of(element: &Element) -> Option<String> {
    let mut problem = None;
    with_sources(element, &mut |el| {
        problem = HELD_URLS.iter().find_map(|(held, _)| {
            let url = match *held {
                "data-src" => source_of(el),
                _ => el.get_attribute(held),
            };
            url_problem(held, &url?)
        });
        problem.is_some()
    });
    problem
}

/// Whether every URL the element would load, if any, is an `http(s)` or relative one: anything
/// else (`javascript:`, `data:`) would run in the page's origin, and is never loaded.
fn loadable(element: &Element) -> bool {
    url_problem_of(element).is_none()
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

    fn activate(&self, granted: CategorySet, services_on: &[String]) {
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
                if permitted(&element, granted, services_on)
                    && self.nonce_problem(&element).is_none()
                {
                    let _ = element.set_attribute(HANDLED, "");
                    queue.push_back(element);
                }
            }
        }
        // Iframes, images, video and audio, in document order.
        let embeds = format!("{GATED_EMBEDS}:not([{HANDLED}])");
        if let Some(list) = dom::query_selector_all(&document, &embeds) {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(embed) = node.dyn_into::<Element>() else {
                    continue;
                };
                self.report_markup_problem(&embed);
                if permitted(&embed, granted, services_on) {
                    load_embed(&embed);
                } else {
                    self.ensure_placeholder(&embed);
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
