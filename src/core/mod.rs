//! The pure core: no browser in here, so every rule is tested natively.

pub mod category;
pub mod config;
pub mod consent_mode;
pub mod cookie_text;
pub mod error;
pub mod first_layer;
pub mod gating;
pub mod json;
pub mod limits;
pub mod markup;
pub mod policy;
pub mod record;
mod similarity;
pub mod small_map;
pub(crate) mod small_sort;
pub mod snapshot;
pub mod state;
mod substring;
pub mod text;
pub mod texts;
pub mod url;
pub mod validate;

pub use category::{Category, CategorySet};
pub use config::Config;
pub use error::ConfigError;
pub use record::{ConsentId, ConsentRecord, Method};
pub use state::{Effect, Environment, Event, Notice, State, View};
