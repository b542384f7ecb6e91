//! Gated embeds (iframes, images, video, audio): an accessible placeholder before each blocked
//! one the core gives texts for (not an image), with **Load content** (this one, this once)
//! and **Always allow** (grants its category through the controller), re-worded when the
//! language changes; and loading an embed once it may.

use super::{loadable, DomGate, HIDDEN_BY_GATE, PLACEHOLDER};
use crate::browser::dom;
use crate::core::{
    placeholder_texts, wanted_categories, CategorySet, Config, Embed, PlaceholderTexts,
    GATED_EMBEDS, HANDLED, HELD_URLS_TEXT,
};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

type AlwaysAllow = Rc<dyn Fn(CategorySet, Option<String>)>;

/// What placeholders need: texts, and what "Always allow" does.
pub(super) struct Placeholders {
    /// The config (also for naming markup problems).
    pub(super) config: Rc<Config>,
    language: String,
    always_allow: Option<AlwaysAllow>,
    /// One click listener shared by every placeholder, made on first use.
    on_click: Option<Closure<dyn Fn(web_sys::Event)>>,
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders {
            config: Rc::new(Config::default()),
            language: "en".to_owned(),
            always_allow: None,
            on_click: None,
        }
    }
}

impl DomGate {
    /// The config (labels, text overrides) and language of the placeholders. Placeholders
    /// already on the page are re-worded when the language changes.
    pub fn set_texts(&self, config: Rc<Config>, language: &str) {
        let changed = {
            let mut p = self.placeholders.borrow_mut();
            let changed = p.language != language || !Rc::ptr_eq(&p.config, &config);
            p.config = config;
            p.language = language.to_owned();
            changed
        };
        if changed {
            self.reword_placeholders();
        }
    }

    /// What **Always allow** does: `grant` receives the categories the embed needs and its
    /// `data-service`, if any, and is expected to add them to the choice in force (the gate
    /// then loads the embed when activated). Without it, placeholders offer only **Load content**.
    pub fn set_always_allow(&self, grant: impl Fn(CategorySet, Option<String>) + 'static) {
        self.placeholders.borrow_mut().always_allow = Some(Rc::new(grant));
    }

    fn texts_for(&self, embed: &Element) -> Option<PlaceholderTexts> {
        let category = embed.get_attribute("data-category").unwrap_or_default();
        let service = embed.get_attribute("data-service");
        let title = embed.get_attribute("title");
        let src = embed.get_attribute("data-src");
        let p = self.placeholders.borrow();
        placeholder_texts(
            &p.config,
            &p.language,
            Embed {
                element: &embed.local_name(),
                category: &category,
                service: service.as_deref(),
                title: title.as_deref(),
                src: src.as_deref(),
            },
        )
    }

    /// Puts a placeholder before a blocked `embed`, once, and hides the empty embed. An embed
    /// with a URL that may never load gets none: its **Load content** could not keep its word;
    /// nor does an image (see [`placeholder_texts`]).
    pub(super) fn ensure_placeholder(&self, embed: &Element) {
        if placeholder_of(embed).is_some() || !loadable(embed) {
            return;
        }
        let Some(texts) = self.texts_for(embed) else {
            return;
        };
        let Some(placeholder) = self.build_placeholder(embed, &texts) else {
            return;
        };
        let Some(parent) = embed.parent_node() else {
            return;
        };
        if parent.insert_before(&placeholder, Some(embed)).is_err() {
            return;
        }
        self.added.borrow_mut().push((embed.clone(), placeholder));
        if !embed.has_attribute("hidden") {
            let _ = embed.set_attribute("hidden", "");
            let _ = embed.set_attribute(HIDDEN_BY_GATE, "");
        }
    }

    fn build_placeholder(&self, embed: &Element, texts: &PlaceholderTexts) -> Option<Element> {
        let document = embed.owner_document()?;
        let placeholder = dom::create_element(&document, "div")?;
        placeholder.set_class_name(PLACEHOLDER);
        placeholder.set_attribute("role", "group").ok()?;
        let text = dom::create_element(&document, "p")?;
        text.set_class_name("samtykke-placeholder-text");
        placeholder.append_child(&text).ok()?;
        let actions = dom::create_element(&document, "div")?;
        actions.set_class_name("samtykke-actions");
        let offers_always =
            self.placeholders.borrow().always_allow.is_some() && texts.always_allow.is_some();
        let kinds: &[&str] = if offers_always {
            &["load-once", "always-allow"]
        } else {
            &["load-once"]
        };
        for action in kinds {
            let button = dom::create_element(&document, "button")?;
            button.set_attribute("type", "button").ok()?;
            button.set_class_name("samtykke-button");
            button.set_attribute("data-action", action).ok()?;
            actions.append_child(&button).ok()?;
        }
        placeholder.append_child(&actions).ok()?;
        self.word(&placeholder, texts);
        let listener = self.click_listener();
        placeholder
            .add_event_listener_with_callback("click", listener.unchecked_ref())
            .ok()?;
        Some(placeholder)
    }

    /// Sets a placeholder's name and texts (as text, never as markup).
    fn word(&self, placeholder: &Element, texts: &PlaceholderTexts) {
        let _ = placeholder.set_attribute("aria-label", &texts.name);
        let language = &self.placeholders.borrow().language;
        let _ = placeholder.set_attribute("lang", language);
        let _ = placeholder.set_attribute("dir", crate::core::text_direction(language));
        let set = |selector: &str, value: &str| {
            if let Ok(Some(el)) = placeholder.query_selector(selector) {
                el.set_text_content(Some(value));
            }
        };
        set(".samtykke-placeholder-text", &texts.message);
        set("[data-action=\"load-once\"]", &texts.load_once);
        if let Some(always_allow) = &texts.always_allow {
            set("[data-action=\"always-allow\"]", always_allow);
        }
    }

    fn reword_placeholders(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("{GATED_EMBEDS}:not([{HANDLED}])");
        let Some(list) = dom::query_selector_all(&document, &selector) else {
            return;
        };
        for embed in (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
        {
            if let (Some(placeholder), Some(texts)) =
                (placeholder_of(&embed), self.texts_for(&embed))
            {
                self.word(&placeholder, &texts);
            }
        }
    }

    /// The listener every placeholder shares. It holds the gate weakly, so the gate and its
    /// listener do not keep each other alive.
    fn click_listener(&self) -> js_sys::Function {
        let mut p = self.placeholders.borrow_mut();
        let closure = p.on_click.get_or_insert_with(|| {
            let weak = Rc::downgrade(&self.placeholders);
            Closure::new(move |e: web_sys::Event| on_placeholder_click(&weak, &e))
        });
        closure.as_ref().unchecked_ref::<js_sys::Function>().clone()
    }
}

fn on_placeholder_click(placeholders: &Weak<RefCell<Placeholders>>, e: &web_sys::Event) {
    let Some(placeholder) = e
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
    else {
        return;
    };
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("button[data-action]").ok().flatten())
        .filter(|b| placeholder.contains(Some(b)))
    else {
        return;
    };
    let Some(embed) = placeholder
        .next_element_sibling()
        .filter(|f| f.matches(GATED_EMBEDS).unwrap_or(false))
    else {
        return;
    };
    match button.get_attribute("data-action").as_deref() {
        Some("load-once") => load_embed(&embed),
        Some("always-allow") => {
            let grant = placeholders
                .upgrade()
                .and_then(|p| p.borrow().always_allow.clone());
            let wanted = embed
                .get_attribute("data-category")
                .as_deref()
                .and_then(wanted_categories);
            if let (Some(grant), Some(wanted)) = (grant, wanted) {
                // The controller activates the gate, which loads this embed (and its kind).
                grant(wanted, embed.get_attribute("data-service"));
            }
        }
        _ => return,
    }
    // The buttons are gone with the placeholder: keep keyboard users where the content is.
    if embed.has_attribute(HANDLED) {
        let _ = embed.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The placeholder standing right before `embed`, if any.
fn placeholder_of(embed: &Element) -> Option<Element> {
    embed
        .previous_element_sibling()
        .filter(|p| p.class_list().contains(PLACEHOLDER))
}

/// Lets a gated embed load (from `http(s)` or relative URLs only): each URL held back on it
/// and on the `<source>` elements it chooses from goes to its real attribute, the sources'
/// first (an image in a `<picture>` then chooses once), and a video or audio loads again. Its
/// placeholder goes and it shows again.
pub fn load_embed(embed: &Element) {
    // Checked and moved in one go: no page script runs in between.
    if loadable(embed) {
        super::load_embed_now(embed, HELD_URLS_TEXT);
    }
}
