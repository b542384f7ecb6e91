//! The consent record: what the visitor chose, when, under which policy revision, and its
//! strict, versioned storage codec.

use super::category::{Category, CategorySet};
use super::limits::{MAX_ENCODED_LEN, MAX_STORED_SERVICE_NAME_LEN};
use super::substring::substring;
use crate::json::{Map, Value};
use serde::Serialize;
use std::fmt;

/// The current format version of a stored record.
pub const FORMAT_VERSION: u64 = 1;

/// 2020-01-01T00:00:00Z in milliseconds: no record can be older than Samtykke.
const EARLIEST_MS: u64 = 1_577_836_800_000;

/// 2200-01-01T00:00:00Z in milliseconds: nothing is kept that long.
const LATEST_MS: u64 = 7_258_118_400_000;

/// How a choice was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// "Accept all".
    AcceptAll,
    /// "Reject all".
    RejectAll,
    /// "Save preferences", or `accept(categories)` from the API.
    Custom,
    /// Recorded because the browser sent Global Privacy Control and nothing was chosen yet.
    Gpc,
}

impl Method {
    /// The name used in storage and the JS API.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::AcceptAll => "accept-all",
            Method::RejectAll => "reject-all",
            Method::Custom => "custom",
            Method::Gpc => "gpc",
        }
    }

    fn parse(s: &str) -> Option<Method> {
        [
            Method::AcceptAll,
            Method::RejectAll,
            Method::Custom,
            Method::Gpc,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// A random consent id in UUID v4 form, so that the visitor and the site's consent log can
/// refer to one choice without naming the visitor.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ConsentId(String);

impl ConsentId {
    /// Makes an id from 16 random bytes (from `crypto.getRandomValues` in the browser).
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> ConsentId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        ConsentId(format!(
            "{}-{}-{}-{}-{}",
            substring(&hex, 0..8),
            substring(&hex, 8..12),
            substring(&hex, 12..16),
            substring(&hex, 16..20),
            substring(&hex, 20..32)
        ))
    }

    /// Accepts exactly the lowercase UUID v4 form that [`ConsentId::from_random_bytes`] writes.
    pub fn parse(s: &str) -> Option<ConsentId> {
        let groups: Vec<&str> = s.split('-').collect();
        let lens = [8, 4, 4, 4, 12];
        let well_formed = groups.len() == 5
            && groups.iter().zip(lens).all(|(g, n)| {
                g.len() == n
                    && g.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            })
            && groups[2].starts_with('4')
            && groups[3].starts_with(['8', '9', 'a', 'b']);
        well_formed.then(|| ConsentId(s.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ConsentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One visitor's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentRecord {
    /// Random id of this choice.
    pub id: ConsentId,
    /// Granted categories; always holds `necessary`.
    pub granted: CategorySet,
    /// Services granted (those of granted categories, by name).
    pub services: Vec<String>,
    /// The config `revision` the choice was made under.
    pub revision: u32,
    /// When it was given, in milliseconds since the Unix epoch.
    pub given_at: u64,
    /// When it stops being valid, in milliseconds since the Unix epoch.
    pub expires_at: u64,
    /// The language the banner was shown in.
    pub language: String,
    /// How it was given.
    pub method: Method,
    /// The host that kept it in a cookie only that host should read (no `cookie.domain`):
    /// a cookie of the same name from a sibling subdomain is then not this page's choice.
    /// `None` elsewhere, and in records written before hosts were recorded.
    pub host: Option<String>,
}

impl ConsentRecord {
    /// The record as the JSON the JS API returns and storage holds.
    pub fn to_json_value(&self) -> Value {
        let mut value = super::json::object([
            ("v", FORMAT_VERSION.into()),
            ("id", self.id.as_str().into()),
            ("categories", self.granted.names().into()),
            ("services", self.services.clone().into()),
            ("revision", self.revision.into()),
            ("givenAt", self.given_at.into()),
            ("expiresAt", self.expires_at.into()),
            ("language", self.language.as_str().into()),
            ("method", self.method.as_str().into()),
        ]);
        if let (Some(host), Value::Object(map)) = (&self.host, &mut value) {
            map.insert("host".to_owned(), host.as_str().into());
        }
        value
    }

    /// Whole seconds until the record expires (`0` once it has): the `Max-Age` of a cookie
    /// that keeps it.
    pub fn seconds_left(&self, now_ms: u64) -> u64 {
        self.expires_at.saturating_sub(now_ms) / 1000
    }

    /// Encodes the record for storage.
    pub fn encode(&self) -> String {
        super::json::write(&self.to_json_value())
    }

    /// Decodes a stored record strictly: anything that is not exactly what
    /// [`ConsentRecord::encode`] writes is an error, and the caller treats it as no record.
    pub fn decode(stored: &str) -> Result<ConsentRecord, DecodeError> {
        if stored.len() > MAX_ENCODED_LEN {
            return Err(DecodeError("longer than any record"));
        }
        let value = super::json::parse(stored).map_err(|_| DecodeError("not JSON"))?;
        let Value::Object(map) = value else {
            return Err(DecodeError("not an object"));
        };
        const KEYS: [&str; 9] = [
            "v",
            "id",
            "categories",
            "services",
            "revision",
            "givenAt",
            "expiresAt",
            "language",
            "method",
        ];
        let with_host = usize::from(map.contains_key("host"));
        if map.len() != KEYS.len() + with_host || !KEYS.iter().all(|k| map.contains_key(k)) {
            return Err(DecodeError("keys differ from the format"));
        }
        match map["v"].as_u64() {
            Some(FORMAT_VERSION) => {}
            Some(_) => return Err(DecodeError("unknown format version")),
            None => return Err(DecodeError("format version is not a number")),
        }
        let id = str_field(&map, "id")
            .and_then(ConsentId::parse)
            .ok_or(DecodeError("bad consent id"))?;
        let granted = category_list(&map["categories"])?;
        let services = string_list(&map["services"])?;
        let revision = map["revision"]
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(DecodeError("bad revision"))?;
        let given_at = time_field(&map, "givenAt")?;
        let expires_at = time_field(&map, "expiresAt")?;
        if expires_at <= given_at {
            return Err(DecodeError("expires before it was given"));
        }
        let language = str_field(&map, "language")
            .filter(|l| super::language::is_language_code(l))
            .ok_or(DecodeError("bad language"))?
            .to_owned();
        let method = str_field(&map, "method")
            .and_then(Method::parse)
            .ok_or(DecodeError("bad method"))?;
        let host = match map.get("host") {
            None => None,
            Some(host) => Some(
                host.as_str()
                    .filter(|h| is_host_name(h))
                    .ok_or(DecodeError("bad host"))?
                    .to_owned(),
            ),
        };
        Ok(ConsentRecord {
            id,
            granted,
            services,
            revision,
            given_at,
            expires_at,
            language,
            method,
            host,
        })
    }
}

/// Whether `host` reads as a page's host name as `location.hostname` gives it: lowercase
/// letters, digits, `.` and `-` (or an IPv6 address in brackets), at most 253 bytes.
fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-:[]".contains(&b))
}

/// Why a stored value is not a record. Shown in a console warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("stored consent record ignored: {0}")]
pub struct DecodeError(pub &'static str);

fn str_field<'a>(map: &'a Map, key: &str) -> Option<&'a str> {
    map.get(key)?.as_str()
}

fn time_field(map: &Map, key: &str) -> Result<u64, DecodeError> {
    map[key]
        .as_u64()
        .filter(|t| (EARLIEST_MS..=LATEST_MS).contains(t))
        .ok_or(DecodeError("time out of range"))
}

fn string_list(value: &Value) -> Result<Vec<String>, DecodeError> {
    let items = value
        .as_array()
        .ok_or(DecodeError("services is not a list"))?;
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let name = item
            .as_str()
            .filter(|s| !s.is_empty() && s.len() <= MAX_STORED_SERVICE_NAME_LEN)
            .ok_or(DecodeError("bad service name"))?;
        if names.iter().any(|n| n == name) {
            return Err(DecodeError("service listed twice"));
        }
        names.push(name.to_owned());
    }
    Ok(names)
}

fn category_list(value: &Value) -> Result<CategorySet, DecodeError> {
    let items = value
        .as_array()
        .ok_or(DecodeError("categories is not a list"))?;
    let mut set = CategorySet::EMPTY;
    for item in items {
        let category = item
            .as_str()
            .and_then(Category::parse)
            .ok_or(DecodeError("unknown category"))?;
        if set.contains(category) {
            return Err(DecodeError("category listed twice"));
        }
        set = set.with(category);
    }
    if !set.contains(Category::Necessary) {
        return Err(DecodeError("necessary is missing"));
    }
    Ok(set)
}
