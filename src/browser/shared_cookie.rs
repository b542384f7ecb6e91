//! One choice for a whole site: with `cookie.domain` the cookie on that domain holds the
//! record, and every subdomain reads it first, so a choice or a withdrawal made on
//! `shop.example.com` is in force on `www.example.com` at its next page view.
//!
//! What an earlier version (or the site before it set `cookie.domain`) kept on this host, in a
//! host-only cookie of the same name or in `localStorage`, moves to the domain cookie on the
//! first load, and is removed once the domain cookie holds a choice: left behind, it would
//! come back after the visitor withdrew on a sibling. A reset leaves a marker with its time in
//! the domain cookie, so that what this host kept from before a reset made on a sibling is
//! removed rather than moved.

use super::ports::{CookieJar, RecordStore, Saved};
use super::storage::CookieStore;
use crate::core::{
    decode_value, forgotten_at, forgotten_marker, leftover_stands, shared_choice, ConsentRecord,
    CookieOptions, MAX_EXPIRY_DAYS,
};
use std::rc::Rc;

/// The domain cookie, taking over this host's leftovers.
pub struct SharedCookieStore {
    cookie: CookieStore,
    jar: Rc<dyn CookieJar>,
    options: CookieOptions,
    leftovers: Box<dyn RecordStore>,
    now_ms: Box<dyn Fn() -> u64>,
}

impl SharedCookieStore {
    /// The cookie `options` describe (their `domain` set) in `jar`; `leftovers` is where this
    /// host kept the choice before (`localStorage`); `now_ms` gives the time, for the
    /// `Max-Age` of a record moved to the domain cookie.
    pub fn new(
        jar: Rc<dyn CookieJar>,
        options: CookieOptions,
        leftovers: Box<dyn RecordStore>,
        now_ms: Box<dyn Fn() -> u64>,
    ) -> Self {
        SharedCookieStore {
            cookie: CookieStore::new(jar.clone(), options.clone()),
            jar,
            options,
            leftovers,
            now_ms,
        }
    }

    /// Every value the cookie's name has on this page: the domain cookie's and any host-only
    /// cookie's, in `document.cookie` order.
    fn values(&self) -> Vec<String> {
        self.jar
            .read_all()
            .into_iter()
            .filter(|(name, _)| *name == self.options.name)
            .filter_map(|(_, value)| decode_value(&value))
            .collect()
    }

    /// Removes the host-only cookie of the name, which would stand beside the domain cookie.
    fn erase_host_only(&self) {
        let name = &self.options.name;
        self.jar.write(&format!("{name}=; Max-Age=0; Path=/"));
        if self.options.path != "/" {
            self.jar
                .write(&format!("{name}=; Max-Age=0; Path={}", self.options.path));
        }
    }

    /// Writes a record this host kept before to the domain cookie; once it is there, the copy
    /// in `localStorage` goes. (An expired record is left for the reducer to forget.)
    fn adopt(&self, text: String) -> Option<String> {
        let seconds = ConsentRecord::decode(&text)
            .map(|record| record.seconds_left((self.now_ms)()))
            .unwrap_or(0);
        if seconds > 0 && self.save(&text, seconds) == Saved::Kept {
            self.leftovers.clear();
        }
        Some(text)
    }
}

impl RecordStore for SharedCookieStore {
    fn load(&self) -> Option<String> {
        let values = self.values();
        let reset_at = forgotten_at(&values);
        let leftover = match shared_choice(&values, &self.jar.host()) {
            Some(choice) if !choice.leftover => {
                if values.len() > 1 {
                    self.erase_host_only();
                }
                if self.leftovers.load().is_some() {
                    self.leftovers.clear();
                }
                return Some(choice.text);
            }
            Some(leftover) => leftover.text,
            None => self.leftovers.load()?,
        };
        if leftover_stands(&leftover, reset_at) {
            return self.adopt(leftover);
        }
        // Withdrawn on a sibling since this host kept it.
        self.erase_host_only();
        self.leftovers.clear();
        None
    }

    fn save(&self, encoded: &str, max_age_secs: u64) -> Saved {
        // Gone first, so that reading back finds the domain cookie's value alone.
        self.erase_host_only();
        self.cookie.save(encoded, max_age_secs)
    }

    /// Leaves the reset's marker in the domain cookie, for as long as any record can last.
    fn clear(&self) {
        self.erase_host_only();
        let marker = forgotten_marker((self.now_ms)());
        let _ = self
            .cookie
            .save(&marker, u64::from(MAX_EXPIRY_DAYS) * 86_400);
    }

    fn kind(&self) -> &'static str {
        "cookie"
    }
}

impl std::fmt::Debug for SharedCookieStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedCookieStore")
            .field("domain", &self.options.domain)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::super::memory::MemoryCookieJar;
    use super::super::storage::{FallbackStore, MemoryStore};
    use super::*;
    use crate::core::{stamp_host, CategorySet, ConsentId, Method};

    const NOW: u64 = 1_800_000_000_000;

    fn record(granted: CategorySet, id: u8) -> String {
        ConsentRecord {
            id: ConsentId::from_random_bytes([id; 16]),
            granted,
            services: vec![],
            revision: 1,
            given_at: NOW - 1000,
            expires_at: NOW + 86_400_000,
            language: "en".to_owned(),
            method: Method::Custom,
            host: None,
        }
        .encode()
    }

    fn options() -> CookieOptions {
        let mut options = CookieOptions::default();
        options.domain = Some(".example.com".to_owned());
        options
    }

    /// A page on `host` sharing `jar`'s domain cookies (each host has its own jar and
    /// localStorage, as in a browser; `share` copies the domain cookies across).
    struct Host {
        jar: Rc<MemoryCookieJar>,
        local: Rc<MemoryStore>,
    }

    impl Host {
        fn new(host: &str) -> Host {
            Host {
                jar: Rc::new(MemoryCookieJar::new(host, true)),
                local: Rc::new(MemoryStore::labelled("localStorage")),
            }
        }

        fn store(&self) -> FallbackStore {
            let shared = SharedCookieStore::new(
                self.jar.clone(),
                options(),
                Box::new(self.local.clone()),
                Box::new(|| NOW),
            );
            FallbackStore::new(
                vec![
                    Box::new(shared),
                    Box::new(self.local.clone()),
                    Box::new(MemoryStore::default()),
                ],
                None,
            )
        }

        /// The domain cookies of `other`, as the browser would send them here.
        fn share_from(&self, other: &Host) {
            for cookie in other.jar.domain_cookies() {
                self.jar.write(&cookie);
            }
        }
    }

    #[test]
    fn a_choice_and_a_withdrawal_on_one_subdomain_hold_on_another() {
        let (shop, www) = (Host::new("shop.example.com"), Host::new("www.example.com"));
        let all = record(CategorySet::all(), 1);
        assert_eq!(shop.store().save(&all, 3600), Saved::Kept);
        assert_eq!(shop.local.peek(), None, "the cookie, not localStorage");
        www.share_from(&shop);
        assert_eq!(www.store().load(), Some(all));
        // Withdrawn on the shop: the www page reads the new choice.
        let refused = record(CategorySet::necessary_only(), 2);
        shop.store().save(&refused, 3600);
        www.share_from(&shop);
        assert_eq!(www.store().load(), Some(refused));
        // Reset on the shop: nothing is left for the www page to read.
        shop.store().clear();
        let www_after = Host::new("www.example.com");
        www_after.share_from(&shop);
        assert_eq!(www_after.store().load(), None);
    }

    #[test]
    fn a_host_only_cookie_of_an_earlier_version_moves_to_the_domain() {
        let www = Host::new("www.example.com");
        let old = stamp_host(&record(CategorySet::all(), 1), "www.example.com").unwrap();
        www.jar.write(&format!(
            "samtykke={}; Path=/",
            crate::core::encode_value(&old)
        ));
        assert_eq!(www.store().load(), Some(record(CategorySet::all(), 1)));
        assert_eq!(
            www.jar.entries(),
            vec![("samtykke".to_owned(), Some("example.com".to_owned()))],
            "one cookie, on the domain"
        );
        // A sibling reads it now.
        let shop = Host::new("shop.example.com");
        shop.share_from(&www);
        assert_eq!(shop.store().load(), Some(record(CategorySet::all(), 1)));
    }

    #[test]
    fn a_leftover_beside_the_domain_cookie_is_removed_not_taken() {
        let www = Host::new("www.example.com");
        let shared = record(CategorySet::necessary_only(), 2);
        www.store().save(&shared, 3600);
        let old = stamp_host(&record(CategorySet::all(), 1), "www.example.com").unwrap();
        www.jar.write(&format!(
            "samtykke={}; Path=/",
            crate::core::encode_value(&old)
        ));
        www.local.save(&record(CategorySet::all(), 3), 1);
        assert_eq!(www.store().load(), Some(shared.clone()));
        assert_eq!(www.jar.entries().len(), 1, "{:?}", www.jar.entries());
        assert_eq!(
            www.local.peek(),
            None,
            "the stale copy in localStorage went too"
        );
    }

    #[test]
    fn a_choice_in_local_storage_moves_to_the_domain_and_stays_where_cookies_are_off() {
        let www = Host::new("www.example.com");
        let kept = record(CategorySet::all(), 1);
        www.local.save(&kept, 1);
        assert_eq!(www.store().load(), Some(kept.clone()));
        assert_eq!(www.local.peek(), None, "moved");
        assert_eq!(www.jar.entries().len(), 1);

        let blocked = Host::new("www.example.com");
        blocked.jar.disabled.set(true);
        blocked.local.save(&kept, 1);
        assert_eq!(blocked.store().load(), Some(kept.clone()));
        assert_eq!(
            blocked.local.peek(),
            Some(kept.clone()),
            "kept: cookies are off"
        );
        let store = blocked.store();
        assert_eq!(
            store.save(&record(CategorySet::necessary_only(), 2), 60),
            Saved::Kept
        );
        assert_eq!(store.kind(), "localStorage");
    }

    #[test]
    fn an_expired_leftover_is_not_moved() {
        let www = Host::new("www.example.com");
        let mut old = ConsentRecord::decode(&record(CategorySet::all(), 1)).unwrap();
        old.expires_at = NOW - 1;
        www.local.save(&old.encode(), 1);
        assert_eq!(
            www.store().load(),
            Some(old.encode()),
            "the reducer forgets it"
        );
        assert!(www.jar.entries().is_empty());
    }
}
