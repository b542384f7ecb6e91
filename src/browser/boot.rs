//! Wiring a controller into a real page: the adapters, the page's language and GPC signal,
//! other tabs, `data-samtykke` hooks and gated elements added later.

use super::document_cookies::DocumentCookies;
use super::gate::DomGate;
use super::gtag::WebGoogleTags;
use super::local_storage::LocalStore;
use super::page::{WebEnvironment, WebPage, CHANNEL};
use super::ports::CookieJar;
use super::runtime::{Adapters, Controller};
use super::storage::{CookieStore, FallbackStore, MemoryStore};
use crate::core::{Config, Event};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A controller for this page, not started yet. `nonce` is given to the Google tag scripts
/// Samtykke inserts; without one, the nonce of the first `script[nonce]` on the page is used.
pub fn page_controller(config: Config, nonce: Option<String>) -> Controller {
    let jar: Rc<dyn CookieJar> = Rc::new(DocumentCookies);
    let mirror = config
        .cookie
        .mirror
        .then(|| Box::new(CookieStore::new(jar.clone(), config.cookie.clone())) as _);
    let store = FallbackStore::new(
        vec![
            Box::new(LocalStore::new(&config.cookie.name)),
            Box::new(CookieStore::new(jar.clone(), config.cookie.clone())),
            Box::new(MemoryStore::default()),
        ],
        mirror,
    );
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let page_lang = document
        .as_ref()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty());
    let languages: Vec<String> = window
        .as_ref()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    let nonce = nonce
        .filter(|n| !n.is_empty())
        .or_else(|| page_nonce(document.as_ref()));
    let gate = DomGate::new();
    let adapters = Adapters {
        store: Box::new(store),
        cookies: jar,
        google: Box::new(WebGoogleTags { nonce }),
        gate: Box::new(gate.clone()),
        page: Box::new(WebPage),
        env: Box::new(WebEnvironment),
    };
    let controller = Controller::new(config, adapters, page_lang.as_deref(), &languages);
    connect_placeholders(&gate, &controller);
    controller
}

/// Gives the gate's embed placeholders the controller's texts and language (following
/// `setLanguage`), and makes their **Always allow** a normal choice: what is granted now plus
/// the embed's categories.
fn connect_placeholders(gate: &DomGate, controller: &Controller) {
    let state = controller.state();
    gate.set_texts(state.config.clone(), &state.language);
    let c = controller.clone();
    gate.set_always_allow(move |wanted| {
        let granted = c.state().granted();
        c.dispatch(Event::Accept(granted.union(wanted)));
    });
    let (g, c) = (gate.clone(), controller.clone());
    let subscription = controller.subscribe(move || {
        let state = c.state();
        g.set_texts(state.config.clone(), &state.language);
    });
    // Placeholders follow the language for the page's life.
    std::mem::forget(subscription);
}

fn page_nonce(document: Option<&web_sys::Document>) -> Option<String> {
    let script = document?.query_selector("script[nonce]").ok()??;
    let nonce = script.unchecked_into::<web_sys::HtmlElement>().nonce();
    (!nonce.is_empty()).then_some(nonce)
}

/// `navigator.globalPrivacyControl === true`.
pub fn gpc_signal() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"globalPrivacyControl".into()).ok())
        .is_some_and(|v| v == JsValue::TRUE)
}

/// Starts `controller` and keeps it listening to the page for the page's life.
pub fn start_in_page(controller: &Controller) {
    controller.start(gpc_signal());
    listen_to_other_tabs(controller);
    listen_to_hooks(controller);
    watch_for_gated_elements(controller);
    super::settings_button::install(controller);
}

fn listen_to_other_tabs(controller: &Controller) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = controller.state().config.cookie.name.clone();
    let c = controller.clone();
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            if e.key().is_none_or(|k| k == key) {
                c.stored_elsewhere();
            }
        });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let c = controller.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| c.stored_elsewhere());
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // The channel must outlive this function to keep receiving.
        std::mem::forget(channel);
    }
}

fn listen_to_hooks(controller: &Controller) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let c = controller.clone();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let hook = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-samtykke=\"preferences\"]").ok().flatten());
        if hook.is_some() {
            e.prevent_default();
            c.dispatch(Event::ShowPreferences);
        }
    });
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

fn watch_for_gated_elements(controller: &Controller) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let c = controller.clone();
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
        let removed = records.iter().any(|r| {
            r.unchecked_into::<web_sys::MutationRecord>()
                .removed_nodes()
                .length()
                > 0
        });
        if removed {
            c.page_removed_nodes();
        }
        let added_gated = records.iter().any(|r| {
            let record: web_sys::MutationRecord = r.unchecked_into();
            let nodes = record.added_nodes();
            (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .any(|node| {
                    node.dyn_into::<web_sys::Element>().is_ok_and(|el| {
                        el.has_attribute("data-category")
                            || el
                                .query_selector("[data-category]")
                                .ok()
                                .flatten()
                                .is_some()
                    })
                })
        });
        if added_gated {
            c.reactivate();
        }
    });
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&root, &options);
        std::mem::forget(observer);
    }
    on_change.forget();
}
