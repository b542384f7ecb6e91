//! The Google tag in a real page: the core's steps for it, carried out by the page actions
//! of `shims.js` (the `dataLayer`/`gtag` stub, because gtag.js needs `arguments` objects, and
//! the async tag scripts, carrying the page's CSP nonce), as the returning engine replays them.

use super::page::replay_steps;
use super::ports::GoogleTags;
use crate::core::{steps_json, Step};

/// The page's Google tag.
#[derive(Debug)]
pub struct WebGoogleTags {
    /// CSP nonce for the scripts Samtykke inserts.
    pub nonce: Option<String>,
}

impl GoogleTags for WebGoogleTags {
    fn run(&self, steps: &[Step]) {
        if !steps.is_empty() {
            replay_steps(&steps_json(steps), self.nonce.as_deref().unwrap_or(""));
        }
    }
}
