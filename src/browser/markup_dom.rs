//! Draws a core [`Markup`] tree with plain DOM calls, for views the core engine shows without
//! the Yew UI (the first layer). Clicks are sent as the tree's events.

use super::dom;
use crate::core::Event;
use crate::core::{Markup, MarkupElement as Element};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The click listeners of a drawn tree. They must live as long as its nodes: dropping this
/// detaches them.
pub type Listeners = Vec<Closure<dyn Fn()>>;

/// Builds the DOM nodes of `markup`, with `send` called for the events of its clicks.
pub fn build(
    document: &web_sys::Document,
    markup: &Markup,
    send: &Rc<dyn Fn(Event)>,
    listeners: &mut Listeners,
) -> Option<web_sys::Node> {
    match markup {
        Markup::Text(text) => Some(dom::create_text_node(document, text).into()),
        Markup::Element(element) => build_element(document, element, send, listeners),
    }
}

fn build_element(
    document: &web_sys::Document,
    element: &Element,
    send: &Rc<dyn Fn(Event)>,
    listeners: &mut Listeners,
) -> Option<web_sys::Node> {
    let node = dom::create_element(document, element.tag)?;
    for (name, value) in &element.attributes {
        let _ = node.set_attribute(name, value);
    }
    if let Some(event) = &element.on_click {
        let (send, event) = (send.clone(), event.clone());
        let listener = Closure::<dyn Fn()>::new(move || send(event.clone()));
        let _ = node.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        listeners.push(listener);
    }
    for child in &element.children {
        if let Some(child) = build(document, child, send, listeners) {
            let _ = node.append_child(&child);
        }
    }
    Some(node.into())
}
