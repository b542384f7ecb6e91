//! Browser tests in headless Chromium (wasm-bindgen-test): the storage backends and their
//! fallbacks, the gate, the Google tag stub and the components driven by clicks.
#![cfg(target_arch = "wasm32")]
// Test code: serde_json is the reference here; the size rules are for the shipped wasm.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use samtykke::browser::boot::page_controller;
use samtykke::browser::document_cookies::DocumentCookies;
use samtykke::browser::first_layer;
use samtykke::browser::gate::DomGate;
use samtykke::browser::local_storage::LocalStore;
use samtykke::browser::ports::{RecordStore, Saved, ScriptGate};
use samtykke::browser::storage::{CookieStore, FallbackStore, MemoryStore};
use samtykke::browser::Controller;
use samtykke::core::CookieOptions;
use samtykke::core::{Category, CategorySet, Config, Event, View};
use samtykke::ui::{ConsentProvider, ConsentUi};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "samtykke";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Runs JS in the test page (the test runner has no CSP; the product never does this).
fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

fn clean_slate() {
    js("localStorage.clear(); document.cookie.split(';').forEach(c => { const n = c.split('=')[0].trim(); if (n) document.cookie = n + '=; Max-Age=0; Path=/'; });");
}

fn page_store() -> FallbackStore {
    FallbackStore::new(
        vec![
            Box::new(LocalStore::new(KEY)),
            Box::new(CookieStore::new(
                Rc::new(DocumentCookies),
                CookieOptions::default(),
            )),
            Box::new(MemoryStore::default()),
        ],
        None,
    )
}

#[wasm_bindgen_test]
fn local_storage_is_the_first_choice() {
    clean_slate();
    let store = page_store();
    assert_eq!(store.save("{\"x\":1}", 60), Saved::Kept);
    assert_eq!(store.kind(), "localStorage");
    assert_eq!(
        window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item(KEY)
            .unwrap()
            .as_deref(),
        Some("{\"x\":1}")
    );
    assert_eq!(store.load().as_deref(), Some("{\"x\":1}"));
    store.clear();
    assert_eq!(store.load(), None);
}

#[wasm_bindgen_test]
fn a_throwing_local_storage_write_falls_back_to_a_cookie() {
    clean_slate();
    js("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let store = page_store();
    let saved = store.save("{\"y\":2}", 60);
    js("Storage.prototype.setItem = window.__setItem;");
    assert_eq!(saved, Saved::Kept);
    assert_eq!(store.kind(), "cookie");
    let cookie = document()
        .unchecked_into::<web_sys::HtmlDocument>()
        .cookie()
        .unwrap();
    assert!(cookie.contains("samtykke=%7B%22y%22%3A2%7D"), "{cookie}");
    assert_eq!(store.load().as_deref(), Some("{\"y\":2}"));
    store.clear();
    assert_eq!(store.load(), None);
}

#[wasm_bindgen_test]
fn local_storage_that_throws_on_access_falls_back_to_a_cookie() {
    clean_slate();
    js("window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage'); Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });");
    let store = page_store();
    let saved = store.save("{\"z\":3}", 60);
    let loaded = store.load();
    js("Object.defineProperty(window, 'localStorage', window.__ls);");
    assert_eq!(saved, Saved::Kept);
    assert_eq!(store.kind(), "cookie");
    assert_eq!(loaded.as_deref(), Some("{\"z\":3}"));
    store.clear();
}

#[wasm_bindgen_test]
fn with_storage_and_cookies_blocked_the_choice_lives_in_memory() {
    clean_slate();
    // Cookies off, as the browser does it: the accessor ignores writes and reads nothing.
    js("Storage.prototype.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; window.__cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie'); Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { return ''; }, set(v) {} });");
    let store = page_store();
    let saved = store.save("{\"m\":4}", 60);
    let kind = store.kind();
    let loaded = store.load();
    js("Storage.prototype.setItem = Storage.prototype.__setItem; Object.defineProperty(Document.prototype, 'cookie', window.__cookie);");
    assert_eq!(
        saved,
        Saved::ThisPageOnly,
        "the choice lasts for this page only, and says so"
    );
    assert_eq!(kind, "memory");
    assert_eq!(loaded.as_deref(), Some("{\"m\":4}"));
}

#[wasm_bindgen_test]
async fn gated_scripts_run_once_in_order_and_keep_their_nonce() {
    let body = document().body().unwrap();
    let host = document().create_element("div").unwrap();
    body.append_child(&host).unwrap();
    js("window.__order = [];");
    let first: web_sys::HtmlScriptElement = document()
        .create_element("script")
        .unwrap()
        .unchecked_into();
    first.set_type("text/plain");
    first.set_attribute("data-category", "statistics").unwrap();
    first.set_nonce("n0nce");
    first
        .set_text("window.__order.push('stats:' + document.currentScript.nonce);")
        .unwrap();
    host.append_child(&first).unwrap();
    let second: web_sys::HtmlScriptElement = document()
        .create_element("script")
        .unwrap()
        .unchecked_into();
    second.set_type("text/plain");
    second.set_attribute("data-category", "marketing").unwrap();
    second
        .set_text("window.__order.push('marketing');")
        .unwrap();
    host.append_child(&second).unwrap();
    let refused: web_sys::HtmlScriptElement = document()
        .create_element("script")
        .unwrap()
        .unchecked_into();
    refused.set_type("text/plain");
    refused
        .set_attribute("data-category", "!marketing")
        .unwrap();
    refused
        .set_text("window.__order.push('no-marketing');")
        .unwrap();
    host.append_child(&refused).unwrap();

    let gate = DomGate::new();
    let stats_only = CategorySet::necessary_only().with(Category::Statistics);
    gate.activate(stats_only, &[]);
    gate.activate(stats_only, &[]);
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    assert_eq!(
        js("return window.__order.join(',');").as_string().unwrap(),
        "stats:n0nce,no-marketing"
    );
    gate.activate(CategorySet::all(), &[]);
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    assert_eq!(
        js("return window.__order.join(',');").as_string().unwrap(),
        "stats:n0nce,no-marketing,marketing"
    );
    host.remove();
}

fn mounted(controller: &Controller) -> web_sys::Element {
    #[derive(Properties, PartialEq)]
    struct Props {
        controller: Controller,
    }
    #[function_component]
    fn Mount(props: &Props) -> Html {
        html! { <ConsentProvider controller={props.controller.clone()}><ConsentUi /></ConsentProvider> }
    }
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Mount>::with_root_and_props(
        root.clone(),
        Props {
            controller: controller.clone(),
        },
    )
    .render();
    root
}

fn button(root: &web_sys::Element, name: &str) -> Option<web_sys::HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| {
            b.text_content().unwrap_or_default().trim() == name
                || b.get_attribute("aria-label").as_deref() == Some(name)
        })
}

fn stored_record() -> serde_json::Value {
    let text = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(KEY)
        .unwrap()
        .expect("a stored record");
    serde_json::from_str(&text).unwrap()
}

fn test_config() -> Config {
    Config::from_json(r#"{"categories": ["necessary", "preferences", "statistics", "marketing"], "googleAnalytics": {"measurementId": "G-TEST123"}}"#).config
}

#[wasm_bindgen_test]
async fn accept_all_in_the_banner_stores_and_hides() {
    clean_slate();
    js("window.dataLayer = undefined; window.gtag = undefined;");
    let controller = page_controller(test_config(), None);
    controller.start(false);
    // The button follows the state while its subscription is held.
    let _following = samtykke::browser::settings_button::install(&controller);
    let settings = || {
        document()
            .query_selector(".samtykke-settings-button")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
    };
    assert!(settings().hidden(), "no settings button before a choice");
    let first = js("return JSON.stringify(Array.from(window.dataLayer[0]));")
        .as_string()
        .unwrap();
    assert!(
        first.starts_with(r#"["consent","default",{"ad_storage":"denied""#),
        "{first}"
    );
    let root = mounted(&controller);
    yew::scheduler::flush().await;
    assert!(root.query_selector("[role=dialog]").unwrap().is_some());
    button(&root, "Accept all")
        .expect("Accept all button")
        .click();
    yew::scheduler::flush().await;
    assert_eq!(stored_record()["method"], "accept-all");
    assert_eq!(stored_record()["categories"].as_array().unwrap().len(), 4);
    assert!(root.query_selector(".samtykke-banner").unwrap().is_none());
    assert!(!settings().hidden());
    assert_eq!(
        settings().text_content().as_deref(),
        Some("Cookie settings")
    );
    settings().parent_element().unwrap().remove();
    root.remove();
    clean_slate();
}

#[wasm_bindgen_test]
async fn custom_choice_through_the_preferences_dialog() {
    clean_slate();
    let controller = page_controller(test_config(), None);
    controller.start(false);
    let root = mounted(&controller);
    yew::scheduler::flush().await;
    button(&root, "Manage preferences").unwrap().click();
    yew::scheduler::flush().await;
    let switch = |name: &str| -> web_sys::HtmlInputElement {
        root.query_selector(&format!("#samtykke-switch-{name}"))
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    assert!(switch("necessary").checked() && switch("necessary").disabled());
    for name in ["preferences", "statistics", "marketing"] {
        assert!(!switch(name).checked(), "{name} must not be pre-ticked");
    }
    // Focus moved into the dialog.
    let active = document().active_element().unwrap();
    assert!(root
        .query_selector(".samtykke-preferences")
        .unwrap()
        .unwrap()
        .contains(Some(&active)));
    switch("statistics").click();
    yew::scheduler::flush().await;
    button(&root, "Save preferences").unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(
        stored_record()["categories"],
        serde_json::json!(["necessary", "statistics"])
    );
    assert_eq!(stored_record()["method"], "custom");
    assert!(root
        .query_selector(".samtykke-preferences")
        .unwrap()
        .is_none());
    root.remove();
    clean_slate();
}

#[wasm_bindgen_test]
async fn escape_closes_the_dialog_without_a_choice() {
    clean_slate();
    let controller = page_controller(test_config(), None);
    controller.start(false);
    let root = mounted(&controller);
    yew::scheduler::flush().await;
    button(&root, "Manage preferences").unwrap().click();
    yew::scheduler::flush().await;
    let dialog = root
        .query_selector(".samtykke-preferences")
        .unwrap()
        .unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    dialog.dispatch_event(&escape).unwrap();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(".samtykke-preferences")
        .unwrap()
        .is_none());
    assert!(
        root.query_selector(".samtykke-banner").unwrap().is_some(),
        "no choice yet: the banner is back"
    );
    assert!(window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(KEY)
        .unwrap()
        .is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_blocked_iframe_gets_one_accessible_placeholder_built_from_text() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let frame = document().create_element("iframe").unwrap();
    frame.set_attribute("data-category", "marketing").unwrap();
    frame
        .set_attribute("data-src", "https://www.youtube-nocookie.com/embed/x")
        .unwrap();
    frame.set_attribute("title", "<b>Video</b>").unwrap();
    host.append_child(&frame).unwrap();

    let gate = DomGate::new();
    let asked = Rc::new(std::cell::RefCell::new((CategorySet::EMPTY, None)));
    let seen = asked.clone();
    gate.set_always_allow(move |wanted, service| *seen.borrow_mut() = (wanted, service));
    gate.activate(CategorySet::necessary_only(), &[]);
    gate.activate(CategorySet::necessary_only(), &[]);

    let placeholders = host.query_selector_all(".samtykke-placeholder").unwrap();
    assert_eq!(placeholders.length(), 1, "inserted once");
    let placeholder = host.first_element_child().unwrap();
    assert_eq!(placeholder.class_name(), "samtykke-placeholder");
    assert_eq!(placeholder.get_attribute("role").as_deref(), Some("group"));
    // The title is text: no markup is parsed from it.
    assert_eq!(
        placeholder.get_attribute("aria-label").as_deref(),
        Some("<b>Video</b>")
    );
    assert!(placeholder.query_selector("b").unwrap().is_none());
    assert!(
        host.query_selector("[style]").unwrap().is_none(),
        "no inline styles"
    );
    let text = placeholder
        .query_selector("p.samtykke-placeholder-text")
        .unwrap()
        .unwrap();
    assert_eq!(
        text.text_content().unwrap(),
        "This www.youtube-nocookie.com content is blocked until you allow Marketing cookies."
    );
    let buttons = placeholder
        .query_selector_all(".samtykke-actions > button.samtykke-button[type=button]")
        .unwrap();
    let labels: Vec<(String, String)> = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .map(|b| {
            (
                b.get_attribute("data-action").unwrap(),
                b.text_content().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("load-once".to_owned(), "Load content".to_owned()),
            ("always-allow".to_owned(), "Always allow".to_owned())
        ]
    );
    assert!(frame.has_attribute("hidden"));

    let button = |action: &str| -> web_sys::HtmlElement {
        placeholder
            .query_selector(&format!("[data-action={action}]"))
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    button("always-allow").click();
    assert_eq!(
        *asked.borrow(),
        (CategorySet::EMPTY.with(Category::Marketing), None),
        "Always allow asks for the frame's category (it names no service)"
    );
    assert!(
        frame.get_attribute("src").is_none(),
        "the gate waits for the grant"
    );
    button("load-once").click();
    assert_eq!(
        frame.get_attribute("src").as_deref(),
        Some("https://www.youtube-nocookie.com/embed/x")
    );
    assert!(!frame.has_attribute("hidden"));
    assert!(host
        .query_selector(".samtykke-placeholder")
        .unwrap()
        .is_none());
    host.remove();
}

fn active_text() -> String {
    document()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Sends a keydown of Tab (or Shift+Tab) to `target`; whether the page prevented the default.
fn press_tab(target: &web_sys::Element, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let tab = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&tab).unwrap();
    tab.default_prevented()
}

#[wasm_bindgen_test]
async fn the_core_draws_a_modal_first_layer_that_takes_holds_and_returns_focus() {
    clean_slate();
    let opener = document().create_element("button").unwrap();
    opener.set_text_content(Some("Page button"));
    document().body().unwrap().append_child(&opener).unwrap();
    opener
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    let config =
        Config::from_json(r#"{"layout": "modal", "categories": ["necessary", "statistics"]}"#)
            .config;
    let controller = page_controller(config, None);
    controller.start(false);
    let layer = first_layer::install(&controller).expect("a body to draw in");
    let holder = layer.holder();
    assert_eq!(holder.id(), "samtykke-first-layer");
    assert_eq!(
        holder.get_attribute("data-layout").as_deref(),
        Some("modal")
    );
    let dialog = holder
        .query_selector(".samtykke-backdrop > [role=dialog]")
        .unwrap()
        .expect("the banner in its backdrop");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(
        active_text(),
        "Accept all",
        "focus moves into the modal banner"
    );

    let manage = button(&holder, "Manage preferences").unwrap();
    manage.focus().unwrap();
    assert!(
        press_tab(&manage, false),
        "Tab on the last button is kept inside"
    );
    assert_eq!(active_text(), "Accept all");
    let accept = button(&holder, "Accept all").unwrap();
    assert!(
        press_tab(&accept, true),
        "Shift+Tab on the first button is kept inside"
    );
    assert_eq!(active_text(), "Manage preferences");
    accept.focus().unwrap();
    assert!(
        !press_tab(&accept, false),
        "Tab between the buttons is the browser's"
    );

    button(&holder, "Reject all").unwrap().click();
    assert!(holder.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(stored_record()["method"], "reject-all");
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    assert_eq!(
        active_text(),
        "Page button",
        "focus goes back to where it was"
    );
    holder.remove();
    opener.remove();
    clean_slate();
}

#[wasm_bindgen_test]
fn the_first_layer_stays_until_the_dialog_it_opens_is_ready() {
    clean_slate();
    let controller = page_controller(test_config(), None);
    controller.start(false);
    let layer = first_layer::install(&controller).expect("a body to draw in");
    let holder = layer.holder();
    let banner_shown = || holder.query_selector(".samtykke-banner").unwrap().is_some();
    assert_eq!(
        holder
            .query_selector("[role=dialog]")
            .unwrap()
            .and_then(|d| d.get_attribute("aria-modal"))
            .as_deref(),
        Some("false"),
        "the bar is not modal"
    );
    button(&holder, "Manage preferences").unwrap().click();
    assert_eq!(controller.state().view, View::Preferences);
    assert!(banner_shown(), "kept while the dialog loads");
    assert_eq!(
        holder.get_attribute("data-waiting").as_deref(),
        Some("dialog"),
        "and shows that it waits"
    );
    assert!(
        button(&holder, "Accept all").is_some(),
        "still answerable while the dialog loads"
    );
    layer.dialog_ready();
    assert!(!banner_shown(), "gone once the dialog is there");
    assert_eq!(holder.get_attribute("data-waiting"), None);
    controller.dispatch(Event::ShowBanner);
    assert!(banner_shown());
    button(&holder, "Manage preferences").unwrap().click();
    assert!(!banner_shown(), "with the dialog ready it goes at once");
    holder.remove();
    clean_slate();
}

#[wasm_bindgen_test]
fn a_page_focus_handler_that_calls_the_engine_while_the_banner_draws_is_served_after_it() {
    clean_slate();
    let config =
        Config::from_json(r#"{"layout": "modal", "categories": ["necessary", "statistics"]}"#)
            .config;
    let controller = page_controller(config, None);
    controller.start(false);
    // The modal banner takes focus while it is drawn; this page answers that focus by
    // switching the language, which redraws the banner.
    let once = std::cell::Cell::new(false);
    let c = controller.clone();
    let on_focus = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if !once.replace(true) {
            c.dispatch(Event::SetLanguage("nb".to_owned()));
        }
    });
    document()
        .add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref())
        .unwrap();
    let layer = first_layer::install(&controller).expect("a body to draw in");
    let holder = layer.holder();
    assert!(
        button(&holder, "Godta alle").is_some(),
        "the redraw asked for during the draw was done after it"
    );
    assert_eq!(
        active_text(),
        "Godta alle",
        "and focus is still in the banner"
    );
    document()
        .remove_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref())
        .unwrap();
    holder.remove();
    clean_slate();
}

#[wasm_bindgen_test]
fn the_core_drawn_banner_shows_config_texts_as_text_never_as_html() {
    clean_slate();
    let markup = r#"<img src=x onerror="window.__injected = 1">Hi"#;
    let config = Config::from_json(&format!(
        r#"{{"categories": ["necessary"], "texts": {{"en": {{"bannerTitle": {}}}}}}}"#,
        serde_json::to_string(markup).unwrap()
    ))
    .config;
    let controller = page_controller(config, None);
    controller.start(false);
    let layer = first_layer::install(&controller).expect("a body to draw in");
    let holder = layer.holder();
    let title = holder
        .query_selector("#samtykke-banner-title")
        .unwrap()
        .unwrap();
    assert_eq!(title.text_content().as_deref(), Some(markup));
    assert!(
        holder.query_selector("img").unwrap().is_none(),
        "no element from the text"
    );
    holder.remove();
    clean_slate();
}

#[wasm_bindgen_test]
fn page_hooks_hear_the_page_until_dropped() {
    clean_slate();
    let controller = page_controller(test_config(), None);
    let hooks = samtykke::browser::boot::start_in_page(&controller, None);
    let hook = document().create_element("button").unwrap();
    hook.set_attribute("data-samtykke", "preferences").unwrap();
    document().body().unwrap().append_child(&hook).unwrap();
    let click = || hook.unchecked_ref::<web_sys::HtmlElement>().click();
    click();
    assert_eq!(
        controller.state().view,
        View::Preferences,
        "a hook opens the dialog"
    );
    controller.dispatch(Event::ClosePreferences);
    drop(hooks);
    click();
    assert_ne!(
        controller.state().view,
        View::Preferences,
        "once the hooks are dropped the page's clicks no longer reach the controller"
    );
    hook.remove();
    for leftover in ["#samtykke-first-layer", ".samtykke-floating"] {
        if let Some(el) = document().query_selector(leftover).unwrap() {
            el.remove();
        }
    }
    clean_slate();
}

#[wasm_bindgen_test]
fn deep_and_large_json_is_read_in_the_real_wasm_without_exhausting_its_stack() {
    // One level past the limit: refused with a reason, not a stack overflow.
    let too_deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
    let refused = samtykke::core::json::parse(&too_deep).expect_err("129 levels are refused");
    assert_eq!(refused.reason, "nested too deeply");
    let at_limit = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(
        samtykke::core::json::parse(&at_limit).is_ok(),
        "128 levels read"
    );
    // The same through the config reader: a named problem, defaults for everything else.
    let parsed = Config::from_json(&format!(
        r#"{{"categories": ["necessary"], "x": {too_deep}}}"#
    ));
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert!(parsed.problems[0].to_string().contains("nested too deeply"));
    // A 100 KB config (a long text for every language) reads in full.
    let long = "a".repeat(100_000);
    let big = format!(
        r#"{{"categories": ["necessary"], "texts": {{"en": {{"bannerTitle": "{long}"}}}}}}"#
    );
    let parsed = Config::from_json(&big);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(
        parsed
            .config
            .text("en", samtykke::core::TextKey::BannerTitle)
            .len(),
        100_000
    );
}
