//! `ConsentProvider` and `use_consent()`: the state in a Yew context, and a handle to act on it.

use crate::browser::Controller;
use crate::core::{Category, CategorySet, Config, ConsentRecord, Event, State};
use std::rc::Rc;
use yew::prelude::*;

/// Where the views get their state and send their events: a [`Controller`] in this module,
/// or a bridge to one in another wasm module (the script tag's lazily loaded UI).
pub trait ConsentSource {
    /// The state to render now.
    fn snapshot(&self) -> State;
    /// Sends a visitor's event.
    fn send(&self, event: Event);
    /// Calls `on_change` after every change until the returned guard is dropped.
    fn watch(&self, on_change: Rc<dyn Fn()>) -> Box<dyn std::any::Any>;
}

impl ConsentSource for Controller {
    fn snapshot(&self) -> State {
        self.state()
    }
    fn send(&self, event: Event) {
        self.dispatch(event);
    }
    fn watch(&self, on_change: Rc<dyn Fn()>) -> Box<dyn std::any::Any> {
        Box::new(self.subscribe(move || on_change()))
    }
}

/// A shared [`ConsentSource`], compared by identity (for Yew props and context).
#[derive(Clone)]
pub struct SourceRef(pub Rc<dyn ConsentSource>);

impl PartialEq for SourceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the views read from context: where events go and the state of the last render.
#[derive(Clone)]
pub struct ConsentContext {
    /// Where events go.
    pub source: SourceRef,
    /// The state to render.
    pub state: Rc<State>,
}

impl PartialEq for ConsentContext {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && *self.state == *other.state
    }
}

impl ConsentContext {
    /// Sends `event`.
    pub fn send(&self, event: Event) {
        self.source.0.send(event);
    }

    /// A callback that sends `event` whatever it is called with.
    pub fn sender<T: 'static>(&self, event: Event) -> Callback<T> {
        let source = self.source.clone();
        Callback::from(move |_| source.0.send(event.clone()))
    }

    /// The text for `key` in the current language.
    pub fn text(&self, key: crate::core::TextKey) -> String {
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
    /// Any other source of state, such as a bridge to a controller in another module.
    #[prop_or_default]
    pub source: Option<SourceRef>,
    /// The app.
    #[prop_or_default]
    pub children: Html,
}

/// Puts the consent state in context for [`use_consent`] and the Samtykke components.
///
/// The provider reads its props once, when it mounts: the controller it makes from `config`
/// (or the `controller` or `source` it is given) stays for its life, and a later change of
/// props is ignored. To start again with another config, give the provider a new `key`.
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
    let given = props
        .source
        .clone()
        .or_else(|| props.controller.clone().map(|c| SourceRef(Rc::new(c))));
    let config = props.config.clone();
    let source = use_state(move || {
        given.unwrap_or_else(|| start_for_page(config.map(|c| (*c).clone()).unwrap_or_default()))
    });
    let force_update = use_force_update();
    {
        let source = (*source).clone();
        use_effect_with((), move |_| {
            let guard = source.0.watch(Rc::new(move || force_update.force_update()));
            move || drop(guard)
        });
    }
    let context = ConsentContext {
        source: (*source).clone(),
        state: Rc::new(source.0.snapshot()),
    };
    html! {
        <ContextProvider<ConsentContext> context={context}>
            { props.children.clone() }
        </ContextProvider<ConsentContext>>
    }
}

/// A controller for this page, started (feature `boot`, on by default). It hears the page
/// (other tabs, hooks, gated markup) until the provider that made it is gone.
#[cfg(feature = "boot")]
fn start_for_page(config: Config) -> SourceRef {
    let controller = crate::browser::boot::page_controller(config, None);
    let hooks = crate::browser::boot::start_in_page(&controller, None);
    SourceRef(Rc::new(Started {
        controller,
        _hooks: hooks,
    }))
}

/// A controller the provider started, with what keeps it hearing the page.
#[cfg(feature = "boot")]
struct Started {
    controller: Controller,
    _hooks: crate::browser::boot::PageHooks,
}

#[cfg(feature = "boot")]
impl ConsentSource for Started {
    fn snapshot(&self) -> State {
        self.controller.snapshot()
    }
    fn send(&self, event: Event) {
        self.controller.send(event);
    }
    fn watch(&self, on_change: Rc<dyn Fn()>) -> Box<dyn std::any::Any> {
        self.controller.watch(on_change)
    }
}

/// Without `boot` the provider needs a `controller` or `source`; a bare config gets a source
/// that shows nothing and grants nothing (necessary only), and the console says why.
#[cfg(not(feature = "boot"))]
fn start_for_page(config: Config) -> SourceRef {
    crate::browser::page::console_error(
        "samtykke: built without `boot`; give ConsentProvider a controller or source",
    );
    SourceRef(Rc::new(Inert(State::new(Rc::new(config), None, &[]))))
}

/// A source that never changes: what a provider without a controller renders.
#[cfg(not(feature = "boot"))]
struct Inert(State);

#[cfg(not(feature = "boot"))]
impl ConsentSource for Inert {
    fn snapshot(&self) -> State {
        self.0.clone()
    }
    fn send(&self, _event: Event) {}
    fn watch(&self, _on_change: Rc<dyn Fn()>) -> Box<dyn std::any::Any> {
        Box::new(())
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
    /// Whether the service `name` (of the config's `services`) is on now.
    pub fn is_service_granted(&self, name: &str) -> bool {
        self.context.state.is_service_granted(name)
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
    /// Grants exactly `categories` (and `necessary`), each with all its services.
    pub fn accept(&self, categories: CategorySet) {
        self.context.send(Event::Accept(categories));
    }
    /// Grants `categories` with exactly the services named in `services` (by config name):
    /// a service grants its category too, and a category none of whose services is named
    /// counts as refused.
    ///
    /// ```no_run
    /// # fn example(consent: samtykke::ui::ConsentHandle) {
    /// use samtykke::{Category, CategorySet};
    /// // Statistics with Matomo only, and YouTube (so marketing) without the other services.
    /// let statistics = CategorySet::necessary_only().with(Category::Statistics);
    /// consent.accept_services(statistics, ["matomo", "youtube"]);
    /// # }
    /// ```
    pub fn accept_services<S: Into<String>>(
        &self,
        categories: CategorySet,
        services: impl IntoIterator<Item = S>,
    ) {
        let services = services.into_iter().map(Into::into).collect();
        self.context
            .send(Event::AcceptServices(categories, services));
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

/// The consent state and actions, inside a [`ConsentProvider`]. Outside one, `None`. The
/// component re-renders after every change of the choice.
///
/// ```no_run
/// use samtykke::ui::use_consent;
/// use samtykke::Category;
/// use yew::prelude::*;
///
/// /// A map that loads only with consent to marketing, and asks for it otherwise.
/// #[component]
/// fn StoreMap() -> Html {
///     let Some(consent) = use_consent() else {
///         return html! {};
///     };
///     if consent.is_granted(Category::Marketing) {
///         html! { <iframe src="https://maps.example/embed" title="Our store on a map" /> }
///     } else {
///         let ask = Callback::from(move |_| consent.show_preferences());
///         html! { <button onclick={ask}>{ "Show the map (needs marketing cookies)" }</button> }
///     }
/// }
/// ```
#[hook]
pub fn use_consent() -> Option<ConsentHandle> {
    use_context::<ConsentContext>().map(|context| ConsentHandle { context })
}

impl std::fmt::Debug for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceRef").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ConsentContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentContext").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ConsentProviderProps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentProviderProps")
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ConsentHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentHandle").finish_non_exhaustive()
    }
}
