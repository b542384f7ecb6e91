//! The built-in texts come from `texts/<language>.json`, one file per language that a
//! translator edits without reading Rust. `en.json` names the keys; every other file must
//! have exactly those keys, each a non-empty text with the same `{placeholders}`, or the
//! build fails naming the file and the key. Writes `text_keys.rs` (the `TextKey` enum and the
//! texts) and `languages.rs` (the languages, English first) into `OUT_DIR`.
//!
//! With the feature `languages` every language's texts are compiled in; without it (the
//! script tag's engines) only English, and the others load as language files when shown.

// A build script runs natively: std's sort and serde_json cost the wasm nothing here.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use slots::placeholders;
use std::fmt::Write;
use std::path::Path;

#[path = "build/slots.rs"]
mod slots;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("texts");
    println!("cargo:rerun-if-changed=texts");
    let english = read(&dir, "en");
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("texts/: {e}"))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_owned())
        })
        .filter(|code| code != "en")
        .collect();
    codes.sort();
    let mut languages = vec![("en".to_owned(), english.clone())];
    for code in codes {
        let texts = read(&dir, &code);
        check(&code, &english, &texts);
        languages.push((code, texts));
    }
    let carried = if std::env::var_os("CARGO_FEATURE_LANGUAGES").is_some() {
        languages.len()
    } else {
        1
    };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let keys = text_keys(&languages[..carried]);
    std::fs::write(out.join("text_keys.rs"), keys).expect("text_keys.rs");
    let lists = language_list("BUILT_IN_LANGUAGES", &languages)
        + &language_list("COMPILED_LANGUAGES", &languages[..carried]);
    std::fs::write(out.join("languages.rs"), lists).expect("languages.rs");
}

type Texts = Vec<(String, String)>;

/// A language file: a flat JSON object of texts, in its order.
fn read(dir: &Path, code: &str) -> Texts {
    let path = dir.join(format!("{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("texts/{code}.json: {e}"));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("texts/{code}.json: {e}"));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("texts/{code}.json: not a JSON object"));
    object
        .iter()
        .map(|(key, text)| {
            let text = text
                .as_str()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| panic!("texts/{code}.json: `{key}` is not a non-empty text"));
            (key.clone(), text.to_owned())
        })
        .collect()
}

fn check(code: &str, english: &Texts, texts: &Texts) {
    for (key, _) in english {
        if !texts.iter().any(|(k, _)| k == key) {
            panic!("texts/{code}.json: missing key `{key}` (every key of en.json is needed)");
        }
    }
    for (key, text) in texts {
        let Some((_, source)) = english.iter().find(|(k, _)| k == key) else {
            panic!("texts/{code}.json: unknown key `{key}` (not in en.json)");
        };
        if placeholders(text) != placeholders(source) {
            panic!(
                "texts/{code}.json: `{key}` has the placeholders {:?}, en.json {:?}",
                placeholders(text),
                placeholders(source)
            );
        }
    }
}

fn variant(key: &str) -> String {
    let mut chars = key.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn text_keys(languages: &[(String, Texts)]) -> String {
    let (_, english) = &languages[0];
    let variants: Vec<String> = english.iter().map(|(key, _)| variant(key)).collect();
    let keys: Vec<String> = english.iter().map(|(key, _)| format!("{key:?}")).collect();
    let mut out = String::from(
        "/// A text the visitor sees. Its key (e.g. `acceptAll`) is how config overrides it\n\
         /// and how the language files name it.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n#[allow(missing_docs)]\npub enum TextKey {\n",
    );
    for v in &variants {
        let _ = writeln!(out, "    {v},");
    }
    out.push_str(
        "}\n\nimpl TextKey {\n    /// Every text key.\n    pub const ALL: &'static [TextKey] = &[",
    );
    for v in &variants {
        let _ = write!(out, "TextKey::{v}, ");
    }
    let _ = write!(
        out,
        "];\n\n    /// Whether `key` names a text (as config `texts` and the language files spell it).\n    \
         pub fn is_key(key: &str) -> bool {{\n        matches!(key, {})\n    }}\n\n    \
         /// The key used in config `texts` and in the language files.\n    #[inline]\n    \
         pub fn key(self) -> &'static str {{\n        match self {{\n",
        keys.join(" | ")
    );
    for (key, v) in keys.iter().zip(&variants) {
        let _ = writeln!(out, "            TextKey::{v} => {key},");
    }
    out.push_str(
        "        }\n    }\n\n    /// The built-in texts, one per language of `COMPILED_LANGUAGES`. Inlined, so that a\n    \
         /// call with a known key keeps only that key's texts in the wasm: the core engine,\n    \
         /// which shows few of them, does not carry the dialog's and the notice's.\n    \
         #[inline(always)]\n    pub(crate) fn built_in_texts(self) -> BuiltInTexts {\n        match self {\n",
    );
    for ((key, _), v) in english.iter().zip(&variants) {
        let texts: Vec<String> = languages
            .iter()
            .map(|(_, texts)| {
                let (_, text) = texts.iter().find(|(k, _)| k == key).expect("checked");
                format!("{text:?}")
            })
            .collect();
        let _ = writeln!(out, "            TextKey::{v} => [{}],", texts.join(", "));
    }
    let _ = write!(
        out,
        "        }}\n    }}\n}}\n\n/// A text in each language this build carries.\n\
         pub(crate) type BuiltInTexts = [&'static str; {}];\n",
        languages.len()
    );
    out
}

fn language_list(name: &str, languages: &[(String, Texts)]) -> String {
    let codes: Vec<String> = languages
        .iter()
        .map(|(code, _)| format!("{code:?}"))
        .collect();
    let doc = if name == "BUILT_IN_LANGUAGES" {
        "/// Languages with built-in texts (`texts/<code>.json`), English first.\npub"
    } else {
        "/// The languages whose texts this build carries (all of them with the feature\n\
         /// `languages`, else English); the others load as language files.\npub(crate)"
    };
    format!(
        "{doc} const {name}: [&str; {}] = [{}];\n",
        languages.len(),
        codes.join(", ")
    )
}
