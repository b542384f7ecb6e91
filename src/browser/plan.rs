//! Writing the returning-visit plan (see the core's `Plan`): after every change of the
//! choice, the full engine records what a start with that choice does on this page, through
//! the same runtime, into adapters that write steps down instead of acting. The returning
//! engine replays them on later page views while the plan holds.

use super::document_cookies::DocumentCookies;
use super::local_storage::LocalStore;
use super::page::{has_any, notice_event, WebEnvironment, WebPage};
use super::ports::{GoogleTags, PageEvents, RecordStore, ScriptGate};
use super::runtime::{Adapters, Controller, Subscription};
use super::storage::MemoryStore;
use crate::core::json;
use crate::core::{
    decode_value, fingerprint, in_force_window, only_cookie, CategorySet, ConsentRecord,
    Environment, Notice, Plan, State, Step, TextKey, NOTICE_HOOK, PLAN_KEY, PLAN_LIFETIME_MS,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Steps written down by the recording adapters.
#[derive(Default)]
struct Steps {
    steps: RefCell<Vec<Step>>,
}

impl Steps {
    fn push(&self, step: Step) {
        self.steps.borrow_mut().push(step);
    }
}

impl GoogleTags for Steps {
    fn run(&self, steps: &[Step]) {
        self.steps.borrow_mut().extend_from_slice(steps);
    }
}

impl PageEvents for Steps {
    fn notify(&self, notice: &Notice, state: &State) {
        let (name, detail) = notice_event(notice, state);
        self.push(Step::Event(name.to_owned(), detail));
    }
}

/// The plan leaves gated elements out: the returning engine's gated-markup check runs the
/// page's own after the plan, or hands over to the full engine.
impl ScriptGate for Steps {
    fn activate(&self, _granted: CategorySet, _services_on: &[String]) {}
}

/// The plan for a later page view of this page with the choice of `state`, or `None` when
/// such a view needs the full engine. `stored` is the record's text as the store read it;
/// `cookie`, the value of the domain cookie that keeps it (see `Plan::cookie`), or empty for
/// a record in `localStorage`.
pub fn make_plan(
    state: &State,
    config_text: &str,
    stored: &str,
    cookie: &str,
    gpc: bool,
) -> Option<Plan> {
    let record = state.record.as_ref()?;
    // The plan binds to the exact stored text: it must be this choice.
    let kept = ConsentRecord::decode(stored).ok()?;
    if kept.id != record.id || kept.given_at != record.given_at || kept.granted != record.granted {
        return None;
    }
    let (page_lang, languages) = super::boot::page_languages();
    let (after, effects) =
        state.returning_start(gpc, page_lang.as_deref(), &languages, &WebEnvironment)?;
    let steps = Rc::new(Steps::default());
    let adapters = Adapters {
        store: Box::new(MemoryStore::default()),
        cookies: Rc::new(super::document_cookies::DocumentCookies),
        google: Box::new(steps.clone()),
        gate: Box::new(steps.clone()),
        events: Box::new(steps.clone()),
        other_tabs: Box::new(WebPage),
        console: Box::new(WebPage),
        patterns: Box::new(WebPage),
        navigation: Box::new(WebPage),
        log: Box::new(WebPage),
        env: Box::new(WebEnvironment),
    };
    Controller::from_state(after.clone(), adapters).carry_out(effects, &after);
    let mut steps = steps.steps.take();
    if after.shows_settings_button() {
        steps.push(Step::SettingsButton(
            after.config.text(&after.language, TextKey::CookieSettings),
            super::container::attributes(&after)
                .iter()
                .flat_map(|(name, value)| [(*name).to_owned(), (*value).to_owned()])
                .collect(),
        ));
    }
    let (valid_from, until_expiry) = in_force_window(record);
    // A plan also runs out on its own, so that a new build of Samtykke reaches returning
    // visitors within its lifetime even where its version string did not change.
    let valid_until = until_expiry.min(WebEnvironment.now_ms().saturating_add(PLAN_LIFETIME_MS));
    Some(Plan {
        fingerprint: fingerprint(config_text),
        key: after.config.cookie.name.clone(),
        stored: stored.to_owned(),
        cookie: cookie.to_owned(),
        context: super::boot::plan_context(),
        valid_from,
        valid_until,
        granted: after.granted(),
        consent: json::write(&super::page::consent_json(&after)),
        steps,
    })
}

/// Keeps this page's plan in step with the choice while the subscription lives: written
/// after each change of the choice (and once now), removed when no plan can hold. Only a
/// config without problems gets a plan (its messages must show on every page view).
#[must_use = "the plan stops following the choice as soon as this is dropped"]
pub fn keep_plan(controller: &Controller, config_text: String, config_ok: bool) -> Subscription {
    let last: Cell<Option<(u64, CategorySet)>> = Cell::new(None);
    let weak = controller.downgrade();
    let update = move || {
        let Some(c) = weak.upgrade() else {
            return;
        };
        let state = c.state();
        let now = state.record.as_ref().map(|r| (r.given_at, r.granted));
        if last.get() == Some(now.unwrap_or_default()) {
            return;
        }
        last.set(Some(now.unwrap_or_default()));
        write_plan(&c, &state, &config_text, config_ok);
    };
    update();
    controller.subscribe(update)
}

fn write_plan(controller: &Controller, state: &State, config_text: &str, config_ok: bool) {
    // One plan per origin, for the pages the returning engine serves: a page with a notice
    // needs the full engine anyway, so it leaves the plan as it is (a plan made for another
    // choice does not hold for this one). Gated markup is judged on each page view, by the
    // returning engine's gated-markup check.
    if has_any(NOTICE_HOOK) {
        return;
    }
    let plans = LocalStore::new(PLAN_KEY);
    let key = &state.config.cookie.name;
    // Where the record is: localStorage, or with `cookie.domain` the domain cookie, which
    // the plan binds to by its exact value (a host-only cookie of the name beside it, or
    // none, and there is no plan).
    let bound = match (config_ok, controller.storage_kind()) {
        (true, "localStorage") => LocalStore::new(key).load().map(|s| (s, String::new())),
        (true, "cookie") if state.config.cookie.domain.is_some() => {
            let header = DocumentCookies.header();
            only_cookie(&header, key)
                .and_then(|cookie| Some((decode_value(cookie)?, cookie.to_owned())))
        }
        _ => None,
    };
    let plan = bound
        .and_then(|(stored, cookie)| {
            make_plan(
                state,
                config_text,
                &stored,
                &cookie,
                super::boot::gpc_signal(),
            )
        })
        .and_then(|plan| plan.encode());
    match plan {
        Some(text) => {
            let _ = plans.save(&text, 0);
        }
        None => plans.clear(),
    }
}
