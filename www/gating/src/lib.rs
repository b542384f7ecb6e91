//! The gated-markup check of a returning visit: whether each gated script and embed of the
//! page may run under the plan the returning engine replayed, by the core's rules
//! (`runs_on_plan`, `url_loads`, `nonce_problem`), behind a few plain exports that `glue.js`
//! calls. The returning engine fetches it only on a page with gated markup, so that every
//! other returning visit stays as light as it is. When any element may not run here (it
//! needs a placeholder, names a service, or has a URL that may never load), none runs here
//! and the full engine takes over, which judges each with the config.
//!
//! Strings cross as in the returning engine (`../returning/src/ffi.rs`, shared).

#[path = "../../returning/src/ffi.rs"]
mod ffi;

use ffi::{give, take};
use samtykke_core::{
    nonce_problem, runs_on_plan, CategorySet, GATED_EMBEDS, GATED_SCRIPTS, HANDLED, HELD_URLS_TEXT,
};

pub use ffi::{alloc, out};

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Gives what the glue needs to find the page's gated markup, one per line: the selectors of
/// the gated scripts and of the gated embeds not yet handled, and the URL attributes they hold
/// (the core's `HELD_URLS`, as `gate.js` takes them).
#[no_mangle]
pub extern "C" fn gated_markup() -> usize {
    let mut lines = String::new();
    for part in [
        GATED_SCRIPTS,
        ":not([",
        HANDLED,
        "])\n",
        GATED_EMBEDS,
        ":not([",
        HANDLED,
        "])\n",
        HELD_URLS_TEXT,
    ] {
        lines.push_str(part);
    }
    give(&lines)
}

/// Whether a gated element with this `data-category` (from `alloc`; `has_service`: it has a
/// `data-service`) may run under a plan granting `granted` (its bits), and, for a script,
/// carries the `nonce` Samtykke was given (`expected`, empty for none). Each of its URLs is
/// checked with [`url_loads`].
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn gated_runs(
    category: *mut u8,
    category_len: usize,
    has_service: bool,
    nonce: *mut u8,
    nonce_len: usize,
    expected: *mut u8,
    expected_len: usize,
    granted: u8,
) -> bool {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let category = unsafe { take(category, category_len) }.unwrap_or_default();
    let nonce = unsafe { take(nonce, nonce_len) }.unwrap_or_default();
    let expected = unsafe { take(expected, expected_len) }.unwrap_or_default();
    let granted = CategorySet::from_bits(granted);
    nonce_problem(Some(&expected), &nonce).is_none()
        && runs_on_plan(&category, has_service, granted)
}

/// Whether the URL `value` of the attribute `attribute` of a gated element may load (the
/// core's `url_loads`).
///
/// # Safety
/// Each string is a buffer from [`alloc`] of its length, written and not used again (the
/// glue's contract).
#[no_mangle]
pub unsafe extern "C" fn url_loads(
    attribute: *mut u8,
    attribute_len: usize,
    value: *mut u8,
    value_len: usize,
) -> bool {
    // SAFETY (each `take` here): the glue passes a buffer from `alloc` it filled, once.
    let attribute = unsafe { take(attribute, attribute_len) }.unwrap_or_default();
    let value = unsafe { take(value, value_len) };
    value.is_some_and(|value| samtykke_core::url_loads(&attribute, &value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ffi::testing::{given, put};
    use samtykke_core::Category;

    // One test only: the exports share statics meant for wasm's single thread.
    #[test]
    fn the_exports_judge_gated_markup_as_the_glue_hands_it_over() {
        assert_eq!(
            given(gated_markup()),
            "script[type=\"text/plain\"][data-category]:not([data-samtykke-handled])\n\
             :is(iframe[data-src],img,video,audio)[data-category]:not([data-samtykke-handled])\n\
             data-src src data-srcset srcset data-poster poster"
        );
        let statistics = CategorySet::necessary_only()
            .with(Category::Statistics)
            .bits();
        let runs = |category: &str, service: bool, nonce: &str, expected: &str| {
            let ((c, cl), (n, nl), (e, el)) = (put(category), put(nonce), put(expected));
            // SAFETY: from `put`, used once.
            unsafe { gated_runs(c, cl, service, n, nl, e, el, statistics) }
        };
        assert!(runs("statistics", false, "", ""));
        assert!(
            !runs("marketing", false, "", ""),
            "the plan grants statistics only"
        );
        assert!(
            !runs("statistics", true, "", ""),
            "a service is the full engine's"
        );
        assert!(runs("statistics", false, "abc", "abc"));
        assert!(
            !runs("statistics", false, "", "abc"),
            "a script without the given nonce"
        );
        let loads = |attribute: &str, value: &str| {
            let ((a, al), (v, vl)) = (put(attribute), put(value));
            // SAFETY: from `put`, used once.
            unsafe { url_loads(a, al, v, vl) }
        };
        assert!(loads("data-src", "/js/stats.js"));
        assert!(!loads("data-src", "javascript:alert(1)"));
        assert!(!loads("data-srcset", "a.jpg 1x, data:x 2x"));
    }
}
