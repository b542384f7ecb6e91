//! The floating "Cookie settings" button after a choice. Plain DOM, so that the core module
//! shows it on every page without loading the Yew UI; a click is a `data-samtykke` hook that
//! opens the preferences (and so loads the UI when it is needed).

use super::dom;
use super::runtime::{Controller, Subscription};
use crate::core::State;
use crate::core::TextKey;
use wasm_bindgen::JsCast;

/// Adds the button (hidden until a choice is in force) and keeps it in step with the state
/// while the returned subscription lives.
#[must_use = "the button stops following the state as soon as this is dropped"]
pub fn install(controller: &Controller) -> Option<Subscription> {
    let document = web_sys::window()?.document()?;
    let (Some(holder), Some(button), Some(body)) = (
        dom::create_element(&document, "div"),
        dom::create_element(&document, "button"),
        dom::body(&document),
    ) else {
        return None;
    };
    holder.set_class_name("samtykke samtykke-floating");
    button.set_class_name("samtykke-settings-button");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("data-samtykke", "preferences");
    let _ = button.set_attribute("data-action", "settings");
    let _ = holder.append_child(&button);
    let _ = body.append_child(&holder);
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

fn render(holder: &web_sys::Element, button: &web_sys::Element, state: &State) {
    super::container::mark(holder, state);
    button.set_text_content(Some(
        &state.config.text(&state.language, TextKey::CookieSettings),
    ));
    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
        button.set_hidden(!state.shows_settings_button());
    }
}
