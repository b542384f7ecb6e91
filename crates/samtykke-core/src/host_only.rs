//! A choice kept in a cookie only its host should read. Without `cookie.domain` the consent
//! cookie is host-only, yet a sibling subdomain (`shop.example.com` for `www.example.com`)
//! may set a cookie of the same name for the whole site, and the page cannot tell the two
//! apart from `document.cookie`. So a record written to a host-only cookie names its host,
//! and one naming another host is not this page's choice. Records written before hosts were
//! recorded name none, and still count.

use super::record::ConsentRecord;

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
    fn records_from_before_hosts_were_recorded_still_count() {
        assert!(!written_elsewhere(&record(None), "www.example.com"));
        assert!(!written_elsewhere("not a record", "www.example.com"));
        assert_eq!(stamp_host("not a record", "www.example.com"), None);
    }
}
