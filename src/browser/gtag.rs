//! The Google tag in a real page: the `dataLayer`/`gtag` stub (a tiny JS shim, because gtag.js
//! needs `arguments` objects) and the async tag script, carrying the page's CSP nonce.

use super::ports::GoogleTags;
use crate::core::json::{self, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/shims.js")]
extern "C" {
    #[wasm_bindgen(js_name = ensureStub)]
    fn ensure_stub_js();
    #[wasm_bindgen(js_name = gtagText)]
    fn gtag_text(args: &str);
    #[wasm_bindgen(js_name = gtagJsStart)]
    fn gtag_js_start_js();
    #[wasm_bindgen(js_name = tagManagerStart)]
    fn tag_manager_start_js();
    #[wasm_bindgen(js_name = loadScript)]
    fn load_script_js(src: &str, nonce: Option<String>);
    #[wasm_bindgen(js_name = setFlag)]
    fn set_flag_js(name: &str, on: bool);
    #[wasm_bindgen(js_name = consentEvent)]
    fn consent_event_js(lists: &str);
}

/// The page's Google tag.
#[derive(Debug)]
pub struct WebGoogleTags {
    /// CSP nonce for the scripts Samtykke inserts.
    pub nonce: Option<String>,
}

impl GoogleTags for WebGoogleTags {
    fn ensure_stub(&self) {
        ensure_stub_js();
    }

    fn gtag(&self, args: &[Value]) {
        gtag_text(&json::write(&Value::Array(args.to_vec())));
    }

    fn gtag_js_start(&self) {
        gtag_js_start_js();
    }

    fn tag_manager_start(&self) {
        tag_manager_start_js();
    }

    fn load_script(&self, src: &str) {
        load_script_js(src, self.nonce.clone());
    }

    fn set_window_flag(&self, name: &str, value: bool) {
        set_flag_js(name, value);
    }

    fn consent_event(&self, categories: &[String], services: &[String]) {
        let list =
            |names: &[String]| Value::Array(names.iter().map(|n| n.as_str().into()).collect());
        consent_event_js(&json::write(&Value::Array(vec![
            list(categories),
            list(services),
        ])));
    }
}
