//! The queue of gated scripts: each runs as a live copy inserted right after it, in document
//! order, an external one finishing (or failing, or timing out) before the next runs.

use super::{source_of, DomGate, HANDLED};
use crate::browser::dom;
use crate::browser::trusted::set_script;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlScriptElement};

/// How long the queue waits for a gated external script before it runs the next one: a
/// server that never answers must not hold back every script after it.
const LOAD_WAIT_MS: i32 = 10_000;

/// Runs the queued scripts one after another until the queue is empty.
pub(super) async fn run_queue(gate: DomGate) {
    loop {
        let next = gate.queue.borrow_mut().pop_front();
        let Some(original) = next else { break };
        // The page removed it while earlier scripts loaded (a route change): a copy in a
        // detached tree would never run nor fire an event. If the page puts it back, the
        // observer queues it again.
        if !original.is_connected() {
            let _ = original.remove_attribute(HANDLED);
            continue;
        }
        if let Some((copy, loading)) = run_script(&original) {
            gate.added.borrow_mut().push((original, copy));
            if let Some(loading) = loading {
                let _ = wasm_bindgen_futures::JsFuture::from(loading).await;
            }
        }
    }
    gate.running.set(false);
}

/// The script types a browser runs (HTML's JavaScript MIME types, and modules), compared
/// without parameters and case.
const SCRIPT_TYPES: [&str; 16] = [
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/x-javascript",
];

/// Whether the browser runs `script` once inserted, and so fires its load or error event.
/// A `nomodule` script never runs in a browser that runs this engine (they all have modules).
fn browser_runs(script: &HtmlScriptElement) -> bool {
    let kind = script.type_().to_ascii_lowercase();
    let essence = kind.split(';').next().unwrap_or("").trim();
    !script.has_attribute("nomodule") && SCRIPT_TYPES.contains(&essence)
}

/// Runs `original` by inserting a live copy right after it; the original stays where the page
/// put it. Returns the copy and, for an external script, a promise that settles when it has
/// loaded (or failed), so the next one waits for it.
fn run_script(original: &Element) -> Option<(Element, Option<js_sys::Promise>)> {
    if !super::loadable(original) {
        return None;
    }
    let document = original.owner_document()?;
    let parent = original.parent_node()?;
    let script: HtmlScriptElement = dom::create_element(&document, "script")?.unchecked_into();
    let attributes = original.attributes();
    for attr in (0..attributes.length()).filter_map(|i| attributes.item(i)) {
        let name = attr.name();
        match name.as_str() {
            "type" | "src" | "data-src" | "data-type" | "nonce" | HANDLED => {}
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
    let src = source_of(original);
    let loading = match &src {
        Some(src) => {
            // Dynamically inserted scripts are async by default; order is kept by waiting.
            script.set_async(false);
            if !set_script(&script, true, src) {
                return None;
            }
            // Only a script the browser runs ever fires load or error: waiting for any other
            // (a `nomodule` copy, a template type) would hold back every script after it.
            // The page's own onload/onerror attributes stay: listen beside them. Wait at
            // most LOAD_WAIT_MS for a server that never answers.
            browser_runs(&script).then(|| {
                let target = script.clone();
                js_sys::Promise::new(&mut |resolve, _reject| {
                    let _ = target.add_event_listener_with_callback("load", &resolve);
                    let _ = target.add_event_listener_with_callback("error", &resolve);
                    if let Some(window) = web_sys::window() {
                        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                            &resolve,
                            LOAD_WAIT_MS,
                        );
                    }
                })
            })
        }
        None => {
            let text = original.text_content().unwrap_or_default();
            if !set_script(&script, false, &text) {
                return None;
            }
            None
        }
    };
    parent
        .insert_before(&script, original.next_sibling().as_ref())
        .ok()?;
    Some((script.into(), loading))
}
