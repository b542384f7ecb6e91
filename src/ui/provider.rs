//! `ConsentProvider` and `use_consent()`: the state in a Yew context, and a handle to act on it.

use crate::browser::Controller;
use crate::core::{Category, CategorySet, Config, ConsentRecord, Event, State};
use std::rc::Rc;
use yew::prelude::*;

/// What the views read from context: the controller and the state of the last render.
#[derive(Clone)]
pub struct ConsentContext {
    /// The controller events go to.
    pub controller: Controller,
    /// The state to render.
    pub state: Rc<State>,
}

impl PartialEq for ConsentContext {
    fn eq(&self, other: &Self) -> bool {
        self.controller == other.controller && *self.state == *other.state
    }
}

impl ConsentContext {
    /// Sends `event` to the controller.
    pub fn send(&self, event: Event) {
        self.controller.dispatch(event);
    }

    /// A callback that sends `event` whatever it is called with.
    pub fn sender<T: 'static>(&self, event: Event) -> Callback<T> {
        let controller = self.controller.clone();
        Callback::from(move |_| controller.dispatch(event.clone()))
    }

    /// The text for `key` in the current language.
    pub fn text(&self, key: crate::core::texts::TextKey) -> String {
        self.state.config.text(&self.state.language, key)
    }
}

/// Properties of [`ConsentProvider`].
#[derive(Properties, PartialEq)]
pub struct ConsentProviderProps {
    /// The site's config. Used to make a controller for this page when `controller` is not
    /// given.
    #[prop_or_default]
    pub config: Option<Rc<Config>>,
    /// A controller made elsewhere (the script-tag bundle, or in-memory adapters in tests).
    /// It is used as it is and not started again.
    #[prop_or_default]
    pub controller: Option<Controller>,
    /// The app.
    #[prop_or_default]
    pub children: Html,
}

/// Puts the consent state in context for [`use_consent`] and the Samtykke components.
///
/// ```no_run
/// use samtykke::ui::{ConsentProvider, ConsentUi};
/// use samtykke::Config;
/// use std::rc::Rc;
/// use yew::prelude::*;
///
/// #[component]
/// fn App() -> Html {
///     let config = Rc::new(Config::from_json(r#"{"categories": ["necessary", "statistics"]}"#).config);
///     html! {
///         <ConsentProvider config={config}>
///             <main>{ "My site" }</main>
///             <ConsentUi />
///         </ConsentProvider>
///     }
/// }
/// ```
#[component]
pub fn ConsentProvider(props: &ConsentProviderProps) -> Html {
    let given = props.controller.clone();
    let config = props.config.clone();
    let controller = use_state(move || {
        given.unwrap_or_else(|| {
            let config = config.map(|c| (*c).clone()).unwrap_or_default();
            let controller = crate::browser::boot::page_controller(config, None);
            crate::browser::boot::start_in_page(&controller);
            controller
        })
    });
    let force_update = use_force_update();
    {
        let controller = (*controller).clone();
        use_effect_with((), move |_| {
            let subscription = controller.subscribe(move || force_update.force_update());
            move || drop(subscription)
        });
    }
    let context = ConsentContext {
        controller: (*controller).clone(),
        state: Rc::new(controller.state()),
    };
    html! {
        <ContextProvider<ConsentContext> context={context}>
            { props.children.clone() }
        </ContextProvider<ConsentContext>>
    }
}

/// What [`use_consent`] returns: read the choice, and change it.
#[derive(Clone, PartialEq)]
pub struct ConsentHandle {
    context: ConsentContext,
}

impl ConsentHandle {
    /// Whether `category` is granted now.
    pub fn is_granted(&self, category: Category) -> bool {
        self.context.state.is_granted(category)
    }
    /// The choice in force, if any.
    pub fn record(&self) -> Option<&ConsentRecord> {
        self.context.state.record.as_ref()
    }
    /// The whole state.
    pub fn state(&self) -> &State {
        &self.context.state
    }
    /// Grants every category.
    pub fn accept_all(&self) {
        self.context.send(Event::AcceptAll);
    }
    /// Grants exactly `categories` (and `necessary`).
    pub fn accept(&self, categories: CategorySet) {
        self.context.send(Event::Accept(categories));
    }
    /// Refuses everything but `necessary`.
    pub fn reject_all(&self) {
        self.context.send(Event::RejectAll);
    }
    /// Opens the preferences dialog.
    pub fn show_preferences(&self) {
        self.context.send(Event::ShowPreferences);
    }
    /// Forgets the choice and asks again.
    pub fn reset(&self) {
        self.context.send(Event::Reset);
    }
}

/// The consent state and actions, inside a [`ConsentProvider`]. Outside one, `None`.
#[hook]
pub fn use_consent() -> Option<ConsentHandle> {
    use_context::<ConsentContext>().map(|context| ConsentHandle { context })
}
