//! JSON to [`Config`], collecting every problem with the path of its field. A bad field takes
//! its default (a bad list element is dropped), so a broken config still gives a usable banner
//! that grants nothing beyond `necessary`.

use super::category::Category;
use super::config::*;
use super::error::ConfigError;
use super::language::is_language_code;
use super::limits::{self, MAX_EXPIRY_DAYS};
use super::similarity::closest;
use super::small_map::SmallMap;
use super::small_sort;
use super::substring::substring;
use super::text::{PerLanguage, Text, TextOverrides};
use super::texts::TextKey;
use crate::json::{Map, Value};

/// A config read from JSON, and what was wrong with it.
#[derive(Clone, Debug)]
pub struct ParsedConfig {
    /// The config, with defaults wherever the input was missing or invalid.
    pub config: Config,
    /// Every problem found, in document order.
    pub problems: Vec<ConfigError>,
}

impl Config {
    /// Reads a config from JSON text. Never fails: problems are listed, defaults fill in.
    pub fn from_json(json: &str) -> ParsedConfig {
        match super::json::parse(json) {
            Ok(value) => Config::from_value(&value),
            Err(e) => ParsedConfig {
                config: Config::default(),
                problems: vec![ConfigError::Syntax {
                    reason: e.to_string(),
                }],
            },
        }
    }

    /// Reads a config from a JSON value (as from `JSON.parse` or `serde_json`).
    pub fn from_value(value: &Value) -> ParsedConfig {
        let mut reader = Reader::default();
        let config = reader.config(value);
        // Each reader reports its problems field by field (unknown keys first, missing keys
        // last); put them in the order of the document, keeping that order within a field.
        let mut keyed: Vec<_> = reader
            .problems
            .into_iter()
            .map(|p| (document_position(value, p.path()), p))
            .collect();
        small_sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
        let problems = keyed.into_iter().map(|(_, p)| p).collect();
        ParsedConfig { config, problems }
    }
}

/// Where the field at `path` (as the readers write paths) is in `value`: the index of each
/// key or element on the way. A key that is not there sorts after its siblings. Relies on
/// `serde_json`'s `preserve_order`, which keeps object keys in document order.
fn document_position(value: &Value, path: &str) -> Vec<usize> {
    let mut position = Vec::new();
    let mut current = value;
    let mut rest = path;
    while !rest.is_empty() {
        match current {
            Value::Array(items) if rest.starts_with('[') => {
                let Some((index, tail)) = substring(rest, 1..).split_once(']') else {
                    break;
                };
                let Ok(i) = index.parse::<usize>() else {
                    break;
                };
                position.push(i);
                let Some(item) = items.get(i) else {
                    break;
                };
                current = item;
                rest = tail;
            }
            Value::Object(map) => {
                // The longest key the path goes on with (keys may hold "." or "[").
                let found = map
                    .iter()
                    .enumerate()
                    .filter(|(_, (key, _))| {
                        rest.strip_prefix(key.as_str())
                            .is_some_and(|t| t.is_empty() || t.starts_with(['.', '[']))
                    })
                    .max_by_key(|(_, (key, _))| key.len());
                let Some((i, (key, item))) = found else {
                    position.push(map.len());
                    break;
                };
                position.push(i);
                current = item;
                rest = substring(rest, key.len()..);
            }
            _ => break,
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    position
}

// Rust callers bring a serde deserializer; the engines read text with `json::parse` instead.
#[allow(clippy::disallowed_types)]
impl<'de> serde::Deserialize<'de> for Config {
    /// Strict deserialisation for Rust callers: any problem is an error.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let parsed = Config::from_value(&value.into());
        match parsed.problems.first() {
            None => Ok(parsed.config),
            Some(problem) => Err(serde::de::Error::custom(problem)),
        }
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<ConfigError>,
    /// The services kept so far, with their paths: names are unique in a config.
    services: Vec<(String, String)>,
}

impl Reader {
    fn wrong_type(&mut self, path: &str, expected: &'static str, value: &Value) {
        self.problems.push(ConfigError::WrongType {
            path: path.to_owned(),
            expected,
            found: json_type(value),
        });
    }

    fn invalid(&mut self, path: &str, reason: impl Into<String>) {
        self.problems.push(ConfigError::InvalidValue {
            path: path.to_owned(),
            reason: reason.into(),
        });
    }

    /// The object at `path`, reporting keys outside `known`.
    fn object<'v>(&mut self, value: &'v Value, path: &str, known: &[&str]) -> Option<&'v Map> {
        let Value::Object(map) = value else {
            self.wrong_type(
                if path.is_empty() { "(config)" } else { path },
                "an object",
                value,
            );
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problems.push(ConfigError::UnknownKey {
                path: join(path, key),
                suggestion: closest(key, known.iter().copied()).map(str::to_owned),
            });
        }
        Some(map)
    }

    fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) if s.trim().is_empty() => {
                self.invalid(path, "must not be empty");
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        value.as_bool().or_else(|| {
            self.wrong_type(path, "true or false", value);
            None
        })
    }

    fn integer(&mut self, value: &Value, path: &str, min: u64, max: u64) -> Option<u32> {
        let Some(n) = value.as_u64() else {
            let expected = "a whole number";
            match value.as_f64() {
                Some(_) => self.invalid(path, format!("must be {expected} from {min} to {max}")),
                None => self.wrong_type(path, expected, value),
            }
            return None;
        };
        if (min..=max).contains(&n) {
            u32::try_from(n).ok()
        } else {
            self.invalid(path, format!("must be from {min} to {max}, found {n}"));
            None
        }
    }

    fn choice<T: Copy>(&mut self, value: &Value, path: &str, options: &[(&str, T)]) -> Option<T> {
        let name = self.string(value, path)?;
        if let Some((_, v)) = options.iter().find(|(n, _)| *n == name) {
            return Some(*v);
        }
        let names: Vec<String> = options.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        self.invalid(
            path,
            format!("must be one of {}, found \"{name}\"", names.join(", ")),
        );
        None
    }

    fn text(&mut self, value: &Value, path: &str) -> Option<Text> {
        match value {
            Value::String(_) => self.string(value, path).map(Text::Plain),
            Value::Object(map) => {
                let mut texts = SmallMap::new();
                for (code, v) in map {
                    let p = join(path, code);
                    if !is_language_code(code) {
                        self.invalid(&p, "is not a language code (like \"en\" or \"nb\")");
                    } else if let Some(s) = self.string(v, &p) {
                        texts.insert(code.clone(), s);
                    }
                }
                (!texts.is_empty()).then_some(Text::PerLanguage(PerLanguage(texts)))
            }
            other => {
                self.wrong_type(path, "a string or an object of language codes", other);
                None
            }
        }
    }

    fn list<'v>(&mut self, value: &'v Value, path: &str) -> &'v [Value] {
        match value {
            Value::Array(items) => items,
            other => {
                self.wrong_type(path, "an array", other);
                &[]
            }
        }
    }

    fn url(&mut self, value: &Value, path: &str) -> Option<String> {
        let url = self.string(value, path)?;
        match super::url::scheme_problem(&url) {
            Some(problem) => {
                self.invalid(path, problem);
                None
            }
            None => Some(url),
        }
    }

    fn pattern(&mut self, value: &Value, path: &str, prefix: &str, what: &str) -> Option<String> {
        let id = self.string(value, path)?;
        let ok = id.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() >= 4
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        });
        if ok {
            Some(id)
        } else {
            self.invalid(
                path,
                format!(
                    "must be {what}: \"{prefix}\" then capital letters and digits, found \"{id}\""
                ),
            );
            None
        }
    }

    fn config(&mut self, value: &Value) -> Config {
        const KEYS: &[&str] = &[
            "revision",
            "expiryDays",
            "refusalExpiryDays",
            "language",
            "privacyPolicyUrl",
            "layout",
            "theme",
            "settingsButton",
            "respectGpc",
            "reloadOnWithdrawal",
            "categories",
            "texts",
            "cookie",
            "googleAnalytics",
            "googleTagManager",
            "consentLog",
            "controller",
        ];
        let mut config = Config::default();
        let Some(map) = self.object(value, "", KEYS) else {
            return config;
        };
        let days = 1..=u64::from(MAX_EXPIRY_DAYS);
        for (key, v) in map {
            let p = key.as_str();
            match p {
                "revision" => {
                    if let Some(n) = self.integer(v, p, 0, u64::from(u32::MAX)) {
                        config.revision = n;
                    }
                }
                "expiryDays" => {
                    if let Some(n) = self.integer(v, p, *days.start(), *days.end()) {
                        config.expiry_days = n;
                    }
                }
                "refusalExpiryDays" => {
                    if let Some(n) = self.integer(v, p, *days.start(), *days.end()) {
                        config.refusal_expiry_days = n;
                    }
                }
                "language" => {
                    if let Some(code) = self.string(v, p) {
                        if code == "auto" || is_language_code(&code) {
                            config.language = code;
                        } else {
                            self.invalid(
                                p,
                                format!("must be \"auto\" or a language code, found \"{code}\""),
                            );
                        }
                    }
                }
                "privacyPolicyUrl" => config.privacy_policy_url = self.url(v, p),
                "layout" => {
                    let options = [
                        ("bar", Layout::Bar),
                        ("box", Layout::Box),
                        ("modal", Layout::Modal),
                    ];
                    if let Some(layout) = self.choice(v, p, &options) {
                        config.layout = layout;
                    }
                }
                "theme" => {
                    let options = [
                        ("auto", Theme::Auto),
                        ("light", Theme::Light),
                        ("dark", Theme::Dark),
                    ];
                    if let Some(theme) = self.choice(v, p, &options) {
                        config.theme = theme;
                    }
                }
                "settingsButton" => {
                    if let Some(b) = self.boolean(v, p) {
                        config.settings_button = b;
                    }
                }
                "respectGpc" => {
                    if let Some(b) = self.boolean(v, p) {
                        config.respect_gpc = b;
                    }
                }
                "reloadOnWithdrawal" => {
                    if let Some(b) = self.boolean(v, p) {
                        config.reload_on_withdrawal = b;
                    }
                }
                "categories" => config.categories = self.categories(v),
                "texts" => config.texts = TextOverrides(self.texts(v)),
                "cookie" => config.cookie = self.cookie(v),
                "googleAnalytics" => config.google_analytics = self.google_analytics(v),
                "googleTagManager" => config.google_tag_manager = self.google_tag_manager(v),
                "consentLog" => config.consent_log = self.consent_log(v),
                "controller" => config.controller = self.controller(v),
                _ => {}
            }
        }
        if !map.contains_key("categories") {
            self.problems.push(ConfigError::Missing {
                path: "categories".to_owned(),
            });
        }
        // The services are known only once the whole config is read (keys come in any order).
        // A tag tied to a service the config does not list could never load: it is left out.
        let ga = config.google_analytics.as_ref().map(|ga| &ga.service);
        if !self.tag_service_listed(ga, "googleAnalytics.service") {
            config.google_analytics = None;
        }
        let gtm = config.google_tag_manager.as_ref().map(|gtm| &gtm.service);
        if !self.tag_service_listed(gtm, "googleTagManager.service") {
            config.google_tag_manager = None;
        }
        config
    }

    /// Whether a tag's `service` is unset or one of the config's services; if not, says so.
    fn tag_service_listed(&mut self, service: Option<&Option<String>>, path: &str) -> bool {
        let Some(Some(name)) = service else {
            return true;
        };
        let listed = self.services.iter().any(|(n, _)| n == name);
        if !listed {
            let reason =
                format!("\"{name}\" is not a service in the config, so the tag is not loaded");
            self.invalid(path, reason);
        }
        listed
    }

    fn categories(&mut self, value: &Value) -> Vec<CategoryConfig> {
        let mut found: Vec<CategoryConfig> = Vec::new();
        for (i, item) in self.list(value, "categories").iter().enumerate() {
            let path = format!("categories[{i}]");
            let services_before = self.services.len();
            let Some(category) = self.category(item, &path) else {
                self.services.truncate(services_before);
                continue;
            };
            if found.iter().any(|c| c.category == category.category) {
                self.invalid(&path, format!("\"{}\" is listed twice", category.category));
                self.services.truncate(services_before);
                continue;
            }
            found.push(category);
        }
        if !found.iter().any(|c| c.category == Category::Necessary) {
            found.insert(0, CategoryConfig::new(Category::Necessary));
        }
        small_sort::sort_by(&mut found, |a, b| a.category.cmp(&b.category));
        found
    }

    fn category_name(&mut self, value: &Value, path: &str) -> Option<Category> {
        let name = self.string(value, path)?;
        Category::parse(&name).or_else(|| {
            self.problems.push(ConfigError::UnknownCategory {
                path: path.to_owned(),
                suggestion: Category::closest(&name),
                name,
            });
            None
        })
    }

    fn category(&mut self, value: &Value, path: &str) -> Option<CategoryConfig> {
        if matches!(value, Value::String(_)) {
            return self.category_name(value, path).map(CategoryConfig::new);
        }
        if !matches!(value, Value::Object(_)) {
            self.wrong_type(path, "a category name or an object", value);
            return None;
        }
        const KEYS: &[&str] = &["name", "label", "description", "services", "autoClear"];
        let map = self.object(value, path, KEYS)?;
        let Some(name) = map.get("name") else {
            self.problems.push(ConfigError::Missing {
                path: join(path, "name"),
            });
            return None;
        };
        let mut category = CategoryConfig::new(self.category_name(name, &join(path, "name"))?);
        if let Some(v) = map.get("label") {
            category.label = self.text(v, &join(path, "label"));
        }
        if let Some(v) = map.get("description") {
            category.description = self.text(v, &join(path, "description"));
        }
        if let Some(v) = map.get("services") {
            let p = join(path, "services");
            category.services = self
                .list(v, &p)
                .iter()
                .enumerate()
                .filter_map(|(i, s)| self.service(s, &format!("{p}[{i}]")))
                .collect();
        }
        if let Some(v) = map.get("autoClear") {
            let p = join(path, "autoClear");
            category.auto_clear = self
                .list(v, &p)
                .iter()
                .enumerate()
                .filter_map(|(i, s)| self.string(s, &format!("{p}[{i}]")))
                .collect();
        }
        Some(category)
    }

    fn service(&mut self, value: &Value, path: &str) -> Option<Service> {
        let map = self.object(value, path, &["name", "label", "cookies"])?;
        let Some(name) = map.get("name") else {
            self.problems.push(ConfigError::Missing {
                path: join(path, "name"),
            });
            return None;
        };
        let name_path = join(path, "name");
        let name = self.string(name, &name_path)?;
        // A record lists the services granted by name and must fit a cookie: names are short,
        // plain and unique, and there are only so many.
        if let Some(problem) = limits::service_name_problem(&name) {
            self.invalid(&name_path, problem);
            return None;
        }
        if let Some((_, first)) = self.services.iter().find(|(n, _)| *n == name) {
            let reason = format!("\"{name}\" is already the name of {first}");
            self.invalid(&name_path, reason);
            return None;
        }
        if self.services.len() == limits::MAX_SERVICES {
            self.invalid(path, "is one service too many: a config lists at most 50");
            return None;
        }
        self.services.push((name.clone(), path.to_owned()));
        let label = map
            .get("label")
            .and_then(|v| self.text(v, &join(path, "label")));
        let cookies = match map.get("cookies") {
            Some(v) => {
                let p = join(path, "cookies");
                self.list(v, &p)
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| self.cookie_info(c, &format!("{p}[{i}]")))
                    .collect()
            }
            None => Vec::new(),
        };
        Some(Service {
            name,
            label,
            cookies,
        })
    }

    fn cookie_info(&mut self, value: &Value, path: &str) -> Option<CookieInfo> {
        let map = self.object(value, path, &["name", "provider", "purpose", "duration"])?;
        let Some(name) = map.get("name") else {
            self.problems.push(ConfigError::Missing {
                path: join(path, "name"),
            });
            return None;
        };
        let name = self.string(name, &join(path, "name"))?;
        let mut field = |key: &str| {
            map.get(key)
                .and_then(|v| self.text(v, &join(path, key)))
                .unwrap_or_else(|| Text::Plain(String::new()))
        };
        Some(CookieInfo {
            name,
            provider: field("provider"),
            purpose: field("purpose"),
            duration: field("duration"),
        })
    }

    fn texts(&mut self, value: &Value) -> SmallMap<SmallMap<String>> {
        let mut texts = SmallMap::new();
        let Value::Object(languages) = value else {
            self.wrong_type("texts", "an object", value);
            return texts;
        };
        let keys: Vec<&str> = TextKey::ALL.iter().map(|k| k.key()).collect();
        for (code, overrides) in languages {
            let path = join("texts", code);
            if !is_language_code(code) {
                self.invalid(&path, "is not a language code (like \"en\" or \"nb\")");
                continue;
            }
            let Some(map) = self.object(overrides, &path, &keys) else {
                continue;
            };
            // Texts are looked up by primary language ("nb" for "nb-NO"), as languages are chosen.
            let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
            let entries = texts.entry_or_default(primary);
            for (k, v) in map.iter().filter(|(k, _)| keys.contains(&k.as_str())) {
                if let Some(text) = self.string(v, &join(&path, k)) {
                    entries.insert(k.clone(), text);
                }
            }
        }
        texts
    }

    fn cookie(&mut self, value: &Value) -> CookieOptions {
        let mut options = CookieOptions::default();
        const KEYS: &[&str] = &["name", "domain", "path", "sameSite", "secure", "mirror"];
        let Some(map) = self.object(value, "cookie", KEYS) else {
            return options;
        };
        if let Some(v) = map.get("name") {
            let p = "cookie.name";
            if let Some(name) = self.string(v, p) {
                if name.len() > limits::MAX_COOKIE_NAME_LEN {
                    self.invalid(p, "must be at most 64 bytes long");
                } else if name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
                {
                    options.name = name;
                } else {
                    self.invalid(p, "may hold only letters, digits, \"_\", \"-\" and \".\"");
                }
            }
        }
        if let Some(v) = map.get("domain") {
            let p = "cookie.domain";
            if let Some(domain) = self.string(v, p) {
                let bare = domain.trim_start_matches('.');
                let ok = bare.split('.').all(|label| {
                    !label.is_empty()
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
                if ok {
                    options.domain = Some(domain);
                } else {
                    self.invalid(p, format!("is not a domain name: \"{domain}\""));
                }
            }
        }
        if let Some(v) = map.get("path") {
            let p = "cookie.path";
            if let Some(path) = self.string(v, p) {
                if path.starts_with('/')
                    && path.len() <= 1024
                    && !path.contains(|c: char| c == ';' || c.is_control())
                {
                    options.path = path;
                } else {
                    self.invalid(
                        p,
                        "must start with \"/\", hold no \";\" or control character, and be at most 1024 bytes",
                    );
                }
            }
        }
        if let Some(v) = map.get("sameSite") {
            let choices = [
                ("Lax", SameSite::Lax),
                ("Strict", SameSite::Strict),
                ("None", SameSite::None),
            ];
            if let Some(s) = self.choice(v, "cookie.sameSite", &choices) {
                options.same_site = s;
            }
        }
        if let Some(v) = map.get("secure") {
            options.secure = self.boolean(v, "cookie.secure");
        }
        if let Some(v) = map.get("mirror") {
            if let Some(b) = self.boolean(v, "cookie.mirror") {
                options.mirror = b;
            }
        }
        if options.same_site == SameSite::None && options.secure == Some(false) {
            self.invalid(
                "cookie.sameSite",
                "\"None\" needs a secure cookie; using \"Lax\"",
            );
            options.same_site = SameSite::Lax;
        }
        options
    }

    fn google_analytics(&mut self, value: &Value) -> Option<GoogleAnalytics> {
        const KEYS: &[&str] = &[
            "measurementId",
            "anonymizeIp",
            "consentMode",
            "waitForUpdate",
            "adsDataRedaction",
            "urlPassthrough",
            "retentionMonths",
            "service",
        ];
        let map = self.object(value, "googleAnalytics", KEYS)?;
        let Some(id) = map.get("measurementId") else {
            self.problems.push(ConfigError::Missing {
                path: "googleAnalytics.measurementId".to_owned(),
            });
            return None;
        };
        let id = self.pattern(
            id,
            "googleAnalytics.measurementId",
            "G-",
            "a GA4 measurement id",
        )?;
        let mut ga = GoogleAnalytics::new(&id);
        for (key, path, flag) in [
            (
                "anonymizeIp",
                "googleAnalytics.anonymizeIp",
                &mut ga.anonymize_ip,
            ),
            (
                "adsDataRedaction",
                "googleAnalytics.adsDataRedaction",
                &mut ga.ads_data_redaction,
            ),
            (
                "urlPassthrough",
                "googleAnalytics.urlPassthrough",
                &mut ga.url_passthrough,
            ),
        ] {
            if let Some(b) = map.get(key).and_then(|v| self.boolean(v, path)) {
                *flag = b;
            }
        }
        if let Some(v) = map.get("consentMode") {
            let choices = [
                ("basic", ConsentMode::Basic),
                ("advanced", ConsentMode::Advanced),
            ];
            if let Some(mode) = self.choice(v, "googleAnalytics.consentMode", &choices) {
                ga.consent_mode = mode;
            }
        }
        if let Some(v) = map.get("retentionMonths") {
            ga.retention_months = self.integer(v, "googleAnalytics.retentionMonths", 1, 50);
        }
        if let Some(v) = map.get("waitForUpdate") {
            if let Some(ms) = self.integer(v, "googleAnalytics.waitForUpdate", 0, 10_000) {
                ga.wait_for_update = ms;
            }
        }
        // A tag tied to a service it cannot name never loads.
        if let Some(v) = map.get("service") {
            ga.service = Some(self.string(v, "googleAnalytics.service")?);
        }
        Some(ga)
    }

    fn google_tag_manager(&mut self, value: &Value) -> Option<GoogleTagManager> {
        let map = self.object(value, "googleTagManager", &["containerId", "service"])?;
        let Some(id) = map.get("containerId") else {
            self.problems.push(ConfigError::Missing {
                path: "googleTagManager.containerId".to_owned(),
            });
            return None;
        };
        let container_id = self.pattern(
            id,
            "googleTagManager.containerId",
            "GTM-",
            "a GTM container id",
        )?;
        let service = match map.get("service") {
            Some(v) => Some(self.string(v, "googleTagManager.service")?),
            None => None,
        };
        Some(GoogleTagManager {
            container_id,
            service,
        })
    }

    fn controller(&mut self, value: &Value) -> Option<Controller> {
        const KEYS: &[&str] = &[
            "name",
            "address",
            "email",
            "dataProtectionOfficer",
            "supervisoryAuthority",
        ];
        let map = self.object(value, "controller", KEYS)?;
        let Some(name) = map.get("name") else {
            self.problems.push(ConfigError::Missing {
                path: "controller.name".to_owned(),
            });
            return None;
        };
        let name = self.text(name, "controller.name")?;
        let address = map
            .get("address")
            .and_then(|v| self.text(v, "controller.address"));
        let email = map.get("email").and_then(|v| {
            let email = self.string(v, "controller.email")?;
            let plausible = email.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !email.contains(char::is_whitespace)
            });
            if plausible {
                Some(email)
            } else {
                self.invalid(
                    "controller.email",
                    format!("is not an e-mail address: \"{email}\""),
                );
                None
            }
        });
        let data_protection_officer = map
            .get("dataProtectionOfficer")
            .and_then(|v| self.text(v, "controller.dataProtectionOfficer"));
        let supervisory_authority = map
            .get("supervisoryAuthority")
            .and_then(|v| self.supervisory_authority(v));
        Some(Controller {
            name,
            address,
            email,
            data_protection_officer,
            supervisory_authority,
        })
    }

    fn supervisory_authority(&mut self, value: &Value) -> Option<SupervisoryAuthority> {
        let path = "controller.supervisoryAuthority";
        let map = self.object(value, path, &["name", "url"])?;
        let Some(name) = map.get("name") else {
            self.problems.push(ConfigError::Missing {
                path: format!("{path}.name"),
            });
            return None;
        };
        let name = self.text(name, "controller.supervisoryAuthority.name")?;
        let url = map
            .get("url")
            .and_then(|v| self.url(v, "controller.supervisoryAuthority.url"));
        Some(SupervisoryAuthority { name, url })
    }

    fn consent_log(&mut self, value: &Value) -> Option<ConsentLog> {
        let map = self.object(value, "consentLog", &["endpoint"])?;
        let Some(endpoint) = map.get("endpoint") else {
            self.problems.push(ConfigError::Missing {
                path: "consentLog.endpoint".to_owned(),
            });
            return None;
        };
        let endpoint = self.url(endpoint, "consentLog.endpoint")?;
        Some(ConsentLog { endpoint })
    }
}
