#![cfg(not(target_arch = "wasm32"))]
// Native tests: serde_json's values are the reference here; the size rules are for the wasm.
#![allow(clippy::disallowed_types)]
//! A choice once made is never silently dropped: whatever config loads, the largest record it
//! can give (Accept all, every service, the longest revision) encodes, decodes to itself and
//! fits the smallest store it may be written to, a cookie.

use proptest::prelude::*;
use samtykke_core::ConsentId;
use samtykke_core::Environment;
use samtykke_core::MAX_COOKIE_LEN;
use samtykke_core::{consent_cookie, stamp_host};
use samtykke_core::{Config, ConsentRecord, Event, State};
use serde_json::{json, Value};

/// A host name of the most bytes a host name has (253), as `location.hostname` gives it.
static LONGEST_HOST: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{}.example.com", "a".repeat(253 - ".example.com".len())));

struct Clock;

impl Environment for Clock {
    fn now_ms(&self) -> u64 {
        // Late in the range the codec accepts, so the longest lifetime is tried too.
        7_000_000_000_000
    }
    fn fresh_id(&self) -> ConsentId {
        ConsentId::from_random_bytes([0xff; 16])
    }
}

/// Service names as site owners might write them: plain, long, with spaces, quotes,
/// non-ASCII letters, repeated across categories.
fn service_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        "[a-zA-Z0-9_.-]{40,60}",
        "[a-zA-Z0-9 \"\\\\æøå%;,=-]{1,120}",
        Just("google-analytics".to_owned()),
    ]
}

fn category() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec!["necessary", "preferences", "statistics", "marketing"]),
        prop::collection::vec(service_name(), 0..40),
    )
        .prop_map(|(name, services)| {
            let services: Vec<Value> = services.into_iter().map(|s| json!({ "name": s })).collect();
            json!({ "name": name, "services": services })
        })
}

fn config() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(category(), 0..6),
        any::<u32>(),
        0u64..2_000,
        "[a-zA-Z0-9_.-]{1,90}",
        prop::sample::select(vec!["auto", "en", "nb", "nn", "pt-BR", "zz"]),
    )
        .prop_map(|(categories, revision, days, cookie, language)| {
            json!({
                "revision": revision,
                "expiryDays": days,
                "refusalExpiryDays": days,
                "language": language,
                "categories": categories,
                "cookie": { "name": cookie, "domain": ".a-rather-long-subdomain.example.com", "path": "/" },
            })
        })
}

fn largest_record(config: &Config) -> ConsentRecord {
    let mut state = State::new(std::rc::Rc::new(config.clone()), Some("en"), &[]);
    state.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &Clock,
    );
    state.reduce(Event::AcceptAll, &Clock);
    state.record.expect("Accept all records a choice")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_config_that_loads_gives_records_that_read_back_and_fit_a_cookie(value in config()) {
        let config = Config::from_value(&value.clone().into()).config;
        let record = largest_record(&config);
        let encoded = record.encode();
        prop_assert_eq!(ConsentRecord::decode(&encoded), Ok(record.clone()));
        // A host-only cookie also names its host: the longest a host name can be.
        let encoded = stamp_host(&encoded, &LONGEST_HOST).unwrap();
        let cookie = consent_cookie(&config.cookie, &encoded, 395 * 86_400, true);
        let name_value = cookie.split(';').next().unwrap_or_default();
        prop_assert!(
            name_value.len() <= MAX_COOKIE_LEN,
            "{} bytes: {}", name_value.len(), name_value
        );
    }
}

/// The worst case the limits allow, built by hand: 50 services of 50 bytes, the longest
/// cookie name, every category, the largest revision.
#[test]
fn the_largest_record_the_limits_allow_fits_a_cookie() {
    let services: Vec<Value> = (0..50)
        .map(|i| json!({ "name": format!("{i:0>50}") }))
        .collect();
    let value = json!({
        "revision": u32::MAX,
        "expiryDays": 395,
        "categories": ["necessary", "preferences", { "name": "statistics", "services": services }, "marketing"],
        "cookie": { "name": "c".repeat(64) },
    });
    let parsed = Config::from_value(&value.clone().into());
    assert_eq!(parsed.problems, vec![]);
    let record = largest_record(&parsed.config);
    assert_eq!(record.services.len(), 50);
    let stamped = stamp_host(&record.encode(), &LONGEST_HOST).unwrap();
    let cookie = consent_cookie(&parsed.config.cookie, &stamped, 395 * 86_400, true);
    let name_value = cookie.split(';').next().unwrap();
    assert!(name_value.len() <= MAX_COOKIE_LEN, "{}", name_value.len());
    println!(
        "the largest cookie the limits allow: {} of {MAX_COOKIE_LEN} bytes",
        name_value.len()
    );
    assert_eq!(ConsentRecord::decode(&record.encode()), Ok(record));
}

/// The three ways the reader used to accept what the codec refused, each now a named error.
#[test]
fn configs_the_codec_would_refuse_are_named_errors() {
    let twice = json!({ "categories": [
        { "name": "statistics", "services": [{ "name": "ga" }] },
        { "name": "marketing", "services": [{ "name": "ga" }] },
    ]});
    let problems: Vec<String> = Config::from_value(&twice.clone().into())
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            r#"categories[1].services[0].name: "ga" is already the name of categories[0].services[0]"#
        ]
    );
    let long = json!({ "categories": [{ "name": "statistics", "services": [{ "name": "x".repeat(101) }] }] });
    let problems = Config::from_value(&long.clone().into()).problems;
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("categories[0].services[0].name: must be 1 to 50 bytes long"),
        "{}",
        problems[0]
    );
    let many: Vec<Value> = (0..60)
        .map(|i| json!({ "name": format!("s{i}") }))
        .collect();
    let parsed = Config::from_value(
        &json!({ "categories": [{ "name": "marketing", "services": many }] }).into(),
    );
    assert_eq!(parsed.problems.len(), 10, "{:?}", parsed.problems);
    assert!(parsed.problems[0]
        .to_string()
        .starts_with("categories[0].services[50]: is one service too many"));
    let kept: usize = parsed
        .config
        .categories
        .iter()
        .map(|c| c.services.len())
        .sum();
    assert_eq!(kept, 50);
}
