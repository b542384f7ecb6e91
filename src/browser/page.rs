//! The rest of a real page: `samtykke:*` events on `window`, console messages, `RegExp`
//! patterns, reload, the consent log, the clock and `crypto.getRandomValues`.

use super::ports::{ConsentLog, Console, CookiePatterns, Navigation, OtherTabs, PageEvents};
pub use crate::core::consent_json;
use crate::core::{notice_event, Config, ConsentId, ConsentRecord, Environment, Notice, State};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/shims.js")]
extern "C" {
    /// Dispatches `samtykke:<name>` on `window` with the JSON `detail`.
    #[wasm_bindgen(js_name = notify)]
    pub fn notify_page(name: &str, detail: &str);
    /// `localStorage[key]`, or `None` where storage is missing or throws.
    #[wasm_bindgen(js_name = storedItem)]
    pub fn stored_item(key: &str) -> Option<String>;
    /// `<html lang>` (empty without one), then `navigator.languages`, one per line.
    #[wasm_bindgen(js_name = pageLanguages)]
    pub fn page_languages() -> String;
    /// The nonce of the first `script[nonce]` on the page (empty without one).
    #[wasm_bindgen(js_name = pageNonce)]
    pub fn page_nonce() -> String;
    /// Whether the page has an element matching `selector`.
    #[wasm_bindgen(js_name = hasAny)]
    pub fn has_any(selector: &str) -> bool;
    /// Carries out a returning-visit plan's steps (their JSON text) with the page actions of
    /// this file; returns the settings button's holder it added, if any.
    #[wasm_bindgen(js_name = replaySteps)]
    pub fn replay_steps(steps: &str, nonce: &str) -> Option<web_sys::Element>;
    /// `navigator.globalPrivacyControl === true`.
    #[wasm_bindgen(js_name = gpc)]
    pub fn gpc_signal() -> bool;
}

/// Name of the channel that tells other tabs about a change when storage events cannot.
pub use crate::core::OTHER_TABS_CHANNEL as CHANNEL;

/// The page Samtykke runs in: one adapter for each of the small ports it serves.
#[derive(Debug)]
pub struct WebPage;

/// Writes a console error (bad config and the like).
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

impl PageEvents for WebPage {
    fn notify(&self, notice: &Notice, state: &State) {
        let (name, detail) = notice_event(notice, state);
        notify_page(name, &crate::core::json::write(&detail));
    }
}

impl OtherTabs for WebPage {
    fn tell_other_tabs(&self) {
        // `storage` events reach other tabs only for localStorage; a choice kept in a cookie
        // (or one that grants the same as before) reaches them through this channel.
        if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
            let _ = channel.post_message(&JsValue::from_str("changed"));
            channel.close();
        }
    }
}

impl Console for WebPage {
    fn warn(&self, message: &str) {
        web_sys::console::warn_1(&JsValue::from_str(message));
    }

    fn error(&self, message: &str) {
        console_error(message);
    }
}

impl CookiePatterns for WebPage {
    fn pattern_matches(&self, pattern: &str, cookie_name: &str) -> Option<bool> {
        let constructor = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into())
            .ok()
            .and_then(|c| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(c).ok())?;
        let args = js_sys::Array::of1(&JsValue::from_str(pattern));
        // The constructor throws a SyntaxError on an invalid pattern.
        let regex = js_sys::Reflect::construct(&constructor, &args).ok()?;
        Some(wasm_bindgen::JsCast::unchecked_into::<js_sys::RegExp>(regex).test(cookie_name))
    }
}

impl Navigation for WebPage {
    fn reload(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }
}

impl ConsentLog for WebPage {
    fn send_log(&self, config: &Config, record: &ConsentRecord) {
        let (Some(window), Some(log)) = (web_sys::window(), &config.consent_log) else {
            return;
        };
        let body = crate::core::json::write(&record.to_json_value());
        let _ = window
            .navigator()
            .send_beacon_with_opt_str(&log.endpoint, Some(&body));
    }
}

/// `Date.now()` and `crypto.getRandomValues`.
#[derive(Debug)]
pub struct WebEnvironment;

impl Environment for WebEnvironment {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn fresh_id(&self) -> ConsentId {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !filled {
            // No Web Crypto (very old or unusual hosts): the id only needs to be unique.
            for byte in &mut bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        ConsentId::from_random_bytes(bytes)
    }
}
