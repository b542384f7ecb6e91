//! The first layer drawn by the core engine in plain DOM, so that a first visit needs no Yew:
//! the core's [`first_layer`] tree in `<div id="samtykke-first-layer">`, first in `<body>` so
//! keyboard users reach it before the page. Focus is handled as in the Yew views: into a
//! modal banner, Tab kept inside, and given back when it closes.
//!
//! "Manage preferences" opens a dialog that lives in the UI module, fetched when the visitor
//! heads for that button or presses it; the banner stays until the page says the dialog is
//! mounted ([`FirstLayer::dialog_ready`]), so the visitor is never left looking at nothing.

use super::focus;
use super::listener::Listener;
use super::markup_dom::{build, Listeners};
use super::runtime::{Controller, Subscription};
use super::scroll_room::reserve_space;
use crate::core::first_layer;
use crate::core::Layout;
use crate::core::Markup;
use crate::core::{Event, State, View};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The first layer of one controller, drawn while this lives. Dropping it stops drawing
/// (the element stays as it was last drawn).
pub struct FirstLayer {
    drawn: Rc<RefCell<Drawn>>,
    redraw: Rc<dyn Fn()>,
    _following: Subscription,
    _tab_trap: Listener,
}

impl std::fmt::Debug for FirstLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstLayer").finish_non_exhaustive()
    }
}

impl FirstLayer {
    /// The preferences dialog is in the page now: a first layer kept while it loaded may go.
    pub fn dialog_ready(&self) {
        self.drawn.borrow_mut().dialog_ready = true;
        (self.redraw)();
    }

    /// The element the first layer is drawn in, `#samtykke-first-layer` (for tests).
    #[cfg(any(test, feature = "testing"))]
    pub fn holder(&self) -> Element {
        self.drawn.borrow().holder.clone()
    }
}

struct Drawn {
    holder: Element,
    markup: Option<Markup>,
    /// The click listeners of the tree on screen. Dropping one while its click runs is safe:
    /// wasm-bindgen frees a running closure only when it returns.
    listeners: Listeners,
    opener: Option<HtmlElement>,
    dialog_ready: bool,
    /// Whether the state was drawn once (or found to need nothing).
    drawn_once: bool,
}

/// Draws the first layer for `controller` whenever its state asks for it, while the returned
/// value lives. `None` when the page has no `<body>` to draw in. What the controller keeps
/// (the subscription, the buttons' listeners) holds it weakly, so the two can be dropped.
#[must_use = "the first layer stops following the state as soon as this is dropped"]
pub fn install(controller: &Controller) -> Option<FirstLayer> {
    let document = web_sys::window()?.document()?;
    let (holder, body) = (
        super::dom::create_element(&document, "div")?,
        super::dom::body(&document)?,
    );
    holder.set_id("samtykke-first-layer");
    holder.set_class_name("samtykke");
    let _ = body.insert_before(&holder, body.first_child().as_ref());
    focus::track_focus();
    let tab_trap = trap_tab_when_modal(controller, &holder);
    let drawn = Rc::new(RefCell::new(Drawn {
        holder,
        markup: None,
        listeners: Vec::new(),
        opener: None,
        dialog_ready: false,
        drawn_once: false,
    }));
    let send: Rc<dyn Fn(Event)> = {
        let controller = controller.downgrade();
        Rc::new(move |event| {
            if let Some(c) = controller.upgrade() {
                c.dispatch(event);
            }
        })
    };
    // Drawing moves focus, and a page's focus handler may call the API, which redraws: such
    // a redraw waits for the one under way instead of borrowing what it holds.
    let again = Rc::new(std::cell::Cell::new(false));
    let redraw: Rc<dyn Fn()> = {
        let (controller, drawn) = (controller.downgrade(), drawn.clone());
        Rc::new(move || {
            let Some(controller) = controller.upgrade() else {
                return;
            };
            let Ok(mut drawn) = drawn.try_borrow_mut() else {
                again.set(true);
                return;
            };
            // A few passes at most: a page that changes the state on every focus gets the
            // rest drawn at its next change, rather than a loop that never ends.
            for _ in 0..8 {
                draw(&document, &mut drawn, &controller.state(), &send);
                if !again.replace(false) {
                    break;
                }
            }
        })
    };
    // Subscribed before the first draw: that draw moves focus, and whatever the page does on
    // that focus must reach this layer too.
    let on_change = redraw.clone();
    let following = controller.subscribe(move || on_change());
    redraw();
    Some(FirstLayer {
        drawn,
        redraw,
        _following: following,
        _tab_trap: tab_trap,
    })
}

fn trap_tab_when_modal(controller: &Controller, holder: &Element) -> Listener {
    let controller = controller.downgrade();
    let container = holder.clone();
    Listener::new(holder, "keydown", move |e| {
        let modal = controller
            .upgrade()
            .is_some_and(|c| c.state().config.layout == Layout::Modal);
        if modal {
            focus::trap_tab(&container, e.unchecked_ref());
        }
    })
}

/// What to draw: the core's first layer, or the banner already drawn while the dialog the
/// visitor asked for is still loading.
fn wanted(state: &State, drawn: &Drawn) -> Option<Markup> {
    let dialog_loading = state.view == View::Preferences && !drawn.dialog_ready;
    if dialog_loading && drawn.markup.is_some() {
        return drawn.markup.clone();
    }
    first_layer(state)
}

fn draw(document: &web_sys::Document, drawn: &mut Drawn, state: &State, send: &Rc<dyn Fn(Event)>) {
    let holder = drawn.holder.clone();
    super::container::mark(&holder, state);
    let next = wanted(state, drawn);
    // The banner kept while the dialog loads shows a progress cursor (not aria-busy, which
    // some screen readers answer by holding back the focused button).
    if state.view == View::Preferences && next.is_some() {
        let _ = holder.set_attribute("data-waiting", "dialog");
    } else {
        let _ = holder.remove_attribute("data-waiting");
    }
    if next == drawn.markup {
        // Nothing to draw at first: a room that another engine's banner kept goes.
        if !drawn.drawn_once && next.is_none() {
            reserve_space(None);
        }
        drawn.drawn_once = true;
        return;
    }
    drawn.drawn_once = true;
    let was_shown = drawn.markup.is_some();
    let modal = state.config.layout == Layout::Modal;
    let focused_action = focus::active_element()
        .filter(|active| holder.contains(Some(active)))
        .and_then(|active| active.get_attribute("data-action"));
    holder.set_text_content(None);
    drawn.listeners.clear();
    match &next {
        Some(markup) => {
            if !was_shown {
                drawn.opener = focus::opener();
            }
            let mut listeners = Vec::new();
            if let Some(node) = build(document, markup, send, &mut listeners) {
                let _ = holder.append_child(&node);
            }
            drawn.listeners = listeners;
            refocus(&holder, focused_action.as_deref(), modal && !was_shown);
            reserve_space(Some(&holder));
        }
        None => {
            reserve_space(None);
            // The dialog takes focus itself; otherwise focus must not be left on a removed
            // button.
            if state.view == View::Hidden && (modal || focused_action.is_some()) {
                focus::restore_focus(drawn.opener.take());
            }
        }
    }
    drawn.markup = next;
}

/// After a redraw (a new language, say), focus goes back to the button that had it; a modal
/// banner that has just opened takes focus itself.
fn refocus(holder: &Element, action: Option<&str>, first_open_of_modal: bool) {
    let again = action
        .and_then(|a| {
            holder
                .query_selector(&format!("[data-action=\"{a}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match again {
        Some(button) => {
            let _ = button.focus();
        }
        None if first_open_of_modal => focus::focus_first(holder),
        None => {}
    }
}
