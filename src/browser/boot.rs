//! Wiring a controller into a real page: the adapters, the page's language and GPC signal,
//! other tabs, `data-samtykke` hooks and gated elements added later.

use super::document_cookies::DocumentCookies;
use super::gate::DomGate;
use super::gtag::WebGoogleTags;
use super::listener::{Listener, Observer};
use super::local_storage::LocalStore;
use super::page::{WebEnvironment, WebPage, CHANNEL};
use super::ports::CookieJar;
use super::runtime::{Adapters, Controller, Subscription};
use super::shared_cookie::SharedCookieStore;
use super::storage::{CookieStore, FallbackStore, MemoryStore};
use crate::core::{Config, Environment, Event};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A controller for this page, not started yet. `nonce` is given to the Google tag scripts
/// Samtykke inserts, and gated scripts must carry it to run; without one, the nonce of the
/// first `script[nonce]` on the page is used for the Google tag.
pub fn page_controller(config: Config, nonce: Option<String>) -> Controller {
    let jar: Rc<dyn CookieJar> = Rc::new(DocumentCookies);
    let store = record_store(&config, &jar);
    let (page_lang, languages) = page_languages();
    let given = nonce.filter(|n| !n.is_empty());
    let gate = DomGate::new();
    // A nonce given to Samtykke (the loader passes its own) is the page's CSP nonce: gated
    // scripts must carry it too. The fallback, the first nonce on the page, only serves the
    // Google tag.
    if let Some(given) = &given {
        gate.require_nonce(given);
    }
    let nonce = given.or_else(page_nonce);
    let adapters = Adapters {
        store: Box::new(store),
        cookies: jar,
        google: Box::new(WebGoogleTags { nonce }),
        gate: Box::new(gate.clone()),
        events: Box::new(WebPage),
        other_tabs: Box::new(WebPage),
        console: Box::new(WebPage),
        patterns: Box::new(WebPage),
        navigation: Box::new(WebPage),
        log: Box::new(WebPage),
        env: Box::new(WebEnvironment),
    };
    let controller = Controller::new(config, adapters, page_lang.as_deref(), &languages);
    connect_placeholders(&gate, &controller);
    controller
}

/// Where the record is kept. With `cookie.domain` the domain cookie comes first, for the whole
/// site (`localStorage` only where cookies are refused); else `localStorage`, then a host-only
/// cookie, with the optional mirror for a server. Memory last, for the page's life.
fn record_store(config: &Config, jar: &Rc<dyn CookieJar>) -> FallbackStore {
    let options = &config.cookie;
    let local = || Box::new(LocalStore::new(&options.name));
    if options.domain.is_some() {
        let shared = SharedCookieStore::new(
            jar.clone(),
            options.clone(),
            local(),
            Box::new(|| WebEnvironment.now_ms()),
        );
        return FallbackStore::new(
            vec![Box::new(shared), local(), Box::new(MemoryStore::default())],
            None,
        );
    }
    let cookie = || Box::new(CookieStore::new(jar.clone(), options.clone()));
    let mirror = options.mirror.then(|| cookie() as _);
    FallbackStore::new(
        vec![local(), cookie(), Box::new(MemoryStore::default())],
        mirror,
    )
}

/// Gives the gate's embed placeholders the controller's texts and language (following
/// `setLanguage`), and makes their **Always allow** a choice (the core's
/// `Event::AlwaysAllow`): what is granted now plus the embed's categories, or its service.
/// The gate belongs to the controller, so what it keeps holds the controller weakly.
fn connect_placeholders(gate: &DomGate, controller: &Controller) {
    let state = controller.state();
    gate.set_texts(state.config.clone(), &state.language);
    let weak = controller.downgrade();
    gate.set_always_allow(move |wanted, service| {
        if let Some(c) = weak.upgrade() {
            c.dispatch(Event::AlwaysAllow(wanted, service));
        }
    });
    let (g, weak) = (gate.clone(), controller.downgrade());
    let follow_language = controller.subscribe(move || {
        if let Some(c) = weak.upgrade() {
            let state = c.state();
            g.set_texts(state.config.clone(), &state.language);
        }
    });
    // The subscription lives in the controller it listens to and goes with it.
    std::mem::forget(follow_language);
}

/// `<html lang>` (when set) and `navigator.languages`: what chooses the language.
pub fn page_languages() -> (Option<String>, Vec<String>) {
    let lines = super::page::page_languages();
    let (page_lang, browser) = crate::core::page_languages(&lines);
    (
        page_lang.map(str::to_owned),
        browser.map(str::to_owned).collect(),
    )
}

/// The page facts a returning-visit plan depends on, as the core writes them.
pub fn plan_context() -> String {
    let lines = super::page::page_languages();
    let (page_lang, browser) = crate::core::page_languages(&lines);
    crate::core::plan_context(gpc_signal(), page_lang, browser)
}

/// The nonce of the first `script[nonce]` on the page, for the Google tag when Samtykke was
/// given none.
pub fn page_nonce() -> Option<String> {
    Some(super::page::page_nonce()).filter(|n| !n.is_empty())
}

pub use super::page::gpc_signal;

/// What keeps a started controller in touch with its page: other tabs, `data-samtykke`
/// hooks, gated elements added later, the settings button. Dropping it removes them all.
#[must_use = "the controller stops hearing the page as soon as this is dropped"]
pub struct PageHooks {
    _listeners: Vec<Listener>,
    _observer: Option<Observer>,
    _subscriptions: Vec<Subscription>,
    channel: Option<web_sys::BroadcastChannel>,
}

impl Drop for PageHooks {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.close();
        }
    }
}

impl std::fmt::Debug for PageHooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageHooks").finish_non_exhaustive()
    }
}

/// Starts `controller` in this page, or resumes where a returning-visit plan that ran with
/// the stored text `resume_from` left off. Everything that hears the page is in place before
/// the controller starts: a `samtykke:ready` or `consent` listener that adds gated markup is
/// then seen like any later change of the page.
pub fn start_in_page(controller: &Controller, resume_from: Option<&str>) -> PageHooks {
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let mut listeners = Vec::new();
    let mut channel = None;
    if let Some(window) = &window {
        listeners.push(listen_to_other_tabs(window, controller));
        listeners.push(listen_to_restores(window, controller));
        if let Ok(other_tabs) = web_sys::BroadcastChannel::new(CHANNEL) {
            let c = controller.clone();
            listeners.push(Listener::new(&other_tabs, "message", move |_| {
                c.stored_elsewhere()
            }));
            channel = Some(other_tabs);
        }
    }
    if let Some(document) = &document {
        listeners.push(listen_to_hooks(document, controller));
    }
    let observer = document
        .as_ref()
        .and_then(super::dom::root)
        .and_then(|root| watch_for_gated_elements(&root, controller));
    let mut subscriptions = Vec::new();
    subscriptions.extend(super::settings_button::install(controller));
    match resume_from {
        Some(planned) => controller.resume(planned, gpc_signal()),
        None => controller.start(gpc_signal()),
    }
    PageHooks {
        _listeners: listeners,
        _observer: observer,
        _subscriptions: subscriptions,
        channel,
    }
}

fn listen_to_other_tabs(window: &web_sys::Window, controller: &Controller) -> Listener {
    let key = controller.state().config.cookie.name.clone();
    let c = controller.clone();
    Listener::new(window, "storage", move |e| {
        if is_about_key(&e, &key) {
            c.stored_elsewhere();
        }
    })
}

/// A page restored from the back/forward cache missed what other tabs did meanwhile (a
/// withdrawal, say): read the stored choice again.
fn listen_to_restores(window: &web_sys::Window, controller: &Controller) -> Listener {
    let c = controller.clone();
    Listener::new(window, "pageshow", move |e| {
        if is_restore(&e) {
            c.stored_elsewhere();
        }
    })
}

pub use crate::core::{GATED, NOTICE_HOOK, PREFERENCES_HOOK};

/// Whether `event` is a click on (or inside) an element that opens the preferences.
pub fn is_preferences_click(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(PREFERENCES_HOOK).ok().flatten())
        .is_some()
}

/// Whether the mutation `records` added an element matching `selector` (or holding one).
pub fn added_matching(records: &js_sys::Array, selector: &str) -> bool {
    records.iter().any(|r| {
        let record: web_sys::MutationRecord = r.unchecked_into();
        let nodes = record.added_nodes();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .any(|node| {
                node.dyn_into::<web_sys::Element>().is_ok_and(|el| {
                    el.matches(selector).unwrap_or(false)
                        || el.query_selector(selector).ok().flatten().is_some()
                })
            })
    })
}

/// Whether a `storage` event is about the record stored under `key`.
pub fn is_about_key(event: &web_sys::Event, key: &str) -> bool {
    let changed = event.unchecked_ref::<web_sys::StorageEvent>().key();
    changed.is_none_or(|k| k == key)
}

/// Whether a `pageshow` event is a restore from the back/forward cache.
pub fn is_restore(event: &web_sys::Event) -> bool {
    js_sys::Reflect::get(event, &"persisted".into()).is_ok_and(|p| p.is_truthy())
}

fn listen_to_hooks(document: &web_sys::Document, controller: &Controller) -> Listener {
    let c = controller.clone();
    Listener::new(document, "click", move |e| {
        if is_preferences_click(&e) {
            e.prevent_default();
            c.dispatch(Event::ShowPreferences);
        }
    })
}

fn watch_for_gated_elements(root: &web_sys::Element, controller: &Controller) -> Option<Observer> {
    let c = controller.clone();
    Observer::subtree(root, move |records: js_sys::Array| {
        let removed = records.iter().any(|r| {
            r.unchecked_into::<web_sys::MutationRecord>()
                .removed_nodes()
                .length()
                > 0
        });
        if removed {
            c.page_removed_nodes();
        }
        if added_matching(&records, GATED) {
            c.reactivate();
        }
    })
}
