//! The plain-DOM containers of Samtykke (the first layer, the settings button): like the Yew
//! views' `<div class="samtykke">`, each carries the core's `container_attributes` (the
//! theme, layout and language the stylesheet and screen readers go by).

use crate::core::{container_attributes, State};

/// Sets `data-theme`, `data-layout`, `lang` and `dir` of `container` from `state`.
pub fn mark(container: &web_sys::Element, state: &State) {
    for (name, value) in container_attributes(state) {
        let _ = container.set_attribute(name, value);
    }
}
