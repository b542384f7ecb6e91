#![cfg(not(target_arch = "wasm32"))]
//! A catalogue of hostile or mistaken gated-element attributes (`data-category`,
//! `data-service`, `data-src`): for each, the exact console problem the page gets, and the
//! fallback: the element never runs or loads, even when the visitor grants everything the
//! config offers.
// Native tests: std is the reference here, the size rules are for the wasm.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use samtykke_core::{
    allows, markup_problem, scheme_problem, CategorySet, Config, ConsentId, ConsentRecord, Method,
};

/// A site with statistics (service `ga`) and marketing (service `youtube`), no preferences.
fn config() -> Config {
    let parsed = Config::from_json(
        r#"{"categories": ["necessary",
            {"name": "statistics", "services": [{"name": "ga"}]},
            {"name": "marketing", "services": [{"name": "youtube"}]}]}"#,
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.config
}

/// Everything this config can grant, every service included.
fn everything(config: &Config) -> ConsentRecord {
    let granted = config.category_set();
    ConsentRecord {
        id: ConsentId::from_random_bytes([7; 16]),
        granted,
        services: config
            .services_of(granted)
            .map(|s| s.name.clone())
            .collect(),
        revision: config.revision,
        given_at: 1_800_000_000_000,
        expires_at: 1_800_000_000_000 + 86_400_000,
        language: "en".to_owned(),
        method: Method::AcceptAll,
        host: None,
    }
}

/// (what it is, data-category, data-service, data-src, the console problem)
type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

const CASES: &[Case] = &[
    (
        "javascript: URL",
        "marketing",
        None,
        Some("javascript:alert(document.cookie)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "JavaScript: in capitals",
        "marketing",
        None,
        Some("JavaScript:alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "javascript: after leading spaces",
        "marketing",
        None,
        Some("  javascript:alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "javascript: split by a tab",
        "marketing",
        None,
        Some("java\tscript:alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "javascript: split by a newline",
        "marketing",
        None,
        Some("java\nscript:alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "javascript: after a control character",
        "marketing",
        None,
        Some("\u{1}javascript:alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
    (
        "data: HTML",
        "marketing",
        None,
        Some("data:text/html,<script>alert(1)</script>"),
        "data-src: must be an http(s) or relative URL, not \"data:\"",
    ),
    (
        "data: script",
        "statistics",
        None,
        Some("data:text/javascript,alert(1)"),
        "data-src: must be an http(s) or relative URL, not \"data:\"",
    ),
    (
        "vbscript:",
        "marketing",
        None,
        Some("vbscript:msgbox(1)"),
        "data-src: must be an http(s) or relative URL, not \"vbscript:\"",
    ),
    (
        "blob:",
        "statistics",
        None,
        Some("blob:https://example.com/uuid"),
        "data-src: must be an http(s) or relative URL, not \"blob:\"",
    ),
    (
        "file:",
        "statistics",
        None,
        Some("file:///etc/passwd"),
        "data-src: must be an http(s) or relative URL, not \"file:\"",
    ),
    (
        "filesystem:",
        "statistics",
        None,
        Some("filesystem:https://example.com/x.js"),
        "data-src: must be an http(s) or relative URL, not \"filesystem:\"",
    ),
    (
        "about:",
        "marketing",
        None,
        Some("about:srcdoc"),
        "data-src: must be an http(s) or relative URL, not \"about:\"",
    ),
    (
        "ftp:",
        "marketing",
        None,
        Some("ftp://example.com/x"),
        "data-src: must be an http(s) or relative URL, not \"ftp:\"",
    ),
    (
        "unknown category",
        "analytics",
        None,
        None,
        "data-category: unknown category \"analytics\"; did you mean \"statistics\"?",
    ),
    (
        "misspelt category",
        "marketting",
        None,
        None,
        "data-category: unknown category \"marketting\"; did you mean \"marketing\"?",
    ),
    (
        "category in capitals",
        "Statistics",
        None,
        None,
        "data-category: unknown category \"Statistics\"; did you mean \"statistics\"?",
    ),
    (
        "unknown negated category",
        "!ads",
        None,
        None,
        "data-category: unknown category \"ads\"; did you mean \"marketing\"?",
    ),
    (
        "markup in the category",
        "<img src=x onerror=alert(1)>",
        None,
        None,
        "data-category: unknown category \"<img\"",
    ),
    (
        "a category the config leaves out",
        "preferences",
        None,
        None,
        "data-category: \"preferences\" is not a category of the config, so it is never granted",
    ),
    (
        "one of two left out",
        "statistics preferences",
        None,
        None,
        "data-category: \"preferences\" is not a category of the config, so it is never granted",
    ),
    (
        "!necessary",
        "!necessary",
        None,
        None,
        "data-category: \"!necessary\" never holds: necessary is always granted",
    ),
    (
        "a category and its negation",
        "marketing !marketing",
        None,
        None,
        "data-category: \"marketing\" and \"!marketing\" cannot both hold",
    ),
    (
        "negation and category, with a comma",
        "!statistics,statistics",
        None,
        None,
        "data-category: \"statistics\" and \"!statistics\" cannot both hold",
    ),
    (
        "empty category",
        "",
        None,
        None,
        "data-category is empty, so the element never runs",
    ),
    (
        "only separators",
        " , ,",
        None,
        None,
        "data-category is empty, so the element never runs",
    ),
    (
        "only a bang",
        "!",
        None,
        None,
        "data-category: unknown category \"\"",
    ),
    (
        "unknown service",
        "marketing",
        Some("vimeo"),
        None,
        "data-service: \"vimeo\" is not a service in the config, so it is never granted",
    ),
    (
        "service in capitals",
        "statistics",
        Some("GA"),
        None,
        "data-service: \"GA\" is not a service in the config, so it is never granted",
    ),
    (
        "empty service",
        "statistics",
        Some(""),
        None,
        "data-service: \"\" is not a service in the config, so it is never granted",
    ),
    (
        "service with spaces",
        "statistics",
        Some(" ga "),
        None,
        "data-service: \" ga \" is not a service in the config, so it is never granted",
    ),
    (
        "markup as a service",
        "marketing",
        Some("<script>"),
        None,
        "data-service: \"<script>\" is not a service in the config, so it is never granted",
    ),
    (
        "a bad URL beats a good category",
        "statistics",
        Some("ga"),
        Some("javascript:void(0)"),
        "data-src: must be an http(s) or relative URL, not \"javascript:\"",
    ),
];

#[test]
fn catalogue_is_large_enough() {
    assert!(CASES.len() >= 30, "only {} cases", CASES.len());
    let mut names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names must be unique");
}

#[test]
fn every_hostile_attribute_is_named_and_never_runs() {
    let config = config();
    let record = everything(&config);
    let mut wrong = Vec::new();
    for (name, category, service, src, message) in CASES {
        let problem = markup_problem(&config, *src, category, *service);
        if problem.as_deref() != Some(*message) {
            wrong.push(format!("{name}: {problem:?}"));
        }
        let runs = allows(category, *service, record.granted, &record.services)
            && src.is_none_or(|src| scheme_problem(src).is_none());
        assert!(!runs, "{name}: runs although everything is granted");
    }
    assert!(
        wrong.is_empty(),
        "problems other than expected:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn sound_attributes_have_no_problem_and_run_once_granted() {
    let config = config();
    let record = everything(&config);
    for (category, service, src) in [
        ("statistics", Some("ga"), Some("/js/stats.js")),
        (
            "marketing",
            Some("youtube"),
            Some("https://www.youtube-nocookie.com/embed/x"),
        ),
        ("statistics marketing", None, Some("//cdn.example.com/x.js")),
        ("statistics,marketing", None, None),
        ("necessary", None, Some("HTTPS://EXAMPLE.COM/")),
    ] {
        assert_eq!(
            markup_problem(&config, src, category, service),
            None,
            "{category}"
        );
        assert!(
            allows(category, service, record.granted, &record.services),
            "{category}"
        );
    }
    // A negation runs while its category is refused, and not once it is granted.
    assert_eq!(markup_problem(&config, None, "!marketing", None), None);
    assert!(allows(
        "!marketing",
        None,
        CategorySet::necessary_only(),
        &[]
    ));
    assert!(!allows(
        "!marketing",
        None,
        record.granted,
        &record.services
    ));
}
