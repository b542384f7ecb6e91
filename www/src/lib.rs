//! The JavaScript surface of Samtykke: `window.samtykke` for the script tag and the exports of
//! the npm package. Everything here forwards to the one controller; no rule lives here.

use samtykke::browser::boot::{page_controller, start_in_page};
use samtykke::browser::page::{consent_json, console_error};
use samtykke::browser::Controller;
use samtykke::core::{Category, CategorySet, Config, Event};
use samtykke::ui::{ConsentProvider, ConsentUi, PrivacyNotice};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static CONTROLLER: RefCell<Option<Controller>> = const { RefCell::new(None) };
}

fn with_controller(f: impl FnOnce(&Controller)) {
    CONTROLLER.with(|c| match c.borrow().as_ref() {
        Some(controller) => f(controller),
        None => console_error("samtykke: call init(config) first"),
    });
}

fn dispatch(event: Event) {
    with_controller(|c| c.dispatch(event));
}

/// Reads a config given as JSON text, a plain object, or nothing (defaults).
fn read_config(config: &JsValue) -> Config {
    let json = if config.is_null() || config.is_undefined() {
        return Config::default();
    } else if let Some(text) = config.as_string() {
        text
    } else {
        js_sys::JSON::stringify(config)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let parsed = Config::from_json(&json);
    for problem in &parsed.problems {
        console_error(&format!("samtykke config: {problem}"));
    }
    parsed.config
}

#[derive(Properties, PartialEq)]
struct MountProps {
    controller: Controller,
    notice: bool,
}

#[function_component]
fn Mount(props: &MountProps) -> Html {
    html! {
        <ConsentProvider controller={props.controller.clone()}>
            if props.notice { <PrivacyNotice /> } else { <ConsentUi /> }
        </ConsentProvider>
    }
}

fn mount(controller: &Controller) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if let Ok(root) = document.create_element("div") {
        root.set_id("samtykke-root");
        // First in the body, so keyboard users reach the banner before the page.
        let _ = body.insert_before(&root, body.first_child().as_ref());
        let props = MountProps {
            controller: controller.clone(),
            notice: false,
        };
        yew::Renderer::<Mount>::with_root_and_props(root, props).render();
    }
    if let Ok(hosts) = document.query_selector_all("[data-samtykke=\"notice\"]") {
        for host in (0..hosts.length()).filter_map(|i| hosts.item(i)) {
            if let Ok(host) = host.dyn_into::<web_sys::Element>() {
                let props = MountProps {
                    controller: controller.clone(),
                    notice: true,
                };
                yew::Renderer::<Mount>::with_root_and_props(host, props).render();
            }
        }
    }
}

/// Starts Samtykke with `config` (JSON text or object). `options.nonce` is the CSP nonce for
/// the scripts Samtykke inserts. A second call is ignored.
#[wasm_bindgen]
pub fn init(config: JsValue, options: JsValue) {
    if CONTROLLER.with(|c| c.borrow().is_some()) {
        console_error("samtykke: init was called twice; the second call is ignored");
        return;
    }
    let nonce = js_sys::Reflect::get(&options, &"nonce".into())
        .ok()
        .and_then(|n| n.as_string());
    let controller = page_controller(read_config(&config), nonce);
    CONTROLLER.with(|c| *c.borrow_mut() = Some(controller.clone()));
    start_in_page(&controller);
    mount(&controller);
}

/// Shows the first layer.
#[wasm_bindgen]
pub fn show() {
    dispatch(Event::ShowBanner);
}

/// Hides the banner or the dialog.
#[wasm_bindgen]
pub fn hide() {
    dispatch(Event::Hide);
}

/// Opens the preferences dialog.
#[wasm_bindgen(js_name = showPreferences)]
pub fn show_preferences() {
    dispatch(Event::ShowPreferences);
}

/// Grants every category.
#[wasm_bindgen(js_name = acceptAll)]
pub fn accept_all() {
    dispatch(Event::AcceptAll);
}

/// Refuses everything but `necessary`.
#[wasm_bindgen(js_name = rejectAll)]
pub fn reject_all() {
    dispatch(Event::RejectAll);
}

/// Grants exactly the named categories (and `necessary`). Unknown names are reported.
#[wasm_bindgen]
pub fn accept(categories: Vec<String>) {
    let mut set = CategorySet::necessary_only();
    for name in &categories {
        match Category::parse(name) {
            Some(c) => set = set.with(c),
            None => console_error(&format!("samtykke.accept: unknown category \"{name}\"")),
        }
    }
    dispatch(Event::Accept(set));
}

/// Whether `category` is granted now. Unknown names are never granted.
#[wasm_bindgen(js_name = isAccepted)]
pub fn is_accepted(category: &str) -> bool {
    let mut granted = false;
    if let Some(c) = Category::parse(category) {
        with_controller(|controller| granted = controller.state().is_granted(c));
    }
    granted
}

/// The choice in force (an object) or `null`.
#[wasm_bindgen(js_name = getConsent)]
pub fn get_consent() -> JsValue {
    let mut value = JsValue::NULL;
    with_controller(|c| {
        let json = consent_json(&c.state()).to_string();
        value = js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL);
    });
    value
}

/// Forgets the choice: everything non-necessary stops and the banner asks again.
#[wasm_bindgen]
pub fn reset() {
    dispatch(Event::Reset);
}

/// Switches the language of the texts (`"en"`, `"nb"`, or one the config gives texts for).
#[wasm_bindgen(js_name = setLanguage)]
pub fn set_language(code: &str) {
    dispatch(Event::SetLanguage(code.to_owned()));
}

/// Where the choice is stored: `localStorage`, `cookie` or `memory`.
#[wasm_bindgen(js_name = storageKind)]
pub fn storage_kind() -> String {
    let mut kind = String::from("none");
    with_controller(|c| kind = c.storage_kind().to_owned());
    kind
}
