//! The returning-visit engine: a page view with a valid stored choice replays the plan the
//! full engine wrote for it (Google's Consent Mode and tags, the page's events, the settings
//! button) without the config reader, the banner or the gate. Whether the plan holds is the
//! core's rule (`PlanText::holds`); when it does not, or the page has anything this engine
//! does not do (gated elements, a notice), `start` declines and the entry runs the full
//! engine instead. Later needs (the preferences, an API call, news from another tab) make the
//! entry hand over to the full engine, which takes over where the plan left off. The steps
//! are carried out by the same page actions as the full engine's (`shims.js`).

use samtykke::browser::boot::{page_nonce, plan_context, GATED, NOTICE_HOOK, PREFERENCES_HOOK};
use samtykke::browser::page::{has_any, replay_steps, stored_item, CHANNEL};
use samtykke::core::{fingerprint, Category, CategorySet, PlanText, PLAN_KEY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The plan in force on this page.
struct Running {
    /// The plan's text.
    text: String,
    /// The CSP nonce for the Google tag.
    nonce: String,
    /// What the readers answer.
    granted: CategorySet,
    /// The settings button the replay added.
    button: Option<web_sys::Element>,
    /// The steps were carried out.
    replayed: bool,
    /// The full engine is taking over.
    stopped: bool,
}

thread_local! {
    /// The plan in force.
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// `f` on the running state, if any.
fn with_running<T>(f: impl FnOnce(&mut Running) -> T) -> Option<T> {
    RUNNING.with(|r| r.borrow_mut().as_mut().map(f))
}

/// The plan in force, read again from its text, for `f`.
fn with_plan<T>(f: impl FnOnce(&PlanText) -> T) -> Option<T> {
    with_running(|running| PlanText::read(&running.text).map(|plan| f(&plan))).flatten()
}

/// Takes this page view when the plan holds for `config` (its JSON text, as the full engine
/// reads it) and the page has nothing the full engine must do; returns whether it did. Then
/// the entry starts listening for what hands over, and calls [`replay`]. `nonce` is the CSP
/// nonce for the Google tag (empty: the page's first).
#[wasm_bindgen]
pub fn start(config: &str, nonce: &str) -> bool {
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
    if !holds || has_any(GATED) || has_any(NOTICE_HOOK) {
        return false;
    }
    let granted = plan.granted;
    let nonce = match nonce {
        "" => page_nonce().unwrap_or_default(),
        given => given.to_owned(),
    };
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            text,
            nonce,
            granted,
            button: None,
            replayed: false,
            stopped: false,
        })
    });
    true
}

/// Carries out the plan's steps, in order (once).
#[wasm_bindgen]
pub fn replay() {
    let taken = with_running(|running| {
        if running.replayed {
            return None;
        }
        running.replayed = true;
        let steps = PlanText::read(&running.text)?.steps.to_owned();
        Some((steps, std::mem::take(&mut running.nonce)))
    })
    .flatten();
    let Some((steps, nonce)) = taken else {
        return;
    };
    let button = replay_steps(&steps, &nonce);
    // A page listener of the replayed events may have handed over already: the full engine
    // then draws its own button.
    let kept = with_running(|running| {
        if running.stopped {
            return button.clone();
        }
        running.button = button.clone();
        None
    });
    if let Some(button) = kept.flatten() {
        button.remove();
    }
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
    if let Some(key) = with_plan(|plan| plan.key.to_owned()) {
        watch.push_str(&key);
    }
    watch
}

/// Stops this engine before the full engine takes over: its settings button goes (the full
/// engine draws its own); the readers answer as before until the full engine runs. Returns
/// the stored text the plan ran with (the full engine's `resumeFrom`), or `undefined` when
/// no plan ran.
#[wasm_bindgen]
pub fn stop() -> Option<String> {
    if let Some(button) = with_running(|running| {
        running.stopped = true;
        running.button.take()
    })
    .flatten()
    {
        button.remove();
    }
    with_plan(|plan| plan.stored.to_owned())
}

/// Whether `category` is granted by the choice in force (never an unknown name).
#[wasm_bindgen(js_name = isAccepted)]
pub fn is_accepted(category: &str) -> bool {
    let granted = with_running(|running| running.granted);
    Category::parse(category)
        .is_some_and(|c| granted.unwrap_or(CategorySet::necessary_only()).contains(c))
}

/// The choice in force as JSON text (the entry parses it), as the full engine's
/// `getConsent()` gives it; `null` when no plan runs.
#[wasm_bindgen(js_name = getConsent)]
pub fn get_consent() -> String {
    with_plan(|plan| plan.consent.to_owned()).unwrap_or_else(|| String::from("null"))
}

/// Where the choice in force is stored: a plan is made only for one in `localStorage`.
#[wasm_bindgen(js_name = storageKind)]
pub fn storage_kind() -> String {
    let running = with_running(|_| ()).is_some();
    String::from(if running { "localStorage" } else { "none" })
}
