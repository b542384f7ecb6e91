//! The controller with in-memory twins: the exact Google sequence, storage, erasing cookies on
//! parent domains, consent log and reload, all natively.
#![cfg(not(target_arch = "wasm32"))]

use samtykke::browser::memory::Twins;
use samtykke::browser::ports::{CookieJar, RecordStore};
use samtykke::browser::Controller;
use samtykke::core::{Category, CategorySet, Config, ConsentRecord, Event, Notice};

const NOW: u64 = 1_800_000_000_000;

fn config(json: &str) -> Config {
    let parsed = Config::from_json(json);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.config
}

const GA: &str = r#"{"categories": ["necessary", "preferences", "statistics", "marketing"],
    "googleAnalytics": {"measurementId": "G-TEST123", "anonymizeIp": true}}"#;

fn started(twins: &Twins, config: Config) -> Controller {
    let controller = Controller::new(config, twins.adapters(), Some("en"), &[]);
    controller.start(false);
    controller
}

const DEFAULT: &str = r#"gtag consent default {"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"denied","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted","wait_for_update":500}"#;

#[test]
fn first_visit_sets_defaults_and_loads_nothing() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(&twins, config(GA));
    assert_eq!(
        *twins.google.calls.borrow(),
        vec![
            "stub".to_owned(),
            DEFAULT.to_owned(),
            "gtag set ads_data_redaction true".to_owned(),
            "push samtykke_consent_update necessary / ".to_owned(),
        ]
    );
    assert_eq!(
        twins.store.peek(),
        None,
        "nothing is stored before a choice"
    );
    assert_eq!(*twins.page.notices.borrow(), vec![Notice::Ready]);
    assert_eq!(
        *twins.gate.activations.borrow(),
        vec![CategorySet::necessary_only()]
    );
    assert_eq!(controller.state().view, samtykke::View::Banner);
}

#[test]
fn accept_all_sends_update_then_loads_and_configures_the_tag() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(&twins, config(GA));
    controller.dispatch(Event::AcceptAll);
    let calls = twins.google.calls.borrow();
    assert_eq!(
        calls[4..],
        [
            r#"gtag consent update {"ad_storage":"granted","ad_user_data":"granted","ad_personalization":"granted","analytics_storage":"granted","functionality_storage":"granted","personalization_storage":"granted","security_storage":"granted"}"#.to_owned(),
            "flag ga-disable-G-TEST123=false".to_owned(),
            "gtag set ads_data_redaction false".to_owned(),
            "push samtykke_consent_update necessary,preferences,statistics,marketing / ".to_owned(),
            "load https://www.googletagmanager.com/gtag/js?id=G-TEST123".to_owned(),
            "gtag js <date>".to_owned(),
            r#"gtag config G-TEST123 {"anonymize_ip":true,"allow_google_signals":true,"allow_ad_personalization_signals":true}"#.to_owned(),
        ]
    );
    let stored = ConsentRecord::decode(&twins.store.peek().unwrap()).unwrap();
    assert_eq!(stored.granted, CategorySet::all());
    assert_eq!(stored.expires_at - stored.given_at, 365 * 86_400_000);
}

#[test]
fn statistics_without_marketing_turns_google_signals_off() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(&twins, config(GA));
    controller.dispatch(Event::Accept(
        CategorySet::necessary_only().with(Category::Statistics),
    ));
    let calls = twins.google.calls.borrow();
    let config_call = calls.iter().find(|c| c.starts_with("gtag config")).unwrap();
    assert_eq!(
        config_call,
        r#"gtag config G-TEST123 {"anonymize_ip":true,"allow_google_signals":false,"allow_ad_personalization_signals":false}"#
    );
}

#[test]
fn reject_all_never_requests_the_tag() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(&twins, config(GA));
    controller.dispatch(Event::RejectAll);
    assert!(twins
        .google
        .calls
        .borrow()
        .iter()
        .all(|c| !c.starts_with("load")));
    let stored = ConsentRecord::decode(&twins.store.peek().unwrap()).unwrap();
    assert_eq!(stored.granted, CategorySet::necessary_only());
    assert_eq!(stored.expires_at - stored.given_at, 182 * 86_400_000);
}

#[test]
fn a_returning_visitor_gets_default_then_update_then_the_tag() {
    let twins = Twins::new("shop.example.no", NOW);
    started(&twins, config(GA)).dispatch(Event::AcceptAll);
    let stored = twins.store.peek().unwrap();
    let again = Twins::new("shop.example.no", NOW + 1000);
    again.store.save(&stored, 1);
    let controller = started(&again, config(GA));
    let calls = again.google.calls.borrow();
    assert_eq!(calls[1], DEFAULT);
    assert!(calls[4].starts_with("gtag consent update"));
    assert_eq!(
        calls[8],
        "load https://www.googletagmanager.com/gtag/js?id=G-TEST123"
    );
    assert_eq!(controller.state().view, samtykke::View::Hidden);
    assert_eq!(
        *again.page.notices.borrow(),
        vec![Notice::Ready, Notice::Consent]
    );
}

#[test]
fn a_corrupt_stored_record_is_warned_about_and_removed() {
    let twins = Twins::new("shop.example.no", NOW);
    twins.store.save("{\"v\":1,\"id\":", 1);
    let controller = started(&twins, config(GA));
    assert_eq!(controller.state().view, samtykke::View::Banner);
    assert_eq!(twins.page.warnings.borrow().len(), 1);
    assert!(twins.page.warnings.borrow()[0].contains("stored consent record ignored"));
}

#[test]
fn withdrawing_statistics_erases_google_cookies_on_every_parent_domain() {
    let twins = Twins::new("www.shop.example.no", NOW);
    let json = r#"{"categories": ["necessary", {"name": "statistics", "autoClear": ["^_hj"]}, "marketing"],
        "googleAnalytics": {"measurementId": "G-TEST123"}}"#;
    let controller = started(&twins, config(json));
    controller.dispatch(Event::AcceptAll);
    for cookie in [
        "_ga=GA1.1.1; Path=/; Domain=.example.no",
        "_ga_TEST123=GS1; Path=/; Domain=.shop.example.no",
        "_gid=GA1.1.2; Path=/",
        "_gat_UA1=1; Path=/; Domain=www.shop.example.no",
        "_hjSession=1; Path=/",
        "_ga_OTHER=keep; Path=/; Domain=.example.no",
        "lang=nb; Path=/",
    ] {
        twins.cookies.write(cookie);
    }
    controller.dispatch(Event::Accept(
        CategorySet::necessary_only().with(Category::Marketing),
    ));
    let left: Vec<String> = twins
        .cookies
        .entries()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(left, vec!["_ga_OTHER".to_owned(), "lang".to_owned()]);
    assert!(twins
        .google
        .calls
        .borrow()
        .contains(&"flag ga-disable-G-TEST123=true".to_owned()));
    let notices = twins.page.notices.borrow();
    let statistics = CategorySet::EMPTY.with(Category::Statistics);
    assert_eq!(
        notices.last(),
        Some(&Notice::Change {
            categories: statistics,
            services: vec![]
        })
    );
}

#[test]
fn turning_google_analytics_service_off_erases_its_cookies_and_disables_it() {
    let twins = Twins::new("www.shop.example.no", NOW);
    let json = r#"{"categories": ["necessary", {"name": "statistics", "autoClear": ["^_hj"],
            "services": [{"name": "google-analytics"}, {"name": "hotjar"}]}],
        "googleAnalytics": {"measurementId": "G-TEST123", "service": "google-analytics"}}"#;
    let controller = started(&twins, config(json));
    controller.dispatch(Event::AcceptAll);
    for cookie in [
        "_ga=GA1.1.1; Path=/; Domain=.example.no",
        "_gid=GA1.1.2; Path=/",
        "_hjSession=1; Path=/",
    ] {
        twins.cookies.write(cookie);
    }
    controller.dispatch(Event::ShowPreferences);
    controller.dispatch(Event::ToggleService("google-analytics".into(), false));
    controller.dispatch(Event::SavePreferences);
    let left: Vec<String> = twins
        .cookies
        .entries()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(left, ["_hjSession"], "Hotjar is still on: its cookies stay");
    let calls = twins.google.calls.borrow();
    let update = calls
        .iter()
        .rposition(|c| c.starts_with("gtag consent update"))
        .unwrap();
    assert!(calls[update].contains(r#""analytics_storage":"denied""#));
    assert_eq!(calls[update + 1], "flag ga-disable-G-TEST123=true");
    assert_eq!(
        calls.last().unwrap(),
        "push samtykke_consent_update necessary,statistics / hotjar",
        "tag managers hear that statistics stays on, for Hotjar"
    );
    let record = controller.state().record.unwrap();
    assert_eq!(record.services, ["hotjar"]);
    assert!(record.granted.contains(Category::Statistics));
}

#[test]
fn reload_on_withdrawal_when_configured() {
    let twins = Twins::new("example.no", NOW);
    let json = r#"{"categories": ["necessary", "statistics"], "reloadOnWithdrawal": true}"#;
    let controller = started(&twins, config(json));
    controller.dispatch(Event::AcceptAll);
    assert_eq!(twins.page.reloads.get(), 0);
    controller.dispatch(Event::RejectAll);
    assert_eq!(twins.page.reloads.get(), 1);
}

#[test]
fn each_choice_goes_to_the_consent_log_when_configured() {
    let twins = Twins::new("example.no", NOW);
    let json =
        r#"{"categories": ["necessary", "statistics"], "consentLog": {"endpoint": "/consent"}}"#;
    let controller = started(&twins, config(json));
    controller.dispatch(Event::AcceptAll);
    controller.dispatch(Event::RejectAll);
    let logged = twins.page.logged.borrow();
    assert_eq!(logged.len(), 2);
    assert_eq!(
        logged[0], logged[1],
        "one consent id follows the visitor's changes"
    );
}

#[test]
fn another_tab_choice_is_followed() {
    let twins = Twins::new("example.no", NOW);
    let controller = started(&twins, config(GA));
    let other = Twins::new("example.no", NOW);
    started(&other, config(GA)).dispatch(Event::AcceptAll);
    twins.store.save(&other.store.peek().unwrap(), 1);
    controller.stored_elsewhere();
    assert!(controller.state().is_granted(Category::Statistics));
    assert_eq!(controller.state().view, samtykke::View::Hidden);
    assert!(twins
        .google
        .calls
        .borrow()
        .iter()
        .any(|c| c.starts_with("load")));
}

#[test]
fn subscribers_hear_every_event_until_dropped() {
    let twins = Twins::new("example.no", NOW);
    let controller = started(&twins, config(GA));
    let heard = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = heard.clone();
    let subscription = controller.subscribe(move || counter.set(counter.get() + 1));
    controller.dispatch(Event::ShowPreferences);
    controller.dispatch(Event::Toggle(Category::Statistics, true));
    assert_eq!(heard.get(), 2);
    drop(subscription);
    controller.dispatch(Event::SavePreferences);
    assert_eq!(heard.get(), 2);
}

/// Advanced mode with a tag manager: `gtag/js` loads at start with everything denied, but
/// `gtm.js` waits for statistics (also after Reject all), no `ga-disable` flag is ever set,
/// and Google signals follow marketing on the same page.
#[test]
fn advanced_mode_holds_the_tag_manager_and_keeps_cookieless_pings() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(
        &twins,
        config(
            r#"{"categories": ["necessary", "preferences", "statistics", "marketing"],
                "googleAnalytics": {"measurementId": "G-TEST123", "consentMode": "advanced"},
                "googleTagManager": {"containerId": "GTM-ABCD123"}}"#,
        ),
    );
    controller.dispatch(Event::RejectAll);
    let calls = twins.google.calls.borrow().clone();
    assert!(
        calls
            .iter()
            .any(|c| c == "load https://www.googletagmanager.com/gtag/js?id=G-TEST123"),
        "{calls:?}"
    );
    assert!(!calls.iter().any(|c| c.contains("gtm")), "{calls:?}");
    assert!(!calls.iter().any(|c| c.starts_with("flag ")), "{calls:?}");

    twins.google.calls.borrow_mut().clear();
    controller.dispatch(Event::Accept(CategorySet::EMPTY.with(Category::Statistics)));
    let calls = twins.google.calls.borrow().clone();
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.starts_with("load "))
            .collect::<Vec<_>>(),
        ["load https://www.googletagmanager.com/gtm.js?id=GTM-ABCD123"]
    );
    assert!(!calls.iter().any(|c| c.starts_with("flag ")), "{calls:?}");

    twins.google.calls.borrow_mut().clear();
    controller.dispatch(Event::AcceptAll);
    let calls = twins.google.calls.borrow().clone();
    assert!(
        calls.contains(
            &r#"gtag set {"allow_google_signals":true,"allow_ad_personalization_signals":true}"#
                .to_owned()
        ),
        "{calls:?}"
    );
    assert!(!calls.iter().any(|c| c.starts_with("load ")), "{calls:?}");
}

#[test]
fn an_invalid_auto_clear_pattern_is_reported_at_start_naming_its_field() {
    let twins = Twins::new("shop.example.no", NOW);
    let json =
        r#"{"categories": ["necessary", {"name": "marketing", "autoClear": ["^_fbp", "^_fb(c"]}]}"#;
    let controller = started(&twins, config(json));
    assert_eq!(
        *twins.page.errors.borrow(),
        vec![r#"samtykke config: categories[name=marketing].autoClear[1]: "^_fb(c" is not a valid regular expression; it erases nothing"#.to_owned()],
        "reported when the page starts, before any withdrawal"
    );
    twins.cookies.write("_fbp=1; Path=/");
    twins.cookies.write("_fb(c=1; Path=/");
    controller.dispatch(Event::AcceptAll);
    controller.dispatch(Event::RejectAll);
    let left: Vec<String> = twins
        .cookies
        .read_all()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert!(
        !left.contains(&"_fbp".to_owned()),
        "the valid pattern still erases: {left:?}"
    );
    assert_eq!(
        twins.page.errors.borrow().len(),
        1,
        "no second report at withdrawal"
    );
}

#[test]
fn other_tabs_hear_of_every_stored_choice_even_one_granting_the_same() {
    let twins = Twins::new("shop.example.no", NOW);
    let controller = started(&twins, config(GA));
    assert_eq!(
        twins.page.told_other_tabs.get(),
        0,
        "nothing stored, nothing to tell"
    );
    controller.dispatch(Event::AcceptAll);
    controller.dispatch(Event::AcceptAll);
    assert_eq!(
        twins.page.told_other_tabs.get(),
        2,
        "a new record that grants the same is news to a tab that reads a cookie"
    );
    controller.dispatch(Event::Reset);
    assert_eq!(
        twins.page.told_other_tabs.get(),
        3,
        "and so is a forgotten one"
    );
}
