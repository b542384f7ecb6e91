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

/// Whether [`mount_in_page`] renders the first layer too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BannerMount {
    /// The banner is a Yew view like the dialog.
    Included,
    /// Something else draws the banner (the core engine, in plain DOM); only the dialog and
    /// the notices are mounted.
    DrawnElsewhere,
}

/// Renders the views of `source` into the page: `ConsentUi` in a new `#samtykke-root` first in
/// `<body>`, and `PrivacyNotice` into each `data-samtykke="notice"` element.
pub fn mount_in_page(source: SourceRef, banner: BannerMount) {
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
            banner: banner == BannerMount::Included,
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
