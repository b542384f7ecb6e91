//! `ConsentUi`: the banner, the dialog and the settings button in one themed container.

use super::banner::ConsentBanner;
use super::preferences::PreferencesDialog;
use super::provider::ConsentContext;
use crate::core::config::{Layout, Theme};
use yew::prelude::*;

/// The banner and the preferences dialog, inside `<div class="samtykke">` with the theme,
/// layout and language as attributes for the stylesheet.
#[component]
pub fn ConsentUi() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let theme = match ctx.state.config.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let layout = match ctx.state.config.layout {
        Layout::Bar => "bar",
        Layout::Box => "box",
        Layout::Modal => "modal",
    };
    html! {
        <div class="samtykke" data-theme={theme} data-layout={layout} lang={ctx.state.language.clone()}>
            <ConsentBanner />
            <PreferencesDialog />
        </div>
    }
}
