//! `document.cookie`, which throws in sandboxed documents and is silently ignored when cookies
//! are disabled.

use super::ports::CookieJar;
use wasm_bindgen::JsCast;

/// The page's cookie jar.
pub struct DocumentCookies;

fn html_document() -> Option<web_sys::HtmlDocument> {
    web_sys::window()?.document()?.dyn_into().ok()
}

impl CookieJar for DocumentCookies {
    fn read_all(&self) -> Vec<(String, String)> {
        let Some(all) = html_document().and_then(|d| d.cookie().ok()) else {
            return Vec::new();
        };
        crate::core::read_cookie_header(&all)
    }

    fn write(&self, cookie: &str) {
        if let Some(document) = html_document() {
            let _ = document.set_cookie(cookie);
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
