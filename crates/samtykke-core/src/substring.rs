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

/// The parts of `text` between the ASCII byte `separator`s, like `text.split(char)`, whose
/// char searcher slices with a panic path (and its messages) that the returning engine
/// would download. An ASCII byte always falls on a char boundary.
pub(crate) fn split_ascii(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(at) => {
                rest = Some(substring(current, at + 1..));
                Some(substring(current, ..at))
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{split_ascii, substring};

    #[test]
    fn splits_like_std() {
        for text in ["", "a", "a,b", ",a,,b,", "æ,ø,å", ",,"] {
            let ours: Vec<&str> = split_ascii(text, b',').collect();
            let std: Vec<&str> = text.split(',').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

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
