//! What the banner and the notice say about the site, built only from what its config says:
//! the banner names only the purposes of the categories the site has, and the notice claims
//! IP anonymisation, a retention period or a supervisory authority only where the config
//! gives them.

use super::category::Category;
use super::config::Config;
use super::slots::{fill, list};
use super::substring::substring;
use super::texts::TextKey;

/// The banner's description in `language`: what is needed, then (when the site has optional
/// categories) what consent adds, purpose by purpose, and that nothing more runs without it.
/// A config's own `bannerDescription` is the whole description.
pub fn banner_description(config: &Config, language: &str) -> String {
    if let Some(given) = config.text_override(language, TextKey::BannerDescription.key()) {
        return given.to_owned();
    }
    // Each text by a constant key: `Config::text` is inlined, so the engine keeps only the
    // texts it names (a key chosen at run time would bring in every text of every language).
    let has = |category| config.category(category).is_some();
    let mut purposes = Vec::new();
    if has(Category::Preferences) {
        purposes.push(config.text(language, TextKey::PurposePreferences));
    }
    if has(Category::Statistics) {
        purposes.push(config.text(language, TextKey::PurposeStatistics));
    }
    if has(Category::Marketing) {
        purposes.push(config.text(language, TextKey::PurposeMarketing));
    }
    let mut out = config.text(language, TextKey::BannerDescription);
    if !purposes.is_empty() {
        let optional = fill(
            &config.text(language, TextKey::BannerOptional),
            &[("purposes", &list(config, language, &purposes))],
        );
        for sentence in [optional, config.text(language, TextKey::BannerReassurance)] {
            out.push(' ');
            out.push_str(&sentence);
        }
    }
    out
}

/// The notice's paragraph on Google Analytics, when the site runs it for statistics: that it
/// does, then IP anonymisation only with `anonymizeIp`, and how long its data is kept only with
/// `retentionMonths`.
pub fn analytics_notice(config: &Config, language: &str) -> Option<String> {
    let ga = config.google_analytics.as_ref()?;
    config.category(Category::Statistics)?;
    let mut out = config.text(language, TextKey::NoticeAnalytics);
    if ga.anonymize_ip {
        out.push(' ');
        out.push_str(&config.text(language, TextKey::NoticeAnonymizeIp));
    }
    if let Some(months) = ga.retention_months {
        out.push(' ');
        out.push_str(&fill(
            &config.text(language, TextKey::NoticeRetentionMonths),
            &[("months", &months.to_string())],
        ));
    }
    Some(out)
}

/// Where a visitor may complain, for the notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Complaint {
    /// The sentence's text before the authority's name (all of it without one).
    pub before: String,
    /// The authority's name and web site, when the config names one.
    pub authority: Option<(String, Option<String>)>,
    /// The sentence's text after the authority's name.
    pub after: String,
}

/// The complaint sentence: naming `controller.supervisoryAuthority` where the config gives
/// it, else in neutral words.
pub fn complaint(config: &Config, language: &str) -> Complaint {
    let named = config
        .controller
        .as_ref()
        .and_then(|c| c.supervisory_authority.as_ref());
    let Some(authority) = named else {
        return Complaint {
            before: config.text(language, TextKey::NoticeComplaintNeutral),
            authority: None,
            after: String::new(),
        };
    };
    let sentence = config.text(language, TextKey::NoticeComplaint);
    const SLOT: &str = "{authority}";
    let (before, after) = match sentence.find(SLOT) {
        Some(at) => (
            substring(&sentence, ..at),
            substring(&sentence, at + SLOT.len()..),
        ),
        None => (sentence.as_str(), ""),
    };
    Complaint {
        before: before.to_owned(),
        authority: Some((
            authority.name.resolve(language).to_owned(),
            authority.url.clone(),
        )),
        after: after.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(json: &str) -> Config {
        let parsed = Config::from_json(json);
        assert_eq!(parsed.problems, vec![], "{json}");
        parsed.config
    }

    #[test]
    fn the_banner_names_only_the_purposes_of_the_categories_the_site_has() {
        let all =
            config(r#"{"categories": ["necessary", "preferences", "statistics", "marketing"]}"#);
        assert_eq!(
            banner_description(&all, "en"),
            "We use cookies that are needed for the site to work. With your consent we also use \
             cookies to remember your settings, to measure how the site is used and for \
             marketing. Nothing beyond the necessary is used unless you say yes, and you can \
             change your mind at any time."
        );
        let statistics = config(r#"{"categories": ["necessary", "statistics"]}"#);
        let text = banner_description(&statistics, "en");
        assert!(
            text.contains("we also use cookies to measure how the site is used. "),
            "{text}"
        );
        assert!(
            !text.contains("marketing") && !text.contains("settings"),
            "{text}"
        );
        let two = config(r#"{"categories": ["marketing", "preferences"]}"#);
        assert!(banner_description(&two, "nb")
            .contains("informasjonskapsler for å huske innstillingene dine og til markedsføring."));
        let necessary = config(r#"{"categories": ["necessary"]}"#);
        assert_eq!(
            banner_description(&necessary, "en"),
            "We use cookies that are needed for the site to work."
        );
        let own = config(
            r#"{"categories": ["statistics"], "texts": {"en": {"bannerDescription": "Our words."}}}"#,
        );
        assert_eq!(banner_description(&own, "en"), "Our words.");
    }

    #[test]
    fn the_analytics_paragraph_claims_what_the_config_says_and_nothing_else() {
        let ga = |extra: &str| {
            config(&format!(
                r#"{{"categories": ["statistics"], "googleAnalytics": {{"measurementId": "G-TEST1"{extra}}}}}"#
            ))
        };
        let plain = analytics_notice(&ga(r#", "anonymizeIp": false"#), "en").unwrap();
        assert_eq!(
            plain,
            "With your consent to statistics we use Google Analytics to learn how the site is used."
        );
        let full = analytics_notice(&ga(r#", "retentionMonths": 14"#), "en").unwrap();
        assert!(full.contains("It runs with IP anonymisation."), "{full}");
        assert!(
            full.ends_with("Google Analytics deletes its data after 14 months."),
            "{full}"
        );
        assert!(!analytics_notice(&ga(""), "nb").unwrap().contains("måneder"));
        let no_statistics = config(
            r#"{"categories": ["marketing"], "googleAnalytics": {"measurementId": "G-TEST1"}}"#,
        );
        assert_eq!(analytics_notice(&no_statistics, "en"), None);
    }

    #[test]
    fn a_supervisory_authority_is_named_only_when_the_config_names_one() {
        let neutral = config(r#"{"categories": [], "controller": {"name": "Example AS"}}"#);
        let c = complaint(&neutral, "nb");
        assert_eq!(c.authority, None);
        assert!(!c.before.contains("Datatilsynet"), "{c:?}");
        let named = config(
            r#"{"categories": [], "controller": {"name": "Example AS", "supervisoryAuthority":
                {"name": "Datatilsynet", "url": "https://www.datatilsynet.no"}}}"#,
        );
        let c = complaint(&named, "en");
        assert_eq!(
            (c.before.as_str(), c.after.as_str()),
            ("You can complain to ", ".")
        );
        assert_eq!(
            c.authority,
            Some((
                "Datatilsynet".to_owned(),
                Some("https://www.datatilsynet.no".to_owned())
            ))
        );
    }
}
