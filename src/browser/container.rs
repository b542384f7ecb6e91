//! The plain-DOM containers of Samtykke (the first layer, the settings button): like the Yew
//! views' `<div class="samtykke">`, each carries the theme, layout and language the
//! stylesheet and screen readers go by.

use crate::core::{text_direction, State};

/// The `data-theme`, `data-layout`, `lang` and `dir` a container carries in `state`.
pub fn attributes(state: &State) -> [(&'static str, &str); 4] {
    [
        ("data-theme", state.config.theme.as_str()),
        ("data-layout", state.config.layout.as_str()),
        ("lang", &state.language),
        ("dir", text_direction(&state.language)),
    ]
}

/// Sets `data-theme`, `data-layout`, `lang` and `dir` of `container` from `state`.
pub fn mark(container: &web_sys::Element, state: &State) {
    for (name, value) in attributes(state) {
        let _ = container.set_attribute(name, value);
    }
}
