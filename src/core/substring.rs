//! Substrings without a panic path. `&text[a..b]` checks that both ends fall on char
//! boundaries and, if not, panics with a message built by std's Debug formatting of chars and
//! ranges: about 4 kB of every engine's wasm, for indices that here always come from a search
//! in the same string. `substring` gives `""` instead, which cannot happen.

use std::slice::SliceIndex;

/// `&text[range]`, or `""` if `range` does not fall on char boundaries.
pub(crate) fn substring<R: SliceIndex<str, Output = str>>(text: &str, range: R) -> &str {
    text.get(range).unwrap_or_default()
}
