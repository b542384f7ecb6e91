//! Event listeners that remove themselves when dropped, so whatever holds them (a page's
//! controller, a Yew provider) tears down cleanly: nothing of Samtykke keeps listening after
//! its owner is gone.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// A listener for `kind` events on `target`, removed on drop.
#[must_use = "the listener is removed as soon as this is dropped"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(Event)>,
}

impl Listener {
    /// Listens to `kind` events on `target` until the returned value is dropped.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        on_event: impl Fn(Event) + 'static,
    ) -> Self {
        let callback = Closure::<dyn Fn(Event)>::new(on_event);
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("kind", &self.kind)
            .finish()
    }
}

/// A `MutationObserver`, disconnected on drop (with the callback it calls).
#[must_use = "the observer is disconnected as soon as this is dropped"]
pub struct Observer {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl Observer {
    /// Watches the children of `root` and of every node under it.
    pub fn subtree(
        root: &web_sys::Node,
        on_change: impl Fn(js_sys::Array) + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(on_change);
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        observer.observe_with_options(root, &options).ok()?;
        Some(Observer {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

impl std::fmt::Debug for Observer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Observer").finish_non_exhaustive()
    }
}
