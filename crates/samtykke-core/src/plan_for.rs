//! Making a returning-visit [`Plan`] for a choice: what a later page view of this page does
//! when it starts with that choice, as steps the returning engine replays. The effects of
//! that start are the reducer's; each becomes the steps the engines carry it out with
//! ([`google_steps`], [`notice_event`]), so a plan cannot say what a start would not do.

use crate::page_events::{consent_json, notice_event};
use crate::plan::{context, fingerprint, PLAN_LIFETIME_MS};
use crate::{
    container_attributes, google_steps, in_force_window, json, page_languages, ConsentRecord,
    Effect, Environment, Plan, State, Step, TextKey,
};

/// The steps that carry out `effect` in the page, where steps can: Google's tags and the
/// page's events (as of `state`, the state it left). None for activating gated markup, which
/// the engine that runs the steps judges on its own. `None` for what steps cannot do
/// (storing, erasing, reloading).
pub fn effect_steps(effect: &Effect, state: &State) -> Option<Vec<Step>> {
    match effect {
        Effect::Notify(notice) => {
            let (name, detail) = notice_event(notice, state);
            Some(vec![Step::Event(name.to_owned(), detail)])
        }
        Effect::Activate(_) => Some(Vec::new()),
        google if google.done_by_plan() => Some(google_steps(google, &state.config)),
        _ => None,
    }
}

/// The floating settings button, when `state` shows it: its label and its container's
/// attributes.
pub fn settings_button_step(state: &State) -> Option<Step> {
    state.shows_settings_button().then(|| {
        Step::SettingsButton(
            state.config.text(&state.language, TextKey::CookieSettings),
            container_attributes(state)
                .iter()
                .flat_map(|(name, value)| [(*name).to_owned(), (*value).to_owned()])
                .collect(),
        )
    })
}

/// The page a plan is made on.
#[derive(Clone, Copy, Debug)]
pub struct PlanPage<'a> {
    /// The config's JSON text, as this page view read it.
    pub config_text: &'a str,
    /// The record's text as the store read it back.
    pub stored: &'a str,
    /// With `cookie.domain`, the value of the domain cookie that keeps the record (see
    /// [`Plan::cookie`]); empty for a record in `localStorage`.
    pub cookie: &'a str,
    /// The GPC signal.
    pub gpc: bool,
    /// `<html lang>` and the browser's languages, one per line ([`page_languages`]).
    pub languages: &'a str,
}

/// The plan for a later page view of `page` with the choice of `state`, or `None` when such
/// a view needs the full engine (or `stored` is not this choice).
pub fn plan_for(state: &State, page: &PlanPage<'_>, env: &dyn Environment) -> Option<Plan> {
    let record = state.record.as_ref()?;
    // The plan binds to the exact stored text: it must be this choice.
    let kept = ConsentRecord::decode(page.stored).ok()?;
    if kept.id != record.id || kept.given_at != record.given_at || kept.granted != record.granted {
        return None;
    }
    let (page_lang, browser) = page_languages(page.languages);
    let browser: Vec<&str> = browser.collect();
    let languages: Vec<String> = browser.iter().map(|l| (*l).to_owned()).collect();
    let (after, effects) = state.returning_start(page.gpc, page_lang, &languages, env)?;
    let mut steps = Vec::new();
    for effect in &effects {
        steps.extend(effect_steps(effect, &after)?);
    }
    steps.extend(settings_button_step(&after));
    let (valid_from, until_expiry) = in_force_window(record);
    // A plan also runs out on its own, so that a new build of Samtykke reaches returning
    // visitors within its lifetime even where its version string did not change.
    let valid_until = until_expiry.min(env.now_ms().saturating_add(PLAN_LIFETIME_MS));
    Some(Plan {
        fingerprint: fingerprint(page.config_text),
        key: after.config.cookie.name.clone(),
        stored: page.stored.to_owned(),
        cookie: page.cookie.to_owned(),
        context: context(page.gpc, page_lang, browser),
        valid_from,
        valid_until,
        granted: after.granted(),
        consent: json::write(&consent_json(&after)),
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::FixedEnvironment;
    use crate::{CategorySet, Config, Event, PlanText};
    use std::rc::Rc;

    const CONFIG: &str = r#"{"revision":1,"privacyPolicyUrl":"/privacy.html","categories":["necessary","preferences","statistics","marketing"],"googleAnalytics":{"measurementId":"G-PLAN123"}}"#;

    fn chosen(event: Event, env: &FixedEnvironment) -> State {
        let parsed = Config::from_json(CONFIG);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let mut state = State::new(Rc::new(parsed.config), None, &[]);
        state.reduce(
            Event::Start {
                stored: None,
                gpc: false,
            },
            env,
        );
        state.reduce(event, env);
        state
    }

    fn page(stored: &str) -> PlanPage<'_> {
        PlanPage {
            config_text: CONFIG,
            stored,
            cookie: "",
            gpc: false,
            languages: "en\nen-GB",
        }
    }

    #[test]
    fn a_plan_replays_what_a_start_with_the_choice_does() {
        let env = FixedEnvironment::at(1_700_000_000_000);
        let state = chosen(Event::AcceptAll, &env);
        let stored = state.record.as_ref().expect("a choice").encode();
        let plan = plan_for(&state, &page(&stored), &env).expect("a plan");
        assert_eq!(plan.fingerprint, fingerprint(CONFIG));
        assert_eq!(plan.stored, stored);
        assert_eq!(plan.key, state.config.cookie.name);
        assert_eq!(plan.granted, CategorySet::all());
        assert_eq!(plan.context, context(false, Some("en"), ["en-GB"]));
        assert!(plan.valid_until <= env.now_ms() + PLAN_LIFETIME_MS);
        let gtag_js = Step::Script("https://www.googletagmanager.com/gtag/js?id=G-PLAN123".into());
        assert!(plan.steps.contains(&gtag_js), "{:?}", plan.steps);
        let events: Vec<&str> = plan
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Event(name, _) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert!(events.contains(&"ready"), "{events:?}");
        assert!(
            matches!(plan.steps.last(), Some(Step::SettingsButton(label, _)) if label == "Cookie settings"),
            "the settings button comes last: {:?}",
            plan.steps.last()
        );
        // What the returning engine reads back is this plan.
        let text = plan.encode().expect("encodes");
        let read = PlanText::read(&text).expect("reads");
        assert_eq!(read.stored, stored);
    }

    #[test]
    fn a_refusal_loads_no_google_tag() {
        let env = FixedEnvironment::at(1_700_000_000_000);
        let state = chosen(Event::RejectAll, &env);
        let stored = state.record.as_ref().expect("a choice").encode();
        let plan = plan_for(&state, &page(&stored), &env).expect("a plan");
        assert_eq!(plan.granted, CategorySet::necessary_only());
        assert!(
            !plan.steps.iter().any(|s| matches!(s, Step::Script(_))),
            "{:?}",
            plan.steps
        );
    }

    #[test]
    fn no_plan_without_a_choice_or_for_another_stored_choice() {
        let env = FixedEnvironment::at(1_700_000_000_000);
        let undecided = State::new(Rc::new(Config::default()), None, &[]);
        assert_eq!(plan_for(&undecided, &page("{}"), &env), None);
        let accepted = chosen(Event::AcceptAll, &env);
        env.advance(1_000);
        let other = chosen(Event::AcceptAll, &env);
        let other_text = other.record.as_ref().expect("a choice").encode();
        assert_eq!(plan_for(&accepted, &page(&other_text), &env), None);
        assert_eq!(plan_for(&accepted, &page("not a record"), &env), None);
    }
}
