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
    PerLanguage(PerLanguage),
}

/// Texts keyed by language code, in the order the config gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PerLanguage(pub(crate) SmallMap<String>);

impl PerLanguage {
    /// The text for exactly `language`, if given.
    pub fn get(&self, language: &str) -> Option<&str> {
        self.0.get(language).map(String::as_str)
    }

    /// Each language code and its text, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(language, text)| (language, text.as_str()))
    }
}

impl<const N: usize> From<[(String, String); N]> for PerLanguage {
    fn from(texts: [(String, String); N]) -> Self {
        PerLanguage(SmallMap::from(texts))
    }
}

impl FromIterator<(String, String)> for PerLanguage {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(texts: I) -> Self {
        PerLanguage(texts.into_iter().collect())
    }
}

/// The config's overrides of built-in texts: language code, then text key, then text, in
/// the order the config gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct TextOverrides(pub(crate) SmallMap<SmallMap<String>>);

impl TextOverrides {
    /// The override of `key` (a text key as the config spells it) for exactly `language`.
    pub fn get(&self, language: &str, key: &str) -> Option<&str> {
        self.0.get(language)?.get(key).map(String::as_str)
    }

    /// Whether the config gives texts for `language` (possibly none that were valid).
    pub fn has_language(&self, language: &str) -> bool {
        self.0.contains_key(language)
    }

    /// The languages the config gives texts for, in the order given.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys()
    }

    /// Whether the config overrides no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text keys the config overrides for `language`, in the order given.
    pub fn keys(&self, language: &str) -> impl Iterator<Item = &str> {
        self.0.get(language).into_iter().flat_map(SmallMap::keys)
    }

    /// Sets the override of `key` for `language`.
    pub fn insert(&mut self, language: &str, key: &str, text: &str) {
        self.0
            .entry_or_default(language.to_owned())
            .insert(key.to_owned(), text.to_owned());
    }
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
        let t = Text::PerLanguage(PerLanguage::from([
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
        let only_nb = Text::PerLanguage(PerLanguage::from([("nb".to_owned(), "Hei".to_owned())]));
        assert_eq!(only_nb.resolve("en"), "Hei");
        assert_eq!(Text::from("Same").resolve("nb"), "Same");
    }
}
