//! The views mounted in this module (feature `ui`, the full engine of a first visit): the same
//! components the UI module mounts, here reading the local controller directly.

use samtykke::browser::Controller;
use samtykke::ui::{ConsentProvider, ConsentUi, PrivacyNotice};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct MountProps {
    controller: Controller,
    notice: bool,
}

#[function_component]
fn Mount(props: &MountProps) -> Html {
    html! {
        <ConsentProvider controller={props.controller.clone()}>
            if props.notice { <PrivacyNotice /> } else { <ConsentUi /> }
        </ConsentProvider>
    }
}

/// Renders the banner and dialog first in `<body>` and every `data-samtykke="notice"`.
pub fn mount(controller: &Controller) {
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
            controller: controller.clone(),
            notice: false,
        };
        yew::Renderer::<Mount>::with_root_and_props(root, props).render();
    }
    if let Ok(hosts) = document.query_selector_all("[data-samtykke=\"notice\"]") {
        for host in (0..hosts.length()).filter_map(|i| hosts.item(i)) {
            if let Ok(host) = host.dyn_into::<web_sys::Element>() {
                let props = MountProps {
                    controller: controller.clone(),
                    notice: true,
                };
                yew::Renderer::<Mount>::with_root_and_props(host, props).render();
            }
        }
    }
}
