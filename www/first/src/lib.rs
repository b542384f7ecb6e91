//! The first-visit engine: the core's config reader, reducer and first layer behind a few
//! plain exports that `glue.js` calls, for a visitor with no choice stored yet. It shows the
//! banner and carries out **Accept all** and **Reject all**: the record to store, the
//! returning-visit plan and the steps the page actions run (`shims.js`), all decided here by
//! the core. Everything else is the full engine's: a config it does not take (see
//! [`open`]), a stored choice, GPC, **Manage preferences** and any API call hand over to it,
//! which takes up where this one left off (see the entry, `www/npm/index.js`). It runs the
//! page's gated scripts under the choice in force (with `gate.js`); the entry fetches it only
//! for a page without gated embeds, services or a notice (`FULL_ENGINE_FIRST_VISIT`), which
//! the full engine handles, and a gated script it cannot vouch for hands over too.
//!
//! Strings cross as UTF-8 in this module's memory, as in the returning engine (`ffi.rs`).

#[path = "../../returning/src/ffi.rs"]
mod ffi;

use ffi::{give, take, Slot};
use samtykke_core::json::{self, object, Value};
use samtykke_core::{
    consent_json, container_attributes, effect_steps, first_layer, plan_for, settings_button_step,
    steps_value, Category, Config, ConsentId, ConsentRecord, Effect, Environment, Event, Layout,
    Markup, PlanPage, State, Step, View, PLAN_KEY,
};
use samtykke_core::{
    markup_problem, nonce_problem, read_cookie_header, runs_on_plan, url_loads, CategorySet,
    GATED_SCRIPTS, HANDLED, HELD_URLS_TEXT,
};
use std::cell::Cell;
use std::rc::Rc;

pub use ffi::{alloc, out};

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

// The glue's imports (its `env` object).
#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "env")]
extern "C" {
    /// `Date.now()`.
    #[link_name = "now"]
    fn js_now() -> f64;
    /// Fills 16 bytes at `at` from `crypto.getRandomValues`.
    #[link_name = "random"]
    fn js_random(at: *mut u8);
}

/// The page's clock and `crypto.getRandomValues`, through the glue.
struct Page;

impl Environment for Page {
    fn now_ms(&self) -> u64 {
        #[cfg(target_arch = "wasm32")]
        // SAFETY: an import of the glue that takes nothing.
        return unsafe { js_now() } as u64;
        #[cfg(not(target_arch = "wasm32"))]
        return 1_700_000_000_000;
    }

    fn fresh_id(&self) -> ConsentId {
        let mut bytes = [0u8; 16];
        #[cfg(target_arch = "wasm32")]
        // SAFETY: the glue writes exactly 16 bytes at the address.
        unsafe {
            js_random(bytes.as_mut_ptr())
        };
        #[cfg(not(target_arch = "wasm32"))]
        bytes.fill(7);
        ConsentId::from_random_bytes(bytes)
    }
}

/// What the exports share between calls. The module runs on the page's one thread.
struct Shared<T>(Cell<Option<T>>);

// SAFETY: built for wasm32 without threads (and natively for one single-threaded test).
unsafe impl<T> Sync for Shared<T> {}

impl<T> Shared<T> {
    const fn new() -> Self {
        Shared(Cell::new(None))
    }

    /// `f` on the value, if there is one; it stays.
    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        let mut value = self.0.take()?;
        let out = f(&mut value);
        self.0.set(Some(value));
        Some(out)
    }
}

/// The config read by [`open`], until [`start`] makes the state of it.
static CONFIG: Shared<Config> = Shared::new();
/// The state, from [`start`] on.
static STATE: Shared<State> = Shared::new();
/// The config's text, for the plan's fingerprint.
static CONFIG_TEXT: Slot = Slot::new();
/// The page's languages (one per line), for the state and the plan.
static LANGUAGES: Slot = Slot::new();

/// Reads the config's JSON text and the page's languages (one per line: `<html lang>`, then
/// the browser's). Gives, as JSON, the `localStorage` key of the record (`key`), the language
/// whose file the glue must load first (`language`, empty when this module carries it) and
/// the config's `autoClear` patterns (`patterns`: where the browser cannot read one as a
/// regular expression, the full engine takes the page view and says so), and returns its
/// length. Returns `usize::MAX` when the full engine must take this page view: a config
/// with problems (the full engine reports them), one that keeps the choice in a cookie
/// (`cookie.domain`, `cookie.mirror`) or logs it (`consentLog`).
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn open(
    config: *mut u8,
    config_len: usize,
    languages: *mut u8,
    languages_len: usize,
) -> usize {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let text = unsafe { take(config, config_len) }.unwrap_or_default();
    let languages = unsafe { take(languages, languages_len) }.unwrap_or_default();
    let parsed = Config::from_json(&text);
    let config = parsed.config;
    let cookie = &config.cookie;
    if !parsed.problems.is_empty()
        || cookie.domain.is_some()
        || cookie.mirror
        || config.consent_log.is_some()
    {
        return usize::MAX;
    }
    let (page_lang, browser) = browser_languages(&languages);
    let language = config.choose_language(page_lang, &browser);
    let to_load = if config.language_pack_needed(&language) {
        language
    } else {
        String::new()
    };
    let patterns: Vec<Value> = config
        .categories
        .iter()
        .flat_map(|c| c.auto_clear.iter().map(|p| Value::from(p.as_str())))
        .collect();
    let answer = object([
        ("key", cookie.name.as_str().into()),
        ("language", to_load.into()),
        ("patterns", Value::Array(patterns)),
    ]);
    CONFIG.0.set(Some(config));
    CONFIG_TEXT.set(text);
    LANGUAGES.set(languages);
    give(&json::write(&answer))
}

/// The page's language and the browser's, from the lines the glue gave.
fn browser_languages(lines: &str) -> (Option<&str>, Vec<String>) {
    let (page_lang, browser) = samtykke_core::page_languages(lines);
    (page_lang, browser.map(str::to_owned).collect())
}

/// Starts with the config [`open`] read, when no choice is stored: `stored` is what
/// `localStorage` holds under the key (`usize::MAX` length for nothing), `cookies` the page's
/// `document.cookie`, `pack` the texts of the language file the glue loaded (empty for none).
/// Gives, as JSON, the steps of the start (`steps`: Google's consent default,
/// `samtykke:ready`) and the banner (`banner`, see [`markup_json`]; `holder`, its
/// container's attributes; `modal`), and returns its length.
/// Returns `usize::MAX` when the full engine must take this page view: a choice is stored
/// (in `localStorage` or in the record's cookie), or the GPC signal is on.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn start(
    stored: *mut u8,
    stored_len: usize,
    cookies: *mut u8,
    cookies_len: usize,
    pack: *mut u8,
    pack_len: usize,
    gpc: bool,
) -> usize {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let stored = (stored_len != usize::MAX)
        .then(|| unsafe { take(stored, stored_len) })
        .flatten();
    let cookies = unsafe { take(cookies, cookies_len) }.unwrap_or_default();
    let pack = unsafe { take(pack, pack_len) }.unwrap_or_default();
    let Some(mut config) = CONFIG.0.take() else {
        return usize::MAX;
    };
    let key = config.cookie.name.clone();
    let cookie_kept = read_cookie_header(&cookies)
        .iter()
        .any(|(name, _)| *name == key);
    if stored.is_some() || cookie_kept || gpc {
        return usize::MAX;
    }
    let languages = LANGUAGES.with(str::to_owned);
    let (page_lang, browser) = browser_languages(&languages);
    let language = config.choose_language(page_lang, &browser);
    if !pack.is_empty() {
        config.add_language_pack(&language, &pack);
    }
    let mut state = State::new(Rc::new(config), page_lang, &browser);
    let effects = state.reduce(Event::Start { stored: None, gpc }, &Page);
    let Some(steps) = steps_of(&effects, &state) else {
        return usize::MAX;
    };
    if state.view != View::Banner {
        return usize::MAX;
    }
    let answer = object([
        ("steps", steps_value(&steps)),
        (
            "banner",
            first_layer(&state).map_or(Value::Null, |m| markup_json(&m)),
        ),
        ("holder", holder_attributes(&state)),
        ("modal", (state.config.layout == Layout::Modal).into()),
    ]);
    STATE.0.set(Some(state));
    give(&json::write(&answer))
}

/// The steps that carry out `effects`, or `None` when one of them needs more than steps
/// (storing, erasing).
fn steps_of(effects: &[Effect], state: &State) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for effect in effects {
        steps.extend(effect_steps(effect, state)?);
    }
    Some(steps)
}

/// The first layer's container attributes, as name and value in turn.
fn holder_attributes(state: &State) -> Value {
    Value::Array(
        container_attributes(state)
            .iter()
            .flat_map(|(name, value)| [Value::from(*name), Value::from(*value)])
            .collect(),
    )
}

/// A markup tree as the glue builds it: a text is a string; an element is an array of its
/// tag, its attributes (name and value in turn) and its children. Its clicks are found again
/// by the `data-action` of the element clicked (see [`choose`]).
fn markup_json(markup: &Markup) -> Value {
    match markup {
        Markup::Text(text) => text.as_str().into(),
        Markup::Element(element) => {
            let attributes = element
                .attributes
                .iter()
                .flat_map(|(name, value)| [Value::from(*name), Value::from(value.as_str())])
                .collect();
            let mut out = vec![element.tag.into(), Value::Array(attributes)];
            out.extend(element.children.iter().map(markup_json));
            Value::Array(out)
        }
    }
}

/// The event of the banner's element whose `data-action` is `action`, if it has one.
fn event_of(markup: &Markup, action: &str) -> Option<Event> {
    let Markup::Element(element) = markup else {
        return None;
    };
    if element.attribute("data-action") == Some(action) {
        if let Some(event) = &element.on_click {
            return Some(event.clone());
        }
    }
    element.children.iter().find_map(|c| event_of(c, action))
}

/// The state a choice leads to, until the glue has stored its record ([`keep`]).
static CHOSEN: Shared<State> = Shared::new();

/// The JS API's call for `event`, which the full engine makes when this one hands over.
fn api_call(event: &Event) -> Value {
    match event {
        Event::AcceptAll => "acceptAll".into(),
        Event::RejectAll => "rejectAll".into(),
        Event::ShowPreferences => "showPreferences".into(),
        _ => Value::Null,
    }
}

/// The visitor clicked the banner's button `action` (its `data-action`). Gives, as JSON, for
/// **Accept all** and **Reject all**: the record to store (`store`), the steps to run
/// (`steps`: Google's consent update and tags, the page's events, the settings button) and
/// the API call that makes the same choice (`call`, for the full engine where the record
/// cannot be stored); the choice is in force once the glue has stored the record and said so
/// ([`keep`]), and then has its plan ([`plan`]). For anything else the banner
/// does (**Manage preferences**), or a choice whose effects need more than this engine does:
/// `handOver`, the API call for the full engine to make (or null). Returns its length, or 0
/// for a click on nothing the banner knows.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn choose(action: *mut u8, action_len: usize) -> usize {
    // SAFETY: the glue passes a buffer from `alloc` it filled, once.
    let action = unsafe { take(action, action_len) }.unwrap_or_default();
    let Some(Some(event)) =
        STATE.with(|state| first_layer(state).and_then(|m| event_of(&m, &action)))
    else {
        return 0;
    };
    let hand_over = || give(&json::write(&object([("handOver", api_call(&event))])));
    if !matches!(event, Event::AcceptAll | Event::RejectAll) {
        return hand_over();
    }
    let Some(mut after) = STATE.with(|state| state.clone()) else {
        return 0;
    };
    let effects = after.reduce(event.clone(), &Page);
    let mut record = None;
    let mut rest = Vec::new();
    for effect in effects {
        match effect {
            Effect::Persist(r) => record = Some(r),
            other => rest.push(other),
        }
    }
    let (Some(record), Some(mut steps)) = (record, steps_of(&rest, &after)) else {
        return hand_over();
    };
    let stored = record.encode();
    steps.extend(settings_button_step(&after));
    let answer = object([
        ("store", stored.as_str().into()),
        ("steps", steps_value(&steps)),
        ("call", api_call(&event)),
    ]);
    CHOSEN.0.set(Some(after));
    give(&json::write(&answer))
}

/// The record of the choice [`choose`] gave is stored: the choice is in force from now on.
#[no_mangle]
pub extern "C" fn keep() {
    if let Some(chosen) = CHOSEN.0.take() {
        STATE.0.set(Some(chosen));
    }
}

/// Gives the returning-visit plan for the choice in force (made once its steps have run, so
/// that Google hears of the choice first) and returns its length; `usize::MAX` for none.
#[no_mangle]
pub extern "C" fn plan() -> usize {
    let text = STATE.with(|state| {
        let stored = state.record.as_ref()?.encode();
        CONFIG_TEXT.with(|config_text| {
            LANGUAGES.with(|languages| {
                let page = PlanPage {
                    config_text,
                    stored: &stored,
                    cookie: "",
                    gpc: false,
                    languages,
                };
                plan_for(state, &page, &Page)?.encode()
            })
        })
    });
    text.flatten().map_or(usize::MAX, |text| give(&text))
}

/// Gives what the glue needs to find the page's gated scripts, one per line: the selector of
/// those not yet handled and the URL attributes they may hold (as `gate.js` takes them).
#[no_mangle]
pub extern "C" fn gated_markup() -> usize {
    let mut lines = String::new();
    for part in [GATED_SCRIPTS, ":not([", HANDLED, "])\n", HELD_URLS_TEXT] {
        lines.push_str(part);
    }
    give(&lines)
}

/// A gated script waits for a choice that grants its categories.
const WAITS: u32 = 0;
/// A gated script runs under the choice in force (before one, `necessary`'s).
const RUNS: u32 = 1;
/// A gated script is the full engine's: it has a problem the full engine reports (a category
/// the config does not list, a URL that may never load, a nonce other than the one Samtykke
/// was given), a negation or a service.
const FULL_ENGINE: u32 = 2;

/// How the gated script with this `data-category` (from `alloc`; `has_service`: it has a
/// `data-service`), `nonce`, and URLs (`urls`: a JSON array of attribute and URL in turn, as
/// `gate.js`'s `heldUrls` lists them) fares under the choice in force: [`WAITS`], [`RUNS`] or
/// [`FULL_ENGINE`]. `expected` is the nonce Samtykke was given (empty for none).
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn gated_script(
    category: *mut u8,
    category_len: usize,
    has_service: bool,
    nonce: *mut u8,
    nonce_len: usize,
    expected: *mut u8,
    expected_len: usize,
    urls: *mut u8,
    urls_len: usize,
) -> u32 {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let category = unsafe { take(category, category_len) }.unwrap_or_default();
    let nonce = unsafe { take(nonce, nonce_len) }.unwrap_or_default();
    let expected = unsafe { take(expected, expected_len) }.unwrap_or_default();
    let urls = unsafe { take(urls, urls_len) }.unwrap_or_default();
    let urls = match json::parse(&urls) {
        Ok(Value::Array(urls)) => urls,
        _ => return FULL_ENGINE,
    };
    let urls_load = urls.len() % 2 == 0
        && urls
            .chunks(2)
            .all(|pair| match (pair[0].as_str(), pair[1].as_str()) {
                (Some(attribute), Some(url)) => url_loads(attribute, url),
                _ => false,
            });
    STATE
        .with(|state| {
            let plain = urls_load
                && !has_service
                && nonce_problem(Some(&expected), &nonce).is_none()
                && markup_problem(&state.config, None, &category, None).is_none()
                && runs_on_plan(&category, false, CategorySet::all());
            if !plain {
                FULL_ENGINE
            } else if runs_on_plan(&category, false, state.granted()) {
                RUNS
            } else {
                WAITS
            }
        })
        .unwrap_or(FULL_ENGINE)
}

/// Gives the stored text of the choice made here (empty before one): the full engine's
/// `resumeFrom`, with which it takes up where this engine left off.
#[no_mangle]
pub extern "C" fn resume_from() -> usize {
    let stored = STATE
        .with(|state| state.record.as_ref().map(ConsentRecord::encode))
        .flatten()
        .unwrap_or_default();
    give(&stored)
}

/// Gives what hands over to the full engine (the core's `hand_over_watch`, with the key of
/// the record).
#[no_mangle]
pub extern "C" fn hand_over_watch() -> usize {
    let key = STATE
        .with(|state| state.config.cookie.name.clone())
        .unwrap_or_default();
    give(&samtykke_core::hand_over_watch(&key))
}

/// Gives the `localStorage` key of the plan.
#[no_mangle]
pub extern "C" fn plan_key() -> usize {
    give(PLAN_KEY)
}

/// Whether `category` (from `alloc`) is granted now; never an unknown name.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn is_accepted(category: *mut u8, len: usize) -> bool {
    // SAFETY: the glue passes a buffer from `alloc` it filled, once.
    let name = unsafe { take(category, len) };
    let category = name.as_deref().and_then(Category::parse);
    STATE
        .with(|state| category.is_some_and(|c| state.granted().contains(c)))
        .unwrap_or(category == Some(Category::Necessary))
}

/// Gives the choice in force as JSON, as the full engine's `getConsent()` gives it.
#[no_mangle]
pub extern "C" fn consent() -> usize {
    let consent = STATE
        .with(|state| json::write(&consent_json(state)))
        .unwrap_or_else(|| "null".to_owned());
    give(&consent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ffi::testing::{given, put};
    use samtykke_core::{OTHER_TABS_CHANNEL, PREFERENCES_HOOK};

    const CONFIG_TEXT: &str = r#"{"revision":1,"privacyPolicyUrl":"/privacy.html","categories":["necessary","preferences","statistics","marketing","x"],"googleAnalytics":{"measurementId":"G-FIRST1"}}"#;

    fn opened(config: &str, languages: &str) -> Option<Value> {
        let (c, cl) = put(config);
        let (l, ll) = put(languages);
        // SAFETY: every buffer comes from `put`, used once.
        let length = unsafe { open(c, cl, l, ll) };
        (length != usize::MAX).then(|| json::parse(&given(length)).unwrap())
    }

    fn started(stored: Option<&str>, cookies: &str, gpc: bool) -> Option<Value> {
        let (s, sl) = stored.map_or((std::ptr::null_mut(), usize::MAX), put);
        let (c, cl) = put(cookies);
        let (p, pl) = put("");
        // SAFETY: every buffer comes from `put`, used once.
        let length = unsafe { start(s, sl, c, cl, p, pl, gpc) };
        (length != usize::MAX).then(|| json::parse(&given(length)).unwrap())
    }

    fn click(action: &str) -> Option<Value> {
        let (a, al) = put(action);
        // SAFETY: from `put`, used once.
        let length = unsafe { choose(a, al) };
        (length != 0).then(|| json::parse(&given(length)).unwrap())
    }

    fn accepted(name: &str) -> bool {
        let (p, l) = put(name);
        // SAFETY: from `put`, used once.
        unsafe { is_accepted(p, l) }
    }

    // One test only: the exports share statics meant for wasm's single thread, and the test
    // harness would run several tests on threads of their own.
    #[test]
    fn the_exports_show_the_banner_and_carry_out_a_choice() {
        // Configs the full engine must take: with problems, or a choice kept in a cookie.
        assert_eq!(opened(r#"{"categories":"nope"}"#, "en\nen"), None);
        let domain = r#"{"categories":["necessary"],"cookie":{"domain":"example.com"}}"#;
        assert_eq!(opened(domain, "en\nen"), None);

        let config = CONFIG_TEXT.replace(",\"x\"", "");
        let config = config.replace(
            "\"necessary\",",
            "{\"name\":\"necessary\",\"autoClear\":[\"^ok$\",\"(\"]},",
        );
        let answer = opened(&config, "en\nen-GB").expect("taken");
        assert_eq!(answer["key"], Value::from("samtykke"));
        assert_eq!(answer["language"], Value::from(""));
        assert_eq!(answer["patterns"], Value::from(vec!["^ok$", "("]));
        // A stored choice, the record's cookie or GPC: the full engine's.
        assert_eq!(started(Some("{}"), "", false), None);
        opened(&config, "en\nen-GB").expect("taken");
        assert_eq!(started(None, "a=1; samtykke=x", false), None);
        opened(&config, "en\nen-GB").expect("taken");
        assert_eq!(started(None, "", true), None);

        opened(&config, "nb\nen-GB").expect("taken");
        let answer = started(None, "samtykke2=x", false).expect("taken");
        let steps = json::write(&answer["steps"]);
        assert!(steps.contains("\"default\""), "{steps}");
        assert!(steps.contains("\"ready\""), "{steps}");
        let banner = json::write(&answer["banner"]);
        assert!(banner.starts_with("[\"section\""), "{banner}");
        assert!(
            banner.contains("\"data-action\",\"accept-all\""),
            "{banner}"
        );
        assert!(json::write(&answer["holder"]).contains("\"lang\",\"nb\""));
        assert_eq!(answer["modal"], Value::from(false));
        assert!(accepted("necessary"));
        assert!(!accepted("statistics"));
        assert_eq!(given(consent()), "null");
        assert_eq!(given(resume_from()), "");
        let watch = given(hand_over_watch());
        assert_eq!(
            watch.lines().collect::<Vec<_>>(),
            [
                PREFERENCES_HOOK,
                "[data-category]:not([data-samtykke-handled]),[data-samtykke=\"notice\"]",
                OTHER_TABS_CHANNEL,
                "samtykke"
            ]
        );
        assert_eq!(
            given(gated_markup()),
            "script[type=\"text/plain\"][data-category]:not([data-samtykke-handled])\n\
             data-src src data-srcset srcset data-poster poster"
        );
        // Before a choice: necessary's scripts run, the others wait; what the full engine
        // reports or judges is its.
        let script = |category: &str, service: bool, nonce: &str, urls: &str| {
            let ((c, cl), (n, nl), (e, el), (u, ul)) =
                (put(category), put(nonce), put(""), put(urls));
            // SAFETY: from `put`, used once.
            unsafe { gated_script(c, cl, service, n, nl, e, el, u, ul) }
        };
        assert_eq!(script("necessary", false, "", "[]"), RUNS);
        assert_eq!(
            script("statistics", false, "", r#"["data-src","/s.js"]"#),
            WAITS
        );
        assert_eq!(
            script("statistics", true, "", "[]"),
            FULL_ENGINE,
            "a service"
        );
        assert_eq!(
            script("!marketing", false, "", "[]"),
            FULL_ENGINE,
            "a negation"
        );
        assert_eq!(
            script("ads", false, "", "[]"),
            FULL_ENGINE,
            "an unknown category"
        );
        let bad = r#"["data-src","javascript:alert(1)"]"#;
        assert_eq!(
            script("statistics", false, "", bad),
            FULL_ENGINE,
            "a URL refused"
        );
        assert_eq!(script("statistics", false, "", "nope"), FULL_ENGINE);

        // Manage preferences is the full engine's; a click on nothing known does nothing.
        let manage = click("manage").expect("an answer");
        assert_eq!(manage["handOver"], Value::from("showPreferences"));
        assert_eq!(click("privacy-policy"), None);
        assert_eq!(given(resume_from()), "");

        let answer = click("accept-all").expect("a choice");
        assert_eq!(answer["call"], Value::from("acceptAll"));
        // Not in force until its record is stored, and no plan before.
        assert!(!accepted("statistics"));
        assert_eq!(given(resume_from()), "");
        assert_eq!(plan(), usize::MAX);
        keep();
        let stored = answer["store"].as_str().expect("a record").to_owned();
        let record = ConsentRecord::decode(&stored).expect("a record");
        assert!(record.granted.contains(Category::Statistics));
        let steps = json::write(&answer["steps"]);
        assert!(steps.contains("gtag/js?id=G-FIRST1"), "{steps}");
        assert!(steps.contains("\"update\""), "{steps}");
        assert!(steps.contains("\"consent\""), "the consent event: {steps}");
        assert!(
            steps.ends_with("]]]"),
            "the settings button comes last: {steps}"
        );
        let plan = given(plan());
        let plan = samtykke_core::PlanText::read(&plan).expect("reads");
        assert_eq!(plan.stored, stored);
        assert!(accepted("statistics"));
        assert_eq!(
            script("statistics", false, "", "[]"),
            RUNS,
            "under the choice in force"
        );
        assert_eq!(given(resume_from()), stored);
        assert!(given(consent()).contains("statistics"));
        // The banner has gone: its buttons do nothing now.
        assert_eq!(click("reject-all"), None);
    }
}
