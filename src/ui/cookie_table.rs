//! A service and its cookie table (name, provider, purpose, duration), shared by the
//! preferences dialog (under the service's switch) and the notice (under its name).

use super::provider::ConsentContext;
use crate::core::Service;
use crate::core::TextKey;
use yew::prelude::*;

/// The service's name as a heading, for the notice.
pub fn service_heading(ctx: &ConsentContext, service: &Service) -> Html {
    html! { <h3 class="samtykke-service-name">{ service.label_in(&ctx.state.language) }</h3> }
}

/// One service with its cookies, under `head` (its name, or its switch).
pub fn service_block(ctx: &ConsentContext, service: &Service, head: Html) -> Html {
    let language = &ctx.state.language;
    html! {
        <div class="samtykke-service">
            { head }
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
