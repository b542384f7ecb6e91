//! The cookie reader (`document.cookie`, a `Cookie` header): any header gives name/value
//! pairs, and each value's percent-decoding either fails or round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::{decode_value, encode_value, read_cookie_header};

fuzz_target!(|header: &str| {
    for (name, value) in read_cookie_header(header) {
        assert!(
            !name.is_empty() && !name.contains(';') && !name.contains('='),
            "{name:?}"
        );
        assert!(!value.contains(';'), "{value:?}");
        if let Some(decoded) = decode_value(&value) {
            assert_eq!(decode_value(&encode_value(&decoded)), Some(decoded));
        }
    }
});
