//! The floating "Cookie settings" button after a choice. Plain DOM, so that the core module
//! shows it on every page without loading the Yew UI; a click is a `data-samtykke` hook that
//! opens the preferences (and so loads the UI when it is needed).

use super::runtime::Controller;
use crate::core::texts::TextKey;
use crate::core::State;
use wasm_bindgen::JsCast;

/// Adds the button (hidden until a choice is in force) and keeps it in step with the state
/// for the page's life.
pub fn install(controller: &Controller) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(holder), Ok(button), Some(body)) = (
        document.create_element("div"),
        document.create_element("button"),
        document.body(),
    ) else {
        return;
    };
    holder.set_class_name("samtykke samtykke-floating");
    button.set_class_name("samtykke-settings-button");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("data-samtykke", "preferences");
    let _ = button.set_attribute("data-action", "settings");
    let _ = holder.append_child(&button);
    let _ = body.append_child(&holder);
    let update = {
        let controller = controller.clone();
        move || render(&holder, &button, &controller.state())
    };
    update();
    std::mem::forget(controller.subscribe(update));
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
