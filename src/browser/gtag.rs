//! The Google tag in a real page: the `dataLayer`/`gtag` stub (a tiny JS shim, because gtag.js
//! needs `arguments` objects) and the async tag script, carrying the page's CSP nonce.

use super::dom;
use super::ports::GoogleTags;
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
}

/// The page's Google tag.
#[derive(Debug)]
pub struct WebGoogleTags {
    /// CSP nonce for the scripts Samtykke inserts.
    pub nonce: Option<String>,
}

impl WebGoogleTags {
    /// `gtag(...args)` with the arguments as a JSON array (a returning-visit plan's step).
    pub fn gtag_json(&self, args: &str) {
        gtag_text(args);
    }
}

impl GoogleTags for WebGoogleTags {
    fn ensure_stub(&self) {
        ensure_stub_js();
    }

    fn gtag(&self, args: &[serde_json::Value]) {
        gtag_text(&crate::core::json::write(&serde_json::Value::Array(
            args.to_vec(),
        )));
    }

    fn gtag_js_start(&self) {
        gtag_js_start_js();
    }

    fn tag_manager_start(&self) {
        tag_manager_start_js();
    }

    fn load_script(&self, src: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mut selector = String::from("script[src=\"");
        selector.push_str(&src.replace('"', ""));
        selector.push_str("\"]");
        if dom::query_selector(&document, &selector).is_some() {
            return;
        }
        let Some(script) = dom::create_element(&document, "script") else {
            return;
        };
        let script: web_sys::HtmlScriptElement = script.unchecked_into();
        script.set_async(true);
        if !super::trusted::set_script(&script, true, src) {
            return;
        }
        if let Some(nonce) = &self.nonce {
            script.set_nonce(nonce);
        }
        if let Some(head) = dom::head(&document) {
            let _ = head.append_child(&script);
        }
    }

    fn set_window_flag(&self, name: &str, value: bool) {
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &name.into(), &value.into());
        }
    }
}
