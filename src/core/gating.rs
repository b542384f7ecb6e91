//! Which gated element may run: the `data-category` and `data-service` rules, decided without
//! a browser.

use super::category::{Category, CategorySet};
use super::record::ConsentRecord;

/// Whether an element with these attribute values may run now.
///
/// `data-category` lists one or more categories, separated by spaces or commas; all must be
/// granted. A name starting with `!` means "this category is refused". `data-service`, if
/// given, must also be among the record's granted services. Unknown names never run.
pub fn allows(
    data_category: &str,
    data_service: Option<&str>,
    granted: CategorySet,
    record: Option<&ConsentRecord>,
) -> bool {
    let mut conditions = data_category
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .peekable();
    if conditions.peek().is_none() {
        return false;
    }
    let categories_ok = conditions.all(|token| {
        let (negated, name) = match token.strip_prefix('!') {
            Some(name) => (true, name),
            None => (false, token),
        };
        Category::parse(name).is_some_and(|c| granted.contains(c) != negated)
    });
    let service_ok = data_service
        .is_none_or(|service| record.is_some_and(|r| r.services.iter().any(|s| s == service)));
    categories_ok && service_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::record::{ConsentId, Method};

    fn with_services(granted: CategorySet, services: &[&str]) -> ConsentRecord {
        ConsentRecord {
            id: ConsentId::from_random_bytes([1; 16]),
            granted,
            services: services.iter().map(|s| s.to_string()).collect(),
            revision: 1,
            given_at: 1_800_000_000_000,
            expires_at: 1_800_000_000_001,
            language: "en".into(),
            method: Method::Custom,
        }
    }

    #[test]
    fn single_and_multiple_categories() {
        let stats = CategorySet::necessary_only().with(Category::Statistics);
        assert!(allows("statistics", None, stats, None));
        assert!(!allows("marketing", None, stats, None));
        assert!(!allows("statistics marketing", None, stats, None));
        assert!(allows("statistics,necessary", None, stats, None));
        assert!(allows(
            "statistics marketing",
            None,
            CategorySet::all(),
            None
        ));
    }

    #[test]
    fn negation_runs_when_refused() {
        let refused = CategorySet::necessary_only();
        assert!(allows("!marketing", None, refused, None));
        assert!(!allows("!marketing", None, CategorySet::all(), None));
    }

    #[test]
    fn unknown_or_empty_never_runs() {
        assert!(!allows("analytics", None, CategorySet::all(), None));
        assert!(!allows("", None, CategorySet::all(), None));
        assert!(!allows(" , ", None, CategorySet::all(), None));
        assert!(!allows("!", None, CategorySet::all(), None));
    }

    #[test]
    fn services_need_the_record_to_grant_them() {
        let all = CategorySet::all();
        let record = with_services(all, &["google-analytics"]);
        assert!(allows(
            "statistics",
            Some("google-analytics"),
            all,
            Some(&record)
        ));
        assert!(!allows("statistics", Some("hotjar"), all, Some(&record)));
        assert!(!allows("statistics", Some("google-analytics"), all, None));
    }
}
