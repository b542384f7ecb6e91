//! The returning-visit engine: the core's reading of the plan the full engine wrote, behind a
//! few plain exports that `glue.js` calls. Whether the plan holds for this page view is the
//! core's rule (`PlanText::holds`); the glue gathers the page's facts (the stored texts, the
//! page's languages, GPC, the clock), asks, and carries out the steps the plan lists with the
//! page actions both engines share (`shims.js`). When the plan does not hold, or the page has
//! what only the full engine does (gated elements, a notice), the entry runs the full engine;
//! later needs (the preferences, an API call, news from another tab) hand over to it.
//!
//! Strings cross as UTF-8 in this module's memory: in, through buffers from [`alloc`] that
//! the export called takes back; out, through one buffer whose length each export returns and
//! whose address [`out`] gives (see `ffi.rs`).

mod ffi;

use ffi::{give, take, Slot};
use samtykke_core::{
    fingerprint, only_cookie, page_languages, plan_context, Category, CategorySet, PlanText, GATED,
    NOTICE_HOOK, PLAN_KEY,
};

pub use ffi::{alloc, out};

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The text of the plan read by [`plan_read`]; it is in force once [`plan_holds`] said so.
static PLAN: Slot = Slot::new();

/// `f` on the plan read, if it reads.
fn with_plan<T>(f: impl FnOnce(&PlanText) -> T) -> Option<T> {
    PLAN.with(|text| PlanText::read(text).map(|plan| f(&plan)))
}

/// The `localStorage` key of the plan.
#[no_mangle]
pub extern "C" fn plan_key() -> usize {
    give(PLAN_KEY)
}

/// Reads the plan's text (from `alloc`). When it is a plan of this build, gives the key of
/// the record it was made for and returns its length; else returns `usize::MAX`.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn plan_read(text: *mut u8, len: usize) -> usize {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let text = unsafe { take(text, len) }.unwrap_or_default();
    PLAN.set(text);
    with_plan(|plan| give(plan.key)).unwrap_or(usize::MAX)
}

/// Whether the plan read holds for this page view: the config's text, where the record is
/// kept (see [`plan_kept_in`]: `localStorage`'s text under the plan's key, or
/// `document.cookie`; `stored_len` is `usize::MAX` for none), the page's languages (one per
/// line, see the core's `page_languages`), the GPC signal and the clock.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn plan_holds(
    config: *mut u8,
    config_len: usize,
    stored: *mut u8,
    stored_len: usize,
    languages: *mut u8,
    languages_len: usize,
    gpc: bool,
    now_ms: f64,
) -> bool {
    let config = unsafe { take(config, config_len) };
    let stored = (stored_len != usize::MAX)
        .then(|| unsafe { take(stored, stored_len) })
        .flatten();
    let languages = unsafe { take(languages, languages_len) }.unwrap_or_default();
    let Some(config) = config else {
        return false;
    };
    let (page_lang, browser) = page_languages(&languages);
    let context = plan_context(gpc, page_lang, browser);
    with_plan(|plan| {
        // A plan bound to the domain cookie was handed the page's cookies.
        let stored = stored.as_deref();
        let stored = if plan.cookie.is_empty() {
            stored
        } else {
            stored.and_then(|cookies| only_cookie(cookies, plan.key))
        };
        plan.holds(&fingerprint(&config), stored, &context, now_ms as u64)
    })
    .unwrap_or(false)
}

/// Gives the selector of what only the full engine does: a page with such an element is not
/// this engine's (a notice).
#[no_mangle]
pub extern "C" fn full_engine_markup() -> usize {
    give(NOTICE_HOOK)
}

/// Gives the selector of gated markup: on a page with some, the glue fetches the gated-markup
/// check (`www/gating`), which says whether the plan lets all of it run.
#[no_mangle]
pub extern "C" fn gated_selector() -> usize {
    give(GATED)
}

/// The categories the plan read grants, as the bits of a `CategorySet` (necessary only
/// without a plan).
#[no_mangle]
pub extern "C" fn plan_granted() -> u8 {
    with_plan(|plan| plan.granted)
        .unwrap_or(CategorySet::necessary_only())
        .bits()
}

/// Gives the plan's steps (a JSON array the page actions carry out).
#[no_mangle]
pub extern "C" fn plan_steps() -> usize {
    with_plan(|plan| give(plan.steps)).unwrap_or(0)
}

/// Gives what makes the entry hand over to the full engine once the plan ran (the core's
/// `hand_over_watch`, with the key of the plan's record).
#[no_mangle]
pub extern "C" fn hand_over_watch() -> usize {
    with_plan(|plan| give(&samtykke_core::hand_over_watch(plan.key)))
        .unwrap_or_else(|| give(&samtykke_core::hand_over_watch("")))
}

/// Gives where the plan's record is kept, as `storageKind()` names it: `cookie` (the domain
/// cookie: [`plan_holds`] is then handed `document.cookie`) or `localStorage`.
#[no_mangle]
pub extern "C" fn plan_kept_in() -> usize {
    let in_cookie = with_plan(|plan| !plan.cookie.is_empty()).unwrap_or(false);
    give(if in_cookie { "cookie" } else { "localStorage" })
}

/// Gives the stored text the plan ran with (the full engine's `resumeFrom`).
#[no_mangle]
pub extern "C" fn plan_stored() -> usize {
    with_plan(|plan| give(plan.stored)).unwrap_or(0)
}

/// Whether `category` (from `alloc`) is granted by the plan's choice; never an unknown name.
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn is_accepted(category: *mut u8, len: usize) -> bool {
    let granted = with_plan(|plan| plan.granted).unwrap_or(CategorySet::necessary_only());
    unsafe { take(category, len) }
        .and_then(|name| Category::parse(&name))
        .is_some_and(|c| granted.contains(c))
}

/// Gives the choice in force as JSON, as the full engine's `getConsent()` gives it.
#[no_mangle]
pub extern "C" fn consent() -> usize {
    with_plan(|plan| give(plan.consent)).unwrap_or_else(|| give("null"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ffi::testing::{given, put};
    use samtykke_core::{Plan, Step};

    fn plan(config: &str, languages: &str) -> String {
        let (page, browser) = page_languages(languages);
        Plan {
            fingerprint: fingerprint(config),
            key: "samtykke".into(),
            stored: "{\"record\":1}".into(),
            cookie: String::new(),
            context: plan_context(false, page, browser),
            valid_from: 1_000,
            valid_until: 2_000,
            granted: CategorySet::necessary_only().with(Category::Statistics),
            consent: "{\"categories\":[\"necessary\",\"statistics\"]}".into(),
            steps: vec![Step::GtagStub, Step::GtagJsStart],
        }
        .encode()
        .unwrap()
    }

    fn holds(config: &str, stored: Option<&str>, languages: &str, now: f64) -> bool {
        let (c, cl) = put(config);
        let (s, sl) = stored.map_or((std::ptr::null_mut(), usize::MAX), put);
        let (l, ll) = put(languages);
        // SAFETY: every buffer comes from `put`, used once.
        unsafe { plan_holds(c, cl, s, sl, l, ll, false, now) }
    }

    // One test only: the exports share statics meant for wasm's single thread, and the test
    // harness would run several tests on threads of their own.
    #[test]
    fn the_exports_read_a_plan_as_the_glue_hands_it_over() {
        assert_eq!(given(plan_key()), PLAN_KEY);
        let (p, l) = put(&plan("{\"revision\":1}", "en\nen-GB"));
        // SAFETY: from `put`, used once.
        let key = unsafe { plan_read(p, l) };
        assert_eq!(given(key), "samtykke");
        assert!(holds(
            "{\"revision\":1}",
            Some("{\"record\":1}"),
            "en\nen-GB",
            1_500.0
        ));
        assert!(!holds(
            "{\"revision\":2}",
            Some("{\"record\":1}"),
            "en\nen-GB",
            1_500.0
        ));
        assert!(!holds("{\"revision\":1}", None, "en\nen-GB", 1_500.0));
        assert!(!holds(
            "{\"revision\":1}",
            Some("{\"record\":1}"),
            "nb\nen-GB",
            1_500.0
        ));
        assert!(!holds(
            "{\"revision\":1}",
            Some("{\"record\":1}"),
            "en\nen-GB",
            2_000.0
        ));
        assert_eq!(given(plan_steps()), "[[\"stub\"],[\"js\"]]");
        assert_eq!(given(plan_stored()), "{\"record\":1}");
        assert_eq!(given(plan_kept_in()), "localStorage");
        let accepted = |name: &str| {
            let (p, l) = put(name);
            // SAFETY: from `put`, used once.
            unsafe { is_accepted(p, l) }
        };
        assert!(accepted("statistics"));
        assert!(!accepted("marketing"));
        assert!(!accepted("nonsense"));
        assert_eq!(given(full_engine_markup()), "[data-samtykke=\"notice\"]");
        assert_eq!(given(gated_selector()), "[data-category]");
        let watch = given(hand_over_watch());
        assert_eq!(
            watch.lines().nth(1),
            Some("[data-category]:not([data-samtykke-handled]),[data-samtykke=\"notice\"]"),
            "the copies of gated scripts it ran do not hand over"
        );
        assert_eq!(
            plan_granted(),
            CategorySet::necessary_only()
                .with(Category::Statistics)
                .bits()
        );

        // A plan for the domain cookie reads the page's cookies, not localStorage.
        let domain_plan = Plan {
            cookie: "%7B%22record%22%3A1%7D".into(),
            ..Plan::decode(&plan("{\"revision\":1}", "en\nen-GB")).unwrap()
        };
        let (p, l) = put(&domain_plan.encode().unwrap());
        // SAFETY: from `put`, used once.
        assert_eq!(given(unsafe { plan_read(p, l) }), "samtykke");
        assert_eq!(given(plan_kept_in()), "cookie");
        let cookies = "a=1; samtykke=%7B%22record%22%3A1%7D";
        let config = "{\"revision\":1}";
        assert!(holds(config, Some(cookies), "en\nen-GB", 1_500.0));
        let changed = "samtykke=%7B%22record%22%3A2%7D";
        assert!(!holds(config, Some(changed), "en\nen-GB", 1_500.0));
        let two = format!("{cookies}; samtykke=x");
        assert!(!holds(config, Some(&two), "en\nen-GB", 1_500.0));
        assert!(!holds(config, None, "en\nen-GB", 1_500.0));

        // A text that is no plan gives no key, and nothing is granted from it.
        let (p, l) = put("not a plan");
        // SAFETY: from `put`, used once.
        assert_eq!(unsafe { plan_read(p, l) }, usize::MAX);
        assert_eq!(given(consent()), "null");
    }
}
