//! `SmallMap`: string keys to values, in the order given, for the config's few texts per
//! language. A `BTreeMap` would do the same job with about 5 kB more wasm in every engine
//! (its node code, clone and drop), for maps of a handful of entries looked up a few times.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A map from string keys to values that keeps the order of insertion; a key appears once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmallMap<V>(Vec<(String, V)>);

impl<V> Default for SmallMap<V> {
    fn default() -> Self {
        SmallMap(Vec::new())
    }
}

impl<V> SmallMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        SmallMap(Vec::new())
    }

    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets the value of `key`, replacing any value it had (the key keeps its place).
    pub fn insert(&mut self, key: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// The value of `key`, inserted as `V::default()` if it had none.
    pub fn entry_or_default(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        let at = match self.0.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.0.push((key, V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }

    /// The entries in the order they were first inserted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys in the order they were first inserted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Whether the map has no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V, const N: usize> From<[(String, V); N]> for SmallMap<V> {
    fn from(entries: [(String, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<V> FromIterator<(String, V)> for SmallMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = SmallMap::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

impl<V: Serialize> Serialize for SmallMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The schema of a JSON object with values of `V`, as for any string-keyed map. Native only,
/// so borrowing the B-tree map's schema costs the wasm nothing.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_types)]
impl<V: schemars::JsonSchema> schemars::JsonSchema for SmallMap<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, V> as schemars::JsonSchema>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V> as schemars::JsonSchema>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
// serde_json is the reference the tests compare with; the size rules are for the wasm.
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_replaces_in_place_and_finds_keys() {
        let mut map = SmallMap::new();
        map.insert("nb".to_owned(), 1);
        map.insert("en".to_owned(), 2);
        map.insert("nb".to_owned(), 3);
        *map.entry_or_default("nn".to_owned()) += 4;
        *map.entry_or_default("en".to_owned()) += 10;
        let entries: Vec<_> = map.iter().collect();
        assert_eq!(entries, [("nb", &3), ("en", &12), ("nn", &4)]);
        assert_eq!(map.get("en"), Some(&12));
        assert_eq!(map.get("de"), None);
        assert!(map.contains_key("nn") && !map.contains_key("n"));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["nb", "en", "nn"]);
        assert_eq!(map.get("nn"), Some(&4));
        assert_eq!(map.keys().count(), 3);
        assert!(SmallMap::<u8>::new().is_empty());
        assert_eq!(
            SmallMap::from([("a".to_owned(), 1), ("a".to_owned(), 2)])
                .keys()
                .count(),
            1
        );
    }

    #[test]
    fn serializes_as_an_object_in_order() {
        let map = SmallMap::from([("z".to_owned(), "last"), ("a".to_owned(), "first")]);
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            r#"{"z":"last","a":"first"}"#
        );
    }
}
