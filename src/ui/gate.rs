//! `ConsentGate`: children only when a category (and a service) is granted.

use super::provider::ConsentContext;
use crate::core::Category;
use yew::prelude::*;

/// Properties of [`ConsentGate`].
#[derive(Properties, PartialEq)]
pub struct ConsentGateProps {
    /// The category the children need.
    pub category: Category,
    /// The service (of the config's `services`) the children also need, like
    /// `data-service`. Default: none.
    #[prop_or_default]
    pub service: Option<AttrValue>,
    /// Rendered while the category is not granted.
    #[prop_or_default]
    pub fallback: Html,
    /// Rendered once the category is granted.
    #[prop_or_default]
    pub children: Html,
}

/// Renders its children only while `category` is granted (and `service`, when given, is on),
/// `fallback` otherwise.
///
/// ```no_run
/// use samtykke::ui::ConsentGate;
/// use samtykke::Category;
/// use yew::prelude::*;
///
/// let video = html! {
///     <ConsentGate category={Category::Marketing} fallback={html! { <p>{ "Video needs marketing consent." }</p> }}>
///         <iframe src="https://www.youtube-nocookie.com/embed/ID" title="Video"></iframe>
///     </ConsentGate>
/// };
/// ```
#[component]
pub fn ConsentGate(props: &ConsentGateProps) -> Html {
    let granted = use_context::<ConsentContext>().is_some_and(|c| {
        c.state.is_granted(props.category)
            && props
                .service
                .as_ref()
                .is_none_or(|s| c.state.is_service_granted(s))
    });
    if granted {
        props.children.clone()
    } else {
        props.fallback.clone()
    }
}

impl std::fmt::Debug for ConsentGateProps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentGateProps").finish_non_exhaustive()
    }
}
