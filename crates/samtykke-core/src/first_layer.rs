//! The first layer (the banner) as a [`Markup`] tree. The core engine draws it with plain DOM
//! whenever it shows, and the Yew `ConsentBanner` renders the same tree, so it is written once.
//! Accept all, Reject all and Manage preferences carry the same weight: one class, one look.

use super::claims::banner_description;
use super::config::Layout;
use super::markup::{Element, Markup};
use super::state::{Event, State, View};
use super::texts::TextKey;

/// The banner for `state`, or `None` when it is not to show. In the modal layout it sits in a
/// backdrop that covers the page.
pub fn first_layer(state: &State) -> Option<Markup> {
    if state.view != View::Banner {
        return None;
    }
    let text = |key| state.config.text(&state.language, key);
    let modal = state.config.layout == Layout::Modal;
    let mut body = Element::new("div")
        .attr("class", "samtykke-banner-body")
        .child(
            Element::new("h2")
                .attr("class", "samtykke-title")
                .attr("id", "samtykke-banner-title")
                .text(text(TextKey::BannerTitle)),
        )
        .child(
            Element::new("p")
                .attr("class", "samtykke-text")
                .attr("id", "samtykke-banner-text")
                .text(banner_description(&state.config, &state.language)),
        );
    if state.gpc_honoured {
        body = body.child(
            Element::new("p")
                .attr("class", "samtykke-gpc")
                .text(text(TextKey::GpcNotice)),
        );
    }
    if let Some(url) = &state.config.privacy_policy_url {
        body = body.child(
            Element::new("a")
                .attr("class", "samtykke-link")
                .attr("href", url.as_str())
                // Named like the buttons, so focus can find it again after a redraw.
                .attr("data-action", "privacy-policy")
                .text(text(TextKey::PrivacyPolicy)),
        );
    }
    let button = |action: &str, event: Event, key| {
        Element::new("button")
            .attr("type", "button")
            .attr("class", "samtykke-button")
            .attr("data-action", action)
            .on_click(event)
            .text(text(key))
    };
    let banner = Element::new("section")
        .attr("class", "samtykke-banner")
        .attr("role", "dialog")
        .attr("aria-modal", if modal { "true" } else { "false" })
        .attr("aria-labelledby", "samtykke-banner-title")
        .attr("aria-describedby", "samtykke-banner-text")
        .child(body)
        .child(
            Element::new("div")
                .attr("class", "samtykke-actions")
                .child(button("accept-all", Event::AcceptAll, TextKey::AcceptAll))
                .child(button("reject-all", Event::RejectAll, TextKey::RejectAll))
                .child(button(
                    "manage",
                    Event::ShowPreferences,
                    TextKey::ManagePreferences,
                )),
        );
    Some(if modal {
        Element::new("div")
            .attr("class", "samtykke-backdrop")
            .child(banner)
            .into()
    } else {
        banner.into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use std::rc::Rc;

    fn state(config: &str, view: View) -> State {
        let config = Rc::new(Config::from_json(config).config);
        let mut state = State::new(config, Some("en"), &[]);
        state.view = view;
        state
    }

    fn buttons(markup: &Markup) -> Vec<(String, Option<Event>)> {
        markup
            .elements()
            .into_iter()
            .filter(|e| e.tag == "button")
            .map(|e| (Markup::from(e.clone()).text_content(), e.on_click.clone()))
            .collect()
    }

    #[test]
    fn shows_only_in_the_banner_view() {
        for view in [View::Hidden, View::Preferences] {
            assert_eq!(first_layer(&state("{}", view)), None, "{view:?}");
        }
        assert!(first_layer(&state("{}", View::Banner)).is_some());
    }

    #[test]
    fn three_buttons_of_one_class_each_sending_its_event() {
        let markup = first_layer(&state("{}", View::Banner)).unwrap();
        assert_eq!(
            buttons(&markup),
            [
                ("Accept all".to_owned(), Some(Event::AcceptAll)),
                ("Reject all".to_owned(), Some(Event::RejectAll)),
                (
                    "Manage preferences".to_owned(),
                    Some(Event::ShowPreferences)
                ),
            ]
        );
        let classes: Vec<_> = markup
            .elements()
            .into_iter()
            .filter(|e| e.tag == "button")
            .map(|e| e.attribute("class"))
            .collect();
        assert_eq!(classes, [Some("samtykke-button"); 3], "equal weight");
    }

    #[test]
    fn a_labelled_dialog_modal_only_in_the_modal_layout() {
        let bar = first_layer(&state("{}", View::Banner)).unwrap();
        let section = bar.as_element().unwrap();
        assert_eq!(section.tag, "section");
        assert_eq!(section.attribute("role"), Some("dialog"));
        assert_eq!(section.attribute("aria-modal"), Some("false"));
        let ids: Vec<_> = bar
            .elements()
            .iter()
            .filter_map(|e| e.attribute("id"))
            .collect();
        for labelled_by in ["aria-labelledby", "aria-describedby"] {
            let id = section.attribute(labelled_by).unwrap();
            assert!(ids.contains(&id), "{labelled_by} points at {id}");
        }
        let modal = first_layer(&state(r#"{"layout": "modal"}"#, View::Banner)).unwrap();
        let backdrop = modal.as_element().unwrap();
        assert_eq!(backdrop.attribute("class"), Some("samtykke-backdrop"));
        let inner = backdrop.children[0].as_element().unwrap();
        assert_eq!(inner.attribute("aria-modal"), Some("true"));
    }

    #[test]
    fn gpc_notice_and_policy_link_only_when_they_apply() {
        let plain = first_layer(&state("{}", View::Banner)).unwrap();
        assert!(plain.elements().iter().all(|e| e.tag != "a"));
        assert!(!plain.text_content().contains("Global Privacy Control"));
        let mut with = state(r#"{"privacyPolicyUrl": "/privacy"}"#, View::Banner);
        with.gpc_honoured = true;
        let markup = first_layer(&with).unwrap();
        let link = markup
            .elements()
            .into_iter()
            .find(|e| e.tag == "a")
            .unwrap();
        assert_eq!(link.attribute("href"), Some("/privacy"));
        let gpc = markup
            .elements()
            .into_iter()
            .find(|e| e.attribute("class") == Some("samtykke-gpc"))
            .map(|e| Markup::from(e.clone()).text_content());
        assert_eq!(gpc, Some(with.config.text("en", TextKey::GpcNotice)));
    }
}
