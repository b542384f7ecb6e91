//! The attributes every container Samtykke draws carries (the first layer, the settings
//! button, the Yew views' `<div class="samtykke">`): the theme, layout and language the
//! stylesheet and screen readers go by.

use crate::{text_direction, State};

/// The `data-theme`, `data-layout`, `lang` and `dir` a container carries in `state`.
pub fn container_attributes(state: &State) -> [(&'static str, &str); 4] {
    [
        ("data-theme", state.config.theme.as_str()),
        ("data-layout", state.config.layout.as_str()),
        ("lang", &state.language),
        ("dir", text_direction(&state.language)),
    ]
}
