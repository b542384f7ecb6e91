//! When a stored choice is in force, how long a new one lasts, and what GPC means.

use super::category::{Category, CategorySet};
use super::config::Config;
use super::record::ConsentRecord;

/// One day in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// How far a record's time may be ahead of the clock before it is distrusted.
const CLOCK_SKEW_MS: u64 = DAY_MS;

/// What a stored record means now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The record is in force.
    Valid(ConsentRecord),
    /// Nothing usable is stored.
    Missing,
    /// The record has run out.
    Expired,
    /// The record was made under another config revision.
    OtherRevision,
    /// The record claims a time in the future, expires before it was given, or outlives its
    /// own expiry rule.
    Implausible,
}

impl Standing {
    /// The record in force, if any.
    pub fn valid(&self) -> Option<&ConsentRecord> {
        match self {
            Standing::Valid(record) => Some(record),
            _ => None,
        }
    }
}

/// From when to when (milliseconds since the epoch, end excluded) a record that is in force
/// now stays so by the clock alone: the returning-visit plan is trusted only inside it.
pub fn in_force_window(record: &ConsentRecord) -> (u64, u64) {
    (
        record.given_at.saturating_sub(CLOCK_SKEW_MS),
        record.expires_at,
    )
}

/// Judges a decoded record against the config and the clock.
pub fn assess(record: Option<ConsentRecord>, config: &Config, now_ms: u64) -> Standing {
    let Some(record) = record else {
        return Standing::Missing;
    };
    if record.revision != config.revision {
        return Standing::OtherRevision;
    }
    // `None` when the record expires before it was given (public fields, so possible).
    let lifetime = record
        .expires_at
        .checked_sub(record.given_at)
        .filter(|ms| *ms > 0);
    let (from, until) = in_force_window(&record);
    if now_ms < from || lifetime.is_none_or(|ms| ms > lifetime_ms(config, record.granted)) {
        return Standing::Implausible;
    }
    if now_ms >= until {
        return Standing::Expired;
    }
    // A category or service the config no longer lists (removed without a revision bump) is
    // not granted: nothing runs beyond what the site says it uses.
    let mut record = record;
    record.granted = record
        .granted
        .intersection(config.category_set())
        .with(Category::Necessary);
    let granted = record.granted;
    record
        .services
        .retain(|name| config.services_of(granted).any(|s| &s.name == name));
    Standing::Valid(record)
}

/// How long a choice granting `granted` is kept: refusals have their own, shorter, expiry.
pub fn lifetime_ms(config: &Config, granted: CategorySet) -> u64 {
    let days = if is_refusal(granted) {
        config.refusal_expiry_days
    } else {
        config.expiry_days
    };
    u64::from(days) * DAY_MS
}

/// Whether a choice grants nothing beyond `necessary`.
pub fn is_refusal(granted: CategorySet) -> bool {
    granted.without(Category::Necessary).is_empty()
}

/// Whether a Global Privacy Control signal should be recorded as a refusal: the site honours
/// GPC, the browser sends it, and the visitor has made no choice that is in force.
pub fn gpc_applies(config: &Config, gpc_signal: bool, standing: &Standing) -> bool {
    config.respect_gpc && gpc_signal && standing.valid().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ConsentId, Method};

    const NOW: u64 = 1_800_000_000_000;

    fn record(granted: CategorySet, given_at: u64, days: u64) -> ConsentRecord {
        ConsentRecord {
            id: ConsentId::from_random_bytes([7; 16]),
            granted,
            services: vec![],
            revision: 1,
            given_at,
            expires_at: given_at + days * DAY_MS,
            language: "en".into(),
            method: Method::Custom,
            host: None,
        }
    }

    #[test]
    fn a_fresh_consent_is_valid() {
        let r = record(CategorySet::all(), NOW - DAY_MS, 365);
        assert!(matches!(
            assess(Some(r), &Config::default(), NOW),
            Standing::Valid(_)
        ));
    }

    #[test]
    fn a_valid_choice_grants_only_what_the_config_still_lists() {
        let config = Config::from_json(
            r#"{"categories": ["necessary", {"name": "marketing", "services": [{"name": "youtube"}]}]}"#,
        )
        .config;
        let mut stored = record(CategorySet::all(), NOW - DAY_MS, 365);
        stored.services = vec!["youtube".into(), "vimeo".into(), "matomo".into()];
        let Standing::Valid(valid) = assess(Some(stored), &config, NOW) else {
            panic!("a fresh choice of this revision is valid");
        };
        assert_eq!(
            valid.granted,
            CategorySet::necessary_only().with(Category::Marketing)
        );
        assert_eq!(valid.services, ["youtube"]);
    }

    #[test]
    fn nothing_stored_is_missing() {
        assert_eq!(assess(None, &Config::default(), NOW), Standing::Missing);
    }

    #[test]
    fn expiry_is_exclusive_of_the_expiry_instant() {
        let r = record(CategorySet::all(), NOW - 365 * DAY_MS, 365);
        assert_eq!(
            assess(Some(r.clone()), &Config::default(), NOW),
            Standing::Expired
        );
        assert!(assess(Some(r), &Config::default(), NOW - 1)
            .valid()
            .is_some());
    }

    #[test]
    fn another_revision_asks_again() {
        let r = record(CategorySet::all(), NOW, 365);
        let config = Config {
            revision: 2,
            ..Config::default()
        };
        assert_eq!(assess(Some(r), &config, NOW), Standing::OtherRevision);
    }

    #[test]
    fn refusals_expire_sooner() {
        let config = Config::default();
        assert_eq!(
            lifetime_ms(&config, CategorySet::necessary_only()),
            182 * DAY_MS
        );
        assert_eq!(
            lifetime_ms(
                &config,
                CategorySet::necessary_only().with(Category::Statistics)
            ),
            365 * DAY_MS
        );
        // A refusal that claims a consent's lifetime was not written by these rules.
        let r = record(CategorySet::necessary_only(), NOW, 365);
        assert_eq!(assess(Some(r), &config, NOW), Standing::Implausible);
    }

    #[test]
    fn a_record_from_the_future_is_distrusted() {
        let r = record(CategorySet::all(), NOW + 2 * DAY_MS, 365);
        assert_eq!(
            assess(Some(r), &Config::default(), NOW),
            Standing::Implausible
        );
        let slightly_ahead = record(CategorySet::all(), NOW + 1000, 365);
        assert!(assess(Some(slightly_ahead), &Config::default(), NOW)
            .valid()
            .is_some());
    }

    #[test]
    fn gpc_applies_only_without_a_valid_choice_and_when_respected() {
        let config = Config::default();
        assert!(gpc_applies(&config, true, &Standing::Missing));
        assert!(gpc_applies(&config, true, &Standing::Expired));
        assert!(!gpc_applies(&config, false, &Standing::Missing));
        let valid = Standing::Valid(record(CategorySet::all(), NOW, 365));
        assert!(!gpc_applies(&config, true, &valid));
        let ignoring = Config {
            respect_gpc: false,
            ..Config::default()
        };
        assert!(!gpc_applies(&ignoring, true, &Standing::Missing));
    }
}
