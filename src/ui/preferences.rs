//! `PreferencesDialog`: a modal dialog with one switch per category, and inside each category
//! that lists services one switch per service (with its cookie table), nothing pre-ticked but
//! `necessary` and its services (on and disabled). Escape closes it; focus is trapped and
//! given back after.

use super::labels::{category_description, category_label};
use super::provider::ConsentContext;
use crate::core::TextKey;
use crate::core::{Category, Event, View};
use crate::core::{CategoryConfig, Service};
use yew::prelude::*;

/// The preferences dialog, shown after "Manage preferences", a `data-samtykke="preferences"`
/// hook, the settings button or `showPreferences()`.
#[component]
pub fn PreferencesDialog() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let node = use_node_ref();
    let open = ctx.state.view == View::Preferences;
    use_effect_with((), |_| crate::browser::focus::track_focus());
    {
        let node = node.clone();
        use_effect_with(open, move |open| {
            let previous = crate::browser::focus::opener();
            if let (true, Some(element)) = (*open, node.cast::<web_sys::Element>()) {
                crate::browser::focus::focus_first(&element);
            }
            let open = *open;
            move || {
                if open {
                    crate::browser::focus::restore_focus(previous);
                }
            }
        });
    }
    if !open {
        return html! {};
    }
    let onkeydown = {
        let node = node.clone();
        let close = ctx.sender::<()>(Event::ClosePreferences);
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            } else if let Some(el) = node.cast::<web_sys::Element>() {
                crate::browser::focus::trap_tab(&el, &e);
            }
        })
    };
    let categories: Html = ctx
        .state
        .config
        .categories
        .iter()
        .map(|c| category_row(&ctx, c))
        .collect();
    html! {
        <div class="samtykke-backdrop">
            <div class="samtykke-preferences" role="dialog" aria-modal="true"
                aria-labelledby="samtykke-preferences-title"
                aria-describedby="samtykke-preferences-text"
                ref={node} {onkeydown}>
                <div class="samtykke-preferences-header">
                    <h2 class="samtykke-title" id="samtykke-preferences-title">{ ctx.text(TextKey::PreferencesTitle) }</h2>
                    <button type="button" class="samtykke-close" data-action="close"
                        aria-label={ctx.text(TextKey::Close)}
                        onclick={ctx.sender(Event::ClosePreferences)}>
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <div class="samtykke-preferences-body">
                    <p class="samtykke-text" id="samtykke-preferences-text">
                        { ctx.text(TextKey::PreferencesDescription) }
                        if let Some(url) = ctx.state.config.privacy_policy_url.clone() {
                            { " " }<a class="samtykke-link" href={url}>{ ctx.text(TextKey::PrivacyPolicy) }</a>
                        }
                    </p>
                    <ul class="samtykke-categories">{ categories }</ul>
                </div>
                <div class="samtykke-actions">
                    <button type="button" class="samtykke-button" data-action="save"
                        onclick={ctx.sender(Event::SavePreferences)}>{ ctx.text(TextKey::SavePreferences) }</button>
                    <button type="button" class="samtykke-button" data-action="accept-all"
                        onclick={ctx.sender(Event::AcceptAll)}>{ ctx.text(TextKey::AcceptAll) }</button>
                    <button type="button" class="samtykke-button" data-action="reject-all"
                        onclick={ctx.sender(Event::RejectAll)}>{ ctx.text(TextKey::RejectAll) }</button>
                </div>
            </div>
        </div>
    }
}

fn category_row(ctx: &ConsentContext, config: &CategoryConfig) -> Html {
    let category = config.category;
    let name = category.as_str();
    let switch_id = format!("samtykke-switch-{name}");
    let description_id = format!("samtykke-desc-{name}");
    let necessary = category == Category::Necessary;
    let checked = necessary || ctx.state.draft.contains(category);
    let onchange = {
        let context = ctx.clone();
        Callback::from(move |e: web_sys::Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            context.send(crate::core::Event::Toggle(category, input.checked()));
        })
    };
    html! {
        <li class="samtykke-category">
            <div class="samtykke-category-head">
                <input type="checkbox" role="switch" class="samtykke-switch"
                    id={switch_id.clone()} checked={checked} disabled={necessary}
                    aria-describedby={description_id.clone()} {onchange} />
                <label class="samtykke-category-label" for={switch_id}>{ category_label(&ctx.state, category) }</label>
                if necessary {
                    <span class="samtykke-always-on">{ ctx.text(TextKey::AlwaysOn) }</span>
                }
            </div>
            <p class="samtykke-category-description" id={description_id}>{ category_description(&ctx.state, category) }</p>
            if !config.services.is_empty() {
                <details class="samtykke-services">
                    <summary>{ ctx.text(TextKey::Services) }</summary>
                    { for config.services.iter().map(|s| {
                        super::cookie_table::service_block(ctx, s, service_switch(ctx, category, s))
                    }) }
                </details>
            }
        </li>
    }
}

/// A service's switch, named by its label; the core turns its category with it.
fn service_switch(ctx: &ConsentContext, category: Category, service: &Service) -> Html {
    let switch_id = format!("samtykke-service-{}", service.name);
    let necessary = category == Category::Necessary;
    let checked = necessary || ctx.state.draft_service_on(&service.name);
    let onchange = {
        let (context, name) = (ctx.clone(), service.name.clone());
        Callback::from(move |e: web_sys::Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            context.send(Event::ToggleService(name.clone(), input.checked()));
        })
    };
    html! {
        <div class="samtykke-service-head">
            <input type="checkbox" role="switch" class="samtykke-switch"
                id={switch_id.clone()} checked={checked} disabled={necessary} {onchange} />
            <label class="samtykke-service-name" for={switch_id}>{ service.label_in(&ctx.state.language) }</label>
        </div>
    }
}
