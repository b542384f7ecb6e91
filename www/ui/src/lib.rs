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
    config: std::cell::RefCell<Rc<Config>>,
    config_json: String,
    languages: js_sys::Function,
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
        let languages = function(bridge, "uiLanguages")?;
        let config = with_languages(&config_json, &languages);
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
            config: std::cell::RefCell::new(Rc::new(config)),
            config_json,
            languages,
            state: function(bridge, "uiState")?,
            send: function(bridge, "uiSend")?,
            watchers,
            next: std::cell::Cell::new(0),
        })
    }
}

/// The config `init` read, with the language files the core module has added since.
fn with_languages(config_json: &str, languages: &js_sys::Function) -> Config {
    let mut config = Config::from_json(config_json).config;
    let added = languages
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|l| l.as_string())
        .and_then(|l| json::parse(&l).ok());
    if let Some(json::Value::Array(pairs)) = added {
        for pair in pairs.iter().filter_map(json::Value::as_array) {
            let text = |i: usize| pair.get(i).and_then(json::Value::as_str);
            if let (Some(code), Some(texts)) = (text(0), text(1)) {
                config.add_language_pack(code, texts);
            }
        }
    }
    config
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
        // A language whose file loaded after the dialog first mounted (setLanguage).
        let language = snapshot.as_ref().and_then(|s| s.get("language")?.as_str());
        if language.is_some_and(|l| self.config.borrow().language_pack_needed(l)) {
            *self.config.borrow_mut() = Rc::new(with_languages(&self.config_json, &self.languages));
        }
        let config = self.config.borrow().clone();
        snapshot
            .and_then(|s| State::from_view_snapshot(config.clone(), &s))
            .unwrap_or_else(|| State::new(config, None, &[]))
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
