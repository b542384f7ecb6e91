//! `window.localStorage`, which may throw on access (sandboxed iframes, disabled storage) or
//! on write (quota, private modes). Either way the fallback store moves on.

use super::ports::{RecordStore, Saved};

/// The record under one `localStorage` key.
#[derive(Debug)]
pub struct LocalStore {
    key: String,
}

impl LocalStore {
    /// A store using `key` (the config's cookie name).
    pub fn new(key: &str) -> Self {
        LocalStore {
            key: key.to_owned(),
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

impl RecordStore for LocalStore {
    fn load(&self) -> Option<String> {
        super::page::stored_item(&self.key)
    }

    fn save(&self, encoded: &str, _max_age_secs: u64) -> Saved {
        match Self::storage().map(|s| s.set_item(&self.key, encoded)) {
            Some(Ok(())) => Saved::Kept,
            _ => Saved::Refused,
        }
    }

    fn clear(&self) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(&self.key);
        }
    }

    fn kind(&self) -> &'static str {
        "localStorage"
    }
}
