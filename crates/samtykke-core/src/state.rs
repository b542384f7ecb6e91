//! The decision core: `State` plus `reduce(event) -> effects`. Every rule of who may run, when
//! the banner shows, what Google is told and what is erased is decided here, without a browser.

use super::category::{Category, CategorySet};
use super::config::{Config, ConsentMode};
use super::policy::{assess, gpc_applies, lifetime_ms};
use super::record::{ConsentId, ConsentRecord, Method};
use std::rc::Rc;

/// What is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Nothing (the settings button may show).
    Hidden,
    /// The first layer.
    Banner,
    /// The preferences dialog.
    Preferences,
}

/// Something that happened: a visitor's action, an API call, or news from the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The page loaded: the decoded stored record (if any) and whether GPC is sent.
    Start {
        /// The stored record, already decoded; `None` when absent or corrupt.
        stored: Option<ConsentRecord>,
        /// `navigator.globalPrivacyControl === true`.
        gpc: bool,
    },
    /// "Accept all".
    AcceptAll,
    /// "Reject all".
    RejectAll,
    /// Grant exactly these categories (plus `necessary`), each with all its services, as
    /// `accept(categories)`.
    Accept(CategorySet),
    /// Grant these categories with exactly these services (by config name), as
    /// `accept(categories, {services})`: a service grants its category too, and a category
    /// none of whose services is listed counts as refused.
    AcceptServices(CategorySet, Vec<String>),
    /// An embed's "Always allow": grant these categories on top of the choice in force,
    /// each new one with all its services; when the embed names its service (by config
    /// name), that service, and of its category only that one.
    AlwaysAllow(CategorySet, Option<String>),
    /// "Save preferences": grant what the switches say.
    SavePreferences,
    /// A category's switch in the preferences dialog was turned: its services follow it.
    Toggle(Category, bool),
    /// A service's switch in the preferences dialog was turned (by config name). Its
    /// category is on while any of its services is.
    ToggleService(String, bool),
    /// Show the first layer.
    ShowBanner,
    /// Open the preferences dialog.
    ShowPreferences,
    /// Close the preferences dialog without saving (Escape, Close).
    ClosePreferences,
    /// Hide whatever is shown.
    Hide,
    /// Forget the choice: everything non-necessary stops and the banner asks again.
    Reset,
    /// Switch the language of the texts.
    SetLanguage(String),
    /// A language file loaded: `language`'s built-in texts (see
    /// [`Config::add_language_pack`]).
    LanguagePack {
        /// The language's code.
        language: String,
        /// The file's JSON text.
        texts: String,
    },
    /// Another tab stored a different record (or removed it).
    StoredElsewhere(Option<ConsentRecord>),
}

/// Things the API and the page are told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Samtykke has started.
    Ready,
    /// A valid choice is in force (on load and after every choice).
    Consent,
    /// The granted categories or services changed; these are the ones that changed.
    Change {
        /// The categories granted before or after, not both.
        categories: CategorySet,
        /// The services on before or after, not both (by config name).
        services: Vec<String>,
    },
}

/// Work for the browser adapters, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Store this record.
    Persist(ConsentRecord),
    /// Remove the stored record.
    ForgetStored,
    /// `gtag('consent', 'default', ...)` with everything denied but security storage.
    ConsentDefault,
    /// `gtag('consent', 'update', ...)` for these granted categories (as Google is told
    /// them: see [`State::google_granted`]).
    ConsentUpdate(CategorySet),
    /// `gtag('set', name, on)` for a Consent Mode setting of the config's
    /// `googleAnalytics`: `ads_data_redaction` (on while marketing is refused) and
    /// `url_passthrough`.
    GtagSet(&'static str, bool),
    /// `dataLayer.push({event: "samtykke_consent_update", samtykke: {categories, services}})`
    /// after each consent default and update, so that a tag manager's triggers can fire on
    /// the choice in force.
    ConsentEvent {
        /// The categories granted (necessary only before a choice).
        granted: CategorySet,
        /// The services the record lists.
        services: Vec<String>,
    },
    /// Load the Google tag (`gtag/js`) and send `js` and `config`; `signals` says whether
    /// Google signals and ad personalisation signals are allowed (marketing consent).
    LoadGoogleAnalytics {
        /// Marketing is granted.
        signals: bool,
    },
    /// Marketing consent changed after the Google tag loaded: Google signals and ad
    /// personalisation signals follow it (`gtag('set', ...)`).
    GoogleSignals(bool),
    /// Set (`true`) or clear `window['ga-disable-<measurementId>']`. Basic Consent Mode only:
    /// in advanced mode the site chose cookieless pings, which the flag would stop.
    DisableGoogleAnalytics(bool),
    /// Load the Google Tag Manager container (`gtm.js`): only once statistics is granted, in
    /// every mode, because a container runs arbitrary tags.
    LoadTagManager,
    /// Run the gated scripts and embeds these categories allow.
    Activate(CategorySet),
    /// These categories and services were withdrawn: stop their tags and erase their
    /// cookies. (A withdrawn category's services are listed too.)
    Withdraw {
        /// The categories withdrawn.
        categories: CategorySet,
        /// The services withdrawn, by config name.
        services: Vec<String>,
    },
    /// Tell listeners.
    Notify(Notice),
    /// Reload the page (config `reloadOnWithdrawal`).
    Reload,
}

impl Effect {
    /// Whether a returning-visit plan carries this effect out itself (Google's tags and the
    /// page's events), so an engine resuming after it must not do it again.
    pub fn done_by_plan(&self) -> bool {
        matches!(
            self,
            Effect::ConsentDefault
                | Effect::ConsentUpdate(_)
                | Effect::GtagSet(..)
                | Effect::ConsentEvent { .. }
                | Effect::LoadGoogleAnalytics { .. }
                | Effect::GoogleSignals(_)
                | Effect::DisableGoogleAnalytics(_)
                | Effect::LoadTagManager
                | Effect::Notify(_)
        )
    }
}

/// Another environment's randomness, at a fixed time.
struct AtTime<'a>(u64, &'a dyn Environment);

impl Environment for AtTime<'_> {
    fn now_ms(&self) -> u64 {
        self.0
    }
    fn fresh_id(&self) -> ConsentId {
        self.1.fresh_id()
    }
}

/// The clock and the random source, provided by the shell.
pub trait Environment {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// A new random consent id.
    fn fresh_id(&self) -> ConsentId;
}

/// Everything the views and the API read.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The config in use.
    pub config: Rc<Config>,
    /// The language texts are shown in.
    pub language: String,
    /// The choice in force, if any.
    pub record: Option<ConsentRecord>,
    /// The banner should say that the browser's GPC signal is honoured.
    pub gpc_honoured: bool,
    /// What is on screen.
    pub view: View,
    /// The category switches of the preferences dialog.
    pub draft: CategorySet,
    /// The service switches of the preferences dialog that are on: bit `n` is the config's
    /// `n`th service (see [`State::draft_service_on`]).
    pub draft_services: u64,
    pub(super) google: GoogleLoaded,
}

/// What of Google's tags this page has loaded (nothing is ever unloaded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct GoogleLoaded {
    /// `Some(signals)` once `gtag/js` is loaded, with the Google signals flag last sent.
    pub(super) analytics: Option<bool>,
    /// `gtm.js` is loaded.
    pub(super) tag_manager: bool,
}

impl State {
    /// The state before `Event::Start`: nothing granted, nothing shown.
    pub fn new(config: Rc<Config>, page_lang: Option<&str>, browser_languages: &[String]) -> State {
        let language = config.choose_language(page_lang, browser_languages);
        State {
            config,
            language,
            record: None,
            gpc_honoured: false,
            view: View::Hidden,
            draft: CategorySet::necessary_only(),
            draft_services: 0,
            google: GoogleLoaded::default(),
        }
    }

    /// The services on now (by config name): the record's, or none.
    pub fn services(&self) -> &[String] {
        self.record.as_ref().map_or(&[], |r| &r.services)
    }

    /// The services on now: the record's, or before any choice `necessary`'s, which are
    /// always on.
    pub fn services_on(&self) -> Vec<String> {
        match &self.record {
            Some(record) => record.services.clone(),
            None => self
                .config
                .service_names(self.config.services_in(CategorySet::necessary_only())),
        }
    }

    /// Whether the service `name` is on now.
    pub fn is_service_granted(&self, name: &str) -> bool {
        self.services_on().iter().any(|s| s == name)
    }

    /// Whether the preferences dialog's switch of the service `name` is on.
    pub fn draft_service_on(&self, name: &str) -> bool {
        self.config.services_named(&[name.to_owned()]) & self.draft_services != 0
    }

    /// Whether a Google tag tied to `service` (`googleAnalytics.service`,
    /// `googleTagManager.service`) may run: statistics is granted, and so is the service
    /// when one is named.
    fn google_tag_allowed(&self, service: Option<&String>) -> bool {
        self.is_granted(Category::Statistics) && service.is_none_or(|s| self.is_service_granted(s))
    }

    /// What Google's Consent Mode is told is granted: the categories granted, but statistics
    /// only while Google Analytics' own service is on, where the config names one.
    pub fn google_granted(&self) -> CategorySet {
        let ga = self.config.google_analytics.as_ref();
        let statistics = self.google_tag_allowed(ga.and_then(|ga| ga.service.as_ref()));
        self.granted().set(Category::Statistics, statistics)
    }

    /// The categories in force: the record's, or only `necessary`.
    pub fn granted(&self) -> CategorySet {
        self.record
            .as_ref()
            .map_or(CategorySet::necessary_only(), |r| r.granted)
    }

    /// The language `setLanguage(code)` switches to: `code` if it is built in or the config
    /// gives texts for it (with region fallback), else the config's own choice.
    pub fn language_for(&self, code: &str) -> String {
        let mut fixed = (*self.config).clone();
        fixed.language = code.to_owned();
        fixed.choose_language(None, &[])
    }

    /// Whether `category` is granted now.
    pub fn is_granted(&self, category: Category) -> bool {
        self.granted().contains(category)
    }

    /// Whether the floating settings button should show.
    pub fn shows_settings_button(&self) -> bool {
        self.config.settings_button && self.view == View::Hidden && self.record.is_some()
    }

    /// Applies `event` and returns the work it needs, in order.
    pub fn reduce(&mut self, event: Event, env: &dyn Environment) -> Vec<Effect> {
        let mut effects = Vec::new();
        match event {
            Event::Start { stored, gpc } => self.start(stored, gpc, env, &mut effects),
            Event::AcceptAll => {
                self.choose(CategorySet::all(), Method::AcceptAll, env, &mut effects)
            }
            Event::RejectAll => {
                self.choose(CategorySet::EMPTY, Method::RejectAll, env, &mut effects)
            }
            Event::Accept(set) => self.choose(set, Method::Custom, env, &mut effects),
            Event::AcceptServices(set, names) => {
                let services = self.config.services_named(&names);
                let set = set.union(self.config.categories_of(services));
                self.choose_services(set, services, env, &mut effects);
            }
            Event::AlwaysAllow(wanted, service) => {
                let granted = self.granted();
                let named = service.map_or(0, |s| self.config.services_named(&[s]));
                let theirs = self.config.categories_of(named);
                let new = wanted
                    .iter()
                    .filter(|c| !granted.contains(*c) && !theirs.contains(*c));
                let added = named | self.config.services_in(new.collect());
                let services = self.config.services_named(self.services()) | added;
                let set = granted.union(wanted).union(theirs);
                self.choose_services(set, services, env, &mut effects);
            }
            Event::SavePreferences => {
                self.choose_services(self.draft, self.draft_services, env, &mut effects);
            }
            Event::Toggle(category, on) => {
                let theirs = self.config.services_in(CategorySet::EMPTY.with(category));
                self.switch(category, theirs, on);
            }
            Event::ToggleService(name, on) => {
                let service = self.config.services_named(std::slice::from_ref(&name));
                if let Some(category) = self.config.categories_of(service).iter().next() {
                    self.switch(category, service, on);
                }
            }
            Event::ShowBanner => self.view = View::Banner,
            Event::ShowPreferences => {
                self.redraft();
                self.view = View::Preferences;
            }
            Event::ClosePreferences => {
                if self.view == View::Preferences {
                    self.view = self.resting_view();
                }
            }
            Event::Hide => self.view = View::Hidden,
            Event::Reset => {
                effects.push(Effect::ForgetStored);
                self.replace_record(None, Stored::Already, &mut effects);
                self.view = View::Banner;
            }
            Event::SetLanguage(code) => {
                self.language = self.language_for(&code);
            }
            Event::LanguagePack { language, texts } => {
                Rc::make_mut(&mut self.config).add_language_pack(&language, &texts);
            }
            Event::StoredElsewhere(stored) => {
                let standing = assess(stored, &self.config, env.now_ms());
                let record = standing.valid().cloned();
                if record != self.record {
                    self.replace_record(record, Stored::Already, &mut effects);
                    self.view = self.resting_view();
                    // A choice made in another tab overrides GPC here too.
                    if self.record.is_some() && !self.gpc_refusal_in_force() {
                        self.gpc_honoured = false;
                    }
                }
            }
        }
        effects
    }

    fn start(
        &mut self,
        stored: Option<ConsentRecord>,
        gpc: bool,
        env: &dyn Environment,
        effects: &mut Vec<Effect>,
    ) {
        let had_stored = stored.is_some();
        let standing = assess(stored, &self.config, env.now_ms());
        effects.push(Effect::ConsentDefault);
        self.consent_settings(CategorySet::necessary_only(), Vec::new(), true, effects);
        if gpc_applies(&self.config, gpc, &standing) {
            self.gpc_honoured = true;
            let record = self.new_record(CategorySet::EMPTY, 0, Method::Gpc, env);
            effects.push(Effect::Persist(record.clone()));
            self.record = Some(record);
        } else {
            if had_stored && standing.valid().is_none() {
                effects.push(Effect::ForgetStored);
            }
            self.record = standing.valid().cloned();
            // A GPC refusal stored on an earlier page is the signal still being honoured.
            self.gpc_honoured = self.config.respect_gpc && gpc && self.gpc_refusal_in_force();
        }
        self.view = self.resting_view();
        let granted = self.granted();
        if self.record.is_some() {
            self.consent_update(effects);
        }
        self.load_google_tags_if_allowed(effects);
        effects.push(Effect::Activate(granted));
        effects.push(Effect::Notify(Notice::Ready));
        if self.record.is_some() {
            effects.push(Effect::Notify(Notice::Consent));
        }
    }

    /// What a later page view's start would do with the choice in force, when it may replay
    /// it without the full engine (a returning-visit plan): the state after that start and
    /// its effects, or `None` when the start stores, forgets, withdraws, reloads or shows
    /// anything (the full engine must then run). The language is chosen from that page's
    /// facts, as a fresh start would, not the one `setLanguage` chose here.
    pub fn returning_start(
        &self,
        gpc: bool,
        page_lang: Option<&str>,
        browser_languages: &[String],
        env: &dyn Environment,
    ) -> Option<(State, Vec<Effect>)> {
        self.record.as_ref()?;
        let mut fresh = State::new(self.config.clone(), page_lang, browser_languages);
        let effects = fresh.reduce(
            Event::Start {
                stored: self.record.clone(),
                gpc,
            },
            env,
        );
        let replayable = fresh.view == View::Hidden
            && fresh.record == self.record
            && !fresh.gpc_honoured
            && effects
                .iter()
                .all(|e| e.done_by_plan() || matches!(e, Effect::Activate(_)));
        replayable.then_some((fresh, effects))
    }

    /// Takes over where a returning-visit plan left off on this page. `planned` is the
    /// choice the plan ran with and `current` the one stored now (another tab may have
    /// changed or withdrawn it since, or it may have expired). The plan's start is taken
    /// as done (Google's tags, the page's events), as of when it ran; then whatever changed
    /// since is followed like news from another tab; then this page's gated elements are
    /// activated, once, under the choice in force now.
    pub fn resume(
        &mut self,
        planned: Option<ConsentRecord>,
        current: Option<ConsentRecord>,
        gpc: bool,
        env: &dyn Environment,
    ) -> Vec<Effect> {
        // The plan held when it ran, so its start is judged at the time its choice was made
        // (inside the record's window), not now.
        let then = AtTime(planned.as_ref().map_or(0, |r| r.given_at), env);
        let mut effects: Vec<Effect> = self
            .reduce(
                Event::Start {
                    stored: planned,
                    gpc,
                },
                &then,
            )
            .into_iter()
            .filter(|e| !e.done_by_plan() && !matches!(e, Effect::Activate(_)))
            .filter(|e| !matches!(e, Effect::ForgetStored | Effect::Persist(_)))
            .collect();
        effects.extend(
            self.reduce(Event::StoredElsewhere(current), env)
                .into_iter()
                .filter(|e| !matches!(e, Effect::Activate(_))),
        );
        effects.push(Effect::Activate(self.granted()));
        effects
    }

    /// What shows when no dialog is open: the banner until the visitor has chosen (a GPC
    /// refusal is not their choice), then nothing.
    fn resting_view(&self) -> View {
        if self.record.is_some() && !self.gpc_refusal_in_force() {
            View::Hidden
        } else {
            View::Banner
        }
    }

    /// Whether the record in force is the refusal recorded for a GPC signal.
    fn gpc_refusal_in_force(&self) -> bool {
        self.record
            .as_ref()
            .is_some_and(|r| r.method == Method::Gpc)
    }

    /// Turns the dialog's switches of `services` of `category` on or off (all of them: the
    /// category's switch). The category is on while any of its services is (one without
    /// services, as switched). `necessary` stays on.
    fn switch(&mut self, category: Category, services: u64, on: bool) {
        if category == Category::Necessary {
            return;
        }
        self.draft_services = if on {
            self.draft_services | services
        } else {
            self.draft_services & !services
        };
        let theirs = self.config.services_in(CategorySet::EMPTY.with(category));
        let on = if theirs == 0 {
            on
        } else {
            self.draft_services & theirs != 0
        };
        self.draft = self.draft.set(category, on);
    }

    /// Sets the dialog's switches to the choice in force.
    fn redraft(&mut self) {
        let services = self.config.services_named(self.services());
        (self.draft, self.draft_services) = settle(&self.config, self.granted(), services);
    }

    fn new_record(
        &self,
        wanted: CategorySet,
        services: u64,
        method: Method,
        env: &dyn Environment,
    ) -> ConsentRecord {
        let (granted, services) = settle(&self.config, wanted, services);
        let services = self.config.service_names(services);
        let given_at = env.now_ms();
        ConsentRecord {
            // One id for a visitor's chain of choices, so a consent log can follow changes.
            id: self
                .record
                .as_ref()
                .map_or_else(|| env.fresh_id(), |r| r.id.clone()),
            granted,
            services,
            revision: self.config.revision,
            given_at,
            expires_at: given_at + lifetime_ms(&self.config, granted),
            language: self.language.clone(),
            method,
            host: None,
        }
    }

    /// A custom choice of categories and services.
    fn choose_services(
        &mut self,
        wanted: CategorySet,
        services: u64,
        env: &dyn Environment,
        effects: &mut Vec<Effect>,
    ) {
        let record = self.new_record(wanted, services, Method::Custom, env);
        self.put_in_force(record, effects);
    }

    fn choose(
        &mut self,
        wanted: CategorySet,
        method: Method,
        env: &dyn Environment,
        effects: &mut Vec<Effect>,
    ) {
        let record = self.new_record(wanted, u64::MAX, method, env);
        self.put_in_force(record, effects);
    }

    fn put_in_force(&mut self, record: ConsentRecord, effects: &mut Vec<Effect>) {
        self.gpc_honoured = false;
        self.replace_record(Some(record), Stored::Now, effects);
        self.view = View::Hidden;
    }

    /// Puts `record` in force and lists what follows from the change. A choice made on this
    /// page is stored right after Google hears it: the click is the consent, so the tags
    /// answer it first, and the record is stored before any gated element runs or any page
    /// listener hears of it.
    fn replace_record(
        &mut self,
        record: Option<ConsentRecord>,
        stored: Stored,
        effects: &mut Vec<Effect>,
    ) {
        let before = self.granted();
        // Necessary's services are on before a choice and after a reset too: never changed.
        let services_before = self.config.services_named(&self.services_on());
        self.record = record;
        let after = self.granted();
        self.redraft();
        let changed = before.difference(after);
        let withdrawn = before.intersection(changed);
        let services_changed = services_before ^ self.config.services_named(&self.services_on());
        let services_withdrawn = self
            .config
            .service_names(services_before & services_changed);
        let services_changed = self.config.service_names(services_changed);
        let any_withdrawn = !withdrawn.is_empty() || !services_withdrawn.is_empty();
        self.consent_update(effects);
        self.load_google_tags_if_allowed(effects);
        if let (Stored::Now, Some(record)) = (stored, &self.record) {
            effects.push(Effect::Persist(record.clone()));
        }
        effects.push(Effect::Activate(after));
        if any_withdrawn {
            effects.push(Effect::Withdraw {
                categories: withdrawn,
                services: services_withdrawn,
            });
        }
        if self.record.is_some() {
            effects.push(Effect::Notify(Notice::Consent));
        }
        if !changed.is_empty() || !services_changed.is_empty() {
            effects.push(Effect::Notify(Notice::Change {
                categories: changed,
                services: services_changed,
            }));
        }
        if any_withdrawn && self.config.reload_on_withdrawal {
            effects.push(Effect::Reload);
        }
    }

    /// Tells Google the categories in force, and in basic mode turns Google Analytics off or
    /// on with them.
    fn consent_update(&self, effects: &mut Vec<Effect>) {
        let google = self.google_granted();
        effects.push(Effect::ConsentUpdate(google));
        if self
            .config
            .google_analytics
            .as_ref()
            .is_some_and(|ga| ga.consent_mode == ConsentMode::Basic)
        {
            effects.push(Effect::DisableGoogleAnalytics(
                !google.contains(Category::Statistics),
            ));
        }
        // Tag managers hear the choice itself: the categories and the services that are on.
        self.consent_settings(self.granted(), self.services().to_vec(), false, effects);
    }

    /// What follows each consent default (`first`) and update: the config's Consent Mode
    /// settings for these categories, then the dataLayer event for tag managers.
    fn consent_settings(
        &self,
        granted: CategorySet,
        services: Vec<String>,
        first: bool,
        effects: &mut Vec<Effect>,
    ) {
        if let Some(ga) = &self.config.google_analytics {
            if ga.ads_data_redaction {
                let refused = !granted.contains(Category::Marketing);
                effects.push(Effect::GtagSet("ads_data_redaction", refused));
            }
            if first && ga.url_passthrough {
                effects.push(Effect::GtagSet("url_passthrough", true));
            }
        }
        effects.push(Effect::ConsentEvent { granted, services });
    }

    /// Loads what of Google's tags may load now, and keeps the Google signals flags in step
    /// with marketing consent once the tag runs.
    fn load_google_tags_if_allowed(&mut self, effects: &mut Vec<Effect>) {
        let statistics = self.google_granted().contains(Category::Statistics);
        let signals = self.is_granted(Category::Marketing);
        if let Some(ga) = &self.config.google_analytics {
            match self.google.analytics {
                None if statistics || ga.consent_mode == ConsentMode::Advanced => {
                    self.google.analytics = Some(signals);
                    effects.push(Effect::LoadGoogleAnalytics { signals });
                }
                Some(sent) if sent != signals => {
                    self.google.analytics = Some(signals);
                    effects.push(Effect::GoogleSignals(signals));
                }
                _ => {}
            }
        }
        if let Some(gtm) = &self.config.google_tag_manager {
            if !self.google.tag_manager && self.google_tag_allowed(gtm.service.as_ref()) {
                self.google.tag_manager = true;
                effects.push(Effect::LoadTagManager);
            }
        }
    }
}

/// Whether a record put in force still has to be stored.
#[derive(Clone, Copy)]
enum Stored {
    /// Chosen on this page: store it.
    Now,
    /// Read from storage, or none: nothing to store.
    Already,
}

/// What a choice of `wanted` categories with `services` grants under `config`: the
/// categories the site uses, always with `necessary`, and of the services those that are in
/// `services` and a granted category, and all of `necessary`'s. A category with services
/// none of which is on counts as refused.
fn settle(config: &Config, wanted: CategorySet, services: u64) -> (CategorySet, u64) {
    let necessary = CategorySet::necessary_only();
    let services = services | config.services_in(necessary);
    let mut granted = wanted.union(necessary).intersection(config.category_set());
    for category in granted.iter() {
        let theirs = config.services_in(CategorySet::EMPTY.with(category));
        if theirs != 0 && theirs & services == 0 {
            granted = granted.without(category);
        }
    }
    (granted, services & config.services_in(granted))
}
