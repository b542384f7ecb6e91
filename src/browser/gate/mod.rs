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
//! This module decides which gated elements may run; running a script's copy, in order, and
//! letting an embed load are page actions (`gate.js`).
//! `placeholders.rs` holds back embeds, and `problems.rs` names markup that can never run.

mod placeholders;
mod problems;

pub use placeholders::load_embed;

use super::ports::ScriptGate;
use crate::browser::dom;
use crate::core::{
    allows, url_problem, CategorySet, GATED_EMBEDS, GATED_SCRIPTS, HANDLED, HELD_URLS_TEXT,
};
use placeholders::Placeholders;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/browser/gate.js")]
extern "C" {
    /// Queues a script the gate let run (and marks it handled).
    #[wasm_bindgen(js_name = queueScript)]
    fn queue_script(original: &Element);
    /// Lets an embed the gate allowed load (see `load_embed`).
    #[wasm_bindgen(js_name = loadEmbed)]
    fn load_embed_now(embed: &Element, held: &str);
    /// Removes the scripts' copies whose originals left the document.
    #[wasm_bindgen(js_name = tidyAdded)]
    fn tidy_added();
    /// Every URL `element` would load, as holding attribute and value in turn.
    #[wasm_bindgen(js_name = heldUrls)]
    fn held_urls(element: &Element, held: &str) -> Vec<String>;
}

/// Marks a gated element whose attributes can never let it run, with the reason (reported
/// once in the console; the attribute shows it in the page's inspector too).
const PROBLEM: &str = "data-samtykke-problem";

/// Marks an embed the gate hid behind its placeholder (and `gate.js` shows again; a test in
/// gating.test.mjs holds the two names together, as for [`PLACEHOLDER`] and `HANDLED`).
const HIDDEN_BY_GATE: &str = "data-samtykke-hidden";

/// The class of a placeholder; `gate.js` removes one standing right before its embed that
/// may load.
const PLACEHOLDER: &str = "samtykke-placeholder";

/// The page's gate.
#[derive(Default, Clone)]
pub struct DomGate {
    placeholders: Rc<RefCell<Placeholders>>,
    /// The placeholder added before a page's embed, paired with that embed: it goes when the
    /// page removes the embed (as a script's copy does, in `gate.js`).
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

/// Why a URL the element would load may never load, named: those of the `<source>` elements
/// it chooses from, and its own (a script's `src` too), as `gate.js` lists them.
fn url_problem_of(element: &Element) -> Option<String> {
    let urls = held_urls(element, HELD_URLS_TEXT);
    urls.chunks(2)
        .find_map(|pair| url_problem(&pair[0], pair.get(1)?))
}

/// Whether every URL the element would load, if any, is an `http(s)` or relative one: anything
/// else (`javascript:`, `data:`) would run in the page's origin, and is never loaded.
fn loadable(element: &Element) -> bool {
    url_problem_of(element).is_none()
}

impl ScriptGate for DomGate {
    fn tidy(&self) {
        tidy_added();
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
        let selector = format!("{GATED_SCRIPTS}:not([{HANDLED}])");
        if let Some(list) = dom::query_selector_all(&document, &selector) {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                let Ok(element) = node.dyn_into::<Element>() else {
                    continue;
                };
                self.report_markup_problem(&element);
                if permitted(&element, granted, services_on)
                    && self.nonce_problem(&element).is_none()
                {
                    // Checked and queued in one go: the page cannot swap the URL between.
                    queue_script(&element);
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
    }
}

impl std::fmt::Debug for DomGate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DomGate").finish_non_exhaustive()
    }
}
