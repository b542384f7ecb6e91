//! The Trunk demo: a fictional company's website built with Samtykke's Yew components.

mod demo;

use demo::pages::{HomePage, PrivacyPage};
use demo::switcher::{query_param, Switcher};
use samtykke::ui::{ConsentProvider, ConsentUi, PrivacyNotice};
use samtykke::Config;
use std::rc::Rc;
use yew::prelude::*;

/// The demo's config, the same JSON a website owner would write.
const CONFIG: &str = include_str!("demo/config.json");

fn demo_config() -> Config {
    let mut overrides = samtykke::core::json::parse(CONFIG).unwrap_or_default();
    for key in ["theme", "layout"] {
        if let (Some(value), Some(map)) = (query_param(key), overrides.as_object_mut()) {
            map.insert(key.to_owned(), value.into());
        }
    }
    let parsed = Config::from_value(&overrides);
    for problem in &parsed.problems {
        samtykke::browser::page::console_error(&format!("samtykke config: {problem}"));
    }
    parsed.config
}

#[component]
fn App() -> Html {
    let config = use_memo((), |_| demo_config());
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let page = if path.starts_with("/privacy") {
        html! { <PrivacyPage notice={html! { <PrivacyNotice /> }} /> }
    } else {
        html! { <HomePage /> }
    };
    html! {
        <ConsentProvider config={Rc::new((*config).clone())}>
            <ConsentUi />
            <Switcher />
            { page }
        </ConsentProvider>
    }
}

fn main() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        yew::Renderer::<App>::with_root(root).render();
    }
}
