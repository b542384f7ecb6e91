//! Which gated element may run: the `data-category` and `data-service` rules, decided without
//! a browser; which URLs it may load; and what the placeholder of a blocked embed says.

use super::category::{Category, CategorySet};
use super::config::Config;
use super::slots::{fill, list};
use super::substring::substring;
use super::texts::TextKey;
use super::url::{refusal, refused_scheme};

/// Whether an element with these attribute values may run now.
///
/// `data-category` lists one or more categories, separated by spaces or commas; all must be
/// granted. A name starting with `!` means "this category is refused". `data-service`, if
/// given, must also be among the services on (`services_on`, see `State::services_on`).
/// Unknown names never run.
pub fn allows(
    data_category: &str,
    data_service: Option<&str>,
    granted: CategorySet,
    services_on: &[String],
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
    let service_ok = data_service.is_none_or(|service| services_on.iter().any(|s| s == service));
    categories_ok && service_ok
}

/// The categories granting would let an embed with this `data-category` load, when
/// granting can: `None` for an empty list, an unknown name or a negation (`!marketing`), since
/// "Always allow" could not make those load.
pub fn wanted_categories(data_category: &str) -> Option<CategorySet> {
    let mut wanted = CategorySet::EMPTY;
    for token in data_category.split([' ', ',']).filter(|s| !s.is_empty()) {
        wanted = wanted.with(Category::parse(token)?);
    }
    (!wanted.is_empty()).then_some(wanted)
}

/// What a blocked embed's placeholder says, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderTexts {
    /// The categories "Always allow" grants (those the embed's `data-category` names).
    pub wanted: CategorySet,
    /// The placeholder's accessible name: what the embed is (its `title`, else its service,
    /// else "Blocked content").
    pub name: String,
    /// The sentence saying what is blocked and which category it needs.
    pub message: String,
    /// The "Load content" button (this embed, this once).
    pub load_once: String,
    /// The "Always allow" button (grants `wanted`); `None` when granting could not load the
    /// embed, because its `data-service` is not a service of the config.
    pub always_allow: Option<String>,
}

/// The attributes of a gated embed that its placeholder describes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Embed<'a> {
    /// The element's name: `iframe`, `video`, `audio` or `img`.
    pub element: &'a str,
    /// `data-category`.
    pub category: &'a str,
    /// `data-service`.
    pub service: Option<&'a str>,
    /// `title`.
    pub title: Option<&'a str>,
    /// `data-src`.
    pub src: Option<&'a str>,
}

/// The texts of the placeholder for `embed`, or `None` when none should show: it is an image
/// (often a tracking pixel, with nothing to show: it simply waits), granting cannot make it
/// load (see [`wanted_categories`]), or it needs a category the site does not use.
///
/// The service is named by the `data-service`'s label from config (else the name as written),
/// else by the host of `data-src`; without either the sentence names only the category.
pub fn placeholder_texts(
    config: &Config,
    language: &str,
    embed: Embed<'_>,
) -> Option<PlaceholderTexts> {
    if embed.element == "img" {
        return None;
    }
    let wanted = wanted_categories(embed.category)?;
    if wanted.intersection(config.category_set()) != wanted {
        return None;
    }
    let labels: Vec<String> = wanted
        .iter()
        .filter(|c| *c != Category::Necessary)
        .map(|c| config.category_label(language, c))
        .collect();
    let category = list(config, language, &labels);
    // A grant covers only the services the config lists (see `allows`).
    let grantable = embed.service.is_none_or(|name| {
        config
            .services_of(config.category_set())
            .any(|s| s.name == name)
    });
    let service = embed
        .service
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| service_label(config, language, name))
        .or_else(|| embed.src.and_then(host_of).map(str::to_owned));
    let message = match &service {
        Some(service) => fill(
            &config.text(language, TextKey::PlaceholderText),
            &[("service", service), ("category", &category)],
        ),
        None => fill(
            &config.text(language, TextKey::PlaceholderTextUnnamed),
            &[("category", &category)],
        ),
    };
    let name = embed
        .title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .or(service)
        .unwrap_or_else(|| config.text(language, TextKey::BlockedContent));
    Some(PlaceholderTexts {
        wanted,
        name,
        message,
        load_once: config.text(language, TextKey::LoadContent),
        always_allow: grantable.then(|| config.text(language, TextKey::AlwaysAllow)),
    })
}

/// A service's label from config, else its name as written.
fn service_label(config: &Config, language: &str, name: &str) -> String {
    config
        .services_of(config.category_set())
        .find(|s| s.name == name)
        .map_or_else(|| name.to_owned(), |s| s.label_in(language))
}

/// The host of an absolute `http(s)://` URL (or a scheme-relative `//host/...`).
fn host_of(src: &str) -> Option<&str> {
    let src = src.trim();
    let lower = src.get(..8).unwrap_or(src).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        substring(src, 8..)
    } else if lower.starts_with("http://") {
        substring(src, 7..)
    } else {
        src.strip_prefix("//")?
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    (!host.is_empty()).then_some(host)
}

/// Why a gated script may not run on a page whose Samtykke was given `expected` as its CSP
/// nonce: its own `nonce` differs. Markup injected into such a page (a gated script pointing
/// anywhere, under `'strict-dynamic'`) would otherwise be run by Samtykke on the page's trust.
/// `None` when no nonce was given, or when they match.
pub fn nonce_problem(expected: Option<&str>, nonce: &str) -> Option<&'static str> {
    match expected {
        Some(expected) if !expected.is_empty() && expected != nonce => Some(
            "nonce: it does not carry the page's nonce that Samtykke was given, so it never runs",
        ),
        _ => None,
    }
}

/// Why a URL attribute of a gated element, or of a `<source>` it chooses from, may never load,
/// naming the attribute (for a console error); `None` when it may. `data-src` holds one URL,
/// `data-srcset` a list of URLs with their descriptors (`"a.jpg 1x, b.jpg 2x"`); each must be
/// an `http(s)` or relative URL (see [`crate::scheme_problem`]). A `data-srcset` is cut at every space
/// and comma: a URL's scheme comes before any comma in it, and a part after one that reads as
/// another scheme is refused too, as a browser's list reader could take it for a URL.
pub fn url_problem(attribute: &str, value: &str) -> Option<String> {
    let scheme = refused_url_scheme(attribute, value)?;
    Some(format!("{attribute}: {}", refusal(&scheme)))
}

/// The scheme of the first URL in the attribute's value that may not load (see
/// [`url_problem`]), read without formatting a message.
fn refused_url_scheme(attribute: &str, value: &str) -> Option<String> {
    let srcset = attribute == "data-srcset";
    let mut rest = value;
    loop {
        let cut = srcset
            .then(|| {
                rest.bytes()
                    .position(|b| b == b',' || b.is_ascii_whitespace())
            })
            .flatten();
        if let Some(scheme) = refused_scheme(cut.map_or(rest, |at| substring(rest, ..at))) {
            return Some(scheme);
        }
        rest = substring(rest, cut? + 1..);
    }
}

/// Whether a gated element may run on a returning visit from its plan alone, which knows the
/// categories granted but neither the config nor the services: every name in its
/// `data-category` is a granted category, and it names no service. A negation (`!marketing`,
/// which may name a category the config leaves out) or a `data-service` is the full engine's
/// to judge, as is any URL that [`url_problem`] refuses (checked apart, one by one).
pub fn runs_on_plan(data_category: &str, has_service: bool, granted: CategorySet) -> bool {
    !has_service && wanted_categories(data_category).is_some_and(|w| w.intersection(granted) == w)
}

/// Whether `value`, the URL attribute `attribute` of a gated element (or of a `<source>` it
/// chooses from), may load: [`url_problem`] without its message, for the returning engine.
pub fn url_loads(attribute: &str, value: &str) -> bool {
    refused_url_scheme(attribute, value).is_none()
}

/// Why a gated element's `data-src`, `data-category` and `data-service` can never let it run
/// with this config, naming the attribute (for a console error); `None` when they can. Checks
/// that `data-src` is an `http(s)` or relative URL, every name (also after `!`), that each
/// category is one the config lists, and that the service is listed under some category: the
/// record grants only services the config names.
pub fn markup_problem(
    config: &Config,
    data_src: Option<&str>,
    data_category: &str,
    data_service: Option<&str>,
) -> Option<String> {
    if let Some(problem) = data_src.and_then(|src| url_problem("data-src", src)) {
        return Some(problem);
    }
    let (mut wanted, mut refused) = (CategorySet::EMPTY, CategorySet::EMPTY);
    for token in data_category.split([' ', ',']).filter(|s| !s.is_empty()) {
        let (negated, name) = match token.strip_prefix('!') {
            Some(name) => (true, name),
            None => (false, token),
        };
        let Some(category) = Category::parse(name) else {
            let hint = Category::closest(name)
                .map(|c| format!("; did you mean \"{}\"?", c.as_str()))
                .unwrap_or_default();
            return Some(format!("data-category: unknown category \"{name}\"{hint}"));
        };
        if negated && category == Category::Necessary {
            return Some(
                "data-category: \"!necessary\" never holds: necessary is always granted".to_owned(),
            );
        }
        if !negated && !config.category_set().contains(category) {
            return Some(format!(
                "data-category: \"{name}\" is not a category of the config, so it is never granted"
            ));
        }
        if negated {
            refused = refused.with(category);
        } else {
            wanted = wanted.with(category);
        }
    }
    if wanted.is_empty() && refused.is_empty() {
        return Some("data-category is empty, so the element never runs".to_owned());
    }
    if let Some(both) = wanted.intersection(refused).iter().next() {
        return Some(format!(
            "data-category: \"{0}\" and \"!{0}\" cannot both hold",
            both.as_str()
        ));
    }
    let service = data_service?;
    let listed = config
        .services_of(config.category_set())
        .any(|s| s.name == service);
    (!listed).then(|| {
        format!(
            "data-service: \"{service}\" is not a service in the config, so it is never granted"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returning_visit_runs_only_what_its_granted_categories_allow_by_name() {
        let granted = CategorySet::necessary_only().with(Category::Statistics);
        assert!(runs_on_plan("statistics", false, granted));
        assert!(runs_on_plan("necessary, statistics", false, granted));
        assert!(!runs_on_plan("statistics marketing", false, granted));
        assert!(
            !runs_on_plan("statistics", true, granted),
            "a service needs the full engine"
        );
        assert!(
            !runs_on_plan("!marketing", false, granted),
            "so does a negation"
        );
        for nothing in ["", " , ", "analytics"] {
            assert!(
                !runs_on_plan(nothing, false, CategorySet::all()),
                "{nothing:?}"
            );
        }
    }

    #[test]
    fn url_loads_agrees_with_url_problem() {
        for (attribute, value) in [
            ("data-src", "https://a.example/x.js"),
            ("data-src", " javascript:alert(1)"),
            ("data-srcset", "a.jpg 1x, b.jpg 2x"),
            ("data-srcset", "a.jpg 1x,javascript:x 2x"),
            ("data-poster", "data:image/png,x"),
            ("data-src", ""),
        ] {
            assert_eq!(
                url_loads(attribute, value),
                url_problem(attribute, value).is_none(),
                "{attribute}={value:?}"
            );
        }
    }
    use crate::ConsentRecord;

    #[test]
    fn a_gated_script_must_carry_the_nonce_samtykke_was_given() {
        assert_eq!(
            nonce_problem(None, ""),
            None,
            "no nonce given: nothing to check"
        );
        assert_eq!(nonce_problem(Some(""), ""), None);
        assert_eq!(nonce_problem(Some("r4nd0m"), "r4nd0m"), None);
        for wrong in ["", "R4ND0M", "r4nd0m "] {
            assert!(nonce_problem(Some("r4nd0m"), wrong).is_some(), "{wrong:?}");
        }
    }
    use crate::record::{ConsentId, Method};

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
            host: None,
        }
    }

    #[test]
    fn single_and_multiple_categories() {
        let stats = CategorySet::necessary_only().with(Category::Statistics);
        assert!(allows("statistics", None, stats, &[]));
        assert!(!allows("marketing", None, stats, &[]));
        assert!(!allows("statistics marketing", None, stats, &[]));
        assert!(allows("statistics,necessary", None, stats, &[]));
        assert!(allows(
            "statistics marketing",
            None,
            CategorySet::all(),
            &[]
        ));
    }

    #[test]
    fn negation_runs_when_refused() {
        let refused = CategorySet::necessary_only();
        assert!(allows("!marketing", None, refused, &[]));
        assert!(!allows("!marketing", None, CategorySet::all(), &[]));
    }

    #[test]
    fn unknown_or_empty_never_runs() {
        assert!(!allows("analytics", None, CategorySet::all(), &[]));
        assert!(!allows("", None, CategorySet::all(), &[]));
        assert!(!allows(" , ", None, CategorySet::all(), &[]));
        assert!(!allows("!", None, CategorySet::all(), &[]));
    }

    #[test]
    fn services_must_be_on() {
        let all = CategorySet::all();
        let record = with_services(all, &["google-analytics"]);
        assert!(allows(
            "statistics",
            Some("google-analytics"),
            all,
            &record.services
        ));
        assert!(!allows("statistics", Some("hotjar"), all, &record.services));
        assert!(!allows("statistics", Some("google-analytics"), all, &[]));
    }

    #[test]
    fn wanted_categories_only_when_granting_helps() {
        let marketing = CategorySet::EMPTY.with(Category::Marketing);
        assert_eq!(wanted_categories("marketing"), Some(marketing));
        assert_eq!(
            wanted_categories("statistics, marketing"),
            Some(marketing.with(Category::Statistics))
        );
        assert_eq!(wanted_categories("!marketing"), None);
        assert_eq!(wanted_categories("marketing !statistics"), None);
        assert_eq!(wanted_categories("ads"), None);
        assert_eq!(wanted_categories("  "), None);
    }

    fn embed<'a>(
        category: &'a str,
        service: Option<&'a str>,
        title: Option<&'a str>,
        src: Option<&'a str>,
    ) -> Embed<'a> {
        Embed {
            element: "iframe",
            category,
            service,
            title,
            src,
        }
    }

    #[test]
    fn images_wait_without_a_placeholder_while_video_and_audio_get_one() {
        let config = Config::default();
        let src = Some("https://media.example.com/film.webm");
        for element in ["iframe", "video", "audio"] {
            let texts = placeholder_texts(
                &config,
                "en",
                Embed {
                    element,
                    ..embed("marketing", None, Some("Roastery film"), src)
                },
            )
            .unwrap_or_else(|| panic!("{element}: no placeholder"));
            assert_eq!(texts.name, "Roastery film", "{element}");
            assert_eq!(
                texts.message,
                "This media.example.com content is blocked until you allow Marketing cookies."
            );
        }
        // An image may be a tracking pixel: nothing to show, nothing to offer; it waits.
        let pixel = Embed {
            element: "img",
            ..embed("marketing", None, None, Some("https://t.example/p.gif"))
        };
        assert_eq!(placeholder_texts(&config, "en", pixel), None);
    }

    #[test]
    fn every_url_of_a_srcset_is_checked_like_a_data_src() {
        assert_eq!(
            url_problem("data-src", "https://media.example.com/a.mp4"),
            None
        );
        assert_eq!(url_problem("data-src", "/a b.mp4"), None);
        assert_eq!(
            url_problem("data-src", " javascript:alert(1)").as_deref(),
            Some("data-src: must be an http(s) or relative URL, not \"javascript:\"")
        );
        for sound in [
            "",
            "a.jpg",
            "a.jpg 1x, https://cdn.example.com/a@2x.jpg 2x",
            "/img/a.jpg 480w,/img/b.jpg 960w",
            "a.jpg 1x,\n\tHTTP://cdn.example.com/b.jpg 2x",
            "/img/a,b.jpg 1x",
            "https://cdn.example.com/a.jpg?size=1:2 1.5x",
        ] {
            assert_eq!(url_problem("data-srcset", sound), None, "{sound:?}");
        }
        for (bad, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("a.jpg 1x, data:image/png;base64,AAAA 2x", "data"),
            ("a.jpg 1x,javascript:x 2x", "javascript"),
            ("a.jpg 1x,\tJavaScript:x 2x", "javascript"),
            ("a.jpg\x0cblob:https://a/b 2x", "blob"),
            // Not a URL a browser would load from, but read as one: refused, never loaded.
            ("/img/a,vbscript:b.jpg 1x", "vbscript"),
        ] {
            assert_eq!(
                url_problem("data-srcset", bad),
                Some(format!(
                    "data-srcset: must be an http(s) or relative URL, not \"{scheme}:\""
                )),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn placeholder_names_the_embed_and_the_category() {
        let config = Config::default();
        let video = embed(
            "marketing",
            None,
            Some("Brewing guide"),
            Some("https://www.youtube-nocookie.com/embed/ID?rel=0"),
        );
        let en = placeholder_texts(&config, "en", video).unwrap();
        assert_eq!(en.wanted, CategorySet::EMPTY.with(Category::Marketing));
        assert_eq!(en.name, "Brewing guide");
        assert_eq!(
            en.message,
            "This www.youtube-nocookie.com content is blocked until you allow Marketing cookies."
        );
        assert_eq!(
            (en.load_once.as_str(), en.always_allow.as_deref()),
            ("Load content", Some("Always allow"))
        );
        let nb = placeholder_texts(&config, "nb", video).unwrap();
        assert_eq!(
            nb.message,
            "Dette innholdet fra www.youtube-nocookie.com er blokkert til du tillater informasjonskapsler for Markedsføring."
        );
        assert_eq!(
            (nb.load_once.as_str(), nb.always_allow.as_deref()),
            ("Last inn innholdet", Some("Tillat alltid"))
        );
    }

    #[test]
    fn placeholder_prefers_the_service_label_and_falls_back_to_generic_texts() {
        let json = r#"{"categories": ["necessary", {"name": "marketing", "label": {"en": "Ads", "nb": "Reklame"},
            "services": [{"name": "youtube", "label": "YouTube"}]}]}"#;
        let config = Config::from_json(json).config;
        let named = placeholder_texts(
            &config,
            "nb",
            embed("marketing", Some("youtube"), None, Some("/v")),
        )
        .unwrap();
        assert_eq!(named.name, "YouTube");
        assert_eq!(
            named.message,
            "Dette innholdet fra YouTube er blokkert til du tillater informasjonskapsler for Reklame."
        );
        let bare = placeholder_texts(
            &config,
            "en",
            embed("marketing", None, Some(" "), Some("/local.html")),
        )
        .unwrap();
        assert_eq!(bare.name, "Blocked content");
        assert_eq!(
            bare.message,
            "This content is blocked until you allow Ads cookies."
        );
        let unknown_service =
            placeholder_texts(&config, "en", embed("marketing", Some("vimeo"), None, None))
                .unwrap();
        assert_eq!(unknown_service.name, "vimeo");
        // Granting marketing would not load it (the config lists no such service): no
        // "Always allow", while a listed service gets one.
        assert_eq!(unknown_service.always_allow, None);
        assert_eq!(named.always_allow.as_deref(), Some("Tillat alltid"));
        // The site does not use statistics: granting it is impossible, so no placeholder.
        assert_eq!(
            placeholder_texts(&config, "en", embed("statistics", None, None, None)),
            None
        );
        assert_eq!(
            placeholder_texts(&config, "en", embed("!marketing", None, None, None)),
            None
        );
    }

    #[test]
    fn placeholder_joins_categories_and_takes_config_texts() {
        let mut config = Config::default();
        config.texts.insert(
            "en",
            "placeholderText",
            "{service} needs {category}; {unknown} stays",
        );
        let texts = placeholder_texts(
            &config,
            "en",
            embed("statistics marketing", Some("{category}"), None, None),
        )
        .unwrap();
        assert_eq!(
            texts.message,
            "{category} needs Statistics and Marketing; {unknown} stays"
        );
    }

    #[test]
    fn hosts_of_embed_urls() {
        assert_eq!(
            host_of("https://www.youtube-nocookie.com/embed/x"),
            Some("www.youtube-nocookie.com")
        );
        assert_eq!(host_of("HTTP://Example.com:8080?x"), Some("Example.com"));
        assert_eq!(host_of("//cdn.example.org"), Some("cdn.example.org"));
        assert_eq!(host_of("https://user@[::1]:9/x"), Some("::1"));
        assert_eq!(host_of("/relative/path"), None);
        assert_eq!(host_of("javascript:alert(1)"), None);
        assert_eq!(host_of("https:///nohost"), None);
    }

    #[test]
    fn markup_problems_name_the_attribute() {
        let config = Config::from_json(
            r#"{"categories": ["necessary", "statistics",
                {"name": "marketing", "services": [{"name": "youtube"}]}]}"#,
        )
        .config;
        let problem = |c: &str, s: Option<&str>| markup_problem(&config, None, c, s);
        assert_eq!(problem("statistics", None), None);
        assert_eq!(
            markup_problem(&config, Some("/embed/1"), "statistics", None),
            None
        );
        assert_eq!(
            markup_problem(&config, Some(" java\tscript:alert(1)"), "statistics", None).as_deref(),
            Some("data-src: must be an http(s) or relative URL, not \"javascript:\"")
        );
        assert_eq!(problem("statistics marketing", None), None);
        assert_eq!(problem("!marketing", None), None);
        assert_eq!(
            problem("!preferences", None),
            None,
            "refused is always true"
        );
        assert_eq!(problem("marketing", Some("youtube")), None);
        assert_eq!(
            problem("analytics", None).as_deref(),
            Some("data-category: unknown category \"analytics\"; did you mean \"statistics\"?")
        );
        assert_eq!(
            problem("statistics !zzzzzzzzzz", None).as_deref(),
            Some("data-category: unknown category \"zzzzzzzzzz\"")
        );
        assert_eq!(
            problem("preferences", None).as_deref(),
            Some("data-category: \"preferences\" is not a category of the config, so it is never granted")
        );
        assert_eq!(
            problem(" , ", None).as_deref(),
            Some("data-category is empty, so the element never runs")
        );
        assert_eq!(
            problem("statistics !necessary", None).as_deref(),
            Some("data-category: \"!necessary\" never holds: necessary is always granted")
        );
        assert_eq!(
            problem("marketing,!marketing", None).as_deref(),
            Some("data-category: \"marketing\" and \"!marketing\" cannot both hold")
        );
        assert_eq!(problem("necessary", None), None);
        assert_eq!(
            problem("marketing", Some("vimeo")).as_deref(),
            Some("data-service: \"vimeo\" is not a service in the config, so it is never granted")
        );
    }

    #[test]
    fn an_element_with_a_markup_problem_never_runs() {
        let config = Config::from_json(
            r#"{"categories": ["necessary", "statistics",
                {"name": "marketing", "services": [{"name": "youtube"}]}]}"#,
        )
        .config;
        let tokens = [
            "statistics",
            "marketing",
            "preferences",
            "!marketing",
            "analytics",
            "necessary",
            "!necessary",
            "",
        ];
        let services = [None, Some("youtube"), Some("vimeo")];
        let subsets: Vec<CategorySet> = (0..8u8)
            .map(|bits| {
                [
                    Category::Statistics,
                    Category::Marketing,
                    Category::Preferences,
                ]
                .into_iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .fold(CategorySet::necessary_only(), |set, (_, c)| set.with(c))
            })
            .collect();
        for a in tokens {
            for b in tokens {
                for service in services {
                    let category = format!("{a} {b}");
                    if markup_problem(&config, None, &category, service).is_none() {
                        continue;
                    }
                    for granted in &subsets {
                        // What the reducer would grant: within the config, with its services.
                        let granted = granted.intersection(config.category_set());
                        let record = with_services(granted, &["youtube"]);
                        assert!(
                            !allows(&category, service, granted, &record.services),
                            "{category:?} {service:?} runs with {granted:?}"
                        );
                    }
                }
            }
        }
    }
}
