//! Server-rendered markup of the components (Yew's `ServerRenderer`), natively: roles, names,
//! states and attributes in both languages.
#![cfg(not(target_arch = "wasm32"))]

use samtykke::browser::memory::Twins;
use samtykke::browser::Controller;
use samtykke::core::{Config, Event};
use samtykke::ui::{ConsentProvider, ConsentUi, PrivacyNotice};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct Props {
    controller: Controller,
    notice: bool,
}

#[function_component]
fn Harness(props: &Props) -> Html {
    html! {
        <ConsentProvider controller={props.controller.clone()}>
            if props.notice { <PrivacyNotice /> } else { <ConsentUi /> }
        </ConsentProvider>
    }
}

const CONFIG: &str = r#"{"categories": ["necessary", "preferences",
    {"name": "statistics", "label": {"en": "Analytics & stats", "nb": "Statistikk"},
     "services": [{"name": "google-analytics", "label": "Google Analytics",
       "cookies": [{"name": "_ga", "provider": "Google", "purpose": "Tells <visits> apart", "duration": "2 years"}]}]},
    "marketing"],
    "privacyPolicyUrl": "/privacy.html",
    "controller": {"name": "Fjordbrent Kaffe AS", "address": "Bryggeskjæret 12, 5003 Bergen",
      "email": "kontakt@fjordbrent.example",
      "dataProtectionOfficer": {"en": "Ingrid Solheim, personvern@fjordbrent.example", "nb": "Ingrid Solheim (personvernombud)"},
      "supervisoryAuthority": {"name": "Datatilsynet", "url": "https://www.datatilsynet.no"}},
    "googleAnalytics": {"measurementId": "G-TEST123", "retentionMonths": 14}}"#;

fn controller(language: &str) -> (Twins, Controller) {
    let twins = Twins::new("example.no", 1_800_000_000_000);
    let config = Config::from_json(CONFIG).config;
    let controller = Controller::new(config, twins.adapters(), Some(language), &[]);
    controller.start(false);
    (twins, controller)
}

async fn render(controller: &Controller, notice: bool) -> String {
    LocalServerRenderer::<Harness>::with_props(Props {
        controller: controller.clone(),
        notice,
    })
    .hydratable(false)
    .render()
    .await
}

/// The text of every `<button>` in `html`, in order.
fn buttons(html: &str) -> Vec<String> {
    html.split("<button")
        .skip(1)
        .map(|rest| {
            let inner = &rest[rest.find('>').unwrap() + 1..rest.find("</button>").unwrap()];
            strip_tags(inner)
        })
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The opening tag of the element with `id`.
fn tag_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

#[tokio::test]
async fn banner_is_a_labelled_dialog_with_three_equal_buttons() {
    let (_twins, controller) = controller("en");
    let html = render(&controller, false).await;
    let dialog = &html[html.find("<section").unwrap()..];
    let open_tag = &dialog[..dialog.find('>').unwrap()];
    assert!(open_tag.contains("role=\"dialog\""), "{open_tag}");
    assert!(open_tag.contains("aria-labelledby=\"samtykke-banner-title\""));
    assert!(open_tag.contains("aria-describedby=\"samtykke-banner-text\""));
    assert!(tag_with_id(&html, "samtykke-banner-title").starts_with("<h2"));
    assert_eq!(
        buttons(&html),
        ["Accept all", "Reject all", "Manage preferences"]
    );
    let classes: Vec<&str> = html
        .split("<button")
        .skip(1)
        .map(|b| {
            b.split("class=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        classes, ["samtykke-button"; 3],
        "accept and reject must look the same"
    );
    assert!(html.contains("href=\"/privacy.html\""));
    assert!(html.contains("lang=\"en\""));
}

#[tokio::test]
async fn banner_in_bokmal_and_nynorsk() {
    for (language, manage, title) in [
        ("nb", "Tilpass valg", "Vi bruker informasjonskapsler"),
        ("nn", "Tilpass val", "Vi brukar informasjonskapslar"),
    ] {
        let (_twins, controller) = controller(language);
        let html = render(&controller, false).await;
        assert_eq!(buttons(&html), ["Godta alle", "Avvis alle", manage]);
        assert!(html.contains(&format!("lang=\"{language}\"")));
        assert!(html.contains(title), "{language}");
    }
}

#[tokio::test]
async fn preferences_dialog_switches_are_named_and_off_but_necessary() {
    let (_twins, controller) = controller("en");
    controller.dispatch(Event::ShowPreferences);
    let html = render(&controller, false).await;
    let dialog = tag_with_id(&html, "samtykke-switch-necessary");
    assert!(
        dialog.contains("role=\"switch\"")
            && dialog.contains("checked")
            && dialog.contains("disabled"),
        "{dialog}"
    );
    for name in ["preferences", "statistics", "marketing"] {
        let input = tag_with_id(&html, &format!("samtykke-switch-{name}"));
        assert!(
            !input.contains("checked") && !input.contains("disabled"),
            "{name}: {input}"
        );
        assert!(input.contains(&format!("aria-describedby=\"samtykke-desc-{name}\"")));
        assert!(html.contains(&format!("for=\"samtykke-switch-{name}\"")));
    }
    assert!(html.contains("aria-modal=\"true\""));
    assert!(html.contains("aria-labelledby=\"samtykke-preferences-title\""));
    assert!(
        html.contains(">Analytics &amp; stats</label>"),
        "config label, escaped as text"
    );
    assert!(
        html.contains("Tells &lt;visits&gt; apart"),
        "config text is never HTML"
    );
    assert_eq!(
        buttons(&html)[1..],
        ["Save preferences", "Accept all", "Reject all"]
    );
    assert!(html.contains("aria-label=\"Close\""));
}

#[tokio::test]
async fn after_a_choice_nothing_is_left_on_screen() {
    let (_twins, controller) = controller("en");
    controller.dispatch(Event::RejectAll);
    let html = render(&controller, false).await;
    // The floating settings button is plain DOM from the shell (tested in the browser).
    assert_eq!(buttons(&html), Vec::<String>::new());
    assert!(!html.contains("role=\"dialog\""));
    assert!(controller.state().shows_settings_button());
}

#[tokio::test]
async fn notice_shows_cookies_rights_and_the_live_choice() {
    let (_twins, controller) = controller("en");
    let before = render(&controller, true).await;
    assert!(before.contains("You have not made a choice yet"));
    assert_eq!(
        buttons(&before),
        ["Change your choice"],
        "nothing to withdraw yet"
    );
    controller.dispatch(Event::AcceptAll);
    let html = render(&controller, true).await;
    let id = controller.state().record.unwrap().id.to_string();
    assert!(html.contains(&id), "consent id shown");
    assert!(html.contains("_ga") && html.contains("Google Analytics"));
    assert!(html.contains("IP anonymisation") && html.contains("deletes its data after 14 months"));
    assert!(html
        .contains("You can complain to <a href=\"https://www.datatilsynet.no\">Datatilsynet</a>."));
    assert!(html.contains("365 days") && html.contains("182 days"));
    assert!(html.contains("withdraw your consent at any time"));
    assert_eq!(buttons(&html), ["Change your choice", "Withdraw consent"]);
    assert!(html.contains("Fjordbrent Kaffe AS, Bryggeskjæret 12, 5003 Bergen"));
    assert!(html.contains("href=\"mailto:kontakt@fjordbrent.example\""));
    assert!(html.contains(
        "<dt>Data protection officer</dt><dd>Ingrid Solheim, personvern@fjordbrent.example</dd>"
    ));
}

#[tokio::test]
async fn notice_and_dialog_in_norwegian() {
    let (_twins, controller) = controller("nb");
    let notice = render(&controller, true).await;
    assert!(notice.contains("Informasjonskapsler på dette nettstedet"));
    assert!(notice.contains("<dt>Personvernombud</dt><dd>Ingrid Solheim (personvernombud)</dd>"));
    assert!(notice
        .contains("Du kan klage til <a href=\"https://www.datatilsynet.no\">Datatilsynet</a>."));
    assert_eq!(buttons(&notice), ["Endre valget ditt"]);
    controller.dispatch(Event::ShowPreferences);
    let dialog = render(&controller, false).await;
    assert!(dialog.contains(">Nødvendige</label>") && dialog.contains(">Statistikk</label>"));
    assert_eq!(
        buttons(&dialog)[1..],
        ["Lagre valg", "Godta alle", "Avvis alle"]
    );
    assert!(dialog.contains("aria-label=\"Lukk\""));
}

#[derive(Properties, PartialEq)]
struct GateProps {
    controller: Controller,
}

#[function_component]
fn GateHarness(props: &GateProps) -> Html {
    html! {
        <ConsentProvider controller={props.controller.clone()}>
            <samtykke::ui::ConsentGate category={samtykke::Category::Marketing}
                fallback={html! { <p>{ "video needs marketing" }</p> }}>
                <iframe title="video" src="https://www.youtube-nocookie.com/embed/ID"></iframe>
            </samtykke::ui::ConsentGate>
        </ConsentProvider>
    }
}

#[tokio::test]
async fn consent_gate_shows_its_children_only_while_granted() {
    let (_twins, controller) = controller("en");
    let render_gate = |controller: Controller| async move {
        LocalServerRenderer::<GateHarness>::with_props(GateProps { controller })
            .hydratable(false)
            .render()
            .await
    };
    let before = render_gate(controller.clone()).await;
    assert!(before.contains("video needs marketing") && !before.contains("<iframe"));
    controller.dispatch(Event::AcceptAll);
    let after = render_gate(controller.clone()).await;
    assert!(after.contains("<iframe") && !after.contains("video needs marketing"));
    controller.dispatch(Event::RejectAll);
    assert!(
        !render_gate(controller).await.contains("<iframe"),
        "withdrawal removes it again"
    );
}

#[tokio::test]
async fn the_notice_claims_nothing_the_config_does_not_say() {
    let twins = Twins::new("example.no", 1_800_000_000_000);
    let plain = r#"{"categories": ["necessary", "statistics"],
        "controller": {"name": "Example AS"},
        "googleAnalytics": {"measurementId": "G-TEST123", "anonymizeIp": false}}"#;
    let config = Config::from_json(plain).config;
    let controller = Controller::new(config, twins.adapters(), Some("nb"), &[]);
    controller.start(false);
    let notice = render(&controller, true).await;
    assert!(notice.contains("Google Analytics"), "{notice}");
    for claim in ["IP-anonymisering", "måneder", "Datatilsynet"] {
        assert!(!notice.contains(claim), "{claim} in {notice}");
    }
    assert!(notice.contains("Du kan klage til et datatilsyn."));
}

const SERVICES: &str = r#"{"categories": [
    {"name": "necessary", "services": [{"name": "session", "label": "Sign-in session"}]},
    {"name": "statistics", "services": [{"name": "google-analytics", "label": {"en": "Google Analytics", "nb": "Google-analyse"}},
                                        {"name": "matomo"}]},
    "marketing"]}"#;

fn services_controller(language: &str) -> (Twins, Controller) {
    let twins = Twins::new("example.no", 1_800_000_000_000);
    let config = Config::from_json(SERVICES).config;
    let controller = Controller::new(config, twins.adapters(), Some(language), &[]);
    controller.start(false);
    (twins, controller)
}

/// The text of the `<label>` for the element with `id`.
fn label_for<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("for=\"{id}\""))
        .unwrap_or_else(|| panic!("no label for #{id}"));
    let text = &html[at + html[at..].find('>').unwrap() + 1..];
    &text[..text.find("</label>").unwrap()]
}

/// Whether the opening tag `input` says it is checked (an attribute, not the `checked` of a
/// class name or id).
fn is_checked(input: &str) -> bool {
    input.contains(" checked")
}

#[tokio::test]
async fn each_service_has_a_named_switch_off_until_turned_on() {
    let (_twins, controller) = services_controller("en");
    controller.dispatch(Event::ShowPreferences);
    let html = render(&controller, false).await;
    for (name, label) in [
        ("google-analytics", "Google Analytics"),
        ("matomo", "matomo"),
    ] {
        let input = tag_with_id(&html, &format!("samtykke-service-{name}"));
        assert!(input.starts_with("<input"), "{input}");
        assert!(
            input.contains("type=\"checkbox\"") && input.contains("role=\"switch\""),
            "{input}"
        );
        assert!(
            !is_checked(input) && !input.contains("disabled"),
            "{name}: {input}"
        );
        assert_eq!(
            label_for(&html, &format!("samtykke-service-{name}")),
            label,
            "{name} is named by its label, else its name"
        );
    }
    let session = tag_with_id(&html, "samtykke-service-session");
    assert!(
        is_checked(session) && session.contains("disabled"),
        "necessary's services are on and cannot be turned off: {session}"
    );
    // The switches sit inside their category, after its own switch.
    let statistics = html.find("id=\"samtykke-switch-statistics\"").unwrap();
    let marketing = html.find("id=\"samtykke-switch-marketing\"").unwrap();
    let ga = html
        .find("id=\"samtykke-service-google-analytics\"")
        .unwrap();
    assert!(statistics < ga && ga < marketing);
}

#[tokio::test]
async fn service_switches_follow_their_category_and_the_category_follows_them() {
    let (_twins, controller) = services_controller("en");
    controller.dispatch(Event::ShowPreferences);
    controller.dispatch(Event::Toggle(samtykke::Category::Statistics, true));
    let html = render(&controller, false).await;
    assert!(is_checked(tag_with_id(
        &html,
        "samtykke-service-google-analytics"
    )));
    assert!(is_checked(tag_with_id(&html, "samtykke-service-matomo")));
    controller.dispatch(Event::ToggleService("matomo".into(), false));
    let html = render(&controller, false).await;
    assert!(is_checked(tag_with_id(&html, "samtykke-switch-statistics")));
    assert!(!is_checked(tag_with_id(&html, "samtykke-service-matomo")));
    controller.dispatch(Event::ToggleService("google-analytics".into(), false));
    let html = render(&controller, false).await;
    assert!(
        !is_checked(tag_with_id(&html, "samtykke-switch-statistics")),
        "all its services off: the category is off"
    );
    // A stored choice opens the dialog with its services on.
    controller.dispatch(Event::ToggleService("matomo".into(), true));
    controller.dispatch(Event::SavePreferences);
    controller.dispatch(Event::ShowPreferences);
    let html = render(&controller, false).await;
    assert!(is_checked(tag_with_id(&html, "samtykke-service-matomo")));
    assert!(!is_checked(tag_with_id(
        &html,
        "samtykke-service-google-analytics"
    )));
}

#[tokio::test]
async fn service_switches_take_the_label_of_the_dialogs_language() {
    let (_twins, controller) = services_controller("nb");
    controller.dispatch(Event::ShowPreferences);
    let html = render(&controller, false).await;
    assert_eq!(
        label_for(&html, "samtykke-service-google-analytics"),
        "Google-analyse"
    );
    let notice = render(&controller, true).await;
    assert!(
        notice.contains("<h3 class=\"samtykke-service-name\">Google-analyse</h3>"),
        "the notice names services without switches"
    );
    assert!(!notice.contains("samtykke-service-google-analytics"));
}
