//! `ConsentUi`: the banner, the dialog and the settings button in one themed container.

use super::banner::ConsentBanner;
use super::preferences::PreferencesDialog;
use super::provider::ConsentContext;
use yew::prelude::*;

/// Properties of [`ConsentUi`].
#[derive(Properties, PartialEq)]
pub struct ConsentUiProps {
    /// Render the first layer too (default). The script tag's UI module leaves it out: its
    /// core engine draws the first layer itself, from the same tree.
    #[prop_or(true)]
    pub banner: bool,
}

/// The banner and the preferences dialog, inside `<div class="samtykke">` with the theme,
/// layout and language as attributes for the stylesheet.
#[component]
pub fn ConsentUi(props: &ConsentUiProps) -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let theme = ctx.state.config.theme.as_str();
    let layout = ctx.state.config.layout.as_str();
    html! {
        <div class="samtykke" data-theme={theme} data-layout={layout} lang={ctx.state.language.clone()} dir={crate::core::text_direction(&ctx.state.language)}>
            if props.banner { <ConsentBanner /> }
            <PreferencesDialog />
        </div>
    }
}

impl std::fmt::Debug for ConsentUiProps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentUiProps").finish_non_exhaustive()
    }
}
