#![cfg(not(target_arch = "wasm32"))]
// Native tests: serde_json's values are the reference here; the size rules are for the wasm.
#![allow(clippy::disallowed_types)]
//! The stored-record codec: corrupt values are refused (never a panic), and every record the
//! core can write reads back exactly.

use proptest::prelude::*;
use samtykke_core::{Category, CategorySet, ConsentRecord};
use samtykke_core::{ConsentId, Method};
use samtykke_core::{DecodeError, FORMAT_VERSION};
use serde_json::{json, Value};

/// 2020-01-01T00:00:00Z: the earliest time a record may carry.
const EARLIEST_MS: u64 = 1_577_836_800_000;
/// 2200-01-01T00:00:00Z: the latest time a record may carry.
const LATEST_MS: u64 = 7_258_118_400_000;
const DAY_MS: u64 = 86_400_000;
const GIVEN: u64 = 1_800_000_000_000;

fn good_record() -> ConsentRecord {
    ConsentRecord {
        id: ConsentId::from_random_bytes([0x11; 16]),
        granted: CategorySet::necessary_only().with(Category::Statistics),
        services: vec!["google-analytics".to_owned(), "matomo".to_owned()],
        revision: 2,
        given_at: GIVEN,
        expires_at: GIVEN + 365 * DAY_MS,
        language: "nb".to_owned(),
        method: Method::Custom,
        host: None,
    }
}

fn good_value() -> Value {
    good_record().to_json_value().into()
}

/// The good record's JSON with `key` set to `value`.
fn with(key: &str, value: Value) -> String {
    let mut v = good_value();
    v[key] = value;
    v.to_string()
}

/// The good record's JSON without `key`.
fn without(key: &str) -> String {
    let mut v = good_value();
    v.as_object_mut().unwrap().remove(key);
    v.to_string()
}

#[test]
fn the_good_record_encodes_to_the_documented_shape_and_decodes() {
    let value = good_value();
    assert_eq!(
        value,
        json!({
            "v": 1,
            "id": "11111111-1111-4111-9111-111111111111",
            "categories": ["necessary", "statistics"],
            "services": ["google-analytics", "matomo"],
            "revision": 2,
            "givenAt": GIVEN,
            "expiresAt": GIVEN + 365 * DAY_MS,
            "language": "nb",
            "method": "custom",
        })
    );
    assert_eq!(FORMAT_VERSION, 1);
    assert_eq!(
        ConsentRecord::decode(&good_record().encode()),
        Ok(good_record())
    );
}

#[test]
fn a_record_that_names_its_host_round_trips_and_one_without_still_reads() {
    let mut record = good_record();
    record.host = Some("www.example.com".to_owned());
    let encoded = record.encode();
    assert!(
        encoded.ends_with(r#","host":"www.example.com"}"#),
        "{encoded}"
    );
    assert_eq!(ConsentRecord::decode(&encoded), Ok(record));
    assert_eq!(
        ConsentRecord::decode(&good_record().encode()),
        Ok(good_record())
    );
}

#[test]
fn key_order_and_whitespace_do_not_matter() {
    let spaced = r#"
        { "method" : "custom", "language": "nb", "expiresAt": 1831536000000,
          "givenAt": 1800000000000, "revision": 2, "services": ["google-analytics", "matomo"],
          "categories": ["necessary", "statistics"],
          "id": "11111111-1111-4111-9111-111111111111", "v": 1 }
    "#;
    assert_eq!(ConsentRecord::decode(spaced), Ok(good_record()));
}

fn corrupt_values() -> Vec<(&'static str, String, &'static str)> {
    let encoded = good_record().encode();
    let half = encoded.len() / 2;
    let mut cases: Vec<(&'static str, String, &'static str)> = vec![
        // Not JSON at all.
        ("empty string", String::new(), "not JSON"),
        // The host a host-only cookie records.
        ("host not a string", with("host", json!(7)), "bad host"),
        ("empty host", with("host", json!("")), "bad host"),
        (
            "host in capitals",
            with("host", json!("WWW.example.com")),
            "bad host",
        ),
        (
            "host with a path",
            with("host", json!("example.com/evil")),
            "bad host",
        ),
        (
            "host far too long",
            with("host", json!("a".repeat(254))),
            "bad host",
        ),
        (
            "host and one key too many",
            {
                let mut v = good_value();
                v["host"] = json!("www.example.com");
                v["extra"] = json!(1);
                v.to_string()
            },
            "keys differ from the format",
        ),
        ("only whitespace", "  \n\t ".to_owned(), "not JSON"),
        ("truncated in half", encoded[..half].to_owned(), "not JSON"),
        (
            "last brace missing",
            encoded[..encoded.len() - 1].to_owned(),
            "not JSON",
        ),
        ("trailing garbage", format!("{encoded}x"), "not JSON"),
        ("two records", format!("{encoded}{encoded}"), "not JSON"),
        ("trailing comma", encoded.replace('}', ",}"), "not JSON"),
        ("single quotes", encoded.replace('"', "'"), "not JSON"),
        ("byte order mark", format!("\u{feff}{encoded}"), "not JSON"),
        ("NUL after the record", format!("{encoded}\0"), "not JSON"),
        (
            "lone surrogate escape",
            encoded.replace("\"nb\"", r#""\ud800""#),
            "not JSON",
        ),
        (
            "invalid escape",
            encoded.replace("\"nb\"", r#""\x6e\x62""#),
            "not JSON",
        ),
        (
            "deeply nested arrays",
            format!("{}{}", "[".repeat(2000), "]".repeat(2000)),
            "not JSON",
        ),
        ("undefined", "undefined".to_owned(), "not JSON"),
        ("NaN time", with_raw("givenAt", "NaN"), "not JSON"),
        // JSON, but not an object.
        ("null", "null".to_owned(), "not an object"),
        ("array", "[]".to_owned(), "not an object"),
        (
            "array of the record",
            format!("[{encoded}]"),
            "not an object",
        ),
        (
            "record encoded twice",
            Value::String(encoded.clone()).to_string(),
            "not an object",
        ),
        ("number", "42".to_owned(), "not an object"),
        ("true", "true".to_owned(), "not an object"),
        // Too long to be a record.
        (
            "valid record padded past the limit",
            format!("{encoded}{}", " ".repeat(20_000)),
            "longer than any record",
        ),
        ("a megabyte", "a".repeat(1 << 20), "longer than any record"),
        // Keys.
        (
            "empty object",
            "{}".to_owned(),
            "keys differ from the format",
        ),
        (
            "missing language",
            without("language"),
            "keys differ from the format",
        ),
        (
            "missing version",
            without("v"),
            "keys differ from the format",
        ),
        (
            "extra key",
            with("extra", json!(1)),
            "keys differ from the format",
        ),
        (
            "renamed key",
            encoded.replace("givenAt", "given_at"),
            "keys differ from the format",
        ),
        // Format version.
        (
            "future version",
            with("v", json!(2)),
            "unknown format version",
        ),
        (
            "version zero",
            with("v", json!(0)),
            "unknown format version",
        ),
        (
            "version as a string",
            with("v", json!("1")),
            "format version is not a number",
        ),
        (
            "version as a float",
            with("v", json!(1.0)),
            "format version is not a number",
        ),
        (
            "version null",
            with("v", Value::Null),
            "format version is not a number",
        ),
        // Consent id.
        (
            "id not a uuid",
            with("id", json!("not-a-uuid")),
            "bad consent id",
        ),
        (
            "uppercase id",
            with("id", json!("ABABABAB-ABAB-4BAB-ABAB-ABABABABABAB")),
            "bad consent id",
        ),
        (
            "id of UUID version 1",
            with("id", json!("11111111-1111-1111-9111-111111111111")),
            "bad consent id",
        ),
        (
            "id with the wrong variant",
            with("id", json!("11111111-1111-4111-c111-111111111111")),
            "bad consent id",
        ),
        (
            "id in braces",
            with("id", json!("{11111111-1111-4111-9111-111111111111}")),
            "bad consent id",
        ),
        (
            "id without dashes",
            with("id", json!("11111111111141119111111111111111")),
            "bad consent id",
        ),
        (
            "id with an extra group",
            with("id", json!("11111111-1111-4111-9111-111111111111-1111")),
            "bad consent id",
        ),
        ("id as a number", with("id", json!(1234)), "bad consent id"),
        ("empty id", with("id", json!("")), "bad consent id"),
        // Categories.
        (
            "categories without necessary",
            with("categories", json!(["statistics"])),
            "necessary is missing",
        ),
        (
            "no categories",
            with("categories", json!([])),
            "necessary is missing",
        ),
        (
            "duplicate category",
            with(
                "categories",
                json!(["necessary", "statistics", "statistics"]),
            ),
            "category listed twice",
        ),
        (
            "unknown category",
            with("categories", json!(["necessary", "analytics"])),
            "unknown category",
        ),
        (
            "category in upper case",
            with("categories", json!(["Necessary"])),
            "unknown category",
        ),
        (
            "nested category arrays",
            with("categories", json!([["necessary"]])),
            "unknown category",
        ),
        (
            "category as a number",
            with("categories", json!(["necessary", 2])),
            "unknown category",
        ),
        (
            "categories as a string",
            with("categories", json!("necessary")),
            "categories is not a list",
        ),
        (
            "categories as an object",
            with("categories", json!({"necessary": true})),
            "categories is not a list",
        ),
        (
            "categories null",
            with("categories", Value::Null),
            "categories is not a list",
        ),
        // Services.
        (
            "services as a string",
            with("services", json!("ga")),
            "services is not a list",
        ),
        (
            "empty service name",
            with("services", json!([""])),
            "bad service name",
        ),
        (
            "service as a number",
            with("services", json!([1])),
            "bad service name",
        ),
        (
            "service name too long",
            with("services", json!(["x".repeat(101)])),
            "bad service name",
        ),
        (
            "duplicate service",
            with("services", json!(["ga", "ga"])),
            "service listed twice",
        ),
        // Revision.
        (
            "negative revision",
            with("revision", json!(-1)),
            "bad revision",
        ),
        (
            "revision beyond u32",
            with("revision", json!(4_294_967_296_u64)),
            "bad revision",
        ),
        (
            "revision as a string",
            with("revision", json!("2")),
            "bad revision",
        ),
        (
            "fractional revision",
            with("revision", json!(2.5)),
            "bad revision",
        ),
        // Times.
        (
            "negative time",
            with("givenAt", json!(-1)),
            "time out of range",
        ),
        ("time zero", with("givenAt", json!(0)), "time out of range"),
        (
            "time in seconds, not milliseconds",
            with("givenAt", json!(1_800_000_000_u64)),
            "time out of range",
        ),
        (
            "time before 2020",
            with("givenAt", json!(EARLIEST_MS - 1)),
            "time out of range",
        ),
        (
            "float time",
            with("givenAt", json!(1.8e12)),
            "time out of range",
        ),
        (
            "time with a fraction",
            with_raw("givenAt", "1800000000000.5"),
            "time out of range",
        ),
        (
            "time as a string",
            with("givenAt", json!("1800000000000")),
            "time out of range",
        ),
        (
            "absurd expiry",
            with("expiresAt", json!(u64::MAX)),
            "time out of range",
        ),
        (
            "expiry after 2200",
            with("expiresAt", json!(LATEST_MS + 1)),
            "time out of range",
        ),
        (
            "expiry as big as a float",
            with_raw("expiresAt", "1e300"),
            "time out of range",
        ),
        (
            "expires when given",
            with("expiresAt", json!(GIVEN)),
            "expires before it was given",
        ),
        (
            "expires before given",
            with("expiresAt", json!(GIVEN - 1)),
            "expires before it was given",
        ),
        // Language.
        (
            "language not a code",
            with("language", json!("english")),
            "bad language",
        ),
        (
            "empty language",
            with("language", json!("")),
            "bad language",
        ),
        (
            "language null",
            with("language", Value::Null),
            "bad language",
        ),
        (
            "language with underscore",
            with("language", json!("en_GB")),
            "bad language",
        ),
        // Method.
        (
            "method with underscore",
            with("method", json!("accept_all")),
            "bad method",
        ),
        (
            "method in upper case",
            with("method", json!("ACCEPT-ALL")),
            "bad method",
        ),
        ("method as a number", with("method", json!(1)), "bad method"),
        (
            "method as an array",
            with("method", json!(["custom"])),
            "bad method",
        ),
    ];
    cases.push((
        "valid JSON, every field wrong",
        json!({"v": "x", "id": 1, "categories": 2, "services": 3, "revision": 4,
               "givenAt": 5, "expiresAt": 6, "language": 7, "method": 8})
        .to_string(),
        "format version is not a number",
    ));
    cases
}

/// The good record's JSON text with the value of `key` replaced by raw text.
fn with_raw(key: &str, raw: &str) -> String {
    let marker = "\"__raw__\"";
    with(key, json!("__raw__")).replace(marker, raw)
}

#[test]
fn corrupt_values_are_refused_for_the_right_reason() {
    let cases = corrupt_values();
    assert!(cases.len() >= 35, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, stored, reason) in &cases {
        let outcome = std::panic::catch_unwind(|| ConsentRecord::decode(stored));
        match outcome {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(Ok(record)) => failures.push(format!("{name}: accepted as {record:?}")),
            Ok(Err(DecodeError(got))) if got != *reason => {
                failures.push(format!("{name}: refused for {got:?}, expected {reason:?}"))
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn only_the_case_makes_the_uppercase_id_corrupt() {
    let lower = with("id", json!("abababab-abab-4bab-abab-abababababab"));
    assert!(ConsentRecord::decode(&lower).is_ok());
}

#[test]
fn decode_error_reads_as_a_console_warning() {
    assert_eq!(
        ConsentRecord::decode("{").unwrap_err().to_string(),
        "stored consent record ignored: not JSON"
    );
}

#[test]
fn time_bounds_are_inclusive() {
    let mut r = good_record();
    r.given_at = EARLIEST_MS;
    r.expires_at = LATEST_MS;
    assert_eq!(ConsentRecord::decode(&r.encode()), Ok(r.clone()));
    r.expires_at = r.given_at + 1;
    assert_eq!(ConsentRecord::decode(&r.encode()), Ok(r));
}

#[test]
fn every_method_and_category_set_round_trips() {
    for method in [
        Method::AcceptAll,
        Method::RejectAll,
        Method::Custom,
        Method::Gpc,
    ] {
        for bits in 0..8u8 {
            let mut r = good_record();
            r.method = method;
            r.granted = [
                Category::Preferences,
                Category::Statistics,
                Category::Marketing,
            ]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, c)| c)
            .fold(CategorySet::necessary_only(), CategorySet::with);
            let decoded = ConsentRecord::decode(&r.encode()).unwrap();
            assert_eq!(decoded, r);
            assert_eq!(
                Value::from(decoded.to_json_value())["method"],
                json!(method.as_str())
            );
        }
    }
}

#[test]
fn consent_ids_are_lowercase_uuid_v4() {
    for bytes in [[0u8; 16], [0xff; 16], [0x5a; 16]] {
        let id = ConsentId::from_random_bytes(bytes);
        let s = id.as_str();
        assert_eq!(s.len(), 36);
        assert_eq!(&s[14..15], "4", "{s}");
        assert!("89ab".contains(&s[19..20]), "{s}");
        assert_eq!(s, s.to_lowercase());
        assert_eq!(ConsentId::parse(s), Some(id.clone()));
    }
    assert_eq!(
        ConsentId::from_random_bytes([0; 16]).as_str(),
        "00000000-0000-4000-8000-000000000000"
    );
    assert_eq!(
        ConsentId::from_random_bytes([0xff; 16]).as_str(),
        "ffffffff-ffff-4fff-bfff-ffffffffffff"
    );
}

// ---- properties ---------------------------------------------------------------------------

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::AcceptAll),
        Just(Method::RejectAll),
        Just(Method::Custom),
        Just(Method::Gpc),
    ]
}

fn granted() -> impl Strategy<Value = CategorySet> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(p, s, m)| {
        CategorySet::necessary_only()
            .set(Category::Preferences, p)
            .set(Category::Statistics, s)
            .set(Category::Marketing, m)
    })
}

fn language() -> impl Strategy<Value = String> {
    "[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}"
}

fn services() -> impl Strategy<Value = Vec<String>> {
    // Distinct names, up to 100 bytes each, in any order; quotes, backslashes and non-ASCII
    // letters make the JSON escaping do some work.
    prop::collection::btree_set("[a-zA-Z0-9 _.\"\\\\/æøåÆØÅ-]{1,40}", 0..8)
        .prop_map(|names| names.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

prop_compose! {
    fn record()(
        id in any::<[u8; 16]>(),
        granted in granted(),
        services in services(),
        revision in any::<u32>(),
        given_at in EARLIEST_MS..LATEST_MS,
        lifetime in 1..=(395 * DAY_MS),
        language in language(),
        method in method(),
    ) -> ConsentRecord {
        ConsentRecord {
            id: ConsentId::from_random_bytes(id),
            granted,
            services,
            revision,
            given_at,
            expires_at: (given_at + lifetime).min(LATEST_MS).max(given_at + 1),
            language,
            method,
            host: None,
        }
    }
}

/// Arbitrary JSON values, to put where a record's fields go.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("necessary"),
            Just("statistics"),
            Just("custom"),
            Just("nb"),
            Just("11111111-1111-4111-9111-111111111111"),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{0,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const KEYS: [&str; 9] = [
    "v",
    "id",
    "categories",
    "services",
    "revision",
    "givenAt",
    "expiresAt",
    "language",
    "method",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_record_round_trips_exactly(r in record()) {
        let encoded = r.encode();
        prop_assert_eq!(ConsentRecord::decode(&encoded), Ok(r.clone()));
        // The JSON value the API hands out says the same.
        let value = Value::from(r.to_json_value());
        prop_assert_eq!(value["categories"].as_array().unwrap().len(), r.granted.names().len());
        prop_assert_eq!(value["categories"][0].as_str(), Some("necessary"));
        prop_assert_eq!(ConsentRecord::decode(&value.to_string()), Ok(r));
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = ConsentRecord::decode(&s);
    }

    #[test]
    fn json_ish_text_never_panics(s in r#"[\[\]{}":,0-9a-zA-Z\\ .eE+-]{0,300}"#) {
        if let Ok(r) = ConsentRecord::decode(&s) {
            prop_assert_eq!(ConsentRecord::decode(&r.encode()), Ok(r));
        }
    }

    #[test]
    fn any_field_replaced_by_any_json_never_panics(
        r in record(),
        key in 0..KEYS.len(),
        replacement in json_value(),
    ) {
        let mut value = Value::from(r.to_json_value());
        value[KEYS[key]] = replacement;
        // Whatever is accepted reads back the same after encoding again.
        if let Ok(decoded) = ConsentRecord::decode(&value.to_string()) {
            prop_assert_eq!(ConsentRecord::decode(&decoded.encode()), Ok(decoded));
        }
    }

    #[test]
    fn damaged_encodings_never_panic(
        r in record(),
        cut in any::<prop::sample::Index>(),
        insert in any::<prop::sample::Index>(),
        junk in ".{0,4}",
    ) {
        let encoded: Vec<char> = r.encode().chars().collect();
        let truncated: String = encoded[..cut.index(encoded.len())].iter().collect();
        prop_assert!(ConsentRecord::decode(&truncated).is_err());
        let mut spliced = encoded;
        let at = insert.index(spliced.len() + 1);
        spliced.splice(at..at, junk.chars());
        let spliced: String = spliced.into_iter().collect();
        if let Ok(decoded) = ConsentRecord::decode(&spliced) {
            prop_assert_eq!(ConsentRecord::decode(&decoded.encode()), Ok(decoded));
        }
    }

    #[test]
    fn whole_value_replaced_by_any_json_never_panics(value in json_value()) {
        prop_assert!(ConsentRecord::decode(&value.to_string()).is_err());
    }
}
