//! The returning-visit engine: a page view with a valid stored choice replays the plan the
//! full engine wrote for it (Google's Consent Mode and tags, the page's events, the settings
//! button) without the config reader, the banner or the gate. Whether the plan holds is the
//! core's rule (`PlanText::holds`); when it does not, or the page has anything this engine
//! does not do (gated elements, a notice), `start` says so and the entry runs the full
//! engine instead. Later needs (the preferences, news from another tab) make the entry hand
//! over to the full engine, which takes over where the plan left off.

use samtykke::browser::boot::{page_nonce, plan_context, GATED, NOTICE_HOOK, PREFERENCES_HOOK};
use samtykke::browser::dom;
use samtykke::browser::gtag::WebGoogleTags;
use samtykke::browser::page::{notify_page, stored_item, CHANNEL};
use samtykke::browser::ports::GoogleTags;
use samtykke::browser::settings_button::{add_settings_button, button_of};
use samtykke::core::{fingerprint, Category, CategorySet, PlanText, Step, PLAN_KEY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// What the plan in force says, for the replay, the readers and the hand-over.
struct Running {
    /// The plan's text.
    plan: String,
    /// The CSP nonce for the Google tag.
    nonce: Option<String>,
    /// The stored text the plan ran with (the full engine's `resumeFrom`).
    stored: String,
    /// The record's key in `localStorage` (a `storage` event about it is news).
    key: String,
    granted: CategorySet,
    /// `getConsent()`, as JSON.
    consent: String,
    button: Option<web_sys::Element>,
    /// The full engine is taking over.
    stopped: bool,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Takes this page view when the plan holds for `config` (its JSON text, as the full engine
/// reads it) and the page has nothing the full engine must do; returns whether it did. Then
/// the entry starts listening for what hands over, and calls [`replay`]. `nonce` is the CSP
/// nonce for the Google tag (empty: the page's first).
#[wasm_bindgen]
pub fn start(config: &str, nonce: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(text) = stored_item(PLAN_KEY) else {
        return false;
    };
    let Some(plan) = PlanText::read(&text) else {
        return false;
    };
    let holds = plan.holds(
        &fingerprint(config),
        stored_item(plan.key).as_deref(),
        &plan_context(),
        js_sys::Date::now() as u64,
    );
    if !holds
        || dom::query_selector(&document, GATED).is_some()
        || dom::query_selector(&document, NOTICE_HOOK).is_some()
    {
        return false;
    }
    let nonce = Some(nonce.to_owned())
        .filter(|n| !n.is_empty())
        .or_else(|| page_nonce(Some(&document)));
    let running = Running {
        plan: String::new(),
        nonce,
        stored: plan.stored.to_owned(),
        key: plan.key.to_owned(),
        granted: plan.granted,
        consent: plan.consent.to_owned(),
        button: None,
        stopped: false,
    };
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            plan: text,
            ..running
        })
    });
    true
}

/// Carries out the plan's steps, in order (once).
#[wasm_bindgen]
pub fn replay() {
    let Some((text, nonce)) = RUNNING.with(|r| {
        let mut running = r.borrow_mut();
        let running = running.as_mut()?;
        Some((std::mem::take(&mut running.plan), running.nonce.take()))
    }) else {
        return;
    };
    let Some(plan) = PlanText::read(&text) else {
        return;
    };
    let google = WebGoogleTags { nonce };
    let mut button = None;
    for step in plan.steps() {
        match step {
            Step::GtagStub => google.ensure_stub(),
            Step::Gtag(args) => google.gtag_json(args),
            Step::GtagJsStart => google.gtag_js_start(),
            Step::TagManagerStart => google.tag_manager_start(),
            Step::Script(url) => google.load_script(url),
            Step::WindowFlag(name, on) => google.set_window_flag(name, on),
            Step::Event(name, detail) => notify_page(name, detail),
            Step::SettingsButton(label, attributes) => {
                let holder = add_settings_button();
                for pair in attributes.chunks(2) {
                    if let [name, value] = pair {
                        let _ = holder.set_attribute(name, value);
                    }
                }
                if let Some(button) = button_of(&holder) {
                    button.set_text_content(Some(label));
                }
                button = Some(holder);
            }
        }
    }
    RUNNING.with(|r| match r.borrow_mut().as_mut() {
        // A page listener of the replayed events handed over already: the full engine draws
        // its own button.
        Some(running) if !running.stopped => running.button = button,
        _ => {
            if let Some(button) = button {
                button.remove();
            }
        }
    });
}

/// What makes the entry hand over to the full engine once the plan ran, one per line: the
/// selector of the preferences hooks (a click), the selector of gated markup and notices (one
/// added), the channel other tabs post to, and the record's `localStorage` key (a `storage`
/// event about it).
#[wasm_bindgen(js_name = handOverWatch)]
pub fn hand_over_watch() -> String {
    let mut watch = String::from(PREFERENCES_HOOK);
    for part in ["\n", GATED, ",", NOTICE_HOOK, "\n", CHANNEL, "\n"] {
        watch.push_str(part);
    }
    RUNNING.with(|r| {
        if let Some(running) = r.borrow().as_ref() {
            watch.push_str(&running.key);
        }
    });
    watch
}

/// Stops this engine before the full engine takes over: its settings button goes (the full
/// engine draws its own); the readers answer as before until the full engine runs. Returns
/// the stored text the plan ran with (the full engine's `resumeFrom`), or `undefined` when
/// no plan ran.
#[wasm_bindgen]
pub fn stop() -> Option<String> {
    RUNNING.with(|r| {
        let mut running = r.borrow_mut();
        let running = running.as_mut()?;
        running.stopped = true;
        if let Some(button) = running.button.take() {
            button.remove();
        }
        Some(running.stored.clone())
    })
}

/// Where the choice in force is stored: a plan is made only for one in `localStorage`.
#[wasm_bindgen(js_name = storageKind)]
pub fn storage_kind() -> String {
    let running = RUNNING.with(|r| r.borrow().is_some());
    String::from(if running { "localStorage" } else { "none" })
}

/// Whether `category` is granted by the choice in force (never an unknown name).
#[wasm_bindgen(js_name = isAccepted)]
pub fn is_accepted(category: &str) -> bool {
    let granted = RUNNING.with(|r| r.borrow().as_ref().map(|r| r.granted));
    Category::parse(category)
        .is_some_and(|c| granted.unwrap_or(CategorySet::necessary_only()).contains(c))
}

/// The choice in force (an object), as the full engine's `getConsent()` gives it.
#[wasm_bindgen(js_name = getConsent)]
pub fn get_consent() -> JsValue {
    RUNNING.with(|r| {
        r.borrow()
            .as_ref()
            .and_then(|r| js_sys::JSON::parse(&r.consent).ok())
            .unwrap_or(JsValue::NULL)
    })
}
