//! Samtykke: a cookie-consent manager for the web.
//!
//! - [`core`]: the pure rules (config, record, expiry, revision, GPC, Consent Mode), no
//!   browser: the `samtykke-core` crate, re-exported.
//! - [`browser`]: thin adapters that carry the core's effects out in a page.
//! - [`ui`]: Yew components that render the state and send events.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod browser;
pub use samtykke_core as core;
#[cfg(feature = "ui")]
pub mod ui;

pub use crate::core::{
    Category, CategorySet, Config, ConfigError, ConsentRecord, Event, State, View,
};

/// The README's Rust snippets, compiled as doctests so they cannot go stale.
#[cfg(all(doctest, feature = "ui"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
