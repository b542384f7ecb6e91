//! The Google tag in a real page: the `dataLayer`/`gtag` stub (a tiny JS shim, because gtag.js
//! needs `arguments` objects) and the async tag script, carrying the page's CSP nonce.

use super::dom;
use super::ports::GoogleTags;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/shims.js")]
extern "C" {
    #[wasm_bindgen(js_name = ensureStub)]
    fn ensure_stub_js();
    #[wasm_bindgen(js_name = gtagCall)]
    fn gtag_call(args: &js_sys::Array);
    #[wasm_bindgen(js_name = gtagJsStart)]
    fn gtag_js_start_js();
}

/// Parses JSON text into a JS value (JSON is a subset of JS values).
pub(crate) fn to_js(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&crate::core::json::write(value)).unwrap_or(JsValue::NULL)
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

    fn gtag(&self, args: &[serde_json::Value]) {
        gtag_call(&args.iter().map(to_js).collect());
    }

    fn gtag_js_start(&self) {
        gtag_js_start_js();
    }

    fn push_data_layer(&self, value: &serde_json::Value) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(layer) = js_sys::Reflect::get(&window, &"dataLayer".into()) {
            if let Ok(layer) = layer.dyn_into::<js_sys::Array>() {
                layer.push(&to_js(value));
            }
        }
    }

    fn load_script(&self, src: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("script[src=\"{}\"]", src.replace('"', ""));
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
