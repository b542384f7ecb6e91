//! Mounting the views into a page that did not render them itself (the script tag and npm
//! engines): the banner and dialog first in `<body>`, so keyboard users reach them before the
//! page, and a `PrivacyNotice` in every `[data-samtykke="notice"]`.
//!
//! The script tag's UI module mounts only the dialog and the notices: its core engine has
//! drawn the first layer already (see [`crate::browser::first_layer`]).

use super::notice::PrivacyNotice;
use super::provider::{ConsentProvider, SourceRef};
use super::root::ConsentUi;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct MountProps {
    source: SourceRef,
    notice: bool,
    banner: bool,
}

#[function_component]
fn Mount(props: &MountProps) -> Html {
    html! {
        <ConsentProvider source={props.source.clone()}>
            if props.notice { <PrivacyNotice /> } else { <ConsentUi banner={props.banner} /> }
        </ConsentProvider>
    }
}

/// Renders the views of `source` into the page: `ConsentUi` without its banner (the core
/// engine draws the first layer in plain DOM) in a new `#samtykke-root` first in `<body>`,
/// and `PrivacyNotice` into each `data-samtykke="notice"` element.
pub fn mount_in_page(source: SourceRef) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if let Ok(root) = document.create_element("div") {
        root.set_id("samtykke-root");
        let _ = body.insert_before(&root, body.first_child().as_ref());
        let props = MountProps {
            source: source.clone(),
            notice: false,
            banner: false,
        };
        yew::Renderer::<Mount>::with_root_and_props(root, props).render();
    }
    let Ok(hosts) = document.query_selector_all("[data-samtykke=\"notice\"]") else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)) {
        if let Ok(host) = host.dyn_into::<web_sys::Element>() {
            let props = MountProps {
                source: source.clone(),
                notice: true,
                banner: false,
            };
            yew::Renderer::<Mount>::with_root_and_props(host, props).render();
        }
    }
}
