//! Samtykke's core: the rules of a cookie-consent manager with no browser in them, so every
//! rule is tested natively and a server can use the same code (the record, the cookie
//! format, the config reader).
//!
//! Data flows one way: a [`Config`] (read and checked by [`Config::from_json`]) and the
//! stored [`ConsentRecord`] make a [`State`]; a view renders it; each visitor action or page
//! fact is an [`Event`]; [`State::reduce`] applies the rules and returns the [`Effect`]s the
//! browser shell carries out. The modules are private: what is public is listed here.
//!
//! [`json`] is public on purpose: it is the wire format between the core engine and the UI
//! module, and between the engines and the page's JavaScript.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// The size rules of clippy.toml are for the wasm, where the wasm32 lint run enforces them;
// native builds also derive the JSON Schema, whose expansion uses serde_json's map.
#![cfg_attr(not(target_arch = "wasm32"), allow(clippy::disallowed_types))]

mod category;
mod claims;
mod config;
mod consent_mode;
mod container;
mod cookie_text;
mod erasure;
mod error;
mod first_layer;
mod gating;
mod google_tags;
mod host_only;
pub mod json;
mod language;
mod limits;
mod markup;
mod page_contract;
mod page_events;
mod plan;
mod plan_for;
mod policy;
mod record;
mod similarity;
mod slots;
mod small_map;
mod small_sort;
mod snapshot;
mod state;
mod substring;
#[cfg(feature = "testing")]
pub mod testing;
mod text;
mod texts;
mod url;
mod validate;

pub use category::{Category, CategorySet};
pub use claims::{analytics_notice, banner_description, complaint, Complaint};
pub use config::{
    CategoryConfig, Config, ConsentLog, ConsentMode, Controller, CookieInfo, CookieOptions,
    GoogleAnalytics, GoogleTagManager, Layout, SameSite, Service, SupervisoryAuthority, Theme,
};
pub use consent_mode::{consent_state, default_state, CONSENT_TYPES};
pub use container::container_attributes;
pub use cookie_text::{
    consent_cookie, decode_value, encode_value, erase_everywhere, only_cookie, read_cookie_header,
};
pub use erasure::{auto_clear_problem, cookies_to_erase, is_google_analytics_cookie};
pub use error::ConfigError;
pub use first_layer::first_layer;
pub use gating::{
    allows, markup_problem, nonce_problem, placeholder_texts, runs_on_plan, url_loads, url_problem,
    wanted_categories, Embed, PlaceholderTexts,
};
pub use google_tags::google_steps;
pub use host_only::{
    forgotten_at, forgotten_marker, leftover_stands, shared_choice, stamp_host, written_elsewhere,
    SharedChoice,
};
pub use language::{choose_language, is_language_code, text_direction, BUILT_IN_LANGUAGES};
pub use limits::{
    service_name_problem, MAX_COOKIE_LEN, MAX_COOKIE_NAME_LEN, MAX_ENCODED_LEN, MAX_EXPIRY_DAYS,
    MAX_SERVICES, MAX_SERVICE_NAME_LEN, MAX_STORED_SERVICE_NAME_LEN,
};
pub use markup::{Element as MarkupElement, Markup};
pub use page_contract::{
    hand_over_watch, page_languages, FULL_ENGINE_FIRST_VISIT, GATED, GATED_EMBEDS, GATED_SCRIPTS,
    HANDLED, HELD_URLS, HELD_URLS_TEXT, NOTICE_HOOK, OTHER_TABS_CHANNEL, PREFERENCES_HOOK,
};
pub use page_events::{consent_json, notice_event};
pub use plan::{
    context as plan_context, fingerprint, steps_json, steps_value, Plan, PlanText, Step, PLAN_KEY,
    PLAN_LIFETIME_MS,
};
pub use plan_for::{effect_steps, plan_for, settings_button_step, PlanPage};
pub use policy::{in_force_window, lifetime_ms, DAY_MS};
pub use record::{ConsentId, ConsentRecord, DecodeError, Method, FORMAT_VERSION};
pub use state::{Effect, Environment, Event, Notice, State, View};
pub use text::{PerLanguage, Text, TextOverrides};
pub use texts::TextKey;
pub use url::scheme_problem;
pub use validate::ParsedConfig;

/// The README's example, compiled as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
