//! The document's own methods and properties, called through `Document.prototype`. A page's
//! named elements shadow the document's properties (`<form name="createElement">` makes
//! `document.createElement` that form), and web-sys looks them up on the document itself;
//! these bindings call the prototype's, which markup cannot reach.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, NodeList, Text};

#[wasm_bindgen]
extern "C" {
    /// The document, seen through `Document.prototype` only.
    #[wasm_bindgen(js_name = Document)]
    type Doc;
    #[wasm_bindgen(method, final, catch, js_class = "Document", js_name = createElement)]
    fn create_element_on(this: &Doc, tag: &str) -> Result<Element, JsValue>;
    #[wasm_bindgen(method, final, js_class = "Document", js_name = createTextNode)]
    fn create_text_node_on(this: &Doc, text: &str) -> Text;
    #[wasm_bindgen(method, final, catch, js_class = "Document", js_name = querySelector)]
    fn query_selector_on(this: &Doc, selector: &str) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(method, final, catch, js_class = "Document", js_name = querySelectorAll)]
    fn query_selector_all_on(this: &Doc, selector: &str) -> Result<NodeList, JsValue>;
    #[wasm_bindgen(method, final, getter, js_class = "Document", js_name = body)]
    fn body_of(this: &Doc) -> Option<HtmlElement>;
    #[wasm_bindgen(method, final, getter, js_class = "Document", js_name = head)]
    fn head_of(this: &Doc) -> Option<HtmlElement>;
    #[wasm_bindgen(method, final, getter, js_class = "Document", js_name = documentElement)]
    fn root_of(this: &Doc) -> Option<Element>;
    #[wasm_bindgen(method, final, getter, js_class = "Document", js_name = activeElement)]
    fn active_of(this: &Doc) -> Option<Element>;
}

fn doc(document: &Document) -> &Doc {
    document.unchecked_ref()
}

/// `document.createElement(tag)`.
pub fn create_element(document: &Document, tag: &str) -> Option<Element> {
    doc(document).create_element_on(tag).ok()
}

/// `document.createTextNode(text)`.
pub fn create_text_node(document: &Document, text: &str) -> Text {
    doc(document).create_text_node_on(text)
}

/// `document.querySelector(selector)`.
pub fn query_selector(document: &Document, selector: &str) -> Option<Element> {
    doc(document).query_selector_on(selector).ok().flatten()
}

/// `document.querySelectorAll(selector)`.
pub fn query_selector_all(document: &Document, selector: &str) -> Option<NodeList> {
    doc(document).query_selector_all_on(selector).ok()
}

/// `document.body`.
pub fn body(document: &Document) -> Option<HtmlElement> {
    doc(document).body_of()
}

/// `document.head`.
pub fn head(document: &Document) -> Option<HtmlElement> {
    doc(document).head_of()
}

/// `document.documentElement`.
pub fn root(document: &Document) -> Option<Element> {
    doc(document).root_of()
}

/// `document.activeElement`.
pub fn active_element(document: &Document) -> Option<Element> {
    doc(document).active_of()
}
