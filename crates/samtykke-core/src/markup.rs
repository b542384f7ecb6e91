//! A small element tree with no browser in it. A view built as one can be drawn by the core
//! engine with plain DOM calls (so a first visit needs no Yew) and by a Yew component, from
//! the very same tree.

use super::state::Event;

/// One node of a view: an element or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Markup {
    /// An element with attributes and children.
    Element(Element),
    /// A text node.
    Text(String),
}

/// An HTML element of a [`Markup`] tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// The tag name, such as `"button"`.
    pub tag: &'static str,
    /// The attributes, in the order they are written.
    pub attributes: Vec<(&'static str, String)>,
    /// What a click on the element sends, if anything.
    pub on_click: Option<Event>,
    /// The children, in order.
    pub children: Vec<Markup>,
}

impl Element {
    /// An element with no attributes and no children.
    pub fn new(tag: &'static str) -> Element {
        Element {
            tag,
            attributes: Vec::new(),
            on_click: None,
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Element {
        self.attributes.push((name, value.into()));
        self
    }

    /// Sends `event` when the element is clicked.
    pub fn on_click(mut self, event: Event) -> Element {
        self.on_click = Some(event);
        self
    }

    /// Adds a child.
    pub fn child(mut self, child: impl Into<Markup>) -> Element {
        self.children.push(child.into());
        self
    }

    /// Adds a text child.
    pub fn text(self, text: impl Into<String>) -> Element {
        self.child(Markup::Text(text.into()))
    }

    /// The value of attribute `name`, if it is set.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Markup {
    fn from(element: Element) -> Markup {
        Markup::Element(element)
    }
}

impl Markup {
    /// The element, if this node is one.
    #[cfg(any(test, feature = "testing"))]
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            Markup::Element(element) => Some(element),
            Markup::Text(_) => None,
        }
    }

    /// The text of this node and everything under it, as a screen reader reads it.
    #[cfg(any(test, feature = "testing"))]
    pub fn text_content(&self) -> String {
        match self {
            Markup::Text(text) => text.clone(),
            Markup::Element(element) => element.children.iter().map(Markup::text_content).collect(),
        }
    }

    /// Every element of the tree, this one first, depth first.
    #[cfg(any(test, feature = "testing"))]
    pub fn elements(&self) -> Vec<&Element> {
        let mut found = Vec::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            if let Markup::Element(element) = node {
                found.push(element);
                stack.extend(element.children.iter().rev());
            }
        }
        found
    }
}
