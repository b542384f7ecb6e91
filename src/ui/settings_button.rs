//! The small floating "Cookie settings" button that reopens the preferences after a choice.

use super::provider::ConsentContext;
use crate::core::texts::TextKey;
use crate::core::Event;
use yew::prelude::*;

/// Shown after a choice unless config `settingsButton` is `false`.
#[component]
pub fn SettingsButton() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    if !ctx.state.shows_settings_button() {
        return html! {};
    }
    html! {
        <button type="button" class="samtykke-settings-button" data-action="settings"
            onclick={ctx.sender(Event::ShowPreferences)}>{ ctx.text(TextKey::CookieSettings) }</button>
    }
}
