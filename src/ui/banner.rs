//! `ConsentBanner`: the first layer. Accept all, Reject all and Manage preferences carry the
//! same weight: one class, one look.

use super::provider::ConsentContext;
use crate::core::config::Layout;
use crate::core::texts::TextKey;
use crate::core::{Event, View};
use yew::prelude::*;

/// The first layer, shown while no choice is in force (and after `show()`).
#[component]
pub fn ConsentBanner() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let node = use_node_ref();
    let shown = ctx.state.view == View::Banner;
    let modal = ctx.state.config.layout == Layout::Modal;
    {
        let node = node.clone();
        use_effect_with(shown, move |shown| {
            let previous = super::focus::opener();
            let element = node.cast::<web_sys::Element>();
            if let (true, true, Some(element)) = (*shown, modal, &element) {
                super::focus::focus_first(element);
            }
            reserve_space(element.as_ref().filter(|_| *shown));
            let shown = *shown;
            move || {
                reserve_space(None);
                if shown && modal {
                    super::focus::restore_focus(previous);
                }
            }
        });
    }
    if !shown {
        return html! {};
    }
    let onkeydown = {
        let node = node.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let (true, Some(el)) = (modal, node.cast::<web_sys::Element>()) {
                super::focus::trap_tab(&el, &e);
            }
        })
    };
    let policy = ctx.state.config.privacy_policy_url.clone();
    let banner = html! {
        <section
            class="samtykke-banner"
            role="dialog"
            aria-modal={if modal { "true" } else { "false" }}
            aria-labelledby="samtykke-banner-title"
            aria-describedby="samtykke-banner-text"
            ref={node}
            {onkeydown}
        >
            <div class="samtykke-banner-body">
                <h2 class="samtykke-title" id="samtykke-banner-title">{ ctx.text(TextKey::BannerTitle) }</h2>
                <p class="samtykke-text" id="samtykke-banner-text">{ ctx.text(TextKey::BannerDescription) }</p>
                if ctx.state.gpc_honoured {
                    <p class="samtykke-gpc">{ ctx.text(TextKey::GpcNotice) }</p>
                }
                if let Some(url) = policy {
                    <a class="samtykke-link" href={url}>{ ctx.text(TextKey::PrivacyPolicy) }</a>
                }
            </div>
            <div class="samtykke-actions">
                <button type="button" class="samtykke-button" data-action="accept-all"
                    onclick={ctx.sender(Event::AcceptAll)}>{ ctx.text(TextKey::AcceptAll) }</button>
                <button type="button" class="samtykke-button" data-action="reject-all"
                    onclick={ctx.sender(Event::RejectAll)}>{ ctx.text(TextKey::RejectAll) }</button>
                <button type="button" class="samtykke-button" data-action="manage"
                    onclick={ctx.sender(Event::ShowPreferences)}>{ ctx.text(TextKey::ManagePreferences) }</button>
            </div>
        </section>
    };
    if modal {
        html! { <div class="samtykke-backdrop">{ banner }</div> }
    } else {
        banner
    }
}

/// Keeps the page's focused element from hiding behind a bottom banner (WCAG 2.4.11): the
/// page scrolls with room for the banner. Set through CSSOM, which a strict CSP allows.
fn reserve_space(banner: Option<&web_sys::Element>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Some(root) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) else {
        return;
    };
    let style = root.style();
    match banner.and_then(|b| {
        wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(b).map(|h| h.offset_height())
    }) {
        Some(height) => {
            let _ = style.set_property("scroll-padding-bottom", &format!("{height}px"));
        }
        None => {
            let _ = style.remove_property("scroll-padding-bottom");
        }
    }
}
