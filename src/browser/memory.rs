//! In-memory twins of the browser adapters, for native tests of the whole shell (and for
//! Rust apps that render on a server).

use super::ports::{
    ConsentLog, Console, CookieJar, CookiePatterns, GoogleTags, Navigation, OtherTabs, PageEvents,
    ScriptGate,
};
use crate::core::{
    json, CategorySet, Config, ConsentId, ConsentRecord, Environment, Notice, State, Step,
};
use std::cell::{Cell, RefCell};

#[derive(Clone, Debug)]
struct StoredCookie {
    name: String,
    value: String,
    domain: Option<String>,
    path: String,
}

/// A cookie jar that understands `Domain`, `Path` and `Max-Age`, as a browser would for
/// one page on `host`.
#[derive(Debug)]
pub struct MemoryCookieJar {
    host: String,
    secure: bool,
    cookies: RefCell<Vec<StoredCookie>>,
    /// When set, writes are ignored (cookies disabled).
    pub disabled: Cell<bool>,
}

impl MemoryCookieJar {
    /// An empty jar for a page on `host`.
    pub fn new(host: &str, secure: bool) -> Self {
        MemoryCookieJar {
            host: host.to_owned(),
            secure,
            cookies: RefCell::new(Vec::new()),
            disabled: Cell::new(false),
        }
    }

    /// The value of `name`, if set.
    pub fn value(&self, name: &str) -> Option<String> {
        self.read_all()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// The cookies set for a domain (not host-only), as cookie strings: what a sibling
    /// subdomain's page would see, for its own jar.
    pub fn domain_cookies(&self) -> Vec<String> {
        self.cookies
            .borrow()
            .iter()
            .filter_map(|c| {
                let domain = c.domain.as_ref()?;
                Some(format!(
                    "{}={}; Path={}; Domain={domain}",
                    c.name, c.value, c.path
                ))
            })
            .collect()
    }

    /// Every `(name, domain)` pair in the jar; host-only cookies show `None`.
    pub fn entries(&self) -> Vec<(String, Option<String>)> {
        self.cookies
            .borrow()
            .iter()
            .map(|c| (c.name.clone(), c.domain.clone()))
            .collect()
    }
}

impl CookieJar for MemoryCookieJar {
    fn read_all(&self) -> Vec<(String, String)> {
        self.cookies
            .borrow()
            .iter()
            .map(|c| (c.name.clone(), c.value.clone()))
            .collect()
    }

    fn write(&self, cookie: &str) {
        if self.disabled.get() {
            return;
        }
        let mut parts = cookie.split(';').map(str::trim);
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let (mut domain, mut path, mut expired) = (None, "/".to_owned(), false);
        for attribute in parts {
            let (key, val) = attribute.split_once('=').unwrap_or((attribute, ""));
            match key.to_ascii_lowercase().as_str() {
                "domain" => {
                    let d = val.trim_start_matches('.').to_ascii_lowercase();
                    // A page may only set cookies for its host and the host's parents.
                    if self.host != d && !self.host.ends_with(&format!(".{d}")) {
                        return;
                    }
                    domain = Some(d);
                }
                "path" => path = val.to_owned(),
                "max-age" => expired = val.parse::<i64>().is_ok_and(|s| s <= 0),
                _ => {}
            }
        }
        let mut cookies = self.cookies.borrow_mut();
        cookies.retain(|c| !(c.name == name && c.domain == domain && c.path == path));
        if !expired {
            cookies.push(StoredCookie {
                name: name.to_owned(),
                value: value.to_owned(),
                domain,
                path,
            });
        }
    }

    fn host(&self) -> String {
        self.host.clone()
    }

    fn is_secure_context(&self) -> bool {
        self.secure
    }
}

/// Records every Google tag call as one line of text, in order.
#[derive(Default, Debug)]
pub struct RecordingGoogleTags {
    /// The calls so far: `gtag consent default {...}`, `load https://...`, ...
    pub calls: RefCell<Vec<String>>,
}

impl GoogleTags for RecordingGoogleTags {
    fn run(&self, steps: &[Step]) {
        let mut calls = self.calls.borrow_mut();
        for step in steps {
            calls.push(match step {
                Step::GtagStub => "stub".to_owned(),
                Step::Gtag(args) => {
                    let args: Vec<String> = args
                        .iter()
                        .map(|a| a.as_str().map_or_else(|| json::write(a), str::to_owned))
                        .collect();
                    format!("gtag {}", args.join(" "))
                }
                Step::GtagJsStart => "gtag js <date>".to_owned(),
                Step::TagManagerStart => "push gtm.start <now>".to_owned(),
                Step::Script(src) => format!("load {src}"),
                Step::WindowFlag(name, value) => format!("flag {name}={value}"),
                Step::ConsentEvent(categories, services) => format!(
                    "push samtykke_consent_update {} / {}",
                    categories.join(","),
                    services.join(",")
                ),
                other => format!("{other:?}"),
            });
        }
    }
}

/// Records what the gate was asked to run.
#[derive(Default, Debug)]
pub struct RecordingGate {
    /// Each activation's granted categories.
    pub activations: RefCell<Vec<CategorySet>>,
}

impl ScriptGate for RecordingGate {
    fn activate(&self, granted: CategorySet, _services_on: &[String]) {
        self.activations.borrow_mut().push(granted);
    }
}

/// Records notices, warnings, errors, reloads and consent-log sends. Patterns are matched as
/// `^prefix`, `^exact$` or a plain substring, and one with unbalanced parentheses is invalid
/// (enough for tests; the browser uses `RegExp`).
#[derive(Default, Debug)]
pub struct RecordingPage {
    /// Notices in order.
    pub notices: RefCell<Vec<Notice>>,
    /// Console warnings in order.
    pub warnings: RefCell<Vec<String>>,
    /// Console errors in order.
    pub errors: RefCell<Vec<String>>,
    /// How often other tabs were told the stored choice changed.
    pub told_other_tabs: Cell<u32>,
    /// How many reloads were asked for.
    pub reloads: Cell<u32>,
    /// Consent ids sent to the log.
    pub logged: RefCell<Vec<String>>,
}

impl PageEvents for RecordingPage {
    fn notify(&self, notice: &Notice, _state: &State) {
        self.notices.borrow_mut().push(notice.clone());
    }
}

impl Console for RecordingPage {
    fn warn(&self, message: &str) {
        self.warnings.borrow_mut().push(message.to_owned());
    }
    fn error(&self, message: &str) {
        self.errors.borrow_mut().push(message.to_owned());
    }
}

impl OtherTabs for RecordingPage {
    fn tell_other_tabs(&self) {
        self.told_other_tabs.set(self.told_other_tabs.get() + 1);
    }
}

impl CookiePatterns for RecordingPage {
    fn pattern_matches(&self, pattern: &str, cookie_name: &str) -> Option<bool> {
        // An unbalanced group stands for any invalid pattern.
        if pattern.matches('(').count() != pattern.matches(')').count() {
            return None;
        }
        Some(
            match (pattern.strip_prefix('^'), pattern.strip_suffix('$')) {
                (Some(rest), _) if rest.ends_with('$') => {
                    rest.strip_suffix('$') == Some(cookie_name)
                }
                (Some(prefix), None) => cookie_name.starts_with(prefix),
                _ => cookie_name.contains(pattern),
            },
        )
    }
}

impl Navigation for RecordingPage {
    fn reload(&self) {
        self.reloads.set(self.reloads.get() + 1);
    }
}

impl ConsentLog for RecordingPage {
    fn send_log(&self, _config: &Config, record: &ConsentRecord) {
        self.logged.borrow_mut().push(record.id.to_string());
    }
}

pub use crate::core::testing::FixedEnvironment;

/// A full set of twins, kept by the test, and [`Adapters`](super::Adapters) that share them.
#[derive(Debug)]
pub struct Twins {
    /// The record store.
    pub store: std::rc::Rc<super::storage::MemoryStore>,
    /// The cookie jar.
    pub cookies: std::rc::Rc<MemoryCookieJar>,
    /// The Google tag recorder.
    pub google: std::rc::Rc<RecordingGoogleTags>,
    /// The gate recorder.
    pub gate: std::rc::Rc<RecordingGate>,
    /// The page recorder.
    pub page: std::rc::Rc<RecordingPage>,
    /// The clock.
    pub env: std::rc::Rc<FixedEnvironment>,
}

impl Twins {
    /// Fresh twins for a page on `host` at time `now_ms`.
    pub fn new(host: &str, now_ms: u64) -> Self {
        Twins {
            store: std::rc::Rc::new(super::storage::MemoryStore::labelled("localStorage")),
            cookies: std::rc::Rc::new(MemoryCookieJar::new(host, true)),
            google: Default::default(),
            gate: Default::default(),
            page: Default::default(),
            env: std::rc::Rc::new(FixedEnvironment::at(now_ms)),
        }
    }

    /// Adapters sharing these twins.
    pub fn adapters(&self) -> super::Adapters {
        super::Adapters {
            store: Box::new(self.store.clone()),
            cookies: self.cookies.clone(),
            google: Box::new(self.google.clone()),
            gate: Box::new(self.gate.clone()),
            events: Box::new(self.page.clone()),
            other_tabs: Box::new(self.page.clone()),
            console: Box::new(self.page.clone()),
            patterns: Box::new(self.page.clone()),
            navigation: Box::new(self.page.clone()),
            log: Box::new(self.page.clone()),
            env: Box::new(ForwardEnvironment(self.env.clone())),
        }
    }
}

struct ForwardEnvironment(std::rc::Rc<FixedEnvironment>);

impl Environment for ForwardEnvironment {
    fn now_ms(&self) -> u64 {
        self.0.now_ms()
    }
    fn fresh_id(&self) -> ConsentId {
        self.0.fresh_id()
    }
}
