//! Texts with `{name}` slots (`{service}`, `{category}`, `{purposes}`, ...) filled in, without
//! `str::replace`, whose slicing carries std's panic messages into the engines; and lists
//! joined with the language's own "and".

use super::config::Config;
use super::substring::substring;
use super::texts::TextKey;

/// Puts `values` into the `{name}` slots of `template` in one pass, so a value that itself
/// contains braces is never expanded.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(substring(rest, ..open));
        let after = substring(rest, open + 1..);
        let slot = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(k, _)| *k == substring(after, ..close))
                .map(|(_, v)| (close, *v))
        });
        match slot {
            Some((close, value)) => {
                out.push_str(value);
                rest = substring(after, close + 1..);
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `a`, `a and b`, `a, b and c` in `language`: its own comma (`listComma`) and "and"
/// (`listAnd`).
pub(crate) fn list(config: &Config, language: &str, items: &[String]) -> String {
    let comma = config.text(language, TextKey::ListComma);
    let and = config.text(language, TextKey::ListAnd);
    // Arabic writes its "and" joined to the word after it.
    let joined = and == "\u{648}";
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i + 1 == items.len() && i > 0 {
            out.push(' ');
            out.push_str(&and);
            if !joined {
                out.push(' ');
            }
        } else if i > 0 {
            out.push_str(&comma);
            out.push(' ');
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_list_is_joined_with_the_language_s_comma_and_and() {
        let config = Config::default();
        assert_eq!(list(&config, "en", &items(&["a"])), "a");
        assert_eq!(list(&config, "en", &items(&["a", "b", "c"])), "a, b and c");
        assert_eq!(
            list(&config, "ar", &items(&["أ", "ب", "ج"])),
            "أ، ب وج",
            "Arabic's و is written joined to the next word"
        );
    }
}
