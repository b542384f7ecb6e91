//! Script URLs and texts through Samtykke's Trusted Types policy, `samtykke` (see
//! `shims.js`). A page that enforces Trusted Types (`require-trusted-types-for 'script'`)
//! allows it with `trusted-types samtykke`; setting a script's `src` or text directly would
//! throw there.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/shims.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn trusted(is_url: bool, value: &str) -> Result<JsValue, JsValue>;
    /// The console error for a script the page's Trusted Types enforcement refused.
    #[wasm_bindgen(js_name = reportRefused)]
    fn report_refused();
}

/// Sets `script.src` (`is_url`) or `script.text` to `value`, through the policy. `false`, and
/// a console error saying what the page must allow, when the page refuses it.
pub fn set_script(script: &web_sys::HtmlScriptElement, is_url: bool, value: &str) -> bool {
    let property = if is_url { "src" } else { "text" };
    let set = trusted(is_url, value)
        .and_then(|value| js_sys::Reflect::set(script, &property.into(), &value));
    if set.is_err() {
        report_refused();
    }
    set.is_ok()
}
