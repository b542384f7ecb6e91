//! Which language the visitor reads: the codes Samtykke has texts for, the fallback between
//! the two written Norwegians, and the choice among config, page and browser. A leaf: it
//! knows no config, so the config and the texts can both depend on it.

// `BUILT_IN_LANGUAGES`: the language files there are (see build.rs).
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The other written Norwegian of `language` (`nb` for `nn` and the other way round): a
/// Nynorsk reader reads Bokmål better than English, so texts given only in one serve both.
pub fn sibling_language(language: &str) -> Option<&'static str> {
    match language {
        "nb" => Some("nn"),
        "nn" => Some("nb"),
        _ => None,
    }
}

/// Where `language` is among the languages this build carries; English for any other.
pub(crate) fn built_in_index(language: &str) -> usize {
    COMPILED_LANGUAGES
        .iter()
        .position(|code| *code == language)
        .unwrap_or(0)
}

/// The writing direction of a language Samtykke shows (`rtl` for Arabic, else `ltr`): the
/// banner, dialog, placeholders and settings button carry it, whatever the page's.
pub fn text_direction(language: &str) -> &'static str {
    if language == "ar" {
        "rtl"
    } else {
        "ltr"
    }
}

/// Whether `code` looks like a BCP 47 language tag (`en`, `nb`, `pt-BR`).
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The language to show: `configured` (unless `"auto"`), else the page's `lang`, else the
/// first of the browser's languages that is supported, else English. Plain Norwegian (`no`)
/// means Bokmål (`nb`); Nynorsk (`nn`) has texts of its own. A language counts as supported
/// when it is built in or `has_texts` says the config gives texts for it.
pub fn choose_language(
    configured: &str,
    has_texts: impl Fn(&str) -> bool,
    page_lang: Option<&str>,
    browser: &[String],
) -> String {
    let supported = |code: &str| -> Option<String> {
        let primary = code.split('-').next()?.to_ascii_lowercase();
        let primary = match primary.as_str() {
            "no" => "nb".to_owned(),
            _ => primary,
        };
        (BUILT_IN_LANGUAGES.contains(&primary.as_str()) || has_texts(&primary)).then_some(primary)
    };
    if configured != "auto" {
        if let Some(code) = supported(configured) {
            return code;
        }
    }
    page_lang
        .into_iter()
        .chain(browser.iter().map(String::as_str))
        .find_map(supported)
        .unwrap_or_else(|| "en".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(page: Option<&str>, browser: &[String]) -> String {
        choose_language("auto", |_| false, page, browser)
    }

    #[test]
    fn language_choice_order() {
        let browser = vec!["ja-JP".to_owned(), "nb-NO".to_owned()];
        assert_eq!(choose(Some("nb"), &[]), "nb");
        assert_eq!(choose(Some("no"), &[]), "nb");
        assert_eq!(choose(Some("nn-NO"), &[]), "nn");
        assert_eq!(choose(Some("no-NO"), &[]), "nb");
        assert_eq!(choose(Some("zh"), &browser), "nb");
        assert_eq!(choose(None, &["ja".to_owned()]), "en");
        // Every language with a file is built in, with region fallback.
        assert_eq!(choose(Some("pt-BR"), &[]), "pt");
        assert_eq!(choose(None, &["ar-EG".to_owned()]), "ar");
        assert_eq!(choose(Some("fr-CA"), &browser), "fr");
        assert_eq!(choose(Some("en-GB"), &browser), "en");
        assert_eq!(choose_language("nb", |_| false, Some("en"), &[]), "nb");
        assert_eq!(
            choose_language("auto", |code| code == "is", Some("is-IS"), &[]),
            "is",
            "a language the config gives texts for counts as supported"
        );
    }

    #[test]
    fn language_codes() {
        for ok in ["en", "nb", "pt-BR", "zh-Hant-TW"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "12"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
