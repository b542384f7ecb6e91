//! The typed configuration. JSON from the script tag, `init(config)` from npm and Rust callers
//! all end up in this one [`Config`]; [`crate::validate`] turns JSON into it.

use super::category::Category;
use super::language::{
    built_in_index, choose_language, sibling_language, BUILT_IN_LANGUAGES, COMPILED_LANGUAGES,
};
use super::text::Text;
use super::text::TextOverrides;
use super::texts::{BuiltInTexts, TextKey};
use crate::json::Value;
use serde::Serialize;

/// Everything a site can configure. Every field has a documented default; only `categories`
/// is required in JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Config {
    /// Version of the site's cookie policy. A stored choice made under another revision is
    /// not valid: the banner asks again. Default `1`.
    pub revision: u32,
    /// Days a consent (anything beyond `necessary` granted) is kept. Default `365`, at most 395.
    pub expiry_days: u32,
    /// Days a refusal (only `necessary`) is kept before asking again. Default `182`, at most 395.
    pub refusal_expiry_days: u32,
    /// `"auto"` (page `lang`, then the browser's languages, then English) or a language code.
    /// Default `"auto"`.
    pub language: String,
    /// Link shown in the banner and the preferences dialog. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy_policy_url: Option<String>,
    /// Where the banner sits. Default [`Layout::Bar`].
    pub layout: Layout,
    /// Colour scheme. Default [`Theme::Auto`] (follows `prefers-color-scheme`).
    pub theme: Theme,
    /// Show the floating "Cookie settings" button after a choice. Default `true`.
    pub settings_button: bool,
    /// Honour `navigator.globalPrivacyControl` when there is no stored choice. Default `true`.
    pub respect_gpc: bool,
    /// Reload the page after a withdrawal, since a loaded tag cannot be unloaded. Default `false`.
    pub reload_on_withdrawal: bool,
    /// The categories the site uses, in display order. `necessary` is always first.
    /// Default: all four.
    pub categories: Vec<CategoryConfig>,
    /// Overrides of built-in texts: language code -> text key -> text. Default: none.
    pub texts: TextOverrides,
    /// Where the choice is stored when `localStorage` cannot be used, and the optional mirror.
    pub cookie: CookieOptions,
    /// Google Analytics 4, loaded only after `statistics` consent. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_analytics: Option<GoogleAnalytics>,
    /// Google Tag Manager, loaded only after `statistics` consent. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_tag_manager: Option<GoogleTagManager>,
    /// Where each choice is sent for the site's consent log. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_log: Option<ConsentLog>,
    /// Who is responsible for the data, shown in the notice. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller: Option<Controller>,
    /// The built-in texts of languages this build does not carry (the script tag's engines
    /// carry English only), added as their language files load: see
    /// [`Config::add_language_pack`]. Never part of the config's JSON.
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub(crate) language_packs: TextOverrides,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            revision: 1,
            expiry_days: 365,
            refusal_expiry_days: 182,
            language: "auto".to_owned(),
            privacy_policy_url: None,
            layout: Layout::Bar,
            theme: Theme::Auto,
            settings_button: true,
            respect_gpc: true,
            reload_on_withdrawal: false,
            categories: Category::ALL.into_iter().map(CategoryConfig::new).collect(),
            texts: TextOverrides::default(),
            cookie: CookieOptions::default(),
            google_analytics: None,
            google_tag_manager: None,
            consent_log: None,
            controller: None,
            language_packs: TextOverrides::default(),
        }
    }
}

impl Config {
    /// The configuration of `category`, if the site uses it.
    pub fn category(&self, category: Category) -> Option<&CategoryConfig> {
        self.categories.iter().find(|c| c.category == category)
    }

    /// The categories the site uses.
    pub fn category_set(&self) -> super::category::CategorySet {
        self.categories.iter().map(|c| c.category).collect()
    }

    /// The services of those of `categories` the site uses, in config order. (What a choice
    /// granting `categories` grants; `self.category_set()` gives every service.)
    pub fn services_of(
        &self,
        categories: super::category::CategorySet,
    ) -> impl Iterator<Item = &Service> {
        self.categories
            .iter()
            .filter(move |c| categories.contains(c.category))
            .flat_map(|c| c.services.iter())
    }

    /// The category that lists the service `name`, if any does.
    pub fn category_of_service(&self, name: &str) -> Option<Category> {
        self.categories
            .iter()
            .find(|c| c.services.iter().any(|s| s.name == name))
            .map(|c| c.category)
    }

    /// The set of the services `keep` keeps: bit `n` stands for the config's `n`th service
    /// (a config has at most 50; any past the 64th is in no set, so never granted).
    fn services_where(&self, keep: &mut dyn FnMut(Category, &Service, u64) -> bool) -> u64 {
        let (mut set, mut bit) = (0, 1u64);
        for category in &self.categories {
            for service in &category.services {
                if keep(category.category, service, bit) {
                    set |= bit;
                }
                bit <<= 1;
            }
        }
        set
    }

    /// The set of the services named in `names` (names the config does not list are left out).
    pub(crate) fn services_named(&self, names: &[String]) -> u64 {
        self.services_where(&mut |_, s, _| names.contains(&s.name))
    }

    /// The set of the services of `categories`.
    pub(crate) fn services_in(&self, categories: super::category::CategorySet) -> u64 {
        self.services_where(&mut |c, _, _| categories.contains(c))
    }

    /// The categories with a service in `services`.
    pub(crate) fn categories_of(&self, services: u64) -> super::category::CategorySet {
        let mut categories = super::category::CategorySet::EMPTY;
        self.services_where(&mut |c, _, bit| {
            if services & bit != 0 {
                categories = categories.with(c);
            }
            false
        });
        categories
    }

    /// The names of the services in `services`, in config order.
    pub(crate) fn service_names(&self, services: u64) -> Vec<String> {
        let mut names = Vec::new();
        self.services_where(&mut |_, s, bit| {
            if services & bit != 0 {
                names.push(s.name.clone());
            }
            false
        });
        names
    }

    /// A text override for `language` and `key`, if the config has one.
    pub fn text_override(&self, language: &str, key: &str) -> Option<&str> {
        let given = |code: &str| self.texts.get(code, key);
        // The site's own wording in the other written Norwegian beats a built-in text.
        given(language).or_else(|| sibling_language(language).and_then(given))
    }

    /// The language to show with this config: see [`choose_language`].
    pub fn choose_language(&self, page_lang: Option<&str>, browser: &[String]) -> String {
        choose_language(
            &self.language,
            |code| self.texts.has_language(code),
            page_lang,
            browser,
        )
    }

    /// The label of `category` in `language`: the config's, else the built-in one.
    pub fn category_label(&self, language: &str, category: Category) -> String {
        let built_in = match category {
            Category::Necessary => TextKey::NecessaryLabel,
            Category::Preferences => TextKey::PreferencesLabel,
            Category::Statistics => TextKey::StatisticsLabel,
            Category::Marketing => TextKey::MarketingLabel,
        };
        let given = self.category(category).and_then(|c| c.label.as_ref());
        self.given_or_built_in(language, given, built_in)
    }

    /// What `category` is for, in `language`: the config's description, else the built-in one.
    pub fn category_description(&self, language: &str, category: Category) -> String {
        let built_in = match category {
            Category::Necessary => TextKey::NecessaryDescription,
            Category::Preferences => TextKey::PreferencesCategoryDescription,
            Category::Statistics => TextKey::StatisticsDescription,
            Category::Marketing => TextKey::MarketingDescription,
        };
        let given = self.category(category).and_then(|c| c.description.as_ref());
        self.given_or_built_in(language, given, built_in)
    }

    fn given_or_built_in(&self, language: &str, given: Option<&Text>, built_in: TextKey) -> String {
        given.map_or_else(
            || self.text(language, built_in),
            |t| t.resolve(language).to_owned(),
        )
    }

    /// The text for `key` in `language`: the config's override, else the built-in text.
    #[inline(always)]
    pub fn text(&self, language: &str, key: TextKey) -> String {
        self.override_or(language, key.key(), key.built_in_texts())
    }

    #[inline(never)]
    fn override_or(&self, language: &str, key: &str, built_in: BuiltInTexts) -> String {
        self.text_override(language, key)
            .or_else(|| self.language_packs.get(language, key))
            .unwrap_or(built_in[built_in_index(language)])
            .to_owned()
    }

    /// Whether `language`'s built-in texts must be loaded before they show: it is a built-in
    /// language that this build does not carry, and its file has not been added yet.
    pub fn language_pack_needed(&self, language: &str) -> bool {
        BUILT_IN_LANGUAGES.contains(&language)
            && !COMPILED_LANGUAGES.contains(&language)
            && !self.language_packs.has_language(language)
    }

    /// Adds `language`'s built-in texts from its language file (`texts/<code>.json`, a JSON
    /// object of texts by key). Keys it does not know and texts that are not strings are
    /// left out; a key it lacks stays English. `false` when `json` is not such an object.
    pub fn add_language_pack(&mut self, language: &str, json: &str) -> bool {
        let Ok(Value::Object(texts)) = super::json::parse(json) else {
            return false;
        };
        for (key, text) in &texts {
            if let (Some(text), true) = (text.as_str(), TextKey::is_key(key)) {
                self.language_packs.insert(language, key, text);
            }
        }
        true
    }
}

/// One category as the site describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CategoryConfig {
    /// Which category this is.
    #[serde(rename = "name")]
    pub category: Category,
    /// Label shown on the switch. Default: the built-in label in the visitor's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// What the category is for. Default: the built-in description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The services (tools, vendors) in this category. Default: none.
    pub services: Vec<Service>,
    /// Cookie-name patterns (regular expressions) erased when the category is withdrawn.
    /// Default: none (Google Analytics' cookies are erased anyway).
    pub auto_clear: Vec<String>,
}

impl CategoryConfig {
    /// A category with built-in texts and no services.
    pub fn new(category: Category) -> Self {
        CategoryConfig {
            category,
            label: None,
            description: None,
            services: Vec::new(),
            auto_clear: Vec::new(),
        }
    }
}

/// A service (a tool or vendor) inside a category.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Service {
    /// Identifier used by `data-service` on gated elements: 1 to 50 letters, digits, `_`, `-`
    /// and `.`, unique in the config (at most 50 services in all).
    pub name: String,
    /// Name shown to visitors. Default: `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The cookies the service sets, shown to visitors and erased when the service is
    /// withdrawn (unless a service still granted lists them too). Default: none.
    pub cookies: Vec<CookieInfo>,
}

impl Service {
    /// The name shown to visitors in `language`: its label, else its `name`.
    pub fn label_in(&self, language: &str) -> String {
        self.label
            .as_ref()
            .map_or(&self.name[..], |l| l.resolve(language))
            .to_owned()
    }
}

/// One row of the cookie table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CookieInfo {
    /// Cookie name, e.g. `_ga`; a name ending in `*` (`_pk_id.*`) stands for every cookie
    /// whose name starts with what comes before it.
    pub name: String,
    /// Who sets it. Default: empty.
    pub provider: Text,
    /// Why. Default: empty.
    pub purpose: Text,
    /// How long it lives. Default: empty.
    pub duration: Text,
}

/// Banner placement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A bar along the bottom of the window.
    #[default]
    Bar,
    /// A box in the bottom corner.
    Box,
    /// A centred modal dialog.
    Modal,
}

impl Layout {
    /// The name used in config and in the stylesheet's `data-layout`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Bar => "bar",
            Layout::Box => "box",
            Layout::Modal => "modal",
        }
    }
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the visitor's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The name used in config and in the stylesheet's `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The `SameSite` attribute of the consent cookie.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum SameSite {
    /// `SameSite=Lax`.
    #[default]
    Lax,
    /// `SameSite=Strict`.
    Strict,
    /// `SameSite=None` (always with `Secure`).
    None,
}

impl SameSite {
    /// The attribute value as written in a cookie.
    pub fn as_str(self) -> &'static str {
        match self {
            SameSite::Lax => "Lax",
            SameSite::Strict => "Strict",
            SameSite::None => "None",
        }
    }
}

/// Options of the consent cookie (fallback storage and optional server-readable mirror).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CookieOptions {
    /// Cookie name, also the `localStorage` key. Default `"samtykke"`.
    pub name: String,
    /// `Domain` attribute, e.g. `.example.com` to share the choice with subdomains.
    /// Default: none (host only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// `Path` attribute. Default `"/"`.
    pub path: String,
    /// `SameSite` attribute. Default `Lax`.
    pub same_site: SameSite,
    /// `Secure` attribute: `None` means "on https pages". Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secure: Option<bool>,
    /// Also write the choice to the cookie when `localStorage` works, so servers can read it.
    /// Default `false`.
    pub mirror: bool,
}

impl Default for CookieOptions {
    fn default() -> Self {
        CookieOptions {
            name: "samtykke".to_owned(),
            domain: None,
            path: "/".to_owned(),
            same_site: SameSite::Lax,
            secure: None,
            mirror: false,
        }
    }
}

/// How Google tags are treated before consent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ConsentMode {
    /// No Google tag is loaded before `statistics` is granted.
    #[default]
    Basic,
    /// The tag loads at once with everything denied (cookieless pings). An explicit opt-in.
    Advanced,
}

/// Google Analytics 4 settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoogleAnalytics {
    /// The measurement id, `G-` followed by letters and digits. Required.
    pub measurement_id: String,
    /// Send `anonymize_ip: true` (GA4 anonymises IPs itself; this matters for legacy
    /// properties). Default `true`.
    pub anonymize_ip: bool,
    /// Default [`ConsentMode::Basic`].
    pub consent_mode: ConsentMode,
    /// Milliseconds Google tags wait for a consent update. Default `500`.
    pub wait_for_update: u32,
    /// `gtag('set', 'ads_data_redaction', true)` while marketing is refused: ad click
    /// identifiers are redacted from the requests Google's tags still send. Default `true`.
    pub ads_data_redaction: bool,
    /// `gtag('set', 'url_passthrough', true)`: ad click information is passed in the links of
    /// the site's pages instead of cookies while consent is denied. Default `false`.
    pub url_passthrough: bool,
    /// How many months the Google Analytics property keeps its data (GA4 offers 2 or 14),
    /// for the notice. Default: none, and the notice says nothing about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u32>,
    /// The service (of the config's `services`) Google Analytics belongs to: when given, the
    /// tag loads (and Google is told `analytics_storage` is granted) only while that service
    /// is on too. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

impl GoogleAnalytics {
    /// Settings for `measurement_id` with every default.
    pub fn new(measurement_id: &str) -> Self {
        GoogleAnalytics {
            measurement_id: measurement_id.to_owned(),
            anonymize_ip: true,
            consent_mode: ConsentMode::Basic,
            wait_for_update: 500,
            ads_data_redaction: true,
            url_passthrough: false,
            retention_months: None,
            service: None,
        }
    }
}

/// Google Tag Manager settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoogleTagManager {
    /// The container id, `GTM-` followed by letters and digits. Required.
    pub container_id: String,
    /// The service (of the config's `services`) the container belongs to: when given, it
    /// loads only while that service is on too. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

/// Consent log settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConsentLog {
    /// URL each choice is posted to. Required.
    pub endpoint: String,
}

/// The data controller, as the notice names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Controller {
    /// The company or organisation. Required.
    pub name: Text,
    /// Postal address. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    /// How to reach the controller (e-mail address). Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The data protection officer: name and how to reach them. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_protection_officer: Option<Text>,
    /// The supervisory authority a visitor may complain to, named in the notice. Default:
    /// none, and the notice says so in neutral words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supervisory_authority: Option<SupervisoryAuthority>,
}

/// A data protection authority, as the notice names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SupervisoryAuthority {
    /// Its name (per language, or one text). Required.
    pub name: Text,
    /// Its web site. Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
