//! Where the record is kept: `localStorage`, else a first-party cookie, else memory, with an
//! optional cookie mirror so a server can read the choice.

use super::ports::{CookieJar, RecordStore, Saved};
use crate::core::CookieOptions;
use crate::core::{
    consent_cookie, decode_value, erase_everywhere, stamp_host, written_elsewhere, MAX_COOKIE_LEN,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Tries its backends in order and sticks to the first one that accepts a write.
pub struct FallbackStore {
    backends: Vec<Box<dyn RecordStore>>,
    mirror: Option<Box<dyn RecordStore>>,
    active: Cell<usize>,
}

impl FallbackStore {
    /// `backends` in order of preference; `mirror` is written besides whichever is active.
    pub fn new(backends: Vec<Box<dyn RecordStore>>, mirror: Option<Box<dyn RecordStore>>) -> Self {
        FallbackStore {
            backends,
            mirror,
            active: Cell::new(0),
        }
    }

    /// The backend in use now.
    pub fn active_kind(&self) -> &'static str {
        self.backends
            .get(self.active.get())
            .map_or("none", |b| b.kind())
    }
}

impl RecordStore for FallbackStore {
    fn load(&self) -> Option<String> {
        // A record may sit in a later backend if an earlier one failed on a previous page.
        self.backends[self.active.get()..]
            .iter()
            .find_map(|b| b.load())
    }

    fn save(&self, encoded: &str, max_age_secs: u64) -> Saved {
        let start = self.active.get();
        for (index, backend) in self.backends.iter().enumerate().skip(start) {
            let saved = backend.save(encoded, max_age_secs);
            if saved == Saved::Refused {
                continue;
            }
            self.active.set(index);
            // An earlier backend that refused this write may still hold an older choice,
            // which the next page would read first; a later one may hold one from a page
            // where this backend failed, which would come back once this one is cleared.
            for (other, stale) in self.backends.iter().enumerate() {
                if other < index || (other > index && stale.load().is_some()) {
                    stale.clear();
                }
            }
            let mirrored = match &self.mirror {
                Some(mirror) if backend.kind() != mirror.kind() => {
                    mirror.save(encoded, max_age_secs) == Saved::Kept
                }
                _ => true,
            };
            return match saved {
                Saved::Kept if !mirrored => Saved::KeptWithoutMirror,
                saved => saved,
            };
        }
        Saved::Refused
    }

    fn clear(&self) {
        for backend in &self.backends {
            backend.clear();
        }
        if let Some(mirror) = &self.mirror {
            mirror.clear();
        }
    }

    fn kind(&self) -> &'static str {
        self.active_kind()
    }
}

/// The record in a first-party cookie.
pub struct CookieStore {
    jar: Rc<dyn CookieJar>,
    options: CookieOptions,
}

impl CookieStore {
    /// A store writing the cookie described by `options` into `jar`.
    pub fn new(jar: Rc<dyn CookieJar>, options: CookieOptions) -> Self {
        CookieStore { jar, options }
    }
}

impl CookieStore {
    /// The cookie's value as it is, decoded from the cookie text.
    fn read(&self) -> Option<String> {
        let (_, value) = self
            .jar
            .read_all()
            .into_iter()
            .find(|(name, _)| *name == self.options.name)?;
        decode_value(&value)
    }

    /// A host-only cookie (no `cookie.domain`) holds a record naming its host: a sibling
    /// subdomain's cookie of the same name is not this page's choice.
    fn host_only(&self) -> bool {
        self.options.domain.is_none()
    }
}

impl RecordStore for CookieStore {
    fn load(&self) -> Option<String> {
        let stored = self.read()?;
        let foreign = self.host_only() && written_elsewhere(&stored, &self.jar.host());
        (!foreign).then_some(stored)
    }

    fn save(&self, encoded: &str, max_age_secs: u64) -> Saved {
        let value = if self.host_only() {
            stamp_host(encoded, &self.jar.host()).unwrap_or_else(|| encoded.to_owned())
        } else {
            encoded.to_owned()
        };
        let cookie = consent_cookie(
            &self.options,
            &value,
            max_age_secs,
            self.jar.is_secure_context(),
        );
        // Browsers drop a cookie whose name and value are longer without a word (the
        // config's limits keep a record below this); attributes have limits of their own.
        let name_value = cookie.split(';').next().unwrap_or_default();
        if name_value.len() > MAX_COOKIE_LEN {
            return Saved::Refused;
        }
        self.jar.write(&cookie);
        // Cookies may be disabled without any error: read back to know.
        if self.read() == Some(value) {
            Saved::Kept
        } else {
            Saved::Refused
        }
    }

    fn clear(&self) {
        let mut strings =
            erase_everywhere(&self.options.name, &self.jar.host(), &self.options.path);
        if let Some(domain) = &self.options.domain {
            strings.push(format!(
                "{}=; Max-Age=0; Path={}; Domain={domain}",
                self.options.name, self.options.path
            ));
        }
        for s in strings {
            self.jar.write(&s);
        }
    }

    fn kind(&self) -> &'static str {
        "cookie"
    }
}

/// The record in memory, for the page's life. Also the in-memory twin of any store in tests:
/// `refuse_writes` makes it behave like a full or blocked storage, and a labelled one stands
/// in for a backend that keeps the record for later pages.
#[derive(Default, Debug)]
pub struct MemoryStore {
    value: RefCell<Option<String>>,
    /// When set, every write fails (for testing fallbacks).
    pub refuse_writes: Cell<bool>,
    label: Option<&'static str>,
}

impl MemoryStore {
    /// An empty store that reports `kind` (to stand in for another backend in tests).
    pub fn labelled(kind: &'static str) -> Self {
        MemoryStore {
            label: Some(kind),
            ..MemoryStore::default()
        }
    }

    /// A store holding `value`.
    pub fn holding(value: &str) -> Self {
        let store = MemoryStore::default();
        *store.value.borrow_mut() = Some(value.to_owned());
        store
    }

    /// What is stored now.
    pub fn peek(&self) -> Option<String> {
        self.value.borrow().clone()
    }
}

impl RecordStore for MemoryStore {
    fn load(&self) -> Option<String> {
        self.peek()
    }

    fn save(&self, encoded: &str, _max_age_secs: u64) -> Saved {
        if self.refuse_writes.get() {
            return Saved::Refused;
        }
        *self.value.borrow_mut() = Some(encoded.to_owned());
        if self.label.is_some() {
            Saved::Kept
        } else {
            Saved::ThisPageOnly
        }
    }

    fn clear(&self) {
        *self.value.borrow_mut() = None;
    }

    fn kind(&self) -> &'static str {
        self.label.unwrap_or("memory")
    }
}

impl<T: RecordStore + ?Sized> RecordStore for Rc<T> {
    fn load(&self) -> Option<String> {
        (**self).load()
    }
    fn save(&self, encoded: &str, max_age_secs: u64) -> Saved {
        (**self).save(encoded, max_age_secs)
    }
    fn clear(&self) {
        (**self).clear()
    }
    fn kind(&self) -> &'static str {
        (**self).kind()
    }
}

impl std::fmt::Debug for FallbackStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FallbackStore").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for CookieStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CookieStore").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::super::memory::MemoryCookieJar;
    use super::*;

    fn chain(first: &Rc<MemoryStore>, second: &Rc<MemoryStore>) -> FallbackStore {
        FallbackStore::new(
            vec![Box::new(first.clone()), Box::new(second.clone())],
            None,
        )
    }

    #[test]
    fn uses_the_first_backend_that_accepts_writes() {
        let local = Rc::new(MemoryStore::labelled("localStorage"));
        let memory = Rc::new(MemoryStore::default());
        let store = chain(&local, &memory);
        assert_eq!(store.save("one", 10), Saved::Kept);
        assert_eq!(store.kind(), "localStorage");
        local.refuse_writes.set(true);
        assert_eq!(
            store.save("two", 10),
            Saved::ThisPageOnly,
            "memory keeps the choice for this page only, and says so"
        );
        assert_eq!(store.kind(), "memory");
        assert_eq!(memory.peek().as_deref(), Some("two"));
        assert_eq!(store.load().as_deref(), Some("two"));
        store.clear();
        assert_eq!(store.load(), None);
        assert_eq!(local.peek(), None);
    }

    #[test]
    fn a_write_to_a_later_backend_removes_the_older_copy_in_an_earlier_one() {
        let local = Rc::new(MemoryStore::labelled("localStorage"));
        let cookie = Rc::new(MemoryStore::labelled("cookie"));
        chain(&local, &cookie).save("old", 10);
        // On a later page localStorage is full: the new choice goes to the cookie.
        local.refuse_writes.set(true);
        assert_eq!(chain(&local, &cookie).save("new", 10), Saved::Kept);
        assert_eq!(local.peek(), None, "the stale copy is gone");
        // The page after that reads the new choice, not the old one.
        assert_eq!(chain(&local, &cookie).load().as_deref(), Some("new"));
    }

    #[test]
    fn finds_a_record_left_in_a_later_backend() {
        let local = Rc::new(MemoryStore::labelled("localStorage"));
        let cookie = Rc::new(MemoryStore::holding("old"));
        assert_eq!(chain(&local, &cookie).load().as_deref(), Some("old"));
    }

    #[test]
    fn every_backend_refusing_is_reported() {
        let a = Rc::new(MemoryStore::default());
        let b = Rc::new(MemoryStore::default());
        a.refuse_writes.set(true);
        b.refuse_writes.set(true);
        assert_eq!(chain(&a, &b).save("x", 1), Saved::Refused);
    }

    #[test]
    fn mirror_is_written_beside_local_storage() {
        let local = Rc::new(MemoryStore::labelled("localStorage"));
        let jar = Rc::new(MemoryCookieJar::new("shop.example.no", true));
        let mirror = CookieStore::new(jar.clone(), CookieOptions::default());
        let store = FallbackStore::new(vec![Box::new(local.clone())], Some(Box::new(mirror)));
        assert_eq!(store.save("{\"v\":1}", 100), Saved::Kept);
        assert_eq!(jar.value("samtykke").as_deref(), Some("%7B%22v%22%3A1%7D"));
        store.clear();
        assert_eq!(jar.value("samtykke"), None);
        jar.disabled.set(true);
        assert_eq!(
            store.save("{\"v\":1}", 100),
            Saved::KeptWithoutMirror,
            "a mirror that cannot be written is reported, not ignored"
        );
    }

    /// A record as a sibling subdomain would have written it, for the whole site.
    fn sibling_record(host: &str) -> String {
        let record = crate::core::ConsentRecord {
            id: crate::core::ConsentId::from_random_bytes([9; 16]),
            granted: crate::core::CategorySet::all(),
            services: vec![],
            revision: 1,
            given_at: 1_800_000_000_000,
            expires_at: 1_800_000_086_400,
            language: "en".to_owned(),
            method: crate::core::Method::AcceptAll,
            host: None,
        };
        stamp_host(&record.encode(), host).unwrap()
    }

    #[test]
    fn a_host_only_cookie_is_not_taken_from_a_sibling_subdomain() {
        let jar = Rc::new(MemoryCookieJar::new("www.example.com", true));
        // shop.example.com kept its choice for the whole site.
        let planted = consent_cookie(
            &CookieOptions::default(),
            &sibling_record("shop.example.com"),
            100,
            true,
        );
        jar.write(&format!("{planted}; Domain=.example.com"));
        let host_only = CookieStore::new(jar.clone(), CookieOptions::default());
        assert_eq!(host_only.load(), None, "not this host's choice");
        // This host's own choice names it, and reads back.
        assert_eq!(
            host_only.save("{\"v\":1}", 100),
            Saved::Refused,
            "not a record"
        );
        let mut shared = CookieOptions::default();
        shared.domain = Some(".example.com".to_owned());
        assert!(
            CookieStore::new(jar.clone(), shared).load().is_some(),
            "with cookie.domain the choice is shared by the site's hosts"
        );
    }

    #[test]
    fn a_host_only_cookie_names_its_host_and_reads_back() {
        let jar = Rc::new(MemoryCookieJar::new("www.example.com", true));
        let store = CookieStore::new(jar.clone(), CookieOptions::default());
        let mine = sibling_record("www.example.com");
        let unstamped = crate::core::ConsentRecord::decode(&mine).map(|mut r| {
            r.host = None;
            r.encode()
        });
        assert_eq!(store.save(&unstamped.unwrap(), 100), Saved::Kept);
        assert_eq!(store.load(), Some(mine));
    }

    #[test]
    fn cookie_store_round_trips_and_detects_disabled_cookies() {
        let jar = Rc::new(MemoryCookieJar::new("example.no", false));
        let store = CookieStore::new(jar.clone(), CookieOptions::default());
        assert_eq!(store.save("{\"a\": \"b; c\"}", 100), Saved::Kept);
        assert_eq!(store.load().as_deref(), Some("{\"a\": \"b; c\"}"));
        store.clear();
        assert_eq!(store.load(), None);
        jar.disabled.set(true);
        assert_eq!(store.save("x", 100), Saved::Refused);
        jar.disabled.set(false);
        assert_eq!(store.save(&"y".repeat(5000), 100), Saved::Refused);
    }
}
