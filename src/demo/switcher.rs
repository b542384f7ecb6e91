//! The demo's switcher: language live through the API, theme and layout through the URL
//! (they are config values, read when the page starts).

use samtykke::core::Event;
use samtykke::ui::ConsentContext;
use yew::prelude::*;

/// Query parameters the demo reads into its config: `?theme=dark&layout=box`.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

fn link(param: &str, value: &str, label: &str, current: &str) -> Html {
    let href = {
        let (theme, layout) = match param {
            "theme" => (
                value.to_owned(),
                query_param("layout").unwrap_or_else(|| "bar".into()),
            ),
            _ => (
                query_param("theme").unwrap_or_else(|| "auto".into()),
                value.to_owned(),
            ),
        };
        format!("?theme={theme}&layout={layout}")
    };
    let current = (value == current).then_some("true");
    html! { <a class="demo-switch" href={href} aria-current={current}>{ label }</a> }
}

/// The demo's switcher bar.
#[component]
pub fn Switcher() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let theme = query_param("theme").unwrap_or_else(|| "auto".into());
    let layout = query_param("layout").unwrap_or_else(|| "bar".into());
    let language = ctx.state.language.clone();
    let lang_button = |code: &'static str, label: &'static str| {
        let onclick = ctx.sender(Event::SetLanguage(code.to_owned()));
        let pressed = if language == code { "true" } else { "false" };
        html! { <button type="button" class="demo-switch" aria-pressed={pressed} {onclick}>{ label }</button> }
    };
    html! {
        <nav class="demo-switcher" aria-label="Demo settings">
            <span class="demo-switcher-group">
                <span class="demo-switcher-label">{ "Banner language:" }</span>
                { lang_button("en", "English") }
                { lang_button("nb", "Norsk bokmål") }
                { lang_button("nn", "Norsk nynorsk") }
            </span>
            <span class="demo-switcher-group">
                <span class="demo-switcher-label">{ "Theme:" }</span>
                { link("theme", "auto", "Auto", &theme) }
                { link("theme", "light", "Light", &theme) }
                { link("theme", "dark", "Dark", &theme) }
            </span>
            <span class="demo-switcher-group">
                <span class="demo-switcher-label">{ "Layout:" }</span>
                { link("layout", "bar", "Bar", &layout) }
                { link("layout", "box", "Box", &layout) }
                { link("layout", "modal", "Modal", &layout) }
            </span>
            <button type="button" class="demo-switch" onclick={ctx.sender(Event::Reset)}>{ "Forget my choice" }</button>
        </nav>
    }
}
