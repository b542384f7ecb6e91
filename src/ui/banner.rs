//! `ConsentBanner`: the first layer, rendered from the core's
//! [`first_layer`](crate::core::first_layer) tree (the script tag's core engine
//! draws the same tree without Yew).

use super::markup_html::to_vtag;
use super::provider::ConsentContext;
use crate::browser::focus;
use crate::browser::scroll_room::reserve_space;
use crate::core::first_layer;
use crate::core::Layout;
use crate::core::Markup;
use crate::core::View;
use std::rc::Rc;
use yew::html::onkeydown;
use yew::prelude::*;

/// The first layer, shown while no choice is in force (and after `show()`).
#[component]
pub fn ConsentBanner() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let node = use_node_ref();
    let shown = ctx.state.view == View::Banner;
    let modal = ctx.state.config.layout == Layout::Modal;
    {
        let node = node.clone();
        use_effect_with(shown, move |shown| {
            let previous = focus::opener();
            let element = node.cast::<web_sys::Element>();
            if let (true, true, Some(element)) = (*shown, modal, &element) {
                focus::focus_first(element);
            }
            reserve_space(element.as_ref().filter(|_| *shown));
            let shown = *shown;
            move || {
                reserve_space(None);
                if shown && modal {
                    focus::restore_focus(previous);
                }
            }
        });
    }
    let Some(Markup::Element(root)) = first_layer(&ctx.state) else {
        return html! {};
    };
    let mut banner = to_vtag(&root, &|event| ctx.sender(event));
    banner.node_ref = node.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if let (true, Some(el)) = (modal, node.cast::<web_sys::Element>()) {
            focus::trap_tab(&el, &e);
        }
    });
    banner.add_listener(Rc::new(onkeydown::Wrapper::new(onkeydown)));
    banner.into()
}
