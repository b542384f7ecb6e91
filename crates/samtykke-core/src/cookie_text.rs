//! Cookie strings, read and written: `document.cookie` (or a server's `Cookie` header) into
//! name-value pairs, encoded values, attributes, and erasing a cookie on the host and every
//! parent domain (where trackers like Google Analytics set theirs).

use super::config::{CookieOptions, SameSite};
use super::substring::split_ascii;

/// The name-value pairs of a `document.cookie` string or a `Cookie` header, in order. Pairs
/// without `=` are skipped; names and values are trimmed of spaces, values kept as written.
pub fn read_cookie_header(header: &str) -> Vec<(String, String)> {
    header
        .split(';')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            let name = name.trim();
            (!name.is_empty()).then(|| (name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// The value of the one cookie named `name` in a `document.cookie` string (pairs joined by
/// `"; "`, as browsers give it), as written; `None` when there is none or more than one (a
/// host-only cookie beside a domain cookie of the same name), which a returning-visit plan
/// cannot tell apart. Byte by byte, without std's Unicode trimming and splitting, which
/// would double the returning engine.
pub fn only_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    let mut found = None;
    for pair in split_ascii(header, b';') {
        let pair = pair.strip_prefix(' ').unwrap_or(pair);
        let value = pair
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('='));
        if value.is_some() && found.replace(value).is_some() {
            return None;
        }
    }
    found.flatten()
}

/// Percent-encodes everything but unreserved characters, so any text is a valid cookie value.
pub fn encode_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses [`encode_value`]; `None` for malformed escapes or invalid UTF-8.
pub fn decode_value(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The cookie string that stores `value` under the consent cookie's options.
pub fn consent_cookie(
    options: &CookieOptions,
    value: &str,
    max_age_secs: u64,
    https: bool,
) -> String {
    let mut cookie = format!(
        "{}={}; Path={}; Max-Age={max_age_secs}; SameSite={}",
        options.name,
        encode_value(value),
        options.path,
        options.same_site.as_str()
    );
    if let Some(domain) = &options.domain {
        cookie.push_str(&format!("; Domain={domain}"));
    }
    if options.secure.unwrap_or(https) || options.same_site == SameSite::None {
        cookie.push_str("; Secure");
    }
    cookie
}

/// The cookie strings that remove `name` wherever it may have been set: host-only, the host
/// itself and each parent domain (but never a bare top-level domain), on `/` and on `path`.
pub fn erase_everywhere(name: &str, host: &str, path: &str) -> Vec<String> {
    let expired = format!("{name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    let mut domains: Vec<Option<String>> = vec![None];
    let labels: Vec<&str> = host.split('.').collect();
    // An IP address has no parent domains. (No `IpAddr` parser: it costs 2.5 kB of wasm.)
    let is_ip = host.contains(':')
        || labels
            .iter()
            .all(|label| !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()));
    if !is_ip {
        for start in 0..labels.len().saturating_sub(1) {
            domains.push(Some(labels[start..].join(".")));
        }
    }
    let mut paths = vec!["/".to_owned()];
    if path != "/" && !path.is_empty() {
        paths.push(path.to_owned());
    }
    let mut strings = Vec::new();
    for domain in &domains {
        for p in &paths {
            let mut s = format!("{expired}; Path={p}");
            if let Some(d) = domain {
                s.push_str(&format!("; Domain={d}"));
            }
            strings.push(s);
        }
    }
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cookie_is_the_value_of_a_name_found_exactly_once() {
        for header in [
            "a=1; samtykke=%7B%7D; b=2",
            "samtykke=%7B%7D",
            "samtykke=%7B%7D; x",
        ] {
            assert_eq!(
                only_cookie(header, "samtykke"),
                Some("%7B%7D"),
                "{header:?}"
            );
            let pairs = read_cookie_header(header);
            let value = pairs
                .iter()
                .find(|(n, _)| n == "samtykke")
                .map(|(_, v)| v.as_str());
            assert_eq!(
                only_cookie(header, "samtykke"),
                value,
                "as the full engine reads it"
            );
        }
        assert_eq!(only_cookie("a=1; flag", "samtykke"), None);
        assert_eq!(
            only_cookie("samtykke=x; samtykke=y", "samtykke"),
            None,
            "a host-only and a domain cookie of one name"
        );
        assert_eq!(only_cookie("samtykke2=x; xsamtykke=y", "samtykke"), None);
    }

    #[test]
    fn cookie_headers_read_as_pairs() {
        let pairs = read_cookie_header(" a=1; samtykke=%7B%22v%22%3A1%7D ;broken; =x; b= two=2 ");
        assert_eq!(
            pairs,
            vec![
                ("a".to_owned(), "1".to_owned()),
                ("samtykke".to_owned(), "%7B%22v%22%3A1%7D".to_owned()),
                ("b".to_owned(), "two=2".to_owned()),
            ]
        );
        assert!(read_cookie_header("").is_empty());
    }

    #[test]
    fn values_round_trip_and_are_cookie_safe() {
        let raw = r#"{"v":1,"categories":["necessary"]; x=1, ø}"#;
        let encoded = encode_value(raw);
        assert!(!encoded.contains([';', ',', ' ', '"', '=']));
        assert_eq!(decode_value(&encoded).as_deref(), Some(raw));
        assert_eq!(decode_value("%zz"), None);
        assert_eq!(decode_value("%4"), None);
    }

    #[test]
    fn consent_cookie_has_the_attributes() {
        let mut options = CookieOptions::default();
        assert_eq!(
            consent_cookie(&options, "a b", 60, false),
            "samtykke=a%20b; Path=/; Max-Age=60; SameSite=Lax"
        );
        options.domain = Some(".example.com".into());
        let secure = consent_cookie(&options, "x", 1, true);
        assert!(
            secure.ends_with("; Domain=.example.com; Secure"),
            "{secure}"
        );
        options.secure = Some(false);
        assert!(!consent_cookie(&options, "x", 1, true).contains("Secure"));
    }

    #[test]
    fn erasing_covers_host_and_parents_but_not_the_tld() {
        let strings = erase_everywhere("_ga", "www.shop.example.no", "/");
        let domains: Vec<&str> = strings
            .iter()
            .map(|s| s.split("; Domain=").nth(1).unwrap_or("(host-only)"))
            .collect();
        assert_eq!(
            domains,
            vec![
                "(host-only)",
                "www.shop.example.no",
                "shop.example.no",
                "example.no"
            ]
        );
        assert!(strings.iter().all(|s| s.starts_with("_ga=; Max-Age=0")));
        assert_eq!(erase_everywhere("_ga", "127.0.0.1", "/a").len(), 2);
        // IP addresses have no parent domains: host-only on "/" alone.
        for ip in ["10.0.0.1", "[::1]", "::1"] {
            assert_eq!(
                erase_everywhere("_ga", ip, "/"),
                erase_everywhere("_ga", "localhost", "/")
            );
        }
        // A name with digits in some labels is still a name.
        assert_eq!(erase_everywhere("_ga", "shop1.example.no", "/").len(), 3);
    }
}
