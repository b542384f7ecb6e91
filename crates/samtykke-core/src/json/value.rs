//! The JSON data model the engines read and write: `serde_json::Value`'s shape and method
//! names, without its map.
//!
//! serde_json keeps an object's key order with indexmap, whose hash table and its random seed
//! were about 6 kB of every wasm. The objects here are a few keys long (a config section, a
//! record, a Consent Mode update), so a list of pairs in order is smaller and as fast.

/// Any JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its keys in the order they were read or inserted.
    Object(Map),
}

/// A JSON number: whole numbers are kept exactly, others as `f64`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(N);

#[derive(Clone, Copy, Debug, PartialEq)]
enum N {
    Whole(u64),
    Negative(i64),
    Float(f64),
}

/// A JSON object: its entries in order, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The object to change, if this is one.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The number as `u64`, if it is a whole number in range.
    pub fn as_u64(&self) -> Option<u64> {
        self.number()?.as_u64()
    }

    /// The number as `i64`, if it is a whole number in range.
    pub fn as_i64(&self) -> Option<i64> {
        self.number()?.as_i64()
    }

    /// The number as `f64`, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        self.number().map(|n| n.as_f64())
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value under `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    fn number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// `value["key"]`: the value under `key`, or `null` when there is none (as serde_json).
impl std::ops::Index<&str> for Value {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(n.into())
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Value::Object(map)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(u64::from(n).into())
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

impl Number {
    /// A number that is not whole; `None` for NaN and the infinities, which JSON lacks.
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number(N::Float(f)))
    }

    /// The number as `u64`, if it is whole and not negative.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::Whole(u) => Some(u),
            _ => None,
        }
    }

    /// The number as `i64`, if it is whole and in range.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::Whole(u) => i64::try_from(u).ok(),
            N::Negative(i) => Some(i),
            N::Float(_) => None,
        }
    }

    /// The number as `f64` (whole numbers beyond 2^53 rounded).
    pub fn as_f64(&self) -> f64 {
        match self.0 {
            N::Whole(u) => u as f64,
            N::Negative(i) => i as f64,
            N::Float(f) => f,
        }
    }
}

impl From<u64> for Number {
    fn from(u: u64) -> Self {
        Number(N::Whole(u))
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        match u64::try_from(i) {
            Ok(u) => Number(N::Whole(u)),
            Err(_) => Number(N::Negative(i)),
        }
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map::default()
    }

    /// Sets `key` to `value`: in its place if the key is there (returning the old value, as a
    /// JSON reader keeps the last of repeated keys), else at the end.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => Some(std::mem::replace(old, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Takes `key` out, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(at).1)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the object has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// `value["key"]` on an object: as on [`Value`].
impl std::ops::Index<&str> for Map {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(items: I) -> Self {
        let mut map = Map::new();
        for (key, value) in items {
            map.insert(key, value);
        }
        map
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// The value as compact JSON text (as [`super::write`]).
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::write(self))
    }
}

/// serde_json's values, for Rust code that has them (a server, `Deserialize`, the tests): the
/// same value, key order kept. (Linked only where called: never in the engines.)
#[allow(clippy::disallowed_types)]
impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => u.into(),
                (None, Some(i)) => i.into(),
                _ => Number(N::Float(n.as_f64().unwrap_or(0.0))),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect())
            }
        }
    }
}

/// The same value as serde_json's, for Rust code that works with serde_json.
#[allow(clippy::disallowed_types)]
impl From<Value> for serde_json::Value {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Number(n) => match n.0 {
                N::Whole(u) => u.into(),
                N::Negative(i) => i.into(),
                N::Float(f) => f.into(),
            },
            Value::String(s) => serde_json::Value::String(s),
            Value::Array(items) => items.into_iter().map(serde_json::Value::from).collect(),
            Value::Object(map) => {
                serde_json::Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_keeps_its_place_and_takes_the_last_value() {
        let mut map = Map::new();
        map.insert("a".into(), 1u64.into());
        map.insert("b".into(), 2u64.into());
        assert_eq!(map.insert("a".into(), 3u64.into()), Some(1u64.into()));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(map["a"], Value::from(3u64));
        assert_eq!(map.remove("a"), Some(3u64.into()));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["b"]);
        assert!(map["a"].is_null());
    }

    #[test]
    fn numbers_answer_as_serde_json_does() {
        let minus = Value::Number((-5i64).into());
        assert_eq!((minus.as_u64(), minus.as_i64()), (None, Some(-5)));
        let big = Value::from(u64::MAX);
        assert_eq!((big.as_u64(), big.as_i64()), (Some(u64::MAX), None));
        let half = Value::Number(Number::from_f64(0.5).unwrap());
        assert_eq!((half.as_u64(), half.as_f64()), (None, Some(0.5)));
        assert_eq!(Number::from_f64(f64::NAN), None);
        assert_eq!(Value::from("x").as_f64(), None);
    }
}
