//! The JSON Schema of the config is generated from the Rust types; the committed copy
//! (`www/config.schema.json`, shipped in dist/ and the npm package) must match them.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p samtykke-core --test schema`.
#![cfg(not(target_arch = "wasm32"))]
// Native tests: std and serde_json are the reference here, the size rules are for the wasm.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use samtykke_core::Config;
use serde_json::{json, Value};

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/config.schema.json");

fn generated() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Config)).unwrap();
    // What the types cannot say: a category may also be written as its bare name, and
    // `categories` is the one required key.
    schema["properties"]["categories"]["items"] =
        json!({ "anyOf": [{ "$ref": "#/$defs/Category" }, { "$ref": "#/$defs/CategoryConfig" }] });
    schema["required"] = json!(["categories"]);
    // Every other field has a default, so JSON may leave it out: required is only what the
    // config reader reports as missing.
    for (def, required) in [
        ("CategoryConfig", "name"),
        ("Service", "name"),
        ("CookieInfo", "name"),
        ("GoogleAnalytics", "measurementId"),
        ("GoogleTagManager", "containerId"),
        ("ConsentLog", "endpoint"),
        ("Controller", "name"),
        ("SupervisoryAuthority", "name"),
    ] {
        schema["$defs"][def]["required"] = json!([required]);
    }
    schema["$id"] = json!("https://samtykke.invalid/config.schema.json");
    schema
}

#[test]
fn only_what_the_reader_requires_is_required() {
    let schema = generated();
    for (name, def) in schema["$defs"].as_object().unwrap() {
        let Some(required) = def.get("required").and_then(Value::as_array) else {
            continue;
        };
        for key in required {
            let key = key.as_str().unwrap();
            // The keys the config reader reports as missing (validate.rs); any other has a
            // default.
            assert!(
                ["name", "measurementId", "containerId", "endpoint"].contains(&key),
                "{name}.{key} has a default, so it must not be required"
            );
        }
    }
}

#[test]
fn committed_schema_matches_the_types() {
    let fresh = serde_json::to_string_pretty(&generated()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(COMMITTED, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == fresh,
        "www/config.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p samtykke-core --test schema"
    );
}

#[test]
fn schema_knows_every_key_of_the_full_example() {
    let schema = generated();
    let defs = &schema["$defs"];
    let top = schema["properties"].as_object().unwrap();
    for key in [
        "revision",
        "expiryDays",
        "refusalExpiryDays",
        "language",
        "privacyPolicyUrl",
        "layout",
        "theme",
        "settingsButton",
        "respectGpc",
        "categories",
        "texts",
        "cookie",
        "googleAnalytics",
        "googleTagManager",
        "consentLog",
    ] {
        assert!(top.contains_key(key), "{key}");
    }
    let cookie = defs["CookieOptions"]["properties"].as_object().unwrap();
    for key in ["name", "domain", "path", "sameSite", "mirror"] {
        assert!(cookie.contains_key(key), "cookie.{key}");
    }
    let ga = defs["GoogleAnalytics"]["properties"].as_object().unwrap();
    for key in [
        "measurementId",
        "anonymizeIp",
        "consentMode",
        "waitForUpdate",
        "service",
    ] {
        assert!(ga.contains_key(key), "googleAnalytics.{key}");
    }
    let gtm = defs["GoogleTagManager"]["properties"].as_object().unwrap();
    for key in ["containerId", "service"] {
        assert!(gtm.contains_key(key), "googleTagManager.{key}");
    }
    assert_eq!(schema["properties"]["expiryDays"]["default"], 365);
    assert_eq!(schema["properties"]["refusalExpiryDays"]["default"], 182);
    assert!(schema["properties"]["revision"]["description"]
        .as_str()
        .unwrap()
        .contains("revision"));
}
