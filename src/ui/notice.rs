//! `PrivacyNotice`: the cookie part of a privacy statement, with the visitor's live choice and
//! buttons to change or withdraw it.

use super::labels::{category_description, category_label};
use super::provider::ConsentContext;
use crate::core::TextKey;
use crate::core::{analytics_notice, complaint, Event};
use yew::prelude::*;

/// The rendered cookie notice: each category's purpose and cookies, Google Analytics, how long
/// choices are kept, the visitor's rights and the current choice.
#[component]
pub fn PrivacyNotice() -> Html {
    let Some(ctx) = use_context::<ConsentContext>() else {
        return html! {};
    };
    let state = &ctx.state;
    let config = &state.config;
    let retention = ctx
        .text(TextKey::NoticeRetention)
        .replace("{consentDays}", &config.expiry_days.to_string())
        .replace("{refusalDays}", &config.refusal_expiry_days.to_string());
    let categories = config.categories.iter().map(|c| {
        html! {
            <section class="samtykke-notice-category">
                <h3>{ category_label(state, c.category) }</h3>
                <p>{ category_description(state, c.category) }</p>
                { for c.services.iter().map(|s| {
                    let heading = super::cookie_table::service_heading(&ctx, s);
                    super::cookie_table::service_block(&ctx, s, heading)
                }) }
            </section>
        }
    });
    let status = match &state.record {
        None => html! { <p>{ ctx.text(TextKey::StatusNone) }</p> },
        Some(record) => {
            let accepted: Vec<String> = record
                .granted
                .iter()
                .map(|c| category_label(state, c))
                .collect();
            html! {
                <dl class="samtykke-status">
                    <dt>{ ctx.text(TextKey::StatusConsentId) }</dt>
                    <dd><code>{ record.id.to_string() }</code></dd>
                    <dt>{ ctx.text(TextKey::StatusDate) }</dt>
                    <dd>{ iso_date(record.given_at) }</dd>
                    <dt>{ ctx.text(TextKey::StatusAccepted) }</dt>
                    <dd>{ accepted.join(", ") }</dd>
                </dl>
            }
        }
    };
    let withdrawable = state
        .record
        .as_ref()
        .is_some_and(|r| r.granted != crate::core::CategorySet::necessary_only());
    let language = &state.language;
    let complaint = {
        let c = complaint(config, language);
        let authority = c.authority.map(|(name, url)| match url {
            Some(url) => html! { <a href={url}>{ name }</a> },
            None => html! { { name } },
        });
        html! { <>{ c.before }{ for authority }{ c.after }</> }
    };
    let controller = config.controller.as_ref().map(|c| {
        html! {
            <>
                <h3>{ ctx.text(TextKey::NoticeControllerHeading) }</h3>
                <dl class="samtykke-status">
                    <dt>{ ctx.text(TextKey::NoticeControllerHeading) }</dt>
                    <dd>
                        { c.name.resolve(language).to_owned() }
                        if let Some(address) = &c.address { { ", " }{ address.resolve(language).to_owned() } }
                    </dd>
                    if let Some(email) = &c.email {
                        <dt>{ ctx.text(TextKey::ControllerContact) }</dt>
                        <dd><a href={format!("mailto:{email}")}>{ email.clone() }</a></dd>
                    }
                    if let Some(dpo) = &c.data_protection_officer {
                        <dt>{ ctx.text(TextKey::DataProtectionOfficer) }</dt>
                        <dd>{ dpo.resolve(language).to_owned() }</dd>
                    }
                </dl>
            </>
        }
    });
    html! {
        <section class="samtykke-notice" lang={state.language.clone()} dir={crate::core::text_direction(&state.language)} aria-labelledby="samtykke-notice-title">
            <h2 id="samtykke-notice-title">{ ctx.text(TextKey::NoticeTitle) }</h2>
            <p>{ ctx.text(TextKey::NoticeIntro) }</p>
            { for controller }
            { for categories }
            if let Some(analytics) = analytics_notice(config, language) {
                <p>{ analytics }</p>
            }
            <p>{ retention }</p>
            <h3>{ ctx.text(TextKey::NoticeRightsHeading) }</h3>
            <p>{ ctx.text(TextKey::NoticeRights) }{ " " }{ complaint }</p>
            <h3>{ ctx.text(TextKey::NoticeStatusHeading) }</h3>
            { status }
            <div class="samtykke-notice-actions">
                <button type="button" class="samtykke-button" data-action="change"
                    onclick={ctx.sender(Event::ShowPreferences)}>{ ctx.text(TextKey::ChangeChoice) }</button>
                if withdrawable {
                    <button type="button" class="samtykke-button" data-action="withdraw"
                        onclick={ctx.sender(Event::RejectAll)}>{ ctx.text(TextKey::WithdrawConsent) }</button>
                }
            </div>
        </section>
    }
}

/// `YYYY-MM-DD` (UTC) for a time in milliseconds since the epoch.
fn iso_date(ms: u64) -> String {
    let days = (ms / 86_400_000) as i64;
    // Civil-from-days (proleptic Gregorian), so no date library is needed.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates() {
        assert_eq!(super::iso_date(0), "1970-01-01");
        assert_eq!(super::iso_date(1_800_000_000_000), "2027-01-15");
        assert_eq!(super::iso_date(951_782_400_000), "2000-02-29");
    }
}
