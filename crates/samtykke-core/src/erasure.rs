//! Which cookies a withdrawal erases: Google Analytics' own when statistics, or the service
//! the config ties Google Analytics to, is withdrawn (and the config has Google Analytics),
//! those a withdrawn service lists in its cookie table, and those matching the `autoClear`
//! patterns of each withdrawn category. The shell reads the page's cookie names and writes
//! the expiring cookies (`cookie_text::erase_everywhere`); the choice of names is made here.

use super::category::{Category, CategorySet};
use super::config::Config;
use super::small_sort::sort_by;

/// The console error for the `autoClear` pattern `pattern` (the `index`th of `category`'s)
/// that the browser cannot read as a regular expression: it erases nothing.
pub fn auto_clear_problem(category: crate::Category, index: usize, pattern: &str) -> String {
    format!(
        "samtykke config: categories[name={}].autoClear[{index}]: \"{pattern}\" is not a valid \
         regular expression; it erases nothing",
        category.as_str()
    )
}

/// Whether `name` is one of Google Analytics' cookies: `_ga`, `_ga_<id without G->`, `_gid`,
/// `_gat` and `_gat_*`.
pub fn is_google_analytics_cookie(name: &str, measurement_id: &str) -> bool {
    let container = measurement_id.strip_prefix("G-").unwrap_or(measurement_id);
    name == "_ga"
        || name == "_gid"
        || name.starts_with("_gat")
        || name == format!("_ga_{container}")
}

/// Whether a cookie-table name stands for the cookie `name`: the same name, or, for a table
/// name ending in `*` (`_hjSession_*`), any name that starts with what comes before it.
fn listed_as(listed: &str, name: &str) -> bool {
    match listed.strip_suffix('*') {
        Some(start) => !start.is_empty() && name.starts_with(start),
        None => listed == name,
    }
}

/// The names among `present` that withdrawing the categories `withdrawn` and the services
/// `services` erases, sorted and without repeats. `pattern_matches(pattern, name)` tests an
/// `autoClear` pattern (a regular expression, which the browser evaluates). A service
/// withdrawn while its category stays granted leaves the category's patterns alone: they
/// may match its other services' cookies. A cookie a withdrawn service lists in its table is
/// erased unless a service that was not withdrawn lists it too.
pub fn cookies_to_erase(
    config: &Config,
    withdrawn: CategorySet,
    services: &[String],
    present: impl IntoIterator<Item = String>,
    pattern_matches: impl Fn(&str, &str) -> bool,
) -> Vec<String> {
    let ga_id = config
        .google_analytics
        .as_ref()
        .filter(|ga| {
            withdrawn.contains(Category::Statistics)
                || ga.service.as_ref().is_some_and(|s| services.contains(s))
        })
        .map(|ga| ga.measurement_id.as_str());
    let patterns: Vec<&str> = config
        .categories
        .iter()
        .filter(|c| withdrawn.contains(c.category))
        .flat_map(|c| c.auto_clear.iter().map(String::as_str))
        .collect();
    // Whether the cookie table of a withdrawn service (`gone`), or of another one, lists `name`.
    let in_table = |name: &str, gone: bool| {
        config.categories.iter().any(|c| {
            c.services.iter().any(|s| {
                services.contains(&s.name) == gone
                    && s.cookies.iter().any(|k| listed_as(&k.name, name))
            })
        })
    };
    // A careless pattern (".*") must not take the choice itself with it.
    let mut names: Vec<String> = present
        .into_iter()
        .filter(|name| *name != config.cookie.name)
        .filter(|name| {
            ga_id.is_some_and(|id| is_google_analytics_cookie(name, id))
                || patterns.iter().any(|p| pattern_matches(p, name))
                || (in_table(name, true) && !in_table(name, false))
        })
        .collect();
    sort_by(&mut names, String::cmp);
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::GoogleAnalytics;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn prefix(pattern: &str, name: &str) -> bool {
        name.starts_with(pattern.trim_start_matches('^'))
    }

    #[test]
    fn statistics_withdrawn_erases_google_analytics_cookies_once_each() {
        let config = Config {
            google_analytics: Some(GoogleAnalytics::new("G-ABC123")),
            ..Config::default()
        };
        let present = names(&[
            "_gid",
            "_ga",
            "session",
            "_ga_ABC123",
            "_ga",
            "_gat_x",
            "_ga_OTHER",
        ]);
        let erased = cookies_to_erase(
            &config,
            CategorySet::EMPTY.with(Category::Statistics),
            &[],
            present.clone(),
            prefix,
        );
        assert_eq!(erased, names(&["_ga", "_ga_ABC123", "_gat_x", "_gid"]));
        let kept = cookies_to_erase(
            &config,
            CategorySet::EMPTY.with(Category::Marketing),
            &[],
            present,
            prefix,
        );
        assert!(
            kept.is_empty(),
            "GA's cookies stay while statistics is granted: {kept:?}"
        );
    }

    #[test]
    fn auto_clear_patterns_of_withdrawn_categories_only() {
        let mut config = Config::default();
        for c in &mut config.categories {
            c.auto_clear = match c.category {
                Category::Marketing => vec!["^_fb".to_owned()],
                Category::Preferences => vec!["^lang".to_owned()],
                _ => vec![],
            };
        }
        let present = names(&["_fbp", "lang", "_fbc", "other"]);
        let erased = cookies_to_erase(
            &config,
            CategorySet::EMPTY.with(Category::Marketing),
            &[],
            present,
            prefix,
        );
        assert_eq!(erased, names(&["_fbc", "_fbp"]));
    }

    #[test]
    fn the_consent_cookie_survives_a_pattern_that_matches_everything() {
        let mut config = Config::default();
        for c in &mut config.categories {
            c.auto_clear = vec![".*".to_owned()];
        }
        let present = names(&["samtykke", "_fbp", "lang"]);
        let erased = cookies_to_erase(&config, CategorySet::all(), &[], present, |_, _| true);
        assert_eq!(erased, names(&["_fbp", "lang"]));
    }

    #[test]
    fn google_analytics_service_withdrawn_erases_its_cookies_and_leaves_the_patterns() {
        let config = Config::from_json(
            r#"{"categories": ["necessary", {"name": "statistics", "autoClear": ["^_hj"],
                "services": [{"name": "google-analytics"}, {"name": "hotjar"}]}],
                "googleAnalytics": {"measurementId": "G-ABC123", "service": "google-analytics"}}"#,
        )
        .config;
        let present = names(&["_ga", "_ga_ABC123", "_hjid", "other"]);
        let services = |list: &[&str]| names(list);
        let erase = |services: &[String]| {
            cookies_to_erase(
                &config,
                CategorySet::EMPTY,
                services,
                present.clone(),
                prefix,
            )
        };
        assert_eq!(
            erase(&services(&["google-analytics"])),
            names(&["_ga", "_ga_ABC123"])
        );
        assert!(
            erase(&services(&["hotjar"])).is_empty(),
            "statistics stays granted: its patterns may match the other services' cookies"
        );
    }

    #[test]
    fn a_withdrawn_service_erases_the_cookies_its_table_lists() {
        let config = Config::from_json(
            r#"{"categories": ["necessary", {"name": "statistics", "services": [
                {"name": "hotjar", "cookies": [{"name": "_hjid"}, {"name": "_hjSession_*"}, {"name": "shared"}]},
                {"name": "matomo", "cookies": [{"name": "_pk_id"}, {"name": "shared"}]}]},
                {"name": "marketing", "services": [{"name": "ads", "cookies": [{"name": "*"}, {"name": "_fbp"}]}]}]}"#,
        )
        .config;
        let present = names(&[
            "_hjid",
            "_hjSession_123",
            "_hjSessionUser",
            "shared",
            "_pk_id",
            "_fbp",
            "other",
        ]);
        let erase = |withdrawn: CategorySet, services: &[&str]| {
            cookies_to_erase(
                &config,
                withdrawn,
                &names(services),
                present.clone(),
                |_, _| false,
            )
        };
        assert_eq!(
            erase(CategorySet::EMPTY, &["hotjar"]),
            names(&["_hjSession_123", "_hjid"]),
            "matomo is still on and lists \"shared\" too"
        );
        assert_eq!(
            erase(
                CategorySet::EMPTY.with(Category::Statistics),
                &["hotjar", "matomo"]
            ),
            names(&["_hjSession_123", "_hjid", "_pk_id", "shared"])
        );
        assert_eq!(
            erase(CategorySet::EMPTY.with(Category::Marketing), &["ads"]),
            names(&["_fbp"]),
            "a bare \"*\" names no cookie"
        );
        assert!(erase(CategorySet::EMPTY, &[]).is_empty());
    }

    #[test]
    fn google_analytics_cookie_names() {
        for name in ["_ga", "_gid", "_gat", "_gat_UA123", "_ga_ABC123"] {
            assert!(is_google_analytics_cookie(name, "G-ABC123"), "{name}");
        }
        for name in ["_ga_OTHER", "samtykke", "ga", "_gads"] {
            assert!(!is_google_analytics_cookie(name, "G-ABC123"), "{name}");
        }
    }
}
