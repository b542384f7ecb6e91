//! Substrings without a panic path. `&text[a..b]` checks that both ends fall on char
//! boundaries and, if not, panics with a message built by std's Debug formatting of chars and
//! ranges: about 7 kB of every engine's wasm (raw), for indices that here always come from a search
//! in the same string. For a range off the char boundaries (which those indices cannot give)
//! `substring` returns `""` instead of panicking.

use std::slice::SliceIndex;

/// `&text[range]`, or `""` if `range` does not fall on char boundaries.
pub(crate) fn substring<R: SliceIndex<str, Output = str>>(text: &str, range: R) -> &str {
    text.get(range).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::substring;

    #[test]
    fn slices_like_std_and_gives_empty_off_a_char_boundary() {
        assert_eq!(substring("https://x", 8..), "x");
        assert_eq!(substring("abc", ..2), "ab");
        assert_eq!(substring("abc", 1..3), "bc");
        assert_eq!(substring("abc", 3..), "");
        assert_eq!(substring("æøå", 1..), "", "inside the two bytes of æ");
        assert_eq!(substring("abc", 2..9), "", "past the end");
    }
}
