//! Renders a core [`Markup`] tree as Yew [`Html`], so a view the core engine draws in plain
//! DOM (the first layer) looks the same in a Yew app and is written once.

use crate::core::Event;
use crate::core::{Markup, MarkupElement as Element};
use std::rc::Rc;
use yew::html::onclick;
use yew::prelude::*;
use yew::virtual_dom::VTag;

/// `markup` as Html; `sender` makes the callback of each click's event.
pub fn to_html(markup: &Markup, sender: &dyn Fn(Event) -> Callback<MouseEvent>) -> Html {
    match markup {
        Markup::Text(text) => Html::from(text.clone()),
        Markup::Element(element) => to_vtag(element, sender).into(),
    }
}

/// One element as a [`VTag`], for a caller that adds a node ref or a listener of its own.
pub fn to_vtag(element: &Element, sender: &dyn Fn(Event) -> Callback<MouseEvent>) -> VTag {
    let mut tag = VTag::new(element.tag);
    for (name, value) in &element.attributes {
        tag.add_attribute(name, value.clone());
    }
    if let Some(event) = &element.on_click {
        tag.add_listener(Rc::new(onclick::Wrapper::new(sender(event.clone()))));
    }
    tag.add_children(element.children.iter().map(|c| to_html(c, sender)));
    tag
}
