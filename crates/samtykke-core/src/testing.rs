//! A fake [`Environment`] for tests (feature `testing`, never in a shipped build): a clock
//! that stands still until moved, and consent ids `01010101-…`, `02020202-…` in the order
//! they are handed out, so a test can name the id a decision will get.

use crate::{ConsentId, Environment};
use std::cell::Cell;

/// A settable clock and a counter for ids.
#[derive(Debug)]
pub struct FixedEnvironment {
    /// The current time in milliseconds since the Unix epoch.
    pub now: Cell<u64>,
    ids: Cell<u8>,
}

impl FixedEnvironment {
    /// A clock showing `now_ms`; no id handed out yet.
    pub fn at(now_ms: u64) -> Self {
        FixedEnvironment {
            now: Cell::new(now_ms),
            ids: Cell::new(0),
        }
    }

    /// Moves the clock `ms` forward.
    pub fn advance(&self, ms: u64) {
        self.now.set(self.now.get() + ms);
    }

    /// The id the `n`th call to `fresh_id` returns (from 1).
    pub fn id(n: u8) -> ConsentId {
        ConsentId::from_random_bytes([n; 16])
    }

    /// How many ids were handed out so far.
    pub fn ids_handed_out(&self) -> u8 {
        self.ids.get()
    }
}

impl Environment for FixedEnvironment {
    fn now_ms(&self) -> u64 {
        self.now.get()
    }

    fn fresh_id(&self) -> ConsentId {
        let n = self.ids.get().wrapping_add(1);
        self.ids.set(n);
        FixedEnvironment::id(n)
    }
}

/// serde_json's `json!`, as the core's own [`crate::json::Value`]: tests write values as JSON
/// literals.
#[macro_export]
macro_rules! json {
    ($($value:tt)+) => {{
        #[allow(clippy::disallowed_types)] // test code: serde_json builds the literal
        let value = ::serde_json::json!($($value)+);
        $crate::json::Value::from(value)
    }};
}
