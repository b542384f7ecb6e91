//! Writing the returning-visit plan (see the core's `Plan` and `plan_for`): after every
//! change of the choice, the full engine stores what a start with that choice does on this
//! page, as the core's steps. The returning engine replays them on later page views while
//! the plan holds.

use super::document_cookies::DocumentCookies;
use super::local_storage::LocalStore;
use super::page::{has_any, WebEnvironment};
use super::ports::RecordStore;
use super::runtime::{Controller, Subscription};
use crate::core::{
    decode_value, only_cookie, plan_for, CategorySet, Plan, PlanPage, State, NOTICE_HOOK, PLAN_KEY,
};
use std::cell::Cell;

/// The plan for a later page view of this page with the choice of `state` (the core's
/// [`plan_for`], with this page's languages and the clock), or `None` when such a view needs
/// the full engine. `stored` is the record's text as the store read it; `cookie`, the value
/// of the domain cookie that keeps it (see `Plan::cookie`), or empty for a record in
/// `localStorage`.
pub fn make_plan(
    state: &State,
    config_text: &str,
    stored: &str,
    cookie: &str,
    gpc: bool,
) -> Option<Plan> {
    let languages = super::page::page_languages();
    let page = PlanPage {
        config_text,
        stored,
        cookie,
        gpc,
        languages: &languages,
    };
    plan_for(state, &page, &WebEnvironment)
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
