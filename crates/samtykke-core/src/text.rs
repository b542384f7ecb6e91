//! Texts from config: one string for every language, or one per language code.

use super::small_map::SmallMap;
use serde::Serialize;

/// A text that is either the same in all languages or given per language code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    /// The same text whatever the language.
    Plain(String),
    /// Texts keyed by language code (`"en"`, `"nb"`, ...).
    PerLanguage(SmallMap<String>),
}

impl Text {
    /// The text for `language`, falling back to the other written Norwegian (a Nynorsk reader
    /// reads Bokmål better than English, and the other way round), then English, then the
    /// first language given.
    pub fn resolve(&self, language: &str) -> &str {
        let sibling = super::language::sibling_language(language);
        match self {
            Text::Plain(s) => s,
            Text::PerLanguage(map) => map
                .get(language)
                .or_else(|| sibling.and_then(|s| map.get(s)))
                .or_else(|| map.get("en"))
                .or_else(|| map.iter().next().map(|(_, text)| text))
                .map(String::as_str)
                .unwrap_or(""),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_language_then_english_then_any() {
        let t = Text::PerLanguage(SmallMap::from([
            ("en".to_owned(), "Statistics".to_owned()),
            ("nb".to_owned(), "Statistikk".to_owned()),
        ]));
        assert_eq!(t.resolve("nb"), "Statistikk");
        assert_eq!(
            t.resolve("nn"),
            "Statistikk",
            "Nynorsk falls back to Bokmål before English"
        );
        assert_eq!(t.resolve("de"), "Statistics");
        let only_nb = Text::PerLanguage(SmallMap::from([("nb".to_owned(), "Hei".to_owned())]));
        assert_eq!(only_nb.resolve("en"), "Hei");
        assert_eq!(Text::from("Same").resolve("nb"), "Same");
    }
}
