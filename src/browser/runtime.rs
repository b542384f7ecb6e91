//! The imperative shell: feeds events to the core's reducer and carries the effects out
//! through the adapters. It holds no rule of its own.

use super::ports::{
    ConsentLog, Console, CookieJar, CookiePatterns, GoogleTags, Navigation, OtherTabs, PageEvents,
    RecordStore, Saved, ScriptGate,
};
use crate::core::{
    auto_clear_problem, cookies_to_erase, erase_everywhere, google_steps, lifetime_ms, CategorySet,
    Config, ConsentRecord, Effect, Environment, Event, State,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The adapters a controller drives.
pub struct Adapters {
    /// Where the record is stored.
    pub store: Box<dyn RecordStore>,
    /// The page's cookies (for erasing trackers' cookies).
    pub cookies: Rc<dyn CookieJar>,
    /// The Google tag.
    pub google: Box<dyn GoogleTags>,
    /// Gated scripts and embeds.
    pub gate: Box<dyn ScriptGate>,
    /// The page's listeners (`samtykke:*` events).
    pub events: Box<dyn PageEvents>,
    /// The page's other tabs.
    pub other_tabs: Box<dyn OtherTabs>,
    /// The console.
    pub console: Box<dyn Console>,
    /// `autoClear` patterns (regular expressions).
    pub patterns: Box<dyn CookiePatterns>,
    /// Reloading the page.
    pub navigation: Box<dyn Navigation>,
    /// The consent log endpoint.
    pub log: Box<dyn ConsentLog>,
    /// Clock and randomness.
    pub env: Box<dyn Environment>,
}

type Listener = Rc<dyn Fn()>;

struct Inner {
    state: RefCell<State>,
    adapters: Adapters,
    listeners: RefCell<Vec<(u64, Listener)>>,
    next_listener: Cell<u64>,
}

/// One consent manager on a page. Cheap to clone; all clones share the state.
#[derive(Clone)]
pub struct Controller(Rc<Inner>);

impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A controller that does not keep it alive: what the controller's own adapters and
/// listeners hold, so that a controller and what it drives can be dropped together.
#[derive(Clone)]
pub struct WeakController(std::rc::Weak<Inner>);

impl WeakController {
    /// The controller, while something else still holds it.
    pub fn upgrade(&self) -> Option<Controller> {
        self.0.upgrade().map(Controller)
    }
}

impl std::fmt::Debug for Controller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Controller").finish_non_exhaustive()
    }
}

/// Keeps a listener registered; dropping it unregisters.
#[must_use = "the listener is unregistered as soon as this is dropped"]
#[derive(Debug)]
pub struct Subscription {
    controller: std::rc::Weak<Inner>,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(inner) = self.controller.upgrade() {
            inner
                .listeners
                .borrow_mut()
                .retain(|(id, _)| *id != self.id);
        }
    }
}

impl Controller {
    /// A handle that does not keep this controller alive.
    pub fn downgrade(&self) -> WeakController {
        WeakController(Rc::downgrade(&self.0))
    }

    /// A controller for `config`, not started yet.
    pub fn new(
        config: Config,
        adapters: Adapters,
        page_lang: Option<&str>,
        browser_languages: &[String],
    ) -> Self {
        let state = State::new(Rc::new(config), page_lang, browser_languages);
        Controller::from_state(state, adapters)
    }

    /// A controller that carries out effects from `state` (not started: it has no page of
    /// its own yet). The returning-visit plan records what such a one would do.
    pub fn from_state(state: State, adapters: Adapters) -> Self {
        Controller(Rc::new(Inner {
            state: RefCell::new(state),
            adapters,
            listeners: RefCell::new(Vec::new()),
            next_listener: Cell::new(0),
        }))
    }

    /// Reads the stored choice and starts: Consent Mode defaults, gating, the banner if needed.
    pub fn start(&self, gpc: bool) {
        self.check_patterns();
        let stored = self.read_stored();
        self.dispatch(Event::Start { stored, gpc });
    }

    /// Starts where this page's returning-visit plan left off, `planned` being the stored
    /// text the plan ran with (see `State::resume`): what the plan did is not done again,
    /// what changed since is followed, and the gated elements run under the choice in force.
    pub fn resume(&self, planned: &str, gpc: bool) {
        self.check_patterns();
        let planned = ConsentRecord::decode(planned).ok();
        let current = self.read_stored();
        let (effects, snapshot) = {
            let mut state = self.0.state.borrow_mut();
            let effects = state.resume(planned, current, gpc, self.0.adapters.env.as_ref());
            (effects, state.clone())
        };
        self.carry_out(effects, &snapshot);
    }

    /// Carries `effects` out from `state`, in order, and tells the listeners.
    pub fn carry_out(&self, effects: Vec<Effect>, state: &State) {
        for effect in effects {
            self.run(effect, state);
        }
        self.tell_listeners();
    }

    /// Reports each `autoClear` pattern the browser cannot read as a regular expression,
    /// naming its field, when the page starts rather than at the first withdrawal.
    fn check_patterns(&self) {
        let (state, a) = (self.0.state.borrow(), &self.0.adapters);
        for category in &state.config.categories {
            for (i, pattern) in category.auto_clear.iter().enumerate() {
                if a.patterns.pattern_matches(pattern, "").is_none() {
                    a.console
                        .error(&auto_clear_problem(category.category, i, pattern));
                }
            }
        }
    }

    /// The stored record, or `None` (with a console warning) when it does not decode.
    pub fn read_stored(&self) -> Option<ConsentRecord> {
        let text = self.0.adapters.store.load()?;
        match ConsentRecord::decode(&text) {
            Ok(record) => Some(record),
            Err(e) => {
                self.0.adapters.console.warn(&format!("samtykke: {e}"));
                None
            }
        }
    }

    /// Another tab changed the stored record: follow it.
    pub fn stored_elsewhere(&self) {
        let stored = self.read_stored();
        self.dispatch(Event::StoredElsewhere(stored));
    }

    /// Runs gated elements that appeared after the last choice (a framework rendering late).
    pub fn reactivate(&self) {
        let state = self.0.state.borrow().clone();
        self.0
            .adapters
            .gate
            .activate(state.granted(), &state.services_on());
    }

    /// The page removed nodes: what the gate added beside them goes too.
    pub fn page_removed_nodes(&self) {
        self.0.adapters.gate.tidy();
    }

    /// A snapshot of the state.
    pub fn state(&self) -> State {
        self.0.state.borrow().clone()
    }

    /// Where the record is stored now (`localStorage`, `cookie` or `memory`).
    pub fn storage_kind(&self) -> &'static str {
        self.0.adapters.store.kind()
    }

    /// Calls `listener` after every event (the views re-render from it).
    pub fn subscribe(&self, listener: impl Fn() + 'static) -> Subscription {
        let id = self.0.next_listener.get();
        self.0.next_listener.set(id + 1);
        self.0.listeners.borrow_mut().push((id, Rc::new(listener)));
        Subscription {
            controller: Rc::downgrade(&self.0),
            id,
        }
    }

    /// Applies `event` and carries out its effects, then tells the listeners.
    pub fn dispatch(&self, event: Event) {
        let (effects, snapshot) = {
            let mut state = self.0.state.borrow_mut();
            let effects = state.reduce(event, self.0.adapters.env.as_ref());
            (effects, state.clone())
        };
        self.carry_out(effects, &snapshot);
    }

    fn tell_listeners(&self) {
        let listeners: Vec<Listener> = self
            .0
            .listeners
            .borrow()
            .iter()
            .map(|(_, l)| l.clone())
            .collect();
        for listener in listeners {
            listener();
        }
    }

    fn run(&self, effect: Effect, state: &State) {
        let a = &self.0.adapters;
        let config = &state.config;
        match effect {
            Effect::Persist(record) => {
                let max_age = lifetime_ms(config, record.granted) / 1000;
                match a.store.save(&record.encode(), max_age) {
                    Saved::Kept => {}
                    Saved::KeptWithoutMirror => a.console.warn(
                        "samtykke: cookie.mirror: the cookie could not be written; \
                         a server reading it does not see this choice",
                    ),
                    Saved::ThisPageOnly | Saved::Refused => a.console.warn(
                        "samtykke: the choice could not be stored; it lasts for this page only",
                    ),
                }
                a.other_tabs.tell_other_tabs();
                if config.consent_log.is_some() {
                    a.log.send_log(config, &record);
                }
            }
            Effect::ForgetStored => {
                a.store.clear();
                a.other_tabs.tell_other_tabs();
            }
            Effect::Activate(granted) => a.gate.activate(granted, &state.services_on()),
            Effect::Withdraw {
                categories,
                services,
            } => self.erase_cookies(config, categories, &services),
            Effect::Notify(notice) => a.events.notify(&notice, state),
            Effect::Reload => a.navigation.reload(),
            google @ (Effect::ConsentDefault
            | Effect::ConsentUpdate(_)
            | Effect::DisableGoogleAnalytics(_)
            | Effect::LoadGoogleAnalytics { .. }
            | Effect::GoogleSignals(_)
            | Effect::LoadTagManager
            | Effect::GtagSet(..)
            | Effect::ConsentEvent { .. }) => a.google.run(&google_steps(&google, config)),
        }
    }

    /// Erases the cookies of withdrawn categories and services (the core's
    /// `cookies_to_erase`), on the host and every parent domain.
    fn erase_cookies(&self, config: &Config, withdrawn: CategorySet, services: &[String]) {
        let a = &self.0.adapters;
        let present = a.cookies.read_all().into_iter().map(|(name, _)| name);
        // An invalid pattern matches nothing (it was reported when the page started).
        let names = cookies_to_erase(config, withdrawn, services, present, |pattern, name| {
            a.patterns.pattern_matches(pattern, name).unwrap_or(false)
        });
        let host = a.cookies.host();
        for name in names {
            for cookie in erase_everywhere(&name, &host, "/") {
                a.cookies.write(&cookie);
            }
        }
    }
}

impl std::fmt::Debug for Adapters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Adapters").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for WeakController {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WeakController").finish_non_exhaustive()
    }
}
