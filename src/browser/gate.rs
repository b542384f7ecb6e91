//! Gated scripts and embeds in a real page. A script runs as a live copy inserted right after
//! it (a `type` change alone does not run it), keeping its attributes and `nonce`, once, and
//! in document order: an external script finishes loading before the next one runs. A blocked
//! iframe gets an accessible placeholder before it, with **Load content** (this one, this
//! once) and **Always allow** (grants its category through the controller).
//!
//! The page's own nodes are never replaced, moved or wrapped: frameworks such as React and
//! Vue hold references to them and remove them later. The original stays in place, marked
//! handled; what Samtykke adds beside it goes when the page removes the original.

use super::page::console_error;
use super::ports::ScriptGate;
use crate::core::scheme_problem;
use crate::core::{
    allows, markup_problem, nonce_problem, placeholder_texts, wanted_categories, Embed,
    PlaceholderTexts,
};
use crate::core::{CategorySet, Config, ConsentRecord};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlScriptElement};

/// Marks an element that is queued or done, so nothing runs twice.
const HANDLED: &str = "data-samtykke-handled";

/// Marks a gated element whose attributes can never let it run, with the reason (reported
/// once in the console; the attribute shows it in the page's inspector too).
const PROBLEM: &str = "data-samtykke-problem";

/// Marks an iframe the gate hid behind its placeholder (and must show again).
const HIDDEN_BY_GATE: &str = "data-samtykke-hidden";

/// The class of a placeholder; `load_frame` removes one standing right before its iframe.
const PLACEHOLDER: &str = "samtykke-placeholder";

type AlwaysAllow = Rc<dyn Fn(CategorySet)>;

/// What placeholders need: texts, and what "Always allow" does.
struct Placeholders {
    config: Rc<Config>,
    language: String,
    always_allow: Option<AlwaysAllow>,
    /// One click listener shared by every placeholder, made on first use.
    on_click: Option<Closure<dyn Fn(web_sys::Event)>>,
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders {
            config: Rc::new(Config::default()),
            language: "en".to_owned(),
            always_allow: None,
            on_click: None,
        }
    }
}

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

/// How long the queue waits for a gated external script before it runs the next one: a
/// server that never answers must not hold back every script after it.
const LOAD_WAIT_MS: i32 = 10_000;

impl DomGate {
    /// A gate with nothing queued. Its placeholders speak English with the built-in texts and
    /// have no **Always allow** until [`DomGate::set_texts`] and [`DomGate::set_always_allow`].
    pub fn new() -> Self {
        DomGate::default()
    }

    /// The config (labels, text overrides) and language of the placeholders. Placeholders
    /// already on the page are re-worded when the language changes.
    pub fn set_texts(&self, config: Rc<Config>, language: &str) {
        let changed = {
            let mut p = self.placeholders.borrow_mut();
            let changed = p.language != language || !Rc::ptr_eq(&p.config, &config);
            p.config = config;
            p.language = language.to_owned();
            changed
        };
        if changed {
            self.reword_placeholders();
        }
    }

    /// The CSP nonce Samtykke was given (the loader's own): from then on a gated script runs
    /// only if it carries the same nonce, so markup injected into the page cannot borrow the
    /// page's trust through Samtykke.
    pub fn require_nonce(&self, nonce: &str) {
        *self.nonce.borrow_mut() = (!nonce.is_empty()).then(|| nonce.to_owned());
    }

    /// What **Always allow** does: `grant` receives the categories the embed needs, and is
    /// expected to add them to the choice in force (the gate then loads the embed when
    /// activated). Without it, placeholders offer only **Load content**.
    pub fn set_always_allow(&self, grant: impl Fn(CategorySet) + 'static) {
        self.placeholders.borrow_mut().always_allow = Some(Rc::new(grant));
    }

    /// Reports, once per element, a `data-category` or `data-service` that can never let it
    /// run with this config (a typo such as "analytics", a category the config leaves out).
    fn report_markup_problem(&self, element: &Element) {
        if element.has_attribute(PROBLEM) {
            return;
        }
        let category = element.get_attribute("data-category").unwrap_or_default();
        let service = element.get_attribute("data-service");
        let src = source_of(element);
        let problem = markup_problem(
            &self.placeholders.borrow().config,
            src.as_deref(),
            &category,
            service.as_deref(),
        )
        .or_else(|| self.nonce_problem(element).map(str::to_owned));
        if let Some(problem) = problem {
            let _ = element.set_attribute(PROBLEM, &problem);
            let id = element.id();
            let named = if id.is_empty() {
                String::new()
            } else {
                format!(" id=\"{id}\"")
            };
            console_error(&format!(
                "samtykke: <{}{named} data-category=\"{category}\">: {problem}",
                element.local_name()
            ));
        }
    }

    /// Why a gated script may not run for want of the page's nonce, if it may not.
    fn nonce_problem(&self, element: &Element) -> Option<&'static str> {
        if element.local_name() != "script" {
            return None;
        }
        let nonce = element.unchecked_ref::<web_sys::HtmlElement>().nonce();
        nonce_problem(self.nonce.borrow().as_deref(), &nonce)
    }

    fn texts_for(&self, frame: &Element) -> Option<PlaceholderTexts> {
        let category = frame.get_attribute("data-category").unwrap_or_default();
        let service = frame.get_attribute("data-service");
        let title = frame.get_attribute("title");
        let src = frame.get_attribute("data-src");
        let p = self.placeholders.borrow();
        placeholder_texts(
            &p.config,
            &p.language,
            Embed {
                category: &category,
                service: service.as_deref(),
                title: title.as_deref(),
                src: src.as_deref(),
            },
        )
    }

    /// Puts a placeholder before a blocked `frame`, once, and hides the empty frame. A frame
    /// whose `data-src` may never load gets none: its **Load content** could not keep its word.
    fn ensure_placeholder(&self, frame: &Element) {
        if placeholder_of(frame).is_some() || !loadable(frame) {
            return;
        }
        let Some(texts) = self.texts_for(frame) else {
            return;
        };
        let Some(placeholder) = self.build_placeholder(frame, &texts) else {
            return;
        };
        let Some(parent) = frame.parent_node() else {
            return;
        };
        if parent.insert_before(&placeholder, Some(frame)).is_err() {
            return;
        }
        self.added.borrow_mut().push((frame.clone(), placeholder));
        if !frame.has_attribute("hidden") {
            let _ = frame.set_attribute("hidden", "");
            let _ = frame.set_attribute(HIDDEN_BY_GATE, "");
        }
    }

    fn build_placeholder(&self, frame: &Element, texts: &PlaceholderTexts) -> Option<Element> {
        let document = frame.owner_document()?;
        let placeholder = document.create_element("div").ok()?;
        placeholder.set_class_name(PLACEHOLDER);
        placeholder.set_attribute("role", "group").ok()?;
        let text = document.create_element("p").ok()?;
        text.set_class_name("samtykke-placeholder-text");
        placeholder.append_child(&text).ok()?;
        let actions = document.create_element("div").ok()?;
        actions.set_class_name("samtykke-actions");
        let offers_always =
            self.placeholders.borrow().always_allow.is_some() && texts.always_allow.is_some();
        let kinds: &[&str] = if offers_always {
            &["load-once", "always-allow"]
        } else {
            &["load-once"]
        };
        for action in kinds {
            let button = document.create_element("button").ok()?;
            button.set_attribute("type", "button").ok()?;
            button.set_class_name("samtykke-button");
            button.set_attribute("data-action", action).ok()?;
            actions.append_child(&button).ok()?;
        }
        placeholder.append_child(&actions).ok()?;
        self.word(&placeholder, texts);
        let listener = self.click_listener();
        placeholder
            .add_event_listener_with_callback("click", listener.unchecked_ref())
            .ok()?;
        Some(placeholder)
    }

    /// Sets a placeholder's name and texts (as text, never as markup).
    fn word(&self, placeholder: &Element, texts: &PlaceholderTexts) {
        let _ = placeholder.set_attribute("aria-label", &texts.name);
        let _ = placeholder.set_attribute("lang", &self.placeholders.borrow().language);
        let set = |selector: &str, value: &str| {
            if let Ok(Some(el)) = placeholder.query_selector(selector) {
                el.set_text_content(Some(value));
            }
        };
        set(".samtykke-placeholder-text", &texts.message);
        set("[data-action=\"load-once\"]", &texts.load_once);
        if let Some(always_allow) = &texts.always_allow {
            set("[data-action=\"always-allow\"]", always_allow);
        }
    }

    fn reword_placeholders(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("iframe[data-category][data-src]:not([{HANDLED}])");
        let Ok(list) = document.query_selector_all(&selector) else {
            return;
        };
        for frame in (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
        {
            if let (Some(placeholder), Some(texts)) =
                (placeholder_of(&frame), self.texts_for(&frame))
            {
                self.word(&placeholder, &texts);
            }
        }
    }

    /// The listener every placeholder shares. It holds the gate weakly, so the gate and its
    /// listener do not keep each other alive.
    fn click_listener(&self) -> js_sys::Function {
        let mut p = self.placeholders.borrow_mut();
        let closure = p.on_click.get_or_insert_with(|| {
            let weak = Rc::downgrade(&self.placeholders);
            Closure::new(move |e: web_sys::Event| on_placeholder_click(&weak, &e))
        });
        closure.as_ref().unchecked_ref::<js_sys::Function>().clone()
    }
}

fn on_placeholder_click(placeholders: &Weak<RefCell<Placeholders>>, e: &web_sys::Event) {
    let Some(placeholder) = e
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
    else {
        return;
    };
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("button[data-action]").ok().flatten())
        .filter(|b| placeholder.contains(Some(b)))
    else {
        return;
    };
    let Some(frame) = placeholder
        .next_element_sibling()
        .filter(|f| f.local_name() == "iframe" && f.has_attribute("data-src"))
    else {
        return;
    };
    match button.get_attribute("data-action").as_deref() {
        Some("load-once") => load_frame(&frame),
        Some("always-allow") => {
            let grant = placeholders
                .upgrade()
                .and_then(|p| p.borrow().always_allow.clone());
            let wanted = frame
                .get_attribute("data-category")
                .as_deref()
                .and_then(wanted_categories);
            if let (Some(grant), Some(wanted)) = (grant, wanted) {
                // The controller activates the gate, which loads this frame (and its kind).
                grant(wanted);
            }
        }
        _ => return,
    }
    // The buttons are gone with the placeholder: keep keyboard users where the content is.
    if frame.has_attribute("src") {
        let _ = frame.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The placeholder standing right before `frame`, if any.
fn placeholder_of(frame: &Element) -> Option<Element> {
    frame
        .previous_element_sibling()
        .filter(|p| p.class_list().contains(PLACEHOLDER))
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
        if let Ok(list) = document.query_selector_all(&selector) {
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
        if let Ok(list) = document.query_selector_all(&iframes) {
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
            let gate = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    let next = gate.queue.borrow_mut().pop_front();
                    let Some(original) = next else { break };
                    // The page removed it while earlier scripts loaded (a route change): a copy
                    // in a detached tree would never run nor fire an event. If the page puts
                    // it back, the observer queues it again.
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
            });
        }
    }
}

/// Gives a gated iframe its real `src` (an `http(s)` or relative one only), removes its
/// placeholder and shows it again.
pub fn load_frame(frame: &Element) {
    if !loadable(frame) {
        return;
    }
    if let Some(src) = frame.get_attribute("data-src") {
        let _ = frame.set_attribute(HANDLED, "");
        let _ = frame.set_attribute("src", &src);
        let _ = frame.remove_attribute("data-src");
        if let Some(placeholder) = placeholder_of(frame) {
            placeholder.remove();
        }
        if frame.has_attribute(HIDDEN_BY_GATE) {
            let _ = frame.remove_attribute(HIDDEN_BY_GATE);
            let _ = frame.remove_attribute("hidden");
        }
    }
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
    if !loadable(original) {
        return None;
    }
    let document = original.owner_document()?;
    let parent = original.parent_node()?;
    let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
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
            if !super::trusted::set_script(&script, true, src) {
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
            if !super::trusted::set_script(&script, false, &text) {
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
