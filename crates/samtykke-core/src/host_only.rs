//! A choice kept in a cookie only its host should read. Without `cookie.domain` the consent
//! cookie is host-only, yet a sibling subdomain (`shop.example.com` for `www.example.com`)
//! may set a cookie of the same name for the whole site, and the page cannot tell the two
//! apart from `document.cookie`. So a record written to a host-only cookie names its host,
//! and one naming another host is not this page's choice. Records written before hosts were
//! recorded name none, and still count.
//!
//! With `cookie.domain` it is the other way round: the cookie on that domain is the choice of
//! every subdomain, and a host-only cookie of the same name is what an earlier version (or
//! the site before it set `cookie.domain`) left on this host, to be moved to the domain. A
//! reset leaves a marker in the domain cookie instead of nothing, with its time: what a
//! subdomain kept from before it must not come back there.

use super::json::{self, Map, Value};
use super::record::ConsentRecord;

/// The one key of the domain cookie's value after a reset: the reset's time in ms.
const FORGOTTEN: &str = "forgotten";

/// The domain cookie's value after a reset at `now_ms`, `{"forgotten":<ms>}`: no choice, and
/// since when. Anything that reads the cookie as a record (a server too) finds none in it.
pub fn forgotten_marker(now_ms: u64) -> String {
    json::write(&Value::Object(Map::from_iter([(
        FORGOTTEN.to_owned(),
        now_ms.into(),
    )])))
}

/// When the site's choice was last reset, if one of the cookie's `values` says so.
pub fn forgotten_at(values: &[String]) -> Option<u64> {
    values.iter().find_map(|v| reset_time(v))
}

fn reset_time(value: &str) -> Option<u64> {
    json::parse(value).ok()?.get(FORGOTTEN)?.as_u64()
}

/// Whether a record this host kept (`leftover`) may move to the domain cookie: only one given
/// after the site's last reset (`forgotten_at`), if there was one. An older one was withdrawn
/// on a sibling since.
pub fn leftover_stands(leftover: &str, forgotten_at: Option<u64>) -> bool {
    forgotten_at
        .is_none_or(|at| ConsentRecord::decode(leftover).is_ok_and(|record| record.given_at > at))
}

/// `encoded` with `host` recorded in it, for a host-only cookie; `None` when `encoded` is not
/// a record.
pub fn stamp_host(encoded: &str, host: &str) -> Option<String> {
    let mut record = ConsentRecord::decode(encoded).ok()?;
    record.host = Some(host.to_ascii_lowercase());
    Some(record.encode())
}

/// Whether a record read from a host-only cookie was written by another host.
pub fn written_elsewhere(stored: &str, host: &str) -> bool {
    ConsentRecord::decode(stored)
        .ok()
        .and_then(|record| record.host)
        .is_some_and(|written_by| !written_by.eq_ignore_ascii_case(host))
}

/// With `cookie.domain`: which of the values the consent cookie's name has on this page (in
/// `document.cookie` order) holds the site's choice. The domain cookie's value (one naming no
/// host) comes first; else a host-only cookie this host left, given back without its host
/// and flagged `leftover`, to be written to the domain cookie. Values naming another host are
/// not this page's, and a reset's marker is no choice.
pub fn shared_choice(values: &[String], host: &str) -> Option<SharedChoice> {
    let mut leftover = None;
    for value in values.iter().filter(|v| reset_time(v).is_none()) {
        let Some(mut record) = ConsentRecord::decode(value)
            .ok()
            .filter(|r| r.host.is_some())
        else {
            return Some(SharedChoice {
                text: value.clone(),
                leftover: false,
            });
        };
        let mine = record
            .host
            .take()
            .is_some_and(|h| h.eq_ignore_ascii_case(host));
        if mine && leftover.is_none() {
            leftover = Some(SharedChoice {
                text: record.encode(),
                leftover: true,
            });
        }
    }
    leftover
}

/// The site's choice as [`shared_choice`] found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedChoice {
    /// The record's text, as the domain cookie holds it.
    pub text: String,
    /// It came from a host-only cookie of this host and belongs in the domain cookie.
    pub leftover: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CategorySet, ConsentId, Method};

    fn record(host: Option<&str>) -> String {
        ConsentRecord {
            id: ConsentId::from_random_bytes([3; 16]),
            granted: CategorySet::all(),
            services: vec![],
            revision: 1,
            given_at: 1_800_000_000_000,
            expires_at: 1_800_000_086_400,
            language: "en".to_owned(),
            method: Method::AcceptAll,
            host: host.map(str::to_owned),
        }
        .encode()
    }

    #[test]
    fn a_record_names_the_host_that_kept_it_and_only_that_host_takes_it() {
        let mine = stamp_host(&record(None), "www.example.com").unwrap();
        assert!(mine.ends_with(r#","host":"www.example.com"}"#), "{mine}");
        assert!(!written_elsewhere(&mine, "www.example.com"));
        assert!(
            !written_elsewhere(&mine, "WWW.example.com"),
            "host names have no case"
        );
        assert!(written_elsewhere(&mine, "shop.example.com"));
    }

    #[test]
    fn with_a_cookie_domain_the_domain_cookie_wins_and_a_leftover_of_this_host_moves() {
        let host = "www.example.com";
        let mine = stamp_host(&record(None), host).unwrap();
        let sibling = stamp_host(&record(None), "shop.example.com").unwrap();
        let shared = |values: &[&String]| {
            let values: Vec<String> = values.iter().map(|v| (*v).clone()).collect();
            shared_choice(&values, host)
        };
        let domain = record(None);
        // In either order of document.cookie, the value naming no host is the domain's.
        for values in [[&mine, &domain], [&domain, &mine]] {
            assert_eq!(
                shared(&values),
                Some(SharedChoice {
                    text: domain.clone(),
                    leftover: false
                })
            );
        }
        assert_eq!(
            shared(&[&mine]),
            Some(SharedChoice {
                text: record(None),
                leftover: true
            }),
            "this host's leftover, without its host"
        );
        assert_eq!(shared(&[&sibling]), None, "not this host's");
        assert_eq!(shared(&[]), None);
        // A corrupt domain value is still the domain's: the reducer decides what it is worth.
        let corrupt = "{".to_owned();
        assert_eq!(shared(&[&mine, &corrupt]).map(|c| c.text), Some(corrupt));
    }

    #[test]
    fn after_a_reset_only_a_leftover_given_since_may_move() {
        let given = 1_800_000_000_000;
        let marker = forgotten_marker(given + 5);
        assert_eq!(marker, r#"{"forgotten":1800000000005}"#);
        let mine = stamp_host(&record(None), "www.example.com").unwrap();
        let values = vec![mine.clone(), marker.clone()];
        assert_eq!(forgotten_at(&values), Some(given + 5));
        assert_eq!(forgotten_at(std::slice::from_ref(&mine)), None);
        assert_eq!(forgotten_at(&[r#"{"forgotten":"soon"}"#.to_owned()]), None);
        // The marker is no choice: the leftover is what this host has.
        assert_eq!(
            shared_choice(&values, "www.example.com").map(|c| c.leftover),
            Some(true)
        );
        assert_eq!(shared_choice(&[marker], "www.example.com"), None);
        assert!(leftover_stands(&record(None), None), "no reset: it moves");
        assert!(
            !leftover_stands(&record(None), Some(given + 5)),
            "given before the reset"
        );
        assert!(
            !leftover_stands(&record(None), Some(given)),
            "given at the reset"
        );
        assert!(
            leftover_stands(&record(None), Some(given - 1)),
            "given after it"
        );
        assert!(!leftover_stands("not a record", Some(given)));
    }

    #[test]
    fn records_from_before_hosts_were_recorded_still_count() {
        assert!(!written_elsewhere(&record(None), "www.example.com"));
        assert!(!written_elsewhere("not a record", "www.example.com"));
        assert_eq!(stamp_host("not a record", "www.example.com"), None);
    }
}
