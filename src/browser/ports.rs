//! The small traits the controller drives. Each has a browser implementation and an in-memory
//! twin (`browser::memory`, feature `testing`) so the whole shell runs in native tests.

use crate::core::{CategorySet, Config, ConsentRecord, Notice, State, Step};

/// Where the encoded consent record lives.
pub trait RecordStore {
    /// The stored text, if any.
    fn load(&self) -> Option<String>;
    /// Stores `encoded`, and says how far the write got.
    fn save(&self, encoded: &str, max_age_secs: u64) -> Saved;
    /// Removes the stored record.
    fn clear(&self);
    /// Name of the backend, for diagnostics (`localStorage`, `cookie`, `memory`).
    fn kind(&self) -> &'static str;
}

/// How far a write of the record got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Kept for later pages.
    Kept,
    /// Kept for later pages, but the cookie mirror a server reads could not be written.
    KeptWithoutMirror,
    /// Kept in memory: the choice lasts for this page only.
    ThisPageOnly,
    /// Not kept at all.
    Refused,
}

/// `document.cookie`: read all, write one `Set-Cookie`-style string at a time.
pub trait CookieJar {
    /// Every cookie visible to the page as `(name, value)`.
    fn read_all(&self) -> Vec<(String, String)>;
    /// Writes one cookie string (`name=value; Path=/; Max-Age=...`).
    fn write(&self, cookie: &str);
    /// The page's host name, for `Domain` attributes.
    fn host(&self) -> String;
    /// Whether the page is served over https (for `Secure`).
    fn is_secure_context(&self) -> bool;
}

/// The Google tag: carries out the steps the core gives for it (`google_steps`: the `gtag()`
/// command queue, the tag scripts, the `ga-disable` flag, the tag managers' event).
pub trait GoogleTags {
    /// Carries out `steps`, in order.
    fn run(&self, steps: &[Step]);
}

/// Runs gated scripts and embeds on the page.
pub trait ScriptGate {
    /// Runs every gated element whose categories `granted` allows, and whose service (if it
    /// names one) is among `services_on`, once.
    fn activate(&self, granted: CategorySet, services_on: &[String]);
    /// The page removed nodes: remove what the gate added beside elements now gone.
    fn tidy(&self) {}
}

/// Tells the page's listeners: the JS API's `on()` and `samtykke:<event>` on `window`.
pub trait PageEvents {
    /// Dispatches `notice` with the state it is about.
    fn notify(&self, notice: &Notice, state: &State);
}

/// Tells the page's other tabs that the stored choice changed.
pub trait OtherTabs {
    /// Other tabs read the stored choice again.
    fn tell_other_tabs(&self);
}

/// The browser's console.
pub trait Console {
    /// A warning (bad stored data, blocked storage).
    fn warn(&self, message: &str);
    /// An error (a config problem found in the page).
    fn error(&self, message: &str);
}

/// Config `autoClear` patterns, which are regular expressions.
pub trait CookiePatterns {
    /// Whether `cookie_name` matches `pattern`; `None` when the pattern is not a valid one.
    fn pattern_matches(&self, pattern: &str, cookie_name: &str) -> Option<bool>;
}

/// Reloading the page (after a withdrawal, where the config asks for it).
pub trait Navigation {
    /// Reloads the page.
    fn reload(&self);
}

/// The consent log endpoint of the config.
pub trait ConsentLog {
    /// Sends the record there.
    fn send_log(&self, config: &Config, record: &ConsentRecord);
}

// Shared handles forward to the adapter, so a test can keep one to inspect a twin.
impl<T: CookieJar + ?Sized> CookieJar for std::rc::Rc<T> {
    fn read_all(&self) -> Vec<(String, String)> {
        (**self).read_all()
    }
    fn write(&self, cookie: &str) {
        (**self).write(cookie)
    }
    fn host(&self) -> String {
        (**self).host()
    }
    fn is_secure_context(&self) -> bool {
        (**self).is_secure_context()
    }
}

impl<T: GoogleTags + ?Sized> GoogleTags for std::rc::Rc<T> {
    fn run(&self, steps: &[Step]) {
        (**self).run(steps)
    }
}

impl<T: ScriptGate + ?Sized> ScriptGate for std::rc::Rc<T> {
    fn activate(&self, granted: CategorySet, services_on: &[String]) {
        (**self).activate(granted, services_on)
    }
    fn tidy(&self) {
        (**self).tidy()
    }
}

impl<T: PageEvents + ?Sized> PageEvents for std::rc::Rc<T> {
    fn notify(&self, notice: &Notice, state: &State) {
        (**self).notify(notice, state)
    }
}

impl<T: OtherTabs + ?Sized> OtherTabs for std::rc::Rc<T> {
    fn tell_other_tabs(&self) {
        (**self).tell_other_tabs()
    }
}

impl<T: Console + ?Sized> Console for std::rc::Rc<T> {
    fn warn(&self, message: &str) {
        (**self).warn(message)
    }
    fn error(&self, message: &str) {
        (**self).error(message)
    }
}

impl<T: CookiePatterns + ?Sized> CookiePatterns for std::rc::Rc<T> {
    fn pattern_matches(&self, pattern: &str, cookie_name: &str) -> Option<bool> {
        (**self).pattern_matches(pattern, cookie_name)
    }
}

impl<T: Navigation + ?Sized> Navigation for std::rc::Rc<T> {
    fn reload(&self) {
        (**self).reload()
    }
}

impl<T: ConsentLog + ?Sized> ConsentLog for std::rc::Rc<T> {
    fn send_log(&self, config: &Config, record: &ConsentRecord) {
        (**self).send_log(config, record)
    }
}
