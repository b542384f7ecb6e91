#![cfg(not(target_arch = "wasm32"))]
//! The language files (`texts/<code>.json`): every language has every key of English and no
//! other, each text non-empty with English's `{placeholders}`, and every file is a built-in
//! language. The build refuses such files too (build.rs); this says which, in a test.
// Native tests: serde_json's values are the reference here; the size rules are for the wasm.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use samtykke_core::{TextKey, BUILT_IN_LANGUAGES};
use slots::placeholders;
use std::path::Path;

#[path = "../build/slots.rs"]
mod slots;

fn file(code: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("texts/{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    match serde_json::from_str(&text).unwrap() {
        serde_json::Value::Object(map) => map,
        other => panic!("{code}.json is not an object: {other}"),
    }
}

#[test]
fn every_language_has_every_key_and_its_placeholders() {
    let english = file("en");
    let keys: Vec<&str> = TextKey::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        english.keys().map(String::as_str).collect::<Vec<_>>(),
        keys,
        "en.json names the keys"
    );
    for code in BUILT_IN_LANGUAGES {
        let texts = file(code);
        for key in &keys {
            let text = texts
                .get(*key)
                .and_then(|t| t.as_str())
                .unwrap_or_else(|| panic!("{code}.json: no text for `{key}`"));
            assert!(!text.trim().is_empty(), "{code}.json: `{key}` is empty");
            let source = english[*key].as_str().unwrap();
            assert_eq!(
                placeholders(text),
                placeholders(source),
                "{code}.json: `{key}`"
            );
        }
        let extra: Vec<&String> = texts
            .keys()
            .filter(|k| !keys.contains(&k.as_str()))
            .collect();
        assert!(extra.is_empty(), "{code}.json: unknown keys {extra:?}");
    }
}

#[test]
fn every_language_file_is_a_built_in_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("texts");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect();
    files.sort();
    let mut built_in: Vec<String> = BUILT_IN_LANGUAGES.iter().map(|c| (*c).to_owned()).collect();
    built_in.sort();
    assert_eq!(files, built_in);
    assert_eq!(
        BUILT_IN_LANGUAGES[0], "en",
        "English is the fallback, first"
    );
}
