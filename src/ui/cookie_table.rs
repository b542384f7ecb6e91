//! A service and its cookie table (name, provider, purpose, duration), shared by the
//! preferences dialog and the notice.

use super::provider::ConsentContext;
use crate::core::Service;
use crate::core::TextKey;
use yew::prelude::*;

/// One service with its cookies.
pub fn service_block(ctx: &ConsentContext, service: &Service) -> Html {
    let language = &ctx.state.language;
    let label = service
        .label
        .as_ref()
        .map_or_else(|| service.name.clone(), |l| l.resolve(language).to_owned());
    html! {
        <div class="samtykke-service">
            <h3 class="samtykke-service-name">{ label }</h3>
            if !service.cookies.is_empty() {
                <table class="samtykke-cookie-table">
                    <thead>
                        <tr>
                            <th scope="col">{ ctx.text(TextKey::CookieName) }</th>
                            <th scope="col">{ ctx.text(TextKey::CookieProvider) }</th>
                            <th scope="col">{ ctx.text(TextKey::CookiePurpose) }</th>
                            <th scope="col">{ ctx.text(TextKey::CookieDuration) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for service.cookies.iter().map(|c| html! {
                            <tr>
                                <td>{ c.name.clone() }</td>
                                <td>{ c.provider.resolve(language).to_owned() }</td>
                                <td>{ c.purpose.resolve(language).to_owned() }</td>
                                <td>{ c.duration.resolve(language).to_owned() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
