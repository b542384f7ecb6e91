//! The plain-DOM containers of Samtykke (the first layer, the settings button): like the Yew
//! views' `<div class="samtykke">`, each carries the theme, layout and language the
//! stylesheet and screen readers go by.

use crate::core::State;

/// Sets `data-theme`, `data-layout` and `lang` of `container` from `state`.
pub fn mark(container: &web_sys::Element, state: &State) {
    let _ = container.set_attribute("data-theme", state.config.theme.as_str());
    let _ = container.set_attribute("data-layout", state.config.layout.as_str());
    let _ = container.set_attribute("lang", &state.language);
}
