//! The imperative shell and its browser adapters. Every adapter sits behind a small trait in
//! [`ports`] with an in-memory twin in `memory` (feature `testing`), so the shell also runs in native tests.

pub mod boot;
pub mod container;
pub mod document_cookies;
pub mod dom;
pub mod first_layer;
pub mod focus;
pub mod gate;
pub mod gtag;
pub mod listener;
pub mod local_storage;
pub mod markup_dom;
#[cfg(any(test, feature = "testing"))]
pub mod memory;
pub mod page;
pub mod plan;
pub mod ports;
pub mod runtime;
pub mod scroll_room;
pub mod settings_button;
pub mod shared_cookie;
pub mod storage;

pub use runtime::{Adapters, Controller, Subscription};
