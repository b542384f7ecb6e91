//! The UI module of the JavaScript surface: Samtykke's Yew views, loaded only when the
//! preferences dialog or a privacy notice must show (the core engine draws the banner). It
//! owns no state: it renders the core module's state, read through the bridge, and sends
//! the visitor's events back.

use samtykke::core::{json, Config, Event, State};
use samtykke::ui::{mount_in_page, ConsentSource, SourceRef};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The page's main thread is the only thread, so the allocator needs no locking.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

type Watchers = Rc<RefCell<Vec<(u64, Rc<dyn Fn()>)>>>;

/// The core module's state, seen through its `ui*` functions.
struct Bridge {
    config: Rc<Config>,
    state: js_sys::Function,
    send: js_sys::Function,
    watchers: Watchers,
    next: std::cell::Cell<u64>,
}

fn function(bridge: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(bridge, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

impl Bridge {
    fn connect(bridge: &JsValue) -> Option<Bridge> {
        let config_json = function(bridge, "uiConfig")?
            .call0(&JsValue::NULL)
            .ok()?
            .as_string()?;
        let config = Config::from_json(&config_json).config;
        let watchers: Watchers = Rc::default();
        let fan_out = {
            let watchers = watchers.clone();
            Closure::<dyn Fn()>::new(move || {
                let current: Vec<Rc<dyn Fn()>> =
                    watchers.borrow().iter().map(|(_, w)| w.clone()).collect();
                for watcher in current {
                    watcher();
                }
            })
        };
        function(bridge, "uiSubscribe")?
            .call1(&JsValue::NULL, fan_out.as_ref())
            .ok()?;
        // The core engine calls it for the page's life (the bridge has no unsubscribe), so it
        // must never be freed.
        fan_out.forget();
        Some(Bridge {
            config: Rc::new(config),
            state: function(bridge, "uiState")?,
            send: function(bridge, "uiSend")?,
            watchers,
            next: std::cell::Cell::new(0),
        })
    }
}

struct Unwatch(Watchers, u64);

impl Drop for Unwatch {
    fn drop(&mut self) {
        self.0.borrow_mut().retain(|(id, _)| *id != self.1);
    }
}

impl ConsentSource for Bridge {
    fn snapshot(&self) -> State {
        let snapshot = self
            .state
            .call0(&JsValue::NULL)
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| json::parse(&s).ok());
        snapshot
            .and_then(|s| State::from_view_snapshot(self.config.clone(), &s))
            .unwrap_or_else(|| State::new(self.config.clone(), None, &[]))
    }

    fn send(&self, event: Event) {
        if let Some(json) = event.to_json() {
            let _ = self
                .send
                .call1(&JsValue::NULL, &JsValue::from_str(&json::write(&json)));
        }
    }

    fn watch(&self, on_change: Rc<dyn Fn()>) -> Box<dyn std::any::Any> {
        let id = self.next.get();
        self.next.set(id + 1);
        self.watchers.borrow_mut().push((id, on_change));
        Box::new(Unwatch(self.watchers.clone(), id))
    }
}

/// Renders the preferences dialog (first in `<body>`, so keyboard users reach it before the
/// page) and every `data-samtykke="notice"`, from the core module behind `bridge`. The core
/// module draws the first layer itself. `false` when `bridge` is not the core's.
#[wasm_bindgen]
pub fn mount(bridge: JsValue) -> bool {
    let Some(connected) = Bridge::connect(&bridge) else {
        return false;
    };
    mount_in_page(SourceRef(Rc::new(connected)));
    true
}
