#![cfg(not(target_arch = "wasm32"))]
//! A catalogue of invalid configs: for each, the exact problems reported (by path, and for
//! many by message) and the safe value the affected field falls back to.
// Native tests: std and serde_json are the reference here, the size rules are for the wasm.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use samtykke_core::Text;
use samtykke_core::{Category, CategorySet, Config, ConfigError};
use samtykke_core::{ConsentMode, Layout, SameSite, Theme};

/// One invalid config.
struct Case {
    /// What is wrong, for failure messages.
    name: &'static str,
    /// The config text.
    json: &'static str,
    /// `ConfigError::path()` of every problem, in the order reported.
    paths: &'static [&'static str],
    /// The `Display` of every problem, in order; empty to check only the paths.
    messages: &'static [&'static str],
    /// Asserts the safe fallback of the affected field.
    check: fn(&Config),
}

fn set(categories: &[Category]) -> CategorySet {
    categories.iter().copied().collect()
}

fn per_language(pairs: &[(&str, &str)]) -> Text {
    Text::PerLanguage(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    )
}

const CASES: &[Case] = &[
    // ---- top-level scalars: wrong types and out-of-range values -----------------------
    Case {
        name: "revision as a string",
        json: r#"{"revision": "2", "categories": ["necessary"]}"#,
        paths: &["revision"],
        messages: &["revision: expected a whole number, found a string"],
        check: |c| assert_eq!(c.revision, 1),
    },
    Case {
        name: "negative revision",
        json: r#"{"revision": -1, "categories": ["necessary"]}"#,
        paths: &["revision"],
        messages: &["revision: must be a whole number from 0 to 4294967295"],
        check: |c| assert_eq!(c.revision, 1),
    },
    Case {
        name: "revision beyond u32",
        json: r#"{"revision": 4294967296, "categories": ["necessary"]}"#,
        paths: &["revision"],
        messages: &["revision: must be from 0 to 4294967295, found 4294967296"],
        check: |c| assert_eq!(c.revision, 1),
    },
    Case {
        name: "fractional revision",
        json: r#"{"revision": 1.5, "categories": ["necessary"]}"#,
        paths: &["revision"],
        messages: &["revision: must be a whole number from 0 to 4294967295"],
        check: |c| assert_eq!(c.revision, 1),
    },
    Case {
        name: "expiryDays zero",
        json: r#"{"expiryDays": 0, "categories": ["necessary"]}"#,
        paths: &["expiryDays"],
        messages: &["expiryDays: must be from 1 to 395, found 0"],
        check: |c| assert_eq!(c.expiry_days, 365),
    },
    Case {
        name: "expiryDays beyond 13 months",
        json: r#"{"expiryDays": 396, "categories": ["necessary"]}"#,
        paths: &["expiryDays"],
        messages: &["expiryDays: must be from 1 to 395, found 396"],
        check: |c| assert_eq!(c.expiry_days, 365),
    },
    Case {
        name: "service listed under two categories",
        json: r#"{"categories": [{"name": "statistics", "services": [{"name": "ga"}]}, {"name": "marketing", "services": [{"name": "ga"}]}]}"#,
        paths: &["categories[1].services[0].name"],
        messages: &[
            r#"categories[1].services[0].name: "ga" is already the name of categories[0].services[0]"#,
        ],
        check: |c| {
            assert!(c
                .categories
                .iter()
                .all(|cat| cat.category != samtykke_core::Category::Marketing
                    || cat.services.is_empty()))
        },
    },
    Case {
        name: "service name with a space",
        json: r#"{"categories": [{"name": "statistics", "services": [{"name": "Google Analytics"}]}]}"#,
        paths: &["categories[0].services[0].name"],
        messages: &[
            r#"categories[0].services[0].name: may hold only letters, digits, "_", "-" and ".""#,
        ],
        check: |c| assert!(c.categories.iter().all(|cat| cat.services.is_empty())),
    },
    Case {
        name: "cookie name too long",
        json: r#"{"categories": ["necessary"], "cookie": {"name": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"}}"#,
        paths: &["cookie.name"],
        messages: &["cookie.name: must be at most 64 bytes long"],
        check: |c| assert_eq!(c.cookie.name, "samtykke"),
    },
    Case {
        name: "cookie path with a control character",
        json: r#"{"categories": ["necessary"], "cookie": {"path": "/a\u0000b"}}"#,
        paths: &["cookie.path"],
        messages: &[
            r#"cookie.path: must start with "/", hold no ";" or control character, and be at most 1024 bytes"#,
        ],
        check: |c| assert_eq!(c.cookie.path, "/"),
    },
    Case {
        name: "expiryDays null",
        json: r#"{"expiryDays": null, "categories": ["necessary"]}"#,
        paths: &["expiryDays"],
        messages: &["expiryDays: expected a whole number, found null"],
        check: |c| assert_eq!(c.expiry_days, 365),
    },
    Case {
        name: "refusalExpiryDays as a boolean",
        json: r#"{"refusalExpiryDays": true, "categories": ["necessary"]}"#,
        paths: &["refusalExpiryDays"],
        messages: &["refusalExpiryDays: expected a whole number, found a boolean"],
        check: |c| assert_eq!(c.refusal_expiry_days, 182),
    },
    Case {
        name: "refusalExpiryDays huge",
        json: r#"{"refusalExpiryDays": 100000, "categories": ["necessary"]}"#,
        paths: &["refusalExpiryDays"],
        messages: &["refusalExpiryDays: must be from 1 to 395, found 100000"],
        check: |c| assert_eq!(c.refusal_expiry_days, 182),
    },
    Case {
        name: "language that is not a code",
        json: r#"{"language": "english", "categories": ["necessary"]}"#,
        paths: &["language"],
        messages: &[r#"language: must be "auto" or a language code, found "english""#],
        check: |c| assert_eq!(c.language, "auto"),
    },
    Case {
        name: "language as a number",
        json: r#"{"language": 47, "categories": ["necessary"]}"#,
        paths: &["language"],
        messages: &["language: expected a string, found a number"],
        check: |c| assert_eq!(c.language, "auto"),
    },
    Case {
        name: "blank language",
        json: r#"{"language": "   ", "categories": ["necessary"]}"#,
        paths: &["language"],
        messages: &["language: must not be empty"],
        check: |c| assert_eq!(c.language, "auto"),
    },
    Case {
        name: "unknown layout",
        json: r#"{"layout": "popup", "categories": ["necessary"]}"#,
        paths: &["layout"],
        messages: &[r#"layout: must be one of "bar", "box", "modal", found "popup""#],
        check: |c| assert_eq!(c.layout, Layout::Bar),
    },
    Case {
        name: "theme as an array",
        json: r#"{"theme": ["dark"], "categories": ["necessary"]}"#,
        paths: &["theme"],
        messages: &["theme: expected a string, found an array"],
        check: |c| assert_eq!(c.theme, Theme::Auto),
    },
    Case {
        name: "theme with the wrong case",
        json: r#"{"theme": "Dark", "categories": ["necessary"]}"#,
        paths: &["theme"],
        messages: &[r#"theme: must be one of "auto", "light", "dark", found "Dark""#],
        check: |c| assert_eq!(c.theme, Theme::Auto),
    },
    Case {
        name: "settingsButton as a string",
        json: r#"{"settingsButton": "no", "categories": ["necessary"]}"#,
        paths: &["settingsButton"],
        messages: &["settingsButton: expected true or false, found a string"],
        check: |c| assert!(c.settings_button),
    },
    Case {
        name: "respectGpc as a number keeps GPC respected",
        json: r#"{"respectGpc": 0, "categories": ["necessary"]}"#,
        paths: &["respectGpc"],
        messages: &["respectGpc: expected true or false, found a number"],
        check: |c| assert!(c.respect_gpc),
    },
    Case {
        name: "reloadOnWithdrawal as a string",
        json: r#"{"reloadOnWithdrawal": "true", "categories": ["necessary"]}"#,
        paths: &["reloadOnWithdrawal"],
        messages: &[],
        check: |c| assert!(!c.reload_on_withdrawal),
    },
    // ---- privacyPolicyUrl ----------------------------------------------------------------
    Case {
        name: "javascript: privacy policy",
        json: r#"{"privacyPolicyUrl": "javascript:alert(1)", "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &[r#"privacyPolicyUrl: must be an http(s) or relative URL, not "javascript:""#],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    Case {
        name: "javascript: privacy policy with case and leading space",
        json: r#"{"privacyPolicyUrl": "  JaVaScRiPt:alert(1)", "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &[r#"privacyPolicyUrl: must be an http(s) or relative URL, not "javascript:""#],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    Case {
        // Browsers drop tabs and newlines anywhere in a URL, and leading control characters.
        name: "javascript: privacy policy hidden by a tab",
        json: r#"{"privacyPolicyUrl": "java\tscript:alert(1)", "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &[r#"privacyPolicyUrl: must be an http(s) or relative URL, not "javascript:""#],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    Case {
        name: "javascript: privacy policy behind a control character and a newline",
        json: r#"{"privacyPolicyUrl": "\u0001\u0010java\nscript:alert(1)", "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &[r#"privacyPolicyUrl: must be an http(s) or relative URL, not "javascript:""#],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    Case {
        name: "data: privacy policy",
        json: r#"{"privacyPolicyUrl": "data:text/html,<b>hi</b>", "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &[r#"privacyPolicyUrl: must be an http(s) or relative URL, not "data:""#],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    Case {
        name: "privacy policy as a number",
        json: r#"{"privacyPolicyUrl": 7, "categories": ["necessary"]}"#,
        paths: &["privacyPolicyUrl"],
        messages: &["privacyPolicyUrl: expected a string, found a number"],
        check: |c| assert_eq!(c.privacy_policy_url, None),
    },
    // ---- unknown keys ---------------------------------------------------------------------
    Case {
        name: "misspelt expiryDays",
        json: r#"{"expirydays": 30, "categories": ["necessary"]}"#,
        paths: &["expirydays"],
        messages: &[r#"expirydays: unknown key; did you mean "expiryDays"?"#],
        check: |c| assert_eq!(c.expiry_days, 365),
    },
    Case {
        name: "misspelt revision",
        json: r#"{"revison": 4, "categories": ["necessary"]}"#,
        paths: &["revison"],
        messages: &[r#"revison: unknown key; did you mean "revision"?"#],
        check: |c| assert_eq!(c.revision, 1),
    },
    Case {
        name: "unknown key with no likely meaning",
        json: r#"{"zzzzzzzzzz": 1, "categories": ["necessary"]}"#,
        paths: &["zzzzzzzzzz"],
        messages: &["zzzzzzzzzz: unknown key"],
        check: |c| assert_eq!(c.category_set(), CategorySet::necessary_only()),
    },
    // ---- the config itself ----------------------------------------------------------------
    Case {
        name: "config is an array",
        json: r#"[1, 2]"#,
        paths: &["(config)"],
        messages: &["(config): expected an object, found an array"],
        check: |c| assert_eq!(*c, Config::default()),
    },
    Case {
        name: "config is a string",
        json: r#""categories""#,
        paths: &["(config)"],
        messages: &["(config): expected an object, found a string"],
        check: |c| assert_eq!(*c, Config::default()),
    },
    // ---- categories -----------------------------------------------------------------------
    Case {
        name: "categories missing",
        json: r#"{"revision": 3}"#,
        paths: &["categories"],
        messages: &["categories: is required"],
        check: |c| {
            assert_eq!(c.revision, 3);
            assert_eq!(c.category_set(), CategorySet::all());
        },
    },
    Case {
        name: "categories as a string",
        json: r#"{"categories": "necessary,statistics"}"#,
        paths: &["categories"],
        messages: &["categories: expected an array, found a string"],
        check: |c| assert_eq!(c.category_set(), CategorySet::necessary_only()),
    },
    Case {
        name: "unknown category with a suggestion",
        json: r#"{"categories": ["necessary", "preferences", "analytics"]}"#,
        paths: &["categories[2]"],
        messages: &[r#"categories[2]: unknown category "analytics"; did you mean "statistics"?"#],
        check: |c| {
            assert_eq!(
                c.category_set(),
                set(&[Category::Necessary, Category::Preferences])
            )
        },
    },
    Case {
        name: "category with the wrong case",
        json: r#"{"categories": ["necessary", "Marketing"]}"#,
        paths: &["categories[1]"],
        messages: &[r#"categories[1]: unknown category "Marketing"; did you mean "marketing"?"#],
        check: |c| assert!(c.category(Category::Marketing).is_none()),
    },
    Case {
        name: "unknown category without a suggestion",
        json: r#"{"categories": ["necessary", "zzzzzzzzz"]}"#,
        paths: &["categories[1]"],
        messages: &[r#"categories[1]: unknown category "zzzzzzzzz""#],
        check: |c| assert_eq!(c.category_set(), CategorySet::necessary_only()),
    },
    Case {
        name: "duplicate category",
        json: r#"{"categories": ["necessary", "statistics", "statistics"]}"#,
        paths: &["categories[2]"],
        messages: &[r#"categories[2]: "statistics" is listed twice"#],
        check: |c| {
            assert_eq!(c.categories.len(), 2);
            assert_eq!(
                c.category_set(),
                set(&[Category::Necessary, Category::Statistics])
            );
        },
    },
    Case {
        name: "duplicate category, the first description wins",
        json: r#"{"categories": [{"name": "marketing", "label": "Ads"}, "marketing"]}"#,
        paths: &["categories[1]"],
        messages: &[r#"categories[1]: "marketing" is listed twice"#],
        check: |c| {
            let marketing = c.category(Category::Marketing).expect("marketing kept");
            assert_eq!(marketing.label, Some(Text::from("Ads")));
            assert_eq!(c.categories[0].category, Category::Necessary);
        },
    },
    Case {
        name: "categories of the wrong type",
        json: r#"{"categories": ["necessary", 42, true, "marketing"]}"#,
        paths: &["categories[1]", "categories[2]"],
        messages: &[
            "categories[1]: expected a category name or an object, found a number",
            "categories[2]: expected a category name or an object, found a boolean",
        ],
        check: |c| {
            assert_eq!(
                c.category_set(),
                set(&[Category::Necessary, Category::Marketing])
            )
        },
    },
    Case {
        name: "only invalid categories still leave necessary",
        json: r#"{"categories": ["analytics", null]}"#,
        paths: &["categories[0]", "categories[1]"],
        messages: &[
            r#"categories[0]: unknown category "analytics"; did you mean "statistics"?"#,
            "categories[1]: expected a category name or an object, found null",
        ],
        check: |c| {
            assert_eq!(c.category_set(), CategorySet::necessary_only());
            assert_eq!(c.categories[0].category, Category::Necessary);
        },
    },
    Case {
        name: "category object without a name",
        json: r#"{"categories": ["necessary", {"label": "Stats"}]}"#,
        paths: &["categories[1].name"],
        messages: &["categories[1].name: is required"],
        check: |c| assert_eq!(c.category_set(), CategorySet::necessary_only()),
    },
    Case {
        name: "category object with a synonym for a name",
        json: r#"{"categories": ["necessary", {"name": "stats"}]}"#,
        paths: &["categories[1].name"],
        messages: &[r#"categories[1].name: unknown category "stats"; did you mean "statistics"?"#],
        check: |c| assert!(c.category(Category::Statistics).is_none()),
    },
    Case {
        name: "category object with a numeric name",
        json: r#"{"categories": ["necessary", {"name": 3}]}"#,
        paths: &["categories[1].name"],
        messages: &["categories[1].name: expected a string, found a number"],
        check: |c| assert_eq!(c.category_set(), CategorySet::necessary_only()),
    },
    Case {
        name: "category object with a misspelt key",
        json: r#"{"categories": ["necessary", {"name": "statistics", "lable": "Stats"}]}"#,
        paths: &["categories[1].lable"],
        messages: &[r#"categories[1].lable: unknown key; did you mean "label"?"#],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert_eq!(stats.label, None);
        },
    },
    Case {
        name: "category label of the wrong type",
        json: r#"{"categories": ["necessary", {"name": "statistics", "label": 5}]}"#,
        paths: &["categories[1].label"],
        messages: &[
            "categories[1].label: expected a string or an object of language codes, found a number",
        ],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert_eq!(stats.label, None);
        },
    },
    Case {
        name: "category label with a bad language code",
        json: r#"{"categories": [{"name": "statistics", "label": {"english": "Stats", "nb": "Statistikk"}}]}"#,
        paths: &["categories[0].label.english"],
        messages: &[r#"categories[0].label.english: is not a language code (like "en" or "nb")"#],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert_eq!(stats.label, Some(per_language(&[("nb", "Statistikk")])));
            assert!(c.category(Category::Necessary).is_some());
        },
    },
    Case {
        name: "category description with a non-string text",
        json: r#"{"categories": [{"name": "marketing", "description": {"en": 5}}]}"#,
        paths: &["categories[0].description.en"],
        messages: &["categories[0].description.en: expected a string, found a number"],
        check: |c| {
            let marketing = c.category(Category::Marketing).expect("marketing kept");
            assert_eq!(marketing.description, None);
        },
    },
    Case {
        name: "services as an object",
        json: r#"{"categories": ["necessary", {"name": "statistics", "services": {"name": "ga"}}]}"#,
        paths: &["categories[1].services"],
        messages: &["categories[1].services: expected an array, found an object"],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert!(stats.services.is_empty());
        },
    },
    Case {
        name: "service without a name",
        json: r#"{"categories": ["necessary", {"name": "statistics", "services": [{"label": "GA"}, {"name": "matomo"}]}]}"#,
        paths: &["categories[1].services[0].name"],
        messages: &["categories[1].services[0].name: is required"],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            let names: Vec<&str> = stats.services.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, ["matomo"]);
        },
    },
    Case {
        name: "service that is a string",
        json: r#"{"categories": ["necessary", {"name": "statistics", "services": ["ga"]}]}"#,
        paths: &["categories[1].services[0]"],
        messages: &["categories[1].services[0]: expected an object, found a string"],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert!(stats.services.is_empty());
        },
    },
    Case {
        name: "cookie without a name",
        json: r#"{"categories": ["necessary", {"name": "statistics", "services": [{"name": "ga", "cookies": [{"provider": "Google"}, {"name": "_gid"}]}]}]}"#,
        paths: &["categories[1].services[0].cookies[0].name"],
        messages: &["categories[1].services[0].cookies[0].name: is required"],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            let service = &stats.services[0];
            assert_eq!(service.name, "ga");
            assert_eq!(service.cookies.len(), 1);
            assert_eq!(service.cookies[0].name, "_gid");
            assert_eq!(service.cookies[0].provider, Text::from(""));
        },
    },
    Case {
        name: "cookie with a numeric name and a misspelt key",
        json: r#"{"categories": ["necessary", {"name": "marketing", "services": [{"name": "ads", "cookies": [{"name": 7}, {"name": "_fbp", "purpse": "x"}]}]}]}"#,
        paths: &[
            "categories[1].services[0].cookies[0].name",
            "categories[1].services[0].cookies[1].purpse",
        ],
        messages: &[
            "categories[1].services[0].cookies[0].name: expected a string, found a number",
            r#"categories[1].services[0].cookies[1].purpse: unknown key; did you mean "purpose"?"#,
        ],
        check: |c| {
            let marketing = c.category(Category::Marketing).expect("marketing kept");
            let cookies = &marketing.services[0].cookies;
            assert_eq!(cookies.len(), 1);
            assert_eq!(cookies[0].name, "_fbp");
            assert_eq!(cookies[0].purpose, Text::from(""));
        },
    },
    Case {
        name: "cookie texts of the wrong type",
        json: r#"{"categories": [{"name": "statistics", "services": [{"name": "ga", "label": [], "cookies": [{"name": "_ga", "duration": 730}]}]}]}"#,
        paths: &[
            "categories[0].services[0].label",
            "categories[0].services[0].cookies[0].duration",
        ],
        messages: &[],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert_eq!(stats.services[0].label, None);
            assert_eq!(stats.services[0].cookies[0].duration, Text::from(""));
        },
    },
    Case {
        name: "autoClear with bad patterns",
        json: r#"{"categories": [{"name": "statistics", "autoClear": ["^_ga", 5, ""]}]}"#,
        paths: &["categories[0].autoClear[1]", "categories[0].autoClear[2]"],
        messages: &[
            "categories[0].autoClear[1]: expected a string, found a number",
            "categories[0].autoClear[2]: must not be empty",
        ],
        check: |c| {
            let stats = c.category(Category::Statistics).expect("statistics kept");
            assert_eq!(stats.auto_clear, ["^_ga"]);
        },
    },
    // ---- texts ----------------------------------------------------------------------------
    Case {
        name: "texts as a string",
        json: r#"{"categories": ["necessary"], "texts": "Hello"}"#,
        paths: &["texts"],
        messages: &["texts: expected an object, found a string"],
        check: |c| assert!(c.texts.is_empty()),
    },
    Case {
        name: "texts with a bad language code",
        json: r#"{"categories": ["necessary"], "texts": {"english": {"bannerTitle": "Hi"}, "nb": {"acceptAll": "Ja takk"}}}"#,
        paths: &["texts.english"],
        messages: &[r#"texts.english: is not a language code (like "en" or "nb")"#],
        check: |c| {
            assert_eq!(c.texts.languages().collect::<Vec<_>>(), ["nb"]);
            assert_eq!(c.text_override("nb", "acceptAll"), Some("Ja takk"));
        },
    },
    Case {
        name: "texts with a misspelt text key",
        json: r#"{"categories": ["necessary"], "texts": {"nb": {"bannerTitel": "Hei", "acceptAll": "Godta"}}}"#,
        paths: &["texts.nb.bannerTitel"],
        messages: &[r#"texts.nb.bannerTitel: unknown key; did you mean "bannerTitle"?"#],
        check: |c| {
            assert_eq!(c.texts.keys("nb").collect::<Vec<_>>(), ["acceptAll"]);
            assert_eq!(c.texts.get("nb", "acceptAll"), Some("Godta"));
            assert_eq!(c.text_override("nb", "bannerTitle"), None);
        },
    },
    Case {
        name: "texts with a non-string text",
        json: r#"{"categories": ["necessary"], "texts": {"en": {"acceptAll": 1, "rejectAll": "No"}}}"#,
        paths: &["texts.en.acceptAll"],
        messages: &["texts.en.acceptAll: expected a string, found a number"],
        check: |c| {
            assert_eq!(c.text_override("en", "acceptAll"), None);
            assert_eq!(c.text_override("en", "rejectAll"), Some("No"));
        },
    },
    Case {
        name: "texts for a language that is not an object",
        json: r#"{"categories": ["necessary"], "texts": {"nb": "Hei"}}"#,
        paths: &["texts.nb"],
        messages: &["texts.nb: expected an object, found a string"],
        check: |c| assert!(!c.texts.has_language("nb")),
    },
    // ---- cookie ---------------------------------------------------------------------------
    Case {
        name: "cookie as a boolean",
        json: r#"{"categories": ["necessary"], "cookie": true}"#,
        paths: &["cookie"],
        messages: &["cookie: expected an object, found a boolean"],
        check: |c| assert_eq!(c.cookie, Config::default().cookie),
    },
    Case {
        name: "cookie name with a space",
        json: r#"{"categories": ["necessary"], "cookie": {"name": "my cookie"}}"#,
        paths: &["cookie.name"],
        messages: &[r#"cookie.name: may hold only letters, digits, "_", "-" and ".""#],
        check: |c| assert_eq!(c.cookie.name, "samtykke"),
    },
    Case {
        name: "cookie name that would inject an attribute",
        json: r#"{"categories": ["necessary"], "cookie": {"name": "x=1; Domain=evil.example"}}"#,
        paths: &["cookie.name"],
        messages: &[],
        check: |c| assert_eq!(c.cookie.name, "samtykke"),
    },
    Case {
        name: "cookie domain that is not a domain",
        json: r#"{"categories": ["necessary"], "cookie": {"domain": "exa mple..com"}}"#,
        paths: &["cookie.domain"],
        messages: &[r#"cookie.domain: is not a domain name: "exa mple..com""#],
        check: |c| assert_eq!(c.cookie.domain, None),
    },
    Case {
        name: "cookie domain with an attribute",
        json: r#"{"categories": ["necessary"], "cookie": {"domain": "example.com;secure"}}"#,
        paths: &["cookie.domain"],
        messages: &[],
        check: |c| assert_eq!(c.cookie.domain, None),
    },
    Case {
        name: "cookie path not starting with a slash",
        json: r#"{"categories": ["necessary"], "cookie": {"path": "consent"}}"#,
        paths: &["cookie.path"],
        messages: &[
            r#"cookie.path: must start with "/", hold no ";" or control character, and be at most 1024 bytes"#,
        ],
        check: |c| assert_eq!(c.cookie.path, "/"),
    },
    Case {
        name: "cookie path with a semicolon",
        json: r#"{"categories": ["necessary"], "cookie": {"path": "/;Secure"}}"#,
        paths: &["cookie.path"],
        messages: &[],
        check: |c| assert_eq!(c.cookie.path, "/"),
    },
    Case {
        name: "cookie sameSite in lower case",
        json: r#"{"categories": ["necessary"], "cookie": {"sameSite": "lax"}}"#,
        paths: &["cookie.sameSite"],
        messages: &[r#"cookie.sameSite: must be one of "Lax", "Strict", "None", found "lax""#],
        check: |c| assert_eq!(c.cookie.same_site, SameSite::Lax),
    },
    Case {
        name: "cookie sameSite None without secure",
        json: r#"{"categories": ["necessary"], "cookie": {"sameSite": "None", "secure": false}}"#,
        paths: &["cookie.sameSite"],
        messages: &[r#"cookie.sameSite: "None" needs a secure cookie; using "Lax""#],
        check: |c| {
            assert_eq!(c.cookie.same_site, SameSite::Lax);
            assert_eq!(c.cookie.secure, Some(false));
        },
    },
    Case {
        name: "cookie secure and mirror of the wrong type",
        json: r#"{"categories": ["necessary"], "cookie": {"secure": "yes", "mirror": 1}}"#,
        paths: &["cookie.secure", "cookie.mirror"],
        messages: &[
            "cookie.secure: expected true or false, found a string",
            "cookie.mirror: expected true or false, found a number",
        ],
        check: |c| {
            assert_eq!(c.cookie.secure, None);
            assert!(!c.cookie.mirror);
        },
    },
    Case {
        name: "cookie key in the wrong case",
        json: r#"{"categories": ["necessary"], "cookie": {"samesite": "Strict"}}"#,
        paths: &["cookie.samesite"],
        messages: &[r#"cookie.samesite: unknown key; did you mean "sameSite"?"#],
        check: |c| assert_eq!(c.cookie.same_site, SameSite::Lax),
    },
    // ---- googleAnalytics ------------------------------------------------------------------
    Case {
        name: "googleAnalytics without measurementId",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"anonymizeIp": true}}"#,
        paths: &["googleAnalytics.measurementId"],
        messages: &["googleAnalytics.measurementId: is required"],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics with a Universal Analytics id",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "UA-12345-1"}}"#,
        paths: &["googleAnalytics.measurementId"],
        messages: &[
            r#"googleAnalytics.measurementId: must be a GA4 measurement id: "G-" then capital letters and digits, found "UA-12345-1""#,
        ],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics id in lower case",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-test123"}}"#,
        paths: &["googleAnalytics.measurementId"],
        messages: &[],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics id too short",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-AB1"}}"#,
        paths: &["googleAnalytics.measurementId"],
        messages: &[],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics id as a number",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": 123456}}"#,
        paths: &["googleAnalytics.measurementId"],
        messages: &["googleAnalytics.measurementId: expected a string, found a number"],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics with an unknown consentMode",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "consentMode": "full"}}"#,
        paths: &["googleAnalytics.consentMode"],
        messages: &[
            r#"googleAnalytics.consentMode: must be one of "basic", "advanced", found "full""#,
        ],
        check: |c| {
            let ga = c.google_analytics.as_ref().expect("GA kept");
            assert_eq!(ga.measurement_id, "G-TEST123");
            assert_eq!(ga.consent_mode, ConsentMode::Basic);
        },
    },
    Case {
        name: "googleAnalytics waitForUpdate too long",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "waitForUpdate": 60000}}"#,
        paths: &["googleAnalytics.waitForUpdate"],
        messages: &["googleAnalytics.waitForUpdate: must be from 0 to 10000, found 60000"],
        check: |c| assert_eq!(c.google_analytics.as_ref().unwrap().wait_for_update, 500),
    },
    Case {
        name: "googleAnalytics waitForUpdate negative",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "waitForUpdate": -5}}"#,
        paths: &["googleAnalytics.waitForUpdate"],
        messages: &["googleAnalytics.waitForUpdate: must be a whole number from 0 to 10000"],
        check: |c| assert_eq!(c.google_analytics.as_ref().unwrap().wait_for_update, 500),
    },
    Case {
        name: "googleAnalytics anonymizeIp as a string",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "anonymizeIp": "false"}}"#,
        paths: &["googleAnalytics.anonymizeIp"],
        messages: &["googleAnalytics.anonymizeIp: expected true or false, found a string"],
        check: |c| assert!(c.google_analytics.as_ref().unwrap().anonymize_ip),
    },
    Case {
        name: "googleAnalytics adsDataRedaction as a number",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "adsDataRedaction": 0, "urlPassthrough": "yes"}}"#,
        paths: &[
            "googleAnalytics.adsDataRedaction",
            "googleAnalytics.urlPassthrough",
        ],
        messages: &[
            "googleAnalytics.adsDataRedaction: expected true or false, found a number",
            "googleAnalytics.urlPassthrough: expected true or false, found a string",
        ],
        check: |c| {
            let ga = c.google_analytics.as_ref().unwrap();
            assert!(ga.ads_data_redaction && !ga.url_passthrough, "the defaults");
        },
    },
    Case {
        name: "googleAnalytics as a bare id",
        json: r#"{"categories": ["necessary"], "googleAnalytics": "G-TEST123"}"#,
        paths: &["googleAnalytics"],
        messages: &["googleAnalytics: expected an object, found a string"],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics with measurementID spelt wrong",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementID": "G-TEST123"}}"#,
        paths: &[
            "googleAnalytics.measurementID",
            "googleAnalytics.measurementId",
        ],
        messages: &[
            r#"googleAnalytics.measurementID: unknown key; did you mean "measurementId"?"#,
            "googleAnalytics.measurementId: is required",
        ],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    // ---- controller (shown in the notice) ------------------------------------------------
    Case {
        name: "controller without a name",
        json: r#"{"categories": ["necessary"], "controller": {"email": "a@b.no"}}"#,
        paths: &["controller.name"],
        messages: &["controller.name: is required"],
        check: |c| assert_eq!(c.controller, None),
    },
    Case {
        name: "controller with a bad e-mail and an unknown key",
        json: r#"{"categories": ["necessary"], "controller": {"name": "AS", "email": "not mail", "dpo": "x"}}"#,
        paths: &["controller.email", "controller.dpo"],
        messages: &[
            r#"controller.email: is not an e-mail address: "not mail""#,
            "controller.dpo: unknown key",
        ],
        check: |c| {
            let controller = c.controller.as_ref().expect("the name alone is kept");
            assert_eq!(controller.email, None);
            assert_eq!(controller.name.resolve("en"), "AS");
        },
    },
    // ---- googleTagManager and consentLog --------------------------------------------------
    Case {
        name: "googleTagManager without containerId",
        json: r#"{"categories": ["necessary"], "googleTagManager": {}}"#,
        paths: &["googleTagManager.containerId"],
        messages: &["googleTagManager.containerId: is required"],
        check: |c| assert_eq!(c.google_tag_manager, None),
    },
    Case {
        name: "googleTagManager with a bad containerId",
        json: r#"{"categories": ["necessary"], "googleTagManager": {"containerId": "GTM-abc"}}"#,
        paths: &["googleTagManager.containerId"],
        messages: &[
            r#"googleTagManager.containerId: must be a GTM container id: "GTM-" then capital letters and digits, found "GTM-abc""#,
        ],
        check: |c| assert_eq!(c.google_tag_manager, None),
    },
    Case {
        name: "googleTagManager given a GA id",
        json: r#"{"categories": ["necessary"], "googleTagManager": {"containerId": "G-TEST123"}}"#,
        paths: &["googleTagManager.containerId"],
        messages: &[],
        check: |c| assert_eq!(c.google_tag_manager, None),
    },
    Case {
        name: "googleAnalytics tied to a service the config does not list",
        json: r#"{"categories": ["necessary", {"name": "statistics", "services": [{"name": "google-analytics"}]}],
            "googleAnalytics": {"measurementId": "G-TEST123", "service": "google-analytic"}}"#,
        paths: &["googleAnalytics.service"],
        messages: &[
            r#"googleAnalytics.service: "google-analytic" is not a service in the config, so the tag is not loaded"#,
        ],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name: "googleAnalytics with a service that is not a name",
        json: r#"{"categories": ["necessary"], "googleAnalytics": {"measurementId": "G-TEST123", "service": ["ga"]}}"#,
        paths: &["googleAnalytics.service"],
        messages: &["googleAnalytics.service: expected a string, found an array"],
        check: |c| assert_eq!(c.google_analytics, None),
    },
    Case {
        name:
            "googleTagManager tied to a service of a dropped category, given before the categories",
        json: r#"{"googleTagManager": {"containerId": "GTM-ABC123", "service": "gtm"},
            "categories": ["necessary", {"name": "analytics", "services": [{"name": "gtm"}]}]}"#,
        paths: &["googleTagManager.service", "categories[1].name"],
        messages: &[
            r#"googleTagManager.service: "gtm" is not a service in the config, so the tag is not loaded"#,
            r#"categories[1].name: unknown category "analytics"; did you mean "statistics"?"#,
        ],
        check: |c| assert_eq!(c.google_tag_manager, None),
    },
    Case {
        name: "consentLog with a javascript: endpoint",
        json: r#"{"categories": ["necessary"], "consentLog": {"endpoint": "javascript:void(0)"}}"#,
        paths: &["consentLog.endpoint"],
        messages: &[
            r#"consentLog.endpoint: must be an http(s) or relative URL, not "javascript:""#,
        ],
        check: |c| assert_eq!(c.consent_log, None),
    },
    Case {
        name: "consentLog without endpoint",
        json: r#"{"categories": ["necessary"], "consentLog": {"url": "/consent"}}"#,
        paths: &["consentLog.url", "consentLog.endpoint"],
        messages: &[
            "consentLog.url: unknown key",
            "consentLog.endpoint: is required",
        ],
        check: |c| assert_eq!(c.consent_log, None),
    },
    Case {
        name: "consentLog with an empty endpoint",
        json: r#"{"categories": ["necessary"], "consentLog": {"endpoint": ""}}"#,
        paths: &["consentLog.endpoint"],
        messages: &["consentLog.endpoint: must not be empty"],
        check: |c| assert_eq!(c.consent_log, None),
    },
    // ---- several problems at once, in document order --------------------------------------
    Case {
        name: "several problems in document order",
        json: r#"{
            "theme": "neon",
            "revision": "two",
            "expirydays": 30,
            "categories": [
                "necessary",
                "analytics",
                {"name": "marketing", "services": [{"name": "ads", "cookies": [{"provider": "X"}]}]}
            ],
            "cookie": {"sameSite": "None", "secure": false, "path": "x"},
            "googleAnalytics": {"measurementId": "UA-1"},
            "language": "english"
        }"#,
        paths: &[
            "theme",
            "revision",
            "expirydays",
            "categories[1]",
            "categories[2].services[0].cookies[0].name",
            "cookie.sameSite",
            "cookie.path",
            "googleAnalytics.measurementId",
            "language",
        ],
        messages: &[
            r#"theme: must be one of "auto", "light", "dark", found "neon""#,
            "revision: expected a whole number, found a string",
            r#"expirydays: unknown key; did you mean "expiryDays"?"#,
            r#"categories[1]: unknown category "analytics"; did you mean "statistics"?"#,
            "categories[2].services[0].cookies[0].name: is required",
            r#"cookie.sameSite: "None" needs a secure cookie; using "Lax""#,
            r#"cookie.path: must start with "/", hold no ";" or control character, and be at most 1024 bytes"#,
            r#"googleAnalytics.measurementId: must be a GA4 measurement id: "G-" then capital letters and digits, found "UA-1""#,
            r#"language: must be "auto" or a language code, found "english""#,
        ],
        check: |c| {
            assert_eq!(c.theme, Theme::Auto);
            assert_eq!(c.revision, 1);
            assert_eq!(c.expiry_days, 365);
            assert_eq!(
                c.category_set(),
                set(&[Category::Necessary, Category::Marketing])
            );
            let marketing = c.category(Category::Marketing).unwrap();
            assert_eq!(marketing.services[0].name, "ads");
            assert!(marketing.services[0].cookies.is_empty());
            assert_eq!(c.cookie.same_site, SameSite::Lax);
            assert_eq!(c.cookie.path, "/");
            assert_eq!(c.google_analytics, None);
            assert_eq!(c.language, "auto");
        },
    },
    Case {
        name: "a missing required key comes last",
        json: r#"{"layout": 1, "zzzzzzzzzz": 2, "theme": "x"}"#,
        paths: &["layout", "zzzzzzzzzz", "theme", "categories"],
        messages: &[
            "layout: expected a string, found a number",
            "zzzzzzzzzz: unknown key",
            r#"theme: must be one of "auto", "light", "dark", found "x""#,
            "categories: is required",
        ],
        check: |c| {
            assert_eq!((c.layout, c.theme), (Layout::Bar, Theme::Auto));
            assert_eq!(c.category_set(), CategorySet::all());
        },
    },
    Case {
        name: "keys with dots and brackets keep their place",
        json: r#"{"revision": "x", "a.b": 1, "c[0]": 2, "categories": [], "language": 1}"#,
        paths: &["revision", "a.b", "c[0]", "language"],
        messages: &[],
        check: |c| assert_eq!((c.revision, c.language.as_str()), (1, "auto")),
    },
    Case {
        name: "nested problems in document order",
        json: r#"{
            "categories": [
                {"name": "statistics", "zzzzzzzz": 1, "label": 5, "services": [
                    {"cookies": [], "label": "GA"},
                    {"name": "ga", "cookies": [{"name": ""}, {"purpose": 2, "name": "_ga"}]}
                ]},
                "necessary"
            ],
            "texts": {"nb": {"acceptAll": 1, "bannerTitel": "x"}, "e": {}}
        }"#,
        paths: &[
            "categories[0].zzzzzzzz",
            "categories[0].label",
            "categories[0].services[0].name",
            "categories[0].services[1].cookies[0].name",
            "categories[0].services[1].cookies[1].purpose",
            "texts.nb.acceptAll",
            "texts.nb.bannerTitel",
            "texts.e",
        ],
        messages: &[],
        check: |c| {
            let stats = c.category(Category::Statistics).unwrap();
            assert_eq!(stats.label, None);
            assert_eq!(stats.services.len(), 1);
            assert_eq!(stats.services[0].cookies.len(), 1);
            assert_eq!(stats.services[0].cookies[0].name, "_ga");
            assert_eq!(stats.services[0].cookies[0].purpose, Text::from(""));
            assert_eq!(c.categories[0].category, Category::Necessary);
            assert!(c.texts.has_language("nb") && c.texts.keys("nb").next().is_none());
            assert!(!c.texts.has_language("e"));
        },
    },
];

#[test]
fn catalogue_is_large_enough() {
    assert!(CASES.len() >= 35, "only {} cases", CASES.len());
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names must be unique");
}

#[test]
fn every_invalid_config_reports_exact_problems_and_falls_back_safely() {
    let mut failures = Vec::new();
    for case in CASES {
        let parsed = Config::from_json(case.json);
        let paths: Vec<&str> = parsed.problems.iter().map(ConfigError::path).collect();
        if paths != case.paths {
            failures.push(format!(
                "{}: paths {:?}, expected {:?}",
                case.name, paths, case.paths
            ));
        }
        if !case.messages.is_empty() {
            let messages: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
            if messages != case.messages {
                failures.push(format!(
                    "{}: messages {:?}, expected {:?}",
                    case.name, messages, case.messages
                ));
            }
        }
        let check = case.check;
        if let Err(panic) = std::panic::catch_unwind(|| check(&parsed.config)) {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: fallback check failed: {why}", case.name));
        }
        // Whatever is wrong, `necessary` is in force and listed first.
        if parsed.config.categories.first().map(|c| c.category) != Some(Category::Necessary) {
            failures.push(format!("{}: necessary is not first", case.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_invalid_config_is_refused_by_strict_deserialisation() {
    for case in CASES {
        let parsed = Config::from_json(case.json);
        let err = serde_json::from_str::<Config>(case.json)
            .expect_err(case.name)
            .to_string();
        assert!(
            err.starts_with(&parsed.problems[0].to_string()),
            "{}: strict error {err:?} is not the first problem {:?}",
            case.name,
            parsed.problems[0].to_string()
        );
    }
}

#[test]
fn unknown_key_suggestions_are_structured() {
    let parsed = Config::from_json(r#"{"expirydays": 30, "zzzzzzzzzz": 1, "categories": []}"#);
    match parsed.problems.as_slice() {
        [ConfigError::UnknownKey {
            path: p1,
            suggestion: s1,
        }, ConfigError::UnknownKey {
            path: p2,
            suggestion: s2,
        }] => {
            assert_eq!(p1, "expirydays");
            assert_eq!(s1.as_deref(), Some("expiryDays"));
            assert_eq!(p2, "zzzzzzzzzz");
            assert_eq!(s2.as_deref(), None);
        }
        other => panic!("unexpected problems {other:?}"),
    }
}

#[test]
fn unknown_category_suggestion_is_structured() {
    let parsed = Config::from_json(r#"{"categories": ["necessary", "advertising"]}"#);
    match parsed.problems.as_slice() {
        [ConfigError::UnknownCategory {
            path,
            name,
            suggestion,
        }] => {
            assert_eq!(path, "categories[1]");
            assert_eq!(name, "advertising");
            assert_eq!(*suggestion, Some(Category::Marketing));
        }
        other => panic!("unexpected problems {other:?}"),
    }
}

const MINIMAL: &str = r#"{
  "revision": 1,
  "privacyPolicyUrl": "/privacy.html",
  "categories": ["necessary", "preferences", "statistics", "marketing"],
  "googleAnalytics": { "measurementId": "G-TEST123", "anonymizeIp": true }
}"#;

const FULL: &str = r#"{
  "revision": 2,
  "expiryDays": 365,
  "refusalExpiryDays": 182,
  "language": "auto",
  "privacyPolicyUrl": "/privacy.html",
  "layout": "bar",
  "theme": "auto",
  "settingsButton": true,
  "respectGpc": true,
  "categories": [
    "necessary",
    {
      "name": "statistics",
      "label": { "en": "Statistics", "nb": "Statistikk" },
      "description": { "en": "How the site is used.", "nb": "Hvordan nettstedet brukes." },
      "services": [
        { "name": "google-analytics", "label": "Google Analytics",
          "cookies": [ { "name": "_ga", "provider": "Google", "purpose": "Tells visits apart", "duration": "2 years" } ] }
      ],
      "autoClear": ["^_ga", "^_gid$"]
    },
    "marketing"
  ],
  "texts": { "nb": { "bannerTitle": "Vi bruker informasjonskapsler" } },
  "cookie": { "name": "samtykke", "domain": ".example.com", "path": "/", "sameSite": "Lax", "mirror": false },
  "googleAnalytics": { "measurementId": "G-TEST123", "anonymizeIp": true, "consentMode": "basic", "waitForUpdate": 500,
                       "service": "google-analytics" },
  "googleTagManager": { "containerId": "GTM-XXXXXXX" },
  "consentLog": { "endpoint": "/consent" }
}"#;

#[test]
fn the_minimal_config_of_the_contract_parses_cleanly() {
    let parsed = Config::from_json(MINIMAL);
    assert_eq!(parsed.problems, vec![]);
    let c = parsed.config;
    assert_eq!(c.revision, 1);
    assert_eq!(c.privacy_policy_url.as_deref(), Some("/privacy.html"));
    assert_eq!(c.category_set(), CategorySet::all());
    let ga = c.google_analytics.as_ref().expect("GA configured");
    assert_eq!(ga.measurement_id, "G-TEST123");
    assert!(ga.anonymize_ip);
    assert_eq!(ga.consent_mode, ConsentMode::Basic);
    assert_eq!(ga.wait_for_update, 500);
    // Everything not given keeps its documented default.
    assert_eq!(c.expiry_days, 365);
    assert_eq!(c.refusal_expiry_days, 182);
    assert_eq!(c.language, "auto");
    assert_eq!(c.layout, Layout::Bar);
    assert_eq!(c.theme, Theme::Auto);
    assert!(c.settings_button && c.respect_gpc && !c.reload_on_withdrawal);
    assert_eq!(c.cookie, Config::default().cookie);
    assert_eq!(c.google_tag_manager, None);
    assert_eq!(c.consent_log, None);
}

#[test]
fn the_full_config_of_the_contract_parses_cleanly() {
    let parsed = Config::from_json(FULL);
    assert_eq!(parsed.problems, vec![]);
    let c = parsed.config;
    assert_eq!(c.revision, 2);
    assert_eq!(
        c.category_set(),
        set(&[
            Category::Necessary,
            Category::Statistics,
            Category::Marketing
        ])
    );
    let stats = c.category(Category::Statistics).unwrap();
    assert_eq!(
        stats.label,
        Some(per_language(&[("en", "Statistics"), ("nb", "Statistikk")]))
    );
    assert_eq!(
        stats.description.as_ref().map(|d| d.resolve("nb")),
        Some("Hvordan nettstedet brukes.")
    );
    assert_eq!(stats.services.len(), 1);
    let ga_service = &stats.services[0];
    assert_eq!(ga_service.name, "google-analytics");
    assert_eq!(ga_service.label, Some(Text::from("Google Analytics")));
    assert_eq!(ga_service.cookies.len(), 1);
    let cookie = &ga_service.cookies[0];
    assert_eq!(cookie.name, "_ga");
    assert_eq!(cookie.provider, Text::from("Google"));
    assert_eq!(cookie.purpose, Text::from("Tells visits apart"));
    assert_eq!(cookie.duration, Text::from("2 years"));
    assert_eq!(stats.auto_clear, ["^_ga", "^_gid$"]);
    assert_eq!(
        c.text_override("nb", "bannerTitle"),
        Some("Vi bruker informasjonskapsler")
    );
    assert_eq!(c.cookie.name, "samtykke");
    assert_eq!(c.cookie.domain.as_deref(), Some(".example.com"));
    assert_eq!(c.cookie.path, "/");
    assert_eq!(c.cookie.same_site, SameSite::Lax);
    assert!(!c.cookie.mirror);
    assert_eq!(
        c.google_analytics
            .as_ref()
            .map(|g| (g.measurement_id.as_str(), g.service.as_deref())),
        Some(("G-TEST123", Some("google-analytics")))
    );
    assert_eq!(
        c.google_tag_manager
            .as_ref()
            .map(|g| g.container_id.as_str()),
        Some("GTM-XXXXXXX")
    );
    assert_eq!(
        c.consent_log.as_ref().map(|l| l.endpoint.as_str()),
        Some("/consent")
    );
}

#[test]
fn strict_deserialisation_accepts_the_contract_examples() {
    let minimal: Config = serde_json::from_str(MINIMAL).expect("minimal config");
    assert_eq!(minimal, Config::from_json(MINIMAL).config);
    let full: Config = serde_json::from_str(FULL).expect("full config");
    assert_eq!(full, Config::from_json(FULL).config);
    assert_eq!(full.revision, 2);
}

#[test]
fn strict_deserialisation_names_the_first_problem() {
    let err = serde_json::from_str::<Config>(
        r#"{"categories": ["necessary", "analytics"], "layout": "popup"}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"categories[1]: unknown category "analytics"; did you mean "statistics"?"#
    );
    assert!(serde_json::from_str::<Config>("{").is_err());
}

#[test]
fn unreadable_json_is_a_syntax_error_with_every_default() {
    for text in [
        "",
        "   ",
        "{",
        r#"{"categories": ["necessary",]}"#,
        "{'a': 1}",
        "nul",
    ] {
        let parsed = Config::from_json(text);
        assert_eq!(parsed.config, Config::default(), "{text:?}");
        match parsed.problems.as_slice() {
            [problem @ ConfigError::Syntax { reason }] => {
                assert!(!reason.is_empty());
                assert_eq!(problem.path(), "");
                assert!(
                    problem
                        .to_string()
                        .starts_with("config is not valid JSON: "),
                    "{problem}"
                );
            }
            other => panic!("{text:?}: expected one syntax error, got {other:?}"),
        }
    }
}

#[test]
fn necessary_is_added_first_when_a_site_leaves_it_out() {
    let parsed = Config::from_json(r#"{"categories": ["marketing", "statistics"]}"#);
    assert_eq!(parsed.problems, vec![]);
    let order: Vec<Category> = parsed
        .config
        .categories
        .iter()
        .map(|c| c.category)
        .collect();
    assert_eq!(
        order,
        [
            Category::Necessary,
            Category::Statistics,
            Category::Marketing
        ]
    );
}

#[test]
fn an_empty_category_list_means_necessary_only() {
    let parsed = Config::from_json(r#"{"categories": []}"#);
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.config.category_set(), CategorySet::necessary_only());
}

#[test]
fn safe_urls_are_kept() {
    for url in [
        "/privacy.html",
        "privacy.html",
        "https://example.com/privacy",
        "HTTP://example.com/privacy",
        "//example.com/privacy",
        "/privacy?from=banner:top",
        "#privacy",
    ] {
        let json = serde_json::json!({"categories": [], "privacyPolicyUrl": url}).to_string();
        let parsed = Config::from_json(&json);
        assert_eq!(parsed.problems, vec![], "{url}");
        assert_eq!(parsed.config.privacy_policy_url.as_deref(), Some(url));
    }
}

#[test]
fn valid_values_of_every_kind_are_taken() {
    let parsed = Config::from_json(
        r#"{
            "revision": 0, "expiryDays": 395, "refusalExpiryDays": 1, "language": "pt-BR",
            "layout": "modal", "theme": "dark", "settingsButton": false, "respectGpc": false,
            "reloadOnWithdrawal": true, "categories": ["necessary"],
            "cookie": {"name": "consent.v2", "domain": "example.com", "path": "/shop",
                       "sameSite": "None", "secure": true, "mirror": true},
            "googleAnalytics": {"measurementId": "G-ABCD1234", "anonymizeIp": false,
                                "consentMode": "advanced", "waitForUpdate": 0,
                                "adsDataRedaction": false, "urlPassthrough": true}
        }"#,
    );
    assert_eq!(parsed.problems, vec![]);
    let c = parsed.config;
    assert_eq!(
        (c.revision, c.expiry_days, c.refusal_expiry_days),
        (0, 395, 1)
    );
    assert_eq!(c.language, "pt-BR");
    assert_eq!((c.layout, c.theme), (Layout::Modal, Theme::Dark));
    assert!(!c.settings_button && !c.respect_gpc && c.reload_on_withdrawal);
    assert_eq!(c.cookie.name, "consent.v2");
    assert_eq!(c.cookie.domain.as_deref(), Some("example.com"));
    assert_eq!(c.cookie.path, "/shop");
    assert_eq!(c.cookie.same_site, SameSite::None);
    assert_eq!(c.cookie.secure, Some(true));
    assert!(c.cookie.mirror);
    let ga = c.google_analytics.unwrap();
    assert!(!ga.anonymize_ip);
    assert!(!ga.ads_data_redaction && ga.url_passthrough);
    assert_eq!(ga.consent_mode, ConsentMode::Advanced);
    assert_eq!(ga.wait_for_update, 0);
}

#[test]
fn text_overrides_for_a_regional_code_apply_to_its_language() {
    let parsed = Config::from_json(
        r#"{"categories": ["necessary"], "texts": {"nb-NO": {"acceptAll": "Ja takk"}, "EN": {"rejectAll": "No thanks"}}}"#,
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let config = parsed.config;
    assert_eq!(
        config.text("nb", samtykke_core::TextKey::AcceptAll),
        "Ja takk"
    );
    assert_eq!(
        config.text("en", samtykke_core::TextKey::RejectAll),
        "No thanks"
    );
}
