//! `document.cookie`, which throws in sandboxed documents and is silently ignored when cookies
//! are disabled.

use super::ports::CookieJar;
use wasm_bindgen::{JsCast, JsValue};

/// The page's cookie jar.
#[derive(Debug)]
pub struct DocumentCookies;

/// `Document.prototype`'s own `cookie` accessor, called on the document. Markup can shadow
/// `document.cookie` (`<img name="cookie">`: the document's named elements override its
/// properties), but not the prototype's accessor.
fn cookie_accessor(getter: bool) -> Option<(js_sys::Function, web_sys::Document)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let class = js_sys::Reflect::get(&window, &JsValue::from_str("Document")).ok()?;
    let prototype = js_sys::Reflect::get(&class, &JsValue::from_str("prototype")).ok()?;
    let descriptor = js_sys::Object::get_own_property_descriptor(
        prototype.unchecked_ref::<js_sys::Object>(),
        &"cookie".into(),
    );
    let part = if getter { "get" } else { "set" };
    let function = js_sys::Reflect::get(&descriptor, &JsValue::from_str(part)).ok()?;
    Some((function.dyn_into().ok()?, document))
}

impl DocumentCookies {
    /// `document.cookie` as the page gives it; empty where it throws (sandboxed documents).
    pub fn header(&self) -> String {
        cookie_accessor(true)
            .and_then(|(get, document)| get.call0(&document).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    }
}

impl CookieJar for DocumentCookies {
    fn read_all(&self) -> Vec<(String, String)> {
        crate::core::read_cookie_header(&self.header())
    }

    fn write(&self, cookie: &str) {
        if let Some((set, document)) = cookie_accessor(false) {
            let _ = set.call1(&document, &JsValue::from_str(cookie));
        }
    }

    fn host(&self) -> String {
        web_sys::window()
            .and_then(|w| w.location().hostname().ok())
            .unwrap_or_default()
    }

    fn is_secure_context(&self) -> bool {
        web_sys::window().is_some_and(|w| w.is_secure_context())
    }
}
