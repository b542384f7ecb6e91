//! The floating "Cookie settings" button after a choice. Plain DOM, so that the core module
//! shows it on every page without loading the Yew UI; a click is a `data-samtykke` hook that
//! opens the preferences (and so loads the UI when it is needed).

use super::runtime::{Controller, Subscription};
use crate::core::State;
use crate::core::TextKey;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/shims.js")]
extern "C" {
    /// Adds the button's holder to the body (the returning engine draws the same one).
    #[wasm_bindgen(js_name = settingsButton)]
    pub fn add_settings_button() -> web_sys::Element;
}

/// The button inside a holder from [`add_settings_button`].
pub fn button_of(holder: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    holder.first_element_child()?.dyn_into().ok()
}

/// Adds the button (hidden until a choice is in force) and keeps it in step with the state
/// while the returned subscription lives.
#[must_use = "the button stops following the state as soon as this is dropped"]
pub fn install(controller: &Controller) -> Option<Subscription> {
    let holder = add_settings_button();
    let button = button_of(&holder)?;
    // The subscription lives in the controller: hold it weakly.
    let update = {
        let controller = controller.downgrade();
        move || {
            if let Some(c) = controller.upgrade() {
                render(&holder, &button, &c.state());
            }
        }
    };
    update();
    Some(controller.subscribe(update))
}

fn render(holder: &web_sys::Element, button: &web_sys::HtmlElement, state: &State) {
    super::container::mark(holder, state);
    button.set_text_content(Some(
        &state.config.text(&state.language, TextKey::CookieSettings),
    ));
    button.set_hidden(!state.shows_settings_button());
}
