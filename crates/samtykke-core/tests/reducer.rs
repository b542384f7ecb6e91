#![cfg(not(target_arch = "wasm32"))]
//! Scenarios of `State::reduce` with a fixed clock and counter-based consent ids.

use samtykke_core::testing::FixedEnvironment;
use samtykke_core::{Category, CategorySet, Config, ConsentRecord, Event, State, View};
use samtykke_core::{ConsentId, Method};
use samtykke_core::{Effect, Notice};
use std::rc::Rc;

const NOW: u64 = 1_800_000_000_000;
const DAY_MS: u64 = 86_400_000;

use Category::{Marketing, Necessary, Preferences, Statistics};

fn set(categories: &[Category]) -> CategorySet {
    categories
        .iter()
        .copied()
        .fold(CategorySet::necessary_only(), CategorySet::with)
}

fn config(json: &str) -> Rc<Config> {
    let parsed = Config::from_json(json);
    assert_eq!(parsed.problems, vec![], "test config must be valid");
    Rc::new(parsed.config)
}

/// The minimal config of the product contract (all four categories, GA).
fn ga_config() -> Rc<Config> {
    config(
        r#"{
            "revision": 1,
            "privacyPolicyUrl": "/privacy.html",
            "categories": ["necessary", "preferences", "statistics", "marketing"],
            "googleAnalytics": { "measurementId": "G-TEST123", "anonymizeIp": true }
        }"#,
    )
}

fn plain_config() -> Rc<Config> {
    config(r#"{"categories": ["necessary", "preferences", "statistics", "marketing"]}"#)
}

fn with_json(extra: &str) -> Rc<Config> {
    config(&format!(
        r#"{{"categories": ["necessary", "preferences", "statistics", "marketing"], {extra}}}"#
    ))
}

/// The effects without the Consent Mode settings and the tag managers' event that follow
/// each consent default and update (`consent_settings_follow_each_default_and_update` checks
/// those).
fn settled(effects: &[Effect]) -> Vec<Effect> {
    effects
        .iter()
        .filter(|e| !matches!(e, Effect::GtagSet(..) | Effect::ConsentEvent { .. }))
        .cloned()
        .collect()
}

fn state(config: Rc<Config>) -> State {
    State::new(config, Some("en"), &[])
}

/// A state that has started on a first visit, without GPC.
fn started(config: Rc<Config>, env: &FixedEnvironment) -> State {
    let mut s = state(config);
    s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        env,
    );
    s
}

fn stored_record(granted: CategorySet, method: Method, given_at: u64, days: u64) -> ConsentRecord {
    ConsentRecord {
        id: ConsentId::from_random_bytes([0xab; 16]),
        granted,
        services: vec![],
        revision: 1,
        given_at,
        expires_at: given_at + days * DAY_MS,
        language: "en".to_owned(),
        method,
        host: None,
    }
}

/// The record in a `Persist` effect, checking there is exactly one.
fn persisted(effects: &[Effect]) -> ConsentRecord {
    let records: Vec<&ConsentRecord> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Persist(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(records.len(), 1, "expected one Persist in {effects:?}");
    records[0].clone()
}

/// The change notice of a choice that changes no service.
fn change(categories: CategorySet) -> Notice {
    Notice::Change {
        categories,
        services: vec![],
    }
}

/// The withdrawal of categories that have no services.
fn withdraw(categories: CategorySet) -> Effect {
    Effect::Withdraw {
        categories,
        services: vec![],
    }
}

fn loads(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| {
            matches!(
                e,
                Effect::LoadGoogleAnalytics { .. } | Effect::LoadTagManager
            )
        })
        .count()
}

#[test]
fn first_visit_shows_the_banner_and_runs_only_necessary() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    assert_eq!(s.view, View::Hidden);
    let effects = s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentDefault,
            Effect::Activate(CategorySet::necessary_only()),
            Effect::Notify(Notice::Ready),
        ]
    );
    assert_eq!(s.view, View::Banner);
    assert_eq!(s.record, None);
    assert!(!s.gpc_honoured);
    assert!(!s.shows_settings_button());
    assert!(s.is_granted(Necessary));
    for c in [Preferences, Statistics, Marketing] {
        assert!(!s.is_granted(c), "{c}");
    }
    assert_eq!(env.ids_handed_out(), 0, "no id before a choice");
}

#[test]
fn browsing_the_banner_never_loads_google_tags() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    let mut all = s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    for event in [
        Event::ShowPreferences,
        Event::Toggle(Statistics, true),
        Event::Toggle(Statistics, false),
        Event::ClosePreferences,
        Event::ShowBanner,
        Event::SetLanguage("nb".into()),
        Event::Hide,
    ] {
        all.extend(s.reduce(event, &env));
    }
    assert_eq!(loads(&all), 0, "{all:?}");
    assert!(!all.iter().any(|e| matches!(e, Effect::Persist(_))));
}

#[test]
fn accept_all_persists_updates_consent_and_loads_google_tags_once() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    env.advance(5_000);
    let effects = s.reduce(Event::AcceptAll, &env);
    let record = persisted(&effects);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentUpdate(CategorySet::all()),
            Effect::DisableGoogleAnalytics(false),
            Effect::LoadGoogleAnalytics { signals: true },
            Effect::Persist(record.clone()),
            Effect::Activate(CategorySet::all()),
            Effect::Notify(Notice::Consent),
            Effect::Notify(change(
                set(&[Preferences, Statistics, Marketing]).without(Necessary)
            )),
        ]
    );
    assert_eq!(record.id, FixedEnvironment::id(1));
    assert_eq!(record.granted, CategorySet::all());
    assert_eq!(record.method, Method::AcceptAll);
    assert_eq!(record.revision, 1);
    assert_eq!(record.given_at, NOW + 5_000);
    assert_eq!(record.expires_at, NOW + 5_000 + 365 * DAY_MS);
    assert_eq!(record.language, "en");
    assert_eq!(s.record.as_ref(), Some(&record));
    assert_eq!(s.view, View::Hidden);
    assert!(s.shows_settings_button());
    // What is persisted can be read back on the next page.
    assert_eq!(ConsentRecord::decode(&record.encode()), Ok(record));

    let again = s.reduce(Event::AcceptAll, &env);
    assert_eq!(loads(&again), 0, "the tag is never loaded twice: {again:?}");
    assert!(!again
        .iter()
        .any(|e| matches!(e, Effect::Notify(Notice::Change { .. }))));
    assert_eq!(persisted(&again).id, FixedEnvironment::id(1));
}

#[test]
fn reject_all_persists_a_refusal_and_loads_nothing() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let effects = s.reduce(Event::RejectAll, &env);
    let record = persisted(&effects);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentUpdate(CategorySet::necessary_only()),
            Effect::DisableGoogleAnalytics(true),
            Effect::Persist(record.clone()),
            Effect::Activate(CategorySet::necessary_only()),
            Effect::Notify(Notice::Consent),
        ]
    );
    assert_eq!(record.granted, CategorySet::necessary_only());
    assert_eq!(record.method, Method::RejectAll);
    assert_eq!(
        record.expires_at,
        NOW + 182 * DAY_MS,
        "refusals expire sooner"
    );
    assert_eq!(s.view, View::Hidden);
    assert!(!s.is_granted(Statistics));
}

#[test]
fn custom_choice_via_switches_and_save() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    assert!(s.reduce(Event::ShowPreferences, &env).is_empty());
    assert_eq!(s.view, View::Preferences);
    for event in [
        Event::Toggle(Preferences, true),
        Event::Toggle(Marketing, true),
        Event::Toggle(Marketing, false),
        Event::Toggle(Necessary, false),
    ] {
        assert!(s.reduce(event, &env).is_empty(), "toggling has no effect");
    }
    assert_eq!(
        s.draft,
        set(&[Preferences]),
        "necessary cannot be switched off"
    );
    assert_eq!(s.record, None, "nothing is granted before saving");
    let effects = s.reduce(Event::SavePreferences, &env);
    let record = persisted(&effects);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentUpdate(set(&[Preferences])),
            Effect::DisableGoogleAnalytics(true),
            Effect::Persist(record.clone()),
            Effect::Activate(set(&[Preferences])),
            Effect::Notify(Notice::Consent),
            Effect::Notify(change(CategorySet::EMPTY.with(Preferences))),
        ]
    );
    assert_eq!(record.method, Method::Custom);
    assert_eq!(record.granted, set(&[Preferences]));
    assert_eq!(s.view, View::Hidden);
    assert_eq!(loads(&effects), 0, "no statistics, no Google tag");
}

#[test]
fn accept_grants_exactly_the_given_categories_plus_necessary() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let effects = s.reduce(Event::Accept(CategorySet::EMPTY.with(Statistics)), &env);
    assert_eq!(persisted(&effects).granted, set(&[Statistics]));
    assert_eq!(persisted(&effects).method, Method::Custom);
    assert_eq!(loads(&effects), 1);
}

#[test]
fn withdrawing_statistics_withdraws_and_notifies_the_change() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(
        s.draft,
        CategorySet::all(),
        "the dialog shows what is granted"
    );
    s.reduce(Event::Toggle(Statistics, false), &env);
    let effects = s.reduce(Event::SavePreferences, &env);
    let record = persisted(&effects);
    let rest = set(&[Preferences, Marketing]);
    let statistics = CategorySet::EMPTY.with(Statistics);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentUpdate(rest),
            Effect::DisableGoogleAnalytics(true),
            Effect::Persist(record.clone()),
            Effect::Activate(rest),
            withdraw(statistics),
            Effect::Notify(Notice::Consent),
            Effect::Notify(change(statistics)),
        ]
    );
    assert!(!effects.contains(&Effect::Reload));
    assert_eq!(
        record.id,
        FixedEnvironment::id(1),
        "the consent id is kept across changes"
    );
    assert!(!s.is_granted(Statistics));
}

#[test]
fn reload_on_withdrawal_reloads_only_after_a_withdrawal() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(with_json(r#""reloadOnWithdrawal": true"#), &env);
    let granting = s.reduce(Event::Accept(set(&[Statistics, Marketing])), &env);
    assert!(!granting.contains(&Effect::Reload), "{granting:?}");
    let withdrawing = s.reduce(Event::Accept(set(&[Statistics])), &env);
    assert_eq!(withdrawing.last(), Some(&Effect::Reload), "{withdrawing:?}");
    assert!(withdrawing.contains(&withdraw(CategorySet::EMPTY.with(Marketing))));
    assert_eq!(
        withdrawing.iter().filter(|e| **e == Effect::Reload).count(),
        1
    );
    let reset = s.reduce(Event::Reset, &env);
    assert_eq!(reset.last(), Some(&Effect::Reload), "{reset:?}");
}

#[test]
fn a_valid_stored_record_hides_the_banner_and_updates_consent_before_loading() {
    let env = FixedEnvironment::at(NOW);
    let granted = set(&[Statistics]);
    let stored = stored_record(granted, Method::Custom, NOW - 10 * DAY_MS, 365);
    let mut s = state(ga_config());
    let effects = s.reduce(
        Event::Start {
            stored: Some(stored.clone()),
            gpc: false,
        },
        &env,
    );
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentDefault,
            Effect::ConsentUpdate(granted),
            Effect::DisableGoogleAnalytics(false),
            Effect::LoadGoogleAnalytics { signals: false },
            Effect::Activate(granted),
            Effect::Notify(Notice::Ready),
            Effect::Notify(Notice::Consent),
        ]
    );
    assert_eq!(s.view, View::Hidden);
    assert_eq!(s.record, Some(stored));
    assert!(s.shows_settings_button());
    assert_eq!(env.ids_handed_out(), 0);
}

#[test]
fn a_valid_stored_refusal_loads_nothing() {
    let env = FixedEnvironment::at(NOW);
    let stored = stored_record(CategorySet::necessary_only(), Method::RejectAll, NOW, 182);
    let mut s = state(ga_config());
    let effects = s.reduce(
        Event::Start {
            stored: Some(stored),
            gpc: false,
        },
        &env,
    );
    assert_eq!(loads(&effects), 0);
    assert!(effects.contains(&Effect::ConsentUpdate(CategorySet::necessary_only())));
    assert_eq!(s.view, View::Hidden);
}

fn start_with_stale(stored: ConsentRecord, config: Rc<Config>) -> (State, Vec<Effect>) {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(config);
    let effects = s.reduce(
        Event::Start {
            stored: Some(stored),
            gpc: false,
        },
        &env,
    );
    (s, effects)
}

#[test]
fn stale_records_show_the_banner_and_are_forgotten() {
    let expected = vec![
        Effect::ConsentDefault,
        Effect::ForgetStored,
        Effect::Activate(CategorySet::necessary_only()),
        Effect::Notify(Notice::Ready),
    ];
    let all = CategorySet::all();
    let cases = [
        (
            "expired",
            stored_record(all, Method::AcceptAll, NOW - 365 * DAY_MS, 365),
            ga_config(),
        ),
        (
            "other revision",
            stored_record(all, Method::AcceptAll, NOW - DAY_MS, 365),
            with_json(r#""revision": 2, "googleAnalytics": {"measurementId": "G-TEST123"}"#),
        ),
        (
            "from the future",
            stored_record(all, Method::AcceptAll, NOW + 30 * DAY_MS, 365),
            ga_config(),
        ),
        (
            "longer than the site keeps a choice",
            stored_record(all, Method::AcceptAll, NOW - DAY_MS, 365),
            with_json(r#""expiryDays": 30, "googleAnalytics": {"measurementId": "G-TEST123"}"#),
        ),
        (
            "expiring before it was given",
            ConsentRecord {
                expires_at: NOW - 2 * DAY_MS,
                ..stored_record(all, Method::AcceptAll, NOW - DAY_MS, 365)
            },
            ga_config(),
        ),
    ];
    for (name, stored, config) in cases {
        let (s, effects) = start_with_stale(stored, config);
        assert_eq!(settled(&effects), expected, "{name}");
        assert_eq!(s.view, View::Banner, "{name}");
        assert_eq!(s.record, None, "{name}");
        assert!(!s.is_granted(Statistics), "{name}");
    }
}

#[test]
fn gpc_without_a_record_is_recorded_as_a_refusal() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    let effects = s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    let record = persisted(&effects);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentDefault,
            Effect::Persist(record.clone()),
            Effect::ConsentUpdate(CategorySet::necessary_only()),
            Effect::DisableGoogleAnalytics(true),
            Effect::Activate(CategorySet::necessary_only()),
            Effect::Notify(Notice::Ready),
            Effect::Notify(Notice::Consent),
        ]
    );
    assert_eq!(record.method, Method::Gpc);
    assert_eq!(record.granted, CategorySet::necessary_only());
    assert_eq!(record.expires_at, NOW + 182 * DAY_MS);
    assert_eq!(record.id, FixedEnvironment::id(1));
    assert!(s.gpc_honoured);
    assert_eq!(
        s.view,
        View::Banner,
        "the banner says the signal is honoured"
    );
    assert!(!s.is_granted(Statistics));
    assert_eq!(ConsentRecord::decode(&record.encode()), Ok(record));
}

#[test]
fn gpc_is_honoured_again_on_the_next_page() {
    // The GPC refusal stored on the first page is found on the second one.
    let env = FixedEnvironment::at(NOW);
    let mut first = state(ga_config());
    let stored = persisted(&first.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    ));
    env.advance(60_000);
    let mut second = state(ga_config());
    let effects = second.reduce(
        Event::Start {
            stored: Some(stored.clone()),
            gpc: true,
        },
        &env,
    );
    assert!(!effects.iter().any(|e| matches!(e, Effect::Persist(_))));
    assert_eq!(loads(&effects), 0);
    assert_eq!(second.record, Some(stored));
    assert_eq!(second.view, View::Banner);
    assert!(second.gpc_honoured, "the banner must say why it is there");
}

#[test]
fn gpc_is_ignored_when_the_site_says_so_or_a_choice_exists() {
    let env = FixedEnvironment::at(NOW);
    let mut ignoring = state(with_json(r#""respectGpc": false"#));
    let effects = ignoring.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    assert!(!effects.iter().any(|e| matches!(e, Effect::Persist(_))));
    assert!(!ignoring.gpc_honoured);
    assert_eq!(ignoring.record, None);

    let stored = stored_record(CategorySet::all(), Method::AcceptAll, NOW, 365);
    let mut chosen = state(ga_config());
    let effects = chosen.reduce(
        Event::Start {
            stored: Some(stored.clone()),
            gpc: true,
        },
        &env,
    );
    assert!(!chosen.gpc_honoured);
    assert_eq!(chosen.record, Some(stored));
    assert_eq!(chosen.view, View::Hidden);
    assert_eq!(loads(&effects), 1);
}

#[test]
fn an_explicit_choice_overrides_gpc() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    let gpc_id = s.record.as_ref().unwrap().id.clone();
    let effects = s.reduce(Event::AcceptAll, &env);
    let record = persisted(&effects);
    assert_eq!(record.method, Method::AcceptAll);
    assert_eq!(record.granted, CategorySet::all());
    assert_eq!(record.id, gpc_id);
    assert_eq!(loads(&effects), 1);
    assert!(!s.gpc_honoured);
    assert_eq!(s.view, View::Hidden);
}

#[test]
fn closing_preferences_over_a_gpc_refusal_returns_to_the_banner() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.draft, CategorySet::necessary_only());
    s.reduce(Event::ClosePreferences, &env);
    assert_eq!(s.view, View::Banner);
    assert!(s.gpc_honoured);
}

#[test]
fn advanced_consent_mode_loads_analytics_at_start_without_consent() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(with_json(
        r#""googleAnalytics": {"measurementId": "G-TEST123", "consentMode": "advanced"}"#,
    ));
    let effects = s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentDefault,
            Effect::LoadGoogleAnalytics { signals: false },
            Effect::Activate(CategorySet::necessary_only()),
            Effect::Notify(Notice::Ready),
        ]
    );
    assert!(!s.is_granted(Statistics));
    let accept = s.reduce(Event::AcceptAll, &env);
    assert_eq!(loads(&accept), 0, "already loaded: {accept:?}");
    assert!(accept.contains(&Effect::ConsentUpdate(CategorySet::all())));
    assert!(accept.contains(&Effect::GoogleSignals(true)));
}

/// Advanced mode exists for cookieless pings: a refusal or a withdrawal must not switch
/// Google Analytics off with `ga-disable-<id>`.
#[test]
fn advanced_consent_mode_never_sets_the_disable_flag() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(with_json(
        r#""googleAnalytics": {"measurementId": "G-TEST123", "consentMode": "advanced"}"#,
    ));
    let mut all = s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    for event in [
        Event::RejectAll,
        Event::AcceptAll,
        Event::RejectAll,
        Event::Reset,
    ] {
        all.extend(s.reduce(event, &env));
    }
    assert!(
        !all.iter()
            .any(|e| matches!(e, Effect::DisableGoogleAnalytics(_))),
        "{all:?}"
    );
    // Basic mode sets it on a refusal and clears it on consent.
    let mut s = started(ga_config(), &env);
    let reject = s.reduce(Event::RejectAll, &env);
    assert!(reject.contains(&Effect::DisableGoogleAnalytics(true)));
    let accept = s.reduce(Event::AcceptAll, &env);
    assert!(accept.contains(&Effect::DisableGoogleAnalytics(false)));
}

/// A container runs arbitrary tags, and not all of them honour Consent Mode: it waits for
/// statistics in every mode, whatever the visitor does before, GPC included.
#[test]
fn google_tag_manager_waits_for_statistics_in_every_mode() {
    for mode in ["basic", "advanced"] {
        let env = FixedEnvironment::at(NOW);
        let config = with_json(&format!(
            r#""googleAnalytics": {{"measurementId": "G-TEST123", "consentMode": "{mode}"}},
               "googleTagManager": {{"containerId": "GTM-ABCD123"}}"#
        ));
        for gpc in [false, true] {
            let mut s = state(config.clone());
            let mut before = s.reduce(Event::Start { stored: None, gpc }, &env);
            for event in [
                Event::RejectAll,
                Event::Accept(set(&[Marketing, Preferences])),
                Event::ShowPreferences,
                Event::Toggle(Statistics, true),
                Event::ClosePreferences,
                Event::Reset,
            ] {
                before.extend(s.reduce(event, &env));
            }
            assert!(
                !before.contains(&Effect::LoadTagManager),
                "{mode}, gpc {gpc}: {before:?}"
            );
            let accept = s.reduce(Event::Accept(set(&[Statistics])), &env);
            let tag_manager = accept
                .iter()
                .filter(|e| **e == Effect::LoadTagManager)
                .count();
            assert_eq!(tag_manager, 1, "{mode}: {accept:?}");
        }
    }
    // A returning visitor who granted statistics gets the container at start.
    let env = FixedEnvironment::at(NOW);
    let mut s = state(with_json(
        r#""googleTagManager": {"containerId": "GTM-ABCD123"}"#,
    ));
    let stored = stored_record(set(&[Statistics]), Method::Custom, NOW, 365);
    let start = s.reduce(
        Event::Start {
            stored: Some(stored),
            gpc: false,
        },
        &env,
    );
    assert!(start.contains(&Effect::LoadTagManager), "{start:?}");
}

/// Google signals follow marketing consent after the tag loaded, on the same page, both ways.
#[test]
fn google_signals_follow_later_changes_of_marketing() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let statistics_only = s.reduce(Event::Accept(set(&[Statistics])), &env);
    assert!(statistics_only.contains(&Effect::LoadGoogleAnalytics { signals: false }));
    let with_marketing = s.reduce(Event::Accept(set(&[Statistics, Marketing])), &env);
    assert!(
        with_marketing.contains(&Effect::GoogleSignals(true)),
        "{with_marketing:?}"
    );
    assert_eq!(loads(&with_marketing), 0);
    let same = s.reduce(
        Event::Accept(set(&[Statistics, Marketing, Preferences])),
        &env,
    );
    assert!(
        !same.iter().any(|e| matches!(e, Effect::GoogleSignals(_))),
        "no change, nothing sent: {same:?}"
    );
    let without = s.reduce(Event::RejectAll, &env);
    assert!(
        without.contains(&Effect::GoogleSignals(false)),
        "{without:?}"
    );
    // Before the tag loads there is nothing to tell.
    let mut s = started(ga_config(), &env);
    let marketing = s.reduce(Event::Accept(set(&[Marketing])), &env);
    assert!(!marketing.iter().any(|e| matches!(
        e,
        Effect::GoogleSignals(_) | Effect::LoadGoogleAnalytics { .. }
    )));
}

#[test]
fn google_tag_manager_alone_waits_for_statistics() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(with_json(
        r#""googleTagManager": {"containerId": "GTM-ABCD123"}"#,
    ));
    let start = s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    assert_eq!(loads(&start), 0);
    assert_eq!(loads(&s.reduce(Event::Accept(set(&[Marketing])), &env)), 0);
    assert_eq!(loads(&s.reduce(Event::Accept(set(&[Statistics])), &env)), 1);
}

#[test]
fn no_google_config_never_loads_tags() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(plain_config(), &env);
    assert_eq!(loads(&s.reduce(Event::AcceptAll, &env)), 0);
}

#[test]
fn preferences_draft_from_current_grants_and_nothing_is_pre_ticked() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.view, View::Preferences);
    assert_eq!(s.draft, CategorySet::necessary_only(), "nothing pre-ticked");
    // Unsaved switches are dropped when the dialog opens again.
    s.reduce(Event::Toggle(Marketing, true), &env);
    s.reduce(Event::ClosePreferences, &env);
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.draft, CategorySet::necessary_only());
    s.reduce(Event::Accept(set(&[Statistics])), &env);
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.draft, set(&[Statistics]));
}

#[test]
fn closing_preferences_returns_to_where_the_visitor_was() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::ShowPreferences, &env);
    assert!(s.reduce(Event::ClosePreferences, &env).is_empty());
    assert_eq!(s.view, View::Banner, "no choice yet: back to the banner");
    s.reduce(Event::RejectAll, &env);
    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::ClosePreferences, &env);
    assert_eq!(s.view, View::Hidden, "after a choice: nothing shown");
    // Closing when the dialog is not open changes nothing.
    s.reduce(Event::ShowBanner, &env);
    s.reduce(Event::ClosePreferences, &env);
    assert_eq!(s.view, View::Banner);
    s.reduce(Event::Hide, &env);
    assert_eq!(s.view, View::Hidden);
}

#[test]
fn another_tabs_record_is_applied() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let elsewhere = stored_record(set(&[Statistics]), Method::Custom, NOW, 365);
    let effects = s.reduce(Event::StoredElsewhere(Some(elsewhere.clone())), &env);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ConsentUpdate(set(&[Statistics])),
            Effect::DisableGoogleAnalytics(false),
            Effect::LoadGoogleAnalytics { signals: false },
            Effect::Activate(set(&[Statistics])),
            Effect::Notify(Notice::Consent),
            Effect::Notify(change(CategorySet::EMPTY.with(Statistics))),
        ]
    );
    assert!(
        !effects.contains(&Effect::Persist(elsewhere.clone())),
        "not stored again"
    );
    assert_eq!(s.record, Some(elsewhere.clone()));
    assert_eq!(s.view, View::Hidden);
    // The same news twice changes nothing.
    assert!(s
        .reduce(Event::StoredElsewhere(Some(elsewhere)), &env)
        .is_empty());
    // The other tab reset: this one withdraws too and asks again.
    let removed = s.reduce(Event::StoredElsewhere(None), &env);
    assert_eq!(
        settled(&removed),
        vec![
            Effect::ConsentUpdate(CategorySet::necessary_only()),
            Effect::DisableGoogleAnalytics(true),
            Effect::Activate(CategorySet::necessary_only()),
            withdraw(CategorySet::EMPTY.with(Statistics)),
            Effect::Notify(change(CategorySet::EMPTY.with(Statistics))),
        ]
    );
    assert_eq!(s.record, None);
    assert_eq!(s.view, View::Banner);
}

#[test]
fn another_tabs_stale_record_is_no_record() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let expired = stored_record(
        CategorySet::all(),
        Method::AcceptAll,
        NOW - 400 * DAY_MS,
        365,
    );
    assert!(s
        .reduce(Event::StoredElsewhere(Some(expired)), &env)
        .is_empty());
    assert_eq!(s.record, None);
    let broken = ConsentRecord {
        expires_at: NOW - DAY_MS,
        ..stored_record(CategorySet::all(), Method::AcceptAll, NOW, 365)
    };
    assert!(s
        .reduce(Event::StoredElsewhere(Some(broken)), &env)
        .is_empty());
    assert!(!s.is_granted(Marketing));
}

#[test]
fn another_tabs_explicit_choice_ends_the_gpc_notice() {
    let env = FixedEnvironment::at(NOW);
    let mut s = state(ga_config());
    s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    assert!(s.gpc_honoured);
    let chosen = stored_record(CategorySet::all(), Method::AcceptAll, NOW, 365);
    s.reduce(Event::StoredElsewhere(Some(chosen)), &env);
    assert_eq!(s.view, View::Hidden);
    assert!(!s.gpc_honoured);
    // Another tab's GPC refusal keeps the banner up here, as on a page load.
    let mut t = state(ga_config());
    t.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    let other_gpc = stored_record(CategorySet::necessary_only(), Method::Gpc, NOW, 182);
    t.reduce(Event::StoredElsewhere(Some(other_gpc.clone())), &env);
    assert_eq!(t.record, Some(other_gpc));
    assert_eq!(t.view, View::Banner);
    assert!(t.gpc_honoured);
}

#[test]
fn reset_forgets_withdraws_and_asks_again_with_a_fresh_id() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    s.reduce(Event::Accept(set(&[Statistics, Marketing])), &env);
    let old_id = s.record.as_ref().unwrap().id.clone();
    assert_eq!(old_id, FixedEnvironment::id(1));
    let effects = s.reduce(Event::Reset, &env);
    let withdrawn = set(&[Statistics, Marketing]).without(Necessary);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ForgetStored,
            Effect::ConsentUpdate(CategorySet::necessary_only()),
            Effect::DisableGoogleAnalytics(true),
            Effect::GoogleSignals(false),
            Effect::Activate(CategorySet::necessary_only()),
            withdraw(withdrawn),
            Effect::Notify(change(withdrawn)),
        ]
    );
    assert_eq!(s.record, None);
    assert_eq!(s.view, View::Banner);
    assert!(!s.shows_settings_button());
    let next = persisted(&s.reduce(Event::RejectAll, &env));
    assert_eq!(next.id, FixedEnvironment::id(2), "a fresh id after reset");
    assert_ne!(next.id, old_id);
}

#[test]
fn reset_before_any_choice_withdraws_nothing() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    let effects = s.reduce(Event::Reset, &env);
    assert_eq!(
        settled(&effects),
        vec![
            Effect::ForgetStored,
            Effect::ConsentUpdate(CategorySet::necessary_only()),
            Effect::DisableGoogleAnalytics(true),
            Effect::Activate(CategorySet::necessary_only()),
        ]
    );
}

#[test]
fn categories_not_in_the_config_are_never_granted() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(
        config(
            r#"{"categories": ["necessary", "statistics"], "googleAnalytics": {"measurementId": "G-TEST123"}}"#,
        ),
        &env,
    );
    let only = set(&[Statistics]);
    let effects = s.reduce(Event::AcceptAll, &env);
    assert_eq!(persisted(&effects).granted, only);
    assert!(effects.contains(&Effect::ConsentUpdate(only)));
    assert!(effects.contains(&Effect::Activate(only)));
    assert!(!s.is_granted(Marketing) && !s.is_granted(Preferences));

    let effects = s.reduce(Event::Accept(CategorySet::all()), &env);
    assert_eq!(persisted(&effects).granted, only);

    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::Toggle(Marketing, true), &env);
    let effects = s.reduce(Event::SavePreferences, &env);
    assert_eq!(persisted(&effects).granted, only);
    assert!(!s.is_granted(Marketing));
}

#[test]
fn a_record_lists_the_services_of_granted_categories() {
    let env = FixedEnvironment::at(NOW);
    let c = config(
        r#"{"categories": [
            "necessary",
            {"name": "statistics", "services": [{"name": "google-analytics"}, {"name": "matomo"}]},
            {"name": "marketing", "services": [{"name": "meta-pixel"}]}
        ]}"#,
    );
    let mut s = started(c, &env);
    let all = persisted(&s.reduce(Event::AcceptAll, &env));
    assert_eq!(all.services, ["google-analytics", "matomo", "meta-pixel"]);
    let some = persisted(&s.reduce(Event::Accept(set(&[Marketing])), &env));
    assert_eq!(some.services, ["meta-pixel"]);
    let none = persisted(&s.reduce(Event::RejectAll, &env));
    assert!(none.services.is_empty());
    assert_eq!(ConsentRecord::decode(&all.encode()), Ok(all));
}

#[test]
fn a_choice_records_the_language_and_revision_in_use() {
    let env = FixedEnvironment::at(NOW);
    let mut s = State::new(with_json(r#""revision": 7"#), Some("nb-NO"), &[]);
    assert_eq!(s.language, "nb");
    s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    let r = persisted(&s.reduce(Event::AcceptAll, &env));
    assert_eq!((r.language.as_str(), r.revision), ("nb", 7));
    s.reduce(Event::SetLanguage("en".into()), &env);
    assert_eq!(s.language, "en");
    s.reduce(Event::SetLanguage("xx".into()), &env);
    assert_eq!(
        s.language, "en",
        "unsupported languages fall back to English"
    );
    let r = persisted(&s.reduce(Event::RejectAll, &env));
    assert_eq!(r.language, "en");
}

#[test]
fn the_settings_button_follows_the_config() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(with_json(r#""settingsButton": false"#), &env);
    s.reduce(Event::AcceptAll, &env);
    assert_eq!(s.view, View::Hidden);
    assert!(!s.shows_settings_button());
}

#[test]
fn a_record_found_later_expires_on_its_own_clock() {
    // A choice made now is valid on a page loaded just before it expires, not just after.
    let env = FixedEnvironment::at(NOW);
    let mut s = started(plain_config(), &env);
    let record = persisted(&s.reduce(Event::AcceptAll, &env));
    env.advance(365 * DAY_MS - 1);
    let mut before = state(plain_config());
    before.reduce(
        Event::Start {
            stored: Some(record.clone()),
            gpc: false,
        },
        &env,
    );
    assert_eq!(before.view, View::Hidden);
    env.advance(1);
    let mut after = state(plain_config());
    let effects = after.reduce(
        Event::Start {
            stored: Some(record),
            gpc: false,
        },
        &env,
    );
    assert_eq!(after.view, View::Banner);
    assert!(effects.contains(&Effect::ForgetStored));
}

// The returning-visit plan: what a later page view may replay without the full engine.

#[test]
fn a_returning_start_is_the_start_of_a_page_with_the_choice_in_force() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    let (after, effects) = s
        .returning_start(false, Some("en"), &[], &env)
        .expect("replayable");
    assert_eq!(after.record, s.record);
    assert_eq!(after.view, View::Hidden);
    let mut fresh = state(ga_config());
    let start = fresh.reduce(
        Event::Start {
            stored: s.record.clone(),
            gpc: false,
        },
        &env,
    );
    assert_eq!(
        effects, start,
        "the very effects of a start with the stored choice"
    );
    assert!(effects.contains(&Effect::LoadGoogleAnalytics { signals: true }));
}

#[test]
fn nothing_to_replay_without_a_choice_or_when_the_start_would_store_or_show() {
    let env = FixedEnvironment::at(NOW);
    let s = started(ga_config(), &env);
    assert_eq!(
        s.returning_start(false, Some("en"), &[], &env),
        None,
        "no choice: the banner shows"
    );
    // A refusal stored for the GPC signal keeps the banner up: the full engine runs.
    let mut s = state(with_json(r#""respectGpc": true"#));
    s.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    assert!(s.record.is_some());
    assert_eq!(s.returning_start(true, Some("en"), &[], &env), None);
}

#[test]
fn a_resumed_start_only_activates_what_the_plan_left() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    let mut resumed = state(ga_config());
    let effects = resumed.resume(s.record.clone(), s.record.clone(), false, &env);
    assert_eq!(effects, vec![Effect::Activate(CategorySet::all())]);
    assert_eq!(resumed.record, s.record);
    // The tags count as loaded: a later change sends signals, it does not load them again.
    let effects = resumed.reduce(Event::Accept(set(&[Statistics])), &env);
    assert!(
        effects.contains(&Effect::GoogleSignals(false)),
        "{effects:?}"
    );
    assert!(!effects
        .iter()
        .any(|e| matches!(e, Effect::LoadGoogleAnalytics { .. })));
}

#[test]
fn a_resumed_start_follows_a_withdrawal_made_meanwhile_before_activating_anything() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    let mut resumed = state(ga_config());
    let effects = resumed.resume(s.record.clone(), None, false, &env);
    let necessary = CategorySet::necessary_only();
    assert!(
        effects.contains(&Effect::ConsentUpdate(necessary)),
        "{effects:?}"
    );
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Withdraw { .. })),
        "{effects:?}"
    );
    // Gated elements run once, under the choice in force now: only necessary.
    let activations: Vec<_> = effects
        .iter()
        .filter(|e| matches!(e, Effect::Activate(_)))
        .collect();
    assert_eq!(activations, [&Effect::Activate(necessary)]);
    assert!(!effects.contains(&Effect::ForgetStored));
    assert_eq!(resumed.view, View::Banner);
}

#[test]
fn a_resumed_start_whose_choice_expired_meanwhile_denies_and_forgets_nothing_stored_now() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_config(), &env);
    s.reduce(Event::AcceptAll, &env);
    let record = s.record.clone().unwrap();
    let later = FixedEnvironment::at(record.expires_at + 1);
    let mut resumed = state(ga_config());
    let effects = resumed.resume(Some(record.clone()), Some(record), false, &later);
    assert!(!effects.contains(&Effect::ForgetStored), "{effects:?}");
    assert!(
        effects.contains(&Effect::ConsentUpdate(CategorySet::necessary_only())),
        "{effects:?}"
    );
    assert_eq!(resumed.record, None);
    assert_eq!(resumed.view, View::Banner);
}

/// After each consent default and update: `ads_data_redaction` while marketing is refused
/// (default on), `url_passthrough` once with the default when the config asks for it, then
/// the dataLayer event carrying the categories and services in force.
#[test]
fn consent_settings_follow_each_default_and_update() {
    let env = FixedEnvironment::at(NOW);
    let event = |granted: CategorySet, services: &[&str]| Effect::ConsentEvent {
        granted,
        services: services.iter().map(|s| (*s).to_owned()).collect(),
    };
    let redaction = |on: bool| Effect::GtagSet("ads_data_redaction", on);
    let begin = |s: &mut State, stored: Option<ConsentRecord>| {
        s.reduce(Event::Start { stored, gpc: false }, &env)
    };
    let mut s = state(ga_config());
    let start = begin(&mut s, None);
    assert_eq!(
        start[..3],
        [
            Effect::ConsentDefault,
            redaction(true),
            event(CategorySet::necessary_only(), &[]),
        ]
    );
    let accept = s.reduce(Event::AcceptAll, &env);
    let update = accept
        .iter()
        .position(|e| *e == Effect::ConsentUpdate(CategorySet::all()))
        .expect("an update");
    assert_eq!(
        accept[update + 2..update + 4],
        [redaction(false), event(CategorySet::all(), &[])],
        "after the update and ga-disable: {accept:?}"
    );
    let reject = s.reduce(Event::RejectAll, &env);
    assert!(reject.contains(&redaction(true)), "{reject:?}");
    assert!(reject.contains(&event(CategorySet::necessary_only(), &[])));

    // The services of the record in force travel with the event.
    let mut record = stored_record(set(&[Statistics]), Method::Custom, NOW, 365);
    record.services = vec!["google-analytics".to_owned()];
    let mut s = state(config(
        r#"{"categories": ["necessary", {"name": "statistics", "services": [{"name": "google-analytics"}]}],
            "googleAnalytics": {"measurementId": "G-TEST1", "adsDataRedaction": false, "urlPassthrough": true}}"#,
    ));
    let start = begin(&mut s, Some(record));
    assert_eq!(
        start[..4],
        [
            Effect::ConsentDefault,
            Effect::GtagSet("url_passthrough", true),
            event(CategorySet::necessary_only(), &[]),
            Effect::ConsentUpdate(set(&[Statistics])),
        ]
    );
    assert!(
        start.contains(&event(set(&[Statistics]), &["google-analytics"])),
        "{start:?}"
    );
    assert!(
        !start
            .iter()
            .any(|e| matches!(e, Effect::GtagSet("ads_data_redaction", _))),
        "adsDataRedaction: false sends none: {start:?}"
    );
    assert_eq!(
        start
            .iter()
            .filter(|e| matches!(e, Effect::GtagSet("url_passthrough", _)))
            .count(),
        1,
        "url_passthrough once, with the default"
    );

    // Without Google Analytics there are no settings, but tag managers still hear the choice.
    let mut s = state(plain_config());
    let start = begin(&mut s, None);
    assert_eq!(
        start[..2],
        [
            Effect::ConsentDefault,
            event(CategorySet::necessary_only(), &[])
        ]
    );
}
// ---- per-service choices ----------------------------------------------------------------

/// Two categories with two services each, a cookie-table-only service under necessary, and
/// Google Analytics tied to its service.
fn services_config(extra: &str) -> Rc<Config> {
    config(&format!(
        r#"{{"categories": [
            {{"name": "necessary", "services": [{{"name": "session"}}]}},
            "preferences",
            {{"name": "statistics", "services": [{{"name": "google-analytics"}}, {{"name": "matomo"}}]}},
            {{"name": "marketing", "services": [{{"name": "youtube"}}, {{"name": "meta-pixel"}}]}}
        ]{extra}}}"#
    ))
}

fn ga_service_config() -> Rc<Config> {
    services_config(
        r#", "googleAnalytics": {"measurementId": "G-TEST123", "service": "google-analytics"}"#,
    )
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The services whose switch is on in the preferences dialog, in config order.
fn draft_services(s: &State) -> Vec<&'static str> {
    [
        "session",
        "google-analytics",
        "matomo",
        "youtube",
        "meta-pixel",
    ]
    .into_iter()
    .filter(|name| s.draft_service_on(name))
    .collect()
}

#[test]
fn necessarys_services_are_on_before_any_choice_and_only_they() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    assert_eq!(s.record, None);
    assert_eq!(s.services_on(), names(&["session"]), "what gating lets run");
    assert!(s.is_service_granted("session"));
    assert!(!s.is_service_granted("google-analytics"));
    s.reduce(Event::Accept(set(&[Statistics])), &env);
    assert_eq!(
        s.services_on(),
        names(&["session", "google-analytics", "matomo"]),
        "after a choice, the record's"
    );
}

#[test]
fn a_category_switch_turns_its_services_on_and_off_together() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.draft, CategorySet::necessary_only(), "nothing pre-ticked");
    assert_eq!(
        draft_services(&s),
        ["session"],
        "necessary's services are always on"
    );
    assert!(s.reduce(Event::Toggle(Statistics, true), &env).is_empty());
    assert_eq!(s.draft, set(&[Statistics]));
    assert_eq!(
        draft_services(&s),
        ["session", "google-analytics", "matomo"]
    );
    s.reduce(Event::Toggle(Statistics, false), &env);
    assert_eq!(s.draft, CategorySet::necessary_only());
    assert_eq!(draft_services(&s), ["session"]);
}

#[test]
fn a_service_switch_turns_one_service_and_its_category_follows() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::Toggle(Statistics, true), &env);
    assert!(s
        .reduce(Event::ToggleService("matomo".into(), false), &env)
        .is_empty());
    assert_eq!(s.draft, set(&[Statistics]), "one service is still on");
    s.reduce(Event::ToggleService("google-analytics".into(), false), &env);
    assert_eq!(
        s.draft,
        CategorySet::necessary_only(),
        "a category whose services are all off is off"
    );
    s.reduce(Event::ToggleService("youtube".into(), true), &env);
    assert_eq!(
        s.draft,
        set(&[Marketing]),
        "a service on turns its category on"
    );
    assert_eq!(draft_services(&s), ["session", "youtube"]);
    // Necessary's services cannot be switched off, nor can unknown names be switched on.
    s.reduce(Event::ToggleService("session".into(), false), &env);
    s.reduce(Event::ToggleService("vimeo".into(), true), &env);
    assert_eq!(draft_services(&s), ["session", "youtube"]);
    assert_eq!(s.record, None, "nothing is granted before saving");
}

#[test]
fn a_saved_choice_records_exactly_the_services_that_are_on() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::Toggle(Statistics, true), &env);
    s.reduce(Event::Toggle(Marketing, true), &env);
    s.reduce(Event::ToggleService("youtube".into(), false), &env);
    let effects = s.reduce(Event::SavePreferences, &env);
    let record = persisted(&effects);
    assert_eq!(record.granted, set(&[Statistics, Marketing]));
    assert_eq!(
        record.services,
        ["session", "google-analytics", "matomo", "meta-pixel"],
        "in config order, without the one switched off"
    );
    assert_eq!(record.method, Method::Custom);
    assert!(s.is_service_granted("meta-pixel") && !s.is_service_granted("youtube"));
    // Necessary's service was on before the choice too: it did not change.
    assert!(effects.contains(&Effect::Notify(Notice::Change {
        categories: CategorySet::EMPTY.with(Statistics).with(Marketing),
        services: names(&["google-analytics", "matomo", "meta-pixel"]),
    })));
    // The dialog opens on the choice in force.
    s.reduce(Event::ShowPreferences, &env);
    assert_eq!(s.draft, set(&[Statistics, Marketing]));
    assert_eq!(draft_services(&s), record.services);
    // A reset withdraws what was chosen, and necessary's service stays on.
    let effects = s.reduce(Event::Reset, &env);
    assert!(effects.contains(&Effect::Withdraw {
        categories: CategorySet::EMPTY.with(Statistics).with(Marketing),
        services: names(&["google-analytics", "matomo", "meta-pixel"]),
    }));
    assert!(s.is_service_granted("session"));
}

#[test]
fn a_category_whose_services_are_all_off_counts_as_refused() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::Toggle(Statistics, true), &env);
    s.reduce(Event::Toggle(Preferences, true), &env);
    s.reduce(Event::ToggleService("google-analytics".into(), false), &env);
    s.reduce(Event::ToggleService("matomo".into(), false), &env);
    let record = persisted(&s.reduce(Event::SavePreferences, &env));
    assert_eq!(record.granted, set(&[Preferences]), "statistics is refused");
    assert_eq!(record.services, ["session"]);
    // The same through the API: statistics with none of its services.
    let record = persisted(&s.reduce(
        Event::AcceptServices(set(&[Statistics, Preferences]), vec![]),
        &env,
    ));
    assert_eq!(record.granted, set(&[Preferences]));
    assert_eq!(s.draft, set(&[Preferences]));
}

#[test]
fn accept_all_grants_every_service_and_reject_all_none() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    let all = persisted(&s.reduce(Event::AcceptAll, &env));
    assert_eq!(
        all.services,
        [
            "session",
            "google-analytics",
            "matomo",
            "youtube",
            "meta-pixel"
        ]
    );
    let none = persisted(&s.reduce(Event::RejectAll, &env));
    assert_eq!(none.services, ["session"], "necessary's services stay on");
    assert_eq!(none.granted, CategorySet::necessary_only());
    let mut gpc = state(services_config(""));
    let effects = gpc.reduce(
        Event::Start {
            stored: None,
            gpc: true,
        },
        &env,
    );
    assert_eq!(persisted(&effects).services, ["session"]);
}

#[test]
fn accept_with_services_grants_exactly_those_and_their_categories() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    // Without services, as before: every service of the categories.
    let record = persisted(&s.reduce(Event::Accept(set(&[Statistics])), &env));
    assert_eq!(record.services, ["session", "google-analytics", "matomo"]);
    // With services: exactly those; a service grants its category; a category none of whose
    // services is listed is refused; a category without services is granted as asked.
    let record = persisted(&s.reduce(
        Event::AcceptServices(
            set(&[Statistics, Preferences]),
            names(&["youtube", "unknown"]),
        ),
        &env,
    ));
    assert_eq!(record.granted, set(&[Preferences, Marketing]));
    assert_eq!(record.services, ["session", "youtube"]);
    assert_eq!(record.method, Method::Custom);
}

#[test]
fn google_analytics_needs_its_service() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(ga_service_config(), &env);
    let effects = s.reduce(
        Event::AcceptServices(set(&[Statistics]), names(&["matomo"])),
        &env,
    );
    assert_eq!(persisted(&effects).granted, set(&[Statistics]));
    assert_eq!(
        loads(&effects),
        0,
        "statistics without Google Analytics' service"
    );
    assert!(effects.contains(&Effect::ConsentUpdate(CategorySet::necessary_only())));
    assert!(effects.contains(&Effect::DisableGoogleAnalytics(true)));
    assert_eq!(s.google_granted(), CategorySet::necessary_only());

    let effects = s.reduce(Event::AcceptAll, &env);
    assert_eq!(loads(&effects), 1);
    assert!(effects.contains(&Effect::ConsentUpdate(CategorySet::all())));
    assert!(effects.contains(&Effect::DisableGoogleAnalytics(false)));

    // Turning its service off while statistics stays granted is a withdrawal.
    s.reduce(Event::ShowPreferences, &env);
    s.reduce(Event::ToggleService("google-analytics".into(), false), &env);
    let effects = s.reduce(Event::SavePreferences, &env);
    let record = persisted(&effects);
    assert!(record.granted.contains(Statistics));
    assert_eq!(
        effects,
        vec![
            Effect::ConsentUpdate(CategorySet::all().without(Statistics)),
            Effect::DisableGoogleAnalytics(true),
            Effect::GtagSet("ads_data_redaction", false),
            // Tag managers hear the choice itself: statistics stays, for its other services.
            Effect::ConsentEvent {
                granted: CategorySet::all(),
                services: record.services.clone(),
            },
            Effect::Persist(record.clone()),
            Effect::Activate(CategorySet::all()),
            Effect::Withdraw {
                categories: CategorySet::EMPTY,
                services: names(&["google-analytics"]),
            },
            Effect::Notify(Notice::Consent),
            Effect::Notify(Notice::Change {
                categories: CategorySet::EMPTY,
                services: names(&["google-analytics"]),
            }),
        ]
    );
}

#[test]
fn advanced_consent_mode_tells_google_statistics_only_with_its_service() {
    let env = FixedEnvironment::at(NOW);
    let c = services_config(
        r#", "googleAnalytics": {"measurementId": "G-TEST123", "consentMode": "advanced", "service": "google-analytics"}"#,
    );
    let mut s = state(c);
    let start = s.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &env,
    );
    assert_eq!(
        loads(&start),
        1,
        "advanced mode loads at once, everything denied"
    );
    let effects = s.reduce(
        Event::AcceptServices(set(&[Statistics]), names(&["matomo"])),
        &env,
    );
    assert!(effects.contains(&Effect::ConsentUpdate(CategorySet::necessary_only())));
}

#[test]
fn google_tag_manager_needs_its_service() {
    let env = FixedEnvironment::at(NOW);
    let c = config(
        r#"{"categories": ["necessary",
            {"name": "statistics", "services": [{"name": "tag-manager"}, {"name": "matomo"}]}],
            "googleTagManager": {"containerId": "GTM-ABC123", "service": "tag-manager"}}"#,
    );
    let mut s = started(c, &env);
    let matomo = s.reduce(
        Event::AcceptServices(set(&[Statistics]), names(&["matomo"])),
        &env,
    );
    assert_eq!(loads(&matomo), 0);
    let both = s.reduce(Event::Accept(set(&[Statistics])), &env);
    assert!(both.contains(&Effect::LoadTagManager));
}

#[test]
fn always_allow_adds_the_embeds_service_or_its_category_and_keeps_the_rest() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    s.reduce(
        Event::AcceptServices(set(&[Statistics]), names(&["matomo"])),
        &env,
    );
    // An embed naming its service: that service only, on top of the choice.
    let record = persisted(&s.reduce(
        Event::AlwaysAllow(CategorySet::EMPTY.with(Marketing), Some("youtube".into())),
        &env,
    ));
    assert_eq!(record.granted, set(&[Statistics, Marketing]));
    assert_eq!(record.services, ["session", "matomo", "youtube"]);
    assert_eq!(record.method, Method::Custom);
    // An embed of an already granted category without a service adds nothing new.
    let record = persisted(&s.reduce(
        Event::AlwaysAllow(CategorySet::EMPTY.with(Marketing), None),
        &env,
    ));
    assert_eq!(record.services, ["session", "matomo", "youtube"]);
    // A category granted anew without a named service comes with all its services.
    s.reduce(Event::RejectAll, &env);
    let record = persisted(&s.reduce(
        Event::AlwaysAllow(CategorySet::EMPTY.with(Marketing), None),
        &env,
    ));
    assert_eq!(record.services, ["session", "youtube", "meta-pixel"]);
    // An embed that needs two categories and names its service: the other category comes
    // with all its services, the service's own with that one only.
    s.reduce(Event::RejectAll, &env);
    let record = persisted(&s.reduce(
        Event::AlwaysAllow(set(&[Statistics, Marketing]), Some("youtube".into())),
        &env,
    ));
    assert_eq!(record.granted, set(&[Statistics, Marketing]));
    assert_eq!(
        record.services,
        ["session", "google-analytics", "matomo", "youtube"]
    );
}

#[test]
fn another_tabs_change_of_services_alone_is_followed() {
    let env = FixedEnvironment::at(NOW);
    let mut s = started(services_config(""), &env);
    let all = persisted(&s.reduce(Event::AcceptAll, &env));
    let mut fewer = all.clone();
    fewer.services.retain(|s| s != "youtube");
    fewer.given_at += 1;
    fewer.expires_at += 1;
    let effects = s.reduce(Event::StoredElsewhere(Some(fewer)), &env);
    assert!(effects.contains(&Effect::Withdraw {
        categories: CategorySet::EMPTY,
        services: names(&["youtube"]),
    }));
    assert!(!s.is_service_granted("youtube") && s.is_granted(Marketing));
}
