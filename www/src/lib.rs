//! The core module of the JavaScript surface: the engine every page loads (record, rules,
//! gating, Google tags, the JS API) without the Yew UI. The UI module (`www/ui`) is fetched
//! only when something must show, and talks to this one through the `ui*` bridge functions.
//! Everything here forwards to the one controller; no rule lives here.

use samtykke::browser::boot::{page_controller, start_in_page, PageHooks};
use samtykke::browser::first_layer;
use samtykke::browser::gtag::WebGoogleTags;
use samtykke::browser::page::{consent_json, console_error};
use samtykke::browser::plan::keep_plan;
use samtykke::browser::ports::GoogleTags;
use samtykke::browser::{Controller, Subscription};
use samtykke::core::{google_steps, json, Category, CategorySet, Config, Effect, Event};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

thread_local! {
    static CONTROLLER: RefCell<Option<Controller>> = const { RefCell::new(None) };
    /// What keeps the controller hearing the page, for the page's life.
    static HOOKS: RefCell<Option<PageHooks>> = const { RefCell::new(None) };
    /// The config as `init` was given it, for the UI module, which reads it with the same
    /// reader (re-serialising the typed config would carry serde's serializer in this module).
    static CONFIG_JSON: RefCell<String> = const { RefCell::new(String::new()) };
    /// Keeps the returning-visit plan in step with the choice.
    static PLAN: RefCell<Option<Subscription>> = const { RefCell::new(None) };
    /// The language files added (code, JSON text), for the UI module's config.
    static LANGUAGES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The first layer this module draws, told by `uiMounted` when the dialog is there.
    static FIRST_LAYER: RefCell<Option<first_layer::FirstLayer>> = const { RefCell::new(None) };
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

/// Reads a config given as JSON text, a plain object, or nothing (defaults), and says
/// whether it had no problems.
fn read_config(config: &JsValue) -> (Config, bool) {
    let json = if config.is_null() || config.is_undefined() {
        CONFIG_JSON.with(|c| *c.borrow_mut() = "{}".to_owned());
        return (Config::default(), false);
    } else if let Some(text) = config.as_string() {
        text
    } else {
        js_sys::JSON::stringify(config)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let parsed = Config::from_json(&json);
    CONFIG_JSON.with(|c| *c.borrow_mut() = json);
    for problem in &parsed.problems {
        console_error(&format!("samtykke config: {problem}"));
    }
    let ok = parsed.problems.is_empty();
    (parsed.config, ok)
}

/// Starts Samtykke with `config` (JSON text or object). `options.nonce` is the CSP nonce for
/// the scripts Samtykke inserts; `options.resumeFrom`, the stored text a returning-visit plan
/// ran with on this page (the returning engine's `planned()`): this engine then takes over
/// from it instead of starting again. A second call is ignored.
#[wasm_bindgen]
pub fn init(config: JsValue, options: JsValue) {
    if CONTROLLER.with(|c| c.borrow().is_some()) {
        console_error("samtykke: init was called twice; the second call is ignored");
        return;
    }
    let nonce = js_sys::Reflect::get(&options, &"nonce".into())
        .ok()
        .and_then(|n| n.as_string());
    let resume_from = js_sys::Reflect::get(&options, &"resumeFrom".into())
        .ok()
        .and_then(|n| n.as_string());
    let (mut config, config_ok) = read_config(&config);
    // The language file the entry loaded for this page (see `languageToLoad`).
    let pack = js_sys::Reflect::get(&options, &"language".into()).ok();
    if let Some(pack) = pack.filter(js_sys::Array::is_array) {
        let pack: js_sys::Array = pack.into();
        if let (Some(code), Some(texts)) = (pack.get(0).as_string(), pack.get(1).as_string()) {
            config.add_language_pack(&code, &texts);
            LANGUAGES.with(|l| l.borrow_mut().push((code, texts)));
        }
    }
    let controller = page_controller(config, nonce);
    CONTROLLER.with(|c| *c.borrow_mut() = Some(controller.clone()));
    let hooks = start_in_page(&controller, resume_from.as_deref());
    HOOKS.with(|h| *h.borrow_mut() = Some(hooks));
    let config_text = CONFIG_JSON.with(|c| c.borrow().clone());
    let plan = keep_plan(&controller, config_text, config_ok);
    PLAN.with(|p| *p.borrow_mut() = Some(plan));
}

/// Draws the first layer (the banner) for the engine `init` started, and keeps it in step
/// with the state; once. The entry calls it in a task of its own right after `init`, so that
/// starting does not hold the page in one long task: the state, Google's consent default and
/// the gating are in place by then, and the layer draws whatever the state is when it comes.
#[wasm_bindgen(js_name = drawFirstLayer)]
pub fn draw_first_layer() {
    if FIRST_LAYER.with(|f| f.borrow().is_some()) {
        return;
    }
    let Some(controller) = CONTROLLER.with(|c| c.borrow().clone()) else {
        return;
    };
    let drawn = first_layer::install(&controller);
    FIRST_LAYER.with(|f| *f.borrow_mut() = drawn);
}

/// Tells Google's Consent Mode that nothing is granted, before the config is known: the
/// entry calls it when `init` is given a promise of a config, so that a page which fetches its
/// config first still says "denied" before anything else. Starting says it again, with the
/// config's own `waitForUpdate`.
#[wasm_bindgen(js_name = consentDefault)]
pub fn consent_default() {
    let google = WebGoogleTags { nonce: None };
    google.run(&google_steps(&Effect::ConsentDefault, &Config::default()));
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

/// Grants exactly the named categories (and `necessary`), each with all its services, or,
/// with `options.services`, exactly the services named there (a service grants its category
/// too; a category none of whose services is named is refused). Unknown names are reported.
#[wasm_bindgen]
pub fn accept(categories: Vec<String>, options: JsValue) {
    let unknown = |what: &str, name: &str| {
        console_error(&format!("samtykke.accept: unknown {what} \"{name}\""));
    };
    let mut set = CategorySet::necessary_only();
    for name in &categories {
        match Category::parse(name) {
            Some(c) => set = set.with(c),
            None => unknown("category", name),
        }
    }
    let services = js_sys::Reflect::get(&options, &"services".into())
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .map(|s| js_sys::Array::from(&s));
    with_controller(|c| match services {
        None => c.dispatch(Event::Accept(set)),
        Some(services) => {
            let config = c.state().config;
            let services: Vec<String> = services.iter().filter_map(|n| n.as_string()).collect();
            for name in &services {
                if config.category_of_service(name).is_none() {
                    unknown("service", name);
                }
            }
            c.dispatch(Event::AcceptServices(set, services));
        }
    });
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
        let json = json::write(&consent_json(&c.state()));
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

/// The language whose file the entry must load before `init(config)`: the code of the
/// language this page will show when this module does not carry it, else `""`.
#[wasm_bindgen(js_name = languageToLoad)]
pub fn language_to_load(config: JsValue) -> String {
    let text = config
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&config).ok()?.as_string())
        .unwrap_or_default();
    let config = Config::from_json(&text).config;
    let (page_lang, languages) = samtykke::browser::boot::page_languages();
    let language = config.choose_language(page_lang.as_deref(), &languages);
    if config.language_pack_needed(&language) {
        language
    } else {
        String::new()
    }
}

/// The language whose file must load before `setLanguage(code)`, as `languageToLoad`.
#[wasm_bindgen(js_name = languageToLoadFor)]
pub fn language_to_load_for(code: &str) -> String {
    let mut wanted = String::new();
    with_controller(|c| {
        let state = c.state();
        let language = state.language_for(code);
        if state.config.language_pack_needed(&language) {
            wanted = language;
        }
    });
    wanted
}

/// Adds a language file the entry loaded (`languageToLoadFor`) before `setLanguage`.
#[wasm_bindgen(js_name = addLanguage)]
pub fn add_language(code: &str, texts: &str) {
    LANGUAGES.with(|l| l.borrow_mut().push((code.to_owned(), texts.to_owned())));
    dispatch(Event::LanguagePack {
        language: code.to_owned(),
        texts: texts.to_owned(),
    });
}

/// Bridge for the UI module: the language files added so far, as a JSON array of
/// `[code, text]` pairs.
#[wasm_bindgen(js_name = uiLanguages)]
pub fn ui_languages() -> String {
    LANGUAGES.with(|l| {
        let pairs = l
            .borrow()
            .iter()
            .map(|(code, texts)| {
                json::Value::Array(vec![code.as_str().into(), texts.as_str().into()])
            })
            .collect();
        json::write(&json::Value::Array(pairs))
    })
}

/// Where the choice is stored: `localStorage`, `cookie` or `memory`.
#[wasm_bindgen(js_name = storageKind)]
pub fn storage_kind() -> String {
    let mut kind = String::from("none");
    with_controller(|c| kind = c.storage_kind().to_owned());
    kind
}

/// Bridge for the UI module: the config JSON that `init` read (sent once; the UI module reads
/// it with the same reader, so both see the same config).
#[wasm_bindgen(js_name = uiConfig)]
pub fn ui_config() -> String {
    CONFIG_JSON.with(|c| c.borrow().clone())
}

/// Bridge for the UI module: what the views render, as JSON.
#[wasm_bindgen(js_name = uiState)]
pub fn ui_state() -> String {
    let mut json = String::from("null");
    with_controller(|c| json = json::write(&c.state().view_snapshot()));
    json
}

/// Bridge for the UI module: a visitor's event, as JSON. Unknown events are reported.
#[wasm_bindgen(js_name = uiSend)]
pub fn ui_send(event: &str) {
    match json::parse(event).ok().and_then(|v| Event::from_json(&v)) {
        Some(event) => dispatch(event),
        None => console_error(&format!("samtykke: unknown UI event {event}")),
    }
}

/// Bridge for the UI module and the loader: calls `callback` after every change.
#[wasm_bindgen(js_name = uiSubscribe)]
pub fn ui_subscribe(callback: js_sys::Function) {
    with_controller(|c| {
        let subscription = c.subscribe(move || {
            let _ = callback.call0(&JsValue::NULL);
        });
        // Listeners of the bridge live as long as the page.
        std::mem::forget(subscription);
    });
}

/// Whether the UI module is needed now: the preferences dialog is to show, or the page has a
/// `data-samtykke="notice"` to render. The first layer needs no UI module: this one draws it.
#[wasm_bindgen(js_name = uiNeeded)]
pub fn ui_needed() -> bool {
    let mut needed = false;
    with_controller(|c| needed = c.state().view == samtykke::core::View::Preferences);
    needed
        || web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                samtykke::browser::dom::query_selector(&d, samtykke::browser::boot::NOTICE_HOOK)
            })
            .is_some()
}

/// Bridge for the loader: the UI module has mounted its views, so the first layer kept while
/// the dialog loaded may go.
#[wasm_bindgen(js_name = uiMounted)]
pub fn ui_mounted() {
    FIRST_LAYER.with(|f| {
        if let Some(layer) = f.borrow().as_ref() {
            layer.dialog_ready();
        }
    });
}

/// Bridge for the entry: the UI module could not be loaded. A visitor who asked for the
/// dialog is back where they were (the banner, or nothing), so that asking again tries again.
#[wasm_bindgen(js_name = uiFailed)]
pub fn ui_failed() {
    dispatch(Event::ClosePreferences);
}
