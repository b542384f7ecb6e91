//! Which URLs Samtykke may load: `http(s)` and relative ones. A `javascript:` or `data:` URL in
//! a config field or a gated element's `data-src` would run in the page's origin.

/// Why `url` may not be loaded, naming its scheme; `None` for an `http(s)` or relative URL.
/// The scheme is read as a browser reads it: leading spaces and control characters are
/// skipped and tabs and newlines anywhere are dropped (`"java\tscript:"` is `javascript:`).
pub fn scheme_problem(url: &str) -> Option<String> {
    refused_scheme(url).map(|scheme| refusal(&scheme))
}

/// The message for a URL of a scheme that [`refused_scheme`] refuses.
pub(crate) fn refusal(scheme: &str) -> String {
    format!("must be an http(s) or relative URL, not \"{scheme}:\"")
}

/// The scheme of `url` when it is one Samtykke never loads (see [`scheme_problem`]), read
/// without formatting a message: the returning visit's gated-markup check carries no
/// formatter.
pub(crate) fn refused_scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    let start = url.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_control());
    for c in start.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            ':' => return (scheme != "http" && scheme != "https").then_some(scheme),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-') => {
                scheme.push(c.to_ascii_lowercase());
            }
            // Not a scheme: a relative URL.
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::scheme_problem;

    #[test]
    fn only_http_and_relative_urls_load() {
        for ok in [
            "https://www.youtube-nocookie.com/embed/x",
            "HTTP://example.com/",
            "/js/stats.js",
            "stats.js",
            "./a:b",
            "?q=1:2",
            "//cdn.example.com/x.js",
            "",
        ] {
            assert_eq!(scheme_problem(ok), None, "{ok}");
        }
        for (bad, scheme) in [
            ("javascript:alert(1)", "javascript"),
            (" JavaScript:alert(1)", "javascript"),
            ("java\tscript:alert(1)", "javascript"),
            ("\u{1}javascript:x", "javascript"),
            ("java\nscript:x", "javascript"),
            ("data:text/html,<script>x</script>", "data"),
            ("vbscript:x", "vbscript"),
            ("blob:https://a/b", "blob"),
        ] {
            assert_eq!(
                scheme_problem(bad),
                Some(format!(
                    "must be an http(s) or relative URL, not \"{scheme}:\""
                )),
                "{bad:?}"
            );
        }
    }
}
