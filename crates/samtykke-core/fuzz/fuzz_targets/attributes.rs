//! The readers of a gated element's attributes (`data-category`, `data-service`,
//! `data-src`, `data-srcset`): any values give an answer, never a panic; an element is allowed
//! only when its categories parse, and its problem, if any, is reported as text naming the
//! attribute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::{
    allows, markup_problem, scheme_problem, url_problem, wanted_categories, CategorySet, Config,
};

fuzz_target!(|input: &str| {
    let mut parts = input.splitn(3, '\u{0}');
    let category = parts.next().unwrap_or_default();
    let service = parts.next();
    let src = parts.next();
    let config = Config::default();
    let wanted = wanted_categories(category);
    for granted in [CategorySet::necessary_only(), CategorySet::all()] {
        let allowed = allows(category, service, granted, &[]);
        if allowed && !category.contains('!') {
            assert!(wanted.is_some(), "{category:?} allowed but unreadable");
        }
    }
    if let Some(problem) = markup_problem(&config, src, category, service) {
        assert!(!problem.is_empty());
    }
    if let Some(src) = src {
        let _ = scheme_problem(src);
        for attribute in ["data-src", "data-srcset"] {
            if let Some(problem) = url_problem(attribute, src) {
                assert!(problem.starts_with(attribute), "{problem:?}");
            }
        }
    }
});
