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

/// `a`, `a and b`, `a, b and c` in `language`: its own comma (`listComma`), and its "and"
/// (`listAnd`, a template of the `{rest}` and the `{last}` item, so each language writes the
/// join as it does: Arabic's "و" is joined to the word after it).
pub(crate) fn list(config: &Config, language: &str, items: &[String]) -> String {
    let Some((last, rest)) = items.split_last() else {
        return String::new();
    };
    if rest.is_empty() {
        return last.clone();
    }
    let comma = config.text(language, TextKey::ListComma);
    let mut joined = String::new();
    for (i, item) in rest.iter().enumerate() {
        if i > 0 {
            joined.push_str(&comma);
            joined.push(' ');
        }
        joined.push_str(item);
    }
    let and = config.text(language, TextKey::ListAnd);
    fill(&and, &[("rest", &joined), ("last", last)])
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
        assert_eq!(list(&config, "en", &items(&[])), "");
        assert_eq!(list(&config, "en", &items(&["a"])), "a");
        assert_eq!(list(&config, "en", &items(&["a", "b"])), "a and b");
        assert_eq!(list(&config, "en", &items(&["a", "b", "c"])), "a, b and c");
        assert_eq!(
            list(&config, "ar", &items(&["أ", "ب", "ج"])),
            "أ، ب وج",
            "Arabic's و is written joined to the next word"
        );
    }
}
